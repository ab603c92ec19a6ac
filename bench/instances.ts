// Public multi-skill scheduling instances, mapped into Crewsheet's own model and planned by the same
// code the sheets use. A time unit is one working day: every resource works 8 hours every day, a
// task of duration d needs 8·d hours per person and at most 8 a day, so a person does one task at a
// time and a task runs d consecutive days. The solver is not told it is being benchmarked.

import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isoToDay } from '../src/model/dates';
import { formatProblem, hasErrors } from '../src/model/problems';
import type { RawWorkbook } from '../src/model/read';
import { readWorkbook } from '../src/model/read';
import type { Terms } from '../src/schedule/objective';
import { panelSearch, portfolioSeed } from '../src/schedule/portfolio';
import { planBounded, type ScheduleOptions } from '../src/schedule/schedule';
import { DEFAULT_WORK_BUDGET } from '../src/schedule/search';
import { validatePlan } from '../src/schedule/validate';

export interface Activity {
  id: number;
  duration: number;
  /** Skill name → people needed at least at this level. */
  requirements: { skill: string; level: number; count: number }[];
  preds: number[];
}

export interface Resource {
  id: number;
  salary: number;
  skills: Map<string, number>;
}

export interface Instance {
  name: string;
  activities: Activity[];
  resources: Resource[];
}

export const START = '2027-01-04';
const HOURS_PER_UNIT = 8;

/**
 * How hard to search: as the Plan panel does by default (`panel`), as a formula in a cell does
 * (`formula`), or a fixed number of iterations with no work cap.
 */
export type Budget = 'panel' | 'formula' | { iterations: number };

/** A search's options: with the panel's budget, as the panel's k-th search (from 0) from base seed `seed`. */
export function budgetOptions(budget: Budget, seed = 1, k = 0): ScheduleOptions {
  if (budget === 'panel') return panelSearch(k, seed);
  if (budget === 'formula') return { workBudget: DEFAULT_WORK_BUDGET, seed: portfolioSeed(k, seed) };
  return { iterations: budget.iterations, workBudget: Number.POSITIVE_INFINITY, seed: portfolioSeed(k, seed) };
}

export function budgetName(budget: Budget): string {
  return typeof budget === 'string' ? budget : `${budget.iterations} iterations`;
}

export function toWorkbook(instance: Instance): RawWorkbook {
  return {
    Staff: [
      ['Name', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate'],
      ...instance.resources.map((r) => [
        `R${r.id}`,
        [...r.skills].map(([s, l]) => `${s}:${l}`).join(', '),
        7 * HOURS_PER_UNIT,
        'Mon-Sun',
        r.salary / HOURS_PER_UNIT,
      ]),
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Start'],
      ['P', 'Benchmark', 'Active', START],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'Max Hours/Day', 'After'],
      ...instance.activities.map((a) => [
        'P',
        `A${a.id}`,
        a.duration > 0 ? a.requirements.map((r) => `${r.skill}:${r.level}${r.count > 1 ? ` x${r.count}` : ''}`).join('; ') : '',
        a.duration * HOURS_PER_UNIT,
        HOURS_PER_UNIT,
        a.preds.map((p) => `A${p}`).join(', '),
      ]),
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', START],
    ],
  };
}

export interface Solution {
  instance: string;
  makespan: number;
  cost: number;
  lowerBound: number;
  /** Wall-clock seconds, and CPU seconds (what a quiet machine's wall clock would show). */
  seconds: number;
  cpuSeconds: number;
  budget: string;
  tasks: { id: number; start: number; resources: number[] }[];
}

/** Checks a solution against the instance itself, in the instance's own terms. */
export function checkSolution(instance: Instance, solution: Solution): string[] {
  const errors: string[] = [];
  const byId = new Map(solution.tasks.map((t) => [t.id, t]));
  const resources = new Map(instance.resources.map((r) => [r.id, r]));
  const busy = new Map<number, [number, number, number][]>();
  for (const a of instance.activities) {
    const t = byId.get(a.id);
    if (!t) {
      errors.push(`activity ${a.id} missing`);
      continue;
    }
    if (!Number.isInteger(t.start) || t.start < 0) errors.push(`activity ${a.id}: bad start ${t.start}`);
    for (const p of a.preds) {
      const pred = byId.get(p);
      const predDuration = instance.activities.find((x) => x.id === p)?.duration ?? 0;
      if (pred && t.start < pred.start + predDuration) errors.push(`activity ${a.id} starts before ${p} ends`);
    }
    if (a.duration === 0) continue;
    // Distinct resources, each covering one unit of a requirement (checked by matching).
    const units = a.requirements.flatMap((r) => Array.from({ length: r.count }, () => r));
    if (t.resources.length !== units.length || new Set(t.resources).size !== units.length) {
      errors.push(`activity ${a.id}: ${t.resources.length} resources for ${units.length} needed`);
    }
    const used = new Set<number>();
    for (const r of t.resources) {
      const unit = units.findIndex((u, i) => !used.has(i) && (resources.get(r)?.skills.get(u.skill) ?? -1) >= u.level);
      if (unit < 0) errors.push(`activity ${a.id}: resource ${r} cannot cover any remaining requirement`);
      else used.add(unit);
      busy.set(r, [...(busy.get(r) ?? []), [t.start, t.start + a.duration, a.id]]);
    }
  }
  for (const [r, spans] of busy) {
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i][0] < spans[i - 1][1]) errors.push(`resource ${r} does ${spans[i - 1][2]} and ${spans[i][2]} at once`);
    }
  }
  return errors;
}

export interface Solved {
  solution: Solution;
  invalid: string[];
  /** The plan's objective terms, as a portfolio of searches compares them. */
  terms: Terms;
}

export function solve(instance: Instance, budget: Budget, seed = 1, k = 0): Solved {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { plan, problems } = readWorkbook(toWorkbook(instance), { timeZone: 'UTC', today: isoToDay(START) as number });
  if (hasErrors(problems)) throw new Error(`${instance.name}: ${problems.map(formatProblem).join('; ')}`);
  const result = planBounded(plan, budgetOptions(budget, seed, k));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const invalid = validatePlan(plan, result.tasks);
  const salary = new Map(instance.resources.map((r) => [`R${r.id}`, r.salary]));
  const duration = new Map(instance.activities.map((a) => [`A${a.id}`, a.duration]));
  let cost = 0;
  const preds = new Map(instance.activities.map((a) => [a.id, a.preds.length]));
  const tasks = result.tasks.map((t) => {
    const id = Number(t.task.slice(1));
    for (const c of t.crew) cost += (salary.get(c.name) ?? 0) * (duration.get(t.task) ?? 0);
    // A milestone falls on the day its last predecessor ends: in the instance's time, the end of that day.
    const end = t.state === 'milestone' && preds.get(id) ? 1 : 0;
    return { id, start: t.start - plan.planStart + end, resources: t.crew.map((c) => Number(c.name.slice(1))) };
  });
  placeDummies(instance, tasks);
  const solution: Solution = {
    instance: instance.name,
    makespan: Math.max(0, ...instance.activities.map((a) => (tasks.find((t) => t.id === a.id)?.start ?? 0) + a.duration)),
    cost: Math.round(cost * 100) / 100,
    lowerBound: result.lowerBound.days,
    seconds,
    cpuSeconds,
    budget: budgetName(budget),
    tasks,
  };
  invalid.push(...checkSolution(instance, solution));
  return { solution, invalid, terms: result.terms };
}

/**
 * A milestone falls on the day its last predecessor ends (that day included), while an instance's
 * zero-duration activity starts when its predecessors finish (the day after): dummies are given
 * that start, from their predecessors, in the instance's terms.
 */
function placeDummies(instance: Instance, tasks: Solution['tasks']): void {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const activity = new Map(instance.activities.map((a) => [a.id, a]));
  const finish = (id: number): number => {
    const a = activity.get(id) as Activity;
    const t = byId.get(id);
    if (!t) return 0;
    if (a.duration === 0) t.start = Math.max(0, ...a.preds.map(finish));
    return t.start + a.duration;
  };
  for (const a of instance.activities) if (a.duration === 0) finish(a.id);
}

/** Reference values (best known makespan, proven lower bound) from the set's TSV beside the folders. */
export function references(file: string, tsv: string, key: (row: Record<string, string>) => string): Map<string, Record<string, string>> {
  const path = join(dirname(dirname(file)), tsv);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split('\t');
  const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [columns[i], v])));
  return new Map(rows.map((r) => [key(r), r]));
}

export function instanceName(file: string): string {
  return basename(file).replace(/\.(def|dzn)$/, '');
}

export function setName(file: string): string {
  return basename(dirname(file));
}
