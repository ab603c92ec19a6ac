// Free hours per person per day while a plan is being built, and where a crew can fit a task.
//
// A task runs from its first day to its last on consecutive working days of its crew. Each day the
// whole crew works the same hours: the least free hours among them, capped by Max Hours/Day. A day
// off for anyone in the crew pauses the task; a day someone is fully booked elsewhere cannot fall
// inside it (the task would start later instead).

import type { Calendar } from './calendar';

/** Below this a day's free hours do not count: a task does not crawl forward in scraps. */
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

export class Bookings {
  readonly free: Float64Array[];

  constructor(
    readonly calendar: Calendar,
    /** Day offset no task may reach: the end of the planning horizon. */
    readonly limit: number,
  ) {
    calendar.ensure(limit);
    this.free = calendar.people.map((_, p) => calendar.capacity(p).slice(0, limit));
  }

  /** Starts over from empty calendars. */
  reset(): void {
    for (let p = 0; p < this.free.length; p++) this.free[p].set(this.calendar.capacity(p).subarray(0, this.limit));
  }

  /** The crew's common hours on a day, or -1 when someone in it is off that day. */
  private rate(cap: Float64Array[], free: Float64Array[], day: number, maxPerDay: number): number {
    let rate = maxPerDay;
    for (let k = 0; k < cap.length; k++) {
      if (cap[k][day] <= EPS) return -1;
      if (free[k][day] < rate) rate = free[k][day];
    }
    return rate;
  }

  /**
   * The earliest start and end for `hours` per person with the whole crew, no earlier than
   * `earliest`; undefined if it cannot end before the horizon.
   */
  window(crew: ArrayLike<number>, hours: number, maxPerDay: number, earliest: number): Window | undefined {
    const cap = Array.from(crew, (p) => this.calendar.capacity(p));
    const free = Array.from(crew, (p) => this.free[p]);
    let start = earliest;
    search: while (start < this.limit) {
      let remaining = hours;
      let day = start;
      while (remaining > EPS) {
        if (day >= this.limit) return undefined;
        const rate = this.rate(cap, free, day, maxPerDay);
        if (rate < 0 && day === start) {
          start = day + 1;
          continue search;
        }
        if (rate >= 0) {
          const worked = Math.min(rate, remaining);
          if (worked < Math.min(MIN_DAILY_HOURS, remaining) - EPS) {
            start = day + 1;
            continue search;
          }
          remaining -= worked;
        }
        day++;
      }
      return { start, end: day - 1 };
    }
    return undefined;
  }

  /** Books the crew from `start` (as found by window) and returns the hours worked per day. */
  book(crew: ArrayLike<number>, hours: number, maxPerDay: number, start: number): Placement {
    const cap = Array.from(crew, (p) => this.calendar.capacity(p));
    const free = Array.from(crew, (p) => this.free[p]);
    const daily: number[] = [];
    let remaining = hours;
    let day = start;
    while (remaining > EPS) {
      const rate = this.rate(cap, free, day, maxPerDay);
      const worked = rate < 0 ? 0 : Math.min(rate, remaining);
      daily.push(worked);
      remaining -= worked;
      day++;
    }
    const placement = { start, end: day - 1, daily: Float64Array.from(daily) };
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
    for (let k = 0; k < crew.length; k++) {
      const free = this.free[crew[k]];
      for (let i = 0; i < placement.daily.length; i++) free[placement.start + i] += sign * placement.daily[i];
    }
  }
}
