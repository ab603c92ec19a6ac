// Reads raw sheet values (as getValues() returns them) into a validated Plan and every problem found.

import { CalendarDay, isBlank, normalizeName } from './cells';
import { checkPlan } from './checks';
import { type Columns, readFields, type SheetSpec } from './columns';
import { type Day, dateToDay, isoToDay } from './dates';
import { isDateCell } from './output';
import type { Plan, SheetLayout, SheetName } from './plan';
import { a1, columnLetter, type Problem } from './problems';
import { defaultSettings, Settings, type SettingsValues, settingKey } from './settings';
import { Clients, Costs, Projects, Quotas, Staff, Tasks, Templates, TimeOff } from './sheets';

/** A sheet's values, header row included, as Sheets returns them (or with dates as DateCell). */
export type Grid = readonly (readonly unknown[])[];

/** Tab name → values. */
export type RawWorkbook = Record<string, Grid>;

export interface ReadOptions {
  /** The spreadsheet's time zone: Sheets' Date cells mean midnight there. */
  timeZone: string;
  /** Today in the spreadsheet's time zone. */
  today: Day;
}

export interface ReadResult {
  plan: Plan;
  problems: Problem[];
}

const HEADER_SCAN_ROWS = 10;

export function findTab(raw: RawWorkbook, spec: { name: string; aliases: readonly string[] }): string | undefined {
  const wanted = new Set([spec.name, ...spec.aliases].map(normalizeName));
  return Object.keys(raw).find((tab) => wanted.has(normalizeName(tab)));
}

function cellValue(value: unknown, timeZone: string): unknown {
  if (value instanceof Date) return new CalendarDay(dateToDay(value, timeZone));
  if (isDateCell(value)) {
    const day = isoToDay(value.date);
    return day === undefined ? value.date : new CalendarDay(day);
  }
  return value;
}

/** Field key → 0-based column index, for the header row that matches the most known columns. */
function matchHeaders<C extends Columns>(spec: SheetSpec<C>, grid: Grid): { headerRow: number; columns: Map<string, number> } {
  const lookup = new Map<string, string>();
  for (const [key, column] of Object.entries(spec.columns)) {
    for (const alias of column.aliases ?? []) lookup.set(normalizeName(alias), key);
  }
  // Exact headers win over another column's alias.
  for (const [key, column] of Object.entries(spec.columns)) lookup.set(normalizeName(column.header), key);

  let best = { headerRow: 0, columns: new Map<string, number>() };
  for (let r = 0; r < Math.min(grid.length, HEADER_SCAN_ROWS); r++) {
    const columns = new Map<string, number>();
    grid[r].forEach((cell, c) => {
      const key = typeof cell === 'string' ? lookup.get(normalizeName(cell)) : undefined;
      if (key && !columns.has(key)) columns.set(key, c);
    });
    if (columns.size > best.columns.size) best = { headerRow: r, columns };
  }
  return best;
}

/** The non-blank values of one column of a sheet, found by its header (or an alias). */
export function columnValues<C extends Columns>(spec: SheetSpec<C>, grid: Grid, key: keyof C & string): unknown[] {
  const { headerRow, columns } = matchHeaders(spec, grid);
  const c = columns.get(key);
  return c === undefined
    ? []
    : grid
        .slice(headerRow + 1)
        .map((row) => row[c])
        .filter((v) => !isBlank(v));
}

interface SheetRead<R> {
  rows: R[];
  layout: SheetLayout;
  problems: Problem[];
}

export function readSheet<C extends Columns, R>(spec: SheetSpec<C>, tab: string, grid: Grid, timeZone: string): SheetRead<R> {
  const problems: Problem[] = [];
  const { headerRow, columns } = matchHeaders(spec, grid);
  const layout: SheetLayout = { tab, columns: {} };
  for (const [key, c] of columns) layout.columns[key] = c + 1;

  const width = Math.max(0, ...grid.slice(0, HEADER_SCAN_ROWS).map((r) => r.length));
  let nextFree = width;
  for (const [key, column] of Object.entries(spec.columns)) {
    if (column.required && !columns.has(key)) {
      nextFree += 1;
      problems.push({
        severity: 'error',
        sheet: tab,
        cell: a1(nextFree, headerRow + 1),
        message: `missing column "${column.header}"; add a header named "${column.header}"`,
      });
    }
  }

  const rows: R[] = [];
  if (problems.length > 0) return { rows, layout, problems };
  const keys = [...columns.keys()];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const line = grid[r];
    if (keys.every((k) => isBlank(line[columns.get(k) as number]))) continue;
    const { values, issues } = readFields(spec.columns, (key) => {
      const c = columns.get(key);
      return c === undefined ? undefined : cellValue(line[c], timeZone);
    });
    for (const { key, message } of issues) {
      problems.push({
        severity: 'error',
        sheet: tab,
        cell: a1((columns.get(key) ?? 0) + 1, r + 1),
        message: `${spec.columns[key].header} ${message}`,
      });
    }
    // A row with problems is kept with its readable fields, so references to it still resolve.
    rows.push({ ...values, row: r + 1 } as R);
  }
  return { rows, layout, problems };
}

function readSettings(tab: string, grid: Grid, timeZone: string) {
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  const rowOf = new Map<string, number>();
  grid.forEach((line, r) => {
    const label = line[0];
    if (isBlank(label) || (isBlank(line[1]) && !settingKey(String(label)))) return;
    const key = settingKey(String(label));
    if (!key) {
      if (r > 0 || !/^(key|setting)s?$/i.test(String(label).trim())) {
        problems.push({ severity: 'warning', sheet: tab, cell: a1(1, r + 1), message: `unknown setting "${label}" is ignored` });
      }
      return;
    }
    values[key] = cellValue(line[1], timeZone);
    rowOf.set(key, r + 1);
  });
  const read = readFields(Settings.columns, (key) => values[key]);
  for (const { key, message } of read.issues) {
    problems.push({
      severity: 'error',
      sheet: tab,
      cell: `${columnLetter(2)}${rowOf.get(key) ?? 1}`,
      message: `${Settings.columns[key as keyof typeof Settings.columns].header} ${message}`,
    });
  }
  // An unreadable setting keeps its default.
  const settings = {
    ...defaultSettings(),
    ...Object.fromEntries(Object.entries(read.values).filter(([, v]) => v !== undefined)),
  } as SettingsValues;
  return { settings, problems };
}

const SHEETS = { Clients, Staff, TimeOff, Projects, Tasks, Templates, Costs, Quotas };

export function readWorkbook(raw: RawWorkbook, options: ReadOptions): ReadResult {
  const problems: Problem[] = [];
  const layout: Plan['layout'] = {};
  const tables: Record<string, unknown[]> = {};
  for (const [name, spec] of Object.entries(SHEETS)) {
    const tab = findTab(raw, spec);
    tables[name] = [];
    if (tab === undefined || raw[tab].length === 0) continue;
    const read = readSheet(spec as SheetSpec<Columns>, tab, raw[tab], options.timeZone);
    tables[name] = read.rows;
    layout[name as SheetName] = read.layout;
    for (const p of read.problems) problems.push(p);
  }
  const settingsTab = findTab(raw, Settings);
  const { settings, problems: settingProblems } = settingsTab
    ? readSettings(settingsTab, raw[settingsTab], options.timeZone)
    : { settings: defaultSettings(), problems: [] };
  if (settingsTab) layout.Settings = { tab: settingsTab, columns: { key: 1, value: 2 } };
  for (const p of settingProblems) problems.push(p);

  const plan = {
    clients: tables.Clients,
    staff: tables.Staff,
    timeOff: tables.TimeOff,
    projects: tables.Projects,
    tasks: tables.Tasks,
    templates: tables.Templates,
    costs: tables.Costs,
    quotas: tables.Quotas,
    settings,
    planStart: settings.planStart ?? options.today,
    today: options.today,
    timeZone: options.timeZone,
    layout,
  } as Plan;
  return { plan, problems: problems.concat(checkPlan(plan)) };
}
