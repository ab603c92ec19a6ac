// Proven lower bounds on the plan's length (days from the plan start to the end of the last task):
// no valid plan can be shorter, so the gap to the plan found says how far from optimal it can be.
//
// - Critical path: each task at the fastest any qualified crew could work each day, right after
//   everything it waits for, as if no other task competed for anyone.
// - Skill capacity: the hours of the slots only a group of people can fill must fit in that group's
//   working hours, from the earliest day any of those slots may start.

import { topologicalOrder } from '../model/graph';
import type { Problem } from './problem';

export interface LowerBound {
  /** No plan can end before this many days from the plan start. */
  days: number;
  kind: 'critical path' | 'skill capacity';
  /** What binds: the chain's last task, or the skills whose holders are the bottleneck. */
  detail: string;
}

/** Pairs of skill groups are combined only while few enough to try them all. */
const MAX_GROUPS_FOR_PAIRS = 40;
const MAX_GROUPS_FOR_TRIPLES = 16;
const MAX_RELEASES = 16;

function criticalPath(problem: Problem, planned?: Uint8Array): { days: number; detail: string } {
  const { jobs, calendar } = problem;
  const order = topologicalOrder(jobs.map((j) => j.preds)) ?? jobs.map((j) => j.index);
  const finish = new Int32Array(jobs.length);
  let best = { days: 0, detail: '' };
  calendar.ensure(problem.limit);
  // The most hours anyone of a candidate group can work each day; groups are shared lists.
  const groups = new Map<readonly number[], Float64Array>();
  const bestOf = (candidates: readonly number[]): Float64Array => {
    let most = groups.get(candidates);
    if (!most) {
      most = new Float64Array(problem.limit);
      for (const c of candidates) {
        const cap = calendar.capacity(c);
        for (let d = 0; d < problem.limit; d++) if (cap[d] > most[d]) most[d] = cap[d];
      }
      groups.set(candidates, most);
    }
    return most;
  };
  for (const j of order) {
    const job = jobs[j];
    if (planned && !planned[j]) continue;
    let ready = job.earliest;
    for (const p of job.preds) ready = Math.max(ready, jobs[p].milestone ? finish[p] : finish[p] + 1);
    if (job.milestone || job.unstaffable) {
      finish[j] = job.milestone ? ready : ready - 1;
      continue;
    }
    // Per slot, the most hours any candidate could give on a day.
    const options = job.slots.map((slot, s) => (job.pinned[s] >= 0 ? calendar.capacity(job.pinned[s]) : bestOf(slot.candidates)));
    let remaining = job.hours;
    let day = ready;
    while (remaining > 1e-9 && day < problem.limit) {
      let rate = job.maxPerDay;
      for (const most of options) rate = Math.min(rate, most[day]);
      remaining -= rate;
      day++;
    }
    finish[j] = day - 1;
    if (day > best.days) best = { days: day, detail: job.item.key };
  }
  return best;
}

interface SlotGroup {
  /** The people who could fill these slots, ascending. */
  people: number[];
  labels: Set<string>;
  /** Earliest start days of the slots, ascending, and the hours of the slots from each on. */
  earliest: number[];
  hoursFrom: number[];
}

function slotGroups(problem: Problem, planned?: Uint8Array): SlotGroup[] {
  // Group slot demand by the exact set of people who could fill it.
  const groups = new Map<string, { people: number[]; labels: Set<string>; demand: [number, number][] }>();
  for (const job of problem.jobs) {
    if (job.milestone || job.unstaffable || (planned && !planned[job.index])) continue;
    job.slots.forEach((slot, s) => {
      const people = job.pinned[s] >= 0 ? [job.pinned[s]] : [...slot.candidates].sort((x, y) => x - y);
      const key = people.join(',');
      const group = groups.get(key) ?? { people, labels: new Set<string>(), demand: [] };
      group.labels.add(slot.label);
      group.demand.push([job.earliest, job.hours]);
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

/** Index of the first entry of an ascending list at or above `value`. */
function firstAtLeast(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The best skill-capacity bound above `floor` days, if any. */
function skillCapacity(problem: Problem, floor: number, planned?: Uint8Array): { days: number; detail: string } {
  const { calendar } = problem;
  const sets = slotGroups(problem, planned);
  // A slot can only be filled from its own group, so a union of groups is bound by all the demand
  // of the groups inside it: each group, pairs and triples of groups, and everyone. Unions of the
  // same people bind alike, so each is tried once.
  const unions = new Map<string, SlotGroup[]>();
  const union = (members: SlotGroup[]) => {
    const people = members.length === 1 ? members[0].people : [...new Set(members.flatMap((g) => g.people))].sort((x, y) => x - y);
    const key = people.join(',');
    if (unions.has(key)) return;
    const inside = new Set(people);
    unions.set(
      key,
      sets.filter((g) => g.people.every((p) => inside.has(p))),
    );
  };
  for (const g of sets) union([g]);
  if (sets.length > 1) union(sets);
  if (sets.length <= MAX_GROUPS_FOR_PAIRS) {
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        union([sets[a], sets[b]]);
        if (sets.length <= MAX_GROUPS_FOR_TRIPLES) for (let c = b + 1; c < sets.length; c++) union([sets[a], sets[b], sets[c]]);
      }
    }
  }
  // Hours each person can work from the plan start up to (not including) each day.
  calendar.ensure(problem.limit);
  const cumulative = new Map<number, Float64Array>();
  for (const g of sets) {
    for (const p of g.people) {
      if (cumulative.has(p)) continue;
      const cap = calendar.capacity(p);
      const sums = new Float64Array(problem.limit + 1);
      for (let d = 0; d < problem.limit; d++) sums[d + 1] = sums[d] + cap[d];
      cumulative.set(p, sums);
    }
  }
  const hoursBetween = (people: number[], from: number, to: number) => {
    let total = 0;
    for (const p of people) {
      const sums = cumulative.get(p) as Float64Array;
      total += sums[to] - sums[from];
    }
    return total;
  };

  let best = { days: floor, detail: '' };
  for (const [key, contained] of unions) {
    const people = key.split(',').map(Number);
    const distinct = [...new Set(contained.flatMap((g) => g.earliest))].sort((x, y) => x - y);
    // Any subset of release days gives a valid bound; a sample keeps big firms fast.
    const step = Math.max(1, Math.ceil(distinct.length / MAX_RELEASES));
    for (let r = 0; r < distinct.length; r += step) {
      const release = distinct[r];
      let needed = 0;
      for (const g of contained) needed += g.hoursFrom[firstAtLeast(g.earliest, release)];
      // Enough hours by the best bound so far: this release cannot raise it.
      if (best.days >= release && hoursBetween(people, release, best.days) >= needed - 1e-9) continue;
      if (hoursBetween(people, release, problem.limit) < needed) continue;
      // The first day by which the group has worked enough hours since the release.
      let lo = Math.max(release, best.days + 1);
      let hi = problem.limit;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hoursBetween(people, release, mid) >= needed - 1e-9) hi = mid;
        else lo = mid + 1;
      }
      best = { days: lo, detail: [...new Set(contained.flatMap((g) => [...g.labels]))].sort().join(', ') };
    }
  }
  return best;
}

/** The bound for the jobs a mask marks (all of them without one). */
export function lowerBound(problem: Problem, planned?: Uint8Array): LowerBound {
  const path = criticalPath(problem, planned);
  const capacity = skillCapacity(problem, path.days, planned);
  return capacity.days > path.days
    ? { days: capacity.days, kind: 'skill capacity', detail: capacity.detail }
    : { days: path.days, kind: 'critical path', detail: path.detail };
}
