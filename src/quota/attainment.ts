// Attainment of each Quotas row as of a date: Actual (what happened by then), Pace, Projected (where
// the owner lands at the period's end) and Status — each with the input rows that make it up.
//
// Projected = every fact recorded in the period (including any dated after the as-of date) plus:
// - account managers: open proposals with an Expected Close in the period, each weighted by its
//   Probability. A proposal without a Probability is not projected (no number is invented for it);
//   the note says so and asks for one. Once the period is over, open proposals no longer count.
// - project managers: projects the current plan finishes within the period, on time when the plan
//   finishes them by their Due — so a plan running late shows up here as a quota at risk.
// - billable hours: the hours the current plan books for the person on days of the period.

import type { Day } from '../model/dates';
import type { Period } from '../model/period';
import type { Plan } from '../model/plan';
import type { Metric, ProjectRow, QuotaRow, TaskRow } from '../model/sheets';
import { nameKey } from '../model/work';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { type Accounts, accounts, type ClientStart, existingBefore, type Sale } from './accounts';
import { type Delivery, deliveries, type PlannedFinish, plannedFinishes, undatedDeliveries } from './delivery';
import { assignees, bookedHours, committedTasks, crewNames, type LoggedWork, loggedWork } from './hours';
import { byName } from './names';
import { type Phase, paceAt, phaseOf, type Status, statusOf } from './status';
import { METRIC_UNITS, type Unit } from './units';

export type ContributionKind = 'actual' | 'recorded later' | 'pipeline' | 'plan';

/** One input row's part in a quota's figures. */
export interface Contribution {
  /** actual: happened by the as-of date; recorded later: dated after it, within the period; pipeline: a weighted open proposal; plan: from the current plan. */
  kind: ContributionKind;
  day: Day;
  /** Added to the sum; for a rate, 1 when on time. */
  amount: number;
  /** For a rate: 1 when it counts in the denominator. */
  judged?: number;
  line: string;
}

export interface Attainment {
  quota: QuotaRow;
  metric: Metric;
  period: Period;
  unit: Unit;
  /** The target as used (a rate target of 90 is read as 90%). */
  target: number;
  asOf: Day;
  /** Whether the period has not begun by the as-of date, is running, or is over. */
  phase: Phase;
  /** Undefined for a rate with nothing delivered yet, or when the inputs needed are missing. */
  actual?: number;
  pace: number;
  projected?: number;
  /** Actual / Target. */
  percent?: number;
  status?: Status;
  contributions: Contribution[];
  /** Rows looked at but not counted, and why, by the figure they would have been part of. */
  leftOut: LeftOut[];
  /** What a figure needs that was not given: the Tasks sheet, or the current plan. */
  missing: { actual?: Need; projected?: Need };
}

export interface LeftOut {
  kind: ContributionKind;
  line: string;
}

export interface AttainmentOptions {
  /** Default: the plan's today. */
  asOf?: Day;
  /** The current plan. Without it, plan-based projections say what they need instead of a number. */
  schedule?: ScheduleResult;
  /** Projects whose Close-out checklist is all ticked (name keys), for Settings > On Time Needs Close-out. */
  closedOut?: ReadonlySet<string>;
}

export type Need = 'tasks' | 'plan';

/** The target as a quota uses it: a rate target above 1 was written as a percentage (90 → 90%). */
export function quotaTarget(quota: Pick<QuotaRow, 'metric' | 'target'>): number {
  return METRIC_UNITS[quota.metric] === 'rate' && quota.target > 1 ? quota.target / 100 : quota.target;
}

export interface Facts {
  plan: Plan;
  accounts: Accounts;
  deliveries: Delivery[];
  finishes?: Map<string, PlannedFinish>;
  /** Person key → Done tasks naming them, with a Done On date and without. */
  logged: Map<string, LoggedWork[]>;
  undated: Map<string, TaskRow[]>;
  /** Person key → committed planned tasks they work on; undefined without a plan. */
  booked?: Map<string, PlannedTask[]>;
}

/** What collecting one quota's figures works with; the lines' words are built from it too. */
export interface Scope {
  facts: Facts;
  owner: string;
  period: Period;
  asOf: Day;
  say: Lines;
  counted: Contribution[];
  leftOut: LeftOut[];
  missing: Attainment['missing'];
}

/**
 * The words of every line behind a figure (attainment-lines.ts). No figure depends on them: the
 * ATTAINMENT formula shows figures alone and writes no line.
 */
export interface Lines {
  sale(s: Scope, sale: Sale, existing?: ClientStart): string;
  notExpansion(s: Scope, sale: Sale): string;
  undatedSale(s: Scope, p: ProjectRow): string;
  noClose(s: Scope, p: ProjectRow): string;
  stillOpen(s: Scope, p: ProjectRow): string;
  newToFirm(s: Scope, p: ProjectRow): string;
  noProbability(s: Scope, p: ProjectRow): string;
  weighted(s: Scope, p: ProjectRow, amount: number): string;
  newClient(s: Scope, start: ClientStart): string;
  prospectNoProbability(s: Scope, p: ProjectRow): string;
  prospectPart(s: Scope, p: ProjectRow): string;
  prospect(s: Scope, client: string, parts: readonly string[], chance: number): string;
  doneUnjudged(s: Scope, d: Delivery): string;
  delivery(s: Scope, metric: DeliveryMetric, d: Delivery): string;
  undatedDelivery(s: Scope, p: ProjectRow): string;
  onHold(s: Scope, p: ProjectRow): string;
  noWorkLeft(s: Scope, p: ProjectRow): string;
  cannotStaff(s: Scope, p: ProjectRow, unstaffable: readonly string[]): string;
  finishesLate(s: Scope, p: ProjectRow, finish: Day): string;
  finishUnjudged(s: Scope, p: ProjectRow, finish: Day): string;
  finish(s: Scope, metric: DeliveryMetric, p: ProjectRow, finish: Day): string;
  logged(s: Scope, work: LoggedWork): string;
  undatedTask(s: Scope, t: TaskRow): string;
  booked(s: Scope, task: PlannedTask, hours: number): string;
  ended(s: Scope, c: Contribution): string;
}

const isOwner = (scope: Scope, name: string | undefined) => name !== undefined && nameKey(name) === scope.owner;
const within = (scope: Scope, day: Day | undefined): day is Day => day !== undefined && day >= scope.period.from && day <= scope.period.to;
const factKind = (scope: Scope, day: Day): ContributionKind => (day <= scope.asOf ? 'actual' : 'recorded later');
const skip = (scope: Scope, kind: ContributionKind, line: string) => {
  scope.leftOut.push({ kind, line });
};
/** Open proposals can still close while the period runs. */
const periodOpen = (scope: Scope) => scope.asOf < scope.period.to;

type SalesMetric = 'Revenue' | 'Expansion Revenue';

function sales(scope: Scope, metric: SalesMetric): void {
  const expansionOnly = metric === 'Expansion Revenue';
  const { accounts } = scope.facts;
  const { say } = scope;
  for (const sale of accounts.sales) {
    if (!isOwner(scope, sale.accountManager) || !within(scope, sale.wonOn)) continue;
    const existing = existingBefore(accounts, sale.project.client, sale.wonOn);
    if (expansionOnly && !existing) {
      skip(scope, factKind(scope, sale.wonOn), say.notExpansion(scope, sale));
      continue;
    }
    const line = say.sale(scope, sale, expansionOnly ? existing : undefined);
    scope.counted.push({ kind: factKind(scope, sale.wonOn), day: sale.wonOn, amount: sale.value, line });
  }
  for (const p of accounts.undated) {
    if (isOwner(scope, p.accountManager)) skip(scope, 'actual', say.undatedSale(scope, p));
  }
  pipeline(scope, metric);
}

/** Open proposals of this account manager closing in the period, weighted by their Probability. */
function pipeline(scope: Scope, metric: SalesMetric): void {
  const expansionOnly = metric === 'Expansion Revenue';
  const { say } = scope;
  for (const proposal of scope.facts.accounts.proposals) {
    const p = proposal.project;
    if (!isOwner(scope, proposal.accountManager)) continue;
    if (p.expectedClose === undefined) {
      skip(scope, 'pipeline', say.noClose(scope, p));
      continue;
    }
    if (!within(scope, p.expectedClose)) continue;
    if (!periodOpen(scope)) {
      skip(scope, 'pipeline', say.stillOpen(scope, p));
      continue;
    }
    if (expansionOnly && !existingBefore(scope.facts.accounts, p.client, p.expectedClose)) {
      skip(scope, 'pipeline', say.newToFirm(scope, p));
      continue;
    }
    if (p.probability === undefined) {
      skip(scope, 'pipeline', say.noProbability(scope, p));
      continue;
    }
    const amount = (p.value ?? 0) * p.probability;
    scope.counted.push({ kind: 'pipeline', day: p.expectedClose, amount, line: say.weighted(scope, p, amount) });
  }
}

function newClients(scope: Scope): void {
  const { accounts } = scope.facts;
  const { say } = scope;
  for (const start of accounts.starts.values()) {
    if (!isOwner(scope, start.accountManager) || !within(scope, start.day)) continue;
    scope.counted.push({ kind: factKind(scope, start.day), day: start.day, amount: 1, line: say.newClient(scope, start) });
  }
  // Open proposals to clients the firm has not worked for: the chance at least one is won.
  const prospects = new Map<string, { client: string; close: Day; parts: string[]; miss: number }>();
  for (const proposal of accounts.proposals) {
    const p = proposal.project;
    if (!isOwner(scope, proposal.accountManager) || !within(scope, p.expectedClose) || !periodOpen(scope)) continue;
    const start = accounts.starts.get(nameKey(p.client));
    if (start && start.day <= scope.period.to) continue;
    if (p.probability === undefined) {
      skip(scope, 'pipeline', say.prospectNoProbability(scope, p));
      continue;
    }
    const key = nameKey(p.client);
    const prospect = prospects.get(key) ?? { client: p.client, close: p.expectedClose as Day, parts: [], miss: 1 };
    prospect.parts.push(say.prospectPart(scope, p));
    prospect.miss *= 1 - p.probability;
    prospect.close = Math.min(prospect.close, p.expectedClose as Day);
    prospects.set(key, prospect);
  }
  for (const { client, close, parts, miss } of prospects.values()) {
    const chance = 1 - miss;
    scope.counted.push({ kind: 'pipeline', day: close, amount: chance, line: say.prospect(scope, client, parts, chance) });
  }
}

export type DeliveryMetric = 'On-Time Projects' | 'On-Time Rate' | 'Delivered Value';

/** A delivery, done or planned, counted towards the metric: a rate judges each one; the others count those on time. */
function countDelivery(
  scope: Scope,
  metric: DeliveryMetric,
  p: ProjectRow,
  delivery: { kind: ContributionKind; day: Day; onTime: boolean; line: string },
): void {
  const { kind, day, onTime, line } = delivery;
  const rate = metric === 'On-Time Rate';
  if (!rate && !onTime) {
    skip(scope, kind, line);
    return;
  }
  const amount = metric === 'Delivered Value' ? (p.value ?? 0) : onTime ? 1 : 0;
  scope.counted.push({ kind, day, amount, judged: rate ? 1 : undefined, line });
}

function delivered(scope: Scope, metric: DeliveryMetric): void {
  const { say } = scope;
  for (const d of scope.facts.deliveries) {
    const p = d.project;
    if (!isOwner(scope, p.projectManager) || !within(scope, d.doneOn)) continue;
    if (d.onTime === undefined) {
      skip(scope, factKind(scope, d.doneOn), say.doneUnjudged(scope, d));
      continue;
    }
    const line = say.delivery(scope, metric, d);
    countDelivery(scope, metric, p, { kind: factKind(scope, d.doneOn), day: d.doneOn, onTime: d.onTime, line });
  }
  for (const p of undatedDeliveries(scope.facts.plan)) {
    if (isOwner(scope, p.projectManager)) skip(scope, 'actual', say.undatedDelivery(scope, p));
  }
  planned(scope, metric);
}

/** Projects the current plan finishes within the period; on time when by their Due. */
function planned(scope: Scope, metric: DeliveryMetric): void {
  const { finishes, plan } = scope.facts;
  const { say } = scope;
  if (!finishes) {
    if (scope.period.to >= plan.planStart) scope.missing.projected = 'plan';
    return;
  }
  for (const p of plan.projects) {
    if (!p.project || !isOwner(scope, p.projectManager) || p.doneOn !== undefined) continue;
    const entry = finishes.get(nameKey(p.project));
    if (!entry) {
      if (!within(scope, p.due)) continue;
      if (p.status === 'On Hold') skip(scope, 'plan', say.onHold(scope, p));
      if (p.status === 'Won' || p.status === 'Active') skip(scope, 'plan', say.noWorkLeft(scope, p));
      continue;
    }
    if (entry.finish === undefined) {
      if (within(scope, p.due)) skip(scope, 'plan', say.cannotStaff(scope, p, entry.unstaffable));
      continue;
    }
    const finish = entry.finish;
    if (!within(scope, finish)) {
      if (within(scope, p.due)) skip(scope, 'plan', say.finishesLate(scope, p, finish));
      continue;
    }
    if (p.due === undefined) {
      skip(scope, 'plan', say.finishUnjudged(scope, p, finish));
      continue;
    }
    const onTime = finish <= p.due;
    countDelivery(scope, metric, p, { kind: 'plan', day: finish, onTime, line: say.finish(scope, metric, p, finish) });
  }
}

function billable(scope: Scope): void {
  const { plan, logged, undated, booked } = scope.facts;
  const { say } = scope;
  if (!plan.layout.Tasks) {
    scope.missing.actual = 'tasks';
    scope.missing.projected = 'tasks';
    return;
  }
  const person = scope.owner;
  for (const work of logged.get(person) ?? []) {
    if (!within(scope, work.doneOn)) continue;
    scope.counted.push({ kind: factKind(scope, work.doneOn), day: work.doneOn, amount: work.hours, line: say.logged(scope, work) });
  }
  for (const t of undated.get(person) ?? []) skip(scope, 'actual', say.undatedTask(scope, t));
  if (!booked) {
    if (scope.period.to >= plan.planStart) scope.missing.projected = 'plan';
    return;
  }
  for (const task of booked.get(person) ?? []) {
    const hours = bookedHours(task, scope.period);
    if (hours <= 0) continue;
    scope.counted.push({ kind: 'plan', day: task.start, amount: hours, line: say.booked(scope, task, hours) });
  }
}

const COLLECT: Record<Metric, (scope: Scope) => void> = {
  Revenue: (scope) => sales(scope, 'Revenue'),
  'Expansion Revenue': (scope) => sales(scope, 'Expansion Revenue'),
  'New Clients': newClients,
  'On-Time Projects': (scope) => delivered(scope, 'On-Time Projects'),
  'On-Time Rate': (scope) => delivered(scope, 'On-Time Rate'),
  'Delivered Value': (scope) => delivered(scope, 'Delivered Value'),
  'Billable Hours': billable,
};

/** A sum, or for a rate the on-time share of what was judged (undefined when nothing was). */
function figure(unit: Unit, parts: readonly Contribution[]): number | undefined {
  const amount = parts.reduce((sum, c) => sum + c.amount, 0);
  if (unit !== 'rate') return amount;
  const judged = parts.reduce((sum, c) => sum + (c.judged ?? 0), 0);
  return judged > 0 ? amount / judged : undefined;
}

function attain(facts: Facts, quota: QuotaRow, asOf: Day, say: Lines): Attainment {
  const { metric, period } = quota;
  const unit = METRIC_UNITS[metric];
  const target = quotaTarget(quota);
  const scope: Scope = {
    facts,
    owner: nameKey(quota.owner),
    period,
    asOf,
    say,
    counted: [],
    leftOut: [],
    missing: {},
  };
  COLLECT[metric](scope);
  const phase = phaseOf(period, asOf);
  if (phase === 'ended') {
    // Over: the owner lands where the facts put them; the plan and open proposals no longer count.
    for (const c of scope.counted) if (c.kind === 'plan' || c.kind === 'pipeline') skip(scope, c.kind, say.ended(scope, c));
    scope.counted = scope.counted.filter((c) => c.kind !== 'plan' && c.kind !== 'pipeline');
    delete scope.missing.projected;
  }
  const contributions = scope.counted.sort((a, b) => a.day - b.day);
  const actual = scope.missing.actual
    ? undefined
    : figure(
        unit,
        contributions.filter((c) => c.kind === 'actual'),
      );
  const projected = scope.missing.projected ? undefined : figure(unit, contributions);
  const pace = paceAt(target, unit, period, asOf);
  return {
    quota,
    metric,
    period,
    unit,
    target,
    asOf,
    phase,
    actual,
    pace,
    projected,
    // Nothing is due before the period begins: no share of the target to show yet.
    percent: actual === undefined || phase === 'upcoming' ? undefined : actual / target,
    status: statusOf({ target, actual, pace, projected, phase }),
    contributions,
    leftOut: scope.leftOut,
    missing: scope.missing,
  };
}

/** No words: the figures alone, as the ATTAINMENT formula shows them. */
export const NO_LINES = new Proxy({}, { get: () => () => '' }) as Lines;

/** Attainment of every readable Quotas row, in sheet order, each figure's lines in `say`'s words. */
export function attainments(plan: Plan, options: AttainmentOptions, say: Lines): Attainment[] {
  const facts: Facts = {
    plan,
    accounts: accounts(plan),
    deliveries: deliveries(plan, options.closedOut),
    finishes: options.schedule ? plannedFinishes(plan, options.schedule) : undefined,
    logged: byName(loggedWork(plan), assignees),
    undated: byName(
      plan.tasks.filter((t) => t.status === 'Done' && t.doneOn === undefined),
      (t) => t.assignee ?? [],
    ),
    booked: options.schedule ? byName(committedTasks(options.schedule), crewNames) : undefined,
  };
  const asOf = options.asOf ?? plan.today;
  return plan.quotas.filter((q) => q.owner && q.metric && q.period && q.target > 0).map((q) => attain(facts, q, asOf, say));
}
