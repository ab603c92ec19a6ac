// Why each person was picked, written from the objective's own terms: when the task finishes
// (finish, lateness), what it costs (cost), how much expertise it uses (expertise), and whether the
// person is already on that client's work (switching). Each reason names the best alternative and
// what it would change: "Dev Patel would finish 3 days later".

import { shortDate } from '../model/dates';
import { formatMoney } from '../model/money';
import type { Bookings } from './bookings';
import { Decoder, readyDay, type Schedule } from './decode';
import type { Job, Problem } from './problem';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Alternative {
  person: number;
  end: number;
  cost: number;
  level: number;
}

/** Days past the chosen end within which an alternative is worth naming. */
const ALTERNATIVE_HORIZON = 91;

export class Explainer {
  /** Holds the finished plan's bookings; asked who else would have been picked. */
  private readonly decoder: Decoder;
  private readonly bookings: Bookings;
  /** Jobs each person works on. */
  private readonly byPerson: number[][];

  constructor(
    private readonly problem: Problem,
    private readonly schedule: Schedule,
    private readonly currency: string,
    /** A forward decoder over the same problem to reuse; its bookings are replaced by the plan's. */
    decoder?: Decoder,
  ) {
    this.decoder =
      decoder ??
      new Decoder(
        problem,
        problem.calendar,
        problem.jobs.map((j) => j.preds),
        problem.jobs.map((j) => j.earliest),
      );
    this.bookings = this.decoder.bookings;
    this.bookings.reset();
    this.byPerson = problem.people.map(() => []);
    problem.jobs.forEach((_, j) => {
      const daily = schedule.daily[j];
      if (daily) this.bookings.rebook(schedule.crew[j], { start: schedule.start[j], end: schedule.end[j], daily });
      for (const p of schedule.crew[j]) this.byPerson[p].push(j);
    });
  }

  private day(offset: number): string {
    return shortDate(this.problem.start + offset);
  }

  /** Whether the person has other work for the same client within the task's weeks. */
  private sameClient(person: number, job: Job): boolean {
    const { schedule } = this;
    return this.byPerson[person].some(
      (other) =>
        other !== job.index &&
        this.problem.jobs[other].clientIndex === job.clientIndex &&
        schedule.start[other] <= schedule.end[job.index] + 7 &&
        schedule.end[other] >= schedule.start[job.index] - 7,
    );
  }

  /** Who the planner would have picked for a slot instead, everything else in the plan held. */
  private alternative(job: Job, slot: number, ready: number): Alternative | undefined {
    const crew = Array.from(this.schedule.crew[job.index]);
    const others = crew.filter((_, s) => s !== slot);
    const found = this.decoder.bestCandidate(job, slot, others, ready, crew[slot], this.schedule.end[job.index] + ALTERNATIVE_HORIZON);
    if (!found) return undefined;
    const person = this.problem.people[found.person];
    return {
      person: found.person,
      end: found.end,
      cost: job.hours * person.costRate,
      level: person.skills.get(job.slots[slot].skill) ?? 0,
    };
  }

  private slotReason(job: Job, slot: number, ready: number): string {
    const { problem, schedule } = this;
    const p = schedule.crew[job.index][slot];
    const person = problem.people[p];
    const level = person.skills.get(job.slots[slot].skill) ?? 0;
    const label = job.slots[slot].label;
    const has = `${person.name} (${label.replace(/:\d+$/, '')} ${level} for ${label})`;
    if (job.pinned[slot] === p) return `${has}: ${job.inProgress ? 'already on it' : 'pinned in Tasks'}`;
    const alt = this.alternative(job, slot, ready);
    const cost = job.hours * person.costRate;
    const end = schedule.end[job.index];
    const facts: string[] = [];
    if (!alt) {
      const others = job.slots[slot].candidates.filter((c) => !schedule.crew[job.index].includes(c)).length;
      return `${has}: ${others === 0 ? 'the only one qualified' : 'nobody else qualified could finish within three months'}`;
    }
    const altName = problem.people[alt.person].name;
    if (alt.end > end) {
      facts.push(
        `finishes first; ${altName} would finish ${plural(problem.calendar.businessDaysBetween(end, alt.end), 'working day')} later`,
      );
    } else if (alt.end === end && alt.cost > cost + 0.5) {
      facts.push(`cheapest who can finish by ${this.day(end)}; ${altName} would cost ${formatMoney(alt.cost - cost, this.currency)} more`);
    } else if (alt.end === end && alt.level > level) {
      facts.push(`keeps ${altName} (level ${alt.level}) free for harder work`);
    } else if (this.sameClient(p, job)) {
      facts.push(`already on ${job.client} work that week; ${altName} could also do it`);
    } else {
      facts.push(`as good as ${altName}, and fits the rest of the plan`);
    }
    return `${has}: ${facts.join('; ')}`;
  }

  /** What held the start back: a dependency, the earliest date, or a person's availability. */
  private startReason(job: Job, ready: number): string {
    const { problem, schedule } = this;
    const start = schedule.start[job.index];
    if (start > ready) {
      const busy = Array.from(schedule.crew[job.index])
        .filter((p) => problem.calendar.capacity(p)[ready] > 0)
        .map((p) => problem.people[p].name);
      return busy.length
        ? `starts ${this.day(start)}, when ${busy.join(' and ')} ${busy.length > 1 ? 'are' : 'is'} free`
        : `starts ${this.day(start)}, the crew's next working day`;
    }
    const binding = job.preds.find((pr) => (problem.jobs[pr].milestone ? schedule.start[pr] : schedule.end[pr] + 1) === ready);
    if (binding !== undefined) return `starts ${this.day(start)}, right after ${problem.jobs[binding].item.key}`;
    if (job.earliest > 0 && job.earliest === ready) return `starts ${this.day(start)}, its earliest date`;
    return `starts ${this.day(start)}`;
  }

  /** The Why text of one job. */
  explain(j: number): string {
    const { problem, schedule } = this;
    const job = problem.jobs[j];
    const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
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
      const daily = schedule.daily[j];
      const crew = schedule.crew[j];
      this.bookings.unbook(crew, { start: schedule.start[j], end: schedule.end[j], daily: daily as Float64Array });
      try {
        parts.push(`${job.slots.map((_, s) => this.slotReason(job, s, ready)).join('. ')}.`);
        parts.push(`${this.startReason(job, ready)}.`);
      } finally {
        this.bookings.rebook(crew, { start: schedule.start[j], end: schedule.end[j], daily: daily as Float64Array });
      }
    }
    if (job.due !== undefined && schedule.end[j] > job.due) {
      const late = problem.calendar.businessDaysBetween(job.due, schedule.end[j]);
      if (late > 0) parts.push(`Late by ${plural(late, 'working day')} (due ${this.day(job.due)}).`);
    }
    return parts.join(' ');
  }
}
