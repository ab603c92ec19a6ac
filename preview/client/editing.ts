// Typing in the grid as in Sheets: double-click, Enter, F2 or just typing opens the cell; Enter, Tab
// and (when typing straight in) the arrow keys enter it and move on; Esc cancels. Arrows move the
// selection (Shift extends it), Delete clears it, Ctrl+C / Ctrl+V copy and paste tab-separated
// blocks, Ctrl+Z undoes the last edit. The formula bar edits the same cell.

import { type Block, type Grid, letter, type Point } from './grid';
import { parseTsv, toTsv } from './tsv';

export interface Workbook {
  /** Enters rows of typed text with their top-left cell at `at` (0-based). */
  edit(values: string[][], at: Point): Promise<void>;
  undo(): Promise<void>;
}

const STEPS: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };

const printable = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

export class Editing {
  private input?: HTMLInputElement;
  /** Opened by typing straight into the cell: arrow keys then enter it and move, as in Sheets. */
  private quick = false;
  private at: Point = { row: 0, column: 0 };
  /** Where a run of Tabs started, so Enter goes to the next row under it. */
  private tabStart?: number;

  constructor(
    private readonly grid: Grid,
    private readonly bar: HTMLInputElement,
    private readonly book: Workbook,
  ) {
    const root = grid.root;
    root.addEventListener('keydown', (event) => this.onGridKey(event));
    root.addEventListener('mousedown', () => {
      this.tabStart = undefined;
      if (this.input) this.commit(0, 0);
    });
    root.addEventListener('dblclick', (event) => {
      if ((event.target as Element).closest('td')) this.open(false);
    });
    // A checkbox cell ticks on a click of its box (the click first selects the cell), as in Sheets.
    root.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).type === 'checkbox') this.toggle();
    });
    // Ctrl+Z undoes the last edit wherever the focus is, except while typing text (the text's own undo).
    document.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !event.shiftKey && !typing) {
        event.preventDefault();
        void this.book.undo();
      }
    });
    document.addEventListener('copy', (event) => this.copy(event));
    document.addEventListener('paste', (event) => this.paste(event));
    bar.addEventListener('keydown', (event) => this.onBarKey(event));
  }

  get editing(): boolean {
    return Boolean(this.input);
  }

  /** Shows the selected cell's content in the formula bar. */
  selected(): void {
    if (this.input) return;
    const { row, column } = this.grid.anchor;
    const cell = this.grid.cell(row, column);
    this.bar.value = cell.input ?? cell.text;
  }

  /** Opens the active cell for typing: with its content, or replaced by the first key typed. */
  open(quick: boolean, first?: string): void {
    const grid = this.grid;
    const at = { ...grid.anchor };
    const td = grid.td(at.row, at.column);
    if (!td) return;
    this.at = at;
    this.quick = quick;
    const cell = grid.cell(at.row, at.column);
    const input = document.createElement('input');
    input.id = 'editor';
    input.setAttribute('aria-label', `Edit ${letter(at.column + 1)}${at.row + 1}`);
    input.value = first ?? cell.input ?? cell.text;
    const box = td.getBoundingClientRect();
    const frame = grid.root.getBoundingClientRect();
    Object.assign(input.style, {
      left: `${box.left - frame.left + grid.root.scrollLeft}px`,
      top: `${box.top - frame.top + grid.root.scrollTop}px`,
      height: `${box.height}px`,
      minWidth: `${box.width}px`,
    });
    const widen = () => {
      input.style.width = `${Math.max(box.width, input.value.length * 7 + 16)}px`;
      this.bar.value = input.value;
    };
    input.addEventListener('input', widen);
    input.addEventListener('keydown', (event) => this.onEditorKey(event));
    input.addEventListener('mousedown', (event) => event.stopPropagation());
    widen();
    grid.root.appendChild(input);
    this.input = input;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  private close(): string | undefined {
    const input = this.input;
    this.input = undefined;
    input?.remove();
    this.grid.root.focus();
    return input?.value;
  }

  /** Esc: the cell keeps what it had. */
  cancel(): void {
    this.close();
    this.selected();
  }

  /** Enters what was typed, then moves the selection by a step. */
  commit(rows: number, columns: number): void {
    const text = this.close();
    if (text === undefined) return;
    const at = this.at;
    const cell = this.grid.cell(at.row, at.column);
    if (text !== (cell.input ?? cell.text)) {
      const td = this.grid.td(at.row, at.column);
      if (td) td.textContent = text;
      void this.book.edit([[text]], at);
    }
    this.step(rows, columns);
  }

  /** Enter goes down (back under the first Tab of a row typed across); Tab goes right. */
  private step(rows: number, columns: number): void {
    if (columns !== 0 && rows === 0) this.tabStart ??= this.grid.anchor.column;
    if (rows === 1 && this.tabStart !== undefined) {
      const column = this.tabStart;
      this.tabStart = undefined;
      this.grid.select({ row: this.grid.anchor.row + 1, column });
      return;
    }
    if (rows !== 0) this.tabStart = undefined;
    if (rows || columns) this.grid.move(rows, columns);
  }

  private onEditorKey(event: KeyboardEvent): void {
    event.stopPropagation();
    const step = STEPS[event.key];
    if (event.key === 'Enter') this.commit(event.shiftKey ? -1 : 1, 0);
    else if (event.key === 'Tab') this.commit(0, event.shiftKey ? -1 : 1);
    else if (event.key === 'Escape') this.cancel();
    else if (step && this.quick) this.commit(...step);
    else return;
    event.preventDefault();
  }

  private onGridKey(event: KeyboardEvent): void {
    if (this.input || event.target !== this.grid.root) return;
    const step = STEPS[event.key];
    const command = event.ctrlKey || event.metaKey;
    if (step && !command) {
      this.tabStart = undefined;
      this.grid.move(...step, event.shiftKey);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      if (event.key === 'Enter' && event.shiftKey) this.grid.move(-1, 0);
      else this.open(false);
    } else if (event.key === 'Tab') this.step(0, event.shiftKey ? -1 : 1);
    else if (event.key === ' ' && this.grid.cell(this.grid.anchor.row, this.grid.anchor.column).checkbox) this.toggle();
    else if (event.key === 'Delete' || event.key === 'Backspace') this.clear();
    else if (printable(event)) {
      this.open(true, event.key);
    } else return;
    event.preventDefault();
  }

  private onBarKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      const at = { ...this.grid.anchor };
      void this.book.edit([[this.bar.value]], at);
      this.grid.root.focus();
      this.grid.move(1, 0);
    } else if (event.key === 'Escape') {
      this.selected();
      this.grid.root.focus();
    } else return;
    event.preventDefault();
  }

  /** Ticks or unticks the selected checkbox cell (Space, or a click on its box). */
  private toggle(): void {
    const at = { ...this.grid.anchor };
    void this.book.edit([[this.grid.cell(at.row, at.column).text === 'TRUE' ? 'FALSE' : 'TRUE']], at);
  }

  /** The selection cut to the sheet's data: nothing past it needs clearing or copying. */
  private dataBlock(): Block | undefined {
    const sheet = this.grid.sheet;
    if (!sheet) return undefined;
    const b = this.grid.block();
    const block = { ...b, bottom: Math.min(b.bottom, sheet.rows.length - 1), right: Math.min(b.right, sheet.columns - 1) };
    return block.bottom < block.top || block.right < block.left ? undefined : block;
  }

  /** Delete: empties the selected cells (a whole row's contents when rows are selected). */
  private clear(): void {
    const b = this.dataBlock();
    if (!b) return;
    const values = Array.from({ length: b.bottom - b.top + 1 }, () => new Array<string>(b.right - b.left + 1).fill(''));
    void this.book.edit(values, { row: b.top, column: b.left });
  }

  private copy(event: ClipboardEvent): void {
    if (this.input || document.activeElement !== this.grid.root) return;
    const b = this.dataBlock();
    const rows: string[][] = [];
    if (b)
      for (let r = b.top; r <= b.bottom; r++)
        rows.push(Array.from({ length: b.right - b.left + 1 }, (_, i) => this.grid.cell(r, b.left + i).text));
    event.clipboardData?.setData('text/plain', toTsv(rows));
    event.preventDefault();
  }

  /**
   * Ctrl+V: a block of tab-separated cells goes in from the selected cell, growing the grid as needed;
   * one cell pasted over a selected block fills it, as in Sheets.
   */
  private paste(event: ClipboardEvent): void {
    if (this.input || document.activeElement !== this.grid.root) return;
    let rows = parseTsv(event.clipboardData?.getData('text/plain') ?? '');
    event.preventDefault();
    if (!rows.length) return;
    const b = this.grid.block();
    const at = { row: b.top, column: b.left };
    if (rows.length === 1 && rows[0].length === 1 && !this.grid.whole)
      rows = Array.from({ length: b.bottom - b.top + 1 }, () => new Array<string>(b.right - b.left + 1).fill(rows[0][0]));
    void this.book.edit(rows, at);
    this.grid.select(at);
    this.grid.select({ row: at.row + rows.length - 1, column: at.column + Math.max(...rows.map((r) => r.length)) - 1 }, true);
  }
}
