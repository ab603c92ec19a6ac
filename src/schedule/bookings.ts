// Free hours per person per day while a plan is being built, and where a crew can fit a task.
//
// A task runs from its first day to its last on consecutive working days of its crew. Each day the
// whole crew works the same hours: the least free hours among them, capped by Max Hours/Day. A day
// off for anyone in the crew pauses the task; a day someone is fully booked elsewhere cannot fall
// inside it (the task would start later instead).

import { Effort } from '../model/effort';
import type { Calendar } from './calendar';

/**
 * A day counts toward a task only if the crew works at least this much on it, or all the task has
 * left, or all the crew could work that day were they free (a part-timer's 0.8 h, a Max Hours/Day
 * of 0.5): a task does not crawl forward in scraps left over by other work.
 */
export const MIN_DAILY_HOURS = 1;
export const EPS = 1e-9;

export interface Window {
  start: number;
  end: number;
}

export interface Placement extends Window {
  /** Hours each crew member works, per day from start to end (0 on pause days). */
  daily: Float64Array;
}

/** The first clear bit at or after `from` (or `limit` if none). */
function nextClear(bits: Uint32Array, from: number, limit: number): number {
  for (let d = from; d < limit; ) {
    const w = d >> 5;
    const below = d & 31 ? 0xffffffff >>> (32 - (d & 31)) : 0;
    const word = (bits[w] | below) >>> 0;
    if (word !== 0xffffffff) {
      const open = ~word;
      const found = (w << 5) + 31 - Math.clz32(open & -open);
      return Math.min(found, limit);
    }
    d = (w + 1) << 5;
  }
  return limit;
}

/** The first set bit at or after `from` (or `limit` if none). */
function nextSet(bits: Uint32Array, from: number, limit: number): number {
  for (let d = from; d < limit; ) {
    const w = d >> 5;
    const word = (bits[w] & ~(d & 31 ? 0xffffffff >>> (32 - (d & 31)) : 0)) >>> 0;
    if (word !== 0) {
      const found = (w << 5) + 31 - Math.clz32(word & -word);
      return Math.min(found, limit);
    }
    d = (w + 1) << 5;
  }
  return limit;
}

function setBit(bits: Uint32Array, d: number, on: boolean): void {
  if (on) bits[d >> 5] |= 1 << (d & 31);
  else bits[d >> 5] &= ~(1 << (d & 31));
}

/** A copy of every booking, to return to (see Bookings.snapshot). */
export interface BookingsState {
  free: Float64Array[];
  closed: Uint32Array[];
  touched: Uint32Array[];
  firstFree: Int32Array;
}

export class Bookings {
  readonly free: Float64Array[];
  /** Per person, the first day with any free hour. */
  readonly firstFree: Int32Array;
  /** Per person, one bit per day: set when nothing is free (booked full, or not a working day). */
  private readonly closed: Uint32Array[];
  /** Per person, one bit per day: set when anything is booked. */
  private readonly touched: Uint32Array[];
  /** Per person, the closed bits of an empty plan (days not worked), and the first day worked. */
  private readonly offDays: Uint32Array[];
  private readonly firstWorked: Int32Array;
  /** Per person, working days before each day, and the list of working days. */
  private readonly workedBefore: Int32Array[];
  private readonly workingDays: Int32Array[];
  private readonly caps: Float64Array[] = [];
  /** Hours per day of the placement being booked, before it is copied out. */
  private readonly dailyScratch: Float64Array;
  private readonly frees: Float64Array[] = [];

  constructor(
    readonly calendar: Calendar,
    /** Day offset no task may reach: the end of the planning horizon. */
    readonly limit: number,
    /** Counts the days looked at; a formula's allowance stops the search. */
    readonly effort = new Effort(),
  ) {
    effort.spend(calendar.people.length * limit);
    calendar.ensure(limit);
    this.dailyScratch = new Float64Array(limit + 1);
    const words = (limit >> 5) + 1;
    this.free = calendar.people.map((_, p) => calendar.capacity(p).slice(0, limit));
    this.firstFree = new Int32Array(calendar.people.length);
    this.closed = calendar.people.map(() => new Uint32Array(words));
    this.touched = calendar.people.map(() => new Uint32Array(words));
    this.offDays = calendar.people.map(() => new Uint32Array(words));
    this.firstWorked = new Int32Array(calendar.people.length);
    this.workedBefore = [];
    this.workingDays = [];
    calendar.people.forEach((_, p) => {
      const cap = calendar.capacity(p);
      const before = new Int32Array(limit + 1);
      const days: number[] = [];
      for (let d = 0; d < limit; d++) {
        before[d + 1] = before[d] + (cap[d] > EPS ? 1 : 0);
        if (cap[d] > EPS) days.push(d);
        else setBit(this.offDays[p], d, true);
      }
      this.workedBefore.push(before);
      this.workingDays.push(Int32Array.from(days));
      this.firstWorked[p] = nextClear(this.offDays[p], 0, limit);
    });
    this.reset();
  }

  /** Changes whenever the bookings are replaced wholesale (reset, restore): incremental callers check it. */
  epoch = 0;

  /** Starts over from empty calendars. */
  reset(): void {
    this.epoch++;
    for (let p = 0; p < this.free.length; p++) {
      this.free[p].set(this.calendar.capacity(p).subarray(0, this.limit));
      this.touched[p].fill(0);
      this.closed[p].set(this.offDays[p]);
    }
    this.firstFree.set(this.firstWorked);
  }

  snapshot(): BookingsState {
    return {
      free: this.free.map((f) => f.slice()),
      closed: this.closed.map((b) => b.slice()),
      touched: this.touched.map((b) => b.slice()),
      firstFree: this.firstFree.slice(),
    };
  }

  restore(state: BookingsState): void {
    this.epoch++;
    for (let p = 0; p < this.free.length; p++) {
      this.free[p].set(state.free[p]);
      this.closed[p].set(state.closed[p]);
      this.touched[p].set(state.touched[p]);
    }
    this.firstFree.set(state.firstFree);
  }

  /**
   * The earliest a person could end `hours` starting no earlier than `from`, were they free:
   * a lower bound on any window of theirs (days off and weekends counted, bookings not).
   */
  soonestEnd(person: number, hours: number, maxPerDay: number, from: number): number {
    if (from >= this.limit) return this.limit;
    const perDay = Math.min(maxPerDay, this.calendar.people[person].daily);
    const days = Math.max(1, Math.ceil(hours / perDay - 1e-9));
    const nth = this.workedBefore[person][from] + days - 1;
    const list = this.workingDays[person];
    return nth < list.length ? list[nth] : this.limit;
  }

  /** The first day on or after `from` the person works and has any hour free. */
  nextOpen(person: number, from: number): number {
    return nextClear(this.closed[person], from, this.limit);
  }

  /** Whether nothing at all is booked for the person from day `from` to day `to`. */
  untouched(person: number, from: number, to: number): boolean {
    return nextSet(this.touched[person], from, this.limit) > to;
  }

  /**
   * The earliest start and end for `hours` per person with the whole crew, no earlier than
   * `earliest`; undefined if it cannot end before the horizon.
   */
  window(
    crew: ArrayLike<number>,
    hours: number,
    maxPerDay: number,
    earliest: number,
    notAfter = Number.POSITIVE_INFINITY,
  ): Window | undefined {
    const end = this.windowEnd(crew, hours, maxPerDay, earliest, notAfter);
    return end === Number.POSITIVE_INFINITY ? undefined : { start: this.lastStart, end };
  }

  /** Start of the window windowEnd last found. */
  private lastStart = 0;

  get lastWindowStart(): number {
    return this.lastStart;
  }

  /**
   * window() without allocating: its end (Infinity if none); its start is kept in lastStart. With
   * `notAfter`, gives up (Infinity) as soon as the window could not end by then: a caller comparing
   * candidates needs no more than that.
   */
  windowEnd(crew: ArrayLike<number>, hours: number, maxPerDay: number, earliest: number, notAfter = Number.POSITIVE_INFINITY): number {
    const n = crew.length;
    for (let k = 0; k < n; k++) {
      this.caps[k] = this.calendar.capacity(crew[k]);
      this.frees[k] = this.free[crew[k]];
    }
    const { caps, frees } = this;
    const limit = Math.min(this.limit, notAfter + 1);
    let start = earliest;
    let steps = n;
    search: while (start < limit) {
      // Move the start to a day every crew member works and has time on.
      for (let moved = true; moved && start < limit; ) {
        moved = false;
        for (let k = 0; k < n; k++) {
          const open = nextClear(this.closed[crew[k]], start, limit);
          if (open > start) {
            start = open;
            moved = true;
          }
        }
      }
      let remaining = hours;
      let day = start;
      while (remaining > EPS) {
        if (day >= limit) {
          this.effort.spend(steps);
          return Number.POSITIVE_INFINITY;
        }
        steps += n;
        let rate = maxPerDay;
        let full = maxPerDay;
        let working = true;
        for (let k = 0; k < n; k++) {
          if (caps[k][day] <= EPS) {
            working = false;
            break;
          }
          if (frees[k][day] < rate) rate = frees[k][day];
          if (caps[k][day] < full) full = caps[k][day];
        }
        if (working) {
          const worked = Math.min(rate, remaining);
          if (worked < Math.min(remaining, MIN_DAILY_HOURS, full) - EPS) {
            start = day + 1;
            continue search;
          }
          remaining -= worked;
        }
        day++;
      }
      this.effort.spend(steps);
      this.lastStart = start;
      return day - 1;
    }
    this.effort.spend(steps);
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Whether the crew has these hours free, day by day from `start`, and the task pauses only on days
   * someone in the crew does not work.
   */
  fits(crew: ArrayLike<number>, start: number, daily: Float64Array): boolean {
    if (start + daily.length > this.limit) return false;
    for (let i = 0; i < daily.length; i++) {
      let everyoneWorks = true;
      for (let k = 0; k < crew.length; k++) {
        if (this.free[crew[k]][start + i] < daily[i] - EPS) return false;
        if (this.calendar.capacity(crew[k])[start + i] <= EPS) everyoneWorks = false;
      }
      if (daily[i] <= EPS && everyoneWorks) return false;
    }
    return true;
  }

  /** Books the crew from `start` (as found by window) and returns the hours worked per day. */
  book(crew: ArrayLike<number>, hours: number, maxPerDay: number, start: number): Placement {
    const daily = this.dailyScratch;
    let days = 0;
    let remaining = hours;
    for (let day = start; remaining > EPS; day++) {
      let rate = maxPerDay;
      for (let k = 0; k < crew.length; k++) {
        const p = crew[k];
        rate = this.calendar.capacity(p)[day] <= EPS ? 0 : Math.min(rate, this.free[p][day]);
        if (rate === 0) break;
      }
      const worked = Math.min(rate, remaining);
      daily[days++] = worked;
      remaining -= worked;
    }
    const placement = { start, end: start + days - 1, daily: daily.slice(0, days) };
    this.apply(crew, placement, -1);
    return placement;
  }

  unbook(crew: ArrayLike<number>, placement: Placement): void {
    this.apply(crew, placement, 1);
  }

  rebook(crew: ArrayLike<number>, placement: Placement): void {
    this.apply(crew, placement, -1);
  }

  private apply(crew: ArrayLike<number>, placement: Placement, sign: number): void {
    const { start, daily } = placement;
    // Counted, not stopped: a booking half made or undone would leave the plan inconsistent.
    this.effort.count(crew.length * daily.length);
    for (let k = 0; k < crew.length; k++) {
      const p = crew[k];
      const free = this.free[p];
      const cap = this.calendar.capacity(p);
      const touched = this.touched[p];
      const closed = this.closed[p];
      for (let i = 0; i < daily.length; i++) {
        const d = start + i;
        free[d] += sign * daily[i];
        const left = free[d];
        const word = d >> 5;
        const bit = 1 << (d & 31);
        if (left < cap[d] - EPS) touched[word] |= bit;
        else touched[word] &= ~bit;
        if (left <= EPS) closed[word] |= bit;
        else closed[word] &= ~bit;
      }
      // Booking can only close days from the first free one on; freeing can open earlier ones.
      if (sign > 0 || this.firstFree[p] >= start) this.firstFree[p] = nextClear(closed, Math.min(this.firstFree[p], start), this.limit);
    }
  }
}
