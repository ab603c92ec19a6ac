// Staff calendars: one secondary calendar Crewsheet creates in the account of whoever sends, through
// the Calendar API advanced service and the calendar.app.created scope (Crewsheet can see and change
// only calendars it created). Its id is kept in the document's properties. Each task of the coming
// weeks is one all-day event with its crew as guests; private extended properties hold the task's key
// and a fingerprint of the event, so a publish updates an event in place, leaves an unchanged one
// alone and removes one whose task is gone. Events that have ended are history and stay.

import type { AgendaEvent, ChannelOutcome } from '../../api';
import { addDays, type Day, dayToDate, dayToIso, isoToDay } from '../../model/dates';
import { plural } from '../../model/numbers';
import { fingerprint } from '../../notify/fingerprint';
import type { Notification } from '../../notify/record';
import { type Run, runSteps, type Step } from './notify-run';

export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.app.created';
const CALENDAR_PROPERTY = 'crewsheet.calendar';
const MARK = 'crewsheet';
const TASK = 'crewsheetTask';
const CONTENT = 'crewsheetContent';

type Event = GoogleAppsScript.Calendar.Schema.Event;

function calendarApi(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) {
    throw new Error('Staff calendars need the Calendar API advanced service, which is not enabled for this script.');
  }
  return Calendar;
}

export interface CalendarRun extends Run {
  /** The spreadsheet's name and time zone, for a new calendar. */
  title: string;
  timeZone: string;
  today: Day;
}

/** The calendar to write to: the one remembered, or a new one when asked (or when none is yet). */
function calendarId(run: CalendarRun, fresh: boolean): { id: string; created: boolean } {
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperty(CALENDAR_PROPERTY);
  if (known && !fresh) return { id: known, created: false };
  const calendar = calendarApi().Calendars?.insert({
    summary: `Crewsheet — ${run.title}`.slice(0, 250),
    description: 'Staff agendas from the published plan, kept by Crewsheet.',
    timeZone: run.timeZone,
  });
  if (!calendar?.id) throw new Error('Google Calendar did not return the new calendar’s id.');
  props.setProperty(CALENDAR_PROPERTY, calendar.id);
  return { id: calendar.id, created: true };
}

/** The event as Calendar stores it: all-day from the first day to the day after the last, marked with its task and content. */
function resource(spec: AgendaEvent): Event {
  const event: Event = {
    summary: spec.title,
    description: spec.description,
    location: spec.location,
    start: { date: spec.start },
    end: { date: dayToIso(addDays(isoToDay(spec.end) as Day, 1)) },
    attendees: spec.guests.map((email) => ({ email })),
    guestsCanModify: false,
    guestsCanInviteOthers: false,
  };
  event.extendedProperties = { private: { [MARK]: 'task', [TASK]: spec.key, [CONTENT]: fingerprint(JSON.stringify(event)) } };
  return event;
}

/** Crewsheet's events that have not ended, by task key (a second event for a task is a leftover). */
function currentEvents(id: string, run: CalendarRun): Event[] {
  const events: Event[] = [];
  let pageToken: string | undefined;
  do {
    const page = calendarApi().Events?.list(id, {
      privateExtendedProperty: `${MARK}=task`,
      timeMin: dayToDate(run.today, run.timeZone).toISOString(),
      maxResults: 2500,
      ...(pageToken ? { pageToken } : {}),
    });
    events.push(...(page?.items ?? []));
    pageToken = page?.nextPageToken ?? undefined;
  } while (pageToken);
  // timeMin compares instants: keep only events whose last day is today or later in the sheet's zone.
  const today = dayToIso(run.today);
  return events.filter((e) => (e.end?.date ?? e.end?.dateTime?.slice(0, 10) ?? '') > today);
}

/** An all-day event's last day: the day before its (exclusive) end. */
const lastDay = (e: Event) => dayToIso(addDays(isoToDay(String(e.end?.date)) ?? 0, -1));

const stepOf = (result: string, e: Event, act: () => void): Step => ({
  result,
  to: (e.attendees ?? []).map((a) => a.email).join(', '),
  what: `${e.summary} (${e.start?.date} – ${lastDay(e)})`,
  key: e.extendedProperties?.private?.[TASK] ?? '',
  act,
});

/** What to do for each event: remove it (its task is gone), leave it, update it, or create it. */
function steps(id: string, specs: readonly AgendaEvent[], existing: readonly Event[], tally: { unchanged: number }): Step[] {
  const api = calendarApi().Events as GoogleAppsScript.Calendar.Collection.EventsCollection;
  const wanted = new Map(specs.map((s) => [s.key, s]));
  const seen = new Set<string>();
  const list: Step[] = [];
  const updates = { sendUpdates: 'all' };
  for (const event of existing) {
    const key = event.extendedProperties?.private?.[TASK] ?? '';
    const spec = wanted.get(key);
    if (!spec || seen.has(key)) {
      list.push(stepOf('removed', event, () => api.remove(id, event.id as string, updates)));
      continue;
    }
    seen.add(key);
    const next = resource(spec);
    if (event.extendedProperties?.private?.[CONTENT] === next.extendedProperties?.private?.[CONTENT]) tally.unchanged++;
    else list.push(stepOf('updated', next, () => api.patch(next, id, event.id as string, updates)));
  }
  for (const spec of specs) {
    const next = resource(spec);
    if (!seen.has(spec.key)) list.push(stepOf('created', next, () => api.insert(next, id, updates)));
  }
  return list;
}

/**
 * Makes the calendar hold exactly these events from today on (see runSteps for what a failure does).
 * `missing`: the calendar remembered is gone, and nothing was sent.
 */
export function syncCalendar(
  specs: readonly AgendaEvent[],
  fresh: boolean,
  run: CalendarRun,
  log: Notification[],
): ChannelOutcome & { missing?: boolean } {
  const { id, created } = calendarId(run, fresh);
  let existing: Event[];
  try {
    existing = currentEvents(id, run);
  } catch (error) {
    if (!/not found/i.test((error as Error).message)) throw error;
    const stopped =
      'The Crewsheet calendar this spreadsheet remembers cannot be found: it was deleted in Google Calendar, or someone else created it (only they can change it). Start a new calendar to send the agendas again.';
    return { channel: 'Calendar', done: 'Nothing sent.', failed: [], stopped, missing: true };
  }
  const tally = { unchanged: 0 };
  const { done, failed, stopped } = runSteps('Calendar', steps(id, specs, existing, tally), run, log);
  const counts = `${plural(done.created ?? 0, 'event')} created, ${done.updated ?? 0} updated, ${done.removed ?? 0} removed, ${tally.unchanged} unchanged.`;
  return {
    channel: 'Calendar',
    done: created ? `Created the Crewsheet calendar; ${counts}` : counts,
    failed,
    ...(stopped ? { stopped } : {}),
  };
}
