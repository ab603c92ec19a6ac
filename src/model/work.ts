// The work of every project as one list: Tasks rows, plus template tasks for projects with a Type and
// no task rows, with Scope applied to work marked Scales and dependencies resolved to list positions.

import type { Day } from './dates';
import { addTo } from './group';
import type { Plan } from './plan';
import type { ProjectRow, TaskStatus } from './sheets';
import type { Requirement } from './skills';

export interface WorkItem {
  /** Position in the list. */
  index: number;
  /** "Project/Task", unique. */
  key: string;
  project: ProjectRow;
  name: string;
  requirements: Requirement[];
  /** Hours per person, Scope applied. */
  hours: number;
  hoursLow?: number;
  hoursHigh?: number;
  /** Positions of the items that must finish first. */
  after: number[];
  /** Staff names pinned to the task. */
  pinned: string[];
  /** Not before: the task's Start, else its project's. */
  earliest?: Day;
  /** The task's Due, else its project's. */
  due?: Day;
  maxHoursPerDay?: number;
  status: TaskStatus;
  percentDone?: number;
  actualHours?: number;
  doneOn?: Day;
  scales: boolean;
  milestone: boolean;
  /** Where the work happens: the task's Location, else its project's. */
  location?: string;
  /** Where the item was written, for messages. */
  source: { sheet: 'Tasks' | 'Templates'; row: number };
}

/** Names compare without case or extra spaces. */
export function nameKey(name: string): string {
  const trimmed = name.trim();
  // Most names have single plain spaces only: testing for that is several times faster than replacing.
  return (/\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/** Project key → task key → value. */
export type TaskLookup<T> = Map<string, Map<string, T>>;

export function addToLookup<T>(lookup: TaskLookup<T>, project: string, task: string, value: T): void {
  const p = nameKey(project);
  const tasks = lookup.get(p) ?? new Map<string, T>();
  lookup.set(p, tasks);
  tasks.set(nameKey(task), value);
}

/**
 * An After entry: a task of the same project, or "Project/Task" for another project. A task name may
 * itself contain "/", so the same-project reading is tried first (`own`: the project's tasks in the
 * lookup), then each possible split.
 */
export function resolveAfter<T>(ref: string, own: ReadonlyMap<string, T> | undefined, lookup: TaskLookup<T>): T | undefined {
  const key = nameKey(ref);
  const same = own?.get(key);
  if (same !== undefined) return same;
  for (let i = key.indexOf('/'); i > 0; i = key.indexOf('/', i + 1)) {
    const found = lookup.get(key.slice(0, i).trim())?.get(key.slice(i + 1).trim());
    if (found !== undefined) return found;
  }
  return undefined;
}

export interface WorkOptions {
  /** Scope factor per project name (overrides the Projects sheet), for what-ifs. */
  scope?: ReadonlyMap<string, number>;
}

function scaled(value: number | undefined, factor: number, scales: boolean): number | undefined {
  return value === undefined || !scales ? value : value * factor;
}

/** Every project's work, in sheet order; unresolvable After entries are left out (checks report them). */
export function workItems(plan: Plan, options: WorkOptions = {}): WorkItem[] {
  const projects = new Map(plan.projects.map((p) => [nameKey(p.project), p]));
  const items: WorkItem[] = [];
  const pending: { item: WorkItem; refs: string[] }[] = [];
  const lookup: TaskLookup<number> = new Map();
  const scopeOf = (p: ProjectRow) => options.scope?.get(p.project) ?? p.scope;

  const add = (
    project: ProjectRow,
    row: {
      task: string;
      skills?: Requirement[];
      hours: number;
      hoursLow?: number;
      hoursHigh?: number;
      after: string[];
      scales: boolean;
      row: number;
    },
    extra: Partial<WorkItem> & { source: WorkItem['source'] },
  ) => {
    const factor = scopeOf(project);
    const item: WorkItem = {
      index: items.length,
      key: `${project.project}/${row.task}`,
      project,
      name: row.task,
      requirements: row.skills ?? [],
      hours: scaled(row.hours, factor, row.scales) as number,
      hoursLow: scaled(row.hoursLow, factor, row.scales),
      hoursHigh: scaled(row.hoursHigh, factor, row.scales),
      after: [],
      pinned: [],
      earliest: project.start,
      due: project.due,
      ...(project.location ? { location: project.location } : {}),
      status: 'Not Started',
      scales: row.scales,
      milestone: row.hours === 0,
      ...extra,
    };
    items.push(item);
    pending.push({ item, refs: row.after });
    addToLookup(lookup, project.project, row.task, item.index);
  };

  const withTasks = new Set<string>();
  for (const t of plan.tasks) {
    const project = projects.get(nameKey(t.project));
    if (!project) continue;
    withTasks.add(nameKey(t.project));
    add(project, t, {
      pinned: t.assignee,
      earliest: t.start ?? project.start,
      due: t.due ?? project.due,
      maxHoursPerDay: t.maxHoursPerDay,
      status: t.status,
      percentDone: t.percentDone,
      actualHours: t.actualHours,
      doneOn: t.doneOn,
      milestone: t.milestone || t.hours === 0,
      ...(t.location ? { location: t.location } : {}),
      source: { sheet: 'Tasks', row: t.row },
    });
  }
  const templates = new Map<string, typeof plan.templates>();
  for (const t of plan.templates) {
    const k = nameKey(t.type);
    addTo(templates, k, t);
  }
  for (const project of plan.projects) {
    if (!project.type || withTasks.has(nameKey(project.project))) continue;
    for (const t of templates.get(nameKey(project.type)) ?? []) {
      add(project, t, { source: { sheet: 'Templates', row: t.row } });
    }
  }
  for (const { item, refs } of pending) {
    const own = lookup.get(nameKey(item.project.project));
    const after = new Set(item.after);
    for (const ref of refs) {
      const dep = resolveAfter(ref, own, lookup);
      if (dep !== undefined && dep !== item.index && !after.has(dep)) {
        after.add(dep);
        item.after.push(dep);
      }
    }
  }
  return items;
}

/** A project the plan should hold that has no work to plan, and why. */
export interface EmptyProject {
  project: ProjectRow;
  reason: string;
}

/**
 * Won and active projects (and proposals, when planned) with no work at all: no Tasks rows, and no
 * Templates rows for their Type. A plan leaves them out, so whatever shows the plan says so.
 */
export function projectsWithoutWork(plan: Plan, includeProposals: boolean): EmptyProject[] {
  const withWork = new Set(workItems(plan).map((item) => nameKey(item.project.project)));
  const statuses: ProjectRow['status'][] = includeProposals ? ['Won', 'Active', 'Proposal'] : ['Won', 'Active'];
  return plan.projects
    .filter((p) => statuses.includes(p.status) && !withWork.has(nameKey(p.project)))
    .map((project) => ({
      project,
      reason: !project.type
        ? 'no rows in Tasks'
        : plan.layout.Templates
          ? `no rows in Tasks, and Templates has none for its Type "${project.type}"`
          : `no rows in Tasks, and no Templates sheet for its Type "${project.type}"`,
    }));
}
