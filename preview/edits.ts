// Typing into the preview's grid: blocks of text entered from a cell, taken as Sheets takes typed text
// (the in-memory spreadsheet reads each string as Sheets would: numbers, dates, formulas), with the
// cells each edit replaced kept so edits can be undone, last first.

import type { FakeSheet, FakeSpreadsheet, Value } from './gas/spreadsheet';

export interface Edit {
  sheet: string;
  /** 1-based, where the block's top-left cell goes. */
  row: number;
  column: number;
  /** Rows of typed text; '' clears a cell. Rows may differ in length, as a pasted block can. */
  values: string[][];
}

export interface Area {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface Saved {
  value: Value;
  formula?: string;
}

interface Entry {
  sheet: FakeSheet;
  area: Area;
  before: (Saved | undefined)[][];
}

const DEPTH = 100;

function checked(edit: Edit): string[][] {
  const ok =
    Number.isInteger(edit.row) &&
    Number.isInteger(edit.column) &&
    edit.row >= 1 &&
    edit.column >= 1 &&
    Array.isArray(edit.values) &&
    edit.values.length > 0 &&
    edit.values.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'string'));
  if (!ok) throw new Error('An edit is a cell (row and column from 1) and rows of text.');
  return edit.values;
}

/** Makes room for a block past the sheet's last row or column, as Sheets does when pasting. */
function grow(sheet: FakeSheet, lastRow: number, lastColumn: number): void {
  if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (lastColumn > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn - sheet.getMaxColumns());
}

export class EditHistory {
  private entries: Entry[] = [];

  get canUndo(): boolean {
    return this.entries.length > 0;
  }

  /** Enters a block of text; each row goes in with one write, as typed. */
  apply(ss: FakeSpreadsheet, edit: Edit): Area {
    const values = checked(edit);
    const sheet = ss.sheets.find((s) => s.name === edit.sheet);
    if (!sheet) throw new Error(`There is no sheet named "${edit.sheet}".`);
    const columns = Math.max(...values.map((row) => row.length));
    const area: Area = { sheet: sheet.name, row: edit.row, column: edit.column, rows: values.length, columns };
    grow(sheet, edit.row + area.rows - 1, edit.column + columns - 1);
    const before = values.map((row, r) =>
      row.map((_, c) => {
        const cell = sheet.cell(edit.row + r, edit.column + c);
        return cell && { value: cell.value, formula: cell.formula };
      }),
    );
    values.forEach((row, r) => {
      if (row.length) sheet.getRange(edit.row + r, edit.column, 1, row.length).setValues([row]);
    });
    this.entries.push({ sheet, area, before });
    if (this.entries.length > DEPTH) this.entries.shift();
    return area;
  }

  /** Puts back what the last edit replaced; undefined when there is nothing left to undo. */
  undo(ss: FakeSpreadsheet): Area | undefined {
    const entry = this.entries.pop();
    if (!entry || !ss.sheets.includes(entry.sheet)) return undefined;
    entry.before.forEach((row, r) => {
      row.forEach((saved, c) => {
        const cell = entry.sheet.edit(entry.area.row + r, entry.area.column + c);
        cell.value = saved?.value ?? '';
        cell.formula = saved?.formula;
      });
    });
    return { ...entry.area, sheet: entry.sheet.name };
  }

  /** The add-on rewrote sheets: earlier edits can no longer be put back safely. */
  forget(): void {
    this.entries = [];
  }
}
