// The timeline as data: rows by columns (days, weeks or months), each cell with a value and a colour.
// Pure: the sheet writer only lays it out. What is common to both views is here; their rows are in
// projects.ts (projects and their tasks) and people.ts (people and their load).

import { type Day, dayToIso, shortDate } from '../model/dates';
import { type Cell, textWidth } from '../model/output';
import { PLACEHOLDER_FILL } from '../model/placeholder';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import { hoursOn, personCalendars } from '../schedule/calendar';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { clientColors, MARK } from './colors';
import { BUCKET_WIDTH, type Bucket, buckets, chooseScale, type Scale } from './scale';

export type View = 'project' | 'person';

export interface TimelineOptions {
  scale: Scale | 'auto';
  from?: Day;
  to?: Day;
  /** Only these clients' work (names as in Clients). */
  clients?: readonly string[];
  /** Only projects run by these project managers. */
  projectManagers?: readonly string[];
  /** Only these people (and, in the project view, tasks they are on). */
  people?: readonly string[];
  today: Day;
}

export interface TimelineCell {
  value: string | number | null;
  color: string | null;
  /** What the cell's value leaves out to fit its column (hours beside a due flag, a full name). */
  note?: string;
}

export interface TimelineRow {
  kind: 'project' | 'task' | 'person' | 'load';
  labels: Cell[];
  cells: TimelineCell[];
  /** A placeholder's row, or a task a placeholder is on: drawn apart. */
  placeholder?: true;
}

export interface TimelineGrid {
  view: View;
  scale: Scale;
  from: Day;
  to: Day;
  labelHeaders: string[];
  buckets: Bucket[];
  rows: TimelineRow[];
  /** Column of today, or -1 when today is outside the range. */
  todayColumn: number;
  today: Day;
  legend: { label: string; color: string }[];
  /** Things the reader should know: a coarser scale than asked, filters applied. */
  notes: string[];
}

export const MILESTONE = '◆';
export const DUE = '⚑';

export function keySet(names: readonly string[] | undefined): Set<string> | undefined {
  return names?.length ? new Set(names.map(nameKey)) : undefined;
}

/** The tasks the filters keep. */
function selectTasks(plan: Plan, result: ScheduleResult, options: TimelineOptions): PlannedTask[] {
  const clients = keySet(options.clients);
  const managers = keySet(options.projectManagers);
  const people = keySet(options.people);
  const managerOf = new Map(plan.projects.map((p) => [p.project, p.projectManager ?? '']));
  return result.tasks.filter(
    (t) =>
      (!clients || clients.has(nameKey(t.client))) &&
      (!managers || managers.has(nameKey(managerOf.get(t.project) ?? ''))) &&
      (!people || t.crew.some((c) => people.has(nameKey(c.name)))),
  );
}

/** Hours a task's crew member works within a bucket. */
export function hoursIn(task: PlannedTask, bucket: Bucket): number {
  let hours = 0;
  for (let d = Math.max(bucket.start, task.start); d <= Math.min(bucket.end, task.end); d++) hours += task.daily[d - task.start] ?? 0;
  return hours;
}

export interface Context {
  scale: Scale;
  columns: Bucket[];
  colors: Map<string, string>;
  /** Per column: nobody works that day (day scale only). */
  closed: boolean[];
  today: number;
}

/** Cells with no colour of their own show the days nobody works, and today. */
export function mark(ctx: Context, cells: TimelineCell[]): TimelineCell[] {
  return cells.map((cell, i) =>
    cell.color !== null
      ? cell
      : ctx.closed[i]
        ? { ...cell, color: MARK.nonWorking }
        : i === ctx.today
          ? { ...cell, color: MARK.today }
          : cell,
  );
}

/**
 * The width of the day, week or month columns: the scale's, or wider where a value needs it ("12.5/40"
 * hours in a week, "24 ⚑"), so no number is cut. Names (who is where) run over their days instead.
 */
export function bucketWidth(scale: Scale, rows: readonly TimelineRow[]): number {
  let widest = BUCKET_WIDTH[scale];
  for (const row of rows) {
    if (row.kind === 'person') continue;
    for (const cell of row.cells) if (cell.value !== null) widest = Math.max(widest, textWidth(String(cell.value)));
  }
  return widest;
}

/**
 * The default range: from today or the plan start, whichever is earlier (or the first shown task), to
 * the last end or due date. Today is always on a timeline drawn without dates, even when the plan
 * starts next week.
 */
function range(tasks: PlannedTask[], result: ScheduleResult, options: TimelineOptions): { from: Day; to: Day } {
  const placed = tasks.filter((t) => t.state !== 'unstaffable');
  const from = options.from ?? Math.min(result.planStart, options.today, ...placed.map((t) => t.start));
  const last = Math.max(from, ...placed.map((t) => t.end), ...placed.map((t) => t.due ?? from));
  const to = options.to ?? last;
  return { from, to: Math.max(from, to) };
}

/** What makes a view: its label columns, about how many rows it has, its rows and its own legend entry. */
export interface Layout {
  view: View;
  labelHeaders: string[];
  estimatedRows(plan: Plan, tasks: readonly PlannedTask[]): number;
  /** The rows of the tasks the filters keep; `all` is every planned task, for what filters must not hide. */
  rows(plan: Plan, tasks: PlannedTask[], all: readonly PlannedTask[], ctx: Context, options: TimelineOptions): TimelineRow[];
  legend: { label: string; color: string };
}

export function timelineGrid(plan: Plan, result: ScheduleResult, options: TimelineOptions, layout: Layout): TimelineGrid {
  const tasks = selectTasks(plan, result, options);
  const { from, to: asked } = range(tasks, result, options);
  const { labelHeaders } = layout;
  const { scale, to } = chooseScale(options.scale, from, asked, layout.estimatedRows(plan, tasks) + 6, labelHeaders.length);
  const columns = buckets(from, to, scale);
  const calendars = personCalendars(plan.staff, plan.timeOff);
  const closed = columns.map((b) => scale === 'day' && !calendars.some((c) => hoursOn(c, b.start) > 0));
  const colors = clientColors([...plan.clients.map((c) => c.client), ...result.tasks.map((t) => t.client)]);
  const ctx: Context = {
    scale,
    columns,
    colors,
    closed,
    today: columns.findIndex((b) => options.today >= b.start && options.today <= b.end),
  };
  const rows = layout.rows(plan, tasks, result.tasks, ctx, options);

  const notes: string[] = [];
  if (options.scale !== 'auto' && options.scale !== scale)
    notes.push(`${options.scale === 'day' ? 'Days' : 'Weeks'} would not fit on one sheet, so this shows ${scale}s.`);
  if (to < asked)
    notes.push(`Not even months up to ${dayToIso(asked)} fit on one sheet: this shows up to ${dayToIso(to)}; narrow From and To.`);
  const filters = [
    options.clients?.length ? `clients ${options.clients.join(', ')}` : '',
    options.projectManagers?.length ? `project managers ${options.projectManagers.join(', ')}` : '',
    options.people?.length ? `people ${options.people.join(', ')}` : '',
  ].filter(Boolean);
  if (filters.length) notes.push(`Showing only ${filters.join('; ')}.`);
  if (!rows.length) notes.push('Nothing planned matches the filters.');

  const shownClients = [...new Set(tasks.map((t) => t.client))].sort((a, b) => a.localeCompare(b));
  const legend = [
    ...shownClients.map((c) => ({ label: c, color: colors.get(c) ?? MARK.busy })),
    { label: 'Late', color: MARK.late },
    { label: 'Today', color: MARK.today },
    ...(scale === 'day' ? [{ label: 'Nobody works', color: MARK.nonWorking }] : []),
    layout.legend,
    ...(rows.some((r) => r.placeholder) ? [{ label: 'To hire (placeholder)', color: PLACEHOLDER_FILL }] : []),
  ];
  return {
    view: layout.view,
    scale,
    from,
    to,
    labelHeaders,
    buckets: columns,
    rows,
    todayColumn: ctx.today,
    today: options.today,
    legend,
    notes,
  };
}

/** "Mon 23 Nov 2026 – Fri 9 Apr 2027" */
export function rangeLabel(grid: TimelineGrid): string {
  return `${shortDate(grid.from)} ${dayToIso(grid.from).slice(0, 4)} – ${shortDate(grid.to)} ${dayToIso(grid.to).slice(0, 4)}`;
}
