// Delivery facts behind project managers' quotas: which projects were delivered, when and whether on
// time, and when the current plan finishes each open project.
//
// Decisions:
// - A project is delivered on its Done On date (whatever its Status, except Proposal and Lost). A Done
//   project without a Done On date belongs to no period; the quota notes say so.
// - On time means Done On on or before the project's Due. A delivered project without a Due cannot be
//   judged: it counts neither for nor against On-Time Projects, On-Time Rate or Delivered Value, and
//   the notes list it so the missing date can be filled in. With Settings > On Time Needs Close-out,
//   a project on time by its dates counts as on time only once its Close-out checklist is all ticked;
//   until then it counts as not on time, and its line says why.
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
  /** On time by its dates, but its close-out is not ticked complete (Settings > On Time Needs Close-out). */
  awaitingCloseout?: true;
}

export function isDelivered(project: ProjectRow): boolean {
  return project.doneOn !== undefined && project.status !== 'Proposal' && project.status !== 'Lost';
}

/** `closedOut`: the projects whose Close-out checklist is all ticked, by name key (see src/closeout). */
export function deliveries(plan: Plan, closedOut?: ReadonlySet<string>): Delivery[] {
  return plan.projects
    .filter((p) => p.project && isDelivered(p))
    .map((project) => {
      const doneOn = project.doneOn as Day;
      if (project.due === undefined) return { project, doneOn };
      const awaiting = doneOn <= project.due && plan.settings.onTimeNeedsCloseout && !closedOut?.has(nameKey(project.project));
      return awaiting ? { project, doneOn, onTime: false, awaitingCloseout: true } : { project, doneOn, onTime: doneOn <= project.due };
    });
}

/** How a judged delivery went, in words. */
export function deliveryVerdict(d: Delivery): string {
  if (d.awaitingCloseout) return 'on time by its dates, but not counted on time until its close-out is ticked complete';
  return d.onTime ? 'on time' : `${d.doneOn - (d.project.due as Day)} days late`;
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
