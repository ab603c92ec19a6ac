// The add-on's lifecycle and menu. onOpen runs in AuthMode.NONE: it builds the menu and nothing else.

import { setUpSheets } from './lib/setup';

/** Adds the Crewsheet menu under Extensions. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Crewsheet', 'showSidebar')
    .addSeparator()
    .addItem('Set up sheets', 'menuSetUpSheets')
    .addToUi();
}

/** Runs when the add-on is installed: the menu must appear without reloading. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the Crewsheet sidebar. */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Crewsheet');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: creates any missing input sheet with headers, notes and dropdowns. */
export function menuSetUpSheets(): void {
  const report = setUpSheets(SpreadsheetApp.getActiveSpreadsheet());
  const created = report.created.length ? `Created: ${report.created.join(', ')}.` : 'All input sheets were already there.';
  SpreadsheetApp.getActiveSpreadsheet().toast(created, 'Crewsheet', 8);
}
