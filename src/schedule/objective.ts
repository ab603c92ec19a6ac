// The objective, as named terms in the order they matter. The search compares plans by these terms
// and the Why column is written from them, so the reasons given are the reasons used.

import { weekday } from '../model/dates';
import type { Anchors } from './baseline';
import type { Schedule } from './decode';
import type { Problem } from './problem';

export interface Terms {
  /** Jobs that could not be staffed or placed (never traded against anything else). */
  unplaced: number;
  /** Σ priority weight × working days late. */
  lateness: number;
  /** Makespan × number of projects + Σ each project's finish (days from the plan start). */
  finish: number;
  /** Σ each task's end: with finish equal, the plan whose work is done sooner leaves more room. */
  flow: number;
  /** Σ hours × cost rate. */
  cost: number;
  /** Σ hours × levels above what the slot needs: experts kept for work only they can do. */
  expertise: number;
  /** Extra clients per person per week: each switch between clients costs a technician time. */
  switching: number;
  /** Published tasks (with a baseline) whose people or start day changed. */
  moved: number;
  /** Σ priority weight × working days late beyond what the baseline already was: lateness a change caused. */
  addedLateness: number;
}

export const TERM_ORDER: readonly (keyof Terms)[] = ['unplaced', 'lateness', 'finish', 'flow', 'cost', 'expertise', 'switching'];

/** Negative when a is better. */
export type Comparator = (a: Terms, b: Terms) => number;

const TOLERANCE = 1e-6;

/** x − y where they differ beyond rounding, else 0. */
export function difference(x: number, y: number): number {
  const diff = x - y;
  return Math.abs(diff) > TOLERANCE * Math.max(1, Math.abs(x), Math.abs(y)) ? diff : 0;
}

/** Negative when a is better on the first value that differs. */
export function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = difference(a[i], b[i]);
    if (diff) return diff;
  }
  return 0;
}

/** Negative when a is better: lexicographic over TERM_ORDER (without building the lists: plans are compared by the thousand). */
export function compareTerms(a: Terms, b: Terms): number {
  for (const term of TERM_ORDER) {
    const diff = difference(a[term], b[term]);
    if (diff) return diff;
  }
  return 0;
}

/** Working days a job ends after its due day (0 when on time or without a due date). */
export function lateDays(problem: Problem, job: number, end: number): number {
  const due = problem.jobs[job].due;
  return due === undefined || end <= due ? 0 : problem.calendar.businessDaysBetween(due, end);
}

/** Tentative (proposal) work weighs a quarter: committed deadlines come first. */
const TENTATIVE_WEIGHT = 0.25;

/** A job's share of the lateness term when it ends on `end`. */
function jobLateness(problem: Problem, j: number, end: number): number {
  const job = problem.jobs[j];
  const late = lateDays(problem, j, end);
  return late > 0 ? late * job.weight * (job.tentative ? TENTATIVE_WEIGHT : 1) : 0;
}

/** Days from the Monday of the plan start's week to the plan start. */
const weekShift = (problem: Problem) => weekday(problem.start) - 1;

/** The week (counted from the plan start's week) a day offset falls in, given the plan start's weekShift. */
const weekOf = (offset: number, shift: number) => Math.floor((offset + shift) / 7);

/**
 * Client switching, defined once: a person working for a client in a week is one touch; each client
 * beyond the first a person works for in a week is a switch. Touches are packed into numbers.
 */
function touchKey(person: number, week: number, client: number): number {
  return (person * 8192 + week) * 65536 + client;
}

/** The person-week a touch belongs to. */
const personWeek = (touch: number) => Math.floor(touch / 65536);

/** Whether a job starts on its anchor's day (a milestone: falls on it) with its anchor's people (in any slot order). */
export function keepsAnchor(problem: Problem, anchors: Anchors, schedule: Schedule, j: number): boolean {
  const day = problem.jobs[j].milestone ? schedule.end[j] : schedule.start[j];
  if (schedule.unplaced[j] || day !== anchors.start[j] || !anchors.whole[j]) return false;
  const crew = schedule.crew[j];
  const anchor = anchors.crew[j];
  return crew.length === anchor.length && crew.every((p) => anchor.includes(p));
}

export function emptyTerms(): Terms {
  return { unplaced: 0, lateness: 0, finish: 0, flow: 0, cost: 0, expertise: 0, switching: 0, moved: 0, addedLateness: 0 };
}

/** Touches of the plan being evaluated, sorted in place: one buffer, grown as needed (evaluate runs once per candidate plan). */
let touchBuffer = new Float64Array(1024);

/**
 * The terms of a plan; with a mask, only the jobs it marks count (the rest are not planned); with
 * anchors, also how far it moved from the baseline.
 */
export function evaluate(problem: Problem, schedule: Schedule, planned?: Uint8Array, anchors?: Anchors): Terms {
  const terms = emptyTerms();
  const { jobs, people } = problem;
  // Each project's latest end + 1 (0 until it has one), by project index, and how many projects count.
  const projectEnd = new Int32Array(jobs.length);
  const counted = new Uint8Array(jobs.length);
  let projects = 0;
  let makespan = 0;
  let touches = 0;
  const shift = weekShift(problem);
  for (const job of jobs) {
    const j = job.index;
    if (planned && !planned[j]) continue;
    const end = schedule.end[j];
    if (schedule.unplaced[j]) terms.unplaced++;
    terms.lateness += jobLateness(problem, j, end);
    if (anchors) {
      const late = lateDays(problem, j, end);
      const weight = job.weight * (job.tentative ? TENTATIVE_WEIGHT : 1);
      const anchored = anchors.start[j] >= 0;
      if (anchored && !keepsAnchor(problem, anchors, schedule, j)) terms.moved++;
      const before = anchored && !Number.isNaN(anchors.lateBefore[j]) ? anchors.lateBefore[j] : 0;
      if (late > before) terms.addedLateness += (late - before) * weight;
    }
    makespan = Math.max(makespan, end + 1);
    terms.flow += end + 1;
    const p = job.projectIndex;
    if (!counted[p]) {
      counted[p] = 1;
      projects++;
    }
    projectEnd[p] = Math.max(projectEnd[p], end + 1);
    const crew = schedule.crew[j];
    if (!crew.length) continue;
    const first = weekOf(schedule.start[j], shift);
    const last = weekOf(end, shift);
    if (touches + crew.length * (last - first + 1) > touchBuffer.length) {
      const grown = new Float64Array(2 * (touches + crew.length * (last - first + 1)));
      grown.set(touchBuffer.subarray(0, touches));
      touchBuffer = grown;
    }
    for (let s = 0; s < crew.length; s++) {
      const person = people[crew[s]];
      terms.cost += job.hours * person.costRate;
      terms.expertise += job.hours * ((person.skills.get(job.slots[s].skill) ?? 0) - job.slots[s].level);
      for (let w = first; w <= last; w++) touchBuffer[touches++] = touchKey(crew[s], w, job.clientIndex);
    }
  }
  terms.switching = switches(touchBuffer.subarray(0, touches));
  let finishSum = 0;
  for (let p = 0; p < jobs.length; p++) finishSum += projectEnd[p];
  terms.finish = makespan * projects + finishSum;
  return terms;
}

/** Extra clients per (person, week): distinct touches minus distinct person-weeks (sorts `touches` in place). */
function switches(touches: Float64Array): number {
  const sorted = touches.sort();
  let extra = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] !== sorted[i - 1] && personWeek(sorted[i]) === personWeek(sorted[i - 1])) extra++;
  }
  return extra;
}

/** How many times each value occurs, and the largest. */
class Tally {
  private readonly counts = new Map<number, number>();
  max = 0;

  add(value: number, n: 1 | -1): void {
    const count = (this.counts.get(value) ?? 0) + n;
    if (count) this.counts.set(value, count);
    else this.counts.delete(value);
    if (n > 0) this.max = Math.max(this.max, value);
    else if (!count && value === this.max) this.max = this.largest();
  }

  private largest(): number {
    let max = 0;
    for (const v of this.counts.keys()) if (v > max) max = v;
    return max;
  }

  /** The largest were one `value` replaced by `by`. */
  maxReplacing(value: number, by: number): number {
    if (by >= this.max) return by;
    if (value !== this.max || (this.counts.get(value) ?? 0) > 1) return this.max;
    let max = by;
    for (const v of this.counts.keys()) if (v > max && v !== value) max = v;
    return max;
  }
}

/**
 * A plan's terms kept current while single jobs change crew or days: what explanations and the
 * final polish ask ("the terms were Ana on this task instead"), at the cost of one job, not the plan.
 * Its terms equal evaluate()'s for the same plan.
 */
export class TermLedger {
  readonly terms: Terms;
  private readonly projectEnds = new Map<string, Tally>();
  private readonly planEnds = new Tally();
  private readonly touches = new Map<number, number>();
  private readonly clientsInWeek = new Map<number, number>();
  /** Each planned job's crew and days, as the ledger holds them. */
  private readonly crew: Int32Array[];
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly shift: number;
  /** Scratch for switchingChange: the touches that would change and by how much, then their person-weeks. */
  private readonly changed: number[] = [];
  private readonly changes: number[] = [];
  private readonly weeks: number[] = [];
  private readonly weekChanges: number[] = [];

  constructor(
    private readonly problem: Problem,
    schedule: Schedule,
    planned?: Uint8Array,
  ) {
    this.terms = emptyTerms();
    this.shift = weekShift(problem);
    this.crew = schedule.crew.slice();
    this.start = schedule.start.slice();
    this.end = schedule.end.slice();
    const counted = problem.jobs.filter((job) => !planned || planned[job.index]);
    for (const job of counted)
      if (!this.projectEnds.has(job.item.project.project)) this.projectEnds.set(job.item.project.project, new Tally());
    for (const job of counted) {
      if (schedule.unplaced[job.index]) this.terms.unplaced++;
      this.account(job.index, 1);
    }
  }

  /** Adds (1) or takes out (-1) one job's share of every term. */
  private account(j: number, sign: 1 | -1): void {
    const { problem, terms } = this;
    const job = problem.jobs[j];
    const end = this.end[j];
    terms.lateness += sign * jobLateness(problem, j, end);
    terms.flow += sign * (end + 1);
    const projectEnds = this.projectEnds.get(job.item.project.project) as Tally;
    terms.finish -= this.planEnds.max * this.projectEnds.size + projectEnds.max;
    projectEnds.add(end + 1, sign);
    this.planEnds.add(end + 1, sign);
    terms.finish += this.planEnds.max * this.projectEnds.size + projectEnds.max;
    const crew = this.crew[j];
    for (let s = 0; s < crew.length; s++) {
      const person = problem.people[crew[s]];
      terms.cost += sign * job.hours * person.costRate;
      terms.expertise += sign * job.hours * ((person.skills.get(job.slots[s].skill) ?? 0) - job.slots[s].level);
      const last = weekOf(end, this.shift);
      for (let w = weekOf(this.start[j], this.shift); w <= last; w++) this.touch(touchKey(crew[s], w, job.clientIndex), sign);
    }
  }

  private touch(key: number, sign: 1 | -1): void {
    const count = (this.touches.get(key) ?? 0) + sign;
    if (count) this.touches.set(key, count);
    else this.touches.delete(key);
    // A touch that appears or disappears changes the clients of its person-week.
    if (count !== 0 && !(sign > 0 && count === 1)) return;
    const week = personWeek(key);
    const before = this.clientsInWeek.get(week) ?? 0;
    const after = before + sign;
    if (after) this.clientsInWeek.set(week, after);
    else this.clientsInWeek.delete(week);
    this.terms.switching += Math.max(0, after - 1) - Math.max(0, before - 1);
  }

  /** Job j done by `crew` from `start` to `end` from now on. */
  move(j: number, crew: ArrayLike<number>, start: number, end: number): void {
    this.account(j, -1);
    this.crew[j] = Int32Array.from(crew);
    this.start[j] = start;
    this.end[j] = end;
    this.account(j, 1);
  }

  /** The terms were job j done by `crew` from `start` to `end`, everything else as it is (nothing is changed). */
  whatIf(j: number, crew: ArrayLike<number>, start: number, end: number): Terms {
    const { problem } = this;
    const job = problem.jobs[j];
    const was = this.end[j];
    const terms = { ...this.terms };
    terms.lateness += jobLateness(problem, j, end) - jobLateness(problem, j, was);
    terms.flow += end - was;
    const projectEnds = this.projectEnds.get(job.item.project.project) as Tally;
    const makespan = this.planEnds.maxReplacing(was + 1, end + 1);
    terms.finish += (makespan - this.planEnds.max) * this.projectEnds.size + projectEnds.maxReplacing(was + 1, end + 1) - projectEnds.max;
    const share = (people: ArrayLike<number>, sign: number) => {
      for (let s = 0; s < people.length; s++) {
        const person = problem.people[people[s]];
        terms.cost += sign * job.hours * person.costRate;
        terms.expertise += sign * job.hours * ((person.skills.get(job.slots[s].skill) ?? 0) - job.slots[s].level);
      }
    };
    share(this.crew[j], -1);
    share(crew, 1);
    terms.switching += this.switchingChange(j, crew, start, end);
    return terms;
  }

  /** Adds `sign` to each touch `person` makes working for `client` from `from` to `to`. */
  private noteTouches(person: number, client: number, from: number, to: number, sign: number): void {
    const { changed, changes } = this;
    const last = weekOf(to, this.shift);
    for (let w = weekOf(from, this.shift); w <= last; w++) {
      const touch = touchKey(person, w, client);
      const at = changed.indexOf(touch);
      if (at < 0) {
        changed.push(touch);
        changes.push(sign);
      } else changes[at] += sign;
    }
  }

  /**
   * How client switching would change were job j done by `crew` from `start` to `end`. A crew is a
   * few people over a few weeks, so the touches that change are kept in short lists, not maps.
   */
  private switchingChange(j: number, crew: ArrayLike<number>, start: number, end: number): number {
    const { changed, changes, weeks, weekChanges } = this;
    changed.length = changes.length = weeks.length = weekChanges.length = 0;
    const client = this.problem.jobs[j].clientIndex;
    for (const p of this.crew[j]) this.noteTouches(p, client, this.start[j], this.end[j], -1);
    for (let s = 0; s < crew.length; s++) this.noteTouches(crew[s], client, start, end, 1);
    for (let i = 0; i < changed.length; i++) {
      const before = this.touches.get(changed[i]) ?? 0;
      const appears = Number(before + changes[i] > 0) - Number(before > 0);
      if (!appears) continue;
      const week = personWeek(changed[i]);
      const at = weeks.indexOf(week);
      if (at < 0) {
        weeks.push(week);
        weekChanges.push(appears);
      } else weekChanges[at] += appears;
    }
    let delta = 0;
    for (let k = 0; k < weeks.length; k++) {
      const before = this.clientsInWeek.get(weeks[k]) ?? 0;
      delta += Math.max(0, before + weekChanges[k] - 1) - Math.max(0, before - 1);
    }
    return delta;
  }
}
