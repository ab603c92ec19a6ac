// Custom-function arguments as Sheets passes them: a range arrives as a 2D array, a single cell as a
// plain value, an omitted argument as undefined.

import type { Grid } from '../../model/read';
import { localeOf, timeZoneOf } from './spreadsheet';

export function asTable(value: unknown): Grid {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

/** Non-blank values of a single row or column, in order. */
export function asList(value: unknown): unknown[] {
  return asTable(value)
    .flat()
    .filter((v) => v !== '' && v !== null && v !== undefined);
}

/** The spreadsheet's time zone; custom functions may read it without authorization. */
export function sheetTimeZone(): string {
  return timeZoneOf(SpreadsheetApp.getActiveSpreadsheet());
}

/** The spreadsheet's locale, as custom functions read dates typed as text. */
export function sheetLocale(): string {
  return localeOf(SpreadsheetApp.getActiveSpreadsheet());
}
