// Hostile input for every custom function and every server call of the built dist/Code.js, called as
// Sheets and google.script.run call them: seeded fast-check fuzzing of plausible workbooks with hostile
// cells mixed in, and the largest and most hostile inputs written by hand. A call fails when it throws
// past the guard, answers what Sheets cannot show (a ragged table, a non-finite number, an invalid
// date, text over 50,000 characters, a stack trace), writes an input sheet, leaves the lock held, or
// takes over 10 s of CPU (Sheets stops a formula at 30 s, and Apps Script is slower). Prints, per
// function, the calls tried, the failures and the worst CPU time with the input that took it.
//
//   npm run build && npm run bench:fuzz [-- --runs 2000 --seed 1 --cases all|large|random]
//
// test/bundle/fuzz.test.ts runs the same property with fewer calls in `npm test`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { stoppedClock } from '../preview/gas/addon';
import { createServices, type FakeServices } from '../preview/gas/services';
import { FakeSpreadsheet } from '../preview/gas/spreadsheet';
import type { SheetSpec } from '../src/model/columns';
import { OUTPUT_SHEETS } from '../src/model/output';
import { Settings } from '../src/model/settings';
import { Clients, Costs, INPUT_SHEETS, Projects, Quotas, Staff, Tasks, Templates, TimeOff } from '../src/model/sheets';
import { option } from './args';

/** What the script exposes: a custom function as Sheets calls it, and a server call as the sidebar makes it. */
export interface Script {
  customFunction(name: string, args: unknown[]): unknown;
  run(name: string, args: unknown[]): unknown;
}

export interface Call {
  fn: string;
  kind: 'formula' | 'server';
  args: unknown[];
  /** Sheets the spreadsheet holds while the call runs (custom functions read Settings, Templates…). */
  sheets: Record<string, unknown[][]>;
  /** What a hand-written case is about. */
  label?: string;
}

/** Sheets' answer limits, and the time a formula may take here (Apps Script allows 30 s and is slower). */
export const CELL_TEXT_LIMIT = 50_000;
export const FORMULA_BUDGET_MS = 10_000;
export const NOW = new Date('2026-11-23T14:00:00Z');

// ---- Values ---------------------------------------------------------------------------------------

const LONG = [
  `${'1'.repeat(100_000)}x`,
  `LED${' '.repeat(50_000)}x${'9'.repeat(50_000)}`,
  '/'.repeat(100_000),
  ':'.repeat(60_000),
  'a,'.repeat(40_000),
  `${'x'.repeat(60_000)}`,
  `${'Rigging:3 x2; '.repeat(5_000)}`,
];

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, 1e15, 1e-4, 2 ** 53, 24.5, 168.5, 100_001, 1_000_000, 0.5, 4),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileText = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.constantFrom(
    '',
    ' ',
    '=IMPORTRANGE("x","A1")',
    '+1',
    '-',
    '@x',
    "'",
    '#N/A',
    'TRUE',
    '1e5',
    '12/14/2026',
    '14/12/2026',
    '2026-02-30',
    '2026-13-45',
    '99999-01-01',
    'Mon-Sun',
    'Sun to Sat',
    'LED:3 x2; Rigging',
    'LED:9',
    'LED:1 x400',
    'LED:1 x60; Rigging x60',
    'All',
    'Done',
    'In Progress',
    'Proposal',
    '150%',
    '-5%',
    '2026-Q4',
    '2026-Q5',
    '1850-01-01..2300-01-01',
    'P1/T1',
    'T1, T2, T3',
    '１２３',
    '\u0000\u202e',
  ),
  fc.constantFrom(...LONG),
);

const hostileDate = fc.oneof(
  fc.constantFrom(
    new Date(-62135596800000),
    new Date(253402300799000),
    new Date('1899-12-30T00:00:00Z'),
    new Date('2022-09-11T04:00:00Z'),
    new Date('2040-01-02T05:00:00Z'),
  ),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }),
);

export const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileDate },
  { weight: 1, arbitrary: fc.boolean() },
);

const at = (iso: string) => new Date(`${iso}T05:00:00Z`);
const PEOPLE = ['Ana', 'Ben', 'Cy', 'Dee'];
const PROJECTS = ['P1', 'P2', 'P3'];

type Spec = SheetSpec<Record<string, never>>;
const T = (spec: unknown) => spec as Spec;
const columnOf = (spec: Spec, key: string) =>
  spec.columns[key] as { header: string; required?: boolean; format?: string; choices?: readonly string[] };

const dateNear = fc.constantFrom('', at('2026-11-30'), at('2026-12-14'), at('2027-01-04'), at('2026-10-01'), '2027-02-01', '12/14/2026');
/** First and last days of a span (Start and Due, From and To): drawn apart, so the last is never the earlier. */
const firstDay = fc.constantFrom('', '', at('2026-10-01'), at('2026-11-30'), '12/1/2026');
const lastDay = fc.constantFrom('', '', at('2026-12-14'), at('2027-01-04'), '2027-02-01', at('2027-03-31'));

/** Values a user would plausibly write in a column, by key (references resolve often enough to plan). */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.constantFrom(...PEOPLE),
  client: fc.constantFrom('C1', 'C2'),
  project: fc.constantFrom(...PROJECTS),
  skills: fc.constantFrom('LED:2', 'Rigging:3', 'LED x2', 'Audio; LED:1', 'Rigging:2 x2; LED'),
  hours: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constantFrom(0.5, 4, 16, 120)),
  hoursLow: fc.constant(''),
  hoursHigh: fc.constant(''),
  actualHours: fc.constantFrom('', '', 10, 30),
  hoursPerWeek: fc.constantFrom(40, 40, 32, 20, 4, 0),
  hoursPerDay: fc.constantFrom('', 4, 8),
  maxHoursPerDay: fc.constantFrom('', '', 0.5, 1, 4, 8),
  after: fc.constant(''),
  assignee: fc.constantFrom('', '', '', 'Ana'),
  workDays: fc.constantFrom('Mon-Fri', 'Mon-Fri', 'Mon, Wed, Fri', 'Tue-Sat', 'Mon-Sun'),
  type: fc.constantFrom('', '', 'Booth'),
  priority: fc.constantFrom('', 1, 3, 5),
  probability: fc.constantFrom('', 0.5, '20%'),
  percentDone: fc.constantFrom('', '', 0.5, '60%'),
  scope: fc.constantFrom('', '', 0.5, 2),
  value: fc.constantFrom('', 50_000, 120_000),
  cost: fc.constantFrom(500, 2_000),
  costLow: fc.constant(''),
  costHigh: fc.constant(''),
  markup: fc.constantFrom('', 0.1),
  costRate: fc.constantFrom('', 40, 65, 90),
  billRate: fc.constantFrom('', 90, 150),
  contactEmail: fc.constantFrom('', 'pm@client.example', 'a@c1.example, b@c1.example'),
  email: fc.constantFrom('', 'ana@firm.example'),
  metric: fc.constantFrom(
    'Revenue',
    'New Clients',
    'On-Time Rate',
    'Billable Hours',
    'Expansion Revenue',
    'Delivered Value',
    'On-Time Projects',
  ),
  period: fc.constantFrom('2026', '2026-Q4', '2026-11', '2027-Q1', '2026-10-01..2026-12-31'),
  target: fc.constantFrom(100_000, '90%', 5, 400),
  owner: fc.constantFrom('Ana', 'Ben', 'Pat'),
};

/** Extreme values still within the limits: they pass the checks and reach the engines. */
const edge: Record<string, fc.Arbitrary<unknown>> = {
  hours: fc.constantFrom(0, 100_000, 99_999.5, 0.01, 5_000),
  hoursPerWeek: fc.constantFrom(1, 168, 1.5),
  hoursPerDay: fc.constantFrom(24, 0.01),
  maxHoursPerDay: fc.constantFrom(0.1, 24, 0.15),
  scope: fc.constantFrom(0.01, 100),
  skills: fc.constantFrom('LED:1 x100', 'LED:5 x3; Rigging:5 x3', 'LED:1 x4'),
  priority: fc.constantFrom(1, 5),
  costRate: fc.constantFrom(1e6, 0.01),
  billRate: fc.constantFrom(1e6, 0),
  value: fc.constantFrom(1e12, 0.01),
  cost: fc.constantFrom(1e12, 0),
  target: fc.constantFrom(0.01, 1e12, '1%', '100%'),
  probability: fc.constantFrom(0, 1),
  markup: fc.constantFrom(10, 0),
  percentDone: fc.constantFrom(0, 1, 0.999),
  period: fc.constantFrom('1900', '2200', '1900-01-01..2200-12-31', '2026-11-23..2026-11-23'),
};
const edgeDate = fc.constantFrom(at('1900-01-01'), at('2200-12-31'), at('2036-11-20'), at('2026-11-22'), at('2026-11-23'));

/** Where a sheet's column holds something else than the same key elsewhere. */
const plausibleIn: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  TimeOff: { name: fc.constantFrom('Ana', 'All'), from: fc.constantFrom(at('2026-12-01'), '12/24/2026'), to: lastDay },
  Templates: { type: fc.constant('Booth') },
  Tasks: { start: firstDay, due: lastDay, doneOn: firstDay },
  Projects: { start: firstDay, due: lastDay, expectedClose: lastDay, wonOn: firstDay, doneOn: firstDay },
  Staff: {
    startDate: firstDay,
    endDate: fc.constantFrom('', '', '', at('2027-06-30')),
    skills: fc.constantFrom('LED:3', 'Rigging:2, LED', 'Audio:5', 'LED:5, Rigging:4, Audio:3', 'Rigging:3'),
  },
};

/** Columns kept in every table that is not hostile: a workbook without them cannot be planned. */
const ESSENTIAL = new Set(['skills', 'hours', 'type']);

function plausibleFor(spec: Spec, key: string): fc.Arbitrary<unknown> {
  const column = columnOf(spec, key);
  const own = plausibleIn[spec.name]?.[key] ?? plausible[key];
  if (own) return own;
  if (column.choices) return fc.constantFrom(...column.choices, ...(column.required ? [] : ['']));
  if (column.format === 'date') return dateNear;
  if (column.format === 'number' || column.format === 'money') return fc.constantFrom('', 0, 1, 3, 50);
  if (column.format === 'percent') return fc.constantFrom('', 0.5, '60%');
  return fc.constantFrom('', 'x', 'Note, with a comma', 'yes', 'no');
}

/** Staff Skills at their longest: many skills, every level. */
const MANY_SKILLS = `LED:5, Rigging:4, Audio:3, ${Array.from({ length: 150 }, (_, i) => `S${i}:${(i % 5) + 1}`).join(', ')}`.slice(
  0,
  1_990,
);

function edgeFor(spec: Spec, key: string): fc.Arbitrary<unknown> {
  if (spec.name === 'Staff' && key === 'skills') return fc.constant(MANY_SKILLS);
  return edge[key] ?? (columnOf(spec, key).format === 'date' ? edgeDate : plausibleFor(spec, key));
}

/** How hostile a table is: clean rows that plan, extremes within the limits, or hostile cells mixed in. */
type Mood = 'clean' | 'edge' | 'hostile';
const mood = fc.constantFrom<Mood>('clean', 'clean', 'clean', 'clean', 'edge', 'edge', 'edge', 'hostile');

function cellFor(spec: Spec, key: string, m: Mood): fc.Arbitrary<unknown> {
  if (m === 'clean') return plausibleFor(spec, key);
  if (m === 'edge') return fc.oneof({ weight: 6, arbitrary: plausibleFor(spec, key) }, { weight: 1, arbitrary: edgeFor(spec, key) });
  return fc.oneof({ weight: 6, arbitrary: plausibleFor(spec, key) }, { weight: 1, arbitrary: hostileCell });
}

/**
 * Rows a sheet's rows would hold in a consistent workbook: names that must be unique are (Projects,
 * Staff, Tasks of a project), and some tasks come after an earlier task of the workbook.
 */
function consistent(spec: Spec, rows: Record<string, unknown>[], chain: boolean[]): void {
  rows.forEach((row, i) => {
    if (spec.name === 'Projects') row.project = PROJECTS[i] ?? `P${i + 1}`;
    if (spec.name === 'Clients') row.client = `C${i + 1}`;
    if (spec.name === 'Staff') row.name = PEOPLE[i % PEOPLE.length] + (i >= PEOPLE.length ? ` ${i}` : '');
    if (spec.name === 'Tasks' || spec.name === 'Templates') {
      row.task = `T${i}`;
      if (chain[i] && i > 0) row.after = spec.name === 'Tasks' ? `${rows[i - 1].project}/T${i - 1}` : `T${i - 1}`;
    }
  });
}

/** A sheet's table: the spec's headers (a random subset in random order, required ones kept), then rows. */
function tableOf(spec: Spec, maxRows: number, minRows = 0): fc.Arbitrary<unknown[][]> {
  const keys = Object.keys(spec.columns);
  return fc
    .record({
      m: mood,
      keep: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), {
        minLength: keys.length,
        maxLength: keys.length,
      }),
      order: fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
      shape: fc.oneof({ weight: 20, arbitrary: fc.constant('normal') }, fc.constantFrom('no header', 'header only')),
      chain: fc.array(fc.boolean(), { minLength: maxRows, maxLength: maxRows }),
    })
    .chain(({ m, keep, order, shape, chain }) =>
      fc
        .array(fc.record(Object.fromEntries(keys.map((k) => [k, cellFor(spec, k, m)]))), { minLength: minRows, maxLength: maxRows })
        .map((rows) => {
          if (m !== 'hostile') consistent(spec, rows, chain);
          const kept = (k: string) => keep[keys.indexOf(k)] || columnOf(spec, k).required || (m !== 'hostile' && ESSENTIAL.has(k));
          const columns = order.filter(kept);
          const header = columns.map((k) => columnOf(spec, k).header);
          const body = rows.map((r) => columns.map((k) => r[k]));
          if (shape === 'no header') return body;
          if (shape === 'header only') return [header];
          return [header, ...body];
        }),
    );
}

/** The Settings sheet: Key and Value, one setting a row. */
const settingsTable: fc.Arbitrary<unknown[][]> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constant('Plan Start'), fc.oneof(dateNear, edgeDate)),
      fc.tuple(fc.constant('Coverage'), fc.constantFrom(0.8, '95%', 0.5, 0.99)),
      fc.tuple(fc.constant('Iterations'), fc.constantFrom(0, 10, 1_000, 1_000_000)),
      fc.tuple(fc.constant('Plan Proposals'), fc.constantFrom('yes', 'no')),
      fc.tuple(fc.constant('Replan'), fc.constantFrom('Keep', 'Balanced', 'Free')),
      fc.tuple(fc.constant('Freeze Days'), fc.constantFrom(0, 5, 260)),
      fc.tuple(fc.constant('Currency'), fc.constantFrom('EUR', '$', '¥')),
      fc.tuple(fc.constant('Target Margin %'), fc.constantFrom(0.3, '95%')),
      fc.tuple(fc.constant('Client View Names'), fc.constantFrom('Names', 'Roles')),
      fc.tuple(fc.constantFrom('Unknown', 'Coverage', 'Plan Start'), hostileCell),
    ),
    { maxLength: 6 },
  )
  .map((rows) => [['Key', 'Value'], ...rows]);

/** A range argument: a table of the sheet, another sheet's table, a single cell, or left out. */
function rangeOf(spec: Spec, maxRows: number, minRows = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 40, arbitrary: tableOf(spec, maxRows, minRows) },
    { weight: 1, arbitrary: tableOf(T(Staff), 3) },
    { weight: 1, arbitrary: hostileCell },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

const dateArg = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(undefined, at('2026-12-01'), at('2027-03-31'), '12/31/2026') },
  { weight: 1, arbitrary: fc.oneof(hostileDate, hostileText, hostileNumber) },
);
const column = (cell: fc.Arbitrary<unknown>) =>
  fc.oneof(
    cell,
    fc.array(
      cell.map((v) => [v]),
      { maxLength: 6 },
    ),
  );

/** The spreadsheet custom functions also read (Settings, Templates, Clients…), sometimes hostile. */
const context = fc.record({
  Settings: fc.oneof(fc.constant(undefined), settingsTable),
  Templates: fc.oneof(fc.constant(undefined), tableOf(T(Templates), 4)),
  Clients: fc.oneof(fc.constant(undefined), tableOf(T(Clients), 3, 2)),
  TimeOff: fc.oneof(fc.constant(undefined), tableOf(T(TimeOff), 3)),
  Tasks: fc.oneof(fc.constant(undefined), tableOf(T(Tasks), 6)),
  Staff: fc.oneof(fc.constant(undefined), tableOf(T(Staff), 4)),
});

function withContext(fn: string, args: fc.Arbitrary<unknown[]>): fc.Arbitrary<Call> {
  return fc.tuple(args, context).map(([a, sheets]) => ({
    fn,
    kind: 'formula' as const,
    args: a,
    sheets: Object.fromEntries(Object.entries(sheets).filter(([, v]) => v !== undefined)) as Record<string, unknown[][]>,
  }));
}

/** ESTIMATE's arguments: hours to range, and a history of estimates and actuals, row for row. */
const estimateHours = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 200 }) },
  { weight: 1, arbitrary: fc.oneof(edge.hours, hostileCell) },
);
const history = fc
  .array(
    fc.tuple(
      estimateHours,
      fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0.5, max: 400, noNaN: true }) }, { weight: 1, arbitrary: edge.hours }),
    ),
    {
      maxLength: 12,
    },
  )
  .chain((pairs) =>
    fc.tuple(fc.constant([pairs.map(([e]) => [e]), pairs.map(([, a]) => [a])]), fc.constantFrom(undefined, 0.8, '95%', 0.99, 0.5)),
  )
  .map(([columns, coverage]) => [...columns, coverage] as const);

/** GANTT's arguments: starts and ends row for row (the end mostly not before the start), and a header of days, weeks or months. */
const someDay = fc.integer({ min: 0, max: 120 }).map((d) => new Date(at('2026-11-02').getTime() + d * 864e5));
const bars = fc
  .array(
    fc.tuple(
      someDay,
      fc.integer({ min: -2, max: 40 }),
      fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    ),
    { maxLength: 8 },
  )
  .map((rows) => [
    rows.map(([start, , blank]) => [blank ? '' : start]),
    rows.map(([start, days, blank]) => [blank ? '' : new Date(start.getTime() + days * 864e5)]),
  ]);
const headerDates = fc
  .tuple(fc.constantFrom(1, 7, 30), fc.integer({ min: 1, max: 40 }))
  .map(([step, n]) => [Array.from({ length: n }, (_, i) => new Date(at('2026-11-02').getTime() + i * step * 864e5))]);

/** Every custom function with arguments as a user might pass them, hostile cells mixed in. */
export const formulaCalls: Record<string, fc.Arbitrary<Call>> = {
  ASSIGN: withContext(
    'ASSIGN',
    fc.tuple(rangeOf(T(Tasks), 8), rangeOf(T(Staff), 4, 1), rangeOf(T(Projects), 3, 3), rangeOf(T(TimeOff), 3), dateArg),
  ),
  STAFFING: withContext(
    'STAFFING',
    fc.tuple(rangeOf(T(Tasks), 6), rangeOf(T(Staff), 3, 1), rangeOf(T(Projects), 3, 3), fc.constant(''), dateArg),
  ),
  BUDGETRANGE: withContext(
    'BUDGETRANGE',
    fc.tuple(rangeOf(T(Tasks), 8), rangeOf(T(Staff), 4, 1), rangeOf(T(Costs), 3), rangeOf(T(Projects), 3, 3)),
  ),
  UTILIZATION: withContext(
    'UTILIZATION',
    fc.oneof(
      fc.tuple(rangeOf(T(Tasks), 8), rangeOf(T(Staff), 4, 1), rangeOf(T(TimeOff), 3), dateArg, dateArg),
      fc.tuple(rangeOf(T(Tasks), 8), rangeOf(T(Staff), 4, 1), fc.constantFrom('2026-Q4', '2027', '2026-12', 2027)),
    ),
  ),
  ATTAINMENT: withContext('ATTAINMENT', fc.tuple(rangeOf(T(Quotas), 5), rangeOf(T(Projects), 5, 3), dateArg)),
  CLIENTVIEW: withContext(
    'CLIENTVIEW',
    fc.tuple(
      fc.oneof(fc.constantFrom('C1', 'C2', ''), hostileCell),
      rangeOf(T(Projects), 3, 3),
      rangeOf(T(Tasks), 6),
      rangeOf(T(Staff), 3, 1),
    ),
  ),
  ESTIMATE: withContext(
    'ESTIMATE',
    fc.oneof(
      fc.tuple(column(estimateHours), history).map(([hours, [estimates, actuals, coverage]]) => [hours, estimates, actuals, coverage]),
      fc.tuple(
        column(hostileNumber),
        column(fc.oneof(hostileNumber, hostileCell)),
        column(hostileCell),
        fc.oneof(fc.constant(undefined), hostileCell),
      ),
    ),
  ),
  SKILLMATCH: withContext('SKILLMATCH', fc.tuple(fc.oneof(plausible.skills, hostileCell), column(fc.oneof(plausible.skills, hostileCell)))),
  GANTT: withContext(
    'GANTT',
    fc.oneof(
      fc.tuple(bars, headerDates).map(([[starts, ends], dates]) => [starts, ends, dates]),
      fc.tuple(
        column(dateArg),
        column(dateArg),
        fc.array(dateArg).map((row) => [row]),
      ),
    ),
  ),
};

// ---- Server calls ---------------------------------------------------------------------------------

const outputCell = fc.oneof(
  hostileCell.map((v) => (v instanceof Date ? { date: v.toISOString().slice(0, 10) } : v)),
  fc.constantFrom(null, { date: '2026-02-30' }, { date: 'soon' }, { a: 1 }, [1, 2], { date: '2027-01-04' }),
);
const output = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...OUTPUT_SHEETS), fc.constantFrom('Tasks', 'Staff', 'Settings', 'Schedule (updating)', '')),
    values: fc.array(fc.array(outputCell, { maxLength: 5 }), { maxLength: 6 }),
    backgrounds: fc.oneof(fc.constant(undefined), fc.array(fc.array(fc.constantFrom('#ff0000', null, 3, 'red')))),
    frozenRows: fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 10 }), fc.constant(1.5)),
    columnWidths: fc.oneof(fc.constant(undefined), fc.array(fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constant(1e9)))),
  },
  { requiredKeys: ['name', 'values'] },
);
/** What a tampered sidebar could send: anything JSON carries (google.script.run refuses Dates). */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  hostileCell.map((v) => (v instanceof Date ? v.toISOString() : v)),
  fc.object({ maxDepth: 2 }),
);

const serverSheets = fc.record({
  Tasks: tableOf(T(Tasks), 6),
  Staff: tableOf(T(Staff), 4),
  Projects: tableOf(T(Projects), 3),
  Clients: tableOf(T(Clients), 3, 2),
  Settings: settingsTable,
});

function server(fn: string, args: fc.Arbitrary<unknown[]>): fc.Arbitrary<Call> {
  return fc.tuple(args, serverSheets).map(([a, sheets]) => ({ fn, kind: 'server' as const, args: a, sheets }));
}

/** Every server call the sidebar makes, with well-formed and junk requests. */
export const serverCalls: Record<string, fc.Arbitrary<Call>> = {
  getWorkbook: server('getWorkbook', fc.constant([])),
  writeOutputs: server(
    'writeOutputs',
    fc.oneof(
      fc.array(output, { maxLength: 3 }).map((o) => [o]),
      junk.map((j) => [j]),
    ),
  ),
  setUpSheets: server(
    'setUpSheets',
    fc.oneof(
      fc.constant<unknown[]>([{}]),
      junk.map((j) => [j]),
      junk.map((j) => [{ sample: j }]),
    ),
  ),
  getShares: server('getShares', fc.constant([])),
  shareAccess: server('shareAccess', fc.constant([])),
  shareClients: server(
    'shareClients',
    fc.oneof(
      junk.map((j) => [j]),
      fc
        .record({
          clients: fc.oneof(fc.array(fc.constantFrom('C1', 'C2', '', 'x'.repeat(300))), junk),
          planned: fc.oneof(junk, fc.array(junk)),
        })
        .map((r) => [r]),
    ),
  ),
  revokeClients: server(
    'revokeClients',
    fc.oneof(
      junk.map((j) => [j]),
      fc.array(fc.constantFrom('C1', 'Nobody')).map((c) => [{ clients: c }]),
    ),
  ),
  showRange: server(
    'showRange',
    fc.oneof(fc.constantFrom('Tasks!D2', "'My sheet'!A1:B2", 'Nope!A1', 'Tasks!ZZZZ99999999'), junk).map((a) => [a]),
  ),
};

// ---- Running and checking -------------------------------------------------------------------------

const INPUT_NAMES = new Set([...INPUT_SHEETS, Settings].map((s) => s.name));

/** Why an answer is not something Sheets can show, or undefined when it is. */
export function unshowable(answer: unknown): string | undefined {
  const cell = (v: unknown): string | undefined => {
    if (typeof v === 'number') return Number.isFinite(v) ? undefined : `a non-finite number (${v})`;
    if (typeof v === 'boolean') return undefined;
    if (v instanceof Date) return Number.isFinite(v.getTime()) ? undefined : 'an invalid date';
    if (typeof v !== 'string') return `a cell that is not a value (${Object.prototype.toString.call(v)})`;
    if (v.length > CELL_TEXT_LIMIT) return `text of ${v.length} characters`;
    // The guard's stand-in for a value the function should never have computed (Infinity, NaN, an object).
    if (v === '(out of range)') return 'a value out of range';
    return brokenText(v);
  };
  if (!Array.isArray(answer)) return cell(answer);
  if (answer.length === 0) return 'an empty answer';
  const width = Array.isArray(answer[0]) ? answer[0].length : -1;
  for (const row of answer) {
    if (!Array.isArray(row) || row.length !== width || width === 0) return 'a ragged table';
    for (const v of row) {
      const bad = cell(v);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** Text a program wrote by mistake: a stack trace, an engine's own error, a value printed raw. */
function brokenText(text: string): string | undefined {
  if (/\n\s+at /.test(text)) return 'a stack trace';
  if (/\[object \w+\]|\bundefined\b|\bNaN\b|\bInfinity\b|Cannot read propert|is not (?:a function|iterable|defined)/.test(text)) {
    return `broken text: ${text.slice(0, 120)}`;
  }
  return undefined;
}

/** A spreadsheet holding the call's sheets, and the script loaded beside it. */
export function setUp(code: string, sheets: Record<string, unknown[][]>, load: (code: string, services: FakeServices) => Script) {
  const ss = new FakeSpreadsheet('Fuzz', 'America/New_York');
  for (const [name, grid] of Object.entries(sheets)) ss.load(name, grid);
  const services = createServices(ss);
  return { ss, services, script: load(code, services) };
}

const inputs = (ss: FakeSpreadsheet) => JSON.stringify(ss.sheets.filter((s) => INPUT_NAMES.has(s.name)).map((s) => [s.name, s.peek()]));

/** What a server call's error says that the sidebar could not show a user: an engine's error, or the bridge refusing the answer. */
function unreadableError(error: unknown): string | undefined {
  const { name, message } = { name: (error as Error)?.name, message: String((error as Error)?.message ?? error) };
  if (/^(?:TypeError|RangeError|ReferenceError|SyntaxError)$/.test(name ?? '')) return `${name}: ${message.slice(0, 160)}`;
  if (/^Failed due to illegal value|^Script function not found/.test(message)) return message.slice(0, 160);
  if (!message.trim() || message.length > 2_000) return `an error of ${message.length} characters`;
  return brokenText(message);
}

/**
 * Runs one call and says what went wrong, if anything, with its wall and CPU time (this process's:
 * on a machine shared with other work the wall time says more about the others). Time is measured,
 * never asserted here.
 */
export function check(
  call: Call,
  ss: FakeSpreadsheet,
  services: FakeServices,
  script: Script,
): { ms: number; cpuMs: number; failure?: string } {
  const before = inputs(ss);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let failure: string | undefined;
  if (call.kind === 'formula') {
    try {
      failure = unshowable(script.customFunction(call.fn, call.args));
    } catch (error) {
      failure = `threw: ${String((error as Error)?.message ?? error).slice(0, 200)}`;
    }
  } else {
    try {
      script.run(call.fn, call.args);
    } catch (error) {
      const unreadable = unreadableError(error);
      if (unreadable) failure = `unreadable error: ${unreadable}`;
    }
    if (call.fn !== 'setUpSheets' && inputs(ss) !== before) failure = 'wrote an input sheet';
    if (services.lock.held) failure = 'left the lock held';
    if (ss.sheets.some((s) => /\(updating\)/.test(s.name))) failure = 'left a half-written sheet';
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, failure };
}

/** Short description of a call's input, for the report. */
export function describeCall(call: Call): string {
  const shape = (v: unknown): string => {
    if (Array.isArray(v)) return `${v.length}×${Array.isArray(v[0]) ? v[0].length : 1}`;
    if (typeof v === 'string') return v.length > 30 ? `"${v.slice(0, 12)}…" (${v.length} chars)` : JSON.stringify(v);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(typeof v === 'object' && v !== null ? 'object' : v);
  };
  return `${call.label ? `${call.label}: ` : ''}${call.fn}(${call.args.map(shape).join(', ')})`;
}

// ---- Hand-written: the audit's cases, and the largest inputs ------------------------------------------

const header = (spec: { columns: Record<string, { header: string }> }, keys: string[]) => keys.map((k) => spec.columns[k].header);
const formula = (fn: string, args: unknown[], label?: string): Call => ({ fn, kind: 'formula', args, sheets: {}, label });

const staffRows = (n: number, hours: unknown = 40, skills?: (i: number) => string) => [
  [...header(Staff, ['name', 'skills', 'hoursPerWeek', 'costRate', 'billRate'])],
  ...Array.from({ length: n }, (_, i) => [`S${i}`, skills?.(i) ?? (i % 2 ? 'LED:3, Rigging:2' : 'Rigging:4, Audio:2'), hours, 50, 90]),
];

/** n tasks in three projects, each after the one before it in its project (every fifth starts a chain). */
const taskRows = (n: number, hours: unknown = 16, maxPerDay: unknown = '', skills?: (i: number) => string) => [
  [...header(Tasks, ['project', 'task', 'skills', 'hours', 'maxHoursPerDay', 'after'])],
  ...Array.from({ length: n }, (_, i) => {
    const project = Math.floor((i * 3) / n);
    const chained = i % 5 && project === Math.floor(((i - 1) * 3) / n);
    return [PROJECTS[project], `T${i}`, skills?.(i) ?? (i % 2 ? 'LED:2' : 'Rigging:3'), hours, maxPerDay, chained ? `T${i - 1}` : ''];
  }),
];
const projectRows = [['Project', 'Client'], ...PROJECTS.map((p) => [p, 'C1'])];
const plan = (tasks: unknown[][], staff: unknown[][], timeOff: unknown = '') => [tasks, staff, projectRows, timeOff];
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(at(from).getTime() + i * 864e5));

/** The reliability audit's cases (issue 11), each small enough for `npm test`. */
export function auditCases(): Call[] {
  const one = (cells: Record<string, unknown>) => {
    const keys = Object.keys(cells);
    return [[...header(Tasks, keys)], keys.map((k) => cells[k])];
  };
  const task = { project: 'P1', task: 'T', skills: 'LED:2', hours: 8 };
  const ana = (cells: Record<string, unknown> = {}) => {
    const row = { name: 'Ana', skills: 'LED:3', hoursPerWeek: 40, ...cells };
    return [header(Staff, Object.keys(row)), Object.values(row)];
  };
  return [
    formula('ASSIGN', plan(taskRows(200), staffRows(20, 0)), 'everyone at 0 Hours/Week'),
    formula('UTILIZATION', [taskRows(200), staffRows(20, 0), '', at('2026-12-01'), at('2027-06-30')], 'everyone at 0 Hours/Week'),
    formula('ASSIGN', plan(one({ ...task, hours: 1e308 }), ana()), 'a task of 1e308 h'),
    formula('BUDGETRANGE', [one({ ...task, hours: 1e308 }), ana()], 'a task of 1e308 h'),
    formula('ASSIGN', plan(one({ ...task, hours: 1_000_000 }), ana()), 'a task of 1,000,000 h'),
    formula('ASSIGN', plan(one({ ...task, hours: 100_000, maxHoursPerDay: 0.1 }), ana()), '100,000 h at 0.1 h a day'),
    formula('ASSIGN', plan(one({ ...task, maxHoursPerDay: 0.0001 }), ana()), 'Max Hours/Day 0.0001'),
    formula('ASSIGN', plan(one(task), ana({ hoursPerWeek: 0.0001 })), 'Hours/Week 0.0001'),
    formula('ASSIGN', plan(one({ ...task, hours: 4 }), ana({ hoursPerWeek: 4 })), 'a 4 h/week part-timer'),
    formula('ASSIGN', plan(one({ ...task, maxHoursPerDay: 0.5 }), ana()), 'Max Hours/Day 0.5'),
    formula(
      'ASSIGN',
      [
        one(task),
        ana(),
        [
          ['Project', 'Client', 'Scope'],
          ['P1', 'C1', 1e4],
        ],
      ],
      'Scope 1e4',
    ),
    formula('ASSIGN', plan(one({ ...task, skills: 'LED:1 x400' }), staffRows(500)), 'a crew of 400'),
    formula('ASSIGN', plan(one(task), ana({ skills: `LED:3, ${'x'.repeat(100_000)}` })), 'a 100,000-character Skills cell'),
    formula('SKILLMATCH', [LONG[6], [[LONG[1]], ['LED:3']]], 'long requirement and skills'),
    formula(
      'ASSIGN',
      plan(
        [
          header(Tasks, ['project', 'task', 'skills', 'hours']),
          ...Array.from({ length: 50_000 }, (_, i) => ['P1', `T${i}`, 'LED:9', 'abc']),
        ],
        ana(),
      ),
      '50,000 rows of bad cells',
    ),
    formula(
      'ASSIGN',
      plan(
        [
          header(Tasks, ['project', 'task', 'skills', 'hours', 'after']),
          ...Array.from({ length: 3_000 }, (_, i) => ['P1', `T${i}`, 'LED', 1, `T${(i + 1) % 3_000}`]),
        ],
        ana(),
      ),
      'a cycle of 3,000 tasks',
    ),
    formula('ESTIMATE', [1e308, [[1e308], [1]], [[5e-324], [2]]], 'extreme magnitudes'),
    formula('ESTIMATE', [100_000, [[100_000], [1e-300]], [[1e-300], [100_000]]], 'ratios of 1e305'),
    formula(
      'ATTAINMENT',
      [
        [header(Quotas, ['owner', 'metric', 'period', 'target']), ['Ann', 'Revenue', '2026', 1e-300]],
        [
          [...header(Projects, ['project', 'client', 'status', 'value', 'wonOn', 'accountManager'])],
          ['P1', 'C1', 'Won', 1e12, at('2026-05-01'), 'Ann'],
        ],
      ],
      'a target of 1e-300',
    ),
    formula(
      'BUDGETRANGE',
      [
        one(task),
        ana({ costRate: 1e6, billRate: 5e-324 }),
        '',
        [
          ['Project', 'Client', 'Value'],
          ['P1', 'C1', 1e12],
        ],
      ],
      'extreme rates and fee',
    ),
    formula(
      'GANTT',
      [[[at('2026-01-05')], ['soon']], [[at('2026-01-06')], [at('2026-01-06')]], [[at('2026-01-05'), at('2026-01-06')]]],
      'a row that is not dates',
    ),
    formula('GANTT', ['', '', [[at('2026-01-05')]]], 'no rows'),
    formula('GANTT', [[[at('2026-01-05')]], [[at('2026-01-06')], [at('2026-01-07')]], [[]]], 'ragged columns, no dates'),
    formula(
      'GANTT',
      [
        Array.from({ length: 2_000 }, () => [at('2026-01-01')]),
        Array.from({ length: 2_000 }, () => [at('2026-12-31')]),
        [days('2026-01-01', 18_000)],
      ],
      '36 million cells',
    ),
    formula('UTILIZATION', [taskRows(5), staffRows(1_000), '', at('1900-01-01'), at('2200-12-31')], '1,000 people over 300 years'),
  ];
}

/** The largest inputs: where each function's work budget binds (bench only: seconds each). */
export function largestCases(): Call[] {
  const rare = (i: number) => `S${i % 40}:2`;
  const rareStaff = (n: number) => staffRows(n, 40, (i) => `S${i % 40}:3`);
  const yearOff = [
    header(TimeOff, ['name', 'from', 'to']),
    ...Array.from({ length: 20_000 }, (_, i) => [`S${i % 200}`, at('2027-01-04'), at(i % 3 ? '2027-01-05' : '2027-03-31')]),
  ];
  return [
    formula(
      'ASSIGN',
      plan(
        taskRows(1, 8, '', () => 'LED:1 x100'),
        staffRows(150, 40, () => 'LED:2'),
      ),
      'a crew of 100',
    ),
    formula('ASSIGN', plan(taskRows(10_000, 16, '', rare), rareStaff(1_000))),
    formula('ASSIGN', plan(taskRows(10_000), staffRows(1_000))),
    formula(
      'ASSIGN',
      plan(
        taskRows(1_000, 16, '', () => 'LED:1 x20'),
        staffRows(100, 40, () => 'LED:2'),
      ),
    ),
    formula('ASSIGN', plan(taskRows(300, 8_000, 8), staffRows(100))),
    formula('ASSIGN', plan(taskRows(2_000), staffRows(200), yearOff)),
    formula('STAFFING', plan(taskRows(10_000, 16, '', rare), rareStaff(1_000))),
    formula('STAFFING', plan(taskRows(2_000), staffRows(200))),
    formula('BUDGETRANGE', [taskRows(10_000, 16, '', rare), rareStaff(1_000)]),
    formula('BUDGETRANGE', [taskRows(30_000, 16, '', () => 'Nobody:1'), staffRows(10)]),
    formula('UTILIZATION', [taskRows(10_000, 16, '', rare), rareStaff(1_000), '', at('2026-01-01'), at('2036-12-31')]),
    formula('UTILIZATION', [taskRows(10), staffRows(300), '', at('1900-01-01'), at('2200-12-31')]),
    formula('CLIENTVIEW', ['C1', projectRows, taskRows(10_000, 16, '', rare), rareStaff(1_000)]),
    formula('ATTAINMENT', [
      [
        header(Quotas, ['owner', 'metric', 'period', 'target']),
        ...Array.from({ length: 5_000 }, (_, i) => [`AM${i % 50}`, ['Revenue', 'New Clients', 'Expansion Revenue'][i % 3], '2026', 1e6]),
      ],
      [
        header(Projects, ['project', 'client', 'status', 'value', 'wonOn', 'accountManager']),
        ...Array.from({ length: 20_000 }, (_, i) => [`P${i}`, `C${i % 300}`, 'Won', 1e5, at('2026-05-01'), `AM${i % 50}`]),
      ],
    ]),
    formula(
      'ESTIMATE',
      [
        [[16]],
        Array.from({ length: 20_000 }, (_, i) => [1 + i / 100]),
        Array.from({ length: 20_000 }, (_, i) => [(1 + i / 100) * (0.5 + ((i * 7919) % 100) / 50)]),
      ],
      '20,000 past tasks of different sizes',
    ),
    formula('ESTIMATE', [
      Array.from({ length: 100_000 }, (_, i) => [(i % 100) + 1]),
      Array.from({ length: 100_000 }, (_, i) => [(i % 90) + 1]),
      Array.from({ length: 100_000 }, (_, i) => [((i % 90) + 1) * (1 + (i % 7) / 5)]),
    ]),
    formula('SKILLMATCH', [
      'LED:3 x2; Rigging:2; Audio:4',
      Array.from({ length: 10_000 }, () => Array.from({ length: 100 }, (_, i) => (i % 2 ? 'LED:3, Rigging:2' : 'Audio:5'))),
    ]),
    formula('SKILLMATCH', [LONG[6], Array.from({ length: 2_000 }, () => [LONG[1]])]),
    formula('GANTT', [
      Array.from({ length: 1_000 }, () => [at('2026-01-01')]),
      Array.from({ length: 1_000 }, () => [at('2026-12-31')]),
      [days('2026-01-01', 1_000)],
    ]),
    formula('GANTT', [
      Array.from({ length: 20_000 }, () => [at('2026-01-01')]),
      Array.from({ length: 20_000 }, () => [at('2026-12-31')]),
      [days('2026-01-01', 18_000)],
    ]),
  ];
}

// ---- The benchmark --------------------------------------------------------------------------------

/** Loads the script in this process's realm (a node:vm context would slow every global lookup). */
export function inRealm(code: string, services: FakeServices): Script {
  const globals = { ...services.globals, Date: stoppedClock(NOW) };
  const names = Object.keys(globals);
  const entry = Function(
    ...names,
    `${code}\nreturn { ${ENTRY_POINTS.join(', ')} };`,
  )(...names.map((n) => globals[n as keyof typeof globals])) as Record<string, (...args: unknown[]) => unknown>;
  return {
    customFunction(name, args) {
      services.restricted.on = true;
      try {
        return entry[name](...args);
      } finally {
        services.restricted.on = false;
      }
    },
    run(name, args) {
      const copy = (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
      return copy(entry[name](...(copy(args) as unknown[])));
    },
  };
}

const ENTRY_POINTS = [...Object.keys(formulaCalls), ...Object.keys(serverCalls)];

interface Stats {
  calls: number;
  failures: string[];
  /** The call that took the most CPU: its CPU and wall time, and its input. */
  worst: { cpuMs: number; ms: number; call: string };
}

function main() {
  const runs = Number(option('--runs', '2000'));
  const seed = Number(option('--seed', '1'));
  const cases = option('--cases', 'all');
  const code = readFileSync(join(import.meta.dirname, '..', '..', '..', 'dist', 'Code.js'), 'utf8');
  const stats = new Map<string, Stats>();
  const record = (call: Call, result: ReturnType<typeof check>) => {
    const s = stats.get(call.fn) ?? { calls: 0, failures: [], worst: { cpuMs: 0, ms: 0, call: '' } };
    s.calls += 1;
    const slow =
      call.kind === 'formula' && result.cpuMs > FORMULA_BUDGET_MS ? `took ${(result.cpuMs / 1000).toFixed(1)} s of CPU` : undefined;
    const failure = result.failure ?? slow;
    if (failure) s.failures.push(`${failure} — ${describeCall(call)}`);
    if (result.cpuMs > s.worst.cpuMs) s.worst = { cpuMs: result.cpuMs, ms: result.ms, call: describeCall(call) };
    stats.set(call.fn, s);
  };
  // A fresh copy of the script for every call, as Apps Script loads it for every recalculation.
  const run = (call: Call) => {
    const { ss, services, script } = setUp(code, call.sheets, inRealm);
    return check(call, ss, services, script);
  };
  if (cases !== 'random') {
    for (const call of [...auditCases(), ...largestCases()]) {
      const result = run(call);
      const times = `${(result.cpuMs / 1000).toFixed(1)} s CPU, ${(result.ms / 1000).toFixed(1)} s`;
      console.error(`${times}  ${describeCall(call)}${result.failure ? `  FAILED: ${result.failure}` : ''}`);
      record(call, result);
    }
  }
  if (cases !== 'large') {
    for (const [fn, arbitrary] of Object.entries({ ...formulaCalls, ...serverCalls })) {
      const per = fn in formulaCalls ? runs : Math.ceil(runs / 4);
      for (const call of fc.sample(arbitrary, { numRuns: per, seed })) record(call, run(call));
    }
  }
  console.log(['function', 'calls', 'failures', 'worst CPU ms', 'its wall ms', 'worst input'].join('\t'));
  let calls = 0;
  let failures = 0;
  for (const [fn, s] of stats) {
    calls += s.calls;
    failures += s.failures.length;
    console.log([fn, s.calls, s.failures.length, s.worst.cpuMs.toFixed(0), s.worst.ms.toFixed(0), s.worst.call].join('\t'));
  }
  console.log(`\n${calls} calls, ${failures} failures (seed ${seed})`);
  for (const [fn, s] of stats) for (const f of s.failures.slice(0, 5)) console.log(`${fn}: ${f}`);
  process.exit(failures ? 1 : 0);
}

if (process.argv[1]?.endsWith('fuzz.mjs')) main();
