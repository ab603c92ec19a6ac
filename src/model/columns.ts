// A sheet's columns: header, accepted aliases, the reader, and the help shown in the header note.
// One description serves parsing, header matching and "Set up sheets".

import * as z from 'zod/mini';
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
  schema: z.ZodMiniType<T, unknown>;
}

export function req<T>(header: string, read: Reader<T>, meta: ColumnMeta): Column<T> {
  return { header, required: true, schema: required(read), ...meta };
}

export function opt<T>(header: string, read: Reader<T>, meta: ColumnMeta): Column<T | undefined> {
  return { header, required: false, schema: optional(read), ...meta };
}

export function def<T>(header: string, read: Reader<T>, fallback: T, meta: ColumnMeta): Column<T> {
  return { header, required: false, schema: withDefault(read, fallback), ...meta };
}

// biome-ignore lint/suspicious/noExplicitAny: a shape of columns of any value type
export type Columns = Record<string, Column<any>>;

export interface SheetSpec<C extends Columns> {
  name: string;
  aliases: readonly string[];
  columns: C;
  schema: z.ZodMiniObject<{ [K in keyof C]: C[K]['schema'] }>;
}

/** A parsed row, with the sheet row it came from (1-based) for cell-addressed messages. */
export type RowOf<S> = S extends SheetSpec<infer C> ? { [K in keyof C]: z.output<C[K]['schema']> } & { row: number } : never;

export function sheetSpec<C extends Columns>(name: string, columns: C, aliases: readonly string[] = []): SheetSpec<C> {
  const shape = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.schema])) as {
    [K in keyof C]: C[K]['schema'];
  };
  return { name, aliases, columns, schema: z.object(shape) };
}
