// The Plan panel's levelling move. When a plan's end is set by people busy from its first day to its
// last, reordering cannot help: the work has to be shared out differently. The busiest person gives
// one of their jobs to someone qualified with fewer hours, or trades it for a shorter one of theirs,
// when that lowers the higher of the two loads; every other crew is kept as decoded. Only the Plan
// panel's searches use it (every second one, see portfolio.ts): it pays off over many iterations, and
// the formulas' script carries no code they do not run.

import type { ExtraMove } from './moves';

/** Share of the search's moves that level. */
const SHARE = 0.05;

export const levelling: ExtraMove = (problem, open, schedule, prefer, random) => {
  if (random.next() >= SHARE) return undefined;
  const { jobs } = problem;
  const { crew } = schedule;
  const load = new Float64Array(problem.people.length);
  for (const job of jobs) for (const p of crew[job.index]) load[p] += job.hours;
  // The busiest person.
  let b = 0;
  for (let p = 1; p < load.length; p++) if (load[p] > load[b]) b = p;
  // Each (job, slot) a person holds and the search may give away (unplaced jobs have no crew).
  const held: [number, number][][] = problem.people.map(() => []);
  for (const j of open) {
    crew[j].forEach((p, s) => {
      if (jobs[j].pinned[s] < 0) held[p].push([j, s]);
    });
  }
  // [job given, its slot, who takes it, and the job and slot given back (-1: none)].
  const changes: [number, number, number, number, number][] = [];
  for (const [j, s] of held[b]) {
    for (const q of jobs[j].slots[s].candidates) {
      if (crew[j].includes(q)) continue;
      if (load[q] + jobs[j].hours < load[b]) changes.push([j, s, q, -1, -1]);
      for (const [k, u] of held[q]) {
        const shorter = jobs[j].hours - jobs[k].hours;
        if (shorter > 0 && load[q] + shorter < load[b] && !crew[k].includes(b) && jobs[k].slots[u].candidates.includes(b))
          changes.push([j, s, q, k, u]);
      }
    }
  }
  if (!changes.length) return undefined;
  const [j, s, q, k, u] = random.pick(changes);
  const next = prefer.slice();
  for (const i of open) if (crew[i].length) next[i] = crew[i].slice();
  next[j][s] = q;
  if (k >= 0) next[k][u] = b;
  return { order: schedule.order, prefer: next };
};
