// The client view: what one client may see of the plan. An allowlist: every value is picked here, field
// by field, from rows that belong to that client, so a column added to a sheet later can never reach a
// client by accident. Never here: rates, costs, margins, budgets, any Notes, time-off reasons, the Why
// of the plan, other clients, proposals, and people who are not on the client's work.

import { type Day, dayToIso, shortDate } from '../model/dates';
import { formatMoney } from '../model/money';
import { plural } from '../model/numbers';
import { isPlaceholder } from '../model/placeholder';
import type { Plan } from '../model/plan';
import type { ProjectRow, ProjectStatus, TaskStatus } from '../model/sheets';
import { nameKey, type WorkItem, workItems } from '../model/work';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';

export type CrewShownAs = 'names' | 'roles';

export interface ProjectLine {
  project: string;
  status: string;
  start?: Day;
  due?: Day;
  /** Planned finish: the end of the project's last planned task (or the day it was delivered). */
  finish?: Day;
  /** On track, Late, To be confirmed, Delivered, On hold; blank when there is no plan. */
  standing: string;
  /** The agreed price, formatted; only when Settings > Show Prices to Clients says yes. */
  price?: string;
}

export interface WorkLine {
  project: string;
  task: string;
  milestone: boolean;
  /** Crew names, or their roles (Settings > Client View Names). */
  who: string[];
  start?: Day;
  end?: Day;
  status: string;
  /** 0…1. */
  percentDone: number;
}

export interface ContactLine {
  role: 'Account manager' | 'Project manager';
  name: string;
  /** From the Staff sheet's Email column; never made up. */
  email?: string;
  projects: string[];
}

export interface ClientView {
  client: string;
  generated: Day;
  crewShownAs: CrewShownAs;
  pricesShown: boolean;
  /** False when no plan could be made (no staff): dates and crews the plan would give are blank. */
  planned: boolean;
  projects: ProjectLine[];
  work: WorkLine[];
  contacts: ContactLine[];
  /** What this copy leaves out beyond what is never shown, for the Shares sheet. */
  leftOut: string[];
}

/**
 * Projects a client sees: work they agreed to. Proposals are not shown: until the client signs, a
 * proposal's scope and its tentative dates are the firm's internal pipeline (fitted into whatever
 * time is left, they move whenever other work is won), and showing them would read as a promise.
 * Lost projects are never shown either.
 */
export const SHOWN_STATUSES: readonly ProjectStatus[] = ['Won', 'Active', 'On Hold', 'Done'];
/** Shown projects whose tasks are planned and listed. */
export const PLANNED_STATUSES: readonly ProjectStatus[] = ['Won', 'Active'];

const PROJECT_STATUS: Record<string, string> = { Won: 'Confirmed', Active: 'In progress', 'On Hold': 'On hold', Done: 'Delivered' };
const TASK_STATUS: Record<TaskStatus, string> = { 'Not Started': 'Not started', 'In Progress': 'In progress', Done: 'Done' };

export const STANDING = {
  onTrack: 'On track',
  /** Planned past the due date, when Settings > Client Late Wording says Late. */
  late: 'Late',
  /** Planned past the due date: the account manager's words by default. */
  rescheduled: 'Rescheduled',
  toBeConfirmed: 'To be confirmed',
  delivered: 'Delivered',
  onHold: 'On hold',
} as const;

export function isClientOf(project: Pick<ProjectRow, 'client'>, client: string): boolean {
  return Boolean(project.client) && nameKey(project.client) === nameKey(client);
}

/** The client's projects a copy shows, in sheet order with delivered ones last. */
export function shownProjects(plan: Plan, client: string): ProjectRow[] {
  const mine = plan.projects.filter((p) => isClientOf(p, client) && SHOWN_STATUSES.includes(p.status));
  return [...mine.filter((p) => p.status !== 'Done'), ...mine.filter((p) => p.status === 'Done')];
}

/** Whether a project's tasks are planned and listed in the copy. */
export function isPlannedProject(project: ProjectRow): boolean {
  return PLANNED_STATUSES.includes(project.status);
}

/** The client's work a copy lists: every task of their won and active projects, done ones included. */
export function shownWork(plan: Plan, client: string): WorkItem[] {
  const keys = new Set(
    shownProjects(plan, client)
      .filter(isPlannedProject)
      .map((p) => nameKey(p.project)),
  );
  return workItems(plan).filter((item) => keys.has(nameKey(item.project.project)));
}

interface Context {
  plan: Plan;
  crewShownAs: CrewShownAs;
  /** Planned tasks by key; undefined when there is no plan. */
  planned?: Map<string, PlannedTask>;
}

/** A person as the client sees them: their name, or only their role; a placeholder (still to hire) never by either. */
export function personShown(plan: Plan, crewShownAs: CrewShownAs, name: string): string {
  const staff = plan.staff.find((s) => nameKey(s.name) === nameKey(name));
  if (staff && isPlaceholder(staff)) return STANDING.toBeConfirmed;
  if (crewShownAs === 'names') return staff?.name ?? name;
  return staff?.role || 'Team member';
}

function workLine(ctx: Context, item: WorkItem): WorkLine {
  const base = { project: item.project.project, task: item.name, milestone: item.milestone };
  if (item.status === 'Done') {
    return {
      ...base,
      who: item.pinned.map((n) => personShown(ctx.plan, ctx.crewShownAs, n)),
      end: item.doneOn,
      status: TASK_STATUS.Done,
      percentDone: 1,
    };
  }
  const progress = item.status === 'In Progress' ? (item.percentDone ?? 0) : 0;
  const task = ctx.planned?.get(item.key);
  if (!task) {
    // Without a plan only what the sheets say is known: who is pinned to the task.
    return {
      ...base,
      who: item.pinned.map((n) => personShown(ctx.plan, ctx.crewShownAs, n)),
      status: TASK_STATUS[item.status],
      percentDone: progress,
    };
  }
  if (task.state === 'unstaffable') return { ...base, who: [], status: STANDING.toBeConfirmed, percentDone: progress };
  return {
    ...base,
    who: task.crew.map((c) => personShown(ctx.plan, ctx.crewShownAs, c.name)),
    start: task.start,
    end: task.end,
    status: TASK_STATUS[item.status],
    percentDone: progress,
  };
}

function isLate(task: PlannedTask): boolean {
  return task.state !== 'unstaffable' && task.due !== undefined && task.end > task.due;
}

/** A project planned past its due date, in the words Settings > Client Late Wording chooses. */
export function lateWords(plan: Plan, finish: Day | undefined): string {
  if (plan.settings.clientLateWording === 'Late') return STANDING.late;
  return finish === undefined ? STANDING.rescheduled : `${STANDING.rescheduled} to ${shortDate(finish)} ${dayToIso(finish).slice(0, 4)}`;
}

function projectLine(ctx: Context, project: ProjectRow, prices: boolean): ProjectLine {
  const price = prices && project.value !== undefined ? formatMoney(project.value, ctx.plan.settings.currency) : undefined;
  const base = { project: project.project, status: PROJECT_STATUS[project.status], due: project.due, ...(price ? { price } : {}) };
  if (project.status === 'Done') return { ...base, start: project.start, finish: project.doneOn, standing: STANDING.delivered };
  if (project.status === 'On Hold') return { ...base, start: project.start, standing: STANDING.onHold };
  if (!ctx.planned) return { ...base, start: project.start, standing: '' };
  const tasks = [...ctx.planned.values()].filter((t) => nameKey(t.project) === nameKey(project.project));
  const placed = tasks.filter((t) => t.state !== 'unstaffable');
  const start = placed.length ? placed.reduce((m, t) => Math.min(m, t.start), Number.POSITIVE_INFINITY) : undefined;
  const unstaffable = tasks.length > placed.length;
  const finish = placed.length && !unstaffable ? placed.reduce((m, t) => Math.max(m, t.end), Number.NEGATIVE_INFINITY) : undefined;
  const late = placed.some(isLate) || (finish !== undefined && project.due !== undefined && finish > project.due);
  return {
    ...base,
    start: project.start ?? start,
    finish,
    standing: late ? lateWords(ctx.plan, finish) : unstaffable ? STANDING.toBeConfirmed : placed.length ? STANDING.onTrack : '',
  };
}

function contactLines(plan: Plan, client: string, projects: readonly ProjectRow[]): ContactLine[] {
  const clientRow = plan.clients.find((c) => nameKey(c.client) === nameKey(client));
  const lines = new Map<string, ContactLine>();
  const add = (role: ContactLine['role'], name: string | undefined, project: string) => {
    const staff = name ? plan.staff.find((s) => nameKey(s.name) === nameKey(name)) : undefined;
    if (!name || (staff && isPlaceholder(staff))) return;
    const key = `${role}|${nameKey(name)}`;
    const line = lines.get(key) ?? { role, name: staff?.name ?? name, ...(staff?.email ? { email: staff.email } : {}), projects: [] };
    if (!line.projects.includes(project)) line.projects.push(project);
    lines.set(key, line);
  };
  for (const p of projects) add('Account manager', p.accountManager ?? clientRow?.accountManager, p.project);
  for (const p of projects) add('Project manager', p.projectManager, p.project);
  return [...lines.values()];
}

function leftOut(plan: Plan, client: string, crewShownAs: CrewShownAs, prices: boolean): string[] {
  const mine = plan.projects.filter((p) => isClientOf(p, client));
  const count = (status: ProjectStatus) => mine.filter((p) => p.status === status).length;
  return [
    prices ? '' : 'prices',
    crewShownAs === 'roles' ? 'names (roles shown)' : '',
    count('Proposal') ? plural(count('Proposal'), 'proposal') : '',
    count('Lost') ? plural(count('Lost'), 'lost project') : '',
  ].filter(Boolean);
}

/**
 * What one client may see. `schedule` is the plan (undefined when none could be made); only its
 * tasks of this client's shown projects are read.
 */
export function clientView(plan: Plan, schedule: ScheduleResult | undefined, client: string, today: Day): ClientView {
  const crewShownAs: CrewShownAs = plan.settings.clientViewNames === 'Roles' ? 'roles' : 'names';
  const pricesShown = plan.settings.showPricesToClients;
  const projects = shownProjects(plan, client);
  const work = shownWork(plan, client);
  const keys = new Set(work.map((w) => w.key));
  const planned = schedule && new Map(schedule.tasks.filter((t) => keys.has(t.key)).map((t) => [t.key, t]));
  const ctx: Context = { plan, crewShownAs, planned };
  const clientRow = plan.clients.find((c) => nameKey(c.client) === nameKey(client));
  return {
    client: clientRow?.client ?? projects[0]?.client ?? client,
    generated: today,
    crewShownAs,
    pricesShown,
    planned: schedule !== undefined,
    projects: projects.map((p) => projectLine(ctx, p, pricesShown)),
    work: work.map((item) => workLine(ctx, item)).sort(byProjectThenDate(projects)),
    contacts: contactLines(plan, client, projects),
    leftOut: leftOut(plan, client, crewShownAs, pricesShown),
  };
}

/** Work grouped by project (in the projects' order), each project's work by date; undated last. */
function byProjectThenDate(projects: readonly ProjectRow[]): (a: WorkLine, b: WorkLine) => number {
  const order = new Map(projects.map((p, i) => [nameKey(p.project), i]));
  const when = (w: WorkLine) => w.start ?? w.end ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => (order.get(nameKey(a.project)) ?? 0) - (order.get(nameKey(b.project)) ?? 0) || when(a) - when(b);
}
