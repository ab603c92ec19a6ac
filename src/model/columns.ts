// A sheet's columns: header, accepted aliases, the reader, and the help shown in the header note.
// One description serves parsing, header matching and "Set up sheets".

import { optional, type Reader, required, withDefault } from './cells';

export type Format = 'text' | 'date' | 'number' | 'money' | 'percent';

export interface ColumnMeta {
  aliases?: readonly string[];
  /** Shown as the header's note: what to write here. */
  note: string;
  /** Offered as a dropdown. */
  choices?: readonly string[];
  format?: Format;
}

export interface Column<T> extends ColumnMeta {
  header: string;
  required: boolean;
  /** Reads one cell, blank included (the default, undefined, or "is required"). */
  read: Reader<T>;
}

export function req<T>(header: string, read: Reader<T>, meta: ColumnMeta): Column<T> {
  return { header, required: true, read: required(read), ...meta };
}

export function opt<T>(header: string, read: Reader<T>, meta: ColumnMeta): Column<T | undefined> {
  return { header, required: false, read: optional(read), ...meta };
}

export function def<T>(header: string, read: Reader<T>, fallback: T, meta: ColumnMeta): Column<T> {
  return { header, required: false, read: withDefault(read, fallback), ...meta };
}

// biome-ignore lint/suspicious/noExplicitAny: a shape of columns of any value type
export type Columns = Record<string, Column<any>>;

export interface SheetSpec<C extends Columns> {
  name: string;
  aliases: readonly string[];
  columns: C;
}

type ValueOf<C> = C extends Column<infer T> ? T : never;

/** A parsed row, with the sheet row it came from (1-based) for cell-addressed messages. */
export type RowOf<S> = S extends SheetSpec<infer C> ? { [K in keyof C]: ValueOf<C[K]> } & { row: number } : never;

export function sheetSpec<C extends Columns>(name: string, columns: C, aliases: readonly string[] = []): SheetSpec<C> {
  return { name, aliases, columns };
}

const listed = new WeakMap<Columns, [string, Column<unknown>][]>();

/** A sheet's columns as [key, column] pairs, listed once: every row of the sheet is read by them. */
function fieldsOf(columns: Columns): [string, Column<unknown>][] {
  let fields = listed.get(columns);
  if (!fields) {
    fields = Object.entries(columns);
    listed.set(columns, fields);
  }
  return fields;
}

/**
 * Reads a record of cells by field: each field's value (undefined where unreadable, so references to
 * the row still resolve) and each field's complaint.
 */
export function readFields<C extends Columns>(
  columns: C,
  cell: (key: string) => unknown,
): { values: Record<string, unknown>; issues: { key: string; message: string }[] } {
  const values: Record<string, unknown> = {};
  const issues: { key: string; message: string }[] = [];
  for (const [key, column] of fieldsOf(columns)) {
    const read = column.read(cell(key));
    values[key] = read.ok ? read.value : undefined;
    if (!read.ok) issues.push({ key, message: read.error });
  }
  return { values, issues };
}
