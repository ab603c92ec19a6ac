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

/** The input sheets present, each read with a single getValues(). */
export function readInputSheets(ss: Spreadsheet): RawWorkbook {
  const tabs: Record<string, Grid> = {};
  for (const sheet of ss.getSheets()) tabs[sheet.getName()] = [];
  const raw: RawWorkbook = {};
  for (const spec of [...INPUT_SHEETS, Settings]) {
    const tab = findTab(tabs, spec);
    if (tab !== undefined) raw[tab] = (ss.getSheetByName(tab) as Sheet).getDataRange().getValues();
  }
  return raw;
}

export function toCells(grid: Grid, timeZone: string): Cell[][] {
  return grid.map((row) => row.map((v) => toCell(v, timeZone)));
}
