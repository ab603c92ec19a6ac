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

function skillCapacity(problem: Problem, planned?: Uint8Array): { days: number; detail: string } {
  const { jobs, calendar } = problem;
  // Group slot demand by the exact set of people who could fill it.
  const groups = new Map<string, { people: number[]; labels: Set<string>; demand: { earliest: number; hours: number }[] }>();
  for (const job of jobs) {
    if (job.milestone || job.unstaffable || (planned && !planned[job.index])) continue;
    job.slots.forEach((slot, s) => {
      const people = job.pinned[s] >= 0 ? [job.pinned[s]] : slot.candidates;
      const key = people.join(',');
      const group = groups.get(key) ?? { people, labels: new Set<string>(), demand: [] };
      group.labels.add(slot.label);
      group.demand.push({ earliest: job.earliest, hours: job.hours });
      groups.set(key, group);
    });
  }
  const sets = [...groups.values()];
  // A slot can only be filled from its own group, so a union of groups is bound by all the demand
  // of the groups inside it: each group, pairs and triples of groups, and everyone.
  const unions = [...sets];
  const union = (members: typeof sets) => {
    const people = [...new Set(members.flatMap((g) => g.people))].sort((x, y) => x - y);
    const inside = new Set(people);
    const contained = sets.filter((g) => g.people.every((p) => inside.has(p)));
    unions.push({ people, labels: new Set(contained.flatMap((g) => [...g.labels])), demand: contained.flatMap((g) => g.demand) });
  };
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
  const used = new Set(unions.flatMap((g) => g.people));
  const cumulative = new Map<number, Float64Array>();
  for (const p of used) {
    const cap = calendar.capacity(p);
    const sums = new Float64Array(problem.limit + 1);
    for (let d = 0; d < problem.limit; d++) sums[d + 1] = sums[d] + cap[d];
    cumulative.set(p, sums);
  }
  const hoursBetween = (people: number[], from: number, to: number) => {
    let total = 0;
    for (const p of people) {
      const sums = cumulative.get(p) as Float64Array;
      total += sums[to] - sums[from];
    }
    return total;
  };

  let best = { days: 0, detail: '' };
  for (const group of unions) {
    const distinct = [...new Set(group.demand.map((d) => d.earliest))].sort((x, y) => x - y);
    // Any subset of release days gives a valid bound; a sample keeps big firms fast.
    const step = Math.max(1, Math.ceil(distinct.length / MAX_RELEASES));
    const releases = distinct.filter((_, i) => i % step === 0);
    for (const release of releases) {
      const needed = group.demand.filter((d) => d.earliest >= release).reduce((sum, d) => sum + d.hours, 0);
      if (hoursBetween(group.people, release, problem.limit) < needed) continue;
      // The first day by which the group has worked enough hours since the release.
      let lo = release;
      let hi = problem.limit;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hoursBetween(group.people, release, mid) >= needed - 1e-9) hi = mid;
        else lo = mid + 1;
      }
      if (lo > best.days) best = { days: lo, detail: [...group.labels].sort().join(', ') };
    }
  }
  return best;
}

/** The bound for the jobs a mask marks (all of them without one). */
export function lowerBound(problem: Problem, planned?: Uint8Array): LowerBound {
  const path = criticalPath(problem, planned);
  const capacity = skillCapacity(problem, planned);
  return capacity.days > path.days
    ? { days: capacity.days, kind: 'skill capacity', detail: capacity.detail }
    : { days: path.days, kind: 'critical path', detail: path.detail };
}
