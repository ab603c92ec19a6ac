// In-memory Calendar API advanced service (v3), as far as staff agendas use it: secondary calendars
// the script creates (with calendar.app.created it sees only those), events with guests and private
// extended properties, listing by property and time, patch semantics, and Google's failures — a
// calendar deleted by hand ("Not Found"), an event already deleted ("Resource has been deleted"), a
// guest address it refuses ("Invalid attendee email."), the day's usage limit ("Calendar usage limits
// exceeded."). It keeps the invitations, updates and cancellations Calendar would email guests.

import { dayToDate, isoToDay } from '../../src/model/dates';
import { CALENDAR_SCOPE, type FakeAuthorization } from './authorization';

interface When {
  date?: string;
  dateTime?: string;
}

export interface FakeEvent {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  location?: string;
  start: When;
  end: When;
  attendees: { email: string; responseStatus: string }[];
  guestsCanModify?: boolean;
  guestsCanInviteOthers?: boolean;
  extendedProperties: { private: Record<string, string>; shared: Record<string, string> };
}

export interface FakeCalendarData {
  id: string;
  summary: string;
  description?: string;
  timeZone: string;
  deleted: boolean;
  events: Map<string, FakeEvent>;
}

/** An email Calendar sends a guest when sendUpdates is "all". */
export interface CalendarNotice {
  to: string;
  kind: 'Invitation' | 'Updated invitation' | 'Cancelled event';
  summary: string;
  calendar: string;
}

const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const PROPERTY_CHARS = 1024;

function apiError(call: string, message: string): Error {
  return new Error(`API call to calendar.${call} failed with error: ${message}`);
}

const copy = <T>(value: T): T => structuredClone(value);

export class FakeCalendar {
  readonly calendars = new Map<string, FakeCalendarData>();
  /** Every service call, e.g. "Calendar.Events.insert". */
  readonly calls: { method: string; calendarId?: string }[] = [];
  readonly notices: CalendarNotice[] = [];
  /** Writes (creating calendars and events, changing, deleting) left before the usage limit. */
  writesLeft = Number.POSITIVE_INFINITY;
  /** Guest addresses Calendar refuses. */
  readonly refused = new Set<string>();
  private next = 1;

  constructor(
    private readonly restricted: { on: boolean },
    private readonly auth: FakeAuthorization,
  ) {}

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** A user deleting the calendar in Google Calendar. */
  deleteByHand(calendarId: string): void {
    const calendar = this.calendars.get(calendarId);
    if (calendar) calendar.deleted = true;
  }

  /** The live events of a calendar, for the Outbox and tests. */
  events(calendarId: string): FakeEvent[] {
    return [...(this.calendars.get(calendarId)?.events.values() ?? [])].filter((e) => e.status === 'confirmed');
  }

  private enter(method: string, calendarId?: string, write = false): void {
    if (this.restricted.on) throw new Error(`You do not have permission to call ${method}`);
    this.auth.need(CALENDAR_SCOPE);
    this.calls.push({ method, calendarId });
    if (write && this.writesLeft <= 0)
      throw apiError(method.split('.').slice(1).join('.').toLowerCase(), 'Calendar usage limits exceeded.');
    if (write) this.writesLeft--;
  }

  private calendar(call: string, id: string): FakeCalendarData {
    // calendar.app.created reaches only the calendars this script created.
    if (id === 'primary') throw apiError(call, 'Request had insufficient authentication scopes.');
    const calendar = this.calendars.get(id);
    if (!calendar || calendar.deleted) throw apiError(call, 'Not Found');
    return calendar;
  }

  private event(call: string, calendar: FakeCalendarData, eventId: string): FakeEvent {
    const event = calendar.events.get(eventId);
    if (!event) throw apiError(call, 'Not Found');
    if (event.status === 'cancelled') throw apiError(call, 'Resource has been deleted');
    return event;
  }

  /** The end of an event as an instant: an all-day end date is midnight in the calendar's zone. */
  private endOf(calendar: FakeCalendarData, event: FakeEvent): number {
    if (event.end.dateTime) return Date.parse(event.end.dateTime);
    return dayToDate(isoToDay(event.end.date as string) as number, calendar.timeZone).getTime();
  }

  private checked(call: string, event: FakeEvent): FakeEvent {
    const allDay = event.start.date !== undefined;
    if (allDay !== (event.end.date !== undefined) || (!event.start.date && !event.start.dateTime))
      throw apiError(call, 'Invalid start time.');
    const [from, to] = allDay
      ? [event.start.date as string, event.end.date as string]
      : [event.start.dateTime as string, event.end.dateTime as string];
    const valid = allDay
      ? isoToDay(from) !== undefined && isoToDay(to) !== undefined
      : !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to));
    if (!valid) throw apiError(call, 'Invalid start time.');
    if (allDay ? to <= from : Date.parse(to) <= Date.parse(from)) throw apiError(call, 'The specified time range is empty.');
    if (event.attendees.some((a) => !ADDRESS.test(a.email) || this.refused.has(a.email.toLowerCase())))
      throw apiError(call, 'Invalid attendee email.');
    const props = { ...event.extendedProperties.private, ...event.extendedProperties.shared };
    if (Object.entries(props).some(([k, v]) => k.length + String(v).length > PROPERTY_CHARS))
      throw apiError(call, 'Extended property too long.');
    return event;
  }

  private notify(
    options: { sendUpdates?: string } | undefined,
    calendar: FakeCalendarData,
    summary: string | undefined,
    kind: CalendarNotice['kind'],
    guests: readonly string[],
  ): void {
    if (options?.sendUpdates !== 'all') return;
    for (const to of guests) this.notices.push({ to, kind, summary: summary ?? '(no title)', calendar: calendar.summary });
  }

  readonly service = {
    Calendars: {
      insert: (resource: { summary?: string; description?: string; timeZone?: string }) => {
        this.enter('Calendar.Calendars.insert', undefined, true);
        if (!resource.summary) throw apiError('calendars.insert', 'Missing title.');
        const id = `c_${String(this.next++).padStart(6, '0')}@group.calendar.google.com`;
        this.calendars.set(id, {
          id,
          summary: resource.summary,
          description: resource.description,
          timeZone: resource.timeZone ?? 'Etc/UTC',
          deleted: false,
          events: new Map(),
        });
        return { id, summary: resource.summary, timeZone: resource.timeZone ?? 'Etc/UTC' };
      },
      get: (calendarId: string) => {
        this.enter('Calendar.Calendars.get', calendarId);
        const { id, summary, description, timeZone } = this.calendar('calendars.get', calendarId);
        return { id, summary, description, timeZone };
      },
    },
    Events: {
      list: (
        calendarId: string,
        options: {
          privateExtendedProperty?: string | string[];
          timeMin?: string;
          maxResults?: number;
          pageToken?: string;
          showDeleted?: boolean;
        } = {},
      ) => {
        this.enter('Calendar.Events.list', calendarId);
        const calendar = this.calendar('events.list', calendarId);
        const wanted = [options.privateExtendedProperty ?? []].flat().map((p) => p.split('=') as [string, string]);
        const since = options.timeMin === undefined ? Number.NEGATIVE_INFINITY : Date.parse(options.timeMin);
        const all = [...calendar.events.values()].filter(
          (e) =>
            (options.showDeleted || e.status === 'confirmed') &&
            wanted.every(([k, v]) => e.extendedProperties.private[k] === v) &&
            this.endOf(calendar, e) > since,
        );
        const from = Number(options.pageToken ?? 0);
        const size = Math.min(options.maxResults ?? 250, 2500);
        return { items: all.slice(from, from + size).map(copy), nextPageToken: from + size < all.length ? String(from + size) : undefined };
      },
      insert: (resource: Partial<FakeEvent>, calendarId: string, options?: { sendUpdates?: string }) => {
        this.enter('Calendar.Events.insert', calendarId, true);
        const calendar = this.calendar('events.insert', calendarId);
        const event = this.checked('events.insert', {
          ...copy(resource),
          id: `ev${String(this.next++).padStart(8, '0')}`,
          status: 'confirmed',
          start: copy(resource.start ?? {}),
          end: copy(resource.end ?? {}),
          attendees: (resource.attendees ?? []).map((a) => ({ email: a.email, responseStatus: 'needsAction' })),
          extendedProperties: { private: { ...resource.extendedProperties?.private }, shared: { ...resource.extendedProperties?.shared } },
        });
        calendar.events.set(event.id, event);
        this.notify(
          options,
          calendar,
          event.summary,
          'Invitation',
          event.attendees.map((a) => a.email),
        );
        return copy(event);
      },
      patch: (resource: Partial<FakeEvent>, calendarId: string, eventId: string, options?: { sendUpdates?: string }) => {
        this.enter('Calendar.Events.patch', calendarId, true);
        const calendar = this.calendar('events.patch', calendarId);
        const old = this.event('events.patch', calendar, eventId);
        const before = new Set(old.attendees.map((a) => a.email));
        const next = this.checked('events.patch', {
          ...old,
          ...copy(resource),
          id: old.id,
          status: old.status,
          attendees: resource.attendees
            ? resource.attendees.map((a) => ({ email: a.email, responseStatus: 'needsAction' }))
            : old.attendees,
          // Patch merges extended properties key by key.
          extendedProperties: {
            private: { ...old.extendedProperties.private, ...resource.extendedProperties?.private },
            shared: { ...old.extendedProperties.shared, ...resource.extendedProperties?.shared },
          },
        });
        calendar.events.set(eventId, next);
        const after = next.attendees.map((a) => a.email);
        this.notify(
          options,
          calendar,
          next.summary,
          'Invitation',
          after.filter((e) => !before.has(e)),
        );
        this.notify(
          options,
          calendar,
          next.summary,
          'Updated invitation',
          after.filter((e) => before.has(e)),
        );
        this.notify(
          options,
          calendar,
          old.summary,
          'Cancelled event',
          [...before].filter((e) => !after.includes(e)),
        );
        return copy(next);
      },
      remove: (calendarId: string, eventId: string, options?: { sendUpdates?: string }) => {
        this.enter('Calendar.Events.remove', calendarId, true);
        const calendar = this.calendar('events.delete', calendarId);
        const event = this.event('events.delete', calendar, eventId);
        event.status = 'cancelled';
        this.notify(
          options,
          calendar,
          event.summary,
          'Cancelled event',
          event.attendees.map((a) => a.email),
        );
      },
    },
  };
}
