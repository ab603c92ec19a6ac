// Reads raw sheet values (as getValues() returns them) into a validated Plan and every problem found.

import { CalendarDay, isBlank, normalizeName } from './cells';
import { checkPlan, planWarnings } from './checks';
import { type Columns, readFields, type SheetSpec } from './columns';
import { type Day, dateToDay, isoToDay, textToDay } from './dates';
import { isDateCell } from './output';
import type { Plan, SheetLayout, SheetName } from './plan';
import { a1, columnLetter, type Problem, quote } from './problems';
import { defaultSettings, Settings, type SettingsValues, settingKey } from './settings';
import { Clients, Costs, INPUT_SHEETS, Projects, Quotas, Staff, Tasks, Templates, TimeOff } from './sheets';

/** A sheet's values, header row included, as Sheets returns them (or with dates as DateCell). */
export type Grid = readonly (readonly unknown[])[];

/** Tab name → values. */
export type RawWorkbook = Record<string, Grid>;

export interface ReadOptions {
  /** The spreadsheet's time zone: Sheets' Date cells mean midnight there. */
  timeZone: string;
  /** Today in the spreadsheet's time zone. */
  today: Day;
  /** The spreadsheet's locale (en_US, de_DE…): dates typed as text are read as it writes them. */
  locale?: string;
}

export interface ReadResult {
  plan: Plan;
  problems: Problem[];
}

const HEADER_SCAN_ROWS = 10;
const DEFAULT_LOCALE = 'en_US';

export function findTab(raw: RawWorkbook, spec: { name: string; aliases: readonly string[] }): string | undefined {
  const wanted = new Set([spec.name, ...spec.aliases].map(normalizeName));
  return Object.keys(raw).find((tab) => wanted.has(normalizeName(tab)));
}

/** A cell as the readers take it: dates as CalendarDay, and in a date column text that is a date in the locale. */
function cellValue(value: unknown, timeZone: string, dateLocale?: string): unknown {
  if (value instanceof Date) return new CalendarDay(dateToDay(value, timeZone));
  if (isDateCell(value)) {
    const day = isoToDay(value.date);
    return day === undefined ? value.date : new CalendarDay(day);
  }
  if (dateLocale !== undefined && typeof value === 'string') {
    const day = textToDay(value, dateLocale);
    if (day !== undefined) return new CalendarDay(day);
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

const missingOf = (spec: SheetSpec<Columns>, found: Map<string, number>) =>
  Object.entries(spec.columns).filter(([key, column]) => column.required && !found.has(key));

/**
 * What is wrong with a range passed to a custom function as a whole, before its cells are read: a
 * required one left out, one passed without its header row, or another table in its place ("this
 * looks like the Staff table"). Cell-level problems are left to the reading.
 */
export function rangeProblem(name: string, grid: Grid, spec: SheetSpec<Columns>, required: boolean): string | undefined {
  const example = `${spec.name}!A1:${columnLetter(Object.keys(spec.columns).length)}200`;
  if (grid.length === 0)
    return required ? `${name} is required: pass the ${spec.name} table with its header row, e.g. ${example}` : undefined;
  const own = matchHeaders(spec, grid).columns;
  if (missingOf(spec, own).length === 0) return undefined;
  for (const other of [...INPUT_SHEETS, Settings] as SheetSpec<Columns>[]) {
    const found = matchHeaders(other, grid).columns;
    if (other !== spec && missingOf(other, found).length === 0 && found.size > own.size) {
      const headers = [...found.keys()].slice(0, 4).map((k) => other.columns[k].header);
      return `${name} looks like the ${other.name} table (${headers.join(', ')}); pass the ${spec.name} table here, e.g. ${example}`;
    }
  }
  if (own.size > 0) return undefined;
  const needed = missingOf(spec, own).map(([, column]) => column.header);
  return `${name} has no header row: pass the ${spec.name} table with its header row (${needed.join(', ')}…), e.g. ${example}`;
}

interface SheetRead<R> {
  rows: R[];
  layout: SheetLayout;
  problems: Problem[];
}

export function readSheet<C extends Columns, R>(
  spec: SheetSpec<C>,
  tab: string,
  grid: Grid,
  options: Pick<ReadOptions, 'timeZone' | 'locale'>,
): SheetRead<R> {
  const { timeZone, locale = DEFAULT_LOCALE } = options;
  const problems: Problem[] = [];
  const { headerRow, columns } = matchHeaders(spec, grid);
  const layout: SheetLayout = { tab, columns: {} };
  for (const [key, c] of columns) layout.columns[key] = c + 1;

  // A required column missing is most likely a header renamed: point at the first header nothing matched.
  const used = new Set(columns.values());
  const strangers = (grid[headerRow] ?? []).flatMap((cell, c) => (used.has(c) || isBlank(cell) ? [] : [c]));
  let nextFree = Math.max(0, ...grid.slice(0, HEADER_SCAN_ROWS).map((r) => r.length));
  for (const [key, column] of Object.entries(spec.columns)) {
    if (!column.required || columns.has(key)) continue;
    const renamed = strangers.shift();
    if (renamed === undefined) nextFree += 1;
    const cell = renamed === undefined ? nextFree : renamed + 1;
    const hint =
      renamed === undefined
        ? `add a header named "${column.header}"`
        : `this header reads ${quote(grid[headerRow][renamed])}; rename it "${column.header}" if it holds that column`;
    problems.push({ severity: 'error', sheet: tab, cell: a1(cell, headerRow + 1), message: `missing column "${column.header}"; ${hint}` });
  }

  const rows: R[] = [];
  if (problems.length > 0) return { rows, layout, problems };
  const keys = [...columns.keys()];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const line = grid[r];
    if (keys.every((k) => isBlank(line[columns.get(k) as number]))) continue;
    const { values, issues } = readFields(spec.columns, (key) => {
      const c = columns.get(key);
      return c === undefined ? undefined : cellValue(line[c], timeZone, spec.columns[key].format === 'date' ? locale : undefined);
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
    values.row = r + 1;
    rows.push(values as R);
  }
  return { rows, layout, problems };
}

function readSettings(tab: string, grid: Grid, { timeZone, locale = DEFAULT_LOCALE }: ReadOptions) {
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
    values[key] = cellValue(line[1], timeZone, Settings.columns[key].format === 'date' ? locale : undefined);
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

/**
 * The workbook as a plan, with what stops it from being planned: the problems found reading it and the
 * errors across sheets. Enough for a custom function or a server call, which answer from errors alone.
 */
export function readPlan(raw: RawWorkbook, options: ReadOptions): ReadResult {
  const problems: Problem[] = [];
  const layout: Plan['layout'] = {};
  const tables: Record<string, unknown[]> = {};
  for (const [name, spec] of Object.entries(SHEETS)) {
    const tab = findTab(raw, spec);
    tables[name] = [];
    if (tab === undefined || raw[tab].length === 0) continue;
    const read = readSheet(spec as SheetSpec<Columns>, tab, raw[tab], options);
    tables[name] = read.rows;
    layout[name as SheetName] = read.layout;
    for (const p of read.problems) problems.push(p);
  }
  const settingsTab = findTab(raw, Settings);
  const { settings, problems: settingProblems } = settingsTab
    ? readSettings(settingsTab, raw[settingsTab], options)
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
    locale: options.locale ?? DEFAULT_LOCALE,
    layout,
  } as Plan;
  return { plan, problems: problems.concat(checkPlan(plan)) };
}

/** readPlan, with the warnings a person should also see (the sidebar lists them). */
export function readWorkbook(raw: RawWorkbook, options: ReadOptions): ReadResult {
  const read = readPlan(raw, options);
  return { plan: read.plan, problems: read.problems.concat(planWarnings(read.plan)) };
}
