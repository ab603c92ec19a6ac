// Construct, then improve within an iteration budget. Construction decodes orders from several
// priority rules; improvement is late-acceptance local search over the order and crew preferences,
// with forward-backward improvement (re-decoding backwards from the end, then forwards again) to
// pull work together. Seeded: the same problem and budget give the same plan.

import { addTo } from '../model/group';
import type { Anchors } from './baseline';
import { Decoder, type Preferences, type Prefix, readyDay, type Schedule } from './decode';
import { type Comparator, compareTerms, evaluate, type Terms } from './objective';
import type { Problem } from './problem';
import { Random } from './random';

export interface SearchOptions {
  /** Improvement iterations (each decodes one candidate plan). */
  iterations: number;
  seed?: number;
  /** Most job placements the whole search may make, construction included (default DEFAULT_WORK_BUDGET). */
  workBudget?: number;
  /**
   * Jobs planned first, in this order with these preferred people, and never moved; with their
   * placements when already known (booked as they are instead of decoded again).
   */
  fixed?: { order: readonly number[]; prefer: ReadonlyMap<number, Int32Array>; placed?: Schedule };
  /** Which jobs this search plans (default all): the committed work alone, before proposals. */
  planned?: Uint8Array;
  /** A decoder over the same problem to reuse (building one costs a pass over every calendar). */
  decoder?: Decoder;
  /**
   * Re-planning against a published plan: the anchors the decoder keeps where they still fit, the
   * order to start from (instead of the priority rules, whose plans would reshuffle everything), and
   * how plans compare (moves weighed against lateness). No forward-backward passes: they move all.
   */
  replan?: { anchors: Anchors; initial: Int32Array; compare: Comparator };
}

export interface Solved {
  schedule: Schedule;
  terms: Terms;
  /** The preferred people the best plan was decoded with. */
  prefer: Preferences;
  /** Candidate plans decoded, construction included. */
  decodes: number;
}

/**
 * What a custom function affords. Sheets recalculates one on every edit of its ranges, so it must
 * answer in a fraction of a second, at any firm size, within 30 s: a 200-task plan gets about 45
 * iterations, a 2,000-task one its construction only. Benchmarks lift it.
 */
export const DEFAULT_WORK_BUDGET = 10_000;
/** What the Plan panel affords: the browser has no Sheets time limit, only a user watching progress. */
export const BROWSER_WORK_BUDGET = 1_000_000;
const MIN_ITERATIONS = 3;
const HISTORY = 30;
/** Iterations without a new best before the search goes back to the best plan and shakes it. */
const STALL = 400;
const KICK_MOVES = 4;
const FBI_EVERY = 40;
/** Shares of moves: a new preferred person; a move on the chain that sets the plan's end; the rest any shift. */
const PREFERENCE_MOVES = 0.2;
const CRITICAL_MOVES = 0.65;
/** Share of critical moves that give the waiting job someone else rather than reordering. */
const CRITICAL_REASSIGN = 0.7;

/** Working days a job needs at best, ignoring calendars: for priority rules only. */
function roughDays(problem: Problem, j: number): number {
  const job = problem.jobs[j];
  return job.milestone ? 0 : Math.ceil(job.hours / Math.min(job.maxPerDay, 8));
}

/**
 * Each job's block; orders keep blocks in sequence. Work in progress comes first (it is already
 * under way), proposals and whatever waits for them last (they only get the time left over).
 */
function blocks(problem: Problem): Uint8Array {
  return Uint8Array.from(problem.jobs, (job) => (job.withProposals ? 2 : job.inProgress && job.preds.length === 0 ? 0 : 1));
}

/** A dependency-respecting order, committed work first, lowest priority value first. */
export function orderBy(problem: Problem, block: Uint8Array, priority: Float64Array): Int32Array {
  const n = problem.jobs.length;
  const waiting = new Int32Array(n);
  for (const job of problem.jobs) waiting[job.index] = job.preds.length;
  const key = (j: number) => block[j] * 1e12 + priority[j];
  const heap: number[] = [];
  const push = (j: number) => {
    heap.push(j);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (key(heap[parent]) < key(heap[i]) || (key(heap[parent]) === key(heap[i]) && heap[parent] < heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const less = (a: number, b: number) => key(heap[a]) < key(heap[b]) || (key(heap[a]) === key(heap[b]) && heap[a] < heap[b]);
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  for (let j = 0; j < n; j++) if (waiting[j] === 0) push(j);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const j = pop();
    order[k] = j;
    for (const s of problem.jobs[j].succs) if (--waiting[s] === 0) push(s);
  }
  return order;
}

/** Priority rules: latest finish (due dates and the critical path), earliest start, most work after. */
export function priorityRules(problem: Problem): Float64Array[] {
  const n = problem.jobs.length;
  const topo = orderBy(
    problem,
    new Uint8Array(n),
    Float64Array.from({ length: n }, (_, j) => j),
  );
  const es = new Float64Array(n);
  for (const j of topo) {
    const job = problem.jobs[j];
    let s = job.earliest;
    for (const p of job.preds) s = Math.max(s, es[p] + roughDays(problem, p));
    es[j] = s;
  }
  let horizon = 0;
  for (let j = 0; j < n; j++) horizon = Math.max(horizon, es[j] + roughDays(problem, j));
  const lf = new Float64Array(n).fill(horizon);
  const tail = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const j = topo[k];
    const job = problem.jobs[j];
    if (job.due !== undefined) lf[j] = Math.min(lf[j], job.due);
    for (const s of job.succs) {
      lf[j] = Math.min(lf[j], lf[s] - roughDays(problem, s));
      tail[j] = Math.max(tail[j], tail[s] + roughDays(problem, s) * Math.max(1, problem.jobs[s].slots.length));
    }
  }
  const latestStart = Float64Array.from(lf, (f, j) => f - roughDays(problem, j));
  return [latestStart, lf, es, Float64Array.from(tail, (t) => -t)];
}

/** The first position at which an order (or the preferred people of the job there) differs from a decoded one. */
function firstChange(booked: { schedule: Schedule; prefer: Preferences }, order: Int32Array, prefer: Preferences): number {
  const old = booked.schedule.order;
  for (let i = 0; i < order.length; i++) {
    const j = order[i];
    if (old[i] !== j) return i;
    const a = prefer[j];
    const b = booked.prefer[j];
    if (a !== b && (a.length !== b.length || a.some((p, s) => p !== b[s]))) return i;
  }
  return order.length;
}

export class Search {
  private readonly random: Random;
  readonly forward: Decoder;
  /** 1 for each job this search plans. */
  readonly planned: Uint8Array;
  private readonly block: Uint8Array;
  /** Improvement iterations at most (0: the construction stands), and job placements at most. */
  private readonly budget: number;
  private readonly work: number;
  /** Job placements made so far, and by the construction. */
  private placements = 0;
  private constructionPlacements = 0;
  /** The last plan decoded, whose placements the forward decoder's bookings hold. */
  private booked?: { schedule: Schedule; prefer: Preferences; epoch: number };
  private readonly history: Terms[] = [];
  private current!: { schedule: Schedule; terms: Terms; prefer: Preferences };
  private bestFound!: { schedule: Schedule; terms: Terms; prefer: Preferences };
  private done = 0;
  private decodes = 0;
  /** How many jobs at the head of every order are fixed. */
  private readonly fixedCount: number;
  private readonly fixedRank: Float64Array;
  private readonly rules: number;
  private readonly placed?: Schedule;
  private readonly compare: Comparator;
  private readonly anchors?: Anchors;

  constructor(
    readonly problem: Problem,
    options: SearchOptions,
  ) {
    this.random = new Random(options.seed ?? 1);
    this.compare = options.replan?.compare ?? compareTerms;
    this.anchors = options.replan?.anchors;
    this.block = blocks(problem);
    const n = problem.jobs.length;
    this.planned = options.planned ?? new Uint8Array(n).fill(1);
    this.forward = options.decoder ?? Decoder.forward(problem);
    const work = options.workBudget ?? DEFAULT_WORK_BUDGET;
    const size = Math.max(
      1,
      this.planned.reduce((count, p) => count + p, 0),
    );
    // Up to four priority rules, fewer when the firm is so big that each decode counts.
    this.rules = Math.max(1, Math.min(4, Math.floor(work / (3 * size))));
    this.work = work;
    this.fixedCount = options.fixed?.order.length ?? 0;
    this.placed = options.fixed?.placed;
    this.fixedRank = new Float64Array(n).fill(Number.NaN);
    options.fixed?.order.forEach((j, i) => {
      this.fixedRank[j] = i;
    });
    if (this.anchors) this.forward.anchors = this.anchors;
    this.construct(options.fixed?.prefer, options.replan?.initial);
    this.constructionPlacements = this.placements;
    // A search of one or two full decodes could only shuffle; below that the construction stands.
    this.budget = work - this.placements >= MIN_ITERATIONS * size ? options.iterations : 0;
  }

  get finished(): boolean {
    return this.done >= this.budget || this.placements >= this.work;
  }

  /** Share of the search done: of its iterations, or of its work budget if that runs out first. */
  get progress(): number {
    if (this.finished) return 1;
    return Math.max(this.done / this.budget, (this.placements - this.constructionPlacements) / (this.work - this.constructionPlacements));
  }

  /** The fixed jobs decoded once; every candidate continues from there. */
  private prefix?: Prefix;

  private decode(order: Int32Array, prefer: Preferences): { schedule: Schedule; terms: Terms } {
    this.decodes++;
    const { forward } = this;
    let schedule: Schedule;
    const booked = this.booked;
    if (booked && booked.epoch === forward.bookings.epoch) {
      // Only what follows the first change is placed again.
      const from = firstChange(booked, order, prefer);
      forward.unplace(booked.schedule, from);
      schedule = forward.decodeFrom(order, prefer, from, booked.schedule);
      this.placements += order.length - from;
    } else {
      if (this.fixedCount > 0) {
        this.prefix ??= this.placed
          ? forward.prefixFrom(order, this.fixedCount, this.placed)
          : forward.prefix(order, this.fixedCount, prefer);
      }
      schedule = forward.decode(order, prefer, this.prefix);
      this.placements += order.length - this.fixedCount;
    }
    this.booked = { schedule, prefer, epoch: forward.bookings.epoch };
    return { schedule, terms: evaluate(this.problem, schedule, this.planned, this.anchors) };
  }

  private consider(candidate: { schedule: Schedule; terms: Terms; prefer: Preferences }): void {
    if (!this.bestFound || this.compare(candidate.terms, this.bestFound.terms) < 0) {
      this.bestFound = candidate;
      this.stalled = 0;
    }
  }

  /** A rule's order, behind the fixed jobs. */
  private ordered(priority: Float64Array): Int32Array {
    const keyed = Float64Array.from(priority, (p, j) => (Number.isNaN(this.fixedRank[j]) ? p : this.fixedRank[j] - 1e13));
    return this.onlyPlanned(orderBy(this.problem, this.block, keyed));
  }

  private construct(fixedPrefer?: ReadonlyMap<number, Int32Array>, initial?: Int32Array): void {
    const prefer = this.problem.jobs.map((j) => fixedPrefer?.get(j.index) ?? new Int32Array(j.slots.length).fill(-1));
    const orders = initial
      ? [initial]
      : priorityRules(this.problem)
          .slice(0, this.rules)
          .map((rule) => this.ordered(rule));
    for (const order of orders) {
      const candidate = { ...this.decode(order, prefer), prefer };
      this.consider(candidate);
      if (!this.current || this.compare(candidate.terms, this.current.terms) < 0) this.current = candidate;
    }
    if (this.fixedCount === 0 && !this.anchors)
      this.current = { ...this.justify(this.current.schedule, this.current.prefer), prefer: this.current.prefer };
    this.consider(this.current);
    for (let i = 0; i < HISTORY; i++) this.history.push(this.current.terms);
  }

  /**
   * Forward-backward improvement: schedule every job as late as possible (in a mirror of the
   * calendar that runs backwards from the end of the horizon), then as early as possible in the
   * order that gave.
   */
  private justify(schedule: Schedule, prefer: Preferences): { schedule: Schedule; terms: Terms } {
    const problem = this.problem;
    const last = problem.limit - 1;
    this.mirror ??= new Decoder(
      problem,
      problem.calendar.mirror(last, problem.limit),
      problem.jobs.map((j) => j.succs.filter((s) => this.planned[s])),
      new Int32Array(problem.jobs.length),
    );
    const byEnd = Float64Array.from(schedule.end, (e) => -e);
    const backward = this.mirror.decode(
      this.onlyPlanned(
        orderBy(
          this.reversed(),
          this.block.map((b) => 2 - b),
          byEnd,
        ),
      ),
      prefer,
    );
    this.decodes++;
    this.placements += backward.order.length;
    const byStart = Float64Array.from(backward.end, (e) => last - e);
    const result = this.decode(this.onlyPlanned(orderBy(problem, this.block, byStart)), prefer);
    const before = { schedule, terms: evaluate(problem, schedule, this.planned) };
    return this.compare(result.terms, before.terms) <= 0 ? result : before;
  }

  private mirror?: Decoder;

  private onlyPlanned(order: Int32Array): Int32Array {
    return order.filter((j) => this.planned[j]);
  }
  private reversedProblem?: Problem;

  /** The same jobs with every dependency turned around, for ordering the backward pass. */
  private reversed(): Problem {
    if (!this.reversedProblem) {
      this.reversedProblem = {
        ...this.problem,
        jobs: this.problem.jobs.map((j) => ({ ...j, preds: j.succs, succs: j.preds })),
      };
    }
    return this.reversedProblem;
  }

  /** Changes the preferred person of one slot of a random job (or lets the decoder choose again). */
  private preferenceMove(prefer: Preferences): Preferences | undefined {
    const staffable = this.problem.jobs.filter(
      (j) => j.slots.length > 0 && !j.unstaffable && this.planned[j.index] && Number.isNaN(this.fixedRank[j.index]),
    );
    if (!staffable.length) return undefined;
    const job = staffable[this.random.int(0, staffable.length - 1)];
    const s = this.random.int(0, job.slots.length - 1);
    if (job.pinned[s] >= 0) return undefined;
    const next = prefer.slice();
    next[job.index] = prefer[job.index].slice();
    const candidates = job.slots[s].candidates;
    next[job.index][s] = this.random.next() < 0.3 ? -1 : candidates[this.random.int(0, candidates.length - 1)];
    return next;
  }

  /** Where a job may sit in an order: after everything it waits for, before what waits for it, in its block. */
  private room(order: Int32Array, position: Int32Array, j: number): [number, number] {
    let lo = this.fixedCount;
    let hi = order.length - 1;
    for (const p of this.problem.jobs[j].preds) lo = Math.max(lo, position[p] + 1);
    for (const s of this.problem.jobs[j].succs) hi = Math.min(hi, position[s] - 1);
    const from = position[j];
    for (let i = from - 1; i >= lo; i--) if (this.block[order[i]] !== this.block[j]) lo = i + 1;
    for (let i = from + 1; i <= hi; i++) if (this.block[order[i]] !== this.block[j]) hi = i - 1;
    return [lo, hi];
  }

  private static moved(order: Int32Array, from: number, to: number): Int32Array {
    const next = order.slice();
    const j = order[from];
    if (to < from) next.copyWithin(to + 1, to, from);
    else next.copyWithin(from, from + 1, to + 1);
    next[to] = j;
    return next;
  }

  /**
   * A move on the chain that sets the plan's end: from the last job back, each job waited either for
   * a dependency or for a person busy with another job. Pick one such person-wait at random and put
   * the waiting job before the job it waited for (or that job after it).
   */
  private criticalMove(
    schedule: Schedule,
    position: Int32Array,
    prefer: Preferences,
  ): { order: Int32Array; prefer: Preferences } | undefined {
    const { problem } = this;
    const { start, end, crew, order } = schedule;
    const byPerson = new Map<number, number[]>();
    let last = -1;
    for (const job of problem.jobs) {
      const j = job.index;
      for (const p of crew[j]) addTo(byPerson, p, j);
      if (crew[j].length && Number.isNaN(this.fixedRank[j]) && (last < 0 || end[j] > end[last])) last = j;
    }
    const waits: [number, number][] = [];
    for (let j = last, steps = 0; j >= 0 && steps < problem.jobs.length; steps++) {
      const job = problem.jobs[j];
      const ready = readyDay(problem, job.preds, job.earliest, start, end);
      if (start[j] > ready) {
        let blocker = -1;
        for (const p of crew[j]) {
          for (const k of byPerson.get(p) ?? []) if (k !== j && end[k] < start[j] && (blocker < 0 || end[k] > end[blocker])) blocker = k;
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
    if (!waits.length) return undefined;
    const [waiting, blocker] = waits[this.random.int(0, waits.length - 1)];
    const job = problem.jobs[waiting];
    // Half the time, give the waiting job someone else instead of the busy person.
    const shared = Array.from(crew[waiting]).findIndex((p) => crew[blocker].includes(p));
    if (this.random.next() < CRITICAL_REASSIGN && shared >= 0 && job.pinned[shared] < 0 && job.slots[shared].candidates.length > 1) {
      const others = job.slots[shared].candidates.filter((c) => c !== crew[waiting][shared]);
      const next = prefer.slice();
      next[waiting] = prefer[waiting].slice();
      next[waiting][shared] = others[this.random.int(0, others.length - 1)];
      return { order, prefer: next };
    }
    const [lo] = this.room(order, position, waiting);
    if (lo <= position[blocker] && position[waiting] > position[blocker])
      return { order: Search.moved(order, position[waiting], position[blocker]), prefer };
    const [, hi] = this.room(order, position, blocker);
    if (hi >= position[waiting] && position[blocker] < position[waiting])
      return { order: Search.moved(order, position[blocker], position[waiting]), prefer };
    return undefined;
  }

  /** A neighbour of the current plan: another preferred person, a critical-chain move, or any shift. */
  private neighbour(schedule: Schedule, prefer: Preferences): { order: Int32Array; prefer: Preferences } {
    const { order } = schedule;
    const n = order.length;
    const roll = this.random.next();
    if (roll < PREFERENCE_MOVES) {
      const next = this.preferenceMove(prefer);
      if (next) return { order, prefer: next };
    }
    if (this.fixedCount >= n) return { order, prefer };
    const position = new Int32Array(n);
    order.forEach((j, i) => {
      position[j] = i;
    });
    if (roll >= PREFERENCE_MOVES && roll < PREFERENCE_MOVES + CRITICAL_MOVES) {
      const critical = this.criticalMove(schedule, position, prefer);
      if (critical) return critical;
    }
    const from = this.random.int(this.fixedCount, n - 1);
    const [lo, hi] = this.room(order, position, order[from]);
    return { order: Search.moved(order, from, this.random.int(lo, hi)), prefer };
  }

  /** Runs up to `count` improvement iterations; true when the budget is spent. */
  step(count: number): boolean {
    for (let k = 0; k < count && !this.finished; k++, this.done++) {
      const move = this.neighbour(this.current.schedule, this.current.prefer);
      let candidate = this.decode(move.order, move.prefer);
      if (this.fixedCount === 0 && !this.anchors && (this.done + 1) % FBI_EVERY === 0)
        candidate = this.justify(candidate.schedule, move.prefer);
      const slot = this.done % HISTORY;
      if (this.compare(candidate.terms, this.current.terms) <= 0 || this.compare(candidate.terms, this.history[slot]) <= 0) {
        this.current = { ...candidate, prefer: move.prefer };
        this.consider(this.current);
      }
      this.history[slot] = this.current.terms;
      if (++this.stalled > STALL) this.restartFromBest();
    }
    return this.finished;
  }

  /** Iterations since the best plan last improved. */
  private stalled = 0;

  /** Back to the best plan found, shaken by a few random shifts, with a fresh acceptance history. */
  private restartFromBest(): void {
    let { order } = this.bestFound.schedule;
    const n = order.length;
    if (this.fixedCount < n) {
      for (let k = 0; k < KICK_MOVES; k++) {
        const position = new Int32Array(n);
        order.forEach((j, i) => {
          position[j] = i;
        });
        const from = this.random.int(this.fixedCount, n - 1);
        const [lo, hi] = this.room(order, position, order[from]);
        order = Search.moved(order, from, this.random.int(lo, hi));
      }
    }
    this.current = { ...this.decode(order, this.bestFound.prefer), prefer: this.bestFound.prefer };
    this.history.fill(this.current.terms);
    this.stalled = 0;
  }

  result(): Solved {
    return { ...this.bestFound, decodes: this.decodes };
  }
}
