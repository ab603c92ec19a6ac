// Each person's coming weeks, from the published plan: one entry per task they work on, with where,
// when (day by day), with whom and their project manager. Staff calendars get one event per task, the
// crew invited as guests; the event's key is the task's, so the next publish updates it in place.

import type { AgendaEvent } from '../api';
import { addDays, type Day, dayToIso, shortDateNear } from '../model/dates';
import { toTenth } from '../model/numbers';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import { taskKey } from '../schedule/baseline';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { fingerprint } from './fingerprint';

export interface AgendaItem {
  key: string;
  task: PlannedTask;
  location?: string;
  projectManager?: string;
}

export interface AgendaWindow {
  today: Day;
  weeks: number;
}

/** Committed, staffed work that runs on any day from today through the coming weeks. */
export function agendaItems(plan: Plan, result: ScheduleResult, window: AgendaWindow): AgendaItem[] {
  const last = addDays(window.today, window.weeks * 7 - 1);
  const managers = new Map(plan.projects.map((p) => [nameKey(p.project), p.projectManager]));
  return result.tasks
    .filter((t) => !t.tentative && t.state !== 'unstaffable' && t.crew.length > 0 && t.end >= window.today && t.start <= last)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.key.localeCompare(b.key))
    .map((task) => ({
      key: fingerprint(taskKey(task.project, task.task)),
      task,
      ...(task.location ? { location: task.location } : {}),
      ...(managers.get(nameKey(task.project)) ? { projectManager: managers.get(nameKey(task.project)) } : {}),
    }));
}

/** "Mon 7 Dec – Wed 9 Dec", or one day. */
export function daysText(start: Day, end: Day, near: Day): string {
  return start === end ? shortDateNear(start, near) : `${shortDateNear(start, near)} – ${shortDateNear(end, near)}`;
}

/** The days worked and the hours each: "Mon 7 Dec 8 h · Tue 8 Dec 4 h", at most ten days. */
function dayByDay(task: PlannedTask, near: Day): string {
  const days = task.daily.map((h, i) => ({ day: task.start + i, h })).filter((d) => d.h > 0);
  const shown = days.slice(0, 10).map((d) => `${shortDateNear(d.day, near)} ${toTenth(d.h)} h`);
  return shown.join(' · ') + (days.length > 10 ? ` · … (${days.length} days)` : '');
}

/** The event's text: what, when, where, with whom, who manages it. */
function description(item: AgendaItem, near: Day, source: string): string {
  const { task } = item;
  const crew = task.crew.map((c) => `${c.name} (${c.slot})`).join(', ');
  return [
    `${task.project} (${task.client}): ${task.task}`,
    `When: ${daysText(task.start, task.end, near)}, ${toTenth(task.hours)} h each${task.daily.some((h) => h > 0) ? `: ${dayByDay(task, near)}` : ''}`,
    `Where: ${item.location ?? 'not set (Projects or Tasks > Location)'}`,
    `Crew: ${crew}`,
    `Project manager: ${item.projectManager ?? 'not set'}`,
    '',
    `From the published plan in "${source}". Crewsheet updates this event when the plan changes.`,
  ].join('\n');
}

/** Staff emails by name, for guests and recipients. */
export function staffEmails(plan: Plan): Map<string, string> {
  return new Map(plan.staff.filter((s) => s.email).map((s) => [nameKey(s.name), s.email as string]));
}

/** One event per agenda item, its crew invited; people without an Email on Staff are listed apart. */
export function agendaEvents(plan: Plan, items: readonly AgendaItem[], source: string): { events: AgendaEvent[]; uninvited: string[] } {
  const emails = staffEmails(plan);
  const uninvited = new Set<string>();
  const near = plan.planStart;
  const events = items.map((item): AgendaEvent => {
    const guests: string[] = [];
    for (const c of item.task.crew) {
      const email = emails.get(nameKey(c.name));
      if (email && !guests.includes(email)) guests.push(email);
      if (!email) uninvited.add(c.name);
    }
    return {
      key: item.key,
      title: `${item.task.task} · ${item.task.project}`,
      location: item.location ?? '',
      description: description(item, near, source),
      start: dayToIso(item.task.start),
      end: dayToIso(item.task.end),
      guests,
    };
  });
  return { events, uninvited: [...uninvited] };
}
