// Reading input sheets and replacing output sheets, in a fixed number of Sheets calls whatever the size.

import { type Cell, OUTPUT_SHEETS, type SheetOutput } from '../../model/output';
import type { Grid, RawWorkbook } from '../../model/read';
import { findTab } from '../../model/read';
import { Settings } from '../../model/settings';
import { INPUT_SHEETS } from '../../model/sheets';
import { toCell, toSheetValue } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function timeZoneOf(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone() || 'UTC';
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

function isOutputSheet(name: string): boolean {
  return (OUTPUT_SHEETS as readonly string[]).includes(name);
}

/** Rectangular copy: every row as wide as the widest, filled with `fill`. */
function rectangle<T>(rows: readonly (readonly T[])[] | undefined, height: number, width: number, fill: T): T[][] | undefined {
  if (!rows) return undefined;
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? fill));
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

export function checkOutput(output: SheetOutput): void {
  if (!output || !Array.isArray(output.values) || !output.values.every(Array.isArray)) {
    throw new Error('An output sheet must be a table of rows.');
  }
  if (!isOutputSheet(output.name)) {
    throw new Error(`Crewsheet only writes its own sheets (${OUTPUT_SHEETS.join(', ')}), not "${output.name}".`);
  }
  if (output.values.length === 0) throw new Error(`Nothing to write to ${output.name}.`);
}

/**
 * Writes an output sheet into a fresh tab, then swaps it in for the old one, so a failed run leaves
 * the previous output intact. One setValues, plus at most one call per formatting layer.
 */
export function replaceOutputSheet(ss: Spreadsheet, output: SheetOutput, timeZone: string): { rows: number; columns: number } {
  checkOutput(output);
  const height = output.values.length;
  const width = Math.max(...output.values.map((r) => r.length));
  const values = (rectangle(output.values, height, width, null as Cell) as Cell[][]).map((row) =>
    row.map((c) => toSheetValue(c, timeZone)),
  );

  const stale = ss.getSheetByName(`${output.name} (updating)`);
  if (stale) ss.deleteSheet(stale);
  const sheet = ss.insertSheet(`${output.name} (updating)`, ss.getSheets().length);
  try {
    ensureSize(sheet, height, width);
    const range = sheet.getRange(1, 1, height, width);
    range.setValues(values);
    const backgrounds = rectangle(output.backgrounds, height, width, null);
    if (backgrounds) range.setBackgrounds(backgrounds as string[][]);
    const fontColors = rectangle(output.fontColors, height, width, null);
    if (fontColors) range.setFontColors(fontColors as string[][]);
    const formats = rectangle(output.numberFormats, height, width, '');
    if (formats) range.setNumberFormats(formats.map((row) => row.map((f) => f || 'General')));
    const notes = rectangle(output.notes, height, width, '');
    if (notes) range.setNotes(notes);
    if (output.boldRows?.length) {
      const bold = new Set(output.boldRows);
      range.setFontWeights(Array.from({ length: height }, (_, r) => new Array(width).fill(bold.has(r) ? 'bold' : 'normal')));
    }
    if (output.frozenRows) sheet.setFrozenRows(output.frozenRows);
    if (output.frozenColumns) sheet.setFrozenColumns(output.frozenColumns);
    setColumnWidths(sheet, output.columnWidths ?? []);
  } catch (error) {
    ss.deleteSheet(sheet);
    throw error;
  }
  const old = ss.getSheetByName(output.name);
  const position = old ? old.getIndex() : undefined;
  if (old) ss.deleteSheet(old);
  sheet.setName(output.name);
  if (position !== undefined) {
    ss.setActiveSheet(sheet);
    ss.moveActiveSheet(position);
  }
  return { rows: height, columns: width };
}

/** Consecutive columns of the same width share one call. */
function setColumnWidths(sheet: Sheet, widths: readonly number[]): void {
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c === widths.length || widths[c] !== widths[start]) {
      if (widths[start] > 0) sheet.setColumnWidths(start + 1, c - start, widths[start]);
      start = c;
    }
  }
}
