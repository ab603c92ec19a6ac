// Who else could take each place in a crew, and what the plan's terms would be with them: the task
// done by that person instead (the rest of its crew kept), as early as they could do it, the rest of
// the plan as it is. The Why column names the best of them; the polish after the search makes any
// such swap that improves the plan, so each choice the Why explains beats its alternatives.

import type { Decoder, Schedule } from './decode';
import { readyDay } from './decode';
import { compareTerms, TermLedger, type Terms } from './objective';
import type { Problem } from './problem';

/** Days past the chosen end within which an alternative is worth naming. */
export const ALTERNATIVE_HORIZON = 91;

export interface Alternative {
  person: number;
  start: number;
  end: number;
  /** The plan's terms with this person in the place. */
  terms: Terms;
}

/** Packs a candidate's position with a day: candidate lists are shorter than this. */
const PACK = 1 << 20;

/** People the polish looks at for a place, soonest conceivable end first (as the decoder caps its scan). */
const POLISH_SCAN = 16;

/** Rounds of swaps the polish makes at most (each round tries every place once). */
const POLISH_ROUNDS = 2;

export class Alternatives {
  readonly ledger: TermLedger;

  /**
   * Over `schedule` (changed in place by polish), with its `planned` jobs counted in the terms and
   * booked in the decoder's bookings.
   */
  constructor(
    readonly problem: Problem,
    readonly schedule: Schedule,
    private readonly decoder: Decoder,
    private readonly planned: Uint8Array,
  ) {
    decoder.bookings.reset();
    problem.jobs.forEach((_, j) => {
      if (planned[j]) this.book(j, 1);
    });
    this.ledger = new TermLedger(problem, schedule, planned);
  }

  /** Every planned job's hours, as the plan books them. */
  get bookings() {
    return this.decoder.bookings;
  }

  private book(j: number, sign: 1 | -1): void {
    const { schedule } = this;
    const daily = schedule.daily[j];
    if (!daily) return;
    const placement = { start: schedule.start[j], end: schedule.end[j], daily };
    if (sign > 0) this.decoder.bookings.rebook(schedule.crew[j], placement);
    else this.decoder.bookings.unbook(schedule.crew[j], placement);
  }

  /** The first day job j could start, given what it waits for. */
  ready(j: number): number {
    const job = this.problem.jobs[j];
    return readyDay(this.problem, job.preds, job.earliest, this.schedule.start, this.schedule.end);
  }

  /** For each place in job j's crew, the best other person (undefined: nobody else could within the horizon). */
  of(j: number): (Alternative | undefined)[] {
    this.book(j, -1);
    try {
      const ready = this.ready(j);
      return Array.from(this.schedule.crew[j], (_, s) => this.best(j, s, ready));
    } finally {
      this.book(j, 1);
    }
  }

  /**
   * The other qualified person whose plan has the best terms. Ending later is always worse (the
   * task's own end counts in flow before cost and the rest), so people are tried soonest conceivable
   * end first and only while they could end no later than the best so far; `against` (the person in
   * the place now) sets the bar from the start when only a better plan is wanted. Job j must be unbooked.
   */
  private best(j: number, s: number, ready: number, against?: Alternative, scan = Number.POSITIVE_INFINITY): Alternative | undefined {
    const { bookings } = this.decoder;
    const job = this.problem.jobs[j];
    const crew = Array.from(this.schedule.crew[j]);
    const { candidates } = job.slots[s];
    // Steps (see Effort) besides the days looked at: a fixed part, one per candidate (their soonest
    // end, sorted), and 30 for each alternative plan's terms below.
    bookings.effort.spend(30 + candidates.length);
    // Soonest conceivable end and position packed in one number, so a plain numeric sort orders them.
    const order = new Float64Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      const soonest = crew.includes(c)
        ? Number.POSITIVE_INFINITY
        : bookings.soonestEnd(c, job.hours, job.maxPerDay, Math.max(ready, bookings.firstFree[c]));
      order[i] = soonest * PACK + i;
    }
    order.sort();
    const { people } = this.problem;
    const { skill } = job.slots[s];
    let best = against;
    let notAfter = against ? against.end : this.schedule.end[j] + ALTERNATIVE_HORIZON;
    let looked = 0;
    for (const packed of order) {
      const soonest = Math.floor(packed / PACK);
      if (soonest > notAfter || looked >= scan) break;
      const c = candidates[packed % PACK];
      // Someone who can at best tie the best so far on the end loses on cost, or on expertise, without a look.
      if (best && soonest >= best.end) {
        const [rate, bestRate] = [people[c].costRate, people[best.person].costRate];
        if (rate > bestRate || (rate === bestRate && (people[c].skills.get(skill) ?? 0) > (people[best.person].skills.get(skill) ?? 0)))
          continue;
      }
      crew[s] = c;
      looked++;
      const window = bookings.window(crew, job.hours, job.maxPerDay, ready, notAfter);
      if (!window) continue;
      bookings.effort.spend(30);
      const terms = this.ledger.whatIf(j, crew, window.start, window.end);
      if (!best || compareTerms(terms, best.terms) < 0) best = { person: c, ...window, terms };
      notAfter = best.end;
    }
    return best === against ? undefined : best;
  }

  /**
   * Makes every swap of one person that makes the plan better, job by job in `order` (a few rounds
   * at most), lets two of a crew change places where that is better, and starts a job earlier where
   * a swap has freed its crew; milestones then move to the day their last predecessor now ends. Better means better
   * terms, so a swapped task never ends later and nothing after it has to move.
   */
  polish(order: ArrayLike<number>, jobs: Uint8Array): void {
    const { problem, schedule } = this;
    for (let round = 0, changed = true; changed && round < POLISH_ROUNDS; round++) {
      changed = false;
      for (let k = 0; k < order.length; k++) {
        const j = order[k];
        if (!jobs[j] || !schedule.daily[j]) continue;
        changed = this.shift(j) || changed;
        for (let s = 0; s < schedule.crew[j].length; s++) {
          if (problem.jobs[j].pinned[s] >= 0) continue;
          changed = this.improve(j, s) || changed;
          changed = this.exchange(j, s) || changed;
        }
      }
    }
    for (let k = 0; k < order.length; k++) {
      const j = order[k];
      if (!this.planned[j] || !problem.jobs[j].milestone || schedule.unplaced[j]) continue;
      this.decoder.placeMilestone(j, this.ready(j), schedule);
      this.ledger.move(j, [], schedule.start[j], schedule.end[j]);
    }
  }

  /** Gives place s of job j to its best alternative if the plan is better so; true if it did. */
  private improve(j: number, s: number): boolean {
    this.book(j, -1);
    const { schedule } = this;
    const chosen = { person: schedule.crew[j][s], start: schedule.start[j], end: schedule.end[j], terms: this.ledger.terms };
    const alt = this.best(j, s, this.ready(j), chosen, POLISH_SCAN);
    if (!alt || compareTerms(alt.terms, this.ledger.terms) >= 0) {
      this.book(j, 1);
      return false;
    }
    const crew = Array.from(this.schedule.crew[j]);
    crew[s] = alt.person;
    this.place(j, crew, alt.start);
    return true;
  }

  /**
   * Two of job j's crew change places where each can fill the other's and the plan is better so (the
   * same people on the same days: only who fills which place changes, e.g. the one with the skill
   * to spare taking the harder place); true if they did.
   */
  private exchange(j: number, s: number): boolean {
    const job = this.problem.jobs[j];
    const { schedule } = this;
    const crew = Array.from(schedule.crew[j]);
    for (let t = s + 1; t < crew.length; t++) {
      if (job.pinned[t] >= 0 || !job.slots[s].candidates.includes(crew[t]) || !job.slots[t].candidates.includes(crew[s])) continue;
      [crew[s], crew[t]] = [crew[t], crew[s]];
      if (compareTerms(this.ledger.whatIf(j, crew, schedule.start[j], schedule.end[j]), this.ledger.terms) < 0) {
        schedule.crew[j] = Int32Array.from(crew);
        this.ledger.move(j, crew, schedule.start[j], schedule.end[j]);
        return true;
      }
      [crew[s], crew[t]] = [crew[t], crew[s]];
    }
    return false;
  }

  /**
   * Starts job j earlier with its own crew where a swap elsewhere has freed them, unless the plan
   * would be worse so; true if it did. Without this a task would wait for work no longer there.
   */
  private shift(j: number): boolean {
    this.book(j, -1);
    const { schedule } = this;
    const job = this.problem.jobs[j];
    const crew = schedule.crew[j];
    const window = this.decoder.bookings.window(crew, job.hours, job.maxPerDay, this.ready(j), schedule.end[j]);
    if (
      !window ||
      window.start >= schedule.start[j] ||
      compareTerms(this.ledger.whatIf(j, crew, window.start, window.end), this.ledger.terms) > 0
    ) {
      this.book(j, 1);
      return false;
    }
    this.place(j, Array.from(crew), window.start);
    return true;
  }

  /** Books job j (unbooked) with `crew` from `start` and records it in the plan and its terms. */
  private place(j: number, crew: number[], start: number): void {
    const job = this.problem.jobs[j];
    const placement = this.decoder.bookings.book(crew, job.hours, job.maxPerDay, start);
    this.schedule.crew[j] = Int32Array.from(crew);
    this.schedule.start[j] = placement.start;
    this.schedule.end[j] = placement.end;
    this.schedule.daily[j] = placement.daily;
    this.ledger.move(j, crew, placement.start, placement.end);
  }
}
