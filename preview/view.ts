// What the preview's grid draws: a sheet's cells as Sheets would show them (value under its number
// format, colours, notes), from the in-memory spreadsheet or from a client copy in the in-memory Drive.

import { displayValue, inputValue } from './format';
import type { FakeCellData, FakeTab } from './gas/drive';
import type { FakeSheet } from './gas/spreadsheet';

/** A sheet's data beyond this is not drawn (the grid says so). */
const MAX_ROWS = 400;
const MAX_COLUMNS = 200;

export interface CellView {
  text: string;
  /** Numbers and dates: right-aligned, never cut. */
  num?: boolean;
  bg?: string;
  color?: string;
  bold?: boolean;
  note?: string;
  /** What the editor starts with: the formula, or the value as one would type it. */
  input?: string;
  /** A formula waiting to be recalculated: shown as Loading…, as Sheets does. */
  loading?: boolean;
  /** A checkbox (data validation), ticked when the value is TRUE. */
  checkbox?: boolean;
}

export interface SheetView {
  name: string;
  /** Rows and columns holding data (the grid adds blank ones to type into). */
  rows: CellView[][];
  columns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel widths set on the sheet; null: fit the content. */
  widths: (number | null)[];
  truncated: boolean;
}

const compact = (cell: CellView): CellView =>
  Object.fromEntries(
    Object.entries(cell).filter(([k, v]) => k === 'text' || (v !== undefined && v !== false && v !== '')),
  ) as unknown as CellView;

function bounded(lastRow: number, lastColumn: number) {
  const rows = Math.min(lastRow, MAX_ROWS);
  const columns = Math.min(Math.max(lastColumn, 1), MAX_COLUMNS);
  return { rows, columns, truncated: lastRow > rows || lastColumn > columns };
}

export function sheetView(sheet: FakeSheet, timeZone: string, loading: ReadonlySet<string> = new Set()): SheetView {
  const { rows, columns, truncated } = bounded(sheet.getLastRow(), sheet.getLastColumn());
  return {
    name: sheet.name,
    columns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    widths: Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c + 1) ?? null),
    truncated,
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const cell = sheet.cell(r + 1, c + 1);
        const value = cell?.value;
        return compact({
          text: displayValue(value, cell?.numberFormat, timeZone),
          num: typeof value === 'number' || value instanceof Date,
          bg: cell?.background,
          color: cell?.fontColor,
          bold: cell?.fontWeight === 'bold',
          note: cell?.note,
          input: cell ? inputValue(value, cell.formula, timeZone) : undefined,
          loading: loading.has(`${r + 1},${c + 1}`),
          checkbox: cell?.validation?.checkbox,
        });
      }),
    ),
  };
}

const hex = (channel: number | undefined) =>
  Math.round((channel ?? 0) * 255)
    .toString(16)
    .padStart(2, '0');

function copyCell(data: FakeCellData | undefined, timeZone: string): CellView {
  const entered = data?.userEnteredValue;
  const value = entered?.stringValue ?? entered?.numberValue ?? entered?.boolValue ?? '';
  const format = data?.userEnteredFormat;
  const background = format?.backgroundColor;
  return compact({
    text: displayValue(value, format?.numberFormat?.pattern, timeZone),
    num: typeof value === 'number',
    bg: background ? `#${hex(background.red)}${hex(background.green)}${hex(background.blue)}` : undefined,
    bold: format?.textFormat?.bold,
    note: data?.note,
  });
}

/** Rows of text as a read-only sheet (the preview's Outbox); a long cell shows its first line, all of it in the note. */
export function textView(name: string, rows: readonly (readonly string[])[], widths: readonly number[]): SheetView {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  return {
    name,
    columns,
    frozenRows: 1,
    frozenColumns: 0,
    widths: Array.from({ length: columns }, (_, c) => widths[c] ?? null),
    truncated: false,
    rows: rows.map((row, r) =>
      Array.from({ length: columns }, (_, c) => {
        const text = row[c] ?? '';
        const line = text.split('\n')[0];
        return compact({
          text: line === text ? text : `${line} …`,
          bold: r === 0,
          bg: r === 0 ? '#e8eaed' : undefined,
          note: line === text ? undefined : text,
        });
      }),
    ),
  };
}

/** A client copy's sheet, as the client opening it sees it. */
export function tabView(tab: FakeTab, timeZone: string): SheetView {
  const lastColumn = Math.max(0, ...tab.rows.map((r) => r.length));
  const { rows, columns, truncated } = bounded(tab.rows.length, lastColumn);
  const grid = tab.properties.gridProperties;
  return {
    name: tab.properties.title,
    columns,
    frozenRows: grid.frozenRowCount ?? 0,
    frozenColumns: grid.frozenColumnCount ?? 0,
    widths: Array.from({ length: columns }, (_, c) => tab.columnWidths.get(c) ?? null),
    truncated,
    rows: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => copyCell(tab.rows[r]?.[c], timeZone))),
  };
}
