// Leaks into client copies, over random workbooks: every internal value (rates, costs, margins, notes,
// time-off reasons, other clients' names and tasks, people not on the client's work, the Why of the
// plan) is a unique marker, and no cell of any client view or copy may contain one. The plan goes
// through the same round trip as in the add-on: planned here, sent as plain data, checked and rebuilt
// against the sheets. The unit test runs this on fewer workbooks.
//
//   node bench/run.mjs leaks -- --workbooks 10000 [--seed 1]

import { fileURLToPath } from 'node:url';
import * as fc from 'fast-check';
import { addDays, type Day, dayOf, dayToIso } from '../src/model/dates';
import { formatMoney } from '../src/model/money';
import { isDateCell } from '../src/model/output';
import type { Plan } from '../src/model/plan';
import { readWorkbook } from '../src/model/read';
import { PROJECT_STATUSES, type ProjectStatus } from '../src/model/sheets';
import { nameKey } from '../src/model/work';
import { planSchedule, type ScheduleResult } from '../src/schedule/schedule';
import { clientCopy } from '../src/share/copy';
import { scheduleFromShared, sharedTasks } from '../src/share/planned';
import { clientViewTable } from '../src/share/table';
import { blockingProblems } from '../src/share/targets';
import { clientView } from '../src/share/view';
import { option } from './args';

const SKILLS = ['Audio', 'Video', 'Rigging', 'Labor'];
/** Text that Sheets would read as a formula if written carelessly. */
export const FORMULA_PREFIXES = ['', '', '', '=', '+', '-', '@', '=IMPORTRANGE("https://docs.google.com/x"; "A1") '];
const TODAY: Day = dayOf(2027, 1, 4);

const task = fc.record({
  skill: fc.nat({ max: SKILLS.length - 1 }),
  level: fc.integer({ min: 1, max: 3 }),
  crew: fc.integer({ min: 1, max: 2 }),
  hours: fc.constantFrom(0, 4, 8, 12, 24),
  status: fc.constantFrom('Not Started', 'Not Started', 'In Progress', 'Done'),
  percent: fc.integer({ min: 0, max: 90 }),
  pinned: fc.nat({ max: 30 }),
  after: fc.boolean(),
  due: fc.option(fc.integer({ min: 3, max: 60 }), { nil: undefined }),
  prefix: fc.constantFrom(...FORMULA_PREFIXES),
});

const project = fc.record({
  client: fc.nat({ max: 30 }),
  status: fc.constantFrom<ProjectStatus>(...PROJECT_STATUSES),
  templated: fc.boolean(),
  start: fc.integer({ min: -30, max: 40 }),
  length: fc.integer({ min: 10, max: 80 }),
  am: fc.integer({ min: -3, max: 30 }),
  pm: fc.integer({ min: -3, max: 30 }),
  cost: fc.boolean(),
  prefix: fc.constantFrom(...FORMULA_PREFIXES),
  tasks: fc.array(task, { maxLength: 5 }),
});

/** The random choices a workbook is built from; names and figures are derived, each one unique. */
export const workbookChoices = fc.record({
  salt: fc.nat({ max: 999_999 }),
  clients: fc.array(
    fc.record({
      email: fc.constantFrom('one', 'two', 'two', 'bad', 'none'),
      amOnStaff: fc.boolean(),
      prefix: fc.constantFrom(...FORMULA_PREFIXES),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  staff: fc.array(
    fc.record({
      skills: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 }),
      partTime: fc.boolean(),
      off: fc.boolean(),
    }),
    { minLength: 2, maxLength: 7 },
  ),
  projects: fc.array(project, { minLength: 1, maxLength: 6 }),
  roles: fc.boolean(),
  prices: fc.boolean(),
  proposals: fc.boolean(),
});

export type WorkbookChoices = typeof workbookChoices extends fc.Arbitrary<infer T> ? T : never;

/** A marker no other marker contains: "q" + kind + salt + "n" + index + "z". */
function marker(kind: string, salt: number, i: number): string {
  return `q${kind}${salt}n${i}z`;
}

export interface GeneratedWorkbook {
  raw: Record<string, (string | number)[][]>;
  /** Every internal value, by what it is. */
  secrets: Secrets;
}

interface Secrets {
  /** Always forbidden in every copy. */
  always: string[];
  clients: string[];
  staffNames: string[];
  staffRoles: string[];
  staffEmails: string[];
  /** Account and project managers who are not on Staff. */
  managers: string[];
  projects: string[];
  tasks: string[];
  templateTasks: string[];
  contactEmails: string[];
  values: number[];
}

export function buildWorkbook(c: WorkbookChoices): GeneratedWorkbook {
  const m = (kind: string, i: number) => marker(kind, c.salt, i);
  const iso = (offset: number) => dayToIso(addDays(TODAY, offset));
  const staffName = (i: number) => m('ST', i);
  const clientName = (i: number) => `${c.clients[i].prefix}${m('CL', i)}`;
  const person = (code: number) => (code < 0 ? m('MG', -code) : staffName(code % c.staff.length));
  const rate = (i: number, bill: number) => 1000 + ((c.salt + i * 37 + bill * 500) % 900) + 0.37;
  const secrets: Secrets = {
    always: [],
    clients: c.clients.map((_, i) => m('CL', i)),
    staffNames: c.staff.map((_, i) => staffName(i)),
    staffRoles: c.staff.map((_, i) => m('RO', i)),
    staffEmails: c.staff.map((_, i) => `${m('SE', i)}@firm.example`),
    managers: [1, 2, 3].map((i) => m('MG', i)),
    projects: c.projects.map((_, i) => m('PR', i)),
    tasks: [],
    templateTasks: [m('TT', 0), m('TT', 1)],
    contactEmails: [],
    values: [],
  };

  const staff: (string | number)[][] = [['Name', 'Email', 'Role', 'Skills', 'Hours/Week', 'Cost Rate', 'Bill Rate', 'Notes']];
  c.staff.forEach((s, i) => {
    const notes = m('NS', i);
    secrets.always.push(notes, String(rate(i, 0)), String(rate(i, 1)), formatMoney(rate(i, 0), 'USD'), formatMoney(rate(i, 1), 'USD'));
    staff.push([
      staffName(i),
      secrets.staffEmails[i],
      secrets.staffRoles[i],
      SKILLS.map((k, j) => `${k}:${s.skills[j]}`).join(', '),
      s.partTime ? 24 : 40,
      rate(i, 0),
      rate(i, 1),
      notes,
    ]);
  });

  const clients: (string | number)[][] = [['Client', 'Account Manager', 'Contact Email', 'Notes']];
  c.clients.forEach((client, i) => {
    const emails = [`${m('CE', i)}@client.example`, `${m('CF', i)}@client.example`];
    secrets.contactEmails.push(...emails);
    const cell = { one: emails[0], two: emails.join(', '), bad: `${m('CE', i)} at client`, none: '' }[client.email];
    secrets.always.push(m('NC', i));
    clients.push([clientName(i), person(client.amOnStaff ? i : -1), cell, m('NC', i)]);
  });

  const projects: (string | number)[][] = [
    [
      'Project',
      'Client',
      'Type',
      'Status',
      'Start',
      'Due',
      'Value',
      'Probability',
      'Account Manager',
      'Project Manager',
      'Notes',
      'Location',
    ],
  ];
  const tasks: (string | number)[][] = [
    [
      'Project',
      'Task',
      'Skills',
      'Hours',
      'Hours Low',
      'Hours High',
      'After',
      'Assignee',
      'Due',
      'Status',
      '% Done',
      'Actual Hours',
      'Done On',
      'Notes',
      'Location',
    ],
  ];
  const costs: (string | number)[][] = [['Project', 'Item', 'Cost']];
  c.projects.forEach((p, i) => {
    const name = `${p.prefix}${m('PR', i)}`;
    const value = 2_000_000 + ((c.salt * 7 + i * 1013) % 900_000);
    secrets.values.push(value);
    // Locations name sites and the shop: staff need them, clients never see them.
    secrets.always.push(m('NP', i), m('LP', i), `${60 + (i % 30)}.5`);
    const withTasks = !p.templated || p.tasks.length > 0;
    projects.push([
      name,
      clientName(p.client % c.clients.length),
      p.templated ? m('TY', 0) : '',
      p.status,
      iso(p.start),
      iso(p.start + p.length),
      value,
      p.status === 'Proposal' ? `${60 + (i % 30)}.5%` : '',
      p.am === 0 ? '' : person(p.am),
      p.pm === 0 ? '' : person(p.pm),
      m('NP', i),
      m('LP', i),
    ]);
    if (p.cost) {
      const amount = 30_000 + ((c.salt + i * 311) % 9000) + 0.53;
      secrets.always.push(m('CI', i), String(amount), formatMoney(amount, 'USD'));
      costs.push([name, m('CI', i), amount]);
    }
    if (!withTasks) return;
    p.tasks.forEach((t, j) => {
      const taskName = `${t.prefix}${m('TK', i * 10 + j)}`;
      secrets.tasks.push(m('TK', i * 10 + j));
      const actual = t.status === 'Done' ? 50 + ((c.salt + i * 10 + j) % 40) + 0.13 : '';
      if (actual !== '') secrets.always.push(String(actual));
      secrets.always.push(m('NT', i * 10 + j), m('LT', i * 10 + j));
      const done = t.status === 'Done';
      tasks.push([
        name,
        taskName,
        t.hours ? `${SKILLS[t.skill]}:${t.level}${t.crew > 1 ? ` x${t.crew}` : ''}` : '',
        t.hours,
        t.hours ? Math.max(0, t.hours - 2) : '',
        t.hours ? t.hours + 4 : '',
        j > 0 && t.after ? `${p.tasks[j - 1].prefix}${m('TK', i * 10 + j - 1)}` : '',
        done && t.hours ? staffName(t.pinned % c.staff.length) : '',
        t.due === undefined ? '' : iso(p.start + t.due),
        t.status,
        t.status === 'In Progress' ? `${t.percent}%` : '',
        actual,
        done ? iso(-2) : '',
        m('NT', i * 10 + j),
        m('LT', i * 10 + j),
      ]);
    });
  });
  secrets.always.push(m('TY', 0), m('CK', 0), m('RE', 0), m('RE', 1), '37.5', '0.375');
  const templates = [
    ['Type', 'Task', 'Skills', 'Hours', 'Checklist'],
    [m('TY', 0), m('TT', 0), 'Labor:1', 8, m('CK', 0)],
    [m('TY', 0), m('TT', 1), 'Audio:1', 4, ''],
  ];
  const timeOff: (string | number)[][] = [
    ['Name', 'From', 'To', 'Reason'],
    ['All', iso(10), iso(10), m('RE', 0)],
  ];
  c.staff.forEach((s, i) => {
    if (s.off) timeOff.push([staffName(i), iso(3 + i), iso(6 + i), m('RE', 1)]);
  });
  return {
    raw: {
      Clients: clients,
      Staff: staff,
      TimeOff: timeOff,
      Projects: projects,
      Tasks: tasks,
      Templates: templates,
      Costs: costs,
      Settings: [
        ['Key', 'Value'],
        ['Plan Start', dayToIso(TODAY)],
        ['Target Margin %', '37.5%'],
        ['Client View Names', c.roles ? 'Roles' : 'Names'],
        ['Show Prices to Clients', c.prices ? 'yes' : 'no'],
        ['Plan Proposals', c.proposals ? 'yes' : 'no'],
        ['Iterations', 8],
      ],
    },
    secrets,
  };
}

const SHOWN: readonly ProjectStatus[] = ['Won', 'Active', 'On Hold', 'Done'];
const OPEN: readonly ProjectStatus[] = ['Won', 'Active'];
const same = (a: string, b: string) => nameKey(a) === nameKey(b);

/**
 * What must not appear in one client's copy, worked out from the sheets and the plan alone (not from
 * the code under test): a client sees their agreed projects, the tasks of their open ones, the people
 * on those tasks (or only their roles), and their managers with Staff emails.
 */
export function forbiddenFor(plan: Plan, result: ScheduleResult, secrets: Secrets, client: string): string[] {
  const mine = plan.projects.filter((p) => same(p.client, client));
  const shown = mine.filter((p) => SHOWN.includes(p.status));
  const open = shown.filter((p) => OPEN.includes(p.status));
  const isOpen = (project: string) => open.some((p) => same(p.project, project));
  const clientRow = plan.clients.find((c) => same(c.client, client));
  const managers = new Set(
    shown.flatMap((p) => [p.accountManager ?? clientRow?.accountManager, p.projectManager]).filter((n): n is string => Boolean(n)),
  );
  const onWork = new Set([
    ...result.tasks.filter((t) => isOpen(t.project)).flatMap((t) => t.crew.map((c) => c.name)),
    ...plan.tasks.filter((t) => isOpen(t.project) && t.status === 'Done').flatMap((t) => t.assignee),
  ]);
  const roles = plan.settings.clientViewNames === 'Roles';
  const allowedText = [
    client,
    ...shown.map((p) => p.project),
    ...plan.tasks.filter((t) => isOpen(t.project)).map((t) => t.task),
    ...(open.some((p) => p.type && !plan.tasks.some((t) => same(t.project, p.project))) ? plan.templates.map((t) => t.task) : []),
    ...managers,
  ];
  const allowed = (token: string) => allowedText.some((a) => a.includes(token));
  const staffIndex = (name: string) => secrets.staffNames.findIndex((s) => name.includes(s));
  const roleAllowed = (i: number) => roles && [...onWork].some((n) => staffIndex(n) === i);
  const emailAllowed = (i: number) => [...managers].some((n) => staffIndex(n) === i);
  const nameAllowed = (i: number) =>
    [...managers].some((n) => staffIndex(n) === i) || (!roles && [...onWork].some((n) => staffIndex(n) === i));
  const prices = plan.settings.showPricesToClients;
  const valueAllowed = (v: number) => prices && shown.some((p) => p.value === v);
  return [
    ...secrets.always,
    ...[...secrets.clients, ...secrets.projects, ...secrets.tasks, ...secrets.templateTasks, ...secrets.managers].filter(
      (t) => !allowed(t),
    ),
    ...secrets.staffNames.filter((_, i) => !nameAllowed(i)),
    ...secrets.staffRoles.filter((_, i) => !roleAllowed(i)),
    ...secrets.staffEmails.filter((_, i) => !emailAllowed(i)),
    ...secrets.contactEmails,
    ...secrets.values.filter((v) => !valueAllowed(v)).flatMap((v) => [String(v), formatMoney(v, 'USD')]),
    ...result.tasks.map((t) => t.why).filter(Boolean),
  ];
}

export interface Leak {
  client: string;
  sheet: string;
  cell: string;
  secret: string;
}

export interface WorkbookCheck {
  /** False when the random workbook had errors (no copies are made from such sheets). */
  valid: boolean;
  copies: number;
  cells: number;
  leaks: Leak[];
  /** Genuine plans the server-side check refused (each one a bug too). */
  refused: string[];
}

function cellText(value: unknown): string {
  if (isDateCell(value)) return value.date;
  return value === null || value === undefined ? '' : String(value);
}

/** Every cell of the given sheets that contains a forbidden value. */
export function leaksIn(
  client: string,
  sheets: readonly { name: string; values: readonly (readonly unknown[])[] }[],
  forbidden: readonly string[],
): Leak[] {
  const leaks: Leak[] = [];
  // All cells in one text, each secret searched once; cells are only visited for a secret found.
  const all = sheets.map((sheet) => sheet.values.map((row) => row.map(cellText).join('\u0000')).join('\u0000')).join('\u0000');
  for (const secret of forbidden) {
    if (!all.includes(secret)) continue;
    for (const sheet of sheets) {
      for (const [r, row] of sheet.values.entries()) {
        for (const [col, value] of row.entries()) {
          if (cellText(value).includes(secret)) leaks.push({ client, sheet: sheet.name, cell: `R${r + 1}C${col + 1}`, secret });
        }
      }
    }
  }
  return leaks;
}

/** Plans one random workbook and checks every client's view and copy. */
export function checkWorkbook(generated: GeneratedWorkbook): WorkbookCheck {
  const check: WorkbookCheck = { valid: false, copies: 0, cells: 0, leaks: [], refused: [] };
  const { plan, problems } = readWorkbook(generated.raw, { timeZone: 'UTC', today: TODAY });
  if (blockingProblems(plan, problems).length) return check;
  check.valid = true;
  const result = planSchedule(plan, { iterations: 0 });
  for (const { client } of plan.clients) {
    // The plan crosses as JSON, as google.script.run carries it.
    const sent = JSON.parse(JSON.stringify(sharedTasks(plan, result, [client])));
    const rebuilt = scheduleFromShared(plan, [client], sent);
    if (!rebuilt.schedule) {
      check.refused.push(`${client}: ${rebuilt.problems.join('; ')}`);
      continue;
    }
    const forbidden = forbiddenFor(plan, result, generated.secrets, client);
    const copy = clientCopy(plan, rebuilt.schedule, client, TODAY);
    const sheets = [
      ...copy.sheets,
      { name: 'CLIENTVIEW without staff', values: clientViewTable(clientView(plan, undefined, client, TODAY)) },
      { name: 'file name', values: [[copy.title]] },
    ];
    check.copies += 1;
    for (const sheet of copy.sheets) {
      // Only values and colours (and layout) reach a copy: never notes, which could carry anything.
      if ('notes' in sheet || 'fontColors' in sheet) check.leaks.push({ client, sheet: sheet.name, cell: 'notes', secret: 'sheet notes' });
    }
    check.cells += sheets.reduce((n, sheet) => n + sheet.values.reduce((m, row) => m + row.length, 0), 0);
    check.leaks.push(...leaksIn(client, sheets, forbidden));
  }
  return check;
}

function main(): void {
  const total = Number(option('--workbooks', '10000'));
  const seed = Number(option('--seed', '1'));
  const batch = 250;
  const started = performance.now();
  const sum = { workbooks: 0, valid: 0, copies: 0, cells: 0, leaks: [] as Leak[], refused: [] as string[] };
  for (let done = 0; done < total; done += batch) {
    const choices = fc.sample(workbookChoices, { numRuns: Math.min(batch, total - done), seed: seed + done });
    for (const choice of choices) {
      const check = checkWorkbook(buildWorkbook(choice));
      sum.workbooks += 1;
      sum.valid += check.valid ? 1 : 0;
      sum.copies += check.copies;
      sum.cells += check.cells;
      sum.leaks.push(...check.leaks);
      sum.refused.push(...check.refused);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const invalid = sum.workbooks - sum.valid;
  console.log(`workbooks: ${sum.workbooks}${invalid ? ` (${invalid} with sheet errors, so no copies)` : ''}`);
  console.log(`client copies checked: ${sum.copies}, cells checked: ${sum.cells}`);
  console.log(`genuine plans refused by the server check: ${sum.refused.length}`);
  console.log(`leaks: ${sum.leaks.length}`);
  for (const leak of sum.leaks.slice(0, 10)) console.log(`  ${leak.client} ${leak.sheet}!${leak.cell}: ${leak.secret}`);
  for (const refused of sum.refused.slice(0, 5)) console.log(`  refused: ${refused}`);
  console.log(`time: ${seconds.toFixed(1)} s`);
  if (sum.leaks.length || sum.refused.length) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
