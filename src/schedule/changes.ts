// What changed since the published plan, task by task: who and when before → after, why (traced to
// the input rows that forced it, see causes.ts), and whom to tell: the people added, removed or moved,
// the project manager, and the client's contacts when dates a client sees have moved.

import type { BaselineRow } from '../model/baseline';
import type { Day } from '../model/dates';
import type { Plan } from '../model/plan';
import type { ProjectRow } from '../model/sheets';
import { nameKey, type WorkItem, workItems } from '../model/work';
import { isPlannedProject, SHOWN_STATUSES } from '../share/view';
import { taskKey } from './baseline';
import { type Cause, causesOf, goneCause } from './causes';
import type { PlannedTask, ScheduleResult } from './schedule';

/** Who did a task and when, as a plan says. */
export interface Placement {
  crew: string[];
  start?: Day;
  end?: Day;
}

export type ChangeKind = 'new' | 'people' | 'dates' | 'people and dates' | 'cannot be staffed' | 'done' | 'paused' | 'removed';

export interface Recipient {
  name: string;
  /** From Staff > Email, or the client's Contact Email; absent when the sheets have none. */
  email?: string;
  role: 'added' | 'removed' | 'moved' | 'project manager' | 'client contact';
}

export interface TaskChange {
  key: string;
  project: string;
  client: string;
  task: string;
  kind: ChangeKind;
  before?: Placement;
  after?: Placement;
  causes: Cause[];
  tell: Recipient[];
  /** The task's dates show in the client's copy and have moved. */
  clientSees: boolean;
}

const people = (names: readonly string[]) => new Set(names.map(nameKey));

function placement(task: PlannedTask): Placement {
  if (task.state === 'unstaffable') return { crew: [] };
  return { crew: task.crew.map((c) => c.name), start: task.start, end: task.end };
}

function before(row: BaselineRow): Placement {
  return { crew: row.assignee ?? [], start: row.start, end: row.end };
}

/**
 * Whether the start moved. Work the baseline started before the plan start goes on from the plan
 * start: only its end counts.
 */
function datesMoved(was: Placement, now: Placement, planStart: Day): boolean {
  const started = was.start !== undefined && was.start < planStart;
  const startMoved = !started && was.start !== now.start;
  return startMoved || (was.end !== undefined && was.end !== now.end);
}

function kindOf(was: Placement, now: Placement, task: PlannedTask, planStart: Day): ChangeKind | undefined {
  if (task.state === 'unstaffable') return was.crew.length || was.start !== undefined ? 'cannot be staffed' : undefined;
  const a = people(was.crew);
  const b = people(now.crew);
  const crew = a.size !== b.size || [...a].some((p) => !b.has(p));
  const dates = datesMoved(was, now, planStart);
  if (crew && dates) return 'people and dates';
  if (crew) return 'people';
  return dates ? 'dates' : undefined;
}

/** Projects whose task dates show in the client's copy. */
function clientVisible(project: ProjectRow): boolean {
  return SHOWN_STATUSES.includes(project.status) && isPlannedProject(project);
}

function recipients(
  plan: Plan,
  project: ProjectRow | undefined,
  was: Placement | undefined,
  now: Placement | undefined,
  clientSees: boolean,
): Recipient[] {
  const email = (name: string) => plan.staff.find((s) => nameKey(s.name) === nameKey(name))?.email;
  const a = people(was?.crew ?? []);
  const b = people(now?.crew ?? []);
  const tell: Recipient[] = [];
  for (const name of now?.crew ?? []) tell.push({ name, email: email(name), role: a.has(nameKey(name)) ? 'moved' : 'added' });
  for (const name of was?.crew ?? []) if (!b.has(nameKey(name))) tell.push({ name, email: email(name), role: 'removed' });
  const manager = project?.projectManager;
  if (manager && !tell.some((r) => nameKey(r.name) === nameKey(manager)))
    tell.push({ name: manager, email: email(manager), role: 'project manager' });
  if (clientSees && project) {
    const client = plan.clients.find((c) => nameKey(c.client) === nameKey(project.client));
    for (const address of client?.contactEmail ?? [])
      tell.push({ name: client?.client ?? project.client, email: address, role: 'client contact' });
  }
  return tell;
}

/** Why a published task is no longer in the plan: done, paused, lost, or gone from the sheets. */
function goneKind(item: WorkItem | undefined): ChangeKind {
  if (!item) return 'removed';
  if (item.status === 'Done' || item.project.status === 'Done') return 'done';
  if (item.project.status === 'On Hold') return 'paused';
  return 'removed';
}

function gone(plan: Plan, row: BaselineRow, items: Map<string, WorkItem>): TaskChange {
  const item = items.get(taskKey(row.project ?? '', row.task ?? ''));
  const kind = goneKind(item);
  const project = item?.project;
  const was = before(row);
  // Done work needs no one told; anything else that stops is news for its people and manager.
  const clientSees = kind !== 'done' && project !== undefined && SHOWN_STATUSES.includes(project.status);
  return {
    key: item?.key ?? `${row.project}/${row.task}`,
    project: project?.project ?? row.project ?? '',
    client: project?.client ?? '',
    task: item?.name ?? row.task ?? '',
    kind,
    before: was,
    causes: [goneCause(plan, row, item)],
    tell: kind === 'done' ? [] : recipients(plan, project, was, undefined, clientSees),
    clientSees,
  };
}

/**
 * Every committed task whose people, dates or state changed since the baseline, in the plan's order,
 * then the published tasks no longer planned. `mode` names the Replan setting, for moves nothing else explains.
 */
export function changesSince(plan: Plan, baseline: readonly BaselineRow[], result: ScheduleResult, mode: string): TaskChange[] {
  const rows = new Map<string, BaselineRow>();
  for (const row of baseline) {
    const key = taskKey(row.project ?? '', row.task ?? '');
    if (!rows.has(key)) rows.set(key, row);
  }
  const list = workItems(plan);
  const items = new Map(list.map((item) => [taskKey(item.project.project, item.name), item]));
  // Proposals are nobody's promise yet: they are neither published nor reported.
  const planned = new Map(result.tasks.filter((t) => !t.tentative).map((t) => [taskKey(t.project, t.task), t]));
  const changes: TaskChange[] = [];
  const moved = new Map<string, { task: PlannedTask; was?: Placement }>();
  for (const [key, task] of planned) {
    const row = rows.get(key);
    const now = placement(task);
    const was = row ? before(row) : undefined;
    const kind = was ? kindOf(was, now, task, result.planStart) : 'new';
    if (kind) moved.set(key, { task, was });
  }
  for (const [key, { task, was }] of moved) {
    const item = items.get(key) as WorkItem;
    const now = placement(task);
    const kind = was ? (kindOf(was, now, task, result.planStart) as ChangeKind) : 'new';
    const clientSees = clientVisible(item.project) && (kind !== 'people' || !was);
    changes.push({
      key: task.key,
      project: task.project,
      client: task.client,
      task: task.task,
      kind,
      before: was,
      after: now,
      causes: causesOf({ plan, items: list, item, row: rows.get(key), task, was, moved, mode }),
      tell: recipients(plan, item.project, was, now, clientSees),
      clientSees,
    });
  }
  const tentative = new Set(result.tasks.filter((t) => t.tentative).map((t) => taskKey(t.project, t.task)));
  for (const [key, row] of rows) if (!planned.has(key) && !tentative.has(key)) changes.push(gone(plan, row, items));
  return changes;
}
