// The open work a plan must place, read straight from the sheet rows for the validator: which tasks
// are open (Tasks rows, or a Type's Templates rows for a project with none), the hours each still
// needs (Hours × Scope where it Scales; what % Done or Actual Hours leave of it in progress), who is
// pinned, when it may start, what it waits for. Written apart from the planner's work list on
// purpose: a mistake there must not reappear here.

import type { Day } from '../model/dates';
import type { Plan } from '../model/plan';
import type { ProjectRow, TaskStatus } from '../model/sheets';
import type { Requirement } from '../model/skills';

/** Names compare without case or extra spaces (as the sheets promise). */
export const same = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** "project\ntask", for looking tasks up by name. */
export const taskId = (project: string, task: string): string => `${same(project)}\n${same(task)}`;

export interface OpenTask {
  id: string;
  /** "Project/Task" as written. */
  key: string;
  project: ProjectRow;
  status: TaskStatus;
  /** Hours per person still to do. */
  needs: number;
  requirements: Requirement[];
  pinned: string[];
  earliest: Day;
  due?: Day;
  maxPerDay?: number;
  /** Ids of the open tasks it waits for. */
  after: string[];
  tentative: boolean;
}

export interface WorkScope {
  /** Plan proposals too (default: Settings > Plan Proposals). */
  includeProposals?: boolean;
  /** Scope per project name, overriding Projects > Scope (what-ifs). */
  scope?: ReadonlyMap<string, number>;
}

interface Row {
  project: ProjectRow;
  task: string;
  status: TaskStatus;
  hours: number;
  scales: boolean;
  skills: Requirement[];
  after: string[];
  pinned: string[];
  start?: Day;
  due?: Day;
  maxPerDay?: number;
  percentDone?: number;
  actualHours?: number;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Every task row of every project, with template rows standing in for a typed project without tasks. */
function rows(plan: Plan): Row[] {
  const out: Row[] = [];
  const tasks = groupBy(plan.tasks, (t) => same(t.project));
  for (const project of plan.projects) {
    const own = tasks.get(same(project.project)) ?? [];
    for (const t of own) {
      out.push({
        project,
        task: t.task,
        status: t.status,
        hours: t.hours,
        scales: t.scales,
        skills: t.skills ?? [],
        after: t.after ?? [],
        pinned: t.assignee ?? [],
        start: t.start,
        due: t.due,
        maxPerDay: t.maxHoursPerDay,
        percentDone: t.percentDone,
        actualHours: t.actualHours,
      });
    }
    if (own.length || !project.type) continue;
    for (const t of plan.templates.filter((row) => same(row.type) === same(project.type as string))) {
      const base = { project, task: t.task, status: 'Not Started' as const, hours: t.hours, scales: t.scales };
      out.push({ ...base, skills: t.skills ?? [], after: t.after ?? [], pinned: [] });
    }
  }
  return out;
}

function hoursLeft(row: Row, scope: number): number {
  const total = row.scales ? row.hours * scope : row.hours;
  if (row.status !== 'In Progress') return total;
  if (row.percentDone !== undefined) return total * (1 - row.percentDone);
  if (row.actualHours !== undefined) return Math.max(0, total - row.actualHours);
  return total;
}

/** An After entry: a task of the same project first, else "Project/Task" split at any "/". */
function resolve(ref: string, project: string, ids: ReadonlySet<string>): string | undefined {
  if (ids.has(taskId(project, ref))) return taskId(project, ref);
  for (let i = ref.indexOf('/'); i > 0; i = ref.indexOf('/', i + 1)) {
    const id = taskId(ref.slice(0, i), ref.slice(i + 1));
    if (ids.has(id)) return id;
  }
  return undefined;
}

const COMMITTED = ['Won', 'Active'];

/** The open tasks the plan must hold, by id, in sheet order. */
export function openWork(plan: Plan, options: WorkScope = {}): Map<string, OpenTask> {
  const includeProposals = options.includeProposals ?? plan.settings.planProposals;
  const all = rows(plan);
  const ids = new Set(all.map((r) => taskId(r.project.project, r.task)));
  const open = new Map<string, OpenTask>();
  for (const row of all) {
    const { project } = row;
    if (row.status === 'Done' || !(COMMITTED.includes(project.status) || project.status === 'Proposal')) continue;
    const id = taskId(project.project, row.task);
    open.set(id, {
      id,
      key: `${project.project}/${row.task}`,
      project,
      status: row.status,
      needs: hoursLeft(row, options.scope?.get(project.project) ?? project.scope),
      requirements: row.skills,
      pinned: row.pinned,
      earliest: Math.max(plan.planStart, row.status === 'In Progress' ? plan.planStart : (row.start ?? project.start ?? plan.planStart)),
      due: row.due ?? project.due,
      maxPerDay: row.maxPerDay,
      after: row.after.map((ref) => resolve(ref, project.project, ids)).filter((d): d is string => d !== undefined && d !== id),
      tentative: project.status === 'Proposal',
    });
  }
  // Work that waits, even indirectly, for a proposal is planned only with the proposals.
  const waiting = groupBy(
    [...open.values()].flatMap((task) => task.after.map((d) => ({ d, id: task.id }))),
    (edge) => edge.d,
  );
  const withProposals = includeProposals ? [] : [...open.values()].filter((t) => t.tentative).map((t) => t.id);
  for (let id = withProposals.pop(); id !== undefined; id = withProposals.pop()) {
    if (open.delete(id)) for (const edge of waiting.get(id) ?? []) withProposals.push(edge.id);
  }
  for (const task of open.values()) task.after = [...new Set(task.after.filter((d) => open.has(d)))];
  return open;
}
