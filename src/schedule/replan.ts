// Re-planning against the published plan without reshuffling it. First every job that can still
// start on its baseline day with its baseline people is kept, in the order the baseline ran them;
// what is left (new work, and work a change made impossible where it was) is then placed around
// them. Settings > Replan says what the search may do next: Keep moves nothing more; Balanced also
// moves kept work when that removes more lateness the change caused than the moves cost; Free
// ignores the baseline (planned as if there were none).

import type { ReplanMode } from '../model/settings';
import { nameKey } from '../model/work';
import { type Anchors, NO_ANCHOR } from './baseline';
import { type Decoder, readyDay, type Schedule } from './decode';
import { type Comparator, lateDays, lexicographic, type Terms } from './objective';
import type { Problem } from './problem';
import { orderBy, priorityRules, type SearchOptions } from './search';
import { crewHoldsWindow, fitWindows, overlap } from './windows';

/**
 * What moving one published task costs, in priority-weighted working days late: Balanced moves work
 * only to save more than this (two days late on a priority-3 project, one on priority 2, half a day
 * on priority 1). Below it, people keep the plan they were told.
 */
export const MOVE_PRICE = 8;

const TAIL: readonly (keyof Terms)[] = ['lateness', 'finish', 'flow', 'cost', 'expertise', 'switching'];

/** What settling a plan must not make worse: what was placed, moved, and late. */
export function noWorse(settled: Terms, found: Terms): boolean {
  const key = (t: Terms) => [t.unplaced, t.moved, t.addedLateness, t.lateness];
  return lexicographic(key(settled), key(found)) <= 0;
}

/** Keep: fewest moves first, then the usual terms. */
const keepFirst: Comparator = (a, b) =>
  lexicographic([a.unplaced, a.moved, ...TAIL.map((k) => a[k])], [b.unplaced, b.moved, ...TAIL.map((k) => b[k])]);

/** Balanced: lateness the change caused and the moves made, priced together; then fewer moves. */
const balanced: Comparator = (a, b) =>
  lexicographic(
    [a.unplaced, a.addedLateness + MOVE_PRICE * a.moved, a.moved, ...TAIL.map((k) => a[k])],
    [b.unplaced, b.addedLateness + MOVE_PRICE * b.moved, b.moved, ...TAIL.map((k) => b[k])],
  );

/** Jobs already placed, to plan after (the committed plan, when proposals are fitted in). */
export interface PlacedBefore {
  order: readonly number[];
  schedule: Schedule;
  prefer: ReadonlyMap<number, Int32Array>;
}

export interface ReplanStart extends Pick<SearchOptions, 'fixed' | 'replan'> {
  /** Jobs kept on their anchors by the construction. */
  kept: number;
}

/** Each job's rank by project and task name. */
function nameRanks(problem: Problem): Float64Array {
  const keys = problem.jobs.map((j) => nameKey(j.item.key));
  const sorted = problem.jobs.map((j) => j.index).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  const rank = new Float64Array(problem.jobs.length);
  sorted.forEach((j, r) => {
    rank[j] = r;
  });
  return rank;
}

/**
 * The given jobs in booking order: by `start` (jobs without one after, by `otherwise`), then by name,
 * never before a job they wait for.
 */
export function bookingOrder(
  problem: Problem,
  jobs: (j: number) => boolean,
  start: (j: number) => number | undefined,
  otherwise: (j: number) => number = () => 0,
): number[] {
  const n = problem.jobs.length;
  const rank = nameRanks(problem);
  const priority = Float64Array.from(problem.jobs, (job) => {
    const day = start(job.index);
    return (day === undefined ? 1e7 + otherwise(job.index) : day) * (n + 1) + rank[job.index];
  });
  return Array.from(orderBy(problem, new Uint8Array(n), priority)).filter(jobs);
}

/** The jobs to plan in booking order: anchored ones by baseline start, then the rest by latest start. */
function candidateOrder(problem: Problem, anchors: Anchors, planned: Uint8Array, before: ReadonlySet<number>): number[] {
  const jobs = (j: number) => planned[j] === 1 && !before.has(j);
  const anchored = (j: number) => anchors.start[j] >= 0 && anchors.whole[j] === 1;
  let latestStart: Float64Array | undefined;
  return bookingOrder(
    problem,
    jobs,
    (j) => (anchored(j) ? anchors.start[j] : undefined),
    (j) => {
      latestStart ??= priorityRules(problem)[0];
      return latestStart[j];
    },
  );
}

function copySchedule(schedule: Schedule): Schedule {
  return {
    ...schedule,
    start: schedule.start.slice(),
    end: schedule.end.slice(),
    crew: schedule.crew.slice(),
    daily: schedule.daily.slice(),
    unplaced: schedule.unplaced.slice(),
  };
}

function emptySchedule(n: number): Schedule {
  return {
    order: new Int32Array(0),
    start: new Int32Array(n),
    end: new Int32Array(n),
    crew: new Array(n).fill(new Int32Array(0)),
    daily: new Array(n).fill(undefined),
    unplaced: new Array(n).fill(undefined),
  };
}

/**
 * The anchored jobs that can keep their whole published window (start and end) together: everything
 * they wait for kept in its window too, and ready by their start. Milestones fall where what they
 * wait for puts them.
 */
function windowCandidates(
  problem: Problem,
  decoder: Decoder,
  anchors: Anchors,
  order: readonly number[],
  days: Schedule,
  done: Uint8Array,
): number[] {
  const inWindow = new Uint8Array(problem.jobs.length);
  const start = Int32Array.from(days.start);
  const end = Int32Array.from(days.end);
  const chosen: number[] = [];
  for (const j of order) {
    const job = problem.jobs[j];
    if (!job.preds.every((p) => done[p] || inWindow[p])) continue;
    const ready = readyDay(problem, job.preds, job.earliest, start, end);
    if (job.milestone) decoder.placeMilestone(j, ready, { start, end });
    else if (!anchors.whole[j] || anchors.end[j] < 0 || ready > anchors.start[j]) continue;
    else {
      start[j] = anchors.start[j];
      end[j] = anchors.end[j];
    }
    inWindow[j] = 1;
    chosen.push(j);
  }
  return chosen;
}

/**
 * Who steps in where published people can no longer work a window of theirs (a day off, someone
 * leaving): per such job, its crew with one place given to someone qualified whose own days hold the
 * window and who had no published work then, so the job and what waits for it keep their days.
 */
function standIns(problem: Problem, anchors: Anchors, windows: readonly number[]): Map<number, Int32Array> {
  const published = windows
    .filter((j) => !problem.jobs[j].milestone)
    .map((j) => ({ job: j, crew: anchors.crew[j], start: anchors.start[j], end: anchors.end[j] }));
  const found = new Map<number, Int32Array>();
  for (const w of published) {
    if (crewHoldsWindow(problem, w)) continue;
    const job = problem.jobs[w.job];
    const free = (c: number) => !published.some((o) => o !== w && overlap(o, { ...w, crew: Int32Array.of(c) }));
    for (let s = 0; s < w.crew.length && !found.has(w.job); s++) {
      if (job.pinned[s] >= 0) continue;
      for (const c of job.slots[s].candidates) {
        if (w.crew.includes(c) || !free(c)) continue;
        const crew = Int32Array.from(w.crew, (p, t) => (t === s ? c : p));
        if (!crewHoldsWindow(problem, { ...w, crew })) continue;
        found.set(w.job, crew);
        break;
      }
    }
  }
  return found;
}

/**
 * Books as many jobs as can keep their published window (see windows.ts): start on their day, and end
 * on theirs unless the change made them longer; someone steps in where their people cannot (standIns). Whatever waits for a job that cannot, or that now ends
 * after it would start, keeps no window either. Returns the jobs booked.
 */
function keepWindows(
  problem: Problem,
  decoder: Decoder,
  anchors: Anchors,
  windows: number[],
  schedule: Schedule,
  together: boolean,
): Set<number> {
  const start = Int32Array.from(schedule.start);
  const end = Int32Array.from(schedule.end);
  let fitted = new Map<number, Float64Array>();
  const stepping = standIns(problem, anchors, windows);
  for (;;) {
    fitted = fitWindows(
      problem,
      decoder.bookings,
      windows
        .filter((j) => !problem.jobs[j].milestone)
        .map((j) => ({ job: j, crew: stepping.get(j) ?? anchors.crew[j], start: anchors.start[j], end: anchors.end[j] })),
      together,
    );
    const lost = new Uint8Array(problem.jobs.length);
    const kept = windows.filter((j) => {
      const job = problem.jobs[j];
      const daily = fitted.get(j);
      const ready = readyDay(problem, job.preds, job.earliest, start, end);
      if (job.milestone) decoder.placeMilestone(j, ready, { start, end });
      else if (daily) {
        start[j] = anchors.start[j];
        end[j] = start[j] + daily.length - 1;
      }
      const keep = (job.milestone || daily !== undefined) && !job.preds.some((p) => lost[p]) && (job.milestone || ready <= start[j]);
      if (!keep) lost[j] = 1;
      return keep;
    });
    if (kept.length === windows.length) break;
    windows = kept;
  }
  const booked = new Set<number>();
  for (const j of windows) {
    const job = problem.jobs[j];
    anchors.daily[j] = fitted.get(j);
    const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
    if (decoder.keepAnchor(j, ready, schedule, undefined, stepping.get(j))) booked.add(j);
  }
  return booked;
}

/**
 * Keeps what still fits of the published plan: every job that can keep its whole window (see
 * keepWindows), then, in baseline order, every other job that can still start on its day: with its
 * people, or else with whoever can (so what waits for it keeps its days too). Jobs that cannot are
 * skipped and not booked. Each kept job's hours per day become its anchor's, so it books the same way
 * in any order while they fit. Windows are fitted the planner's way alone too when finding them
 * together loses some; that way is kept unless finding them together leaves more jobs with their
 * people on their day.
 */
function keepWhatFits(
  problem: Problem,
  decoder: Decoder,
  anchors: Anchors,
  order: readonly number[],
  before?: PlacedBefore,
): { kept: number[]; schedule: Schedule } {
  const together = keepFitting(problem, decoder, anchors, order, true, before);
  if (together.kept.length === order.length) return together;
  const unmoved = ({ kept, schedule }: { kept: number[]; schedule: Schedule }) =>
    kept.filter((j) => schedule.crew[j].every((p, s) => p === anchors.crew[j][s])).length;
  // What fitting alone would overwrite, to go back to when it keeps fewer.
  const booked = decoder.bookings.snapshot();
  const daily = anchors.daily.slice();
  const alone = keepFitting(problem, decoder, anchors, order, false, before);
  if (unmoved(alone) >= unmoved(together)) return alone;
  decoder.bookings.restore(booked);
  Object.assign(anchors.daily, daily);
  return together;
}

/** keepWhatFits, with windows found together where booking them in order loses some, or not. */
function keepFitting(
  problem: Problem,
  decoder: Decoder,
  anchors: Anchors,
  order: readonly number[],
  together: boolean,
  before?: PlacedBefore,
): { kept: number[]; schedule: Schedule } {
  const n = problem.jobs.length;
  const schedule = before ? copySchedule(before.schedule) : emptySchedule(n);
  const done = new Uint8Array(n);
  if (before) {
    decoder.prefixFrom(Int32Array.from(before.order), before.order.length, before.schedule);
    for (const j of before.order) done[j] = 1;
  } else decoder.bookings.reset();
  anchors.daily.fill(undefined);
  const windows = windowCandidates(problem, decoder, anchors, order, schedule, done);
  for (const j of keepWindows(problem, decoder, anchors, windows, schedule, together)) done[j] = 1;
  for (const j of order) {
    const job = problem.jobs[j];
    if (done[j] || !job.preds.every((p) => done[p])) continue;
    const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
    if (decoder.keepAnchor(j, ready, schedule, undefined) || decoder.keepDays(j, ready, schedule, undefined)) done[j] = 1;
  }
  const kept = order.filter((j) => done[j]);
  for (const j of kept) anchors.daily[j] = schedule.daily[j];
  return { kept, schedule };
}

/**
 * Where a re-plan's search starts: the kept jobs first (fixed when frozen, or always in Keep mode),
 * then everything else. Jobs kept whose baseline end was not given get their kept lateness as the
 * lateness they already had.
 */
export function replanStart(
  problem: Problem,
  decoder: Decoder,
  anchors: Anchors,
  mode: Exclude<ReplanMode, 'Free'>,
  planned: Uint8Array,
  before?: PlacedBefore,
): ReplanStart {
  decoder.anchors = anchors;
  const previous = new Set(before?.order ?? []);
  const order = candidateOrder(problem, anchors, planned, previous);
  const { kept, schedule } = keepWhatFits(problem, decoder, anchors, order, before);
  for (const j of kept) if (Number.isNaN(anchors.lateBefore[j])) anchors.lateBefore[j] = lateDays(problem, j, schedule.end[j]);
  const frozen = kept.filter((j) => anchors.start[j] < anchors.freezeEnd);
  const free = kept.filter((j) => anchors.start[j] >= anchors.freezeEnd);
  const keptSet = new Set(kept);
  const rest = order.filter((j) => !keptSet.has(j));
  const fixedJobs = mode === 'Keep' ? [...frozen, ...free] : frozen;
  const prefer = new Map(before?.prefer ?? []);
  for (const j of fixedJobs) prefer.set(j, schedule.crew[j]);
  const fixedOrder = [...(before?.order ?? []), ...fixedJobs];
  const initial = Int32Array.from([...fixedOrder, ...(mode === 'Keep' ? [] : free), ...rest]);
  return {
    kept: kept.length,
    fixed: fixedOrder.length ? { order: fixedOrder, prefer, placed: schedule } : undefined,
    replan: { anchors, initial, compare: mode === 'Keep' ? keepFirst : balanced },
  };
}

/** A plan's own placements as anchors: every staffed job on its days with its people. */
function ownAnchors(problem: Problem, schedule: Schedule, planned: Uint8Array): Anchors {
  const n = problem.jobs.length;
  const placed = (j: number) => planned[j] === 1 && schedule.unplaced[j] === undefined;
  return {
    start: Int32Array.from({ length: n }, (_, j) => (placed(j) ? schedule.start[j] : NO_ANCHOR)),
    end: Int32Array.from({ length: n }, (_, j) => (placed(j) ? schedule.end[j] : NO_ANCHOR)),
    crew: schedule.crew.map((c, j) =>
      c.length === problem.jobs[j].slots.length ? c.slice() : new Int32Array(problem.jobs[j].slots.length).fill(-1),
    ),
    daily: new Array(n).fill(undefined),
    whole: new Uint8Array(n).fill(1),
    lateBefore: new Float64Array(n).fill(Number.NaN),
    freezeEnd: 0,
    count: n,
  };
}

function sameRows(a: Schedule, b: Schedule, jobs: readonly number[]): boolean {
  return jobs.every(
    (j) =>
      (a.unplaced[j] === undefined) === (b.unplaced[j] === undefined) &&
      a.start[j] === b.start[j] &&
      a.end[j] === b.end[j] &&
      a.crew[j].length === b.crew[j].length &&
      a.crew[j].every((p, s) => p === b.crew[j][s]),
  );
}

const SETTLE_ROUNDS = 3;

/**
 * The plan as it reads back from its own sheet: booked again the way a re-plan books a published
 * plan, until doing so changes nothing — then publishing it and re-planning an unchanged workbook
 * gives it back, row for row. Usually the plan already reads back as it is; when settling moves a
 * few tasks, the settled plan is taken if `acceptable` (no worse where it matters). Otherwise, or
 * when it does not settle within a few rounds, the plan as found.
 */
export function settle(
  problem: Problem,
  decoder: Decoder,
  schedule: Schedule,
  planned: Uint8Array,
  acceptable: (settled: Schedule) => boolean,
  before?: PlacedBefore,
): Schedule {
  const anchors = decoder.anchors;
  const previous = new Set(before?.order ?? []);
  const jobs = problem.jobs.map((j) => j.index).filter((j) => planned[j] === 1 && !previous.has(j));
  let current = schedule;
  try {
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const own = ownAnchors(problem, current, planned);
      decoder.anchors = own;
      const order = candidateOrder(problem, own, planned, previous);
      const { kept } = keepWhatFits(problem, decoder, own, order, before);
      const keptSet = new Set(kept);
      const all = Int32Array.from([...(before?.order ?? []), ...kept, ...order.filter((j) => !keptSet.has(j))]);
      const prefix = before ? decoder.prefixFrom(all, before.order.length, before.schedule) : undefined;
      const next = decoder.decode(all, current.crew, prefix);
      if (sameRows(next, current, jobs)) return round === 0 || acceptable(next) ? next : schedule;
      current = next;
    }
    return schedule;
  } finally {
    decoder.anchors = anchors;
  }
}
