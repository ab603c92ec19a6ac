// The timeline as data: rows (projects and their tasks, or people and their load) by columns (days,
// weeks or months), each cell with a value and a colour. Pure: the sheet writer only lays it out.

import { type Day, dayToIso, shortDate } from '../model/dates';
import { addTo } from '../model/group';
import type { Cell } from '../model/output';
import { isPlaceholder, PLACEHOLDER_FILL } from '../model/placeholder';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import { hoursOn, personCalendars } from '../schedule/calendar';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { clientColors, MARK, tint } from './colors';
import { BUCKET_WIDTH, type Bucket, buckets, chooseScale, type Scale, textWidth } from './scale';

export type View = 'project' | 'person';

export interface TimelineOptions {
  view: View;
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

const PROJECT_LABELS = ['Project / task', 'Crew', 'Start', 'End', 'Due'];
const PERSON_LABELS = ['Person', 'Role', 'Booked / capacity'];

function keySet(names: readonly string[] | undefined): Set<string> | undefined {
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
function hoursIn(task: PlannedTask, bucket: Bucket): number {
  let hours = 0;
  for (let d = Math.max(bucket.start, task.start); d <= Math.min(bucket.end, task.end); d++) hours += task.daily[d - task.start] ?? 0;
  return hours;
}

const round = (h: number) => Math.round(h * 10) / 10;

interface Context {
  scale: Scale;
  columns: Bucket[];
  /** Each Tasks row's own Due (a task without one is due with its project, flagged on the project's row). */
  ownDue: Map<number, Day | undefined>;
  colors: Map<string, string>;
  /** Per column: nobody works that day (day scale only). */
  closed: boolean[];
  today: number;
}

function mark(ctx: Context, cells: TimelineCell[]): TimelineCell[] {
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

/** The due date a task row flags: its own, from the Tasks sheet; never its project's, flagged above. */
function ownDueOf(ctx: Context, task: PlannedTask): Day | undefined {
  return task.source.sheet === 'Tasks' ? ctx.ownDue.get(task.source.row) : undefined;
}

function taskCells(ctx: Context, task: PlannedTask): TimelineCell[] {
  const color = ctx.colors.get(task.client) ?? MARK.busy;
  const own = ownDueOf(ctx, task);
  return ctx.columns.map((b): TimelineCell => {
    const overlaps = task.start <= b.end && task.end >= b.start && task.state !== 'unstaffable';
    const due = own !== undefined && own >= b.start && own <= b.end;
    if (task.state === 'milestone') {
      if (overlaps) return { value: MILESTONE, color: task.due !== undefined && task.end > task.due ? MARK.late : color };
      return { value: due ? DUE : null, color: null };
    }
    if (!overlaps) return { value: due ? DUE : null, color: null };
    const hours = hoursIn(task, b);
    const late = task.due !== undefined && b.end > task.due;
    const shade = late ? MARK.late : task.tentative ? tint(color, 0.4) : color;
    const cell = { color: hours > 0 ? shade : tint(shade) };
    if (!due) return { ...cell, value: hours > 0 ? round(hours) : null };
    if (hours <= 0) return { ...cell, value: DUE };
    // A day is too narrow for hours and the flag: the flag shows, the hours go in a note.
    if (ctx.scale === 'day') return { ...cell, value: DUE, note: `${round(hours)} h; due this day` };
    return { ...cell, value: `${round(hours)} ${DUE}` };
  });
}

/**
 * Initials of a name that does not fit, as many letters as fit in `room` pixels (two at least, three
 * at most): "Helios CES Booth" → "HCB", "Gala" → "Gal", "Helios Energy +1" → "HE+1" where that fits, else "HE".
 */
function initials(name: string, room: number): string {
  const extra = (/\s*\+\d+$/.exec(name)?.[0] ?? '').trim();
  const words = name
    .slice(0, name.length - extra.length)
    .trim()
    .split(/[\s&/–-]+/)
    .filter((w) => /^\p{L}/u.test(w));
  let short = (words.length < 2 ? name.slice(0, 3) : words.map((w) => w[0].toUpperCase()).join('')).slice(0, 3);
  while (short.length > 2 && textWidth(short) > room) short = short.slice(0, -1);
  return textWidth(`${short}${extra}`) <= room ? `${short}${extra}` : short;
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
 * A row of names (who is on what) as Sheets shows it best: each name once, at the start of its run of
 * days, running over the run's empty cells; where the run is too short for it, its initials, with the
 * full name in the note.
 */
function labelRuns(cells: TimelineCell[], width: number): TimelineCell[] {
  return cells.map((cell, i) => {
    if (typeof cell.value !== 'string') return cell;
    const name = cell.value;
    if (i > 0 && cells[i - 1].value === name) return { ...cell, value: null };
    let run = 1;
    while (cells[i + run]?.value === name) run++;
    return textWidth(name) <= run * width ? cell : { ...cell, value: initials(name, run * width), note: name };
  });
}

function projectView(plan: Plan, tasks: PlannedTask[], ctx: Context): TimelineRow[] {
  const projects = new Map(plan.projects.map((p) => [p.project, p]));
  const crewOf = (t: PlannedTask) => t.crew.map((c) => (c.placeholder ? `${c.name} (to hire)` : c.name)).join(', ');
  const byProject = new Map<string, PlannedTask[]>();
  for (const t of tasks) addTo(byProject, t.project, t);
  const rows: TimelineRow[] = [];
  for (const [name, list] of byProject) {
    const project = projects.get(name);
    const placed = list.filter((t) => t.state !== 'unstaffable');
    const start = placed.reduce((m, t) => Math.min(m, t.start), Number.POSITIVE_INFINITY);
    const end = placed.reduce((m, t) => Math.max(m, t.end), Number.NEGATIVE_INFINITY);
    const due = project?.due;
    const color = ctx.colors.get(list[0].client) ?? MARK.busy;
    const summary = ctx.columns.map((b): TimelineCell => {
      const inside = placed.length > 0 && start <= b.end && end >= b.start;
      const isDue = due !== undefined && due >= b.start && due <= b.end;
      const late = due !== undefined && b.end > due;
      return { value: isDue ? DUE : null, color: inside ? (late ? MARK.late : color) : null };
    });
    rows.push({
      kind: 'project',
      labels: [
        name,
        [list[0].client, project?.projectManager ? `PM ${project.projectManager}` : ''].filter(Boolean).join(' · '),
        placed.length ? { date: dayToIso(start) } : null,
        placed.length ? { date: dayToIso(end) } : null,
        due === undefined ? null : { date: dayToIso(due) },
      ],
      cells: mark(ctx, summary),
    });
    for (const t of [...list].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const unstaffable = t.state === 'unstaffable';
      const own = ownDueOf(ctx, t);
      rows.push({
        kind: 'task',
        labels: [
          `   ${t.task}${t.tentative ? ' (tentative)' : ''}`,
          unstaffable ? 'cannot be staffed' : crewOf(t),
          unstaffable ? null : { date: dayToIso(t.start) },
          unstaffable ? null : { date: dayToIso(t.end) },
          // The project's due date is on its own row; a task shows only a due date of its own.
          own === undefined ? null : { date: dayToIso(own) },
        ],
        cells: mark(ctx, taskCells(ctx, t)),
        ...(t.crew.some((c) => c.placeholder) ? { placeholder: true as const } : {}),
      });
    }
  }
  return rows;
}

/**
 * Two rows a person: where they are (the project, or the main client and how many more), and their
 * load against their working hours. The load counts all their work, filtered or not: a filter
 * chooses who and what is shown, never hides that someone is busy.
 */
function personView(plan: Plan, tasks: PlannedTask[], all: readonly PlannedTask[], ctx: Context, options: TimelineOptions): TimelineRow[] {
  const calendars = personCalendars(plan.staff, plan.timeOff);
  const wanted = keySet(options.people);
  const involved = new Set(tasks.flatMap((t) => t.crew.map((c) => nameKey(c.name))));
  const filtered = Boolean(options.clients?.length || options.projectManagers?.length);
  const rows: TimelineRow[] = [];
  plan.staff.forEach((person, p) => {
    const key = nameKey(person.name);
    if ((wanted && !wanted.has(key)) || (filtered && !involved.has(key))) return;
    const isMine = (t: PlannedTask) => t.crew.some((c) => nameKey(c.name) === key);
    const mine = tasks.filter(isMine);
    const allMine = all.filter(isMine);
    let booked = 0;
    let capacity = 0;
    const on: TimelineCell[] = [];
    const load: TimelineCell[] = [];
    for (const b of ctx.columns) {
      let cap = 0;
      for (let d = b.start; d <= b.end; d++) cap += hoursOn(calendars[p], d);
      const byClient = new Map<string, { hours: number; projects: Set<string> }>();
      let hours = 0;
      for (const t of allMine) hours += hoursIn(t, b);
      for (const t of mine) {
        const h = hoursIn(t, b);
        if (h <= 0) continue;
        const entry = byClient.get(t.client) ?? { hours: 0, projects: new Set<string>() };
        entry.hours += h;
        entry.projects.add(t.project);
        byClient.set(t.client, entry);
      }
      booked += hours;
      capacity += cap;
      const ranked = [...byClient].sort((x, y) => y[1].hours - x[1].hours);
      const main = ranked[0];
      const projects = ranked.flatMap(([, e]) => [...e.projects]);
      on.push(
        main
          ? {
              value: projects.length === 1 ? projects[0] : `${main[0]} +${projects.length - 1}`,
              color: ctx.colors.get(main[0]) ?? MARK.busy,
            }
          : { value: null, color: cap === 0 ? MARK.nonWorking : null },
      );
      const over = hours > cap + 1e-6;
      const color = over ? MARK.overbooked : hours > 0 ? MARK.busy : cap === 0 ? MARK.nonWorking : null;
      // A day is too narrow for "7.5/8": the hours booked show, and the working hours, where they differ,
      // in a note.
      if (ctx.scale !== 'day') load.push({ value: hours > 0 || cap > 0 ? `${round(hours)}/${round(cap)}` : null, color });
      else if (hours <= 0) load.push({ value: null, color });
      else if (Math.abs(hours - cap) < 1e-6) load.push({ value: round(hours), color });
      else load.push({ value: round(hours), color, note: `${round(hours)} of ${round(cap)} working hours booked` });
    }
    const share = capacity > 0 ? ` (${Math.round((100 * booked) / capacity)}%)` : '';
    const toHire = isPlaceholder(person);
    rows.push({
      kind: 'person',
      labels: [person.name, toHire ? 'Placeholder: to hire' : (person.role ?? ''), `${round(booked)} / ${round(capacity)} h${share}`],
      cells: mark(ctx, on),
      ...(toHire ? { placeholder: true as const } : {}),
    });
    rows.push({ kind: 'load', labels: ['', '', 'hours booked / working hours'], cells: mark(ctx, load) });
  });
  return rows;
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

export function buildTimeline(plan: Plan, result: ScheduleResult, options: TimelineOptions): TimelineGrid {
  const tasks = selectTasks(plan, result, options);
  const { from, to } = range(tasks, result, options);
  const labelHeaders = options.view === 'project' ? PROJECT_LABELS : PERSON_LABELS;
  const projectsShown = new Set(tasks.map((t) => t.project)).size;
  const estimatedRows = options.view === 'project' ? tasks.length + projectsShown : 2 * plan.staff.length;
  const scale = chooseScale(options.scale, from, to, estimatedRows + 6, labelHeaders.length);
  const columns = buckets(from, to, scale);
  const calendars = personCalendars(plan.staff, plan.timeOff);
  const closed = columns.map((b) => scale === 'day' && !calendars.some((c) => hoursOn(c, b.start) > 0));
  const colors = clientColors([...plan.clients.map((c) => c.client), ...result.tasks.map((t) => t.client)]);
  const ctx: Context = {
    scale,
    columns,
    ownDue: new Map(plan.tasks.map((t) => [t.row, t.due])),
    colors,
    closed,
    today: columns.findIndex((b) => options.today >= b.start && options.today <= b.end),
  };
  const drawn = options.view === 'project' ? projectView(plan, tasks, ctx) : personView(plan, tasks, result.tasks, ctx, options);
  // Names are shortened to the room their run of columns has, once the columns' width is known.
  const width = bucketWidth(scale, drawn);
  const rows = drawn.map((row) => (row.kind === 'person' ? { ...row, cells: labelRuns(row.cells, width) } : row));

  const notes: string[] = [];
  if (options.scale !== 'auto' && options.scale !== scale)
    notes.push(`${options.scale === 'day' ? 'Days' : 'Weeks'} would not fit on one sheet, so this shows ${scale}s.`);
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
    ...(options.view === 'person'
      ? [{ label: 'Over capacity', color: MARK.overbooked }]
      : [{ label: `${MILESTONE} milestone  ${DUE} due`, color: MARK.free }]),
    ...(rows.some((r) => r.placeholder) ? [{ label: 'To hire (placeholder)', color: PLACEHOLDER_FILL }] : []),
  ];
  return {
    view: options.view,
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
