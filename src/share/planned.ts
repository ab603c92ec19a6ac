// The plan crosses from the sidebar (where it is computed) to the server (which writes the copies) as
// the bare facts of each of the clients' planned tasks: who, which slot, which days. Nothing else
// crosses: every name, date and status a copy shows is re-read by the server from its own read of the
// sheets, and the server checks these facts against that read before using them.

import { type Day, dayToIso, isoToDay } from '../model/dates';
import type { Plan } from '../model/plan';
import { nameKey, type WorkItem } from '../model/work';
import { emptyTerms } from '../schedule/objective';
import type { PlannedTask, ScheduleResult, TaskState } from '../schedule/schedule';
import { type LateBy, validatePlan, workingDaysLate } from '../schedule/validate';
import { shownWork } from './view';

export interface SharedCrewMember {
  name: string;
  /** The requirement filled, e.g. "LED:3". */
  slot: string;
}

export interface SharedTask {
  project: string;
  task: string;
  state: TaskState;
  crew: SharedCrewMember[];
  /** ISO days; absent for a task that cannot be staffed. */
  start?: string;
  end?: string;
  /** Hours each crew member works per day, from start. */
  daily: number[];
}

/** The open work of these clients' planned projects, as the plan must place it. */
function clientWork(plan: Plan, clients: readonly string[]): WorkItem[] {
  return clients.flatMap((c) => shownWork(plan, c)).filter((item) => item.status !== 'Done');
}

const keyOf = (project: string, task: string) => `${nameKey(project)}\n${nameKey(task)}`;

/** Sidebar side: the facts the server needs from a plan, for these clients only. */
export function sharedTasks(plan: Plan, result: ScheduleResult, clients: readonly string[]): SharedTask[] {
  const wanted = new Set(clientWork(plan, clients).map((item) => keyOf(item.project.project, item.name)));
  return result.tasks
    .filter((t) => wanted.has(keyOf(t.project, t.task)))
    .map((t) => ({
      project: t.project,
      task: t.task,
      state: t.state,
      crew: t.crew.map((c) => ({ name: c.name, slot: c.slot })),
      ...(t.state === 'unstaffable' ? {} : { start: dayToIso(t.start), end: dayToIso(t.end) }),
      daily: t.daily,
    }));
}

const STATES: readonly TaskState[] = ['planned', 'in progress', 'milestone', 'unstaffable'];
const MAX_SPAN_DAYS = 3660;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;
const isHours = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 24;

/** The shape of one task as sent, or what is wrong with it. */
function checkShape(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'not a task';
  const t = value as Record<string, unknown>;
  if (!isText(t.project) || !isText(t.task)) return 'project and task must be names';
  if (!STATES.includes(t.state as TaskState)) return 'unknown state';
  if (!Array.isArray(t.crew) || !t.crew.every((c) => c && isText(c.name) && typeof c.slot === 'string')) return 'crew must be names';
  if (!Array.isArray(t.daily) || t.daily.length > MAX_SPAN_DAYS || !t.daily.every(isHours)) return 'daily hours must be hours';
  if (t.state === 'unstaffable') return t.crew.length || t.daily.length ? 'a task that cannot be staffed has no crew' : undefined;
  if (t.state === 'milestone' && t.crew.length) return 'a milestone has no crew';
  const start = typeof t.start === 'string' ? isoToDay(t.start) : undefined;
  const end = typeof t.end === 'string' ? isoToDay(t.end) : undefined;
  if (start === undefined || end === undefined || end < start || end - start >= MAX_SPAN_DAYS) return 'start and end must be days';
  return undefined;
}

/** A task as the server rebuilds it from what was sent, named as in its own read of the sheets. */
function plannedTask(plan: Plan, item: WorkItem | undefined, sent: SharedTask, lateBy: LateBy): PlannedTask {
  const unstaffable = sent.state === 'unstaffable';
  const start = unstaffable ? plan.planStart : (isoToDay(sent.start as string) as Day);
  const end = unstaffable ? plan.planStart : (isoToDay(sent.end as string) as Day);
  const staff = (name: string) => plan.staff.find((s) => nameKey(s.name) === nameKey(name));
  const client = item && (plan.clients.find((c) => nameKey(c.client) === nameKey(item.project.client))?.client ?? item.project.client);
  return {
    key: item?.key ?? `${sent.project}/${sent.task}`,
    project: item?.project.project ?? sent.project,
    client: client ?? '',
    task: item?.name ?? sent.task,
    state: sent.state,
    tentative: false,
    crew: sent.crew.map((c) => {
      const person = staff(c.name);
      return { name: person?.name ?? c.name, slot: c.slot, level: 0 };
    }),
    start,
    end,
    hours: sent.daily.reduce((a, b) => a + b, 0),
    daily: [...sent.daily],
    due: item?.due,
    lateDays: unstaffable ? 0 : lateBy(item?.due, end),
    why: '',
    source: item?.source ?? { sheet: 'Tasks', row: 0 },
  };
}

/** A schedule holding only the given tasks; its summary figures are not computed (copies never show them). */
export function scheduleOf(planStart: Day, tasks: PlannedTask[]): ScheduleResult {
  const placed = tasks.filter((t) => t.state !== 'unstaffable');
  const end = placed.length ? placed.reduce((m, t) => Math.max(m, t.end), Number.NEGATIVE_INFINITY) : undefined;
  return {
    planStart,
    tasks,
    end,
    makespanDays: end === undefined ? 0 : end - planStart + 1,
    totalLateDays: 0,
    terms: emptyTerms(),
    decodes: 0,
  };
}

/**
 * Server side: rebuilds the clients' planned tasks from what the sidebar sent, against the server's
 * own read of the sheets, and runs the plan validator on them, restricted to these clients' planned
 * projects: every open task there once, the hours each still needs, crews of Staff members who
 * qualify, on days they work, within their hours, after what each task waits for, milestones on the
 * day their last predecessor ends, and "cannot be staffed" only when no one could. A plan that no
 * longer matches the sheets (or was never a plan) is refused with what does not match.
 */
export function scheduleFromShared(
  plan: Plan,
  clients: readonly string[],
  sent: unknown,
): { schedule: ScheduleResult; problems: [] } | { schedule?: undefined; problems: string[] } {
  if (!Array.isArray(sent)) return { problems: ['the plan must be a list of tasks'] };
  const work = clientWork(plan, clients);
  const items = new Map(work.map((item) => [keyOf(item.project.project, item.name), item]));
  const lateBy = workingDaysLate(plan);
  const problems: string[] = [];
  const tasks: PlannedTask[] = [];
  for (const [i, value] of sent.entries()) {
    const wrong = checkShape(value);
    if (wrong) problems.push(`task ${i + 1}: ${wrong}`);
    else
      tasks.push(
        plannedTask(plan, items.get(keyOf((value as SharedTask).project, (value as SharedTask).task)), value as SharedTask, lateBy),
      );
  }
  if (problems.length) return { problems };
  const projects = [...new Set(work.map((item) => item.project.project))];
  const broken = validatePlan(plan, tasks, { projects, includeProposals: false });
  if (broken.length) return { problems: broken };
  const byKey = new Map(tasks.map((t) => [keyOf(t.project, t.task), t]));
  return {
    schedule: scheduleOf(
      plan.planStart,
      [...items.keys()].flatMap((k) => byKey.get(k) ?? []),
    ),
    problems: [],
  };
}
