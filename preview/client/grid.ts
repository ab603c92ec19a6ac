// The grid: one sheet drawn as Sheets draws it (column letters, row numbers, frozen rows and columns,
// widths, colours, notes, text running over empty neighbours), with blank rows and columns beyond the
// data to type into, and the selection: a cell, a block, whole rows or whole columns.

import type { CellView, SheetView } from '../view';

/** Blank rows and columns drawn past the data, as Sheets shows an empty grid to type into. */
const BLANK_ROWS = 30;
const MIN_ROWS = 50;
const MIN_COLUMNS = 26;
const BLANK_COLUMNS = 3;
const ROW_HEAD = 40;
const DEFAULT_WIDTH = 100;

export interface Point {
  row: number;
  column: number;
}

/** 0-based, inclusive. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function letter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const EMPTY: CellView = { text: '' };
const COPY_LINK = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/;

/** A cell's content: a checkbox, links for addresses (a client copy's opens in this preview), else text. */
function content(cell: CellView): Node {
  const text = cell.text;
  if (cell.checkbox) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = text === 'TRUE';
    box.tabIndex = -1;
    return box;
  }
  if (!/^https?:\/\/\S+$/.test(text)) return document.createTextNode(text);
  const link = document.createElement('a');
  const copy = COPY_LINK.exec(text);
  link.href = copy ? `/copy/${copy[1]}` : text;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = text;
  return link;
}

export class Grid {
  sheet?: SheetView;
  anchor: Point = { row: 0, column: 0 };
  focus: Point = { row: 0, column: 0 };
  /** Whole rows or whole columns are selected (from their headers). */
  whole: 'rows' | 'columns' | null = null;
  rows = 0;
  columns = 0;
  private tds: HTMLTableCellElement[][] = [];
  private rowHeads: HTMLElement[] = [];
  private columnHeads: HTMLElement[] = [];
  private dragging = false;
  /** The sheet last drawn, to skip drawing it again unchanged. */
  private drawn = '';
  /** The block the add-on last showed: it blinks until the selection moves. */
  private flashed?: Block;

  constructor(
    readonly root: HTMLElement,
    private readonly onSelect: () => void,
  ) {
    document.addEventListener('mouseup', () => {
      this.dragging = false;
    });
  }

  cell(row: number, column: number): CellView {
    return this.sheet?.rows[row]?.[column] ?? EMPTY;
  }

  td(row: number, column: number): HTMLTableCellElement | undefined {
    return this.tds[row]?.[column];
  }

  /** Draws a sheet; the selection and scroll stay where they were when the same sheet is drawn again. */
  show(sheet: SheetView): void {
    const same = this.sheet?.name === sheet.name;
    const json = JSON.stringify(sheet);
    if (same && json === this.drawn) return;
    this.drawn = json;
    this.sheet = sheet;
    if (!same) {
      this.anchor = { row: 0, column: 0 };
      this.focus = { row: 0, column: 0 };
      this.whole = null;
    }
    this.draw();
    if (!same) this.root.scrollTo(0, 0);
  }

  private size(): void {
    const sheet = this.sheet as SheetView;
    const far = Math.max(this.anchor.row, this.focus.row);
    const wide = Math.max(this.anchor.column, this.focus.column);
    // A sheet cut at the preview's limit is drawn as it is: cells past the cut are not known here.
    this.rows = sheet.truncated ? sheet.rows.length : Math.max(sheet.rows.length + BLANK_ROWS, MIN_ROWS, far + BLANK_ROWS);
    this.columns = sheet.truncated ? sheet.columns : Math.max(sheet.columns + BLANK_COLUMNS, MIN_COLUMNS, wide + BLANK_COLUMNS);
  }

  draw(): void {
    const sheet = this.sheet;
    const { scrollTop, scrollLeft } = this.root;
    this.root.querySelector('table')?.remove();
    this.root.querySelector('#more')?.remove();
    if (!sheet) return;
    this.size();
    const table = document.createElement('table');
    table.dataset.sheet = sheet.name;
    const head = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.className = 'row';
    head.appendChild(corner);
    const lefts: number[] = [];
    for (let c = 0, x = ROW_HEAD; c < sheet.frozenColumns; c++) {
      lefts.push(x);
      x += sheet.widths[c] ?? DEFAULT_WIDTH;
    }
    const pin = (cell: HTMLElement, c: number) => {
      if (c >= lefts.length) return;
      cell.classList.add('pinned');
      cell.style.left = `${lefts[c]}px`;
      const width = `${sheet.widths[c] ?? DEFAULT_WIDTH}px`;
      cell.style.minWidth = width;
      cell.style.maxWidth = width;
    };
    this.columnHeads = [];
    for (let c = 0; c < this.columns; c++) {
      const th = document.createElement('th');
      th.textContent = letter(c + 1);
      th.scope = 'col';
      // A set width is kept; a column with data fits it; an empty one has Sheets' default width.
      const width = sheet.widths[c] ?? (sheet.rows.some((row) => row[c]?.text) ? undefined : DEFAULT_WIDTH);
      if (width) {
        th.style.minWidth = `${width}px`;
        th.style.maxWidth = `${width}px`;
      }
      pin(th, c);
      th.addEventListener('mousedown', (event) => this.pickHeader('columns', c, event));
      head.appendChild(th);
      this.columnHeads.push(th);
    }
    const body = table.createTBody();
    this.tds = [];
    this.rowHeads = [];
    const spills: [HTMLTableCellElement, number, number][] = [];
    for (let r = 0; r < this.rows; r++) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.className = 'row';
      th.scope = 'row';
      th.textContent = String(r + 1);
      th.addEventListener('mousedown', (event) => this.pickHeader('rows', r, event));
      tr.appendChild(th);
      this.rowHeads.push(th);
      const line: HTMLTableCellElement[] = [];
      for (let c = 0; c < this.columns; c++) {
        const cell = this.cell(r, c);
        const td = tr.insertCell();
        this.fill(td, cell);
        if (sheet.widths[c]) td.style.maxWidth = `${sheet.widths[c]}px`;
        if (r + 1 === sheet.frozenRows) td.classList.add('frozen');
        if (cell.text && !cell.num && !this.cell(r, c + 1).text) spills.push([td, r, c]);
        pin(td, c);
        td.addEventListener('mousedown', (event) => this.press(r, c, event));
        td.addEventListener('mouseenter', () => this.drag(r, c));
        line.push(td);
      }
      this.tds.push(line);
    }
    this.root.appendChild(table);
    this.root.scrollTo(scrollLeft, scrollTop);
    // Text too long for its cell runs over the empty cells to its right, as in Sheets: measure every
    // candidate first, then change them, so the page is laid out once.
    const rooms = spills.map(([td, r, c]) => (td.scrollWidth > td.clientWidth ? this.room(td, r, c) : 0));
    spills.forEach(([td], i) => {
      this.spill(td, rooms[i]);
    });
    if (sheet.truncated) {
      const more = document.createElement('div');
      more.id = 'more';
      more.textContent = `Showing the first ${sheet.rows.length} rows and ${sheet.columns} columns.`;
      this.root.appendChild(more);
    }
    this.paint();
  }

  private fill(td: HTMLTableCellElement, cell: CellView): void {
    td.textContent = '';
    td.appendChild(cell.loading ? document.createTextNode('Loading…') : content(cell));
    if (cell.bg) td.style.background = cell.bg;
    if (cell.color) td.style.color = cell.color;
    if (cell.bold) td.style.fontWeight = 'bold';
    if (cell.num) td.classList.add('num');
    if (cell.note) {
      td.dataset.note = '1';
      td.title = cell.note;
    }
  }

  /** Pixels from a cell's left edge to the next cell holding something (or the grid's edge). */
  private room(td: HTMLTableCellElement, row: number, column: number): number {
    let end = column + 1;
    while (end < this.columns && !this.cell(row, end).text) end++;
    const stop = this.tds[row][end] as HTMLElement | undefined;
    const last = this.tds[row][this.columns - 1];
    return (stop ? stop.offsetLeft : last.offsetLeft + last.offsetWidth) - td.offsetLeft - 8;
  }

  /** Lets a cell's text run right over its empty neighbours, within `room` pixels. */
  private spill(td: HTMLTableCellElement, room: number): void {
    if (room <= td.clientWidth) return;
    const span = document.createElement('span');
    span.append(...td.childNodes);
    span.style.maxWidth = `${room}px`;
    td.classList.add('spill');
    td.appendChild(span);
  }

  /** The selection as a block (whole rows or columns span the drawn grid). */
  block(): Block {
    const block = {
      top: Math.min(this.anchor.row, this.focus.row),
      bottom: Math.max(this.anchor.row, this.focus.row),
      left: Math.min(this.anchor.column, this.focus.column),
      right: Math.max(this.anchor.column, this.focus.column),
    };
    if (this.whole === 'rows') Object.assign(block, { left: 0, right: this.columns - 1 });
    if (this.whole === 'columns') Object.assign(block, { top: 0, bottom: this.rows - 1 });
    return block;
  }

  /** Selects a cell, or extends the selection to it. */
  select(point: Point, extend = false): void {
    if (!extend) {
      this.anchor = { ...point };
      this.whole = null;
    }
    this.focus = { ...point };
    this.flashed = undefined;
    if (point.row >= this.rows - 1 || point.column >= this.columns - 1) this.draw();
    else this.paint();
    this.td(point.row, point.column)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Moves the selection by a step, staying on the sheet. */
  move(rows: number, columns: number, extend = false): void {
    const from = extend ? this.focus : this.anchor;
    this.select({ row: Math.max(0, from.row + rows), column: Math.max(0, from.column + columns) }, extend);
  }

  /** Selects a block and makes it blink, as the add-on does to show a cell it talks about. */
  reveal(block: Block): void {
    this.anchor = { row: block.top, column: block.left };
    this.focus = { row: block.bottom, column: block.right };
    this.whole = null;
    this.flashed = block;
    this.draw();
    this.td(block.top, block.left)?.scrollIntoView({ block: 'center', inline: 'center' });
  }

  private press(row: number, column: number, event: MouseEvent): void {
    if (event.button !== 0) return;
    this.dragging = true;
    this.select({ row, column }, event.shiftKey);
  }

  private drag(row: number, column: number): void {
    if (this.dragging && !this.whole) this.select({ row, column }, true);
  }

  private pickHeader(whole: 'rows' | 'columns', index: number, event: MouseEvent): void {
    event.preventDefault();
    this.root.focus();
    const point = whole === 'rows' ? { row: index, column: 0 } : { row: 0, column: index };
    this.flashed = undefined;
    if (event.shiftKey && this.whole === whole) this.focus = point;
    else {
      this.anchor = point;
      this.focus = point;
    }
    this.whole = whole;
    this.paint();
  }

  /** Marks the selected cells and headers. */
  paint(): void {
    this.root.querySelectorAll('.selected, .in, .on, .flash').forEach((e) => {
      e.classList.remove('selected', 'in', 'on', 'flash');
    });
    const b = this.block();
    const many = b.top !== b.bottom || b.left !== b.right;
    for (let r = b.top; r <= Math.min(b.bottom, this.rows - 1); r++) {
      this.rowHeads[r]?.classList.add('on');
      for (let c = b.left; c <= Math.min(b.right, this.columns - 1); c++) if (many) this.td(r, c)?.classList.add('in');
    }
    for (let c = b.left; c <= Math.min(b.right, this.columns - 1); c++) this.columnHeads[c]?.classList.add('on');
    const active = this.whole === 'columns' ? { row: 0, column: this.anchor.column } : this.anchor;
    this.td(active.row, active.column)?.classList.add('selected');
    const f = this.flashed;
    if (f) for (let r = f.top; r <= f.bottom; r++) for (let c = f.left; c <= f.right; c++) this.td(r, c)?.classList.add('flash');
    this.onSelect();
  }

  /** "B7", or "B7:D9", "3:5", "C:C" for blocks, rows and columns. */
  address(): string {
    const b = this.block();
    if (this.whole === 'rows') return `${b.top + 1}:${b.bottom + 1}`;
    if (this.whole === 'columns') return `${letter(b.left + 1)}:${letter(b.right + 1)}`;
    const first = `${letter(b.left + 1)}${b.top + 1}`;
    return b.top === b.bottom && b.left === b.right ? first : `${first}:${letter(b.right + 1)}${b.bottom + 1}`;
  }
}
