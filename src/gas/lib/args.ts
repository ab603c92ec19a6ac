// Custom-function arguments as Sheets passes them: a range arrives as a 2D array, a single cell as a
// plain value, an omitted argument as undefined.

import { TooMuchWork } from '../../model/effort';
import type { Grid } from '../../model/read';
import { localeOf, timeZoneOf } from './spreadsheet';

/** Cells a formula reads from one range: 50,000 rows of Tasks, read well within Sheets' 30 seconds. */
export const MAX_RANGE_CELLS = 1_000_000;

export function asTable(value: unknown): Grid {
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value)) return [[value]];
  const grid = value.map((row) => (Array.isArray(row) ? row : [row]));
  if (grid.length * (grid[0]?.length ?? 0) > MAX_RANGE_CELLS)
    throw new TooMuchWork("A range is over a formula's 1,000,000 cells: pass only the rows in use.");
  return grid;
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
