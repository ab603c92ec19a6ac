// The published plan as the planner sees it: for each job still to do, the people and the start day
// it had in the baseline (its anchor). A job keeps its anchor when it starts that day with those people.

import type { BaselineRow } from '../model/baseline';
import { HORIZON_DAYS } from '../model/limits';
import { nameKey } from '../model/work';
import { lateDays } from './objective';
import { type Job, matchSlots, type Problem } from './problem';

export interface Anchors {
  /**
   * Per job, the day offset it starts on in the baseline, or -1 without one. Work the baseline started
   * before the plan start counts from the crew's first working day on or after it: it goes on.
   */
  start: Int32Array;
  /** Per job, the day offset it ends on in the baseline, or -1 when not given. */
  end: Int32Array;
  /** Per job and slot, the baseline's person (-1 where the baseline names nobody who can fill it now). */
  crew: Int32Array[];
  /**
   * Per job kept in its whole baseline window, its hours per day from start (see windows.ts): set
   * when the re-plan starts, and booked as they are while they still fit.
   */
  daily: (Float64Array | undefined)[];
  /** Per job, 1 when the anchor can be kept as it is: a milestone, or a baseline crew that fills every slot. */
  whole: Uint8Array;
  /**
   * Per job, the working days late the baseline already was (against today's due dates), or NaN when
   * its end is unknown: only lateness beyond it is lateness a change caused.
   */
  lateBefore: Float64Array;
  /** Day offset the freeze window ends on (exclusive): anchored work starting before it stays put. */
  freezeEnd: number;
  /** Jobs with an anchor. */
  count: number;
}

export const NO_ANCHOR = -1;

/** "Project/Task" with names compared as Crewsheet compares them. */
export function taskKey(project: string, task: string): string {
  return `${nameKey(project)}\n${nameKey(task)}`;
}

/** The first day on or after `from` every member of the crew works. */
function firstCommonDay(problem: Problem, crew: readonly number[], from: number): number {
  const { calendar } = problem;
  for (let d = from; d < problem.limit; d++) {
    calendar.ensure(d + 1);
    if (crew.every((p) => calendar.capacity(p)[d] > 0)) return d;
  }
  return from;
}

/** Day offset of the end of the freeze window: `days` working days from the plan start. */
export function freezeEnd(problem: Problem, days: number): number {
  let d = 0;
  for (let counted = 0; counted < days && d < HORIZON_DAYS; d++) if (problem.calendar.business(d)) counted++;
  return d;
}

/** The baseline's people in the job's slots, and whether they are exactly its crew (no one missing or extra). */
function anchorCrew(problem: Problem, job: Job, names: readonly string[]): { crew: Int32Array; whole: boolean } {
  const index = new Map(problem.people.map((p) => [nameKey(p.name), p.index]));
  const people = names.map((n) => index.get(nameKey(n)) ?? -1);
  const named = new Set(people.filter((p) => p >= 0));
  // The names in their slots as listed, when they fit that way; else any way they fit.
  const listed = job.slots.every((slot, s) => (job.pinned[s] < 0 || job.pinned[s] === people[s]) && slot.candidates.includes(people[s]));
  const crew = listed ? Int32Array.from(job.slots, (_, s) => people[s]) : matchSlots(job.slots, job.pinned, named);
  const whole = named.size === names.length && crew.every((p) => named.has(p)) && named.size === crew.length;
  return { crew, whole };
}

/**
 * Each job's anchor from the baseline rows (matched by project and task name; rows for tasks no longer
 * open are ignored here, and show in the changes). Freeze Days counts working days from the plan start.
 */
export function anchorsFor(problem: Problem, rows: readonly BaselineRow[], freezeDays: number): Anchors {
  const n = problem.jobs.length;
  const anchors: Anchors = {
    start: new Int32Array(n).fill(NO_ANCHOR),
    end: new Int32Array(n).fill(NO_ANCHOR),
    daily: new Array(n).fill(undefined),
    crew: problem.jobs.map((j) => new Int32Array(j.slots.length).fill(-1)),
    whole: new Uint8Array(n),
    lateBefore: new Float64Array(n).fill(Number.NaN),
    freezeEnd: freezeEnd(problem, freezeDays),
    count: 0,
  };
  const byKey = new Map<string, BaselineRow>();
  for (const row of rows) {
    const key = taskKey(row.project ?? '', row.task ?? '');
    if (!byKey.has(key)) byKey.set(key, row);
  }
  for (const job of problem.jobs) {
    const row = byKey.get(taskKey(job.item.project.project, job.item.name));
    if (!row || row.start === undefined || job.unstaffable) continue;
    const j = job.index;
    const { crew, whole } = anchorCrew(problem, job, row.assignee ?? []);
    anchors.crew[j] = crew;
    anchors.whole[j] = whole ? 1 : 0;
    const offset = row.start - problem.start;
    anchors.start[j] =
      offset >= 0
        ? offset
        : job.milestone
          ? problem.calendar.nextBusinessDay(0)
          : firstCommonDay(
              problem,
              Array.from(crew).filter((p) => p >= 0),
              0,
            );
    if (row.end !== undefined && row.end - problem.start >= anchors.start[j]) {
      anchors.end[j] = row.end - problem.start;
      anchors.lateBefore[j] = lateDays(problem, j, anchors.end[j]);
    }
    anchors.count++;
  }
  return anchors;
}
