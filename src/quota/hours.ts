// Hours behind Billable Hours quotas and utilization: hours people logged on finished tasks, hours the
// current plan books for them, and the hours their calendars make available.
//
// Decisions:
// - Billable hours are the Actual Hours of Done tasks, counted on the task's Done On date. Hours on the
//   Tasks sheet are per person, so every person named in Assignee is credited the task's Actual Hours
//   (a crew of three who each spent 12 h gives each of them 12 h). A Done task without Actual Hours
//   counts its estimate (Hours), and the note says so. A Done task without Done On belongs to no period.
// - All project work is billable: the sheets hold client projects only.
// - Planned hours are the current plan's bookings, day by day, for committed work only (tentative
//   proposals are left out); capacity comes from each person's calendar (weekly hours over work days,
//   start and end dates, time off, company holidays).

import { type Day, weekdayName } from '../model/dates';
import { formatNumber, plural } from '../model/numbers';
import type { Plan } from '../model/plan';
import type { StaffRow, TaskRow, TimeOffRow } from '../model/sheets';
import { nameKey } from '../model/work';
import { hoursOn, type PersonCalendar, personCalendars } from '../schedule/calendar';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { byName } from './names';
import { iso, rowRef } from './trace';

export interface Window {
  from: Day;
  to: Day;
}

export interface LoggedWork {
  task: TaskRow;
  doneOn: Day;
  /** Hours per person: Actual Hours, else the estimate. */
  hours: number;
  estimated: boolean;
}

/** Done tasks with a Done On date, each with the hours it credits to every person in its Assignee. */
export function loggedWork(plan: Plan): LoggedWork[] {
  return plan.tasks
    .filter((t) => t.project && t.task && t.status === 'Done' && t.doneOn !== undefined)
    .map((task) => ({
      task,
      doneOn: task.doneOn as Day,
      hours: task.actualHours ?? task.hours ?? 0,
      estimated: task.actualHours === undefined,
    }));
}

/** The plan's committed, staffed tasks: proposals are planned only tentatively. */
export function committedTasks(schedule: ScheduleResult): PlannedTask[] {
  return schedule.tasks.filter((t) => !t.tentative && t.state !== 'unstaffable');
}

export const crewNames = (task: PlannedTask): string[] => task.crew.map((c) => c.name);
export const assignees = (work: LoggedWork): readonly string[] => work.task.assignee ?? [];

/** "Helios CES Booth / Design concept (Tasks row 18): done 2026-11-06, 46 h". */
export function loggedLine(plan: Plan, work: LoggedWork): string {
  const hours = `${formatNumber(work.hours)} h${work.estimated ? ' (no Actual Hours: the estimate)' : ''}`;
  return `${work.task.project} / ${work.task.task} (${rowRef(plan, 'Tasks', work.task.row)}): done ${iso(work.doneOn)}, ${hours}`;
}

/** Hours a crew member of the task works on days within the window. */
export function bookedHours(task: PlannedTask, window: Window): number {
  let hours = 0;
  task.daily.forEach((h, i) => {
    const day = task.start + i;
    if (day >= window.from && day <= window.to) hours += h;
  });
  return hours;
}

export function capacityHours(calendar: PersonCalendar, window: Window): number {
  let hours = 0;
  for (let day = window.from; day <= window.to; day++) hours += hoursOn(calendar, day);
  return hours;
}

/** A person's capacity over a window and the hours counted against it. */
export interface PersonHours {
  person: StaffRow;
  capacity: number;
  hours: number;
  /** hours / capacity; undefined when the person has no working hours in the window. */
  utilization?: number;
}

/** The figures with what the Quotas panel's notes say of them. */
export interface Load extends PersonHours {
  /** How capacity was found. */
  capacityNote: string;
  /** One line per task making up the hours. */
  lines: string[];
}

function workDaysText(mask: number): string {
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => mask & (1 << (d - 1))).map(weekdayName);
  return days.join(', ');
}

function capacityNote(plan: Plan, person: StaffRow, window: Window, capacity: number, timeOff: Map<string, TimeOffRow[]>): string {
  const off = [...(timeOff.get('all') ?? []), ...(timeOff.get(nameKey(person.name)) ?? [])]
    .filter((o) => o.from <= window.to && (o.to ?? o.from) >= window.from)
    .map((o) => o.row)
    .sort((a, b) => a - b);
  const dates = [
    person.startDate !== undefined ? `starts ${iso(person.startDate)}` : '',
    person.endDate !== undefined ? `ends ${iso(person.endDate)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `${formatNumber(capacity)} h: working hours in ${iso(window.from)}..${iso(window.to)} at ${formatNumber(person.hoursPerWeek)} h/week over ${workDaysText(person.workDays)} (${rowRef(plan, 'Staff', person.row)})`,
    dates ? `, ${dates}` : '',
    off.length ? `, less time off (${plan.layout.TimeOff?.tab ?? 'TimeOff'} row${off.length === 1 ? '' : 's'} ${off.join(', ')})` : '',
    '.',
  ].join('');
}

/** Each person's capacity over the window, against the hours `hoursOf` counts for them. */
function personHours(plan: Plan, window: Window, hoursOf: (person: StaffRow) => number): PersonHours[] {
  const calendars = personCalendars(plan.staff, plan.timeOff);
  return plan.staff.map((person, i) => {
    const capacity = window.from <= window.to ? capacityHours(calendars[i], window) : 0;
    const hours = hoursOf(person);
    return { person, capacity, hours, utilization: capacity > 0 ? hours / capacity : undefined };
  });
}

/** The figures with their notes: how each capacity was found, and a line per piece of work counted. */
function withNotes(plan: Plan, window: Window, figures: PersonHours[], linesOf: (person: StaffRow) => string[]): Load[] {
  const timeOff = byName(plan.timeOff, (o) => [o.name]);
  return figures.map((f) => ({ ...f, capacityNote: capacityNote(plan, f.person, window, f.capacity, timeOff), lines: linesOf(f.person) }));
}

/** Each person's committed tasks in the plan. */
function tasksOf(schedule: ScheduleResult): (person: StaffRow) => PlannedTask[] {
  const booked = byName(committedTasks(schedule), crewNames);
  return (person) => booked.get(nameKey(person.name)) ?? [];
}

/** Hours the plan books for each person within the window (committed work), against their capacity. */
export function scheduledHours(plan: Plan, schedule: ScheduleResult, window: Window, mine = tasksOf(schedule)): PersonHours[] {
  return personHours(plan, window, (person) => mine(person).reduce((sum, task) => sum + bookedHours(task, window), 0));
}

/** scheduledHours with notes, for the KPIs sheet. */
export function scheduledLoads(plan: Plan, schedule: ScheduleResult, window: Window): Load[] {
  const mine = tasksOf(schedule);
  return withNotes(plan, window, scheduledHours(plan, schedule, window, mine), (person) =>
    mine(person).flatMap((task) => {
      const hours = bookedHours(task, window);
      const where = rowRef(plan, task.source.sheet, task.source.row);
      return hours > 0 ? [`${task.project} / ${task.task} (${where}): ${formatNumber(hours)} h planned`] : [];
    }),
  );
}

/** Hours each person logged on tasks done within the window, against their capacity over it. */
export function loggedLoads(plan: Plan, window: Window): Load[] {
  const work = byName(
    loggedWork(plan).filter((w) => w.doneOn >= window.from && w.doneOn <= window.to),
    assignees,
  );
  const mine = (person: StaffRow) => work.get(nameKey(person.name)) ?? [];
  const figures = personHours(plan, window, (person) => mine(person).reduce((sum, w) => sum + w.hours, 0));
  return withNotes(plan, window, figures, (person) => mine(person).map((w) => loggedLine(plan, w)));
}

/** Everyone together: total hours over total capacity. */
export function teamLoad(loads: readonly PersonHours[]): { capacity: number; hours: number; utilization?: number; people: string } {
  const capacity = loads.reduce((sum, l) => sum + l.capacity, 0);
  const hours = loads.reduce((sum, l) => sum + l.hours, 0);
  return { capacity, hours, utilization: capacity > 0 ? hours / capacity : undefined, people: plural(loads.length, 'person', 'people') };
}
