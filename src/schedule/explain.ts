// Why each person was picked, written from the objective's own terms. For each place in a crew the
// best alternative is the other qualified person whose plan (this task done by them, everything else
// as planned) has the best terms; the reason is the first term, in the objective's order, in which
// the chosen person's plan beats it, with the size of the difference: "Dev Patel would finish 3
// working days later", "Ana Ruiz would cost $160 more", "keeps Tom Gallagher (level 5) free for
// harder work".

import { shortDateNear } from '../model/dates';
import { TooMuchWork } from '../model/effort';
import { formatMoney } from '../model/money';
import { plural } from '../model/numbers';
import type { Alternative, Alternatives } from './alternatives';
import { readyDay } from './decode';
import { difference, lateDays, TERM_ORDER, type Terms } from './objective';
import type { Job } from './problem';

/** The crew's reason once a formula's allowance is spent: the plan is whole, its choices just not compared. */
export const NOT_WEIGHED = 'Not compared: too many choices for a formula (the Plan panel compares each)';

/** The first term in which two plans differ, and by how much (b − a), as the search compares them. */
function firstDifference(a: Terms, b: Terms): { term: keyof Terms; by: number } | undefined {
  for (const term of TERM_ORDER) {
    const by = difference(b[term], a[term]);
    if (by) return { term, by };
  }
  return undefined;
}

export class Explainer {
  constructor(
    private readonly alternatives: Alternatives,
    private readonly currency: string,
  ) {}

  private get problem() {
    return this.alternatives.problem;
  }

  private get schedule() {
    return this.alternatives.schedule;
  }

  /** A day, with its year when that is not the plan start's. */
  private day(offset: number): string {
    return shortDateNear(this.problem.start + offset, this.problem.start);
  }

  /** Working days from one end to a later one. */
  private later(from: number, to: number): string {
    return plural(this.problem.calendar.businessDaysBetween(from, to), 'working day');
  }

  /** What the best alternative would change, in the first term where the plans differ. */
  private difference(job: Job, slot: number, alt: Alternative): string {
    const { problem, schedule } = this;
    const j = job.index;
    const name = problem.people[alt.person].name;
    const end = schedule.end[j];
    const diff = firstDifference(this.alternatives.ledger.terms, alt.terms);
    if (!diff) return `${name} would do exactly as well`;
    const worse = diff.by > 0;
    switch (diff.term) {
      case 'lateness':
      case 'finish':
      case 'flow': {
        if (!worse) return `${name} could finish ${this.later(alt.end, end)} sooner`;
        const after =
          diff.term === 'lateness'
            ? `, ${plural(lateDays(problem, j, alt.end), 'working day')} past the due date`
            : diff.term === 'finish'
              ? `, pushing back the end of ${job.item.project.project}`
              : '';
        return `${name} would finish ${this.later(end, alt.end)} later${after}`;
      }
      case 'cost':
        return `${name} would cost ${formatMoney(Math.abs(diff.by), this.currency)} ${worse ? 'more' : 'less'}`;
      case 'expertise': {
        const level = problem.people[alt.person].skills.get(job.slots[slot].skill) ?? 0;
        return worse ? `keeps ${name} (level ${level}) free for harder work` : `${name} would use less expertise (level ${level})`;
      }
      default:
        return `${name} would switch between clients ${plural(Math.abs(diff.by), 'time')} ${worse ? 'more' : 'less'} in a week`;
    }
  }

  private slotReason(job: Job, slot: number, alt: Alternative | undefined): string {
    const { problem, schedule } = this;
    const crew = schedule.crew[job.index];
    const p = crew[slot];
    const person = problem.people[p];
    const level = person.skills.get(job.slots[slot].skill) ?? 0;
    const label = job.slots[slot].label;
    const has = `${person.name} (${label.replace(/:\d+$/, '')} ${level} for ${label})`;
    if (job.pinned[slot] === p) return `${has}: ${job.inProgress ? 'already on it' : 'pinned in Tasks'}`;
    if (alt) return `${has}: ${this.difference(job, slot, alt)}`;
    const { candidates } = job.slots[slot];
    if (candidates.some((c) => !crew.includes(c))) return `${has}: nobody else qualified could finish within three months`;
    const colleagues = Array.from(crew).filter((c, s) => s !== slot && candidates.includes(c));
    if (!colleagues.length) return `${has}: the only one qualified`;
    return `${has}: everyone else qualified (${colleagues.map((c) => problem.people[c].name).join(', ')}) is on this crew`;
  }

  /** Each place's reason, or NOT_WEIGHED when the effort allowed has run out. */
  private crewReason(job: Job): string {
    if (this.alternatives.bookings.effort.exhausted) return NOT_WEIGHED;
    try {
      const alternatives = this.alternatives.of(job.index);
      return job.slots.map((_, s) => this.slotReason(job, s, alternatives[s])).join('. ');
    } catch (error) {
      if (error instanceof TooMuchWork) return NOT_WEIGHED;
      throw error;
    }
  }

  /** What held the start back: a dependency, the earliest date, or the crew's other work and days off. */
  private startReason(job: Job, ready: number): string {
    const { problem, schedule } = this;
    const start = schedule.start[job.index];
    const day = this.day(start);
    if (start > ready) {
      const { bookings } = this.alternatives;
      const busy = Array.from(schedule.crew[job.index])
        .filter((p) => !bookings.untouched(p, ready, start - 1))
        .map((p) => problem.people[p].name);
      return busy.length
        ? `Starts ${day}, when ${busy.join(' and ')} ${busy.length > 1 ? 'are' : 'is'} free`
        : `Starts ${day}, the first day the whole crew works`;
    }
    const binding = job.preds.find((pr) => (problem.jobs[pr].milestone ? schedule.start[pr] : schedule.end[pr] + 1) === ready);
    if (binding !== undefined) return `Starts ${day}, right after ${problem.jobs[binding].item.key}`;
    if (job.earliest > 0 && job.earliest === ready) return `Starts ${day}, its earliest date`;
    return `Starts ${day}`;
  }

  /** The Why text of one job. */
  explain(j: number): string {
    const { problem, schedule } = this;
    const job = problem.jobs[j];
    const parts: string[] = [];
    if (job.tentative) parts.push('Tentative (proposal).');
    if (schedule.unplaced[j]) return [...parts, `Cannot be staffed: ${schedule.unplaced[j]}.`].join(' ');
    if (job.milestone) {
      parts.push(
        job.preds.length
          ? `Milestone: when ${job.preds.map((p) => problem.jobs[p].item.name).join(', ')} ${job.preds.length > 1 ? 'are' : 'is'} done.`
          : 'Milestone.',
      );
    } else {
      parts.push(`${this.crewReason(job)}.`);
      parts.push(`${this.startReason(job, readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end))}.`);
    }
    if (job.due !== undefined && schedule.end[j] > job.due) {
      const late = problem.calendar.businessDaysBetween(job.due, schedule.end[j]);
      if (late > 0) parts.push(`Late by ${plural(late, 'working day')} (due ${this.day(job.due)}).`);
    }
    return parts.join(' ');
  }
}
