// Energetic reasoning: a plan of length T is impossible if, in some window of days, the work that
// must fall inside it (each task's hours that cannot be done before the window, after its earliest
// start, or after it, before its latest end for length T) needs more hours from a group of people than
// they work in that window. The smallest T no window rules out is a lower bound on the plan's length.
//
// Each task's part in a group is the number of its slots only the group can fill: its crew size less
// the most slots people outside the group could fill at once (a matching), so a crew of three riggers
// needs the group's people even when one outsider could rig.

import { maxCrew } from './problem';

export interface EnergyTask {
  /** Hours per person. */
  hours: number;
  /** First day the task may work (after everything it waits for, at best). */
  head: number;
  /** Days the work after it needs at least, once it is done. */
  tail: number;
  /** Most hours the crew can work, cumulated from day 0: rate[d] = hours possible before day d. */
  rate: Float64Array;
  slots: readonly (readonly number[])[];
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
/** Work allowed for the whole bound, in task-window visits: keeps a big firm's bound quick. */
const BUDGET = 30_000_000;
/** Tasks × groups beyond which each task's part in each group is not even worked out. */
const MAX_PAIRINGS = 500_000;

interface Part {
  task: EnergyTask;
  /** Persons the group must give the task. */
  need: number;
}

/** How many of a task's slots only the group can fill. */
function need(task: EnergyTask, inside: Set<number>): number {
  const outside = task.slots.map((candidates) => candidates.filter((c) => !inside.has(c)));
  return task.slots.length - maxCrew(outside.map((candidates) => ({ candidates })));
}

/** The hours of a task that must fall in [a, b) when it works within [head, last]. */
function inside(task: EnergyTask, last: number, a: number, b: number): number {
  if (b <= task.head || a > last) return 0;
  const { rate, hours } = task;
  const before = a > task.head ? rate[a] - rate[task.head] : 0;
  const after = b <= last ? rate[last + 1] - rate[b] : 0;
  // It could be done wholly before or wholly after the window.
  if (hours <= before + EPS || hours <= after + EPS) return 0;
  return Math.max(0, hours - before - after);
}

/** A window that rules a length out, or why none was found. */
type Verdict = { group: string; from: number; to: number } | 'passes' | 'out of budget';

class Check {
  private ops = 0;

  constructor(
    private readonly tasks: readonly EnergyTask[],
    private readonly groups: readonly { group: EnergyGroup; parts: Part[] }[],
    private readonly limit: number,
  ) {}

  /** A window that rules out length T, if any is found within the budget. */
  fails(T: number): Verdict {
    for (const task of this.tasks) {
      const last = Math.min(T - 1 - task.tail, this.limit - 1);
      if (last < task.head || task.rate[last + 1] - task.rate[task.head] < task.hours - EPS)
        return { group: '', from: task.head, to: Math.max(task.head, last) };
    }
    for (const { group, parts } of this.groups) {
      const lasts = parts.map((p) => Math.min(T - 1 - p.task.tail, this.limit - 1));
      const starts = [...new Set(parts.map((p) => p.task.head))].sort((x, y) => x - y);
      const ends = [...new Set(lasts.map((l) => l + 1))].sort((x, y) => x - y);
      this.ops += starts.length * ends.length * parts.length;
      if (this.ops > BUDGET) return 'out of budget';
      for (const a of starts) {
        for (const b of ends) {
          if (b <= a) continue;
          let demand = 0;
          for (let k = 0; k < parts.length; k++) demand += parts[k].need * inside(parts[k].task, lasts[k], a, b);
          if (demand > group.hours[b] - group.hours[a] + EPS) return { group: group.label, from: a, to: b - 1 };
        }
      }
    }
    return 'passes';
  }
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
      const parts = tasks.map((task) => ({ task, need: need(task, members) })).filter((p) => p.need > 0);
      return { group, parts };
    })
    .filter((g) => g.parts.length > 1);
  const check = new Check(tasks, withParts, limit);
  let failed = check.fails(floor);
  if (typeof failed === 'string') return undefined;
  // lo is ruled out, hi is not; every length up to a ruled-out one is ruled out too.
  let lo = floor;
  let hi = limit;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const found = check.fails(mid);
    if (found === 'out of budget') break;
    if (found === 'passes') hi = mid;
    else {
      lo = mid;
      failed = found;
    }
  }
  return { days: lo + 1, group: failed.group, from: failed.from, to: failed.to };
}
