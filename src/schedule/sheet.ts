// The Schedule output sheet and the ASSIGN table, built from a ScheduleResult.

import { type Day, dayToIso, shortDate } from '../model/dates';
import { type Cell, fitWidths, type SheetOutput } from '../model/output';
import { PLACEHOLDER_INK } from '../model/placeholder';
import type { EmptyProject } from '../model/work';
import type { BoundedResult, PlannedTask, ScheduleResult } from './schedule';

const LATE = '#fce8e6';
const UNSTAFFABLE = '#fef7e0';
const TENTATIVE = '#e8f0fe';
const HEADER = '#e8eaed';

const date = (day: Day): Cell => ({ date: dayToIso(day) });

function assignee(task: PlannedTask): string {
  return task.crew.map((c) => c.name).join(', ');
}

/** Tasks grouped by project (in first-appearance order), each project's tasks by start date. */
export function inPlanOrder(tasks: readonly PlannedTask[]): PlannedTask[] {
  const projectOrder = new Map<string, number>();
  for (const t of tasks) if (!projectOrder.has(t.project)) projectOrder.set(t.project, projectOrder.size);
  return tasks
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) =>
        (projectOrder.get(a.t.project) as number) - (projectOrder.get(b.t.project) as number) ||
        a.t.start - b.t.start ||
        a.t.end - b.t.end ||
        a.i - b.i,
    )
    .map(({ t }) => t);
}

/**
 * ASSIGN's answer: a header row, then Project · Task · Assignee · Start · End · Hours · Why, then a row
 * for each project left out for having no work to plan.
 */
export function assignTable(result: ScheduleResult, empty: readonly EmptyProject[] = []): Cell[][] {
  return [
    ['Project', 'Task', 'Assignee', 'Start', 'End', 'Hours', 'Why'],
    ...inPlanOrder(result.tasks).map((t): Cell[] => [
      t.project,
      t.task,
      assignee(t),
      t.state === 'unstaffable' ? null : date(t.start),
      t.state === 'unstaffable' ? null : date(t.end),
      Math.round(t.hours * 100) / 100,
      t.why,
    ]),
    ...empty.map((e): Cell[] => [e.project.project, null, null, null, null, null, `Not planned: ${e.reason}.`]),
  ];
}

/** Who on the plan is still to hire, and how much work they carry. */
function placeholderLine(tasks: readonly PlannedTask[]): Cell[][] {
  const hours = new Map<string, number>();
  for (const t of tasks) for (const c of t.crew) if (c.placeholder) hours.set(c.name, (hours.get(c.name) ?? 0) + t.hours);
  if (!hours.size) return [];
  const who = [...hours].map(([name, h]) => `${name} (${Math.round(h)} h)`).join(', ');
  return [['To hire', `${who}: placeholders (Staff > Role), planned like people and never named to clients`]];
}

function summary(result: BoundedResult, today: Day): Cell[][] {
  const late = result.tasks.filter((t) => t.lateDays > 0);
  const unstaffable = result.tasks.filter((t) => t.state === 'unstaffable').length;
  const bound = result.lowerBound;
  return [
    ['Crewsheet schedule', `Generated ${dayToIso(today)} · plan starts ${shortDate(result.planStart)} · ${result.tasks.length} tasks`],
    [
      'Makespan',
      result.end === undefined
        ? 'nothing to plan'
        : `${result.makespanDays} days, ending ${shortDate(result.end)} ${dayToIso(result.end).slice(0, 4)}`,
    ],
    ['Lower bound', `${bound.days} days (${bound.kind}: ${bound.detail}); no valid plan can be shorter`],
    ['Gap to lower bound', result.gap],
    [
      'Total lateness',
      late.length
        ? `${result.totalLateDays} working days over ${late.length} task${late.length === 1 ? '' : 's'}`
        : 'none: every task meets its due date',
    ],
    ['Cannot be staffed', unstaffable ? `${unstaffable} task${unstaffable === 1 ? '' : 's'} (see Why)` : 'none'],
    ...placeholderLine(result.tasks),
  ];
}

export const SCHEDULE_HEADER = ['Project', 'Client', 'Task', 'Assignee', 'Start', 'End', 'Hours', 'Late By', 'Why', 'Location'];

/** The Schedule sheet: a summary block, then one row per task with late and unstaffable rows marked. */
export function scheduleSheet(result: BoundedResult, today: Day): SheetOutput {
  const top = summary(result, today);
  const headerRow = top.length + 1;
  const rows = inPlanOrder(result.tasks);
  const values: Cell[][] = [...top, [], SCHEDULE_HEADER];
  const backgrounds: (string | null)[][] = [...top.map(() => []), [], SCHEDULE_HEADER.map(() => HEADER)];
  const formats: string[][] = [...top.map((_, r) => (r === 3 ? ['', '0.0%'] : [])), [], []];
  const inks: (string | null)[][] = values.map(() => []);
  const notes: string[][] = values.map(() => []);
  for (const t of rows) {
    const placeholders = t.crew.filter((c) => c.placeholder).map((c) => c.name);
    inks.push(placeholders.length ? [null, null, null, PLACEHOLDER_INK] : []);
    notes.push(placeholders.length ? ['', '', '', `${placeholders.join(', ')}: to hire (a placeholder on Staff).`] : []);
    const unstaffable = t.state === 'unstaffable';
    values.push([
      t.project,
      t.client,
      t.task,
      unstaffable ? null : assignee(t),
      unstaffable ? null : date(t.start),
      unstaffable ? null : date(t.end),
      Math.round(t.hours * 100) / 100,
      t.lateDays,
      t.why,
      t.location ?? null,
    ]);
    const color = unstaffable ? UNSTAFFABLE : t.lateDays > 0 ? LATE : t.tentative ? TENTATIVE : null;
    backgrounds.push(SCHEDULE_HEADER.map(() => color));
    formats.push(['', '', '', '', 'ddd d mmm yyyy', 'ddd d mmm yyyy', '0.##', '0', '', '']);
  }
  notes[0] = [
    'Written by Crewsheet. Regenerated on each Plan run: edits here are replaced. Red: late. Yellow: cannot be staffed. Blue: tentative (proposal). Purple names: placeholders, still to hire.',
  ];
  notes[headerRow] = [
    '',
    '',
    '',
    'Crew names, comma-separated.',
    '',
    '',
    'Hours per person still to do.',
    'Working days past the due date.',
    'Why these people, and what the best alternative would change.',
    'Where the crew works: Tasks > Location, else Projects > Location.',
  ];
  const table = values.slice(headerRow).map((row) => row.slice(0, 4));
  return {
    name: 'Schedule',
    values,
    backgrounds,
    ...(rows.some((t) => t.crew.some((c) => c.placeholder)) ? { fontColors: inks } : {}),
    numberFormats: formats,
    notes,
    boldRows: [0, headerRow],
    frozenRows: headerRow + 1,
    // Project, Client, Task and Assignee fit the table's cells (a crew of four in full), as Sheets' fit
    // to data would; the summary above runs over them.
    columnWidths: [...fitWidths(table, '', 80, 360), 110, 110, 60, 60, 640, 260],
  };
}
