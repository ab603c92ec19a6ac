// What a plan says about its team: which skills its tasks waited for (every qualified person was busy
// the first working day the task could have started), which it cannot staff at all, and how much of
// the qualified people's hours each skill's work needs until the plan ends (the skill-capacity bound's
// measure, which flags a bottleneck even where nothing was seen waiting).

import type { Schedule } from '../schedule/decode';
import { readyDay } from '../schedule/decode';
import type { Problem } from '../schedule/problem';

export interface SkillEvidence {
  /** Canonical skill key, and the skill as the sheets write it. */
  skill: string;
  label: string;
  /** The level to train or hire at: the highest level a good share of the waiting asked for. */
  level: number;
  /** Σ priority weight × working days waited, over the slots of this skill. */
  score: number;
  /** Working days waited, summed over tasks. */
  days: number;
  /** Tasks that waited, longest wait first. */
  tasks: string[];
  /** Crew places of open tasks nobody on staff can fill. */
  unstaffable: number;
  /** Hours of the skill's work over its qualified people's hours until the plan ends (the largest over its levels). */
  load: number;
  /** The days (from the plan start) the waiting happened in: where a trainee's free time counts. */
  from: number;
  to: number;
}

/** Share of a skill's waiting a level must account for to be the level recommended. */
const LEVEL_SHARE = 0.25;
/** A skill whose work needs this share of its qualified people's hours is a candidate without waits. */
export const HIGH_LOAD = 0.9;

/** Hours booked per person per day, from a plan's placements. */
export function bookedHours(problem: Problem, schedule: Schedule, planned: Uint8Array, days: number): Float64Array[] {
  const booked = problem.people.map(() => new Float64Array(days));
  for (const { index: j } of problem.jobs) {
    const daily = schedule.daily[j];
    if (!planned[j] || !daily) continue;
    for (const p of schedule.crew[j])
      for (let d = 0; d < daily.length && schedule.start[j] + d < days; d++) booked[p][schedule.start[j] + d] += daily[d];
  }
  return booked;
}

/** A person's working hours in days [from, to) from the plan start, less what `booked` holds. */
export function freeHours(problem: Problem, person: number, from: number, to: number, booked?: Float64Array[]): number {
  problem.calendar.ensure(to);
  const cap = problem.calendar.capacity(person);
  let hours = 0;
  for (let d = Math.max(0, from); d < to; d++) hours += Math.max(0, cap[d] - (booked?.[person][d] ?? 0));
  return hours;
}

/** Days from the plan start to the end of the last placed task. */
export function planLength(problem: Problem, schedule: Schedule, planned: Uint8Array): number {
  let last = -1;
  for (const job of problem.jobs)
    if (planned[job.index] && !job.milestone && !schedule.unplaced[job.index]) last = Math.max(last, schedule.end[job.index]);
  return last + 1;
}

type Tally = SkillEvidence & { byLevel: number[]; waits: Map<string, number> };

function tallyOf(tallies: Map<string, Tally>, skill: string, label: string): Tally {
  let t = tallies.get(skill);
  if (!t) {
    t = {
      skill,
      label: label.replace(/:\d+$/, ''),
      level: 0,
      score: 0,
      days: 0,
      tasks: [],
      unstaffable: 0,
      load: 0,
      from: 1e9,
      to: 0,
      byLevel: [0, 0, 0, 0, 0, 0],
      waits: new Map(),
    };
    tallies.set(skill, t);
  }
  return t;
}

/** Tasks that started late because no qualified person was free, by the skills they waited for. */
function countWaits(problem: Problem, schedule: Schedule, planned: Uint8Array, booked: Float64Array[], tallies: Map<string, Tally>): void {
  const { calendar } = problem;
  for (const job of problem.jobs) {
    const j = job.index;
    if (!planned[j] || job.milestone || schedule.unplaced[j]) continue;
    const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
    const first = calendar.nextBusinessDay(ready);
    const days = calendar.businessDaysBetween(first, schedule.start[j]);
    if (days <= 0) continue;
    const crew = schedule.crew[j];
    job.slots.forEach((slot, s) => {
      // Anyone qualified (and not on the task's other places) with an hour free that day could have started it.
      const free = slot.candidates.some(
        (c) => (crew[s] === c || !crew.includes(c)) && freeHours(problem, c, first, first + 1, booked) >= Math.min(1, job.hours),
      );
      if (job.pinned[s] >= 0 || free) return;
      const t = tallyOf(tallies, slot.skill, slot.label);
      t.score += days * job.weight;
      t.days += t.waits.has(job.item.key) ? 0 : days;
      t.byLevel[slot.level] += days * job.weight;
      t.waits.set(job.item.key, days);
      t.from = Math.min(t.from, ready);
      t.to = Math.max(t.to, schedule.start[j]);
    });
  }
}

/** Crew places nobody on staff can fill: a skill or level nobody has, or too few distinct holders. */
function countUnstaffable(problem: Problem, planned: Uint8Array, tallies: Map<string, Tally>): void {
  for (const job of problem.jobs) {
    if (!planned[job.index] || !job.unstaffable) continue;
    const seen = new Set<number[]>();
    for (const slot of job.slots) {
      if (seen.has(slot.candidates)) continue;
      seen.add(slot.candidates);
      const short = job.slots.filter((s) => s.candidates === slot.candidates).length - slot.candidates.length;
      if (short <= 0) continue;
      const t = tallyOf(tallies, slot.skill, slot.label);
      t.unstaffable += short;
      t.level = Math.max(t.level, slot.level);
      t.from = Math.min(t.from, job.earliest);
      t.to = Math.max(t.to, job.earliest + 1);
    }
  }
}

/**
 * Per skill, the largest share of a qualified group's hours until the plan ends that its work needs. A
 * skill with more than one task's work that fills its people's hours bounds the plan's length.
 */
function countLoads(problem: Problem, planned: Uint8Array, length: number, tallies: Map<string, Tally>): void {
  const demand = new Map<number[], { skill: string; label: string; level: number; hours: number; slots: number }>();
  for (const job of problem.jobs) {
    if (!planned[job.index] || job.milestone || job.unstaffable) continue;
    job.slots.forEach((slot, s) => {
      if (job.pinned[s] >= 0) return;
      const d = demand.get(slot.candidates) ?? { skill: slot.skill, label: slot.label, level: slot.level, hours: 0, slots: 0 };
      d.hours += job.hours;
      d.slots += 1;
      demand.set(slot.candidates, d);
    });
  }
  for (const [people, { skill, label, level, hours, slots }] of demand) {
    const load =
      hours /
      Math.max(
        1e-9,
        people.reduce((sum, p) => sum + freeHours(problem, p, 0, length), 0),
      );
    const t = tallies.get(skill);
    if (t) t.load = Math.max(t.load, load);
    else if (load >= HIGH_LOAD && slots > 1) Object.assign(tallyOf(tallies, skill, label), { load, from: 0, to: length, level });
  }
}

/** The highest level asked for by a good share of the skill's waiting, and at least what unstaffable places need. */
function levelOf(t: Tally): number {
  let level = 5;
  for (let above = t.byLevel[5]; level > 1 && above < LEVEL_SHARE * t.score; above += t.byLevel[level]) level--;
  return Math.max(t.level, t.score > 0 ? level : 1);
}

/** Skills the plan waited for, cannot staff, or fills to the brim; the most pressing first. */
export function skillEvidence(problem: Problem, schedule: Schedule, planned: Uint8Array): SkillEvidence[] {
  const length = planLength(problem, schedule, planned);
  const booked = bookedHours(problem, schedule, planned, length + 1);
  const tallies = new Map<string, Tally>();
  countWaits(problem, schedule, planned, booked, tallies);
  countUnstaffable(problem, planned, tallies);
  countLoads(problem, planned, length, tallies);
  return [...tallies.values()]
    .map(({ byLevel, waits, ...t }) => ({
      ...t,
      level: levelOf({ ...t, byLevel, waits }),
      tasks: [...waits].sort((a, b) => b[1] - a[1]).map(([key]) => key),
      to: Math.max(t.to, t.from + 1),
    }))
    .sort((a, b) => b.unstaffable - a.unstaffable || b.score - a.score || b.load - a.load || (a.skill < b.skill ? -1 : 1));
}
