// Builds an output sheet row by row, each cell with its note, number format and colour, so that values
// and their explanations cannot drift out of line.

import type { Cell, SheetOutput } from '../model/output';
import { noteText } from './units';

export interface Traced {
  value: Cell;
  /** Lines of the cell's note: how the number was computed and from which rows. */
  note?: readonly string[];
  format?: string;
  background?: string;
}

export type GridCell = Cell | Traced;

export const HEADER = '#e8eaed';

function isTraced(cell: GridCell): cell is Traced {
  return typeof cell === 'object' && cell !== null && 'value' in cell;
}

export class SheetGrid {
  readonly values: Cell[][] = [];
  private readonly notes: string[][] = [];
  private readonly formats: string[][] = [];
  private readonly backgrounds: (string | null)[][] = [];
  private readonly bold: number[] = [];

  /** Adds a row; `background` colours every cell without one of its own. Returns the row's index. */
  row(cells: readonly GridCell[], options: { bold?: boolean; background?: string } = {}): number {
    const index = this.values.length;
    this.values.push(cells.map((c) => (isTraced(c) ? c.value : c)));
    this.notes.push(cells.map((c) => (isTraced(c) && c.note?.length ? noteText(c.note) : '')));
    this.formats.push(cells.map((c) => (isTraced(c) ? (c.format ?? '') : '')));
    this.backgrounds.push(cells.map((c) => (isTraced(c) && c.background ? c.background : (options.background ?? null))));
    if (options.bold) this.bold.push(index);
    return index;
  }

  /** A header row: bold, grey, with an optional note per column. */
  header(titles: readonly string[], notes: readonly string[] = []): number {
    return this.row(
      titles.map((value, i) => ({ value, note: notes[i] ? [notes[i]] : undefined })),
      { bold: true, background: HEADER },
    );
  }

  blank(): void {
    this.row([]);
  }

  output(name: string, extra: Omit<SheetOutput, 'name' | 'values'>): SheetOutput {
    return {
      name,
      values: this.values,
      notes: this.notes,
      numberFormats: this.formats,
      backgrounds: this.backgrounds,
      boldRows: this.bold,
      ...extra,
    };
  }
}
