// Books published tasks back into their published windows. A sheet shows each task's first and last
// day, not the hours it got each day; where tasks share a person's day, those hours came from the
// order the planner booked them in, which the sheet does not show. Booking each task the way the
// planner does (from its first day, as fast as its people's free hours allow), in start order, and
// moving a task ahead of the others whenever it gets too little (or behind them when it takes too
// much), recovers an order that gives every task its own first and last day again.

import { type Bookings, EPS, type Placement } from './bookings';
import type { Problem } from './problem';

export interface TaskWindow {
  job: number;
  crew: Int32Array;
  start: number;
  end: number;
}

/** Times a task may be moved in the order before it is set aside. */
const MAX_MOVES = 8;
/** Bookings all attempts together may make, per window: big plans must not try for ever. */
const WORK_PER_WINDOW = 30;

/** Whether the task's hours fit its window on its crew's working hours alone (no change made it longer). */
function fitsOwnDays(problem: Problem, w: TaskWindow): boolean {
  const job = problem.jobs[w.job];
  let hours = 0;
  for (let d = w.start; d <= w.end; d++) {
    let day = job.maxPerDay;
    for (const p of w.crew) day = Math.min(day, problem.calendar.capacity(p)[d]);
    hours += day;
  }
  return hours >= job.hours - EPS;
}

/** Whether the crew could do the task in its window on their working hours alone, starting on its first day. */
export function crewHoldsWindow(problem: Problem, w: TaskWindow): boolean {
  return Array.from(w.crew).every((p) => problem.calendar.capacity(p)[w.start] > 0) && fitsOwnDays(problem, w);
}

/** Whether two windows share a person and a day. */
export function overlap(a: TaskWindow, b: TaskWindow): boolean {
  return a.start <= b.end && b.start <= a.end && a.crew.some((p) => b.crew.includes(p));
}

/**
 * Books the windows in order; where one does not come out as published, its position and which way
 * it went wrong. Windows set aside are booked as they come out, or not at all if they cannot start.
 */
function bookInOrder(
  problem: Problem,
  bookings: Bookings,
  order: readonly TaskWindow[],
  aside: ReadonlySet<number>,
  placed: Map<number, Placement>,
): { at: number; tooMuch: boolean } | undefined {
  for (let at = 0; at < order.length; at++) {
    const w = order[at];
    const job = problem.jobs[w.job];
    const open = Array.from(w.crew).every((p) => bookings.nextOpen(p, w.start) === w.start);
    if (!open || bookings.window(w.crew, job.hours, job.maxPerDay, w.start)?.start !== w.start) {
      if (aside.has(w.job)) continue;
      return { at, tooMuch: false };
    }
    const placement = bookings.book(w.crew, job.hours, job.maxPerDay, w.start);
    placed.set(w.job, placement);
    if (aside.has(w.job) || placement.end === w.end) continue;
    if (placement.end < w.end) return { at, tooMuch: true };
    // Ending later is only the others' doing if the task's own days could still hold its hours.
    if (fitsOwnDays(problem, w)) return { at, tooMuch: false };
  }
  return undefined;
}

/**
 * Out of tries: the windows booked once more in the order reached, each kept where it comes out as
 * published and left out where it does not, so one window that cannot be put right costs only
 * itself, not every window after it.
 */
function eachThatComesRight(problem: Problem, bookings: Bookings, order: readonly TaskWindow[]): Map<number, Float64Array> {
  const kept = new Map<number, Float64Array>();
  for (const w of order) {
    const job = problem.jobs[w.job];
    const open = Array.from(w.crew).every((p) => bookings.nextOpen(p, w.start) === w.start);
    if (!open || bookings.window(w.crew, job.hours, job.maxPerDay, w.start)?.start !== w.start) continue;
    const placement = bookings.book(w.crew, job.hours, job.maxPerDay, w.start);
    if (placement.end === w.end || (placement.end > w.end && !fitsOwnDays(problem, w))) kept.set(w.job, placement.daily);
    else bookings.unbook(w.crew, placement);
  }
  return kept;
}

/**
 * Hours per day for as many of the windows (given in start order) as can be booked together, each
 * starting on its first day and ending on its last, in the free hours the bookings have left — or
 * later, when its own days no longer hold its hours (more hours, or a day off); windows that cannot
 * (too little room beside the others) are left out. A window that keeps going wrong is set aside while the others are put right, then tried
 * again once. The bookings are left as they were.
 */
export function fitWindows(problem: Problem, bookings: Bookings, windows: readonly TaskWindow[]): Map<number, Float64Array> {
  const before = bookings.snapshot();
  let order = windows.slice();
  const moves = new Map<number, number>();
  const aside = new Set<number>();
  const retried = new Set<number>();
  const placed = new Map<number, Placement>();
  let work = 0;
  try {
    for (;;) {
      bookings.restore(before);
      placed.clear();
      const wrong = bookInOrder(problem, bookings, order, aside, placed);
      work += wrong ? wrong.at + 1 : order.length;
      if (wrong && work > WORK_PER_WINDOW * windows.length + 1000) {
        bookings.restore(before);
        return eachThatComesRight(problem, bookings, order);
      }
      if (!wrong) {
        if (!aside.size) return new Map([...placed].map(([job, p]) => [job, p.daily]));
        // Try what was set aside again, once; what still goes wrong is left out.
        const again = [...aside].filter((j) => !retried.has(j));
        order = order.filter((w) => !aside.has(w.job) || again.includes(w.job));
        for (const j of again) {
          retried.add(j);
          moves.delete(j);
        }
        aside.clear();
        continue;
      }
      const w = order[wrong.at];
      const count = (moves.get(w.job) ?? 0) + 1;
      // Too little: ahead of a task before it that shares a day with it; too much: behind one after.
      // The nearest first; each time it goes wrong again, one further along.
      const others = order.map((o, i) => ({ o, i })).filter(({ o, i }) => i !== wrong.at && overlap(o, w));
      const side = wrong.tooMuch ? others.filter(({ i }) => i > wrong.at) : others.filter(({ i }) => i < wrong.at).reverse();
      const target = side[Math.min(count, side.length) - 1];
      moves.set(w.job, count);
      if (!target || count > MAX_MOVES) {
        aside.add(w.job);
        continue;
      }
      const rest = order.filter((_, i) => i !== wrong.at);
      const at = rest.indexOf(target.o) + (wrong.tooMuch ? 1 : 0);
      order = [...rest.slice(0, at), w, ...rest.slice(at)];
    }
  } finally {
    bookings.restore(before);
  }
}
