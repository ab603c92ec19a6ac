// Quota and utilization custom functions. Each answers from the ranges it is given, within Sheets'
// 30-second limit, and returns readable messages instead of failing.

import { isBlank } from '../model/cells';
import { type Day, dayToIso } from '../model/dates';
import { rangeProblem, readWorkbook } from '../model/read';
import { Settings } from '../model/settings';
import { Clients, Projects, Quotas } from '../model/sheets';
import { attainments } from '../quota/attainment';
import { attainmentTable, type Wording } from '../quota/attainment-sheet';
import { quotaProblems } from '../quota/checks';
import { scheduledLoads, teamLoad } from '../quota/hours';
import { plural, roundFigure } from '../quota/units';
import { planSchedule } from '../schedule/schedule';
import { answering, messageColumn, problemsColumn, rangesColumn } from './lib/answer';
import { asTable, sheetLocale, sheetTimeZone } from './lib/args';
import { today } from './lib/clock';
import { contextSheets } from './lib/context';
import { planFromRanges } from './lib/plan';
import { dayArgument } from './lib/quota-args';
import { toReturnedValue } from './lib/values';

/** ATTAINMENT has no Tasks, Staff or plan: the rows that need them say where to look instead. */
const ATTAINMENT_WORDING: Wording = {
  tasks: 'needs Tasks and Staff: see the Quotas panel',
  plan: 'needs the plan: see the Quotas panel',
  noneJudged: 'none judged yet',
  nothingToJudge: 'nothing to judge',
};

/**
 * Quota attainment: for each Quotas row, what the owner achieved in the period as of a date, against
 * the target, with a projection from open proposals and a status (ahead, on track, at risk, behind).
 * Billable Hours and plan-based projections need Tasks and Staff; those cells say so (the sidebar's
 * Quotas panel has them). New clients and existing accounts are judged from the Projects rows given
 * and this spreadsheet's Clients sheet (Since), as the Quotas panel judges them.
 *
 * @param {Quotas!A1:D50} quotas The Quotas table (Owner, Metric, Period, Target), header row included.
 * @param {Projects!A1:P200} projects The Projects table, header row included.
 * @param {DATE(2026,11,30)} as_of Optional. Count what happened up to this date; default today.
 * @return A table with a header row: Owner · Metric · Period · Target · Actual · % · Projected · Status.
 * @customfunction
 */
export function ATTAINMENT(quotas: unknown, projects: unknown, as_of?: unknown): unknown {
  return answering('ATTAINMENT', () => attainmentCells(quotas, projects, as_of));
}

function attainmentCells(quotas: unknown, projects: unknown, as_of?: unknown): unknown[][] {
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
  const { plan, problems } = readWorkbook(raw, { timeZone, today: today(timeZone), locale: sheetLocale() });
  const all = [...problems, ...quotaProblems(plan)];
  if (all.some((p) => p.severity === 'error')) return problemsColumn('ATTAINMENT', 'compute', all);
  const table = attainmentTable(attainments(plan, { asOf: asOf.value }), ATTAINMENT_WORDING);
  return table.map((row) => row.map((cell) => toReturnedValue(cell, timeZone)));
}

/** A required date argument, or what is wrong with it. */
function requiredDay(name: string, example: string, value: unknown, timeZone: string): { day?: Day; problem?: string } {
  const read = dayArgument(value, timeZone, sheetLocale());
  if (!read.ok) return { problem: `${name} ${read.error}` };
  if (read.value === undefined) return { problem: `${name} is required: ${example}` };
  return { day: read.value };
}

function window(fn: string, from: unknown, to: unknown, timeZone: string): { from: Day; to: Day } | string[][] {
  const first = requiredDay('from', 'the first day to count, e.g. DATE(2026,12,1)', from, timeZone);
  const last = requiredDay('to', 'the last day to count, e.g. DATE(2026,12,31)', to, timeZone);
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
 * Utilization of each person over a window: working hours available (from Hours/Week, Work Days,
 * start and end dates, time off and company holidays) against the hours the plan of these tasks books
 * for them. The plan starts on Settings > Plan Start (else today), so capacity is counted from the later of that day and from.
 *
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff The Staff table, header row included.
 * @param {TimeOff!A1:E50} timeoff Optional. The TimeOff table (time off and company holidays); may be left empty.
 * @param {DATE(2026,12,1)} from The first day of the window.
 * @param {DATE(2026,12,31)} to The last day of the window.
 * @return A table with a header row: Name · Capacity · Scheduled · Utilization %, one row per person, then All staff.
 * @customfunction
 */
export function UTILIZATION(tasks: unknown, staff: unknown, timeoff?: unknown, from?: unknown, to?: unknown): unknown {
  return answering('UTILIZATION', () => utilizationCells(tasks, staff, timeoff, from, to));
}

function utilizationCells(tasks: unknown, staff: unknown, timeoff?: unknown, from?: unknown, to?: unknown): unknown[][] {
  // Written without the optional range, =UTILIZATION(tasks, staff, from, to) puts the dates one place early.
  if (to === undefined && from !== undefined && !Array.isArray(timeoff) && !isBlank(timeoff))
    [timeoff, from, to] = [undefined, timeoff, from];
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
  const loads = scheduledLoads(plan, planSchedule(plan), planned);
  const team = teamLoad(loads);
  const row = (name: string, load: { capacity: number; hours: number; utilization?: number }) => [
    name,
    roundFigure(load.capacity, 'hours'),
    roundFigure(load.hours, 'hours'),
    load.utilization === undefined ? '' : roundFigure(load.utilization, 'rate'),
  ];
  return [['Name', 'Capacity', 'Scheduled', 'Utilization %'], ...loads.map((l) => row(l.person.name, l)), row('All staff', team)];
}
