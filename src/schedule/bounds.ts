// Proven lower bounds on the plan's length (days from the plan start to the end of the last task):
// no plan Crewsheet's rules allow can be shorter (each task worked by one crew, as many of its free
// hours a day as Max Hours/Day allows), so the gap to the plan found says how far from optimal it is.
//
// - Critical path: each task at the fastest any qualified crew could work each day, right after
//   everything it waits for, as if no other task competed for anyone.
// - Skill capacity: the hours of the slots only a group of people can fill must fit in that group's
//   working hours, from the earliest day any of those slots may start.
// - Workload in a window (energy.ts): the same, for every window of days, counting only the hours
//   each task cannot do outside the window given what comes before and after it, for each length
//   tried, with every task's window tightened until one is too small or nothing changes.

import { shortDate } from '../model/dates';
import { topologicalOrder } from '../model/graph';
import { firstAtLeast } from '../model/sorted';
import { type EnergyGroup, type EnergyTask, energeticBound, energyAffordable } from './energy';
import type { Job, Problem } from './problem';

export interface LowerBound {
  /** No plan can end before this many days from the plan start. */
  days: number;
  kind: 'critical path' | 'skill capacity' | 'workload in a window';
  /** What binds: the chain's last task, or the skills whose holders are the bottleneck. */
  detail: string;
}

/** Pairs of skill groups are combined only while few enough to try them all. */
const MAX_GROUPS_FOR_PAIRS = 40;
const MAX_GROUPS_FOR_TRIPLES = 16;
const MAX_RELEASES = 16;

/** Hours per day and cumulated, per person and per group of candidates, computed once per bound. */
class Capacities {
  private readonly best = new Map<readonly number[], Float64Array>();
  private readonly sums = new Map<number, Float64Array>();

  constructor(private readonly problem: Problem) {
    problem.calendar.ensure(problem.limit);
  }

  /** The most hours anyone of a candidate list can work each day (lists are shared between slots). */
  bestOf(candidates: readonly number[]): Float64Array {
    let most = this.best.get(candidates);
    if (!most) {
      const { calendar, limit } = this.problem;
      most = new Float64Array(limit);
      for (const c of candidates) {
        const cap = calendar.capacity(c);
        for (let d = 0; d < limit; d++) if (cap[d] > most[d]) most[d] = cap[d];
      }
      this.best.set(candidates, most);
    }
    return most;
  }

  /** Per slot, the most hours a day whoever fills it can give. */
  slotDays(job: Job): Float64Array[] {
    return job.slots.map((slot, s) => (job.pinned[s] >= 0 ? this.problem.calendar.capacity(job.pinned[s]) : this.bestOf(slot.candidates)));
  }

  /** A person's hours from the plan start up to (not including) each day. */
  cumulative(person: number): Float64Array {
    let sums = this.sums.get(person);
    if (!sums) {
      const { calendar, limit } = this.problem;
      const cap = calendar.capacity(person);
      sums = new Float64Array(limit + 1);
      for (let d = 0; d < limit; d++) sums[d + 1] = sums[d] + cap[d];
      this.sums.set(person, sums);
    }
    return sums;
  }

  hoursBetween(people: readonly number[], from: number, to: number): number {
    let total = 0;
    for (const p of people) {
      const sums = this.cumulative(p);
      total += sums[to] - sums[from];
    }
    return total;
  }
}

interface Path {
  days: number;
  detail: string;
  /** Per job, the first day it could work. */
  head: Int32Array;
}

function criticalPath(problem: Problem, capacities: Capacities, planned?: Uint8Array): Path {
  const { jobs } = problem;
  const order = topologicalOrder(jobs.map((j) => j.preds)) ?? jobs.map((j) => j.index);
  const finish = new Int32Array(jobs.length);
  const head = new Int32Array(jobs.length);
  let best = { days: 0, detail: '' };
  for (const j of order) {
    const job = jobs[j];
    if (planned && !planned[j]) continue;
    let ready = job.earliest;
    for (const p of job.preds) ready = Math.max(ready, jobs[p].milestone ? finish[p] : finish[p] + 1);
    head[j] = ready;
    if (job.milestone || job.unstaffable) {
      finish[j] = job.milestone ? ready : ready - 1;
      continue;
    }
    const options = capacities.slotDays(job);
    let remaining = job.hours;
    let day = ready;
    while (remaining > 1e-9 && day < problem.limit) {
      let rate = job.maxPerDay;
      for (const most of options) rate = Math.min(rate, most[day]);
      // Nobody who could fill a slot works before this day: the job cannot start before it.
      if (remaining === job.hours && !(rate > 0)) head[j] = day + 1;
      remaining -= rate;
      day++;
    }
    finish[j] = day - 1;
    if (day > best.days) best = { days: day, detail: job.item.key };
  }
  return { ...best, head };
}

interface SlotGroup {
  /** The people who could fill these slots, ascending. */
  people: number[];
  labels: Set<string>;
  /** Earliest start days of the slots, ascending, and the hours of the slots from each on. */
  earliest: number[];
  hoursFrom: number[];
}

function slotGroups(problem: Problem, head: Int32Array, planned?: Uint8Array): SlotGroup[] {
  // Group slot demand by the exact set of people who could fill it.
  const groups = new Map<string, { people: number[]; labels: Set<string>; demand: [number, number][] }>();
  for (const job of problem.jobs) {
    if (job.milestone || job.unstaffable || (planned && !planned[job.index])) continue;
    job.slots.forEach((slot, s) => {
      const people = job.pinned[s] >= 0 ? [job.pinned[s]] : [...slot.candidates].sort((x, y) => x - y);
      const key = people.join(',');
      const group = groups.get(key) ?? { people, labels: new Set<string>(), demand: [] };
      group.labels.add(slot.label);
      group.demand.push([head[job.index], job.hours]);
      groups.set(key, group);
    });
  }
  return [...groups.values()].map(({ people, labels, demand }) => {
    demand.sort((a, b) => a[0] - b[0]);
    const hoursFrom = new Array<number>(demand.length + 1).fill(0);
    for (let i = demand.length - 1; i >= 0; i--) hoursFrom[i] = hoursFrom[i + 1] + demand[i][1];
    return { people, labels, earliest: demand.map((d) => d[0]), hoursFrom };
  });
}

/**
 * A slot can only be filled from its own group, so a union of groups is bound by all the demand of
 * the groups inside it: each group, pairs and triples of groups, and everyone. Unions of the same
 * people bind alike, so each is listed once, with the groups inside it.
 */
function unions(sets: readonly SlotGroup[]): { people: number[]; contained: SlotGroup[] }[] {
  const found = new Map<string, { people: number[]; contained: SlotGroup[] }>();
  const union = (members: SlotGroup[]) => {
    const people = members.length === 1 ? members[0].people : [...new Set(members.flatMap((g) => g.people))].sort((x, y) => x - y);
    const key = people.join(',');
    if (found.has(key)) return;
    const inside = new Set(people);
    found.set(key, { people, contained: sets.filter((g) => g.people.every((p) => inside.has(p))) });
  };
  for (const g of sets) union([g]);
  if (sets.length > 1) union([...sets]);
  if (sets.length <= MAX_GROUPS_FOR_PAIRS) {
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        union([sets[a], sets[b]]);
        if (sets.length <= MAX_GROUPS_FOR_TRIPLES) for (let c = b + 1; c < sets.length; c++) union([sets[a], sets[b], sets[c]]);
      }
    }
  }
  return [...found.values()];
}

const labelsOf = (contained: readonly SlotGroup[]) => [...new Set(contained.flatMap((g) => [...g.labels]))].sort().join(', ');

/** The best skill-capacity bound above `floor` days, if any. */
function skillCapacity(
  problem: Problem,
  capacities: Capacities,
  groups: ReturnType<typeof unions>,
  floor: number,
): { days: number; detail: string } {
  let best = { days: floor, detail: '' };
  for (const { people, contained } of groups) {
    const distinct = [...new Set(contained.flatMap((g) => g.earliest))].sort((x, y) => x - y);
    // Any subset of release days gives a valid bound; a sample keeps big firms fast.
    const step = Math.max(1, Math.ceil(distinct.length / MAX_RELEASES));
    for (let r = 0; r < distinct.length; r += step) {
      const release = distinct[r];
      let needed = 0;
      for (const g of contained) needed += g.hoursFrom[firstAtLeast(g.earliest, release)];
      // Enough hours by the best bound so far: this release cannot raise it.
      if (best.days >= release && capacities.hoursBetween(people, release, best.days) >= needed - 1e-9) continue;
      if (capacities.hoursBetween(people, release, problem.limit) < needed) continue;
      // The first day by which the group has worked enough hours since the release.
      let lo = Math.max(release, best.days + 1);
      let hi = problem.limit;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (capacities.hoursBetween(people, release, mid) >= needed - 1e-9) hi = mid;
        else lo = mid + 1;
      }
      best = { days: lo, detail: labelsOf(contained) };
    }
  }
  return best;
}

/**
 * Per job, whether it can only be booked in whole days: everyone who could fill its slots has the same
 * hours on the same days and works on nothing but such jobs, each a whole number of their days long
 * and allowed a whole day's hours. As the planner gives a task all the free hours its crew has each
 * day, each such job then takes whole days of its crew from its first day to its last: none slows
 * down, and two whose crews must share someone never share a day.
 */
function wholeDayJobs(problem: Problem, staffed: (job: Job) => boolean, slotsOf: (job: Job) => number[][]): Uint8Array {
  const { calendar, jobs, limit } = problem;
  const calendars = new Map<number, { key: string; hours: number }>();
  const calendarOf = (p: number) => {
    let found = calendars.get(p);
    if (!found) {
      const cap = calendar.capacity(p);
      const runs: string[] = [];
      let hours = 0;
      for (let d = 0, from = 0; d <= limit; d++) {
        if (d < limit && cap[d] > 0) hours = hours === 0 || hours === cap[d] ? cap[d] : Number.NaN;
        if (d === limit || (d > from && cap[d] !== cap[from])) {
          runs.push(`${cap[from]}x${d - from}`);
          from = d;
        }
      }
      found = { key: runs.join(','), hours };
      calendars.set(p, found);
    }
    return found;
  };
  const whole = new Uint8Array(jobs.length);
  const mixed = new Uint8Array(calendar.people.length);
  for (const job of jobs) {
    if (!staffed(job)) continue;
    const people = [...new Set(slotsOf(job).flat())];
    const { key, hours } = calendarOf(people[0]);
    const days = job.hours / hours;
    whole[job.index] = Number(
      hours > 0 && job.maxPerDay >= hours && Math.abs(days - Math.round(days)) < 1e-9 && people.every((p) => calendarOf(p).key === key),
    );
    if (!whole[job.index]) for (const p of people) mixed[p] = 1;
  }
  for (const job of jobs) if (whole[job.index] && slotsOf(job).some((c) => c.some((p) => mixed[p]))) whole[job.index] = 0;
  return whole;
}

/**
 * The planned jobs as energetic reasoning sees them: window, hours, who could fill each slot, and the
 * staffed jobs each waits for (through milestones, which take no time).
 */
function energyTasks(problem: Problem, capacities: Capacities, head: Int32Array, wholeDays: boolean, planned?: Uint8Array): EnergyTask[] {
  const { jobs } = problem;
  const staffed = (j: Job) => !j.milestone && !j.unstaffable && (!planned || planned[j.index] === 1);
  const position = new Int32Array(jobs.length).fill(-1);
  let n = 0;
  for (const job of jobs) if (staffed(job)) position[job.index] = n++;
  const waitsFor = (job: Job): number[] => {
    const found = new Set<number>();
    const seen = new Set<number>();
    const stack = [...job.preds];
    while (stack.length) {
      const p = stack.pop() as number;
      if (seen.has(p) || (planned && !planned[p])) continue;
      seen.add(p);
      if (staffed(jobs[p])) found.add(position[p]);
      else if (jobs[p].milestone) stack.push(...jobs[p].preds);
    }
    return [...found];
  };
  const slotsOf = (job: Job) => job.slots.map((slot, s) => (job.pinned[s] >= 0 ? [job.pinned[s]] : slot.candidates));
  const whole = wholeDays ? wholeDayJobs(problem, staffed, slotsOf) : new Uint8Array(jobs.length);
  const profiles = new Map<string, Float64Array>();
  const tasks: EnergyTask[] = [];
  for (const job of jobs) {
    if (!staffed(job)) continue;
    const slots = slotsOf(job);
    const key = `${job.maxPerDay}|${slots.map((c) => (c.length === 1 ? `p${c[0]}` : c.join(','))).join('|')}`;
    let rate = profiles.get(key);
    if (!rate) {
      const days = capacities.slotDays(job);
      rate = new Float64Array(problem.limit + 1);
      for (let d = 0; d < problem.limit; d++) {
        let most = job.maxPerDay;
        for (const option of days) most = Math.min(most, option[d]);
        rate[d + 1] = rate[d] + most;
      }
      profiles.set(key, rate);
    }
    tasks.push({ hours: job.hours, head: head[job.index], rate, slots, preds: waitsFor(job), whole: whole[job.index] === 1 });
  }
  return tasks;
}

/**
 * The bound for the jobs a mask marks (all of them without one). `wholeDays` false: tasks may not
 * keep to whole days even where everything else would make them (a published plan read back may
 * hold hours found for its windows together).
 */
export function lowerBound(problem: Problem, planned?: Uint8Array, wholeDays = true): LowerBound {
  const capacities = new Capacities(problem);
  const path = criticalPath(problem, capacities, planned);
  const groups = unions(slotGroups(problem, path.head, planned));
  const capacity = skillCapacity(problem, capacities, groups, path.days);
  let bound: LowerBound =
    capacity.days > path.days
      ? { days: capacity.days, kind: 'skill capacity', detail: capacity.detail }
      : { days: path.days, kind: 'critical path', detail: path.detail };
  const staffed = problem.jobs.filter((j) => !j.milestone && !j.unstaffable && (!planned || planned[j.index])).length;
  if (!energyAffordable(staffed, groups.length)) return bound;
  const energy = energeticBound(
    energyTasks(problem, capacities, path.head, wholeDays, planned),
    groups.map(
      (g): EnergyGroup => ({
        people: g.people,
        hours: g.people.reduce(
          (sum, p) => {
            const own = capacities.cumulative(p);
            for (let d = 0; d < sum.length; d++) sum[d] += own[d];
            return sum;
          },
          new Float64Array(problem.limit + 1),
        ),
        label: labelsOf(g.contained),
      }),
    ),
    bound.days,
    problem.limit,
  );
  if (energy && energy.days > bound.days) {
    const where = `${shortDate(problem.start + energy.from)} to ${shortDate(problem.start + energy.to)}`;
    bound = { days: energy.days, kind: 'workload in a window', detail: energy.group ? `${energy.group}, ${where}` : where };
  }
  return bound;
}
