// The firm's KPIs over a period, as of a date, each with the rows behind it: on-time delivery,
// utilization (logged and planned), budget adherence, client retention, revenue growth from existing
// accounts and project margin.
//
// Decisions:
// - Everything counts what happened from the period's first day up to the as-of date (or the period's
//   end, if earlier); planned utilization counts the plan from its first day (or the period's) to the
//   period's end.
// - Budget adherence compares Actual Hours with the estimate (Hours, Scope applied) on Done tasks, for
//   projects with a task done in the period. Hours are per person, so a task's hours count once per
//   crew member (Assignee names, else the crew its Skills ask for). Cost uses each assignee's Cost Rate;
//   a task without named assignees or without rates is left out of the cost comparison and listed.
// - Growth compares revenue from existing accounts (see accounts.ts) with the same stretch of the
//   previous period of equal length, so a period in progress is not compared with a whole one.
// - Margin is per project delivered in the period: Value less the cost of its Actual Hours at Cost
//   Rates (labour only: the Costs sheet holds estimates, not what was spent), over Value; the average
//   is the plain mean over those projects.

import type { Day } from '../model/dates';
import { formatNumber } from '../model/numbers';
import { type Period, previousPeriod } from '../model/period';
import type { Plan } from '../model/plan';
import type { ProjectRow, StaffRow } from '../model/sheets';
import { nameKey, workItems } from '../model/work';
import type { ScheduleResult } from '../schedule/schedule';
import { accounts, existingBefore, type Sale } from './accounts';
import { deliveries, deliveryVerdict } from './delivery';
import { type Load, loggedLoads, scheduledLoads, type Window } from './hours';
import { byName } from './names';
import { iso, named } from './trace';
import { formatFigure } from './units';

export interface KpiOptions {
  period: Period;
  /** Default: the plan's today. */
  asOf?: Day;
  /** The current plan, for planned utilization. */
  schedule?: ScheduleResult;
  /** Projects whose Close-out checklist is all ticked (name keys), for Settings > On Time Needs Close-out. */
  closedOut?: ReadonlySet<string>;
}

export interface Share {
  count: number;
  of: number;
  /** count / of; undefined when of is 0. */
  rate?: number;
  lines: string[];
}

export interface ManagerDelivery extends Share {
  manager: string;
}

export interface ProjectBudget {
  project: ProjectRow;
  estimatedHours: number;
  actualHours: number;
  /** Only over tasks whose assignees all have a Cost Rate. */
  estimatedCost: number;
  actualCost: number;
  lines: string[];
  /** Tasks left out of the cost comparison, and why. */
  uncosted: string[];
}

export interface ProjectMargin {
  project: ProjectRow;
  value: number;
  cost: number;
  margin?: number;
  lines: string[];
  uncosted: string[];
}

export interface Kpis {
  period: Period;
  asOf: Day;
  /** The stretch of the period counted: its first day to the as-of date (or its end). */
  counted: Window;
  onTime: Share & { notJudged: string[]; byManager: ManagerDelivery[] };
  utilization: { logged: Load[]; loggedWindow: Window; planned?: Load[]; plannedWindow?: Window };
  budget: ProjectBudget[];
  retention: Share & { previous: Period };
  growth: { current: number; previous: number; growth?: number; currentLines: string[]; previousLines: string[]; comparedWith: Window };
  margin: { projects: ProjectMargin[]; average?: number; leftOut: string[] };
}

function share(count: number, of: number, lines: string[]): Share {
  return { count, of, rate: of > 0 ? count / of : undefined, lines };
}

const inWindow = (day: Day | undefined, w: Window): day is Day => day !== undefined && day >= w.from && day <= w.to;

function onTimeDelivery(plan: Plan, counted: Window, closedOut?: ReadonlySet<string>): Kpis['onTime'] {
  const done = deliveries(plan, closedOut).filter((d) => inWindow(d.doneOn, counted));
  const judged = done.filter((d) => d.onTime !== undefined);
  const line = (d: (typeof done)[number]) =>
    `${named(plan, d.project.project, 'Projects', d.project.row)}: done ${iso(d.doneOn)}, due ${iso(d.project.due as Day)}: ${deliveryVerdict(d)}`;
  const managerOf = (d: (typeof done)[number]) => d.project.projectManager ?? '(no Project Manager)';
  const managers = byName(judged, (d) => [managerOf(d)]);
  return {
    ...share(judged.filter((d) => d.onTime).length, judged.length, judged.map(line)),
    notJudged: done
      .filter((d) => d.onTime === undefined)
      .map((d) => `${named(plan, d.project.project, 'Projects', d.project.row)}: done ${iso(d.doneOn)}, no Due date: not judged`),
    byManager: [...managers.values()].map((items) => ({
      manager: managerOf(items[0]),
      ...share(items.filter((d) => d.onTime).length, items.length, items.map(line)),
    })),
  };
}

interface Costing {
  /** Cost of hours per person across the assignees; undefined when someone has no rate or nobody is named. */
  cost(assignees: readonly string[], hours: number): number | undefined;
  /** "Aiko Tanaka $48/h". */
  rates(assignees: readonly string[]): string;
}

function costing(plan: Plan): Costing {
  const staff = new Map<string, StaffRow>(plan.staff.map((s) => [nameKey(s.name), s]));
  const money = (n: number) => formatFigure(n, 'money', plan.settings.currency);
  const rateOf = (name: string) => staff.get(nameKey(name))?.costRate;
  return {
    cost(assignees, hours) {
      if (assignees.length === 0 || assignees.some((n) => rateOf(n) === undefined)) return undefined;
      return assignees.reduce((sum, n) => sum + (rateOf(n) as number) * hours, 0);
    },
    rates: (assignees) =>
      assignees.map((n) => (rateOf(n) === undefined ? `${n} (no Cost Rate)` : `${n} ${money(rateOf(n) as number)}/h`)).join(', '),
  };
}

function budgetAdherence(plan: Plan, counted: Window, asOf: Day): ProjectBudget[] {
  const done = workItems(plan).filter(
    (w) => w.source.sheet === 'Tasks' && w.status === 'Done' && w.actualHours !== undefined && (w.doneOn === undefined || w.doneOn <= asOf),
  );
  const active = new Set(done.filter((w) => inWindow(w.doneOn, counted)).map((w) => nameKey(w.project.project)));
  const rates = costing(plan);
  const byProject = new Map<string, ProjectBudget>();
  for (const w of done) {
    const key = nameKey(w.project.project);
    if (!active.has(key)) continue;
    const budget = byProject.get(key) ?? {
      project: w.project,
      estimatedHours: 0,
      actualHours: 0,
      estimatedCost: 0,
      actualCost: 0,
      lines: [],
      uncosted: [],
    };
    byProject.set(key, budget);
    const people = w.pinned.length || w.requirements.reduce((n, r) => n + r.count, 0) || 1;
    const actual = w.actualHours as number;
    budget.estimatedHours += w.hours * people;
    budget.actualHours += actual * people;
    const where = named(plan, w.name, 'Tasks', w.source.row);
    const crew = people === 1 ? '' : ` × ${people} people`;
    const estimatedCost = rates.cost(w.pinned, w.hours);
    const actualCost = rates.cost(w.pinned, actual);
    if (estimatedCost === undefined || actualCost === undefined) {
      budget.lines.push(`${where}: ${formatNumber(w.hours)} h estimated, ${formatNumber(actual)} h actual${crew}`);
      budget.uncosted.push(`${where}: ${w.pinned.length ? rates.rates(w.pinned) : 'no Assignee'}: not costed`);
      continue;
    }
    budget.estimatedCost += estimatedCost;
    budget.actualCost += actualCost;
    budget.lines.push(`${where}: ${formatNumber(w.hours)} h estimated, ${formatNumber(actual)} h actual${crew}; ${rates.rates(w.pinned)}`);
  }
  return [...byProject.values()];
}

/** Client key → its sales won within the window. */
function wonBy(sales: readonly Sale[], w: Window): Map<string, Sale[]> {
  return byName(
    sales.filter((s) => inWindow(s.wonOn, w)),
    (s) => [s.project.client],
  );
}

function retention(plan: Plan, sales: readonly Sale[], period: Period, counted: Window): Kpis['retention'] {
  const previous = previousPeriod(period);
  const before = wonBy(sales, previous);
  const now = wonBy(sales, counted);
  const list = (items: readonly Sale[]) =>
    items.map((s) => `${named(plan, s.project.project, 'Projects', s.project.row)} won ${iso(s.wonOn)}`).join(', ');
  const lines = [...before.values()].map((items) => {
    const again = now.get(nameKey(items[0].project.client));
    const status = again ? `retained: ${list(again)}` : 'no won work yet this period';
    return `${items[0].project.client}: ${list(items)}; ${status}`;
  });
  const retained = [...before.keys()].filter((k) => now.has(k)).length;
  return { ...share(retained, before.size, lines), previous };
}

function growth(plan: Plan, book: ReturnType<typeof accounts>, period: Period, counted: Window): Kpis['growth'] {
  const length = counted.to - counted.from;
  const start = previousPeriod(period).from;
  const comparedWith = { from: start, to: start + length };
  const money = (n: number) => formatFigure(n, 'money', plan.settings.currency);
  const existing = (w: Window) => {
    const lines: string[] = [];
    let total = 0;
    for (const s of book.sales) {
      const start = inWindow(s.wonOn, w) ? existingBefore(book, s.project.client, s.wonOn) : undefined;
      if (!start) continue;
      total += s.value;
      lines.push(
        `${named(plan, s.project.project, 'Projects', s.project.row)}: won ${iso(s.wonOn)}, ${money(s.value)}; ${s.project.client} ${start.source}`,
      );
    }
    return { total, lines };
  };
  const current = existing(counted);
  const previous = existing(comparedWith);
  return {
    current: current.total,
    previous: previous.total,
    growth: previous.total > 0 ? current.total / previous.total - 1 : undefined,
    currentLines: current.lines,
    previousLines: previous.lines,
    comparedWith,
  };
}

function margins(plan: Plan, counted: Window): Kpis['margin'] {
  const rates = costing(plan);
  const money = (n: number) => formatFigure(n, 'money', plan.settings.currency);
  const projects: ProjectMargin[] = [];
  const leftOut: string[] = [];
  const tasksOf = byName(
    plan.tasks.filter((t) => t.project && t.actualHours !== undefined),
    (t) => [t.project],
  );
  for (const d of deliveries(plan).filter((x) => inWindow(x.doneOn, counted))) {
    const p = d.project;
    if (!p.value) {
      leftOut.push(`${named(plan, p.project, 'Projects', p.row)}: done ${iso(d.doneOn)} without a Value: no margin`);
      continue;
    }
    const entry: ProjectMargin = { project: p, value: p.value, cost: 0, lines: [], uncosted: [] };
    for (const t of tasksOf.get(nameKey(p.project)) ?? []) {
      if (t.actualHours === undefined) continue;
      const where = named(plan, t.task, 'Tasks', t.row);
      const cost = rates.cost(t.assignee ?? [], t.actualHours);
      if (cost === undefined) {
        entry.uncosted.push(
          `${where}: ${formatNumber(t.actualHours)} h, ${t.assignee?.length ? rates.rates(t.assignee) : 'no Assignee'}: not costed`,
        );
        continue;
      }
      entry.cost += cost;
      entry.lines.push(`${where}: ${formatNumber(t.actualHours)} h × ${rates.rates(t.assignee ?? [])} = ${money(cost)}`);
    }
    entry.margin = (entry.value - entry.cost) / entry.value;
    projects.push(entry);
  }
  const average = projects.length ? projects.reduce((sum, m) => sum + (m.margin as number), 0) / projects.length : undefined;
  return { projects, average, leftOut };
}

export function kpis(plan: Plan, options: KpiOptions): Kpis {
  const { period } = options;
  const asOf = options.asOf ?? plan.today;
  const counted = { from: period.from, to: Math.min(period.to, asOf) };
  const book = accounts(plan);
  const plannedWindow = options.schedule ? { from: Math.max(period.from, plan.planStart), to: period.to } : undefined;
  return {
    period,
    asOf,
    counted,
    onTime: onTimeDelivery(plan, counted, options.closedOut),
    utilization: {
      logged: loggedLoads(plan, counted),
      loggedWindow: counted,
      planned: options.schedule && plannedWindow ? scheduledLoads(plan, options.schedule, plannedWindow) : undefined,
      plannedWindow,
    },
    budget: budgetAdherence(plan, counted, asOf),
    retention: retention(plan, book.sales, period, counted),
    growth: growth(plan, book, period, counted),
    margin: margins(plan, counted),
  };
}
