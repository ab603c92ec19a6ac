// The objective, as named terms in the order they matter. The search compares plans by these terms
// and the Why column is written from them, so the reasons given are the reasons used.

import { weekStart } from '../model/dates';
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

/** Negative when a is better on the first value that differs. */
export function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = a[i] - b[i];
    if (Math.abs(diff) > TOLERANCE * Math.max(1, Math.abs(a[i]), Math.abs(b[i]))) return diff;
  }
  return 0;
}

/** Negative when a is better: lexicographic over TERM_ORDER. */
export function compareTerms(a: Terms, b: Terms): number {
  return lexicographic(
    TERM_ORDER.map((k) => a[k]),
    TERM_ORDER.map((k) => b[k]),
  );
}

/** Working days a job ends after its due day (0 when on time or without a due date). */
export function lateDays(problem: Problem, job: number, end: number): number {
  const due = problem.jobs[job].due;
  return due === undefined || end <= due ? 0 : problem.calendar.businessDaysBetween(due, end);
}

/** Tentative (proposal) work weighs a quarter: committed deadlines come first. */
const TENTATIVE_WEIGHT = 0.25;

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

/**
 * The terms of a plan; with a mask, only the jobs it marks count (the rest are not planned); with
 * anchors, also how far it moved from the baseline.
 */
export function evaluate(problem: Problem, schedule: Schedule, planned?: Uint8Array, anchors?: Anchors): Terms {
  const terms = emptyTerms();
  const projectEnd = new Map<string, number>();
  let makespan = 0;
  // (person, week, client) triples, packed into numbers: counting distinct ones gives switching.
  const touches: number[] = [];
  const firstWeek = weekStart(problem.start);
  for (const job of problem.jobs) {
    const j = job.index;
    if (planned && !planned[j]) continue;
    const end = schedule.end[j];
    if (schedule.unplaced[j]) terms.unplaced++;
    const late = lateDays(problem, j, end);
    const weight = job.weight * (job.tentative ? TENTATIVE_WEIGHT : 1);
    if (late > 0) terms.lateness += late * weight;
    if (anchors) {
      const anchored = anchors.start[j] >= 0;
      if (anchored && !keepsAnchor(problem, anchors, schedule, j)) terms.moved++;
      const before = anchored && !Number.isNaN(anchors.lateBefore[j]) ? anchors.lateBefore[j] : 0;
      if (late > before) terms.addedLateness += (late - before) * weight;
    }
    makespan = Math.max(makespan, end + 1);
    terms.flow += end + 1;
    const project = job.item.project.project;
    projectEnd.set(project, Math.max(projectEnd.get(project) ?? 0, end + 1));
    const crew = schedule.crew[j];
    for (let s = 0; s < crew.length; s++) {
      const person = problem.people[crew[s]];
      terms.cost += job.hours * person.costRate;
      terms.expertise += job.hours * ((person.skills.get(job.slots[s].skill) ?? 0) - job.slots[s].level);
      for (let w = weekStart(problem.start + schedule.start[j]); w <= problem.start + end; w += 7) {
        touches.push((crew[s] * 8192 + (w - firstWeek) / 7) * 65536 + job.clientIndex);
      }
    }
  }
  terms.switching = switches(touches);
  let finishSum = 0;
  for (const end of projectEnd.values()) finishSum += end;
  terms.finish = makespan * projectEnd.size + finishSum;
  return terms;
}

/** Extra clients per (person, week): distinct triples minus distinct (person, week) pairs. */
function switches(touches: number[]): number {
  const sorted = Float64Array.from(touches).sort();
  let extra = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] !== sorted[i - 1] && Math.floor(sorted[i] / 65536) === Math.floor(sorted[i - 1] / 65536)) extra++;
  }
  return extra;
}
