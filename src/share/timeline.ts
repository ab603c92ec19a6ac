// The client's timeline: the project Gantt of src/timeline, drawn from this client's own projects and
// planned tasks only, then kept to what a client may see: bars, milestones and due dates. Hours per
// day (the firm's effort figures), notes about filters and the "written by" note are dropped.

import { dayToIso } from '../model/dates';
import type { SheetOutput } from '../model/output';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import type { ScheduleResult } from '../schedule/schedule';
import { MARK } from '../timeline/colors';
import { DUE, MILESTONE, type TimelineCell, type TimelineGrid } from '../timeline/grid';
import { projectTimeline } from '../timeline/projects';
import { timelineSheet } from '../timeline/sheet';
import { type ClientView, isPlannedProject, lateWords, personShown, shownProjects } from './view';

export const TIMELINE_SHEET = 'Timeline';

/** Only the milestone and due marks survive; a number in a bar is hours of work. */
function mark(value: TimelineCell['value']): TimelineCell['value'] {
  if (value === MILESTONE || value === DUE) return value;
  return typeof value === 'string' && value.endsWith(DUE) ? DUE : null;
}

/** Values and colours only; the legend in the client's words (a late bar is work rescheduled). */
function withoutInternals(grid: TimelineGrid, plan: Plan): TimelineGrid {
  const late = lateWords(plan, undefined);
  return {
    ...grid,
    rows: grid.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ value: mark(cell.value), color: cell.color })) })),
    legend: grid.legend.map((entry) => (entry.color === MARK.late && entry.label === 'Late' ? { ...entry, label: late } : entry)),
    notes: [],
  };
}

/** The Timeline sheet of a client copy. */
export function clientTimelineSheet(plan: Plan, schedule: ScheduleResult, view: ClientView): SheetOutput {
  const projects = shownProjects(plan, view.client).filter(isPlannedProject);
  const keys = new Set(projects.map((p) => nameKey(p.project)));
  // Tasks that cannot be staffed have no dates to draw; the Plan sheet lists them as to be confirmed.
  // Each crew member is named as the Plan sheet names them (a placeholder never by name).
  const tasks = schedule.tasks
    .filter((t) => keys.has(nameKey(t.project)) && t.state !== 'unstaffable' && !t.tentative)
    .map((t) => ({ ...t, crew: t.crew.map((c) => ({ name: personShown(plan, view.crewShownAs, c.name), slot: c.slot, level: c.level })) }));
  if (!tasks.length) return { name: TIMELINE_SHEET, values: [['Timeline'], ['No planned work to show yet.']], boldRows: [0] };
  // Only this client's rows reach the timeline, so its colours, legend and range depend on no one else;
  // a project manager still to hire is not named.
  const managers = new Set(view.contacts.filter((c) => c.role === 'Project manager').map((c) => nameKey(c.name)));
  const own: Plan = {
    ...plan,
    clients: plan.clients.filter((c) => nameKey(c.client) === nameKey(view.client)),
    projects: projects.map((p) => (p.projectManager && !managers.has(nameKey(p.projectManager)) ? { ...p, projectManager: undefined } : p)),
  };
  const grid = projectTimeline(own, { ...schedule, tasks }, { clients: [view.client], scale: 'auto', today: view.generated });
  const sheet = timelineSheet(withoutInternals(grid, plan), dayToIso(view.generated));
  // Field by field: values and colours, plus layout; never the sheet's notes.
  return {
    name: TIMELINE_SHEET,
    values: sheet.values,
    backgrounds: sheet.backgrounds,
    numberFormats: sheet.numberFormats,
    boldRows: sheet.boldRows,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: sheet.columnWidths,
  };
}
