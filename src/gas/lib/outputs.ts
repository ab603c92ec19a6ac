// Output sheets. Crewsheet writes only sheets it created, found by the mark it leaves on them
// (developer metadata), never by name alone: a user's own sheet called Schedule is left alone and the
// output goes beside it under another name. Each output is rewritten in place, so formulas pointing
// into it keep working; a run's sheets are written all or none (the previous contents are put back
// if any write fails); sizes are checked against Sheets' limits before anything is touched.

import type { WriteReport } from '../../api';
import { isoToDay } from '../../model/dates';
import { formatNumber } from '../../model/numbers';
import { type Cell, isDateCell, keepTicks, OUTPUT_SHEETS, type SheetOutput } from '../../model/output';
import { clipText, guardText, toSheetValue } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** The mark's key; its value is the output's name (Schedule, Timeline…). */
const MARK = 'crewsheet.output';
/** Sheets' limits: cells in a spreadsheet (empty ones count), columns in a sheet. */
export const CELL_LIMIT = 10_000_000;
export const COLUMN_LIMIT = 18_278;
/** A new sheet's grid; an output that shrinks keeps at least this much. */
const GRID = { rows: 1000, columns: 26 };
/** Outputs written before sheets were marked carry this note at A1: such a sheet is Crewsheet's. */
const LEGACY_NOTE = /^Written by Crewsheet/;
const MAX_OTHER_NAMES = 50;

/** Every marked output sheet by output name. A copied output carries the mark too: the one still bearing the name wins. */
function markedSheets(ss: Spreadsheet): Map<string, Sheet> {
  const owned = new Map<string, Sheet>();
  for (const m of ss.createDeveloperMetadataFinder().withKey(MARK).find()) {
    const sheet = m.getLocation().getSheet();
    const name = m.getValue();
    if (!sheet || !name) continue;
    const held = owned.get(name);
    if (!held || (held.getName() !== name && sheet.getName() === name)) owned.set(name, sheet);
  }
  return owned;
}

/** An unmarked sheet of the output's name that an earlier Crewsheet wrote. */
function legacySheet(ss: Spreadsheet, name: string, marked: ReadonlySet<Sheet>): Sheet | undefined {
  const sheet = ss.getSheetByName(name);
  if (!sheet || marked.has(sheet)) return undefined;
  return LEGACY_NOTE.test(sheet.getRange(1, 1).getNote()) ? sheet : undefined;
}

/** The sheet Crewsheet wrote the named output to, if any (it may have been renamed since). */
export function ownedSheet(ss: Spreadsheet, name: string): Sheet | null {
  const marked = markedSheets(ss);
  return marked.get(name) ?? legacySheet(ss, name, new Set(marked.values())) ?? null;
}

/** The first of Name, "Name (Crewsheet)", "Name (Crewsheet 2)"… no sheet has (Sheets ignores case). */
function freeName(taken: Set<string>, name: string): string {
  for (let i = 0; i < MAX_OTHER_NAMES; i++) {
    const candidate = i === 0 ? name : i === 1 ? `${name} (Crewsheet)` : `${name} (Crewsheet ${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  throw new Error(
    `Nothing was written: every name for the ${name} sheet is taken. Rename or delete some of the "${name} (Crewsheet …)" sheets.`,
  );
}

// ---- Checking what is asked, before touching anything -------------------------------------------

const isGrid = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every(Array.isArray);

function isCell(v: unknown): v is Cell {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return isDateCell(v) && Object.keys(v).length === 1 && isoToDay(v.date) !== undefined;
}

const isText = (v: unknown) => v == null || typeof v === 'string';
const isCount = (v: unknown) => v == null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20_000);

/** A formatting layer: rows of text; rows and cells may be missing (null after JSON), keeping the default. */
const isLayer = (layer: unknown) =>
  layer == null || (Array.isArray(layer) && layer.every((row) => row == null || (Array.isArray(row) && row.every(isText))));

/** Refuses anything but a table of plain values (and formatting of plain values) for one of Crewsheet's sheets. */
export function checkOutput(output: SheetOutput): void {
  if (!output || !isGrid(output.values)) throw new Error('An output sheet must be a table of rows.');
  if (!(OUTPUT_SHEETS as readonly string[]).includes(output.name)) {
    throw new Error(`Crewsheet only writes its own sheets (${OUTPUT_SHEETS.join(', ')}), not "${String(output.name).slice(0, 100)}".`);
  }
  if (!output.values.length) throw new Error(`Nothing to write to ${output.name}.`);
  output.values.forEach((row, r) => {
    const c = row.findIndex((v) => !isCell(v));
    if (c >= 0) throw new Error(`${output.name} row ${r + 1}, column ${c + 1} is not a plain value (text, number, yes/no or date).`);
  });
  const { backgrounds, fontColors, numberFormats, notes, boldRows, frozenRows, frozenColumns, columnWidths, checkboxes } = output;
  const lists = [boldRows, columnWidths, checkboxes?.key].every((list) => list == null || (Array.isArray(list) && list.every(isCount)));
  const boxes = checkboxes == null || (typeof checkboxes === 'object' && isCount(checkboxes.column) && Array.isArray(checkboxes.key));
  if (
    ![backgrounds, fontColors, numberFormats, notes].every(isLayer) ||
    !lists ||
    !boxes ||
    !isCount(frozenRows) ||
    !isCount(frozenColumns)
  ) {
    throw new Error(`${output.name}: its formatting must be tables of text and whole numbers.`);
  }
}

// ---- Writing ---------------------------------------------------------------------------------------

/** What one range gets, layer by layer; the same for a new output and for putting an old one back. */
interface Layers {
  values: unknown[][];
  backgrounds?: (string | null)[][];
  fontColors?: (string | null)[][];
  numberFormats?: string[][];
  notes?: string[][];
  fontWeights?: string[][];
  /** Checkboxes, for an output that has them: the sheet's other rules are cleared first. */
  validations?: (Rule | null)[][];
  frozenRows: number;
  frozenColumns: number;
}

interface Planned {
  output: SheetOutput;
  height: number;
  width: number;
  /** The owned sheet to rewrite, or none yet (created under `tab`). */
  sheet?: Sheet;
  marked: boolean;
  tab: string;
}

/** Rectangular copy: every row as wide as the widest, filled with `fill`. */
function rectangle<T>(rows: readonly (readonly T[])[] | undefined, height: number, width: number, fill: T): T[][] | undefined {
  if (!rows) return undefined;
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? fill));
}

function layersOf(output: SheetOutput, height: number, width: number, timeZone: string): Layers {
  const values = rectangle(output.values, height, width, null as Cell) as Cell[][];
  const formats = rectangle(output.numberFormats, height, width, '');
  const bold = new Set(output.boldRows ?? []);
  const boxes = output.checkboxes;
  const checkbox = boxes && SpreadsheetApp.newDataValidation().requireCheckbox().build();
  return {
    validations:
      boxes && values.map((row) => row.map((v, c) => (c === boxes.column && typeof v === 'boolean' ? (checkbox as Rule) : null))),
    values: values.map((row) => row.map((c) => toSheetValue(c, timeZone))),
    backgrounds: rectangle(output.backgrounds, height, width, null),
    fontColors: rectangle(output.fontColors, height, width, null),
    numberFormats: formats?.map((row) => row.map((f) => f || 'General')),
    notes: rectangle(output.notes, height, width, '')?.map((row) => row.map(clipText)),
    fontWeights: bold.size ? Array.from({ length: height }, (_, r) => new Array(width).fill(bold.has(r) ? 'bold' : 'normal')) : undefined,
    frozenRows: output.frozenRows ?? 0,
    frozenColumns: output.frozenColumns ?? 0,
  };
}

/** Makes the grid exactly rows × columns: surplus dropped first, so the spreadsheet never holds more than the result. */
function fitGrid(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  if (sheet.getMaxColumns() > columns) sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

/** Replaces the sheet's contents with the layers, in one call per layer. */
function paint(sheet: Sheet, layers: Layers): void {
  const height = layers.values.length;
  const width = height ? layers.values[0].length : 0;
  sheet.clear();
  sheet.clearNotes();
  if (sheet.getFrozenRows() !== layers.frozenRows) sheet.setFrozenRows(0);
  if (sheet.getFrozenColumns() !== layers.frozenColumns) sheet.setFrozenColumns(0);
  fitGrid(sheet, Math.max(height, GRID.rows), Math.max(width, GRID.columns));
  if (height && width) {
    const range: Range = sheet.getRange(1, 1, height, width);
    range.setValues(layers.values);
    if (layers.backgrounds) range.setBackgrounds(layers.backgrounds as string[][]);
    if (layers.fontColors) range.setFontColors(layers.fontColors as string[][]);
    if (layers.numberFormats) range.setNumberFormats(layers.numberFormats);
    if (layers.notes) range.setNotes(layers.notes);
    if (layers.fontWeights) range.setFontWeights(layers.fontWeights as GoogleAppsScript.Spreadsheet.FontWeight[][]);
  }
  if (layers.validations) {
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
    if (height && width) sheet.getRange(1, 1, height, width).setDataValidations(layers.validations);
  }
  if (sheet.getFrozenRows() !== layers.frozenRows) sheet.setFrozenRows(layers.frozenRows);
  if (sheet.getFrozenColumns() !== layers.frozenColumns) sheet.setFrozenColumns(layers.frozenColumns);
}

/** The sheet's contents as layers, to put back if the run fails (with its checkboxes, when the output has some). Text is guarded again so it stays text. */
function backup(sheet: Sheet, checkboxes: SheetOutput['checkboxes']): Layers {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const frozen = { frozenRows: sheet.getFrozenRows(), frozenColumns: sheet.getFrozenColumns() };
  if (!rows || !columns) return { values: [], ...frozen };
  const range = sheet.getRange(1, 1, rows, columns);
  return {
    values: range.getValues().map((row) => row.map((v) => (typeof v === 'string' ? guardText(v) : v))),
    backgrounds: range.getBackgrounds(),
    fontColors: range.getFontColors() as string[][],
    numberFormats: range.getNumberFormats(),
    notes: range.getNotes(),
    fontWeights: range.getFontWeights(),
    validations: checkboxes && range.getDataValidations(),
    ...frozen,
  };
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

const thousands = (n: number) => formatNumber(Math.round(n));

/** Refuses a run that would pass Sheets' column or cell limits, before anything is written. */
function checkRoom(ss: Spreadsheet, planned: readonly Planned[]): void {
  for (const p of planned) {
    if (p.width > COLUMN_LIMIT) {
      throw new Error(
        `Nothing was written: ${p.output.name} would need ${thousands(p.width)} columns and Sheets allows ${thousands(COLUMN_LIMIT)} in a sheet. Narrow the range.`,
      );
    }
  }
  let cells = 0;
  for (const sheet of ss.getSheets()) cells += sheet.getMaxRows() * sheet.getMaxColumns();
  let asked = 0;
  for (const p of planned) {
    if (p.sheet) cells -= p.sheet.getMaxRows() * p.sheet.getMaxColumns();
    const grid = Math.max(p.height, GRID.rows) * Math.max(p.width, GRID.columns);
    cells += grid;
    asked += p.height * p.width;
  }
  if (cells > CELL_LIMIT) {
    const names = planned.map((p) => p.output.name).join(' and ');
    throw new Error(
      `Nothing was written: ${names} would need ${thousands(asked)} cells, and the spreadsheet would then hold ${thousands(cells)}; Sheets allows ${thousands(CELL_LIMIT)} in a spreadsheet. Narrow the range (fewer days or rows), or delete sheets you no longer need.`,
    );
  }
}

function plan(ss: Spreadsheet, outputs: readonly SheetOutput[]): Planned[] {
  const marked = markedSheets(ss);
  const markedSet = new Set(marked.values());
  const taken = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
  return outputs.map((output) => {
    const height = output.values.length;
    let width = 0;
    for (const row of output.values) width = Math.max(width, row.length);
    const mine = marked.get(output.name);
    const sheet = mine ?? legacySheet(ss, output.name, markedSet);
    if (sheet) return { output, height, width, sheet, marked: Boolean(mine), tab: sheet.getName() };
    const tab = freeName(taken, output.name);
    taken.add(tab.toLowerCase());
    return { output, height, width, marked: false, tab };
  });
}

/** Puts back what the run changed, as far as it can: new sheets removed, rewritten ones restored. */
function undo(ss: Spreadsheet, created: readonly Sheet[], saved: readonly { sheet: Sheet; layers: Layers }[]): void {
  for (const sheet of created) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // Keep undoing the rest.
    }
  }
  for (const { sheet, layers } of [...saved].reverse()) {
    try {
      paint(sheet, layers);
    } catch {
      // Keep undoing the rest.
    }
  }
}

/**
 * Writes every output or none: checks all first, then rewrites each owned sheet in place (or creates
 * it), and on any failure puts back what was there. Call under the document lock.
 */
export function writeOutputSheets(ss: Spreadsheet, outputs: readonly SheetOutput[], timeZone: string): WriteReport {
  if (!Array.isArray(outputs) || outputs.length === 0) throw new Error('Nothing to write.');
  outputs.forEach(checkOutput);
  const names = outputs.map((o) => o.name);
  if (new Set(names).size !== names.length) throw new Error('Each output sheet may be written once per run.');
  const planned = plan(ss, outputs);
  checkRoom(ss, planned);
  const created: Sheet[] = [];
  const saved: { sheet: Sheet; layers: Layers }[] = [];
  try {
    for (const p of planned) {
      let sheet = p.sheet;
      // Ticks made since the sidebar read the sheet are kept too.
      if (sheet && p.output.checkboxes) p.output = keepTicks(p.output, sheet.getDataRange().getValues());
      if (sheet) saved.push({ sheet, layers: backup(sheet, p.output.checkboxes) });
      else {
        sheet = ss.insertSheet(p.tab, ss.getSheets().length);
        created.push(sheet);
      }
      if (!p.marked) sheet.addDeveloperMetadata(MARK, p.output.name, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      paint(sheet, layersOf(p.output, p.height, p.width, timeZone));
      setColumnWidths(sheet, p.output.columnWidths ?? []);
      p.sheet = sheet;
    }
  } catch (error) {
    undo(ss, created, saved);
    throw error;
  }
  const notes = planned
    .filter((p) => p.tab !== p.output.name && created.includes(p.sheet as Sheet))
    .map((p) => `Your own sheet "${p.output.name}" was left as it is; Crewsheet wrote to "${p.tab}".`);
  return { written: planned.map((p) => ({ name: p.output.name, sheet: p.tab, rows: p.height, columns: p.width })), notes };
}
