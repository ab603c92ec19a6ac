// The local search's moves: each turns a plan (an order of jobs and preferred people per slot) into
// a neighbour. Some shift one job in the order, some work on the chain that sets the plan's end, and
// some act on two jobs that run at the same time: one takes the other's place in the order, or they
// trade people between their crews.

import { type Preferences, readyDay, type Schedule } from './decode';
import type { Problem } from './problem';
import type { Random } from './random';

export interface Neighbour {
  order: Int32Array;
  prefer: Preferences;
}

/**
 * A move the search may try before its own (the Plan panel's levelling, levelling.ts), given the jobs
 * whose people a move may change; undefined leaves the choice to the moves below.
 */
export type ExtraMove = (
  problem: Problem,
  open: readonly number[],
  schedule: Schedule,
  prefer: Preferences,
  random: Random,
) => Neighbour | undefined;

/** Shares of moves, in this order; the rest shift one job anywhere it may go. */
const PREFERENCE_MOVES = 0.15;
const CREW_SWAPS = 0.1;
const CRITICAL_MOVES = 0.5;
const CONCURRENT_SWAPS = 0.1;
/** Share of critical moves that give the waiting job someone else rather than reordering. */
const CRITICAL_REASSIGN = 0.7;

export class Moves {
  /** Jobs whose people a move may change: planned, staffable, not fixed. */
  private readonly open: number[];
  /** The person-waits on the chain that sets a plan's end, worked out once per plan (most moves are not kept). */
  private critical?: { schedule: Schedule; waits: [number, number][] };

  constructor(
    private readonly problem: Problem,
    private readonly random: Random,
    /** Per job: its block (orders keep blocks in sequence). */
    private readonly block: Uint8Array,
    /** Per job: its rank among the fixed jobs at the head of every order, or NaN. */
    private readonly fixedRank: Float64Array,
    private readonly fixedCount: number,
    planned: Uint8Array,
    private readonly extra?: ExtraMove,
  ) {
    this.open = problem.jobs
      .filter((j) => j.slots.length > 0 && !j.unstaffable && planned[j.index] && Number.isNaN(fixedRank[j.index]))
      .map((j) => j.index);
  }

  /** A neighbour of a plan: the extra move's, if it makes one, else one of the moves below, by the shares above. */
  neighbour(schedule: Schedule, prefer: Preferences): Neighbour {
    const extra = this.extra?.(this.problem, this.open, schedule, prefer, this.random);
    if (extra) return extra;
    const { order } = schedule;
    const n = order.length;
    let roll = this.random.next();
    const tried = (share: number) => {
      roll -= share;
      return roll < 0;
    };
    if (tried(PREFERENCE_MOVES)) {
      const next = this.preferenceMove(prefer);
      if (next) return { order, prefer: next };
    } else if (tried(CREW_SWAPS)) {
      const next = this.crewSwap(schedule, prefer);
      if (next) return { order, prefer: next };
    }
    if (this.fixedCount >= n) return { order, prefer };
    const position = positions(order, this.problem.jobs.length);
    if (roll >= 0 && tried(CRITICAL_MOVES)) {
      const critical = this.criticalMove(schedule, position, prefer);
      if (critical) return critical;
    } else if (roll >= 0 && tried(CONCURRENT_SWAPS)) {
      const swapped = this.concurrentSwap(schedule, position);
      if (swapped) return { order: swapped, prefer };
    }
    return { order: this.shift(order, position), prefer };
  }

  /** One job moved anywhere it may go. */
  shift(order: Int32Array, position = positions(order, this.problem.jobs.length)): Int32Array {
    const from = this.random.int(this.fixedCount, order.length - 1);
    const [lo, hi] = this.room(order, position, order[from]);
    return moved(order, from, this.random.int(lo, hi));
  }

  /** Changes the preferred person of one slot of a random job (or lets the decoder choose again). */
  private preferenceMove(prefer: Preferences): Preferences | undefined {
    if (!this.open.length) return undefined;
    const job = this.problem.jobs[this.random.pick(this.open)];
    const s = this.random.int(0, job.slots.length - 1);
    if (job.pinned[s] >= 0) return undefined;
    const candidates = job.slots[s].candidates;
    return preferring(prefer, [[job.index, s, this.random.next() < 0.3 ? -1 : this.random.pick(candidates)]]);
  }

  /**
   * Two jobs that run at the same time trade people: someone on one crew who could fill a slot of
   * the other, for someone there who could fill theirs.
   */
  private crewSwap(schedule: Schedule, prefer: Preferences): Preferences | undefined {
    if (!this.open.length) return undefined;
    const { jobs } = this.problem;
    const { start, end, crew } = schedule;
    const j = this.random.pick(this.open);
    if (!crew[j].length) return undefined;
    const s = this.random.int(0, crew[j].length - 1);
    if (jobs[j].pinned[s] >= 0) return undefined;
    const p = crew[j][s];
    const trades: [number, number][] = [];
    for (const k of this.open) {
      if (k === j || !crew[k].length || start[k] > end[j] || end[k] < start[j]) continue;
      crew[k].forEach((q, u) => {
        if (
          jobs[k].pinned[u] < 0 &&
          !crew[j].includes(q) &&
          !crew[k].includes(p) &&
          jobs[j].slots[s].candidates.includes(q) &&
          jobs[k].slots[u].candidates.includes(p)
        )
          trades.push([k, u]);
      });
    }
    if (!trades.length) return undefined;
    const [k, u] = this.random.pick(trades);
    return preferring(prefer, [
      [j, s, crew[k][u]],
      [k, u, p],
    ]);
  }

  /**
   * A move on the chain that sets the plan's end: from the last job back, each job waited either for
   * a dependency or for a person busy with another job. Pick one such person-wait at random and give
   * the waiting job someone else, or put it before the job it waited for (or that job after it).
   */
  private criticalMove(schedule: Schedule, position: Int32Array, prefer: Preferences): Neighbour | undefined {
    const { problem } = this;
    const { crew, order } = schedule;
    if (this.critical?.schedule !== schedule) this.critical = { schedule, waits: this.personWaits(schedule) };
    const { waits } = this.critical;
    if (!waits.length) return undefined;
    const [waiting, blocker] = this.random.pick(waits);
    const job = problem.jobs[waiting];
    const shared = Array.from(crew[waiting]).findIndex((p) => crew[blocker].includes(p));
    if (this.random.next() < CRITICAL_REASSIGN && shared >= 0 && job.pinned[shared] < 0 && job.slots[shared].candidates.length > 1) {
      const others = job.slots[shared].candidates.filter((c) => c !== crew[waiting][shared]);
      return { order, prefer: preferring(prefer, [[waiting, shared, this.random.pick(others)]]) };
    }
    const [lo] = this.room(order, position, waiting);
    if (lo <= position[blocker] && position[waiting] > position[blocker])
      return { order: moved(order, position[waiting], position[blocker]), prefer };
    const [, hi] = this.room(order, position, blocker);
    if (hi >= position[waiting] && position[blocker] < position[waiting])
      return { order: moved(order, position[blocker], position[waiting]), prefer };
    return undefined;
  }

  /** From the last job back, each job waited for a dependency or for a person busy with another job. */
  private personWaits(schedule: Schedule): [number, number][] {
    const { problem } = this;
    const { start, end, crew } = schedule;
    const byPerson: number[][] = problem.people.map(() => []);
    let last = -1;
    for (const job of problem.jobs) {
      const j = job.index;
      for (const p of crew[j]) byPerson[p].push(j);
      if (crew[j].length && Number.isNaN(this.fixedRank[j]) && (last < 0 || end[j] > end[last])) last = j;
    }
    const waits: [number, number][] = [];
    for (let j = last, steps = 0; j >= 0 && steps < problem.jobs.length; steps++) {
      const job = problem.jobs[j];
      const ready = readyDay(problem, job.preds, job.earliest, start, end);
      if (start[j] > ready) {
        let blocker = -1;
        for (const p of crew[j]) {
          for (const k of byPerson[p]) if (k !== j && end[k] < start[j] && (blocker < 0 || end[k] > end[blocker])) blocker = k;
        }
        if (blocker < 0) break;
        if (Number.isNaN(this.fixedRank[blocker])) waits.push([j, blocker]);
        j = blocker;
      } else {
        const pred = job.preds.find((p) => (problem.jobs[p].milestone ? start[p] : end[p] + 1) === ready);
        if (pred === undefined) break;
        j = pred;
      }
    }
    return waits;
  }

  /**
   * Two jobs that run at the same time and could use the same people change places in the order,
   * where what they wait for and what waits for them allow it: the other one chooses its crew first.
   */
  private concurrentSwap(schedule: Schedule, position: Int32Array): Int32Array | undefined {
    const { order, start, end } = schedule;
    const { jobs } = this.problem;
    const j = order[this.random.int(this.fixedCount, order.length - 1)];
    const people = new Set(jobs[j].slots.flatMap((slot) => slot.candidates));
    const rivals: number[] = [];
    for (let i = this.fixedCount; i < order.length; i++) {
      const k = order[i];
      if (k === j || start[k] > end[j] || end[k] < start[j]) continue;
      if (jobs[k].slots.some((slot) => slot.candidates.some((c) => people.has(c)))) rivals.push(k);
    }
    if (!rivals.length) return undefined;
    const k = this.random.pick(rivals);
    const [first, second] = position[j] < position[k] ? [j, k] : [k, j];
    const a = position[first];
    const b = position[second];
    if (this.room(order, position, second)[0] > a || this.room(order, position, first)[1] < b) return undefined;
    const next = order.slice();
    next[a] = second;
    next[b] = first;
    return next;
  }

  /** Where a job may sit in an order: after everything it waits for, before what waits for it, in its block. */
  room(order: Int32Array, position: Int32Array, j: number): [number, number] {
    let lo = this.fixedCount;
    let hi = order.length - 1;
    for (const p of this.problem.jobs[j].preds) lo = Math.max(lo, position[p] + 1);
    for (const s of this.problem.jobs[j].succs) hi = Math.min(hi, position[s] - 1);
    const from = position[j];
    for (let i = from - 1; i >= lo; i--) if (this.block[order[i]] !== this.block[j]) lo = i + 1;
    for (let i = from + 1; i <= hi; i++) if (this.block[order[i]] !== this.block[j]) hi = i - 1;
    return [lo, hi];
  }
}

/** Each job's position in an order (of some of `size` jobs). */
function positions(order: Int32Array, size: number): Int32Array {
  const position = new Int32Array(size);
  order.forEach((j, i) => {
    position[j] = i;
  });
  return position;
}

/** The order with the job at `from` moved to `to`. */
function moved(order: Int32Array, from: number, to: number): Int32Array {
  const next = order.slice();
  const j = order[from];
  if (to < from) next.copyWithin(to + 1, to, from);
  else next.copyWithin(from, from + 1, to + 1);
  next[to] = j;
  return next;
}

/** Preferences with some (job, slot, person) changed; the rest shared with the original. */
function preferring(prefer: Preferences, changes: [number, number, number][]): Preferences {
  const next = prefer.slice();
  for (const [j, s, person] of changes) {
    if (next[j] === prefer[j]) next[j] = prefer[j].slice();
    next[j][s] = person;
  }
  return next;
}
