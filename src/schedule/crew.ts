// Choosing a crew for a job with several open slots: the earliest day on which distinct qualified
// people can all start together, found by matching slots to the people free from that day; among
// the crews that could start then, the one that spends the people the rest of the plan needs least.
// Filling slots one at a time instead can give the only person a later slot could use to an earlier
// slot, or start with someone who is free now but busy before the others are.

import type { Bookings, Window } from './bookings';
import type { Job } from './problem';

/** Start days tried before giving up (the caller then fills slots one at a time). */
const ROUNDS = 48;
/** People considered per job: the ones who could finish soonest, were they free. */
const POOL = 40;

/** Slots matched to people, grown one person at a time (augmenting paths; crews are small). */
class SlotMatching {
  /** Per slot, the pool index holding it, or -1. */
  readonly holder = new Int32Array(32);
  size = 0;
  private slots = 0;
  /** Slots visited by the current augmenting search, a bit each. */
  private seen = 0;

  constructor(
    /** Per pool index, a bit per open slot the person qualifies for. */
    private readonly fits: Uint32Array,
  ) {}

  /** Starts over with `slots` empty slots. */
  reset(slots: number): void {
    this.slots = slots;
    this.size = 0;
    this.holder.fill(-1, 0, slots);
  }

  /** Adds a person; true if the matching grew (someone fills one more slot). */
  add(person: number): boolean {
    this.seen = 0;
    if (!this.augment(person)) return false;
    this.size++;
    return true;
  }

  private augment(person: number): boolean {
    const mask = this.fits[person];
    for (let s = 0; s < this.slots; s++) {
      if (!(mask & (1 << s)) || this.seen & (1 << s)) continue;
      this.seen |= 1 << s;
      if (this.holder[s] < 0 || this.augment(this.holder[s])) {
        this.holder[s] = person;
        return true;
      }
    }
    return false;
  }
}

/** Sorts the first `count` entries in place (insertion sort: pools are small, and typed-array sorts with a comparator are slow). */
function sortBy(list: Int32Array, count: number, compare: (a: number, b: number) => number): void {
  for (let i = 1; i < count; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], x) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
}

export interface CrewChoice {
  crew: number[];
  window: Window;
}

export class CrewMatcher {
  /** Scratch: the pool's people, what they can fill, and their windows from the day tried. */
  private readonly pool = new Int32Array(POOL);
  private readonly fits = new Uint32Array(POOL);
  private readonly starts = new Float64Array(POOL);
  private readonly ends = new Float64Array(POOL);
  private readonly free = new Int32Array(POOL);
  private readonly trial: number[] = [];
  /** Per person, a bit per open slot they qualify for (zeroed after each use). */
  private readonly bits: Uint32Array;
  private readonly matching = new SlotMatching(this.fits);

  constructor(
    private readonly bookings: Bookings,
    /** Per person: lower spends less of what others need (scarcity first, then cost). */
    private readonly score: Float64Array,
  ) {
    this.bits = new Uint32Array(score.length);
  }

  /**
   * A crew for the open slots (-1 in `fixed`) alongside the fixed people, starting as early as any
   * could; undefined when no such crew is found in a few tries (the caller falls back).
   */
  choose(job: Job, ready: number, fixed: readonly number[]): CrewChoice | undefined {
    const open: number[] = [];
    const taken: number[] = [];
    fixed.forEach((p, s) => {
      if (p < 0) open.push(s);
      else taken.push(p);
    });
    if (open.length > 31) return undefined;
    const size = this.gather(job, ready, open, taken);
    const { pool, starts, ends } = this;
    let best: CrewChoice | undefined;
    let t = ready;
    for (let round = 0; round < ROUNDS; round++) {
      let next = Number.POSITIVE_INFINITY;
      for (let i = 0; i < size; i++) {
        // A window found from an earlier day that starts on or after t is also the first from t.
        if (round === 0 || starts[i] < t) {
          ends[i] = this.windowWith(taken, pool[i], job, t, best ? best.window.end : Number.POSITIVE_INFINITY);
          starts[i] = ends[i] === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : this.bookings.lastWindowStart;
        }
        if (starts[i] > t && starts[i] < next) next = starts[i];
      }
      const crew = this.matchFrom(size, open.length, t);
      if (crew) {
        const people = fixed.slice();
        open.forEach((s, k) => {
          people[s] = pool[crew[k]];
        });
        const window = this.bookings.window(people, job.hours, job.maxPerDay, t);
        if (window && (!best || window.end < best.window.end)) best = { crew: people, window };
        // Everyone could start on day t and the crew together does: nothing starts sooner.
        if (window?.start === t) return best;
      }
      if (next === Number.POSITIVE_INFINITY || (best && next > best.window.end)) break;
      t = next;
    }
    return best;
  }

  /** The pool: each open slot's candidates outside the fixed crew, those who could end soonest first. */
  private gather(job: Job, ready: number, open: readonly number[], taken: readonly number[]): number {
    const { bits, bookings, pool, score } = this;
    const soonest = this.ends;
    let size = 0;
    const consider = (c: number) => {
      // Keep the POOL people who could end soonest were they free (ties to the lower score), sorted.
      const end = bookings.soonestEnd(c, job.hours, job.maxPerDay, Math.max(ready, bookings.firstFree[c]));
      let at = size;
      while (at > 0 && (soonest[at - 1] > end || (soonest[at - 1] === end && score[pool[at - 1]] > score[c]))) at--;
      if (at >= POOL) return;
      for (let k = Math.min(size, POOL - 1); k > at; k--) {
        pool[k] = pool[k - 1];
        soonest[k] = soonest[k - 1];
      }
      pool[at] = c;
      soonest[at] = end;
      if (size < POOL) size++;
    };
    open.forEach((s, k) => {
      for (const c of job.slots[s].candidates) {
        if (taken.includes(c)) continue;
        if (!bits[c]) consider(c);
        bits[c] |= 1 << k;
      }
    });
    for (let i = 0; i < size; i++) this.fits[i] = bits[pool[i]];
    open.forEach((s) => {
      for (const c of job.slots[s].candidates) bits[c] = 0;
    });
    return size;
  }

  /** The end of the window the fixed people and one more could work from day `from` (Infinity if none by `notAfter`). */
  private windowWith(taken: readonly number[], person: number, job: Job, from: number, notAfter: number): number {
    const trial = this.trial;
    if (trial.length !== taken.length + 1) trial.length = taken.length + 1;
    for (let k = 0; k < taken.length; k++) trial[k] = taken[k];
    trial[taken.length] = person;
    return this.bookings.windowEnd(trial, job.hours, job.maxPerDay, from, notAfter);
  }

  /**
   * A perfect matching of the open slots among people who can start on day t: first the earliest
   * end any such crew allows (adding people by their own end until every slot is filled), then,
   * among people ending by then, the least needed (adding them by score). Pool indices per open
   * slot, or undefined.
   */
  private matchFrom(size: number, slots: number, t: number): Int32Array | undefined {
    const { starts, ends, score, pool, matching } = this;
    let count = 0;
    for (let i = 0; i < size; i++) if (starts[i] === t) this.free[count++] = i;
    if (count < slots) return undefined;
    const { free } = this;
    sortBy(free, count, (a, b) => ends[a] - ends[b] || score[pool[a]] - score[pool[b]]);
    matching.reset(slots);
    let latest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < count; k++) {
      if (matching.add(free[k]) && matching.size === slots) {
        latest = ends[free[k]];
        break;
      }
    }
    if (latest === Number.POSITIVE_INFINITY) return undefined;
    let soon = 0;
    for (let k = 0; k < count; k++) if (ends[free[k]] <= latest) free[soon++] = free[k];
    sortBy(free, soon, (a, b) => score[pool[a]] - score[pool[b]] || ends[a] - ends[b]);
    matching.reset(slots);
    for (let k = 0; k < soon; k++) if (matching.add(free[k]) && matching.size === slots) break;
    return matching.holder;
  }
}
