// Construct, then improve within an iteration budget. Construction decodes orders from several
// priority rules; improvement is late-acceptance local search over the order and crew preferences,
// with forward-backward improvement (re-decoding backwards from the end, then forwards again) to
// pull work together. Seeded: the same problem and budget give the same plan.

import type { Anchors } from './baseline';
import { Decoder, type Preferences, type Prefix, type Schedule } from './decode';
import { type ExtraMove, Moves } from './moves';
import { type Comparator, compareTerms, evaluate, type Terms } from './objective';
import type { Problem } from './problem';
import { Random } from './random';

export interface SearchOptions {
  /** Improvement iterations (each decodes one candidate plan). */
  iterations: number;
  seed?: number;
  /** Most job placements the whole search may make, construction included (default DEFAULT_WORK_BUDGET). */
  workBudget?: number;
  /** Jobs planned first, in this order with these preferred people and placements, and never moved. */
  fixed?: { order: readonly number[]; prefer: ReadonlyMap<number, Int32Array>; placed: Schedule };
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
  /** A move to try before the search's own (the Plan panel's levelling). */
  extraMove?: ExtraMove;
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
/** An iteration's work beyond its placements: one placement per this many jobs (see Search.overhead). */
const ITERATION_OVERHEAD = 5;
const HISTORY = 30;
/**
 * Iterations without a new best before the search goes back to the best plan and shakes it: about
 * two passes over the jobs, within these limits (small firms restart often, big ones have more to try).
 */
const STALL = { perJob: 2, least: 150, most: 400 };
const KICK_MOVES = 4;
/** Restarts from the best plan since the last fresh start, each after a stall, before starting afresh. */
const KICKS = 4;
/** A fresh start's noise on a priority rule, as a share of its largest value (days). */
const NOISE = 0.3;
/** Forward-backward improvement every fifth of a pass over the jobs, within these limits. */
const FBI_EVERY = { perJob: 0.2, least: 10, most: 40 };

const scaled = (rule: { perJob: number; least: number; most: number }, jobs: number) =>
  Math.round(Math.max(rule.least, Math.min(rule.most, rule.perJob * jobs)));

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
  const key = Float64Array.from(priority, (p, j) => block[j] * 1e12 + p);
  const before = (a: number, b: number) => key[a] < key[b] || (key[a] === key[b] && a < b);
  // The jobs ready to place, as a binary heap: the one to place next on top.
  const heap = new Int32Array(n);
  let size = 0;
  const swap = (a: number, b: number) => {
    const held = heap[a];
    heap[a] = heap[b];
    heap[b] = held;
  };
  const push = (j: number) => {
    heap[size] = j;
    for (let i = size++; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (before(heap[parent], heap[i])) break;
      swap(parent, i);
      i = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    heap[0] = heap[--size];
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && before(heap[l], heap[m])) m = l;
      if (r < size && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      swap(m, i);
      i = m;
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
  /** Iterations without a better plan before a restart, and between forward-backward passes. */
  private readonly stall: number;
  private readonly fbiEvery: number;
  /**
   * Work of an iteration beyond its placements, counted as placements: choosing the move, copying
   * the plan and evaluating it take time in proportion to the jobs (measured: about as much as
   * placing a fifth of them again), so a search whose moves place little again (re-planning in Keep
   * mode) does not run for several times what its budget buys.
   */
  private readonly overhead: number;
  /** Job placements made so far, and by the construction. */
  private placements = 0;
  private constructionPlacements = 0;
  /** The last plan decoded, whose placements the forward decoder's bookings hold. */
  private booked?: { schedule: Schedule; prefer: Preferences; epoch: number };
  private readonly history: Terms[] = [];
  private current!: { schedule: Schedule; terms: Terms; prefer: Preferences };
  private bestFound!: { schedule: Schedule; terms: Terms; prefer: Preferences };
  /** The best plan since the search last started afresh, and the restarts from it since it was found. */
  private epochBest!: { schedule: Schedule; terms: Terms; prefer: Preferences };
  private kicks = 0;
  private done = 0;
  private decodes = 0;
  /** How many jobs at the head of every order are fixed. */
  private readonly fixedCount: number;
  private readonly fixedRank: Float64Array;
  private readonly rules: number;
  private readonly placed?: Schedule;
  private readonly compare: Comparator;
  private readonly anchors?: Anchors;
  /** No fixed jobs and no published plan to keep: every job may move, and the search may start afresh. */
  private readonly free: boolean;
  private readonly moves: Moves;

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
    this.overhead = Math.ceil(size / ITERATION_OVERHEAD);
    this.stall = scaled(STALL, size);
    this.fbiEvery = scaled(FBI_EVERY, size);
    this.fixedCount = options.fixed?.order.length ?? 0;
    this.placed = options.fixed?.placed;
    this.fixedRank = new Float64Array(n).fill(Number.NaN);
    options.fixed?.order.forEach((j, i) => {
      this.fixedRank[j] = i;
    });
    this.free = this.fixedCount === 0 && !this.anchors;
    if (this.anchors) this.forward.anchors = this.anchors;
    this.moves = new Moves(problem, this.random, this.block, this.fixedRank, this.fixedCount, this.planned, options.extraMove);
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
      // Only what follows the first change is placed again; the move and the plan's terms cost the same whatever that is.
      const from = firstChange(booked, order, prefer);
      forward.unplace(booked.schedule, from);
      schedule = forward.decodeFrom(order, prefer, from, booked.schedule);
      this.placements += order.length - from + this.overhead;
    } else {
      if (this.fixedCount > 0) this.prefix ??= forward.prefixFrom(order, this.fixedCount, this.placed as Schedule);
      schedule = forward.decode(order, prefer, this.prefix);
      this.placements += order.length - this.fixedCount;
    }
    this.booked = { schedule, prefer, epoch: forward.bookings.epoch };
    return { schedule, terms: evaluate(this.problem, schedule, this.planned, this.anchors) };
  }

  private consider(candidate: { schedule: Schedule; terms: Terms; prefer: Preferences }): void {
    if (!this.epochBest || this.compare(candidate.terms, this.epochBest.terms) < 0) {
      this.epochBest = candidate;
      this.stalled = this.kicks = 0;
    }
    if (!this.bestFound || this.compare(candidate.terms, this.bestFound.terms) < 0) this.bestFound = candidate;
  }

  /** A rule's order, behind the fixed jobs. */
  private ordered(priority: Float64Array): Int32Array {
    const keyed = Float64Array.from(priority, (p, j) => (Number.isNaN(this.fixedRank[j]) ? p : this.fixedRank[j] - 1e13));
    return this.onlyPlanned(orderBy(this.problem, this.block, keyed));
  }

  private construct(fixedPrefer?: ReadonlyMap<number, Int32Array>, initial?: Int32Array): void {
    const prefer = this.problem.jobs.map((j) => fixedPrefer?.get(j.index) ?? new Int32Array(j.slots.length).fill(-1));
    this.startPrefer = prefer;
    this.priorities = priorityRules(this.problem);
    const orders = initial ? [initial] : this.priorities.slice(0, this.rules).map((rule) => this.ordered(rule));
    for (const order of orders) {
      const candidate = { ...this.decode(order, prefer), prefer };
      this.consider(candidate);
      if (!this.current || this.compare(candidate.terms, this.current.terms) < 0) this.current = candidate;
    }
    if (this.free) this.current = { ...this.justify(this.current, this.current.prefer), prefer: this.current.prefer };
    this.consider(this.current);
    for (let i = 0; i < HISTORY; i++) this.history.push(this.current.terms);
  }

  /**
   * Forward-backward improvement: schedule every job as late as possible (in a mirror of the
   * calendar that runs backwards from the end of the horizon), then as early as possible in the
   * order that gave.
   */
  private justify(found: { schedule: Schedule; terms: Terms }, prefer: Preferences): { schedule: Schedule; terms: Terms } {
    const problem = this.problem;
    const last = problem.limit - 1;
    this.mirror ??= new Decoder(
      problem,
      problem.calendar.mirror(last, problem.limit),
      problem.jobs.map((j) => j.succs.filter((s) => this.planned[s])),
      new Int32Array(problem.jobs.length),
    );
    const byEnd = Float64Array.from(found.schedule.end, (e) => -e);
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
    return this.compare(result.terms, found.terms) <= 0 ? result : found;
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

  /** Runs up to `count` improvement iterations; true when the budget is spent. */
  step(count: number): boolean {
    for (let k = 0; k < count && !this.finished; k++, this.done++) {
      const move = this.moves.neighbour(this.current.schedule, this.current.prefer);
      let candidate = this.decode(move.order, move.prefer);
      if (this.free && (this.done + 1) % this.fbiEvery === 0) candidate = this.justify(candidate, move.prefer);
      const slot = this.done % HISTORY;
      if (this.compare(candidate.terms, this.current.terms) <= 0 || this.compare(candidate.terms, this.history[slot]) <= 0) {
        this.current = { ...candidate, prefer: move.prefer };
        this.consider(this.current);
      }
      this.history[slot] = this.current.terms;
      if (++this.stalled > this.stall) {
        if (++this.kicks > KICKS && this.free) this.freshStart();
        else this.restartFromBest();
        this.history.fill(this.current.terms);
        this.stalled = 0;
      }
    }
    return this.finished;
  }

  /** Iterations since the best plan since the last fresh start last improved. */
  private stalled = 0;

  /** Back to the best plan since the last fresh start, shaken by a few random shifts. */
  private restartFromBest(): void {
    let { order } = this.epochBest.schedule;
    if (this.fixedCount < order.length) for (let k = 0; k < KICK_MOVES; k++) order = this.moves.shift(order);
    this.current = { ...this.decode(order, this.epochBest.prefer), prefer: this.epochBest.prefer };
  }

  /**
   * Starts the search afresh: a priority rule's order with noise, improved forward-backward, with
   * the preferences it started with. Searching on from one plan stalls in its neighbourhood; the
   * best plan found is kept whatever follows.
   */
  private freshStart(): void {
    const rule = this.random.pick(this.priorities);
    const noise = NOISE * rule.reduce((m, p) => Math.max(m, Math.abs(p)), 1);
    const prefer = this.startPrefer;
    this.current = { ...this.justify(this.decode(this.ordered(rule.map((p) => p + noise * this.random.next())), prefer), prefer), prefer };
    this.epochBest = this.current;
    this.kicks = 0;
    this.consider(this.current);
  }

  /** The priority rules and the preferred people the search started from. */
  private priorities!: Float64Array[];
  private startPrefer!: Preferences;

  result(): Solved {
    return { ...this.bestFound, decodes: this.decodes };
  }
}
