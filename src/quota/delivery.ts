// Delivery facts behind project managers' quotas: which projects were delivered, when and whether on
// time, and when the current plan finishes each open project.
//
// Decisions:
// - A project is delivered on its Done On date (whatever its Status, except Proposal and Lost). A Done
//   project without a Done On date belongs to no period; the quota notes say so.
// - On time means Done On on or before the project's Due. A delivered project without a Due cannot be
//   judged: it counts neither for nor against On-Time Projects, On-Time Rate or Delivered Value, and
//   the notes list it so the missing date can be filled in.
// - A project's planned finish is the last day the current plan works on it, counting committed work
//   only (proposals are the account managers' pipeline, not delivery). A project with a task the plan
//   cannot staff has no planned finish.

import type { Day } from '../model/dates';
import type { Plan } from '../model/plan';
import type { ProjectRow } from '../model/sheets';
import { nameKey } from '../model/work';
import type { ScheduleResult } from '../schedule/schedule';

export interface Delivery {
  project: ProjectRow;
  doneOn: Day;
  /** Undefined when the project has no Due date to judge by. */
  onTime?: boolean;
}

export function isDelivered(project: ProjectRow): boolean {
  return project.doneOn !== undefined && project.status !== 'Proposal' && project.status !== 'Lost';
}

export function deliveries(plan: Plan): Delivery[] {
  return plan.projects
    .filter((p) => p.project && isDelivered(p))
    .map((project) => {
      const doneOn = project.doneOn as Day;
      return { project, doneOn, onTime: project.due === undefined ? undefined : doneOn <= project.due };
    });
}

/** Projects marked Done that carry no Done On date: no period can count them. */
export function undatedDeliveries(plan: Plan): ProjectRow[] {
  return plan.projects.filter((p) => p.project && p.status === 'Done' && p.doneOn === undefined);
}

export interface PlannedFinish {
  project: ProjectRow;
  /** Last planned working day; undefined when some task cannot be staffed. */
  finish?: Day;
  /** Tasks of the project the plan cannot staff. */
  unstaffable: string[];
}

/** Project key → when the plan finishes it, for every project with committed work in the plan. */
export function plannedFinishes(plan: Plan, schedule: ScheduleResult): Map<string, PlannedFinish> {
  const projects = new Map(plan.projects.map((p) => [nameKey(p.project ?? ''), p]));
  const last = new Map<string, { project: ProjectRow; end: Day; unstaffable: string[] }>();
  for (const task of schedule.tasks) {
    if (task.tentative) continue;
    const key = nameKey(task.project);
    const project = projects.get(key);
    if (!project) continue;
    const entry = last.get(key) ?? { project, end: task.end, unstaffable: [] };
    if (task.state === 'unstaffable') entry.unstaffable.push(task.task);
    else entry.end = Math.max(entry.end, task.end);
    last.set(key, entry);
  }
  const finishes = new Map<string, PlannedFinish>();
  for (const [key, { project, end, unstaffable }] of last) {
    finishes.set(key, { project, finish: unstaffable.length ? undefined : end, unstaffable });
  }
  return finishes;
}
