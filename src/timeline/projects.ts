// The timeline by project: a row per project (its span, due date and manager), then a row per task
// (crew, dates, hours per column, milestones and due dates).

import { type Day, dayToIso } from '../model/dates';
import { addTo } from '../model/group';
import { toTenth } from '../model/numbers';
import type { Plan } from '../model/plan';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { MARK, tint } from './colors';
import {
  type Context,
  DUE,
  hoursIn,
  type Layout,
  MILESTONE,
  mark,
  type TimelineCell,
  type TimelineGrid,
  type TimelineOptions,
  type TimelineRow,
  timelineGrid,
} from './grid';

/** Each Tasks row's own Due (a task without one is due with its project, flagged on the project's row). */
type OwnDue = Map<number, Day | undefined>;

/** The due date a task row flags: its own, from the Tasks sheet; never its project's, flagged above. */
function ownDueOf(ownDue: OwnDue, task: PlannedTask): Day | undefined {
  return task.source.sheet === 'Tasks' ? ownDue.get(task.source.row) : undefined;
}

function taskCells(ctx: Context, task: PlannedTask, own: Day | undefined): TimelineCell[] {
  const color = ctx.colors.get(task.client) ?? MARK.busy;
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
    if (!due) return { ...cell, value: hours > 0 ? toTenth(hours) : null };
    if (hours <= 0) return { ...cell, value: DUE };
    // A day is too narrow for hours and the flag: the flag shows, the hours go in a note.
    if (ctx.scale === 'day') return { ...cell, value: DUE, note: `${toTenth(hours)} h; due this day` };
    return { ...cell, value: `${toTenth(hours)} ${DUE}` };
  });
}

function projectRows(plan: Plan, tasks: PlannedTask[], ctx: Context): TimelineRow[] {
  const ownDue: OwnDue = new Map(plan.tasks.map((t) => [t.row, t.due]));
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
      const own = ownDueOf(ownDue, t);
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
        cells: mark(ctx, taskCells(ctx, t, own)),
        ...(t.crew.some((c) => c.placeholder) ? { placeholder: true as const } : {}),
      });
    }
  }
  return rows;
}

const PROJECTS: Layout = {
  view: 'project',
  labelHeaders: ['Project / task', 'Crew', 'Start', 'End', 'Due'],
  estimatedRows: (_plan, tasks) => tasks.length + new Set(tasks.map((t) => t.project)).size,
  rows: (plan, tasks, _all, ctx) => projectRows(plan, tasks, ctx),
  legend: { label: `${MILESTONE} milestone  ${DUE} due`, color: MARK.free },
};

export function projectTimeline(plan: Plan, result: ScheduleResult, options: TimelineOptions): TimelineGrid {
  return timelineGrid(plan, result, options, PROJECTS);
}
