// Telling people, through the built dist/Code.js against the in-memory spreadsheet, Calendar and
// MailApp: the Plan panel's requests as it builds them, what reaches whom, what a second send does
// (nothing), and Google's failures — a quota, a calendar deleted by hand, an address refused — each
// reported with what was kept, so a retry sends only what is missing. Scopes are asked at first use.

import { describe, expect, it } from 'vitest';
import { CALENDAR_SCOPE, MAIL_SCOPE } from '../../preview/gas/authorization';
import type { NotifyReport, NotifyRequest } from '../../src/api';
import { publishedOn, readBaseline } from '../../src/model/baseline';
import { dayToDate, isoToDay } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { agendaEvents, agendaItems } from '../../src/notify/agenda';
import { clientSummaries } from '../../src/notify/client-summary';
import { staffMails } from '../../src/notify/staff-mail';
import { changesSince, type TaskChange } from '../../src/schedule/changes';
import { baselineSheet } from '../../src/schedule/publish-sheets';
import { planBounded } from '../../src/schedule/schedule';
import { sampleAddon } from '../support/addon';

type Loaded = ReturnType<typeof sampleAddon>;

const WEEKS = 4;
const values = (loaded: Loaded, name: string) => loaded.ss.sheets.find((s) => s.name === name)?.peek() as unknown[][];

/** What the Plan panel does: read, plan against the Baseline, and (first time) publish. */
function planned(loaded: Loaded) {
  const snapshot = loaded.addon.run('getWorkbook', []) as {
    sheets: Record<string, unknown[][]>;
    timeZone: string;
    today: string;
    spreadsheetName: string;
    baseline?: unknown[][];
  };
  const today = isoToDay(snapshot.today) as number;
  const { plan, problems } = readWorkbook(snapshot.sheets, { timeZone: snapshot.timeZone, today });
  const baseline = snapshot.baseline ? readBaseline(snapshot.baseline, 'Baseline', snapshot.timeZone).rows : undefined;
  const result = planBounded(plan, { iterations: 20, baseline });
  const changes = baseline ? changesSince(plan, baseline, result, plan.settings.replan) : undefined;
  if (!baseline) loaded.addon.run('writeOutputs', [[baselineSheet(result, today)]]);
  expect(snapshot.baseline === undefined || publishedOn(snapshot.baseline) !== undefined).toBe(true);
  return { plan, problems, result, changes, today, name: snapshot.spreadsheetName };
}

/** The request Send makes, every channel ticked. */
function requestOf(p: ReturnType<typeof planned>, changes: readonly TaskChange[] | undefined = p.changes): NotifyRequest {
  const window = { today: p.today, weeks: WEEKS };
  const items = agendaItems(p.plan, p.result, window);
  return {
    calendar: { events: agendaEvents(p.plan, items, p.name).events },
    staffMail: staffMails(p.plan, changes, items, window),
    clientMail: clientSummaries(changes ?? []),
  };
}

const send = (loaded: Loaded, request: NotifyRequest) => loaded.addon.run('sendNotifications', [request]) as NotifyReport;
/** Every Calendar call, then every MailApp call, so far. */
const calls = (loaded: Loaded) => [...loaded.services.calendar.calls.map((c) => c.method), ...loaded.services.mail.calls];
const outcome = (report: NotifyReport, channel: string) => report.outcomes.find((o) => o.channel === channel);

/** Types a value into the row `which` picks, in the column with that header. */
function setCell(loaded: Loaded, name: string, which: (row: unknown[]) => boolean, header: string, value: string | Date): void {
  const grid = values(loaded, name);
  const sheet = loaded.ss.sheets.find((s) => s.name === name);
  if (!sheet || !grid.some(which)) throw new Error(`no such row in ${name}`);
  sheet.edit(grid.findIndex(which) + 1, grid[0].indexOf(header) + 1).value = value;
}

/** Adds a day off for the person on the first task that starts in the plan's third week. */
function dayOff(loaded: Loaded, p: ReturnType<typeof planned>): string {
  const task = p.result.tasks.find((t) => !t.tentative && t.crew.length && t.start >= p.plan.planStart + 14);
  const sheet = loaded.ss.sheets.find((s) => s.name === 'TimeOff');
  if (!task || !sheet) throw new Error('no task to take a day off from');
  const row = values(loaded, 'TimeOff').length + 1;
  sheet.edit(row, 1).value = task.crew[0].name;
  sheet.edit(row, 2).value = dayToDate(task.start, loaded.ss.timeZone);
  return task.crew[0].name;
}

describe('Tell people: staff calendars and email', () => {
  it('creates one calendar, an event per task with its crew as guests, and emails each person their weeks', () => {
    const loaded = sampleAddon();
    const p = planned(loaded);
    const request = requestOf(p);
    const events = request.calendar?.events ?? [];
    expect(events.length).toBeGreaterThan(10);
    const report = send(loaded, request);
    const { calendar, mail } = loaded.services;
    const [id] = calendar.calendars.keys();
    expect(calendar.calendars.size).toBe(1);
    expect(loaded.services.properties.get('crewsheet.calendar')).toBe(id);
    expect(calendar.calendars.get(id)?.timeZone).toBe('America/New_York');
    const live = calendar.events(id);
    expect(live).toHaveLength(events.length);
    // Where, when, with whom: the shop for a build, the client's site for an install.
    const paint = live.find((e) => e.summary === 'Paint and finish · Helios CES Booth');
    expect(paint?.location).toBe('Northlight shop, 88 Foundry Road');
    expect(paint?.description).toMatch(/Project manager: Maya Okafor/);
    const staffEmails = new Set(p.plan.staff.map((s) => s.email));
    expect(live.every((e) => e.attendees.length > 0 && e.attendees.every((a) => staffEmails.has(a.email)))).toBe(true);
    expect(live.every((e) => e.start.date && e.end.date && e.end.date > e.start.date)).toBe(true);
    // The first plan: each person with work in the coming weeks gets their schedule.
    expect(mail.sent.length).toBe(request.staffMail?.length);
    expect(mail.sent[0].subject).toBe(`Your schedule for the next ${WEEKS} weeks`);
    expect(outcome(report, 'Calendar')?.done).toBe(
      `Created the Crewsheet calendar; ${events.length} events created, 0 updated, 0 removed, 0 unchanged.`,
    );
    expect(outcome(report, 'Email')?.done).toBe(`${mail.sent.length} emails sent.`);
    // One call to create the calendar, one to list it, one per event; one quota check, one per email.
    expect(calendar.count('Calendar.Calendars.insert')).toBe(1);
    expect(calendar.count('Calendar.Events.list')).toBe(1);
    expect(calendar.count('Calendar.Events.insert')).toBe(events.length);
    expect(mail.calls.filter((c) => c === 'MailApp.getRemainingDailyQuota')).toHaveLength(1);
    const log = values(loaded, 'Notifications');
    expect(log[0]).toEqual(['When', 'Channel', 'To', 'What', 'Result', 'Key']);
    expect(log.slice(1).filter((r) => r[1] === 'Calendar' && r[4] === 'created')).toHaveLength(events.length);
    expect(log.slice(1).filter((r) => r[1] === 'Email' && r[4] === 'sent')).toHaveLength(mail.sent.length);
  });

  it('sends nothing new the second time: one listing of the calendar, no email', () => {
    const loaded = sampleAddon();
    const p = planned(loaded);
    send(loaded, requestOf(p));
    const { calendar, mail } = loaded.services;
    const [calendarCalls, mailCalls] = [calendar.calls.length, mail.calls.length];
    const rows = values(loaded, 'Notifications').length;
    const report = send(loaded, requestOf(p));
    expect(calendar.calls.slice(calendarCalls).map((c) => c.method)).toEqual(['Calendar.Events.list']);
    expect(mail.calls.slice(mailCalls)).toEqual([]);
    expect(outcome(report, 'Calendar')?.done).toMatch(/^0 events created, 0 updated, 0 removed, \d+ unchanged\.$/);
    expect(outcome(report, 'Email')?.done).toMatch(/^0 emails sent, \d+ already sent before \(not sent again\)\.$/);
    expect(values(loaded, 'Notifications')).toHaveLength(rows);
  });

  it('puts back an event deleted by hand, and touches nothing else', () => {
    const loaded = sampleAddon();
    const request = { calendar: requestOf(planned(loaded)).calendar };
    send(loaded, request);
    const { calendar } = loaded.services;
    const [id] = calendar.calendars.keys();
    const [gone] = calendar.events(id);
    calendar.service.Events.remove(id, gone.id);
    const report = send(loaded, request);
    expect(outcome(report, 'Calendar')?.done).toBe(
      `1 event created, 0 updated, 0 removed, ${(request.calendar?.events.length ?? 0) - 1} unchanged.`,
    );
    expect(calendar.events(id).find((e) => e.summary === gone.summary)?.attendees).toEqual(gone.attendees);
  });

  it('after a day off: changes only the events that moved, and emails only the people it touches', () => {
    const loaded = sampleAddon();
    send(loaded, requestOf(planned(loaded)));
    const { calendar, mail } = loaded.services;
    const writes = () => ['insert', 'patch', 'remove'].reduce((n, m) => n + calendar.count(`Calendar.Events.${m}`), 0);
    const [writesBefore, sentBefore] = [writes(), mail.sent.length];
    const who = dayOff(loaded, planned(loaded));
    const p = planned(loaded);
    const changed = p.changes?.length ?? 0;
    expect(changed).toBeGreaterThan(0);
    const request = requestOf(p);
    const report = send(loaded, request);
    // Only tasks the Changes sheet lists are written again (some of them lie beyond the weeks sent).
    expect(writes() - writesBefore).toBeGreaterThan(0);
    expect(writes() - writesBefore).toBeLessThanOrEqual(changed);
    expect(outcome(report, 'Calendar')?.done).toMatch(/^\d+ events? created, \d+ updated, \d+ removed, \d+ unchanged\.$/);
    const fresh = mail.sent.slice(sentBefore);
    const mine = fresh.find((m) => m.body.startsWith(`Hello ${who.split(' ')[0]},`));
    expect(mine?.subject).toMatch(/^Schedule changes: \d+ changes? for you$/);
    expect(mine?.body).toContain(`${who} off`);
    // Everyone emailed is someone the Changes sheet says to tell.
    const told = new Set((p.changes ?? []).flatMap((c) => c.tell.map((r) => r.email)));
    expect(fresh.every((m) => m.to.every((t) => told.has(t)))).toBe(true);
    // The calendar now holds the plan.
    const wanted = new Map((request.calendar?.events ?? []).map((e) => [e.key, e]));
    const [id] = calendar.calendars.keys();
    const live = calendar.events(id);
    expect(live).toHaveLength(wanted.size);
    for (const e of live) expect(e.start.date).toBe(wanted.get(e.extendedProperties.private.crewsheetTask)?.start);
  });

  it('takes a person off an event when they leave its task, and removes the event when the task is done', () => {
    const loaded = sampleAddon();
    const first = planned(loaded);
    send(loaded, requestOf(first));
    const { calendar } = loaded.services;
    const [id] = calendar.calendars.keys();
    const before = new Map(calendar.events(id).map((e) => [e.extendedProperties.private.crewsheetTask, e]));
    // Someone leaves today, and a task with an event is marked Done.
    const leaver = first.plan.staff.find((s) => s.name === 'Lena Brooks');
    setCell(loaded, 'Staff', (r) => r[0] === leaver?.name, 'End Date', dayToDate(first.today - 1, loaded.ss.timeZone));
    setCell(loaded, 'Tasks', (r) => r[0] === 'Helios CES Booth' && r[1] === 'Paint and finish', 'Status', 'Done');
    const p = planned(loaded);
    send(loaded, requestOf(p));
    const after = new Map(calendar.events(id).map((e) => [e.extendedProperties.private.crewsheetTask, e]));
    const painted = [...before.values()].find((e) => e.summary === 'Paint and finish · Helios CES Booth');
    expect(painted && after.has(painted.extendedProperties.private.crewsheetTask)).toBe(false);
    const cancelled = (summary: string | undefined) =>
      calendar.notices.filter((n) => n.kind === 'Cancelled event' && n.summary === summary).map((n) => n.to);
    expect(cancelled(painted?.summary)).toEqual(painted?.attendees.map((a) => a.email));
    const hers = [...before.values()].filter((e) => e.attendees.some((a) => a.email === leaver?.email));
    expect(hers.length).toBeGreaterThan(0);
    for (const event of hers) {
      const now = after.get(event.extendedProperties.private.crewsheetTask);
      expect(now?.attendees.map((a) => a.email) ?? []).not.toContain(leaver?.email);
      expect(cancelled(event.summary)).toContain(leaver?.email);
    }
    expect(
      values(loaded, 'Notifications')
        .slice(1)
        .some((r) => r[1] === 'Calendar' && r[4] === 'removed'),
    ).toBe(true);
  });
});

describe('Tell people: failures', () => {
  it('a daily email quota: sends what fits, keeps the rest, and a retry sends only those', () => {
    const loaded = sampleAddon();
    const p = planned(loaded);
    const request = { staffMail: requestOf(p).staffMail };
    const total = request.staffMail?.length ?? 0;
    loaded.services.mail.remaining = 3;
    const report = send(loaded, request);
    expect(loaded.services.mail.sent).toHaveLength(3);
    expect(outcome(report, 'Email')?.stopped).toBe(
      `Stopped (the day’s email quota is used up): ${total - 3} of ${total} not sent, kept for the next try; sending again sends only those.`,
    );
    const log = values(loaded, 'Notifications').slice(1);
    expect(log.filter((r) => r[4] === 'not sent: the day’s email quota is used up')).toHaveLength(total - 3);
    loaded.services.mail.remaining = 100;
    const retry = send(loaded, request);
    expect(loaded.services.mail.sent).toHaveLength(total);
    expect(new Set(loaded.services.mail.sent.map((m) => m.to[0])).size).toBe(total);
    expect(outcome(retry, 'Email')?.done).toBe(`${total - 3} emails sent, 3 already sent before (not sent again).`);
  });

  it('Google’s quota error mid-run ("Service invoked too many times for one day: email.") stops the run the same way', () => {
    const loaded = sampleAddon();
    const request = { staffMail: requestOf(planned(loaded)).staffMail };
    loaded.services.mail.remaining = 2;
    loaded.services.mail.reported = 50;
    const report = send(loaded, request);
    expect(loaded.services.mail.sent).toHaveLength(2);
    expect(outcome(report, 'Email')?.stopped).toMatch(
      /^Stopped \(Service invoked too many times for one day: email\.\): \d+ of \d+ not sent/,
    );
    expect(
      values(loaded, 'Notifications')
        .slice(1)
        .filter((r) => String(r[4]).startsWith('not sent')),
    ).toHaveLength((request.staffMail?.length ?? 0) - 2);
  });

  it('a calendar deleted by hand: says so, changes nothing, and Start a new calendar puts every event on a new one', () => {
    const loaded = sampleAddon();
    const p = planned(loaded);
    const request = { calendar: requestOf(p).calendar };
    send(loaded, request);
    const [old] = loaded.services.calendar.calendars.keys();
    loaded.services.calendar.deleteByHand(old);
    const report = send(loaded, request);
    expect(report.calendarMissing).toBe(true);
    expect(outcome(report, 'Calendar')?.stopped).toMatch(/cannot be found: it was deleted in Google Calendar/);
    expect(loaded.services.calendar.calendars.size).toBe(1);
    const again = send(loaded, { calendar: { events: request.calendar?.events ?? [], newCalendar: true } });
    const ids = [...loaded.services.calendar.calendars.keys()];
    expect(ids).toHaveLength(2);
    expect(loaded.services.properties.get('crewsheet.calendar')).toBe(ids[1]);
    expect(loaded.services.calendar.events(ids[1])).toHaveLength(request.calendar?.events.length ?? 0);
    expect(again.calendarMissing).toBeUndefined();
  });

  it('a guest address Calendar refuses: that event fails, the others are sent, and a retry sends only it', () => {
    const loaded = sampleAddon();
    const request = { calendar: requestOf(planned(loaded)).calendar };
    const events = request.calendar?.events ?? [];
    const refused = events[0].guests[0];
    loaded.services.calendar.refused.add(refused);
    const report = send(loaded, request);
    const failing = events.filter((e) => e.guests.includes(refused));
    expect(outcome(report, 'Calendar')?.failed).toHaveLength(failing.length);
    expect(outcome(report, 'Calendar')?.failed[0]).toMatch(/: Invalid attendee email\.$/);
    const [id] = loaded.services.calendar.calendars.keys();
    expect(loaded.services.calendar.events(id)).toHaveLength(events.length - failing.length);
    loaded.services.calendar.refused.clear();
    const inserts = loaded.services.calendar.count('Calendar.Events.insert');
    send(loaded, request);
    expect(loaded.services.calendar.count('Calendar.Events.insert') - inserts).toBe(failing.length);
    expect(loaded.services.calendar.events(id)).toHaveLength(events.length);
  });

  it('Calendar’s usage limit stops the run; what was done is kept and the next send finishes it', () => {
    const loaded = sampleAddon();
    const request = { calendar: requestOf(planned(loaded)).calendar };
    const events = request.calendar?.events.length ?? 0;
    loaded.services.calendar.writesLeft = 6; // the calendar and five events
    const report = send(loaded, request);
    expect(outcome(report, 'Calendar')?.stopped).toBe(
      `Stopped (Calendar usage limits exceeded.): ${events - 5} of ${events} not sent, kept for the next try; sending again sends only those.`,
    );
    loaded.services.calendar.writesLeft = Number.POSITIVE_INFINITY;
    const retry = send(loaded, request);
    expect(outcome(retry, 'Calendar')?.done).toBe(`${events - 5} events created, 0 updated, 0 removed, 5 unchanged.`);
  });
});

describe('Tell people: the server checks what it is asked', () => {
  it('asks for each scope only when its feature is used, and touches nothing until it is granted', () => {
    const loaded = sampleAddon();
    const { auth } = loaded.services;
    auth.granted.delete(CALENDAR_SCOPE);
    auth.granted.delete(MAIL_SCOPE);
    expect(loaded.addon.run('notifyAccess', [])).toEqual({
      calendar: { granted: false, authorizationUrl: expect.stringMatching(/^https:\/\/script\.google\.com\//) },
      mail: { granted: false, authorizationUrl: expect.stringMatching(/^https:\/\//) },
    });
    // Planning and publishing need neither.
    const p = planned(loaded);
    expect(() => send(loaded, { calendar: requestOf(p).calendar })).toThrow('Authorization is required to perform that action.');
    expect(auth.required.at(-1)).toEqual([CALENDAR_SCOPE]);
    expect(() => send(loaded, { staffMail: requestOf(p).staffMail })).toThrow('Authorization is required');
    expect(auth.required.at(-1)).toEqual([MAIL_SCOPE]);
    expect(calls(loaded)).toEqual([]);
    expect(values(loaded, 'Notifications')).toBeUndefined();
    auth.granted.add(CALENDAR_SCOPE);
    expect(loaded.addon.run('notifyAccess', [])).toMatchObject({
      calendar: { granted: true, authorizationUrl: null },
      mail: { granted: false },
    });
  });

  it('sends only to addresses on the sheets, whatever the sidebar sends', () => {
    const loaded = sampleAddon();
    const p = planned(loaded);
    const request = requestOf(p);
    const event = {
      ...(request.calendar?.events[0] as NonNullable<NotifyRequest['calendar']>['events'][0]),
      guests: ['someone@elsewhere.example'],
    };
    expect(() => send(loaded, { calendar: { events: [event] } })).toThrow(
      'Nothing was sent: someone@elsewhere.example is not an Email on the Staff sheet.',
    );
    const mail = { to: 'events@helios-energy.example', subject: 'Rates', body: 'Our cost rates are…' };
    expect(() => send(loaded, { staffMail: [mail] })).toThrow(
      'Nothing was sent: events@helios-energy.example is not an Email on the Staff sheet.',
    );
    const summary = {
      client: 'Helios Energy',
      moves: [{ project: 'Civic Arts Immersive Gallery', task: 'Scenic painting', reasons: ['team' as const] }],
    };
    expect(() => send(loaded, { clientMail: [summary] })).toThrow(
      /Nothing was sent: the summary for Helios Energy: "Civic Arts Immersive Gallery" is not one of Helios Energy’s projects/,
    );
    expect(calls(loaded)).toEqual([]);
  });
});
