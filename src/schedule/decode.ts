// Turns a job order into a plan (a serial schedule-generation scheme): each job in turn, as soon as
// its dependencies allow, with the crew that finishes it first. Pins and preferences fix people.

import { Bookings, type Window } from './bookings';
import type { Calendar } from './calendar';
import type { Job, Problem } from './problem';

export interface Schedule {
  /** The order the jobs were placed in. */
  order: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** The person in each slot; empty for milestones and jobs that could not be placed. */
  crew: Int32Array[];
  /** Hours per crew member per day from start to end. */
  daily: (Float64Array | undefined)[];
  /** Why a job has no crew, when it has none. */
  unplaced: (string | undefined)[];
}

/** Preferred person per job and slot (-1: let the decoder choose). */
export type Preferences = Int32Array[];

const EMPTY = new Int32Array(0);

/** The day a job can start once everything it waits for is done (a milestone frees its day). */
export function readyDay(
  problem: Problem,
  waitsFor: readonly number[],
  earliest: number,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
): number {
  let ready = earliest;
  for (const p of waitsFor) {
    const after = problem.jobs[p].milestone ? start[p] : end[p] + 1;
    if (after > ready) ready = after;
  }
  return ready;
}

export class Decoder {
  readonly bookings: Bookings;

  constructor(
    readonly problem: Problem,
    readonly calendar: Calendar,
    /** Jobs each job waits for. */
    readonly links: readonly (readonly number[])[],
    readonly earliest: ArrayLike<number>,
  ) {
    this.bookings = new Bookings(calendar, problem.limit);
  }

  /** Lower is better among people who would finish on the same day. */
  private tieScore(person: number, job: Job, slot: number): number {
    const p = this.problem.people[person];
    const overqualified = (p.skills.get(job.slots[slot].skill) ?? 0) - job.slots[slot].level;
    return p.demand * 1e6 + p.costRate * 1e2 + overqualified;
  }

  /** Chooses a person for each open slot, scarcest slot first, by earliest finish with the crew so far. */
  private chooseCrew(job: Job, ready: number, prefer: Int32Array | undefined): { crew: number[]; window: Window } | undefined {
    const crew = job.pinned.slice();
    if (prefer) {
      for (let s = 0; s < crew.length; s++) if (crew[s] < 0 && prefer[s] >= 0 && !crew.includes(prefer[s])) crew[s] = prefer[s];
    }
    const open = crew.map((p, s) => (p < 0 ? s : -1)).filter((s) => s >= 0);
    open.sort((a, b) => job.slots[a].candidates.length - job.slots[b].candidates.length);
    for (const s of open) {
      const chosen = crew.filter((p) => p >= 0);
      let best = -1;
      let bestEnd = Number.POSITIVE_INFINITY;
      let bestTie = Number.POSITIVE_INFINITY;
      for (const c of job.slots[s].candidates) {
        if (crew.includes(c)) continue;
        chosen.push(c);
        const w = this.bookings.window(chosen, job.hours, job.maxPerDay, ready);
        chosen.pop();
        if (!w || w.end > bestEnd) continue;
        const tie = this.tieScore(c, job, s);
        if (w.end < bestEnd || tie < bestTie) {
          best = c;
          bestEnd = w.end;
          bestTie = tie;
        }
      }
      if (best < 0) return undefined;
      crew[s] = best;
    }
    const window = this.bookings.window(crew, job.hours, job.maxPerDay, ready);
    return window ? { crew, window } : undefined;
  }

  decode(order: Int32Array, prefer?: Preferences): Schedule {
    const n = this.problem.jobs.length;
    const schedule: Schedule = {
      order,
      start: new Int32Array(n),
      end: new Int32Array(n),
      crew: new Array(n).fill(EMPTY),
      daily: new Array(n).fill(undefined),
      unplaced: new Array(n).fill(undefined),
    };
    this.bookings.reset();
    const { start, end } = schedule;
    for (const j of order) {
      const job = this.problem.jobs[j];
      const ready = readyDay(this.problem, this.links[j], this.earliest[j], start, end);
      if (job.unstaffable) {
        schedule.unplaced[j] = job.unstaffable;
        start[j] = ready;
        end[j] = ready + Math.max(0, Math.ceil(job.hours / 8) - 1);
        continue;
      }
      if (job.milestone) {
        start[j] = end[j] = this.calendar.nextBusinessDay(ready);
        continue;
      }
      const choice = this.chooseCrew(job, ready, prefer?.[j]);
      if (!choice) {
        schedule.unplaced[j] = 'no qualified person has the time before the end of the planning horizon';
        start[j] = ready;
        end[j] = ready;
        continue;
      }
      const placement = this.bookings.book(choice.crew, job.hours, job.maxPerDay, choice.window.start);
      start[j] = placement.start;
      end[j] = placement.end;
      schedule.crew[j] = Int32Array.from(choice.crew);
      schedule.daily[j] = placement.daily;
    }
    return schedule;
  }
}
