// Plans a workbook: builds the problem, searches, bounds and explains. The one entry point the
// custom functions, the sidebar and the benchmarks share.

import type { Day } from '../model/dates';
import type { Plan } from '../model/plan';
import { type LowerBound, lowerBound } from './bounds';
import type { Schedule } from './decode';
import { Explainer } from './explain';
import { lateDays, type Terms } from './objective';
import { buildProblem, type Problem, type ProblemOptions } from './problem';
import { Search } from './search';

export interface CrewMember {
  name: string;
  /** The requirement this person fills, e.g. "LED:3". */
  slot: string;
  level: number;
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
  why: string;
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
  lowerBound: LowerBound;
  /** (makespan − lower bound) / lower bound. */
  gap: number;
  terms: Terms;
  decodes: number;
}

export interface ScheduleOptions extends ProblemOptions {
  /** Improvement iterations (default: the Iterations setting). */
  iterations?: number;
  seed?: number;
  /** Most job placements the search may make (see SearchOptions). */
  workBudget?: number;
}

/**
 * A plan being computed in steps, so the sidebar can show progress between them. Committed work is
 * planned first; proposals (when included) are then fitted into the time left, without moving any
 * committed task, so adding a proposal never changes the plan a client was promised.
 */
export class Planner {
  private readonly committed: Search;
  private proposals?: Search;
  private readonly options: ScheduleOptions & { iterations: number };
  private readonly withProposals: boolean;

  constructor(
    private readonly plan: Plan,
    options: ScheduleOptions = {},
  ) {
    this.options = { ...options, iterations: options.iterations ?? plan.settings.iterations };
    this.withProposals = (options.includeProposals ?? plan.settings.planProposals) && plan.projects.some((p) => p.status === 'Proposal');
    const problem = buildProblem(plan, { ...options, includeProposals: false });
    this.committed = new Search(problem, this.options);
  }

  /** The problem whose plan result() describes. */
  get problem(): Problem {
    return (this.proposals ?? this.committed).problem;
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
    const committed = this.committed.result();
    const before = this.committed.problem;
    const problem = buildProblem(this.plan, { ...this.options, includeProposals: true });
    const index = new Map(problem.jobs.map((j) => [j.item.key, j.index]));
    const order: number[] = [];
    const prefer = new Map<number, Int32Array>();
    const n = problem.jobs.length;
    const placed: Schedule = {
      order: new Int32Array(0),
      start: new Int32Array(n),
      end: new Int32Array(n),
      crew: new Array(n).fill(new Int32Array(0)),
      daily: new Array(n).fill(undefined),
      unplaced: new Array(n).fill(undefined),
    };
    for (const j of committed.schedule.order) {
      const at = index.get(before.jobs[j].item.key);
      if (at === undefined || problem.jobs[at].withProposals) continue;
      order.push(at);
      prefer.set(at, committed.prefer[j]);
      placed.start[at] = committed.schedule.start[j];
      placed.end[at] = committed.schedule.end[j];
      placed.crew[at] = committed.schedule.crew[j];
      placed.daily[at] = committed.schedule.daily[j];
      placed.unplaced[at] = committed.schedule.unplaced[j];
    }
    return new Search(problem, { ...this.options, fixed: { order, prefer, placed } });
  }

  result(): ScheduleResult {
    const search = this.proposals ?? this.committed;
    const { problem } = search;
    const solved = search.result();
    const { schedule } = solved;
    const explainer = new Explainer(problem, schedule, this.plan.settings.currency);
    let last = -1;
    let totalLateDays = 0;
    const tasks = problem.jobs.map((job): PlannedTask => {
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
        })),
        start: problem.start + schedule.start[j],
        end: problem.start + schedule.end[j],
        hours: job.hours,
        daily: Array.from(schedule.daily[j] ?? []),
        due: job.due === undefined ? undefined : problem.start + job.due,
        lateDays: late,
        why: explainer.explain(j),
        source: job.item.source,
      };
    });
    const bound = lowerBound(problem);
    const makespanDays = last + 1;
    return {
      planStart: problem.start,
      tasks,
      end: last >= 0 ? problem.start + last : undefined,
      makespanDays,
      totalLateDays,
      lowerBound: bound,
      gap: bound.days > 0 ? (makespanDays - bound.days) / bound.days : 0,
      terms: solved.terms,
      decodes: solved.decodes,
    };
  }
}

export function planSchedule(plan: Plan, options: ScheduleOptions = {}): ScheduleResult {
  const planner = new Planner(plan, options);
  while (!planner.step(500));
  return planner.result();
}
