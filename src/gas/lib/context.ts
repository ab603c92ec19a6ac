// The sheets a custom function depends on besides the ranges it is passed, read from its own
// spreadsheet (custom functions may read it, without authorization): Settings (plan start, proposals,
// currency, coverage…), Templates (projects planned from their Type), Clients (Since, managers), so a
// formula reads the workbook the way the panels do. Sheets recalculates a formula when its ranges
// change, not when these sheets do.

import { findTab, type Grid, type RawWorkbook } from '../../model/read';

/** A sheet by name, as the sheet specs name them. */
export type SheetSpec = { name: string; aliases: readonly string[] };

/** The tabs holding these sheets (by name or alias), with their values; absent sheets are left out. */
export function contextSheets(specs: readonly SheetSpec[]): RawWorkbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs: Record<string, Grid> = Object.fromEntries(ss.getSheets().map((s) => [s.getName(), []]));
  const raw: RawWorkbook = {};
  for (const spec of specs) {
    const tab = findTab(tabs, spec);
    if (tab !== undefined) raw[tab] = (ss.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet).getDataRange().getValues();
  }
  return raw;
}
