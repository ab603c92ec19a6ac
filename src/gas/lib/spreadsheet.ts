// Reading input sheets, in a fixed number of Sheets calls whatever the size.

import type { Cell } from '../../model/output';
import type { Grid, RawWorkbook } from '../../model/read';
import { findTab } from '../../model/read';
import { Settings } from '../../model/settings';
import { INPUT_SHEETS } from '../../model/sheets';
import { toCell } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function timeZoneOf(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone() || 'UTC';
}

/** The spreadsheet's locale (en_US, de_DE…): how dates typed as text read. */
export function localeOf(ss: Spreadsheet): string {
  return ss.getSpreadsheetLocale() || 'en_US';
}

/** A sheet by name, as the sheet specs name them. */
export type SheetSpec = { name: string; aliases: readonly string[] };

/** The tabs holding these sheets (by name or alias), each read with a single getValues(); absent sheets are left out. */
export function readTabs(ss: Spreadsheet, specs: readonly SheetSpec[]): RawWorkbook {
  const tabs: Record<string, Grid> = Object.fromEntries(ss.getSheets().map((s) => [s.getName(), []]));
  const raw: RawWorkbook = {};
  for (const spec of specs) {
    const tab = findTab(tabs, spec);
    if (tab !== undefined) raw[tab] = (ss.getSheetByName(tab) as Sheet).getDataRange().getValues();
  }
  return raw;
}

/** The input sheets present. */
export function readInputSheets(ss: Spreadsheet): RawWorkbook {
  return readTabs(ss, [...INPUT_SHEETS, Settings]);
}

export function toCells(grid: Grid, timeZone: string): Cell[][] {
  return grid.map((row) => row.map((v) => toCell(v, timeZone)));
}
