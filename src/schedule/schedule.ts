// Plans a workbook: builds the problem, searches, explains and, where asked, bounds. The one entry point the
// custom functions, the sidebar and the benchmarks share.

import type { BaselineRow } from '../model/baseline';
import type { Day } from '../model/dates';
import { isPlaceholder } from '../model/placeholder';
import type { Plan } from '../model/plan';
import type { ReplanMode } from '../model/settings';
import { Alternatives } from './alternatives';
import { type Anchors, anchorsFor } from './baseline';
import { type LowerBound, lowerBound } from './bounds';
import { copied, Decoder, type Schedule } from './decode';
import { Explainer } from './explain';
import { evaluate, lateDays, type Terms } from './objective';
import { buildProblem, type Problem, type ProblemOptions } from './problem';
import { noWorse, type PlacedBefore, replanStart, settle } from './replan';
import { Search, type SearchOptions, type Solved } from './search';

export interface CrewMember {
  name: string;
  /** The requirement this person fills, e.g. "LED:3". */
  slot: string;
  level: number;
  /** A person still to hire (Staff > Role "Placeholder"): never named to a client. */
  placeholder?: true;
}

export type TaskState = 'planned' | 'in progress' | 'milestone' | 'unstaffable';

export interface PlannedTask {
  key: string;
  project: string;
  client: string;
  task: string;
  state: TaskState;
  tentative: boolean;
  crew: CrewMember[];
  start: Day;
  end: Day;
  /** Hours per person still to do. */
  hours: number;
  /** Hours each crew member works per day, from start. */
  daily: number[];
  due?: Day;
  /** Working days past due. */
  lateDays: number;
  /** Why these people and this start ('' when planned with explain: false). */
  why: string;
  /** Where the work happens (Tasks or Projects > Location). */
  location?: string;
  source: { sheet: 'Tasks' | 'Templates'; row: number };
}

export interface ScheduleResult {
  planStart: Day;
  /** Every task still to do, in sheet order. */
  tasks: PlannedTask[];
  /** The last day any staffed task ends (undefined when nothing is planned). */
  end?: Day;
  /** Days from the plan start to the end of the last staffed task. */
  makespanDays: number;
  totalLateDays: number;
  terms: Terms;
  decodes: number;
}

/** How far the plan can be from the best possible. */
export interface PlanBound {
  /** No valid plan is shorter than this. */
  lowerBound: LowerBound;
  /** (makespan − lower bound) / lower bound. */
  gap: number;
}

export type BoundedResult = ScheduleResult & PlanBound;

export interface ScheduleOptions extends ProblemOptions, Pick<SearchOptions, 'extraMove'> {
  /** Improvement iterations (default: the Iterations setting). */
  iterations?: number;
  seed?: number;
  /** Most job placements the search may make (see SearchOptions). */
  workBudget?: number;
  /** The published plan to re-plan against (see replan.ts). */
  baseline?: readonly BaselineRow[];
  /** How to treat it (default: the Replan setting). */
  replanMode?: ReplanMode;
  /**
   * Write each task's Why (default true). Weighing every alternative costs as much as planning, so
   * answers that show no Why leave it empty.
   */
  explain?: boolean;
}

/**
 * A plan being computed in steps, so the sidebar can show progress between them. Committed work is
 * planned first; proposals (when included) are then fitted into the time left, without moving any
 * committed task, so adding a proposal never changes the plan a client was promised. Both phases
 * share one problem, whether proposals are included or not, so the committed plan is the same either
 * way.
 */
export class Planner {
  readonly problem: Problem;
  private readonly committed: Search;
  private proposals?: Search;
  private readonly options: ScheduleOptions & { iterations: number };
  private readonly withProposals: boolean;
  /** The published plan's anchors, when re-planning against it (not in Free mode). */
  private readonly anchors?: Anchors;
  private readonly mode: ReplanMode;

  constructor(
    private readonly plan: Plan,
    options: ScheduleOptions = {},
  ) {
    this.options = { ...options, iterations: options.iterations ?? plan.settings.iterations };
    this.problem = buildProblem(plan, { ...options, includeProposals: true });
    this.withProposals = (options.includeProposals ?? plan.settings.planProposals) && this.problem.jobs.some((j) => j.withProposals);
    this.mode = options.replanMode ?? plan.settings.replan;
    if (options.baseline && this.mode !== 'Free') this.anchors = anchorsFor(this.problem, options.baseline, plan.settings.freezeDays);
    const committed = Uint8Array.from(this.problem.jobs, (j) => (j.withProposals ? 0 : 1));
    const decoder = Decoder.forward(this.problem);
    this.committed = new Search(this.problem, { ...this.options, planned: committed, decoder, ...this.replanning(decoder, committed) });
  }

  /** The committed plan, finished once its search is done. */
  private committedPlan?: Schedule;
  private finalPlan?: Schedule;

  /**
   * A search's plan polished (see polished), then settled so that it reads back from its sheet as it
   * is (see settle in replan.ts): what a published plan is re-planned against must be what was shown.
   */
  private finished(search: Search, jobs: Uint8Array, before?: PlacedBefore): Schedule {
    const { planned } = search;
    const polished = this.polished(search.result().schedule, planned, jobs);
    const terms = evaluate(this.problem, polished, planned, this.anchors);
    const acceptable = (settled: Schedule) => noWorse(evaluate(this.problem, settled, planned, this.anchors), terms);
    return settle(this.problem, this.committed.forward, polished, planned, acceptable, before);
  }

  private committedSchedule(): Schedule {
    this.committedPlan ??= this.finished(this.committed, this.committed.planned);
    return this.committedPlan;
  }

  /** The committed plan, with the proposals fitted after it when they are included. */
  private schedule(): Schedule {
    if (!this.proposals) return this.committedSchedule();
    const proposals = Uint8Array.from(this.problem.jobs, (j) => (j.withProposals ? 1 : 0));
    this.finalPlan ??= this.finished(this.proposals, proposals, this.committedBefore());
    return this.finalPlan;
  }

  /**
   * A plan with every one-person swap that makes it better made, among `jobs` (committed work is
   * polished on its own, before proposals are fitted, so they never change it). Not when re-planning
   * against a published plan: what was kept stays as published.
   */
  private polished(found: Schedule, planned: Uint8Array, jobs = planned): Schedule {
    if (this.anchors) return found;
    const schedule = copied(found, found.order);
    new Alternatives(this.problem, schedule, this.committed.forward, planned).polish(schedule.order, jobs);
    return schedule;
  }

  /** The committed plan, as the proposals' search starts from it. */
  private committedBefore(): PlacedBefore {
    const found = this.committed.result();
    const schedule = this.committedSchedule();
    const prefer = new Map<number, Int32Array>();
    for (const j of schedule.order) prefer.set(j, found.prefer[j]);
    return { order: Array.from(schedule.order), prefer, schedule };
  }

  /** Search options that start from the published plan, when re-planning against one. */
  private replanning(decoder: Decoder, planned: Uint8Array, before?: PlacedBefore): Pick<SearchOptions, 'fixed' | 'replan'> {
    if (!this.anchors || this.mode === 'Free') return before ? { fixed: { ...before, placed: before.schedule } } : {};
    const { fixed, replan } = replanStart(this.problem, decoder, this.anchors, this.mode, planned, before);
    return { fixed, replan };
  }

  get progress(): number {
    if (!this.withProposals) return this.committed.progress;
    return (this.committed.progress + (this.proposals?.progress ?? 0)) / 2;
  }

  /** Runs some iterations; true when done. */
  step(iterations: number): boolean {
    if (!this.committed.finished) {
      this.committed.step(iterations);
      return !this.withProposals && this.committed.finished;
    }
    if (!this.withProposals) return true;
    this.proposals ??= this.fitProposals();
    return this.proposals.step(iterations);
  }

  /** A search over proposals only, the committed plan held exactly as found. */
  private fitProposals(): Search {
    const before = this.committedBefore();
    const all = new Uint8Array(this.problem.jobs.length).fill(1);
    return new Search(this.problem, {
      ...this.options,
      decoder: this.committed.forward,
      ...this.replanning(this.committed.forward, all, before),
    });
  }

  /** How good the committed work's (settled) plan is: what a portfolio of searches compares first. */
  get committedTerms(): Terms {
    return evaluate(this.problem, this.committedSchedule(), this.committed.planned, this.anchors);
  }

  /** The plan found (settled), unexplained: enough to compare what-ifs (explaining every task costs as much again). */
  outcome(): Solved {
    const search = this.proposals ?? this.committed;
    const schedule = this.schedule();
    return { ...search.result(), schedule, terms: evaluate(this.problem, schedule, search.planned, this.anchors) };
  }

  result(): ScheduleResult {
    const { problem } = this;
    const solved = this.outcome();
    const { schedule, terms } = solved;
    const explainer =
      this.options.explain === false
        ? undefined
        : new Explainer(new Alternatives(problem, schedule, this.committed.forward, this.planned), this.plan.settings.currency);
    const planned = this.planned;
    let last = -1;
    let totalLateDays = 0;
    const tasks = problem.jobs
      .filter((job) => planned[job.index])
      .map((job): PlannedTask => {
        const j = job.index;
        const unplaced = schedule.unplaced[j] !== undefined;
        if (!unplaced && !job.milestone) last = Math.max(last, schedule.end[j]);
        const late = unplaced ? 0 : lateDays(problem, j, schedule.end[j]);
        totalLateDays += late;
        return {
          key: job.item.key,
          project: job.item.project.project,
          client: job.client,
          task: job.item.name,
          state: unplaced ? 'unstaffable' : job.milestone ? 'milestone' : job.inProgress ? 'in progress' : 'planned',
          tentative: job.tentative,
          crew: Array.from(schedule.crew[j], (p, s) => ({
            name: problem.people[p].name,
            slot: job.slots[s].label,
            level: problem.people[p].skills.get(job.slots[s].skill) ?? 0,
            ...(isPlaceholder(problem.people[p]) ? { placeholder: true as const } : {}),
          })),
          // A milestone's day is its end; its start is when work after it may begin.
          start: problem.start + (job.milestone && !unplaced ? schedule.end[j] : schedule.start[j]),
          end: problem.start + schedule.end[j],
          hours: job.hours,
          daily: Array.from(schedule.daily[j] ?? []),
          due: job.due === undefined ? undefined : problem.start + job.due,
          lateDays: late,
          why: explainer?.explain(j) ?? '',
          ...(job.item.location ? { location: job.item.location } : {}),
          source: job.item.source,
        };
      });
    return {
      planStart: problem.start,
      tasks,
      end: last >= 0 ? problem.start + last : undefined,
      makespanDays: last + 1,
      totalLateDays,
      terms,
      decodes: solved.decodes,
    };
  }

  /** The jobs the plan covers: committed work, and proposals when included. */
  get planned(): Uint8Array {
    return (this.proposals ?? this.committed).planned;
  }

  /** Whether published tasks are kept in their windows (re-planning against a published plan). */
  get keepsPublished(): boolean {
    return this.anchors !== undefined;
  }

  /** The planned jobs the best plan staffed (its length counts these only). */
  get staffed(): Uint8Array {
    const { unplaced } = this.schedule();
    return this.planned.map((p, j) => (p && unplaced[j] === undefined ? 1 : 0));
  }
}

/**
 * The planner's result with its lower bound. Only what shows the bound asks (the Schedule sheet, the
 * Plan panel): on a few hundred tasks it costs as much as the rest of a formula's answer, and kept
 * out of Planner it stays out of the Apps Script bundle.
 */
export function withBound(planner: Planner, result: ScheduleResult): BoundedResult {
  // Bounding the work the plan staffed keeps the bound a bound: what no crew can do is not in the
  // plan's length either.
  // Published windows read back may hold hours found together, not whole days.
  const bound = lowerBound(planner.problem, planner.staffed, !planner.keepsPublished);
  return { ...result, lowerBound: bound, gap: bound.days > 0 ? (result.makespanDays - bound.days) / bound.days : 0 };
}

export function solved(plan: Plan, options: ScheduleOptions): Planner {
  const planner = new Planner(plan, options);
  while (!planner.step(500));
  return planner;
}

export function planSchedule(plan: Plan, options: ScheduleOptions = {}): ScheduleResult {
  return solved(plan, options).result();
}

/** The plan with its lower bound. */
export function planBounded(plan: Plan, options: ScheduleOptions = {}): BoundedResult {
  const planner = solved(plan, options);
  return withBound(planner, planner.result());
}
