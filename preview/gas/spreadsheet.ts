// An in-memory spreadsheet that behaves like Sheets where Crewsheet depends on it, and counts every
// call so tests can assert how many reads and writes a run makes.

import { typed } from './typed';

export type Value = string | number | boolean | Date;

export class CallLog {
  readonly calls: { method: string; sheet?: string }[] = [];
  record(method: string, sheet?: string): void {
    this.calls.push({ method, sheet });
  }
  count(method: string, sheet?: string): number {
    return this.calls.filter((c) => c.method === method && (sheet === undefined || c.sheet === sheet)).length;
  }
  reset(): void {
    this.calls.length = 0;
  }
}

interface Cell {
  value: Value;
  formula?: string;
  /** An error value such as #N/A (getValues shows it as its text). */
  error?: boolean;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  numberFormat?: string;
  note?: string;
  validation?: FakeValidation;
}

/** A data validation rule as SpreadsheetApp.newDataValidation() builds it: a dropdown's choices, or a checkbox. */
export interface FakeValidation {
  choices?: readonly string[];
  checkbox?: boolean;
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
/** Sheets' limits: cells in a whole spreadsheet (empty ones count), columns in one sheet. */
export const CELL_LIMIT = 10_000_000;
export const COLUMN_LIMIT = 18_278;

export const DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } as const;
export const DeveloperMetadataLocationType = { SPREADSHEET: 'SPREADSHEET', SHEET: 'SHEET', ROW: 'ROW', COLUMN: 'COLUMN' } as const;
type Visibility = keyof typeof DeveloperMetadataVisibility;

/** Key-value metadata on a sheet, as Sheet.addDeveloperMetadata makes it: it stays with the sheet when renamed or moved, and goes when the sheet is deleted. */
export class FakeDeveloperMetadata {
  constructor(
    readonly sheet: FakeSheet,
    private readonly id: number,
    private key: string,
    private value: string | null,
    private visibility: Visibility,
  ) {}
  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  getVisibility(): Visibility {
    return this.visibility;
  }
  getLocation() {
    return { getLocationType: () => DeveloperMetadataLocationType.SHEET, getSheet: () => this.sheet };
  }
  setKey(key: string): FakeDeveloperMetadata {
    this.key = checkedKey(key);
    return this;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.value = value;
    return this;
  }
  remove(): void {
    this.sheet.removeMetadata(this);
  }
}

function checkedKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
  return key;
}

/** Finds metadata by key, value and visibility, as DeveloperMetadataFinder does. */
class FakeMetadataFinder {
  private readonly tests: ((m: FakeDeveloperMetadata) => boolean)[] = [];
  constructor(private readonly all: () => FakeDeveloperMetadata[]) {}
  withKey(key: string): FakeMetadataFinder {
    this.tests.push((m) => m.getKey() === key);
    return this;
  }
  withValue(value: string): FakeMetadataFinder {
    this.tests.push((m) => m.getValue() === value);
    return this;
  }
  withId(id: number): FakeMetadataFinder {
    this.tests.push((m) => m.getId() === id);
    return this;
  }
  withVisibility(visibility: Visibility): FakeMetadataFinder {
    this.tests.push((m) => m.getVisibility() === visibility);
    return this;
  }
  withLocationType(type: string): FakeMetadataFinder {
    this.tests.push(() => type === DeveloperMetadataLocationType.SHEET);
    return this;
  }
  find(): FakeDeveloperMetadata[] {
    return this.all().filter((m) => this.tests.every((t) => t(m)));
  }
}

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Parses "A1", "B2:D9" or "A:C" (whole columns) into 1-based coordinates. */
export function parseA1(a1: string, maxRows: number): { row: number; column: number; rows: number; columns: number } {
  const m = /^\$?([A-Z]+)\$?(\d*)(?::\$?([A-Z]+)\$?(\d*))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const c1 = columnIndex(m[1]);
  const r1 = m[2] ? Number(m[2]) : 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : m[2] && !m[3] ? r1 : maxRows;
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
}

export class FakeSpreadsheet {
  readonly log = new CallLog();
  readonly sheets: FakeSheet[] = [];
  readonly toasts: string[] = [];
  private active?: FakeSheet;
  private activeRange?: FakeRange;
  /** Counts activations, so a viewer can tell a new selection from the one it already shows. */
  selections = 0;
  private nextSheetId = 1;
  private nextMetadataId = 1;

  constructor(
    readonly name = 'Crewsheet preview',
    readonly timeZone = 'America/New_York',
    readonly id = 'preview-spreadsheet',
    readonly locale = 'en_US',
  ) {}

  getName(): string {
    this.log.record('getName');
    return this.name;
  }
  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    this.log.record('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  getSpreadsheetLocale(): string {
    this.log.record('getSpreadsheetLocale');
    return this.locale;
  }
  createDeveloperMetadataFinder(): FakeMetadataFinder {
    this.log.record('createDeveloperMetadataFinder');
    return new FakeMetadataFinder(() => this.sheets.flatMap((s) => s.metadata()));
  }
  /** A spreadsheet-scoped metadata id. */
  metadataId(): number {
    return this.nextMetadataId++;
  }
  /** Cells of every sheet's grid, empty ones included, as Sheets counts them against its limit. */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  }
  /** Refuses growth past the spreadsheet's cell limit, with Sheets' message. */
  checkGrowth(cells: number): void {
    if (this.cellCount() + cells > CELL_LIMIT) {
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`);
    }
  }
  getSheets(): FakeSheet[] {
    this.log.record('getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.log.record('getSheetByName', name);
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    this.log.record('insertSheet', name);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.checkGrowth(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.log.record('deleteSheet', sheet.name);
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Sheet not found');
    this.sheets.splice(i, 1);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.active = sheet;
    return sheet;
  }
  getActiveSheet(): FakeSheet | null {
    return this.active ?? this.sheets[0] ?? null;
  }
  /** Selects a range and shows its sheet, as Range.activate() does in the Sheets window. */
  setActiveRange(range: FakeRange): FakeRange {
    this.active = range.sheet;
    this.activeRange = range;
    this.selections += 1;
    return range;
  }
  getActiveRange(): FakeRange | null {
    return this.activeRange && this.activeRange.sheet === this.getActiveSheet() ? this.activeRange : null;
  }
  /** Moves the active sheet to a 1-based position, as Sheets does. */
  moveActiveSheet(position: number): void {
    this.log.record('moveActiveSheet');
    const sheet = this.getActiveSheet();
    if (!sheet) return;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position - 1, 0, sheet);
  }
  toast(message: string): void {
    this.toasts.push(message);
  }

  /** Loads plain values into a (new or replaced) sheet, without counting: for setting up tests. */
  load(name: string, values: readonly (readonly unknown[])[]): FakeSheet {
    const existing = this.sheets.find((s) => s.name === name);
    const sheet = existing ?? new FakeSheet(this, name, this.nextSheetId++);
    if (!existing) this.sheets.push(sheet);
    sheet.fill(values);
    return sheet;
  }
}

export class FakeSheet {
  private cells = new Map<string, Cell>();
  private maxRows = DEFAULT_ROWS;
  private maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  private readonly developerMetadata: FakeDeveloperMetadata[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  private record(method: string): void {
    this.spreadsheet.log.record(method, this.name);
  }

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(`${row},${column}`);
  }
  edit(row: number, column: number): Cell {
    const key = `${row},${column}`;
    const cell = this.cells.get(key) ?? { value: '' };
    this.cells.set(key, cell);
    return cell;
  }
  fill(values: readonly (readonly unknown[])[]): void {
    this.cells.clear();
    this.maxRows = Math.max(DEFAULT_ROWS, values.length);
    this.maxColumns = values.reduce((n, r) => Math.max(n, r.length), DEFAULT_COLUMNS);
    values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined) this.edit(r + 1, c + 1).value = v as Value;
      });
    });
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    this.record('setName');
    if (this.spreadsheet.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  activate(): FakeSheet {
    this.spreadsheet.setActiveSheet(this);
    return this;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertRowsAfter(after: number, count: number): FakeSheet {
    this.record('insertRowsAfter');
    this.spreadsheet.checkGrowth(count * this.maxColumns);
    this.shift(after, count, 0);
    this.maxRows += count;
    return this;
  }
  insertColumnsAfter(after: number, count: number): FakeSheet {
    this.record('insertColumnsAfter');
    if (this.maxColumns + count > COLUMN_LIMIT) {
      throw new Error(`This action would increase the number of columns in the sheet above the limit of ${COLUMN_LIMIT}.`);
    }
    this.spreadsheet.checkGrowth(count * this.maxRows);
    this.shift(after, 0, count);
    this.maxColumns += count;
    return this;
  }
  deleteRows(position: number, count: number): void {
    this.record('deleteRows');
    if (position < 1 || count < 1 || position + count - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (count >= this.maxRows - this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.drop((row) => row >= position && row < position + count, position + count - 1, -count, 0);
    this.maxRows -= count;
  }
  deleteColumns(position: number, count: number): void {
    this.record('deleteColumns');
    if (position < 1 || count < 1 || position + count - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (count >= this.maxColumns - this.frozenColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    this.drop((_, column) => column >= position && column < position + count, position + count - 1, 0, -count);
    this.maxColumns -= count;
  }
  /** Moves the cells after row (or column) `after` by the given rows and columns. */
  private shift(after: number, rows: number, columns: number): void {
    this.drop(() => false, after, rows, columns);
  }
  private drop(gone: (row: number, column: number) => boolean, after: number, rows: number, columns: number): void {
    const moved = new Map<string, Cell>();
    for (const [key, cell] of this.cells) {
      const [row, column] = key.split(',').map(Number);
      if (gone(row, column)) continue;
      const r = rows && row > after ? row + rows : row;
      const c = columns && column > after ? column + columns : column;
      moved.set(`${r},${c}`, cell);
    }
    this.cells = moved;
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: string, visibility?: string): FakeSheet {
    this.record('addDeveloperMetadata');
    const isVisibility = (v: unknown): v is Visibility => v === 'DOCUMENT' || v === 'PROJECT';
    const value = valueOrVisibility === undefined || isVisibility(valueOrVisibility) ? null : String(valueOrVisibility);
    const seen = isVisibility(valueOrVisibility) ? valueOrVisibility : (visibility ?? 'DOCUMENT');
    if (!isVisibility(seen)) throw new Error('Invalid argument: visibility');
    this.developerMetadata.push(new FakeDeveloperMetadata(this, this.spreadsheet.metadataId(), checkedKey(key), value, seen));
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.record('getDeveloperMetadata');
    return this.metadata();
  }
  createDeveloperMetadataFinder(): FakeMetadataFinder {
    this.record('createDeveloperMetadataFinder');
    return new FakeMetadataFinder(() => this.metadata());
  }
  /** This sheet's metadata, without counting a call. */
  metadata(): FakeDeveloperMetadata[] {
    return [...this.developerMetadata];
  }
  removeMetadata(metadata: FakeDeveloperMetadata): void {
    const i = this.developerMetadata.indexOf(metadata);
    if (i >= 0) this.developerMetadata.splice(i, 1);
  }
  getLastRow(): number {
    let last = 0;
    for (const [key, cell] of this.cells) if (cell.value !== '' || cell.formula) last = Math.max(last, Number(key.split(',')[0]));
    return last;
  }
  getLastColumn(): number {
    let last = 0;
    for (const [key, cell] of this.cells) if (cell.value !== '' || cell.formula) last = Math.max(last, Number(key.split(',')[1]));
    return last;
  }
  getDataRange(): FakeRange {
    this.record('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    this.record('getRange');
    if (typeof rowOrA1 === 'string') {
      const r = parseA1(rowOrA1, this.maxRows);
      return new FakeRange(this, r.row, r.column, r.rows, r.columns);
    }
    return new FakeRange(this, rowOrA1, column as number, rows, columns);
  }
  setFrozenRows(n: number): void {
    this.record('setFrozenRows');
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    this.record('setFrozenColumns');
    this.frozenColumns = n;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    return this.setColumnWidths(column, 1, width);
  }
  setColumnWidths(start: number, count: number, width: number): FakeSheet {
    this.record('setColumnWidths');
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
  /** Contents and formats go; notes and dropdowns stay, as in Sheets. */
  clear(): FakeSheet {
    this.record('clear');
    for (const [key, cell] of this.cells) {
      if (cell.note === undefined && cell.validation === undefined) this.cells.delete(key);
      else this.cells.set(key, { value: '', note: cell.note, validation: cell.validation });
    }
    return this;
  }
  clearNotes(): FakeSheet {
    this.record('clearNotes');
    for (const cell of this.cells.values()) cell.note = undefined;
    return this;
  }

  /** Every stored formula, for assertions that a run wrote none. */
  formulas(): { row: number; column: number; formula: string }[] {
    const out: { row: number; column: number; formula: string }[] = [];
    for (const [key, cell] of this.cells) {
      if (cell.formula) {
        const [row, column] = key.split(',').map(Number);
        out.push({ row, column, formula: cell.formula });
      }
    }
    return out;
  }

  /** Every cell holding an error value (#N/A…), for assertions that a run wrote none. */
  errors(): { row: number; column: number; value: Value }[] {
    const out: { row: number; column: number; value: Value }[] = [];
    for (const [key, cell] of this.cells) {
      if (cell.error) {
        const [row, column] = key.split(',').map(Number);
        out.push({ row, column, value: cell.value });
      }
    }
    return out;
  }

  /** Values without counting a call: what a person looking at the sheet sees. */
  peek(): Value[][] {
    const rows = this.getLastRow();
    const columns = this.getLastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.cell(r + 1, c + 1)?.value ?? ''));
  }

  checkBounds(row: number, column: number, rows: number, columns: number): void {
    if (row < 1 || column < 1 || rows < 1 || columns < 1) throw new Error('The starting row or column of the range is too small.');
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) {
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet "${this.name}".`);
    }
  }
}

/** What Sheets stores when a script writes a value: strings are read as if typed into the cell. */
function interpret(value: unknown, timeZone: string, locale: string): { value: Value; formula?: string; error?: boolean } {
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value === null || value === undefined) return { value: '' };
  if (typeof value !== 'string') return { value: String(value) };
  const read = typed(value, timeZone, locale);
  if (read.kind === 'formula') return { value: '', formula: read.value };
  if (read.kind === 'error') return { value: read.value, error: true };
  return { value: read.value };
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    sheet.checkBounds(row, column, rows, columns);
  }

  private record(method: string): void {
    this.sheet.spreadsheet.log.record(method, this.sheet.name);
  }

  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.columns;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  activate(): FakeRange {
    return this.sheet.spreadsheet.setActiveRange(this);
  }

  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => read(this.sheet.cell(this.row + r, this.column + c))),
    );
  }

  private writeGrid<T>(method: string, data: readonly (readonly T[])[], write: (cell: Cell, value: T) => void): FakeRange {
    this.record(method);
    if (data?.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data?.length} but the range has ${this.rows}.`,
      );
    }
    data.forEach((row, r) => {
      if (row.length !== this.columns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.columns}.`,
        );
      }
      row.forEach((value, c) => {
        write(this.sheet.edit(this.row + r, this.column + c), value);
      });
    });
    return this;
  }

  private writeAll<T>(method: string, value: T, write: (cell: Cell, value: T) => void): FakeRange {
    this.record(method);
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) write(this.sheet.edit(this.row + r, this.column + c), value);
    return this;
  }

  getValues(): Value[][] {
    this.record('getValues');
    return this.grid((cell) => (cell?.value instanceof Date ? new Date(cell.value) : (cell?.value ?? '')));
  }
  getValue(): Value {
    this.record('getValue');
    return this.sheet.cell(this.row, this.column)?.value ?? '';
  }
  getBackgrounds(): string[][] {
    this.record('getBackgrounds');
    return this.grid((cell) => cell?.background ?? '#ffffff');
  }
  getNotes(): string[][] {
    this.record('getNotes');
    return this.grid((cell) => cell?.note ?? '');
  }
  getNote(): string {
    this.record('getNote');
    return this.sheet.cell(this.row, this.column)?.note ?? '';
  }
  getFontColors(): string[][] {
    this.record('getFontColors');
    return this.grid((cell) => cell?.fontColor ?? '#000000');
  }
  getFontWeights(): string[][] {
    this.record('getFontWeights');
    return this.grid((cell) => cell?.fontWeight ?? 'normal');
  }
  getNumberFormats(): string[][] {
    this.record('getNumberFormats');
    return this.grid((cell) => cell?.numberFormat ?? '0.###############');
  }
  getFormulas(): string[][] {
    return this.grid((cell) => cell?.formula ?? '');
  }
  setValues(values: readonly (readonly unknown[])[]): FakeRange {
    const { timeZone, locale } = this.sheet.spreadsheet;
    return this.writeGrid('setValues', values, (cell, v) =>
      Object.assign(cell, { formula: undefined, error: undefined }, interpret(v, timeZone, locale)),
    );
  }
  setValue(value: unknown): FakeRange {
    const { timeZone, locale } = this.sheet.spreadsheet;
    return this.writeAll('setValue', value, (cell, v) =>
      Object.assign(cell, { formula: undefined, error: undefined }, interpret(v, timeZone, locale)),
    );
  }
  setFormula(formula: string): FakeRange {
    return this.writeAll('setFormula', formula, (cell, f) => Object.assign(cell, { value: '', formula: f }));
  }
  setBackgrounds(colors: readonly (readonly (string | null)[])[]): FakeRange {
    return this.writeGrid('setBackgrounds', colors, (cell, v) => (cell.background = v ?? undefined));
  }
  setBackground(color: string | null): FakeRange {
    return this.writeAll('setBackground', color, (cell, v) => (cell.background = v ?? undefined));
  }
  setFontColors(colors: readonly (readonly (string | null)[])[]): FakeRange {
    return this.writeGrid('setFontColors', colors, (cell, v) => (cell.fontColor = v ?? undefined));
  }
  setFontWeights(weights: readonly (readonly (string | null)[])[]): FakeRange {
    return this.writeGrid('setFontWeights', weights, (cell, v) => (cell.fontWeight = v ?? undefined));
  }
  setFontWeight(weight: string | null): FakeRange {
    return this.writeAll('setFontWeight', weight, (cell, v) => (cell.fontWeight = v ?? undefined));
  }
  setNumberFormats(formats: readonly (readonly string[])[]): FakeRange {
    return this.writeGrid('setNumberFormats', formats, (cell, v) => (cell.numberFormat = v));
  }
  setNumberFormat(format: string): FakeRange {
    return this.writeAll('setNumberFormat', format, (cell, v) => (cell.numberFormat = v));
  }
  setNotes(notes: readonly (readonly string[])[]): FakeRange {
    return this.writeGrid('setNotes', notes, (cell, v) => (cell.note = v || undefined));
  }
  setNote(note: string): FakeRange {
    return this.writeAll('setNote', note, (cell, v) => (cell.note = v || undefined));
  }
  setDataValidation(rule: FakeValidation | null): FakeRange {
    return this.writeAll('setDataValidation', rule, (cell, v) => (cell.validation = v ?? undefined));
  }
  /** One rule per cell, null for none; the grid must match the range, as in Sheets. */
  setDataValidations(rules: readonly (readonly (FakeValidation | null)[])[]): FakeRange {
    return this.writeGrid('setDataValidations', rules, (cell, v) => (cell.validation = v ?? undefined));
  }
  getDataValidations(): (FakeValidation | null)[][] {
    this.record('getDataValidations');
    return this.grid((cell) => cell?.validation ?? null);
  }
  clearDataValidations(): FakeRange {
    this.record('clearDataValidations');
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.columns; c++) {
        const cell = this.sheet.cell(this.row + r, this.column + c);
        if (cell) cell.validation = undefined;
      }
    }
    return this;
  }
  setWrap(_wrap: boolean): FakeRange {
    this.record('setWrap');
    return this;
  }
  setHorizontalAlignment(_alignment: string): FakeRange {
    this.record('setHorizontalAlignment');
    return this;
  }
}
