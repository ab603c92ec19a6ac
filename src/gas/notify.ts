// Telling people about the published plan, from the Plan panel: staff agendas as events on the
// Crewsheet calendar, each person's changes by email, and a plain summary to clients' contacts. The
// sidebar says what to send; the server re-reads the sheets and sends only to addresses they hold
// (Staff > Email, the client's Contact Email), writes client mail itself from the checked moves, and
// records everything in the Notifications sheet. Each scope is asked for the first time it is needed.

import type { AgendaEvent, ClientSummary, NotifyAccess, NotifyReport, NotifyRequest, StaffMail } from '../api';
import { isoToDay } from '../model/dates';
import type { Plan } from '../model/plan';
import { ProblemsError } from '../model/problems';
import { readPlan } from '../model/read';
import { clientMail } from '../notify/client-summary';
import { FINGERPRINT } from '../notify/fingerprint';
import { type Notification, sentKeys } from '../notify/record';
import { timestamp } from '../share/shares';
import { blockingProblems, shareTargets, targetOf } from '../share/targets';
import { now, today } from './lib/clock';
import { withDocumentLock } from './lib/lock';
import { CALENDAR_SCOPE, syncCalendar } from './lib/notify-calendar';
import { appendNotifications, readLog } from './lib/notify-log';
import { MAIL_SCOPE, sendMails } from './lib/notify-mail';
import { accessTo } from './lib/scopes';
import { readSharesSheet, recordOf } from './lib/share-record';
import { localeOf, readInputSheets, timeZoneOf } from './lib/spreadsheet';

/** Whether Crewsheet may write staff calendars and send email yet, and where to allow each. */
export function notifyAccess(): NotifyAccess {
  return { calendar: accessTo([CALENDAR_SCOPE]), mail: accessTo([MAIL_SCOPE]) };
}

/** Apps Script stops a run at 6 minutes: no new call starts after 4½. */
const BUDGET_MS = 270_000;
const MAX_EVENTS = 2000;
const MAX_MAILS = 1000;

const bad = (what: string): never => {
  throw new Error(`Nothing was sent: ${what}.`);
};

const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** An event as the server accepts it: a task key, short texts, real days, guests from Staff only. */
function checkedEvent(value: AgendaEvent, staff: ReadonlySet<string>): AgendaEvent {
  const e = value ?? ({} as AgendaEvent);
  if (!FINGERPRINT.test(String(e.key))) bad('an event has no task key');
  if (!isText(e.title, 300) || !isText(e.location, 300) || !isText(e.description, 8000))
    bad(`the event "${String(e.title).slice(0, 60)}" is too long`);
  const [start, end] = [isoToDay(String(e.start)), isoToDay(String(e.end))];
  if (start === undefined || end === undefined || end < start) bad(`the event "${e.title}" has no real days`);
  const guests = Array.isArray(e.guests) ? e.guests.map((g) => String(g).trim().toLowerCase()) : [];
  const stranger = guests.find((g) => !staff.has(g));
  if (stranger !== undefined) bad(`${stranger.slice(0, 100)} is not an Email on the Staff sheet`);
  return {
    key: e.key,
    title: e.title,
    location: e.location,
    description: e.description,
    start: e.start,
    end: e.end,
    guests: [...new Set(guests)],
  };
}

function checkedStaffMail(value: StaffMail, staff: ReadonlySet<string>): StaffMail {
  const to = String(value?.to ?? '')
    .trim()
    .toLowerCase();
  if (!staff.has(to)) bad(`${to.slice(0, 100) || 'an email'} is not an Email on the Staff sheet`);
  if (!isText(value.subject, 250) || !isText(value.body, 20_000)) bad(`the email to ${to} is too long`);
  return { to, subject: value.subject, body: value.body };
}

function list<T>(value: unknown, max: number, what: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > max) bad(`at most ${max} ${what} at a time`);
  return value as T[];
}

/** Staff emails (lower case), from the sheets as they are now. */
function staffAddresses(plan: Plan): Set<string> {
  return new Set(plan.staff.flatMap((s) => (s.email ? [s.email.toLowerCase()] : [])));
}

interface Checked {
  events: AgendaEvent[];
  mails: StaffMail[];
  /** Client emails, written here. */
  clients: StaffMail[];
}

/** The request checked against the sheets; throws, sending nothing, at the first thing wrong. */
function checked(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, request: NotifyRequest, read: ReturnType<typeof readPlan>): Checked {
  const { plan, problems } = read;
  const blocking = blockingProblems(plan, problems);
  if (blocking.length) bad(`fix these first: ${new ProblemsError(blocking).message}`);
  const staff = staffAddresses(plan);
  const targets = shareTargets(plan, problems);
  const shares = readSharesSheet(ss);
  const clients = list<ClientSummary>(request.clientMail, 200, 'client summaries').map((summary) => {
    const target = targetOf(targets, String(summary?.client ?? ''));
    if (!target?.emails.length) return bad(`${String(summary?.client).slice(0, 100)} has no Contact Email on the Clients sheet`);
    try {
      return clientMail(plan, { ...summary, client: target.client }, target.emails, recordOf(shares, target.client)?.url || undefined);
    } catch (error) {
      return bad(`the summary for ${target.client}: ${(error as Error).message}`);
    }
  });
  return {
    events: list<AgendaEvent>(request.calendar?.events, MAX_EVENTS, 'events').map((e) => checkedEvent(e, staff)),
    mails: list<StaffMail>(request.staffMail, MAX_MAILS, 'emails').map((m) => checkedStaffMail(m, staff)),
    clients,
  };
}

/**
 * Sends what the Plan panel asks, after checking it against the sheets: calendar events (their guests
 * Staff emails), staff emails, client summaries (written here from their checked moves, to the
 * client's Contact Email only). Everything sent, and everything that failed, goes to the
 * Notifications sheet; what was sent before is not sent again.
 */
export function sendNotifications(request: NotifyRequest): NotifyReport {
  const mailAsked = list(request?.staffMail, MAX_MAILS, 'emails').length + list(request?.clientMail, 200, 'client summaries').length > 0;
  const scopes = [...(request?.calendar ? [CALENDAR_SCOPE] : []), ...(mailAsked ? [MAIL_SCOPE] : [])];
  if (!scopes.length) bad('nothing was asked for');
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, scopes);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  return withDocumentLock(() => {
    const start = now().getTime();
    const day = today(timeZone);
    const { events, mails, clients } = checked(ss, request, readPlan(readInputSheets(ss), { timeZone, today: day, locale: localeOf(ss) }));
    const log = readLog(ss);
    const sent = sentKeys(log);
    const added: Notification[] = [];
    const run = { when: timestamp(now(), timeZone), deadline: start + BUDGET_MS, clock: () => now().getTime() };
    const report: NotifyReport = { outcomes: [] };
    try {
      if (request.calendar) {
        const calendarRun = { ...run, title: ss.getName(), timeZone, today: day };
        const { missing, ...outcome } = syncCalendar(events, Boolean(request.calendar.newCalendar), calendarRun, added);
        report.outcomes.push(outcome);
        if (missing) report.calendarMissing = true;
      }
      if (mails.length) report.outcomes.push(sendMails('Email', mails, sent, run, added));
      if (clients.length) report.outcomes.push(sendMails('Client email', clients, sent, run, added));
    } finally {
      // What was sent is recorded even when a later call failed, so a retry sends only what is missing.
      appendNotifications(ss, added, timeZone, log);
    }
    return report;
  });
}
