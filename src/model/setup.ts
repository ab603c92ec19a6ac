// What "Set up sheets" creates: each input sheet's headers, notes, dropdowns and column formats,
// and the sample firm's rows with date columns marked as dates.

import { type SampleCell, sampleWorkbook } from '../../examples/sample-workbook';
import { normalizeName } from './cells';
import type { Columns, Format, SheetSpec } from './columns';
import type { Day } from './dates';
import type { Cell } from './output';
import { Settings } from './settings';
import { INPUT_SHEETS } from './sheets';

export interface InputSheetLayout {
  name: string;
  aliases: readonly string[];
  headers: string[];
  notes: string[];
  /** Dropdown choices per column, or null. */
  choices: (readonly string[] | null)[];
  formats: (Format | null)[];
}

function layoutOf(spec: SheetSpec<Columns>): InputSheetLayout {
  const columns = Object.values(spec.columns);
  return {
    name: spec.name,
    aliases: spec.aliases,
    headers: columns.map((c) => c.header),
    notes: columns.map((c) => `${c.required ? 'Required. ' : ''}${c.note}`),
    choices: columns.map((c) => c.choices ?? null),
    formats: columns.map((c) => c.format ?? null),
  };
}

const SETTINGS_LAYOUT: InputSheetLayout = {
  name: 'Settings',
  aliases: [],
  headers: ['Key', 'Value'],
  notes: [
    `One setting a row. Keys: ${Object.values(Settings.columns)
      .map((c) => c.header)
      .join(', ')}.`,
    'The setting’s value. Blank keeps the default.',
  ],
  choices: [Object.values(Settings.columns).map((c) => c.header), null],
  formats: [null, null],
};

export function inputSheetLayouts(): InputSheetLayout[] {
  return [...INPUT_SHEETS.map((s) => layoutOf(s as unknown as SheetSpec<Columns>)), SETTINGS_LAYOUT];
}

/** Rows to fill each input sheet with (header excluded, in the layout's column order), by sheet name. */
export type SampleSheets = Record<string, Cell[][]>;

/** The sample firm as of `today`, sheet by sheet, as "Fill with the sample firm" writes it. */
export function sampleSheets(today: Day): SampleSheets {
  const workbook = sampleWorkbook(today);
  return Object.fromEntries(inputSheetLayouts().map((layout) => [layout.name, sampleRows(layout, workbook[layout.name])]));
}

/** The sample firm's rows for one sheet (header excluded), in the layout's column order. */
function sampleRows(layout: InputSheetLayout, grid: SampleCell[][] | undefined): Cell[][] {
  if (!grid) return [];
  const [header, ...rows] = grid;
  const position = layout.headers.map((h) => header.findIndex((x) => normalizeName(String(x)) === normalizeName(h)));
  const settingDates = new Set([normalizeName(Settings.columns.planStart.header)]);
  return rows.map((row) =>
    position.map((p, c): Cell => {
      const value = p < 0 ? null : (row[p] ?? null);
      const isDate =
        layout.formats[c] === 'date' || (layout.name === 'Settings' && c === 1 && settingDates.has(normalizeName(String(row[0]))));
      return isDate && typeof value === 'string' && value !== '' ? { date: value } : value;
    }),
  );
}
