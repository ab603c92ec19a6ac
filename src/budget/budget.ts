// Budget ranges per project: hours, cost, price and margin at P10 / P50 / P90, from each task's hours
// range (three-point where the sheet gives one, else calibrated on the firm's finished tasks), the
// rates of the crew the plan assigns, and the non-labour Costs lines.

import type { Day } from '../model/dates';
import type { Effort } from '../model/effort';
import { addTo } from '../model/group';
import type { Plan } from '../model/plan';
import type { Problem } from '../model/problems';
import type { CostRow, ProjectRow } from '../model/sheets';
import { nameKey, type WorkItem, workItems } from '../model/work';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { type CrewRate, RateCard } from './rates';
import { fitRatioModel, type HistoryPoint, type RatioModel } from './ratio';
import { DRAWS, type Driver, type Line, type Range, seedOf, simulate } from './simulate';
import { certain, hasThreePoint, type Spread, threePoint } from './spread';
import { median } from './stats';

export type { Driver, Range };

export interface ProjectBudget {
  project: ProjectRow;
  /** Person-hours of the whole project: done, in progress and still to do. */
  hours: Range;
  cost: Range;
  /** The fee in every column for a fixed-fee project; else labour at bill rates plus marked-up costs. */
  price: Range;
  margin: Range;
  /** Projects > Value, when set: the price is agreed and the margin carries the uncertainty. */
  fixedFee?: number;
  /** Lines contributing most to the uncertainty of the cost, largest first. */
  drivers: Driver[];
  /** How each task's hours range was set. */
  methods: { threePoint: number; history: number; known: number };
  /** The last day the plan has this project's open work or milestones on (undefined when none is planned). */
  end?: Day;
  /** Everyone the plan puts on the project's open work. */
  crew: string[];
  /** The scope factor used. */
  scope: number;
}

export interface BudgetResult {
  projects: ProjectBudget[];
  /** Missing rates and the like, each at its cell. Errors mean some amounts are understated. */
  problems: Problem[];
  /** What the hours ranges were calibrated on. */
  calibration: { tasks: number; projectCorrelation: number; medianRatio: number };
  /** Share of outcomes each range holds (Settings > Coverage): 0.8 gives P10 · P50 · P90. */
  coverage: number;
}

export interface BudgetOptions {
  /** Scope factor per project name, overriding Projects > Scope for work and costs marked Scales. */
  scope?: ReadonlyMap<string, number>;
  /** Only these projects (by name); default every project that is not Lost. */
  only?: ReadonlySet<string>;
  /** The steps simulating may take (a formula's allowance; unlimited by default). */
  effort?: Effort;
}

/**
 * The firm's finished tasks with hours and actual hours, oldest first (by Done On; sheet order where
 * it is missing): what estimates are calibrated on.
 */
export function historyOf(items: readonly WorkItem[]): HistoryPoint[] {
  return items
    .filter((i) => i.status === 'Done' && i.hours > 0 && (i.actualHours ?? 0) > 0)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.doneOn ?? Number.NEGATIVE_INFINITY) - (b.item.doneOn ?? Number.NEGATIVE_INFINITY) || a.order - b.order)
    .map(({ item: i }) => ({
      estimate: i.hours,
      actual: i.actualHours as number,
      groups: groupsOf(i, i.pinned[0]),
      project: nameKey(i.project.project),
    }));
}

function groupsOf(item: WorkItem, person: string | undefined): HistoryPoint['groups'] {
  return {
    type: item.project.type ? nameKey(item.project.type) : undefined,
    skill: item.requirements[0]?.skill,
    person: person ? nameKey(person) : undefined,
  };
}

/** Hours already spent, and the estimate of what is left, for a task. */
function split(item: WorkItem): { spent: number; left: number } {
  if (item.status === 'Done') return { spent: item.actualHours ?? item.hours, left: 0 };
  if (item.status !== 'In Progress') return { spent: 0, left: item.hours };
  if (item.percentDone !== undefined)
    return { spent: item.actualHours ?? item.hours * item.percentDone, left: item.hours * (1 - item.percentDone) };
  const spent = item.actualHours ?? 0;
  return { spent, left: Math.max(0, item.hours - spent) };
}

interface Context {
  plan: Plan;
  model: RatioModel;
  rates: RateCard;
  planned: Map<string, PlannedTask>;
  effort?: Effort;
}

function crewRate(ctx: Context, item: WorkItem, task: PlannedTask | undefined): CrewRate {
  const assigned = task && task.state !== 'unstaffable' && task.crew.length > 0 ? task.crew.map((c) => c.name) : item.pinned;
  return ctx.rates.named(assigned, item) ?? ctx.rates.qualified(item.requirements, item);
}

function taskLine(ctx: Context, item: WorkItem, methods: ProjectBudget['methods']): Line {
  const task = ctx.planned.get(item.key);
  const rate = crewRate(ctx, item, task);
  const crewSize = Math.max(
    1,
    item.requirements.reduce((n, r) => n + r.count, 0),
  );
  const { spent, left } = split(item);
  const person = task?.crew[0]?.name ?? item.pinned[0];
  const groups = groupsOf(item, person);
  const calibrated: Spread = (p) => Math.exp(ctx.model.logRatio(p, item.hours, groups));
  let spread = calibrated;
  if (left === 0) {
    spread = certain;
    methods.known += 1;
  } else if (hasThreePoint(item.hoursLow, item.hoursHigh)) {
    spread = threePoint(item.hours, item.hoursLow, item.hoursHigh, calibrated);
    methods.threePoint += 1;
  } else methods.history += 1;
  return {
    label: item.name,
    kind: 'task',
    source: item.source,
    likely: left,
    spread,
    costPerUnit: rate.cost,
    pricePerUnit: rate.price,
    hoursPerUnit: crewSize,
    known: { hours: spent * crewSize, cost: spent * rate.cost, price: spent * rate.price },
  };
}

function costLine(cost: CostRow, scope: number): Line {
  const factor = cost.scales ? scope : 1;
  const likely = cost.cost * factor;
  const spread =
    likely > 0 && hasThreePoint(cost.costLow, cost.costHigh) ? threePoint(cost.cost, cost.costLow, cost.costHigh, certain) : certain;
  return {
    label: cost.item,
    kind: 'cost',
    source: { sheet: 'Costs', row: cost.row },
    likely,
    spread,
    costPerUnit: 1,
    pricePerUnit: 1 + cost.markup,
    hoursPerUnit: 0,
    known: { hours: 0, cost: 0, price: 0 },
  };
}

function projectBudget(
  ctx: Context,
  project: ProjectRow,
  items: readonly WorkItem[],
  costs: readonly CostRow[],
  scope: number,
): ProjectBudget {
  const methods = { threePoint: 0, history: 0, known: 0 };
  const lines = [
    ...items.filter((i) => i.hours > 0 && !i.milestone).map((i) => taskLine(ctx, i, methods)),
    ...costs.map((c) => costLine(c, scope)),
  ];
  const fixedFee = project.value;
  // A simulated outcome of a line costs about three steps (see Effort).
  ctx.effort?.spend(3 * lines.length * DRAWS);
  const result = simulate(lines, ctx.model.projectCorrelation, seedOf(project.project), fixedFee, DRAWS, ctx.plan.settings.coverage);
  const planned = items.map((i) => ctx.planned.get(i.key)).filter((t): t is PlannedTask => t !== undefined && t.state !== 'unstaffable');
  const ends = planned.map((t) => t.end);
  const crew = [...new Set(planned.flatMap((t) => t.crew.map((c) => c.name)))];
  return {
    project,
    hours: result.hours,
    cost: result.cost,
    price: result.price,
    margin: result.margin,
    fixedFee,
    drivers: result.drivers,
    methods,
    end: ends.length ? ends.reduce((a, b) => Math.max(a, b)) : undefined,
    crew,
    scope,
  };
}

/** Budget ranges for every project that is not Lost (or only those asked for), priced on `schedule`'s crews. */
export function budgetRanges(plan: Plan, schedule: ScheduleResult, options: BudgetOptions = {}): BudgetResult {
  const items = workItems(plan, { scope: options.scope });
  const history = historyOf(items);
  const model = fitRatioModel(history);
  const ctx: Context = {
    plan,
    model,
    rates: new RateCard(plan),
    planned: new Map(schedule.tasks.map((t) => [t.key, t])),
    effort: options.effort,
  };
  const byProject = new Map<string, WorkItem[]>();
  for (const item of items) addTo(byProject, nameKey(item.project.project), item);
  const costs = new Map<string, CostRow[]>();
  for (const c of plan.costs) if (c.project) addTo(costs, nameKey(c.project), c);
  const only = options.only ? new Set([...options.only].map(nameKey)) : undefined;

  const projects = plan.projects
    .filter((p) => p.project && p.status !== 'Lost' && (!only || only.has(nameKey(p.project))))
    .map((p) => {
      const key = nameKey(p.project);
      const scope = options.scope?.get(p.project) ?? p.scope;
      return projectBudget(ctx, p, byProject.get(key) ?? [], costs.get(key) ?? [], scope);
    });
  const typical = history.length ? median(history.map((h) => h.estimate)) : 8;
  return {
    projects,
    problems: ctx.rates.problems,
    calibration: { tasks: model.tasks, projectCorrelation: model.projectCorrelation, medianRatio: model.medianRatio(typical) },
    coverage: plan.settings.coverage,
  };
}
