// Books published tasks back into their published windows. A sheet shows each task's first and last
// day, not the hours it got each day; where tasks share a person's day, those hours came from the
// order the planner booked them in, which the sheet does not show. Booking each task the way the
// planner does (from its first day, as fast as its people's free hours allow), in start order, and
// moving a task ahead of the others whenever it gets too little (or behind them when it takes too
// much), recovers an order that gives every task its own first and last day again; where none does,
// the hours are found for all tasks together.

import { type Bookings, EPS, MIN_DAILY_HOURS, type Placement } from './bookings';
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

/** The window booked as the planner would, from its first day, if it can start on it. */
function bookFrom(problem: Problem, bookings: Bookings, w: TaskWindow): Placement | undefined {
  const job = problem.jobs[w.job];
  const open = Array.from(w.crew).every((p) => bookings.nextOpen(p, w.start) === w.start);
  if (!open || bookings.window(w.crew, job.hours, job.maxPerDay, w.start)?.start !== w.start) return undefined;
  return bookings.book(w.crew, job.hours, job.maxPerDay, w.start);
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
    const placement = bookFrom(problem, bookings, w);
    if (!placement) {
      if (aside.has(w.job)) continue;
      return { at, tooMuch: false };
    }
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
    const placement = bookFrom(problem, bookings, w);
    if (!placement) continue;
    if (placement.end === w.end || (placement.end > w.end && !fitsOwnDays(problem, w))) kept.set(w.job, placement.daily);
    else bookings.unbook(w.crew, placement);
  }
  return kept;
}

/** Passes of bookedTogether: each puts the windows the last one left short first. */
const TOGETHER_PASSES = 12;

interface Held {
  w: TaskWindow;
  daily: Float64Array;
  left: number;
}

/**
 * Hours per day found for the windows together rather than in an order: first what every working
 * day of every window must hold (see MIN_DAILY_HOURS), then the rest, to the window that ends soonest
 * first — or, on a pass after one that left some short, to those first. Windows whose own days can
 * no longer hold their hours (the change) are booked before all, and those left short after, as the
 * planner would: from their first day, ending later than published. So a long task on a few hours a
 * day keeps the days that other work, booked before it in any order, would crowd it out of.
 */
function bookedTogether(problem: Problem, bookings: Bookings, windows: readonly TaskWindow[]): Map<number, Float64Array> {
  const before = bookings.snapshot();
  const own: TaskWindow[] = [];
  const grown: TaskWindow[] = [];
  for (const w of windows) (fitsOwnDays(problem, w) ? own : grown).push(w);
  let first = own.sort((a, b) => a.end - b.end || a.start - b.start);
  let best = new Map<number, Float64Array>();
  try {
    for (let pass = 0; pass < TOGETHER_PASSES; pass++) {
      bookings.restore(before);
      const found = new Map<number, Float64Array>();
      asPlanned(problem, bookings, grown, found);
      const held = holdLeast(problem, bookings, first);
      fillHeld(problem, bookings, held);
      const short: TaskWindow[] = [];
      for (const h of held) {
        if (h.left <= EPS) found.set(h.w.job, h.daily);
        else {
          bookings.unbook(h.w.crew, { start: h.w.start, end: h.w.end, daily: h.daily });
          short.push(h.w);
        }
      }
      asPlanned(problem, bookings, short, found);
      if (found.size > best.size) best = found;
      if (!short.length) break;
      const again = new Set(short);
      first = [...short, ...first.filter((w) => !again.has(w))];
    }
    return best;
  } finally {
    bookings.restore(before);
  }
}

/** Books the windows that can start on their first day as the planner would, from that day. */
function asPlanned(problem: Problem, bookings: Bookings, windows: readonly TaskWindow[], found: Map<number, Float64Array>): void {
  for (const w of windows) {
    const placement = bookFrom(problem, bookings, w);
    if (placement) found.set(w.job, placement.daily);
  }
}

/**
 * Each window's least hours, booked where they fit: on each day its whole crew works, what a working
 * day must hold (see MIN_DAILY_HOURS).
 */
function holdLeast(problem: Problem, bookings: Bookings, windows: readonly TaskWindow[]): Held[] {
  const held: Held[] = [];
  for (const w of windows) {
    const daily = new Float64Array(w.end - w.start + 1);
    bookings.effort.spend(daily.length * w.crew.length);
    for (let i = 0; i < daily.length; i++) {
      let full = problem.jobs[w.job].maxPerDay;
      for (const p of w.crew) full = Math.min(full, problem.calendar.capacity(p)[w.start + i]);
      daily[i] = full <= EPS ? 0 : Math.min(MIN_DAILY_HOURS, full);
    }
    if (daily[0] <= EPS || daily[daily.length - 1] <= EPS || !bookings.fits(w.crew, w.start, daily)) continue;
    bookings.rebook(w.crew, { start: w.start, end: w.end, daily });
    held.push({ w, daily, left: problem.jobs[w.job].hours - daily.reduce((a, b) => a + b, 0) });
  }
  return held;
}

/** The rest of each held window's hours, as early in it as they fit, in the order held. */
function fillHeld(problem: Problem, bookings: Bookings, held: readonly Held[]): void {
  const extra = new Float64Array(1);
  for (const h of held) {
    bookings.effort.spend(h.daily.length * h.w.crew.length);
    for (let day = h.w.start; day <= h.w.end && h.left > EPS; day++) {
      const i = day - h.w.start;
      if (h.daily[i] <= EPS) continue;
      let more = Math.min(h.left, problem.jobs[h.w.job].maxPerDay - h.daily[i]);
      for (const p of h.w.crew) more = Math.min(more, bookings.free[p][day]);
      if (more <= EPS) continue;
      extra[0] = more;
      bookings.rebook(h.w.crew, { start: day, end: day, daily: extra });
      h.daily[i] += more;
      h.left -= more;
    }
  }
}

/**
 * Hours per day for as many of the windows (given in start order) as can be booked together, each
 * starting on its first day and ending on its last, in the free hours the bookings have left — or
 * later, when its own days no longer hold its hours (more hours, or a day off); windows that cannot
 * (too little room beside the others) are left out. Booked as the planner books, in an order found by
 * trial; where some are left out that way and `together` allows, found together (bookedTogether) if
 * that keeps more. The bookings are left as they were.
 */
export function fitWindows(
  problem: Problem,
  bookings: Bookings,
  windows: readonly TaskWindow[],
  together = true,
): Map<number, Float64Array> {
  const inOrder = bookedInOrder(problem, bookings, windows);
  if (inOrder.size === windows.length || !together) return inOrder;
  const found = bookedTogether(problem, bookings, windows);
  return found.size > inOrder.size ? found : inOrder;
}

/**
 * fitWindows booking each window as the planner does, in an order found by trial: a window that
 * keeps going wrong is set aside while the others are put right, then tried again once.
 */
function bookedInOrder(problem: Problem, bookings: Bookings, windows: readonly TaskWindow[]): Map<number, Float64Array> {
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
