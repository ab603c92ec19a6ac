// Turns a job order into a plan (a serial schedule-generation scheme): each job in turn, as soon as
// its dependencies allow, with the crew that finishes it first. Pins and preferences fix people.

import { shortDateNear } from '../model/dates';
import type { Anchors } from './baseline';
import { Bookings, type BookingsState, type Placement, type Window } from './bookings';
import type { Calendar } from './calendar';
import { CrewMatcher } from './crew';
import type { Job, Problem, Slot } from './problem';

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

/** A decode stopped after the first jobs of an order, to continue from many times over. */
export interface Prefix {
  count: number;
  schedule: Schedule;
  state: BookingsState;
}

const EMPTY = new Int32Array(0);

/** A plan's placements copied, to change without changing it, with another order. */
export function copied(schedule: Schedule, order: Int32Array): Schedule {
  const { start, end, crew, daily, unplaced } = schedule;
  return { order, start: start.slice(), end: end.slice(), crew: crew.slice(), daily: daily.slice(), unplaced: unplaced.slice() };
}

/**
 * Candidates looked at past the best one found so far. Further down the ranking only someone who
 * works longer days could finish sooner; in a firm of hundreds this cap is what keeps a plan fast.
 */
const MAX_SCAN = 16;

/** The day a job can start once everything it waits for is done (after a milestone: its start, the day its own predecessors allow). */
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
  /** A decoder that plans forwards in time, jobs after the jobs they wait for. */
  static forward(problem: Problem): Decoder {
    return new Decoder(
      problem,
      problem.calendar,
      problem.jobs.map((j) => j.preds),
      problem.jobs.map((j) => j.earliest),
    );
  }

  readonly bookings: Bookings;
  /** Scratch space: the crew chosen so far, for bestCandidate. */
  private readonly chosen: number[] = [];
  /** Scratch space: busy candidates set aside while choosing, with their soonest conceivable ends. */
  private readonly busy = new Int32Array(MAX_SCAN);
  private readonly busyLow = new Float64Array(MAX_SCAN);
  private readonly matcher: CrewMatcher;
  /** Per job and slot, the candidates from best to worst tie score. */
  private readonly ranked: Int32Array[][];
  /** The published plan: a job whose anchor still fits is placed exactly there, unless its preferred people differ. */
  anchors?: Anchors;

  constructor(
    readonly problem: Problem,
    readonly calendar: Calendar,
    /** Jobs each job waits for. */
    readonly links: readonly (readonly number[])[],
    readonly earliest: ArrayLike<number>,
  ) {
    this.bookings = new Bookings(calendar, problem.limit, problem.effort);
    this.matcher = new CrewMatcher(
      this.bookings,
      Float64Array.from(problem.people, (p) => p.demand * 1e6 + p.costRate * 1e2),
    );
    // The tie score depends on the person and the skill and level asked, so slots asking the same
    // share a ranking.
    const shared = new Map<number[], Int32Array>();
    this.ranked = problem.jobs.map((job) =>
      job.slots.map((slot) => {
        let ranking = shared.get(slot.candidates);
        if (!ranking) {
          const tie = new Map(slot.candidates.map((c) => [c, this.tieScore(c, slot)]));
          ranking = Int32Array.from(slot.candidates).sort((a, b) => (tie.get(a) as number) - (tie.get(b) as number) || a - b);
          shared.set(slot.candidates, ranking);
        }
        return ranking;
      }),
    );
  }

  /** Lower is better among people who would finish on the same day. */
  private tieScore(person: number, slot: Slot): number {
    const p = this.problem.people[person];
    const overqualified = (p.skills.get(slot.skill) ?? 0) - slot.level;
    return p.demand * 1e6 + p.costRate * 1e2 + overqualified;
  }

  /**
   * The person who would finish a slot first alongside `chosen` (ties to the better tie score), or
   * undefined if nobody can. People with nothing booked around the start are tried first: their
   * window is quick to find. Busy people are tried after, soonest conceivable finish first, and only
   * while they could still finish sooner.
   */
  private bestCandidate(
    job: Job,
    slot: number,
    chosen: number[],
    ready: number,
  ): { person: number; start: number; end: number } | undefined {
    const { bookings } = this;
    let base = ready;
    for (let k = 0; k < chosen.length; k++) base = Math.max(base, bookings.firstFree[chosen[k]]);
    let best = -1;
    let bestStart = 0;
    let bestEnd = Number.POSITIVE_INFINITY;
    const { busy, busyLow } = this;
    let busyCount = 0;
    let sinceBest = 0;
    let scanned = 0;
    const ranked = this.ranked[job.index][slot];
    for (let i = 0; i < ranked.length; i++) {
      const c = ranked[i];
      if (best >= 0 ? ++sinceBest > MAX_SCAN : ++scanned > 2 * MAX_SCAN && busyCount > 0) break;
      if (chosen.includes(c)) continue;
      const low = bookings.soonestEnd(c, job.hours, job.maxPerDay, Math.max(base, bookings.firstFree[c]));
      if (low >= bestEnd) continue;
      if (!bookings.untouched(c, ready, low)) {
        if (busyCount < MAX_SCAN) {
          busy[busyCount] = c;
          busyLow[busyCount++] = low;
        }
        continue;
      }
      chosen.push(c);
      const end = bookings.windowEnd(chosen, job.hours, job.maxPerDay, ready, bestEnd - 1);
      chosen.pop();
      if (end < bestEnd) {
        best = c;
        bestStart = bookings.lastWindowStart;
        bestEnd = end;
        sinceBest = 0;
      }
    }
    for (let i = 0; i < busyCount; i++) {
      if (busyLow[i] >= bestEnd) continue;
      chosen.push(busy[i]);
      const end = bookings.windowEnd(chosen, job.hours, job.maxPerDay, ready, bestEnd - 1);
      chosen.pop();
      if (end < bestEnd) {
        best = busy[i];
        bestStart = bookings.lastWindowStart;
        bestEnd = end;
      }
    }
    return best < 0 ? undefined : { person: best, start: bestStart, end: bestEnd };
  }

  /** Chooses a person for each open slot, scarcest slot first, by earliest finish with the crew so far. */
  private chooseCrew(job: Job, ready: number, prefer: Int32Array | undefined): { crew: number[]; window: Window } | undefined {
    const crew = job.pinned.slice();
    const open: number[] = [];
    for (let s = 0; s < crew.length; s++) {
      if (crew[s] < 0 && prefer && prefer[s] >= 0 && !crew.includes(prefer[s])) crew[s] = prefer[s];
      if (crew[s] < 0) open.push(s);
    }
    if (open.length > 1) {
      const matched = this.matcher.choose(job, ready, crew);
      if (matched) return matched;
      open.sort((a, b) => job.slots[a].candidates.length - job.slots[b].candidates.length);
    }
    // The window of the last person picked, when the crew is complete with them: no need to find it again.
    let window: Window | undefined;
    const chosen = this.chosen;
    for (const s of open) {
      chosen.length = 0;
      for (const p of crew) if (p >= 0) chosen.push(p);
      const found = this.bestCandidate(job, s, chosen, ready);
      window = found && crew[s] < 0 ? found : undefined;
      if (found) crew[s] = found.person;
      // Earlier slots took everyone this one could use: reshuffle into any crew that fits.
      else if (!this.completeCrew(job, crew)) return undefined;
    }
    window ??= this.bookings.window(crew, job.hours, job.maxPerDay, ready);
    return window ? { crew, window } : undefined;
  }

  /**
   * Fills every empty slot by augmenting paths (moving already chosen people between slots they
   * qualify for), keeping pins; false if no crew of distinct qualified people exists.
   */
  private completeCrew(job: Job, crew: number[]): boolean {
    const assign = (s: number, seen: Set<number>): boolean => {
      for (const c of job.slots[s].candidates) {
        if (seen.has(c)) continue;
        seen.add(c);
        const other = crew.indexOf(c);
        if (other >= 0 && job.pinned[other] >= 0) continue;
        if (other < 0 || assign(other, seen)) {
          crew[s] = c;
          return true;
        }
      }
      return false;
    };
    return crew.every((p, s) => p >= 0 || assign(s, new Set()));
  }

  /** Places the jobs in order; with a prefix, continues after the prefix's jobs instead of starting over. */
  decode(order: Int32Array, prefer?: Preferences, prefix?: Prefix): Schedule {
    const n = this.problem.jobs.length;
    const schedule: Schedule = prefix
      ? copied(prefix.schedule, order)
      : {
          order,
          start: new Int32Array(n),
          end: new Int32Array(n),
          crew: new Array(n).fill(EMPTY),
          daily: new Array(n).fill(undefined),
          unplaced: new Array(n).fill(undefined),
        };
    if (prefix) this.bookings.restore(prefix.state);
    else this.bookings.reset();
    for (let k = prefix?.count ?? 0; k < order.length; k++) this.place(order[k], schedule, prefer);
    return schedule;
  }

  /**
   * Places the jobs of `order` from position `from` on, keeping the first `from` as `placed` has
   * them: the bookings must hold exactly those placements (see unplace). A move that changes an
   * order from its middle costs only the jobs after the change.
   */
  decodeFrom(order: Int32Array, prefer: Preferences | undefined, from: number, placed: Schedule): Schedule {
    const schedule = copied(placed, order);
    for (let k = from; k < order.length; k++) this.place(order[k], schedule, prefer);
    return schedule;
  }

  /** Takes the placements of a decoded order's jobs from position `from` on out of the bookings. */
  unplace(placed: Schedule, from: number): void {
    for (let k = placed.order.length - 1; k >= from; k--) {
      const j = placed.order[k];
      const daily = placed.daily[j];
      if (daily) this.bookings.unbook(placed.crew[j], { start: placed.start[j], end: placed.end[j], daily });
    }
  }

  /** A prefix from placements already made (by an earlier search): books them as they are. */
  prefixFrom(order: Int32Array, count: number, placed: Schedule): Prefix {
    this.bookings.reset();
    for (let k = 0; k < count; k++) {
      const j = order[k];
      const daily = placed.daily[j];
      if (daily) this.bookings.rebook(placed.crew[j], { start: placed.start[j], end: placed.end[j], daily });
    }
    return { count, schedule: { ...placed, order }, state: this.bookings.snapshot() };
  }

  /** Work after a task that cannot be done waits for it: it is not planned as if that task were done. */
  private blockedBy(j: number, schedule: Schedule): string | undefined {
    if (this.calendar.direction < 0) return undefined;
    for (const p of this.links[j]) {
      if (schedule.unplaced[p] !== undefined) return `waits for ${this.problem.jobs[p].item.key}, which cannot be staffed`;
    }
    return undefined;
  }

  private noTimeReason(job: Job): string {
    const leaving = job.pinned.map((p) => this.problem.people[p]).find((p) => p?.endDate !== undefined);
    if (leaving)
      return `pinned ${leaving.name} leaves ${shortDateNear(leaving.endDate as number, this.problem.start)}, before the task can be done`;
    return 'no qualified person has the time before the end of the planning horizon';
  }

  /**
   * Places a job on its anchor (the baseline's day and people, or `crew` stepping in for them) if it
   * still fits there: everything it waits for done by then, and its people free to start that very
   * day; in its whole published window when it was kept in it and that still fits. False to place it
   * afresh. A milestone is placed where what it waits for puts it.
   */
  keepAnchor(
    j: number,
    ready: number,
    schedule: Schedule,
    prefer: Int32Array | undefined,
    crew = (this.anchors as Anchors).crew[j],
  ): boolean {
    const anchors = this.anchors as Anchors;
    const day = anchors.start[j];
    const job = this.problem.jobs[j];
    // A milestone falls when what it waits for is done, wherever its anchor was.
    if (job.milestone) {
      this.placeMilestone(j, ready, schedule);
      return true;
    }
    if (day < ready || !anchors.whole[j]) return false;
    if (prefer?.some((p, s) => p >= 0 && p !== crew[s])) return false;
    if (crew.some((p) => this.bookings.nextOpen(p, day) !== day)) return false;
    const daily = anchors.daily[j];
    let placement: Placement;
    if (daily && this.bookings.fits(crew, day, daily)) {
      placement = { start: day, end: day + daily.length - 1, daily };
      this.bookings.rebook(crew, placement);
    } else {
      if (this.bookings.window(crew, job.hours, job.maxPerDay, day)?.start !== day) return false;
      placement = this.bookings.book(crew, job.hours, job.maxPerDay, day);
    }
    schedule.start[j] = placement.start;
    schedule.end[j] = placement.end;
    schedule.crew[j] = crew.slice();
    schedule.daily[j] = placement.daily;
    return true;
  }

  /**
   * Places a job on its anchor's first day with whoever can start it then (the preferred people where
   * given), when its published people cannot (a day off, someone leaving): someone else steps in and
   * what waits for it keeps its days. False if nobody can start it that day.
   */
  keepDays(j: number, ready: number, schedule: Schedule, prefer: Int32Array | undefined): boolean {
    const anchors = this.anchors as Anchors;
    const day = anchors.start[j];
    const job = this.problem.jobs[j];
    if (job.milestone || day < ready || !anchors.whole[j]) return false;
    const choice = this.chooseCrew(job, day, prefer);
    if (choice?.window.start !== day) return false;
    const placement = this.bookings.book(choice.crew, job.hours, job.maxPerDay, day);
    schedule.start[j] = placement.start;
    schedule.end[j] = placement.end;
    schedule.crew[j] = Int32Array.from(choice.crew);
    schedule.daily[j] = placement.daily;
    return true;
  }

  /**
   * Work after a milestone may start when the milestone's own predecessors allow (start); the
   * milestone itself falls on the day its last predecessor ends, or on its own first day (end).
   */
  placeMilestone(j: number, ready: number, schedule: Pick<Schedule, 'start' | 'end'>): void {
    schedule.start[j] = ready;
    let last = Number.NEGATIVE_INFINITY;
    for (const p of this.links[j]) last = Math.max(last, schedule.end[p]);
    schedule.end[j] = last >= this.earliest[j] ? last : this.calendar.nextBusinessDay(ready);
  }

  private place(j: number, schedule: Schedule, prefer?: Preferences): void {
    // Steps (see Effort) a placement counts besides the days it looks at: ordering, checks, terms.
    this.bookings.effort.spend(20);
    const { start, end } = schedule;
    const job = this.problem.jobs[j];
    const ready = readyDay(this.problem, this.links[j], this.earliest[j], start, end);
    schedule.crew[j] = EMPTY;
    schedule.daily[j] = undefined;
    schedule.unplaced[j] = undefined;
    const reason = job.unstaffable ?? this.blockedBy(j, schedule);
    if (reason) {
      schedule.unplaced[j] = reason;
      start[j] = end[j] = ready;
      return;
    }
    if (this.anchors && (this.keepAnchor(j, ready, schedule, prefer?.[j]) || this.keepDays(j, ready, schedule, prefer?.[j]))) return;
    if (job.milestone) {
      this.placeMilestone(j, ready, schedule);
      return;
    }
    const choice = this.chooseCrew(job, ready, prefer?.[j]);
    if (!choice) {
      schedule.unplaced[j] = this.noTimeReason(job);
      start[j] = ready;
      end[j] = ready;
      return;
    }
    const placement = this.bookings.book(choice.crew, job.hours, job.maxPerDay, choice.window.start);
    start[j] = placement.start;
    end[j] = placement.end;
    schedule.crew[j] = Int32Array.from(choice.crew);
    schedule.daily[j] = placement.daily;
  }
}
