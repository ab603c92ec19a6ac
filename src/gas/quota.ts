// Quota and utilization custom functions. Each answers from the ranges it is given, within Sheets'
// 30-second limit, and returns readable messages instead of failing.

import { CalendarDay, isBlank, period } from '../model/cells';
import { type Day, dateToDay, dayToIso } from '../model/dates';
import type { Effort } from '../model/effort';
import { plural } from '../model/numbers';
import type { Plan } from '../model/plan';
import { hasErrors } from '../model/problems';
import { findTab, type RawWorkbook, type ReadResult, rangeProblem, readPlan } from '../model/read';
import { Settings } from '../model/settings';
import { Clients, Projects, Quotas, Staff, Tasks, Templates, TimeOff } from '../model/sheets';
import { attainments, NO_LINES } from '../quota/attainment';
import { attainmentTable, type Wording } from '../quota/attainment-sheet';
import { quotaErrors } from '../quota/checks';
import { scheduledHours, teamLoad } from '../quota/hours';
import { roundFigure } from '../quota/units';
import { planSchedule, type ScheduleResult } from '../schedule/schedule';
import { answering, messageColumn, problemsColumn, rangesColumn } from './lib/answer';
import { asTable, sheetLocale, sheetTimeZone } from './lib/args';
import { today } from './lib/clock';
import { contextSheets } from './lib/context';
import { planFromRanges } from './lib/plan';
import { dayArgument } from './lib/quota-args';
import { toReturnedValue } from './lib/values';

/** What ATTAINMENT's cells say when this spreadsheet's Tasks and Staff cannot give the figure. */
const ATTAINMENT_WORDING: Wording = {
  tasks: 'needs the Tasks and Staff sheets, free of problems (Check workbook)',
  plan: 'needs a plan: the Tasks and Staff sheets, free of problems (Check workbook)',
  noneJudged: 'none judged yet',
  nothingToJudge: 'nothing to judge',
};

const PLANNED_METRICS: ReadonlySet<string> = new Set(['Billable Hours', 'On-Time Projects', 'On-Time Rate', 'Delivered Value']);

/**
 * The workbook with this spreadsheet's Tasks, Staff, TimeOff and Templates, and its plan at formula
 * depth, when a quota's figures come from the plan (billable hours, deliveries still to come); the
 * quotas' own workbook, without a plan, when none does or those sheets cannot be planned.
 */
function withPlan(raw: RawWorkbook, read: ReadResult, timeZone: string, effort: Effort): { plan: Plan; schedule?: ScheduleResult } {
  const { plan } = read;
  const planned = plan.quotas.some((q) => PLANNED_METRICS.has(q.metric) && q.period.to >= plan.planStart);
  // Billable hours already logged come from Tasks, whatever the period.
  if (!planned && !plan.quotas.some((q) => q.metric === 'Billable Hours')) return { plan };
  const work = contextSheets([Tasks, Staff, TimeOff, Templates]);
  if (!findTab(work, Tasks) || !findTab(work, Staff)) return { plan };
  const full = readPlan({ ...work, ...raw }, { timeZone, today: today(timeZone), locale: sheetLocale() });
  if (hasErrors(full.problems)) return { plan };
  return { plan: full.plan, schedule: planned ? planSchedule(full.plan, { explain: false, effort }) : undefined };
}

/**
 * Quota attainment as of a date: for each Quotas row, actual against target, projected and status,
 * as the Quotas panel computes them.
 *
 * @param {Quotas!A1:D50} quotas The Quotas table, header row included.
 * @param {Projects!A1:P200} projects The Projects table, header row included.
 * @param {DATE(2026,11,30)} as_of Optional. Count what happened up to this date; default today.
 * @return Owner · Metric · Period · Target · Actual · % · Projected · Status.
 * @customfunction
 */
export function ATTAINMENT(quotas: unknown, projects: unknown, as_of?: unknown): unknown {
  return answering('ATTAINMENT', (effort) => attainmentCells(effort, quotas, projects, as_of));
}

// Like the Quotas panel, it reads this spreadsheet's Clients (Since), Tasks, Staff, TimeOff and
// Templates, and plans them, for Billable Hours and deliveries still to come.
function attainmentCells(effort: Effort, quotas: unknown, projects: unknown, as_of?: unknown): unknown[][] {
  const timeZone = sheetTimeZone();
  const asOf = dayArgument(as_of, timeZone, sheetLocale());
  if (!asOf.ok) return messageColumn('ATTAINMENT cannot compute: 1 problem', [`as_of (argument 3) ${asOf.error}`]);
  const quotaTable = asTable(quotas);
  const projectTable = asTable(projects);
  const wrong = rangesColumn('ATTAINMENT', 'compute', [
    rangeProblem('quotas', quotaTable, Quotas, true),
    rangeProblem('projects', projectTable, Projects, true),
  ]);
  if (wrong) return wrong;
  const raw = { ...contextSheets([Clients, Settings]), Quotas: quotaTable, Projects: projectTable };
  const read = readPlan(raw, { timeZone, today: today(timeZone), locale: sheetLocale() });
  const all = [...read.problems, ...quotaErrors(read.plan)];
  if (all.some((p) => p.severity === 'error')) return problemsColumn('ATTAINMENT', 'compute', all);
  const { plan, schedule } = withPlan(raw, read, timeZone, effort);
  // Each quota looks through the projects, tasks and clients: a step (see Effort) per row it looks at.
  effort.spend(plan.quotas.length * (plan.projects.length + plan.tasks.length + plan.clients.length));
  const table = attainmentTable(attainments(plan, { asOf: asOf.value, schedule }, NO_LINES), ATTAINMENT_WORDING);
  return table.map((row) => row.map((cell) => toReturnedValue(cell, timeZone)));
}

/** A required date argument, or what is wrong with it. */
function requiredDay(name: string, example: string, value: unknown, timeZone: string): { day?: Day; problem?: string } {
  const read = dayArgument(value, timeZone, sheetLocale());
  if (!read.ok) return { problem: `${name} ${read.error}` };
  if (read.value === undefined) return { problem: `${name} is required: ${example}` };
  return { day: read.value };
}

/**
 * A period given in place of both dates, read as the Quotas sheet reads one: "2026-12", "2026-Q4",
 * 2027 (a cell holding a year is a number), or a month's first day (Sheets reads "2026-12" typed in a
 * cell as 1 Dec 2026).
 */
function periodArgument(value: unknown, timeZone: string): { from: Day; to: Day } | undefined {
  const cell = Array.isArray(value) ? value.flat()[0] : value;
  if (isBlank(cell) || typeof cell === 'boolean') return undefined;
  const read = period(cell instanceof Date ? new CalendarDay(dateToDay(cell, timeZone)) : cell);
  return read.ok ? { from: read.value.from, to: read.value.to } : undefined;
}

function window(fn: string, from: unknown, to: unknown, timeZone: string): { from: Day; to: Day } | string[][] {
  const asPeriod = isBlank(to) ? periodArgument(from, timeZone) : undefined;
  if (asPeriod) return asPeriod;
  const first = requiredDay('from', 'the first day to count, e.g. DATE(2026,12,1)', from, timeZone);
  const last = requiredDay(
    'to',
    'the last day to count, e.g. DATE(2026,12,31), or a period in from: "2026-12", "2026-Q4", 2027',
    to,
    timeZone,
  );
  if (first.day === undefined || last.day === undefined) {
    const problems = [first.problem, last.problem].filter((p): p is string => Boolean(p));
    return messageColumn(`${fn} cannot compute: ${plural(problems.length, 'problem')}`, problems);
  }
  if (last.day < first.day) {
    return messageColumn(`${fn} cannot compute: 1 problem`, [`to (${dayToIso(last.day)}) is before from (${dayToIso(first.day)})`]);
  }
  return { from: first.day, to: last.day };
}

/**
 * Utilization of each person over a window: working hours available against the hours the plan of
 * these tasks books for them.
 *
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff The Staff table, header row included.
 * @param {TimeOff!A1:E50} timeoff Optional. The TimeOff table.
 * @param {DATE(2026,12,1)} from The first day, or a period: "2026-12", "2026-Q4", 2027.
 * @param {DATE(2026,12,31)} to The last day (left out with a period).
 * @return Name · Capacity · Scheduled · Utilization %, then All staff.
 * @customfunction
 */
export function UTILIZATION(tasks: unknown, staff: unknown, timeoff?: unknown, from?: unknown, to?: unknown): unknown {
  return answering('UTILIZATION', (effort) => utilizationCells(effort, tasks, staff, timeoff, from, to));
}

// Capacity comes from Hours/Week, Work Days, start and end dates, time off and company holidays, and
// is counted from the later of the plan start (Settings > Plan Start, else today) and from.
function utilizationCells(effort: Effort, tasks: unknown, staff: unknown, timeoff?: unknown, from?: unknown, to?: unknown): unknown[][] {
  // Written without the optional range, =UTILIZATION(tasks, staff, from, to) (or a period) puts the
  // dates one place early.
  if (to === undefined && !Array.isArray(timeoff) && !isBlank(timeoff)) [timeoff, from, to] = [undefined, timeoff, from];
  const timeZone = sheetTimeZone();
  const range = window('UTILIZATION', from, to, timeZone);
  if (Array.isArray(range)) return range;
  const { plan, message } = planFromRanges('UTILIZATION', { Tasks: tasks, Staff: staff, TimeOff: timeoff });
  if (!plan) return message as string[][];
  if (range.to < plan.planStart) {
    return messageColumn('UTILIZATION cannot compute: 1 problem', [
      `the window ${dayToIso(range.from)}..${dayToIso(range.to)} ends before the plan starts (${dayToIso(plan.planStart)}); choose dates from then on`,
    ]);
  }
  const planned = { from: Math.max(range.from, plan.planStart), to: range.to };
  const days = planned.to - planned.from + 1;
  // Capacity is counted day by day: a step (see Effort) per person and day of the window.
  effort.spend(plan.staff.length * days);
  const loads = scheduledHours(plan, planSchedule(plan, { explain: false, effort }), planned);
  const team = teamLoad(loads);
  const row = (name: string, load: { capacity: number; hours: number; utilization?: number }) => [
    name,
    roundFigure(load.capacity, 'hours'),
    roundFigure(load.hours, 'hours'),
    load.utilization === undefined ? '' : roundFigure(load.utilization, 'rate'),
  ];
  return [['Name', 'Capacity', 'Scheduled', 'Utilization %'], ...loads.map((l) => row(l.person.name, l)), row('All staff', team)];
}
