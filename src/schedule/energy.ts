// Energetic reasoning, destructive: to rule out a plan of T days, give every task the window its
// dependencies leave it for T (from its earliest start to its latest end), then tighten the windows
// until nothing changes or one is too small:
// - dependencies: a task starts the day after the earliest day all it waits for can be done, and
//   ends the day before the latest day all that waits for it must start;
// - workload: in any window of days, the hours each task cannot do outside it must fit in the hours
//   of the people who could do them. More than fits rules T out; when a task's share of what is left
//   is too small, its window shrinks, and so do the windows of what waits for it or what it waits for;
// - shaving: a whole-day task started as early (or as late) as it may, tightened in turn, may leave
//   no room for the rest: then it cannot start that early (or that late).
// The smallest T not ruled out is a lower bound.
//
// A task may work fewer hours a day than its crew has, where others take the rest of their day: its
// hours outside a window are then only capped by what its crew could work before and after it. A
// whole-day task (see EnergyTask.whole) cannot: it works every working day from its first to its
// last, so the hours it puts in a window follow from its start, and two whose crews must share
// someone never share a day (they take turns, like one person's work).
//
// Each task's part in a group is the number of its slots only the group can fill: its crew size less
// the most slots people outside the group could fill at once (a matching), so a crew of three riggers
// needs the group's people even when one outsider could rig.

import { topologicalOrder } from '../model/graph';
import { maxCrew } from './problem';

export interface EnergyTask {
  /** Hours per person. */
  hours: number;
  /** First day the task may work (after everything it waits for, at best). */
  head: number;
  /** Most hours the crew can work, cumulated from day 0: rate[d] = hours possible before day d. */
  rate: Float64Array;
  slots: readonly (readonly number[])[];
  /** Tasks (positions in the list) that must be done before this one starts. */
  preds: readonly number[];
  /**
   * Whether the task can only work whole days at `rate` from its first day to its last: everyone who
   * could fill its slots works the same hours, in whole-day bookings only, so no day of its can be
   * shared and it cannot slow down.
   */
  whole: boolean;
}

export interface EnergyGroup {
  people: readonly number[];
  /** Working hours of the group cumulated from day 0. */
  hours: Float64Array;
  label: string;
}

export interface EnergyBound {
  days: number;
  group: string;
  from: number;
  to: number;
}

const EPS = 1e-6;
/**
 * Work allowed (steps: a task in a window, a task followed along its dependencies) for each depth of
 * search: one look at each window (all a big firm's budget buys), then tightening and shaving from
 * the length it leaves. Keeps a big firm's bound quick.
 */
const BUDGET = { look: 30_000_000, tighten: 10_000_000, shave: 15_000_000 };
/** Looks at every window the budget of a deeper search must buy for it to be tried at all. */
const LOOKS = { tighten: 5, shave: 30 };
/** Tasks × groups beyond which each task's part in each group is not even worked out. */
const MAX_PAIRINGS = 500_000;
/** Rounds of tightening per length tried; each round that changes nothing ends it sooner. */
const MAX_ROUNDS = 30;
/** Rounds of shaving per length tried. */
const MAX_SHAVES = 3;
/** Whole-day tasks beyond which pairs that cannot share a day are not looked for. */
const MAX_PAIRED = 600;

interface Part {
  task: number;
  /** Persons the group must give the task. */
  need: number;
}

/** How many of a task's slots only the group can fill. */
function need(task: EnergyTask, inside: Set<number>): number {
  const outside = task.slots.map((candidates) => candidates.filter((c) => !inside.has(c)));
  return task.slots.length - maxCrew(outside.map((candidates) => ({ candidates })));
}

/** First x in [from, to] with cumulated[x] ≥ value, or to + 1. */
function firstReaching(cumulated: Float64Array, value: number, from: number, to: number): number {
  let lo = from;
  let hi = to + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulated[mid] >= value - EPS) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Last x in [from, to] with cumulated[x] ≤ value, or from − 1. */
function lastWithin(cumulated: Float64Array, value: number, from: number, to: number): number {
  let lo = from - 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cumulated[mid] <= value + EPS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * How hard to look: one look at each window; tightening until nothing changes; and shaving too
 * (what each whole-day task's earliest and latest days would leave, each tightened in turn).
 */
type Depth = 'look' | 'tighten' | 'shave';

/** A window that rules a length out, or why none was found. */
type Verdict = { group: string; from: number; to: number } | 'passes' | 'out of budget';

/** Found impossible: where (a group's window, or a task's own when its dependencies leave it no room). */
class Impossible {
  constructor(readonly verdict: { group: string; from: number; to: number }) {}
}

class Check {
  /** Work done, and allowed, so far. */
  ops = 0;
  budget = 0;
  private readonly order: number[];
  private readonly succs: number[][];
  /** Whole-day tasks, longest first: the order they are shaved in. */
  private readonly longestFirst: number[];
  // Per task, for the length being tried: earliest start and end, latest start and end (days).
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly latestStart: Int32Array;
  private readonly latestEnd: Int32Array;

  constructor(
    private readonly tasks: readonly EnergyTask[],
    /** Each group with its parts (both reordered as checks go). */
    private readonly groups: { group: EnergyGroup; parts: Part[] }[],
    /** Per whole-day task, the whole-day tasks it cannot share a day with (their crews must share someone). */
    private readonly apart: readonly (readonly number[])[],
    private readonly limit: number,
  ) {
    const n = tasks.length;
    this.order = topologicalOrder(tasks.map((t) => t.preds)) ?? tasks.map((_, i) => i);
    this.succs = tasks.map(() => []);
    tasks.forEach((t, i) => {
      for (const p of t.preds) this.succs[p].push(i);
    });
    this.longestFirst = tasks
      .map((_, i) => i)
      .filter((i) => tasks[i].whole)
      .sort((x, y) => tasks[y].hours - tasks[x].hours);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.latestStart = new Int32Array(n);
    this.latestEnd = new Int32Array(n);
  }

  /** A window that rules out length T, if any is found within the budget, looking as deep as asked. */
  fails(T: number, depth: Depth): Verdict {
    const { tasks, start, end, latestStart, latestEnd } = this;
    for (let i = 0; i < tasks.length; i++) {
      start[i] = tasks[i].head;
      end[i] = start[i];
      latestEnd[i] = Math.min(T, this.limit) - 1;
      latestStart[i] = latestEnd[i];
    }
    try {
      if (depth === 'look') {
        this.follow();
        this.workloads(false);
      } else if (this.settle() && depth === 'shave') {
        for (let pass = 0; pass < MAX_SHAVES && this.shave(); pass++) if (!this.settle()) break;
      }
      return this.ops > this.budget ? 'out of budget' : 'passes';
    } catch (e) {
      if (e instanceof Impossible) return e.verdict;
      throw e;
    }
  }

  /** Tightens until nothing changes (or the budget is spent: then false). */
  private settle(): boolean {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.follow();
      if (this.ops > this.budget) return false;
      if (!this.ordered() && !this.workloads(true)) break;
    }
    return this.ops <= this.budget;
  }

  /** Dependencies and days that cannot be shared until nothing changes, then one look at each window. */
  private quick(): void {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.follow();
      if (!this.ordered()) break;
      if (this.ops > this.budget) return;
    }
    this.workloads(false);
  }

  /** Whether tightening finds the length impossible once `change` is made; nothing stays changed. */
  private impossibleWith(change: () => void): boolean {
    const saved = [this.start, this.end, this.latestStart, this.latestEnd].map((a) => a.slice());
    try {
      change();
      this.quick();
      return false;
    } catch (e) {
      if (e instanceof Impossible) return true;
      throw e;
    } finally {
      this.start.set(saved[0]);
      this.end.set(saved[1]);
      this.latestStart.set(saved[2]);
      this.latestEnd.set(saved[3]);
    }
  }

  /**
   * Shaving: for each whole-day task, the earliest starts that leave no room for the rest (with it
   * started by then, tightening finds the length impossible), and likewise the latest; whether any
   * window shrank.
   */
  private shave(): boolean {
    const { tasks, start, latestStart, latestEnd } = this;
    let changed = false;
    for (const i of this.longestFirst) {
      if (this.ops > this.budget) break;
      const { rate, hours } = tasks[i];
      let lo = start[i] - 1;
      let hi = latestStart[i];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        const impossible = this.impossibleWith(() => {
          latestStart[i] = mid;
          latestEnd[i] = Math.min(latestEnd[i], firstReaching(rate, rate[mid] + hours, mid + 1, this.limit) - 1);
        });
        if (impossible) lo = mid;
        else hi = mid;
      }
      if (lo >= start[i]) {
        start[i] = lo + 1;
        this.moveStart(i);
        changed = true;
      }
      lo = start[i];
      hi = latestStart[i] + 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        const impossible = this.impossibleWith(() => {
          start[i] = mid;
          this.moveStart(i);
        });
        if (impossible) hi = mid;
        else lo = mid;
      }
      if (hi <= latestStart[i]) {
        latestEnd[i] = firstReaching(rate, rate[hi - 1] + hours, hi, this.limit) - 1;
        this.moveLatestEnd(i);
        changed = true;
      }
    }
    return changed;
  }

  private tooSmall(i: number): never {
    throw new Impossible({ group: '', from: this.start[i], to: Math.max(this.start[i], this.latestEnd[i]) });
  }

  /** Earliest ends forward along dependencies, latest starts backward. */
  private follow(): void {
    const { tasks, order, succs, start, end, latestStart, latestEnd, limit } = this;
    for (const i of order) {
      const { rate, hours } = tasks[i];
      for (const p of tasks[i].preds) start[i] = Math.max(start[i], end[p] + 1);
      if (start[i] >= limit) this.tooSmall(i);
      end[i] = Math.max(end[i], firstReaching(rate, rate[start[i]] + hours, start[i] + 1, limit) - 1);
    }
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k];
      const { rate, hours } = tasks[i];
      for (const s of succs[i]) latestEnd[i] = Math.min(latestEnd[i], latestStart[s] - 1);
      if (latestEnd[i] < 0) this.tooSmall(i);
      latestStart[i] = Math.min(latestStart[i], lastWithin(rate, rate[latestEnd[i] + 1] - hours, 0, latestEnd[i]));
      if (latestStart[i] < start[i] || end[i] > latestEnd[i]) this.tooSmall(i);
    }
    this.ops += 10 * tasks.length;
  }

  /** Whole-day tasks that cannot share a day, one of which cannot come first: the other does. */
  private ordered(): boolean {
    const { apart, start, end, latestStart, latestEnd } = this;
    let changed = false;
    for (let i = 0; i < apart.length; i++) {
      this.ops += apart[i].length;
      for (const j of apart[i]) {
        // i cannot be done before j must start: j comes first.
        if (end[i] < latestStart[j]) continue;
        if (start[i] <= end[j]) {
          start[i] = end[j] + 1;
          this.moveStart(i);
          changed = true;
        }
        if (latestEnd[j] >= latestStart[i]) {
          latestEnd[j] = latestStart[i] - 1;
          this.moveLatestEnd(j);
          changed = true;
        }
      }
    }
    return changed;
  }

  /** A whole-day task's earliest end, after its earliest start moved. */
  private moveStart(i: number): void {
    const { rate, hours } = this.tasks[i];
    const s = this.start[i];
    if (s >= this.limit) this.tooSmall(i);
    this.end[i] = Math.max(this.end[i], firstReaching(rate, rate[s] + hours, s + 1, this.limit) - 1);
    if (this.end[i] > this.latestEnd[i]) this.tooSmall(i);
  }

  /** A whole-day task's latest start, after its latest end moved. */
  private moveLatestEnd(i: number): void {
    const { rate, hours } = this.tasks[i];
    const e = this.latestEnd[i];
    if (e < 0) this.tooSmall(i);
    this.latestStart[i] = Math.min(this.latestStart[i], lastWithin(rate, rate[e + 1] - hours, 0, e));
    if (this.latestStart[i] < this.start[i]) this.tooSmall(i);
  }

  /**
   * The hours of task i that must fall in [a, b): a whole-day task's least overlap, started as early
   * or as late as it may; any other's hours that fit neither before nor after the window.
   */
  private inside(i: number, a: number, b: number): number {
    const s = this.start[i];
    const last = this.latestEnd[i];
    if (b <= s || a > last) return 0;
    const { rate, hours, whole } = this.tasks[i];
    if (whole) {
      const early = rate[Math.min(b, this.end[i] + 1)] - rate[Math.max(a, s)];
      const late = rate[Math.min(b, last + 1)] - rate[Math.max(a, this.latestStart[i])];
      return Math.max(0, Math.min(early, late));
    }
    const before = a > s ? rate[a] - rate[s] : 0;
    const after = b <= last ? rate[last + 1] - rate[b] : 0;
    return Math.max(0, hours - before - after);
  }

  /**
   * The days windows start on (`from`) or end before (`to`), ascending: the parts' earliest starts and
   * the days after their latest ends; when tightening, also where whole-day tasks started as early
   * or as late as they may end and start.
   */
  private windowDays(parts: readonly Part[], tighten: boolean, side: 'from' | 'to'): Int32Array {
    const { tasks, end, latestStart } = this;
    const days = new Int32Array(parts.length * 3);
    let n = 0;
    for (const { task: i } of parts) {
      days[n++] = side === 'from' ? this.start[i] : this.latestEnd[i] + 1;
      if (tighten && tasks[i].whole) {
        days[n++] = end[i] + 1;
        days[n++] = latestStart[i];
      }
    }
    const sorted = days.subarray(0, n).sort();
    let unique = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
    return sorted.subarray(0, unique);
  }

  /** Checks every window of every group, tightening what it can if asked; whether anything changed. */
  private workloads(tighten: boolean): boolean {
    const { tasks, start, end, latestStart, latestEnd, groups } = this;
    let changed = false;
    for (let g = 0; g < groups.length; g++) {
      const { group, parts } = groups[g];
      // By earliest start: a window's end leaves out every part from the first that starts at it.
      parts.sort((x, y) => start[x.task] - start[y.task]);
      const from = this.windowDays(parts, tighten, 'from');
      const to = this.windowDays(parts, tighten, 'to');
      // A group whose every window would not fit in what is left of the budget is not started.
      if (this.ops + from.length * to.length * parts.length > this.budget) {
        this.ops = this.budget + 1;
        return false;
      }
      const active = new Int32Array(parts.length);
      const mandatory = new Float64Array(parts.length);
      for (const a of from) {
        // The parts that may still work on day a.
        let count = 0;
        for (let k = 0; k < parts.length; k++) if (latestEnd[parts[k].task] >= a) active[count++] = k;
        this.ops += count + to.length;
        if (this.ops > this.budget) return false;
        for (const b of to) {
          if (b <= a) continue;
          let demand = 0;
          let m = 0;
          for (; m < count && start[parts[active[m]].task] < b; m++) {
            const part = parts[active[m]];
            mandatory[m] = this.inside(part.task, a, b);
            demand += part.need * mandatory[m];
          }
          this.ops += m * (tighten ? 2 : 1);
          const capacity = group.hours[b] - group.hours[a];
          if (demand > capacity + EPS) {
            // The group that overflowed first is looked at first next time.
            groups.unshift(...groups.splice(g, 1));
            throw new Impossible({ group: group.label, from: a, to: b - 1 });
          }
          if (!tighten) continue;
          for (let k = 0; k < m; k++) {
            const part = parts[active[k]];
            const i = part.task;
            const { rate, hours, whole } = tasks[i];
            const s = start[i];
            const last = latestEnd[i];
            // The most hours task i can have in the window with everyone else's share in it.
            const room = mandatory[k] + (capacity - demand) / part.need;
            const lo = Math.max(a, s);
            const hi = Math.min(b, last + 1);
            if (hi <= lo || room >= rate[hi] - rate[lo] - EPS) continue;
            if (whole) {
              // Started as early as it may, it would put more than its room in the window: it starts
              // late enough to leave no more than that before the window's end (likewise the end).
              if (rate[Math.min(b, end[i] + 1)] - rate[lo] > room + EPS) {
                const later = firstReaching(rate, rate[b] - room, s, b);
                if (later > s) {
                  start[i] = later;
                  this.moveStart(i);
                  changed = true;
                }
              }
              if (rate[hi] - rate[Math.max(a, latestStart[i])] > room + EPS) {
                const sooner = lastWithin(rate, rate[a] + room, a, last + 1) - 1;
                if (sooner < last) {
                  latestEnd[i] = sooner;
                  this.moveLatestEnd(i);
                  changed = true;
                }
              }
              continue;
            }
            // Done by the window's end at most: what fits before it, and its room in it.
            const done = (a > s ? rate[a] - rate[s] : 0) + room;
            if (done < hours - EPS && b <= last) {
              const e = firstReaching(rate, rate[b] + hours - done, b + 1, last + 1) - 1;
              if (e > end[i]) {
                end[i] = e;
                changed = true;
                if (e > last) this.tooSmall(i);
              }
            }
            // Done from the window's start on at most: its room in it, and what fits after it.
            const later = room + (b <= last ? rate[last + 1] - rate[b] : 0);
            if (later < hours - EPS && a > s) {
              const l = lastWithin(rate, rate[a] - (hours - later), s, a - 1);
              if (l < latestStart[i]) {
                latestStart[i] = l;
                changed = true;
                if (l < s) this.tooSmall(i);
              }
            }
          }
        }
      }
    }
    return changed;
  }
}

/** Per whole-day task, the whole-day tasks whose crew must share someone with its crew. */
function apartPairs(tasks: readonly EnergyTask[]): number[][] {
  const apart: number[][] = tasks.map(() => []);
  const whole = tasks.map((_, i) => i).filter((i) => tasks[i].whole);
  if (whole.length > MAX_PAIRED) return apart;
  for (let x = 0; x < whole.length; x++) {
    for (let y = x + 1; y < whole.length; y++) {
      const i = whole[x];
      const j = whole[y];
      const slots = [...tasks[i].slots, ...tasks[j].slots].map((candidates) => ({ candidates }));
      if (maxCrew(slots) < slots.length) {
        apart[i].push(j);
        apart[j].push(i);
      }
    }
  }
  return apart;
}

/**
 * Sets of whole-day tasks no two of which can share a day: each works alone, like one person, so
 * their hours must fit one person's days. One set grown from each task, longest tasks first.
 */
function oneAtATime(tasks: readonly EnergyTask[], apart: readonly (readonly number[])[]): { group: EnergyGroup; parts: Part[] }[] {
  const byHours = tasks.map((_, i) => i).sort((x, y) => tasks[y].hours - tasks[x].hours);
  const found = new Map<string, number[]>();
  for (const i of byHours) {
    if (!apart[i].length) continue;
    const members = [i];
    const common = new Set(apart[i]);
    for (const j of byHours) {
      if (!common.has(j)) continue;
      members.push(j);
      const next = new Set(apart[j]);
      for (const k of common) if (!next.has(k)) common.delete(k);
    }
    members.sort((x, y) => x - y);
    found.set(members.join(','), members);
  }
  return [...found.values()].map((members) => ({
    group: { people: [], hours: tasks[members[0]].rate, label: `${members.length} tasks that need the same people` },
    parts: members.map((task) => ({ task, need: 1 })),
  }));
}

/** Whether a firm is small enough for energetic reasoning to be worked out at all. */
export function energyAffordable(tasks: number, groups: number): boolean {
  return tasks * groups <= MAX_PAIRINGS;
}

/**
 * The least length (days) no window rules out, searched from `floor` (a length already known to be
 * impossible is floor − 1); undefined when the floor itself passes or the work would be too much.
 */
export function energeticBound(
  tasks: readonly EnergyTask[],
  groups: readonly EnergyGroup[],
  floor: number,
  limit: number,
): EnergyBound | undefined {
  if (!energyAffordable(tasks.length, groups.length)) return undefined;
  const withParts = groups
    .map((group) => {
      const members = new Set(group.people);
      const parts = tasks.map((task, i) => ({ task: i, need: need(task, members) })).filter((p) => p.need > 0);
      return { group, parts };
    })
    .filter((g) => g.parts.length > 0);
  const apart = apartPairs(tasks);
  const check = new Check(tasks, [...withParts, ...oneAtATime(tasks, apart)], apart, limit);
  // Every length up to lo is ruled out (the floor's own bound rules out those below it).
  let lo = floor - 1;
  let where: Impossible['verdict'] | undefined;
  const rules = (T: number, depth: Depth): 'passes' | 'out of budget' | undefined => {
    const found = check.fails(T, depth);
    if (typeof found === 'string') return found;
    lo = T;
    where = found;
    return undefined;
  };
  // One look at each window, halving from the floor up; then deeper, each up from what the last
  // leaves, in steps that double until one passes, then halving.
  let look = 0;
  for (const depth of ['look', 'tighten', 'shave'] as const) {
    // Deeper searches only where their budget buys many looks at every window (and shaving only
    // where there is a whole-day task to shave).
    if (depth !== 'look' && look * LOOKS[depth] > BUDGET[depth]) break;
    if (depth === 'shave' && !tasks.some((t) => t.whole)) break;
    check.ops = 0;
    check.budget = BUDGET[depth];
    let hi = limit;
    for (let step = 1; hi - lo > 1; step *= 2) {
      const T = depth === 'look' && lo < floor ? floor : hi < limit || depth === 'look' ? (lo + hi) >> 1 : Math.min(lo + step, limit - 1);
      const before = check.ops;
      const found = rules(T, depth);
      if (depth === 'look') look = Math.max(look, check.ops - before);
      if (found === 'out of budget') break;
      if (found === 'passes') hi = T;
    }
  }
  return where && { days: lo + 1, ...where };
}
