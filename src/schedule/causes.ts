// Why a published task moved, traced to the rows that forced it: a day off (TimeOff!A12), someone
// leaving (Staff!J5), a pin, a later start, more hours (Tasks!…), work it waits for that now ends
// later, or work it made room for. A move nothing in the sheets explains is the Replan setting's.

import type { BaselineRow } from '../model/baseline';
import { type Day, shortDate } from '../model/dates';
import { toTenth } from '../model/numbers';
import { type Plan, problemAt, type SheetName } from '../model/plan';
import { formatRequirement } from '../model/skills';
import { nameKey, type WorkItem } from '../model/work';
import { taskKey } from './baseline';
import type { Placement } from './changes';
import type { PlannedTask } from './schedule';

/** What kind of reason: the words a client may read are chosen by it (notify/client-summary.ts). */
export type CauseKind =
  | 'not on staff'
  | 'leaves'
  | 'starts'
  | 'skills'
  | 'time off'
  | 'pin'
  | 'start'
  | 'hours'
  | 'waits'
  | 'room'
  | 'replan'
  | 'new'
  | 'unstaffable'
  | 'gone';

export interface Cause {
  kind: CauseKind;
  /** The cell that says so, e.g. "TimeOff!A12"; absent when no one cell does. */
  cell?: string;
  text: string;
}

export interface CauseContext {
  plan: Plan;
  /** Every work item, as listed by workItems. */
  items: readonly WorkItem[];
  item: WorkItem;
  /** The task's baseline row. */
  row?: BaselineRow;
  task: PlannedTask;
  /** Where the baseline had it; undefined for new work. */
  was?: Placement;
  /** Every task that changed, by key, with where it was. */
  moved: ReadonlyMap<string, { task: PlannedTask; was?: Placement }>;
  mode: string;
}

function cellOf(plan: Plan, sheet: SheetName, field: string, row: number): string {
  const p = problemAt(plan, sheet, field, row, '');
  return `${p.sheet}!${p.cell}`;
}

function span(from: Day, to: Day | undefined): string {
  return to === undefined || to === from ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`;
}

/** The published crew's own reasons: not on Staff, leaving, skills, days off in the published window. */
function crewCauses(plan: Plan, item: WorkItem, was: Placement): Cause[] {
  const from = was.start ?? plan.planStart;
  const to = was.end ?? from;
  const causes: Cause[] = [];
  for (const name of was.crew) {
    const person = plan.staff.find((s) => nameKey(s.name) === nameKey(name));
    if (!person) {
      causes.push({ kind: 'not on staff', text: `${name} is no longer on Staff` });
      continue;
    }
    if (person.endDate !== undefined && person.endDate < to)
      causes.push({
        kind: 'leaves',
        cell: cellOf(plan, 'Staff', 'endDate', person.row),
        text: `${person.name} leaves ${shortDate(person.endDate)}`,
      });
    if (person.startDate !== undefined && person.startDate > from)
      causes.push({
        kind: 'starts',
        cell: cellOf(plan, 'Staff', 'startDate', person.row),
        text: `${person.name} starts ${shortDate(person.startDate)}`,
      });
    const short = item.requirements.filter((r) => (person.skills.skills.get(r.skill) ?? 0) < r.level);
    if (short.length === item.requirements.length && short.length)
      causes.push({
        kind: 'skills',
        cell: cellOf(plan, 'Staff', 'skills', person.row),
        text: `${person.name}'s skills no longer cover ${short.map((r) => formatRequirement({ ...r, count: 1 })).join(', ')}`,
      });
    for (const off of plan.timeOff) {
      const holiday = nameKey(off.name) === 'all';
      if (!holiday && nameKey(off.name) !== nameKey(person.name)) continue;
      const until = off.to ?? off.from;
      if (off.from > to || until < from) continue;
      const hours = off.hoursPerDay === undefined ? '' : `${off.hoursPerDay} h `;
      const who = holiday ? 'company holiday' : `${person.name} ${hours}off`;
      causes.push({ kind: 'time off', cell: cellOf(plan, 'TimeOff', 'name', off.row), text: `${who} ${span(off.from, off.to)}` });
    }
  }
  return causes;
}

/** The task's own rows: a pin, a later earliest start, more or fewer hours. */
function rowCauses(plan: Plan, item: WorkItem, task: PlannedTask, was: Placement, row: BaselineRow | undefined): Cause[] {
  const causes: Cause[] = [];
  const fromTasks = item.source.sheet === 'Tasks';
  const crew = new Set(was.crew.map(nameKey));
  if (fromTasks && item.pinned.some((p) => !crew.has(nameKey(p))))
    causes.push({ kind: 'pin', cell: cellOf(plan, 'Tasks', 'assignee', item.source.row), text: `pinned to ${item.pinned.join(', ')}` });
  if (item.earliest !== undefined && was.start !== undefined && item.earliest > was.start) {
    const own = fromTasks && plan.tasks.find((t) => t.row === item.source.row)?.start !== undefined;
    const cell = own ? cellOf(plan, 'Tasks', 'start', item.source.row) : cellOf(plan, 'Projects', 'start', item.project.row);
    causes.push({ kind: 'start', cell, text: `not before ${shortDate(item.earliest)}` });
  }
  if (row?.hours !== undefined && Math.abs(row.hours - task.hours) > 0.01 && fromTasks) {
    const field = item.status === 'In Progress' ? 'percentDone' : 'hours';
    causes.push({
      kind: 'hours',
      cell: cellOf(plan, 'Tasks', field, item.source.row),
      text: `${toTenth(task.hours)} h to do (was ${toTenth(row.hours)})`,
    });
  }
  return causes;
}

/** Work it waits for that now ends later than it was to start, and changed work it made room for. */
function planCauses(ctx: CauseContext, was: Placement): Cause[] {
  const { item, moved, items } = ctx;
  const causes: Cause[] = [];
  for (const dep of item.after) {
    const pred = moved.get(taskKey(items[dep].project.project, items[dep].name))?.task;
    if (pred && pred.state !== 'unstaffable' && was.start !== undefined && pred.end >= was.start)
      causes.push({ kind: 'waits', text: `waits for ${pred.key}, which now ends ${shortDate(pred.end)}` });
  }
  if (causes.length || was.start === undefined) return causes;
  const crew = new Set(was.crew.map(nameKey));
  const from = was.start;
  const to = was.end ?? from;
  for (const { task } of moved.values()) {
    if (task.key === item.key || task.state === 'unstaffable' || task.start > to || task.end < from) continue;
    if (task.crew.some((c) => crew.has(nameKey(c.name)))) causes.push({ kind: 'room', text: `makes room for ${task.key}` });
    if (causes.length === 2) break;
  }
  return causes;
}

const BY_MODE: Record<string, string> = {
  Balanced: 'moved so work a change made late finishes sooner (Replan: Balanced)',
  Free: 'planned afresh (Replan: Free)',
  Keep: 're-planned around the changes above',
};

/** Why a task changed, most direct reason first; every change gets at least one. */
export function causesOf(ctx: CauseContext): Cause[] {
  const { plan, item, task, was, row } = ctx;
  if (!was) {
    const cell =
      item.source.sheet === 'Tasks' ? cellOf(plan, 'Tasks', 'task', item.source.row) : cellOf(plan, 'Projects', 'type', item.project.row);
    return [{ kind: 'new', cell, text: item.source.sheet === 'Tasks' ? 'new task' : `new work from the ${item.project.type} template` }];
  }
  if (task.state === 'unstaffable') return [{ kind: 'unstaffable', text: task.why.replace(/^Cannot be staffed: /, '').replace(/\.$/, '') }];
  const causes = [...crewCauses(plan, item, was), ...rowCauses(plan, item, task, was, row), ...planCauses(ctx, was)];
  return causes.length ? causes : [{ kind: 'replan', text: BY_MODE[ctx.mode] ?? BY_MODE.Keep }];
}

/** Why a published task is no longer planned. */
export function goneCause(plan: Plan, row: BaselineRow, item: WorkItem | undefined): Cause {
  if (!item) return { kind: 'gone', text: `${row.project}/${row.task} is no longer in Tasks` };
  if (item.status === 'Done' && item.source.sheet === 'Tasks')
    return { kind: 'gone', cell: cellOf(plan, 'Tasks', 'status', item.source.row), text: 'done' };
  return { kind: 'gone', cell: cellOf(plan, 'Projects', 'status', item.project.row), text: `project ${item.project.status}` };
}
