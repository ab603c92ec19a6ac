// What the add-on writes: a whole output sheet, built by the core, written by the adapter in a fixed
// number of calls whatever its size.

/** A date travels as an ISO day; the adapter turns it into a real date in the spreadsheet's zone. */
export interface DateCell {
  date: string;
}

export type Cell = string | number | boolean | null | DateCell;

export function isDateCell(value: unknown): value is DateCell {
  return typeof value === 'object' && value !== null && typeof (value as DateCell).date === 'string';
}

export interface SheetOutput {
  /** One of the sheets the add-on owns (see OUTPUT_SHEETS). */
  name: string;
  values: Cell[][];
  /** Same shape as values; null keeps the default. */
  backgrounds?: (string | null)[][];
  fontColors?: (string | null)[][];
  /** Same shape as values; '' keeps the default. */
  numberFormats?: string[][];
  /** Notes by cell, same shape as values; '' for none. */
  notes?: string[][];
  /** Rows (0-based) drawn bold, such as headers. */
  boldRows?: number[];
  frozenRows?: number;
  frozenColumns?: number;
  /** Pixel width per column, from the first; missing entries keep the default. */
  columnWidths?: number[];
  /**
   * A column of checkboxes the user ticks: each row holding true or false there gets one. When the
   * sheet is written again, each row keeps the tick it had on the row with the same cells in `key`.
   */
  checkboxes?: { column: number; key: number[] };
}

/** Pixels a character takes in Sheets' default font (Arial 10): capitals and digits are wider, spaces and stops narrower. */
function charWidth(ch: string): number {
  if (/\p{Lu}/u.test(ch)) return 9;
  if (/[0-9]/.test(ch)) return 7.5;
  if (/[\s.,;:'!|()/-]/.test(ch)) return 4;
  return ch.charCodeAt(0) > 0x2000 ? 13 : 6.2;
}

/** Roughly how wide a text is in Sheets' default font, padding included (a little over, never under). */
export function textWidth(text: string): number {
  let width = 8;
  for (const ch of text) width += charWidth(ch);
  return Math.ceil(width);
}

/**
 * Column widths as Sheets' "fit to data" sets them: each column's widest cell among `rows` (a date as
 * wide as `dateShown`, its format's longest), kept within [min, max] pixels.
 */
export function fitWidths(rows: readonly (readonly Cell[])[], dateShown: string, min: number, max: number): number[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, c) => {
      const text = isDateCell(cell) ? dateShown : cell === null ? '' : String(cell);
      widths[c] = Math.max(widths[c] ?? min, textWidth(text));
    });
  return Array.from(widths, (w) => Math.min(max, w ?? min));
}

/** The output with the ticks `current` (the sheet as it is) holds, row by row matched on the key cells. */
export function keepTicks(output: SheetOutput, current: readonly (readonly unknown[])[]): SheetOutput {
  const spec = output.checkboxes;
  if (!spec) return output;
  const keyOf = (row: readonly unknown[]) =>
    spec.key
      .map((c) =>
        String(row[c] ?? '')
          .trim()
          .toLowerCase(),
      )
      .join('\n');
  const ticks = new Map<string, boolean>();
  for (const row of current) if (typeof row[spec.column] === 'boolean') ticks.set(keyOf(row), row[spec.column] as boolean);
  const values = output.values.map((row) => {
    const tick = typeof row[spec.column] === 'boolean' ? ticks.get(keyOf(row)) : undefined;
    return tick === undefined ? row : row.map((cell, c) => (c === spec.column ? tick : cell));
  });
  return { ...output, values };
}

/**
 * Sheets the add-on creates and replaces; it never writes any other sheet. Quota attainment goes to
 * "Attainment" because "Quotas" is the input sheet holding the targets.
 */
export const OUTPUT_SHEETS = [
  'Schedule',
  'Timeline',
  'People',
  'Budget',
  'Attainment',
  'KPIs',
  'Shares',
  'Staffing',
  'Close-out',
  'Baseline',
  'Changes',
  'Notifications',
] as const;

export type OutputSheetName = (typeof OUTPUT_SHEETS)[number];
