// Telling people, below Publish in the Plan panel: what the published plan means for each person
// (an event per task on the Crewsheet calendar for the coming weeks, an email of their changes) and
// for clients (their copies refreshed, a plain summary of what moved and why). Everything is shown
// for review first; Send sends only what is new, and the server checks every address against the sheets.

import type { AgendaEvent, ChannelOutcome, NotifyReport, NotifyRequest, ShareAccess, ShareOutcome, StaffMail } from '../../src/api';
import { isoToDay } from '../../src/model/dates';
import { plural } from '../../src/model/numbers';
import { nameKey } from '../../src/model/work';
import { agendaEvents, agendaItems } from '../../src/notify/agenda';
import { clientMail, clientSummaries } from '../../src/notify/client-summary';
import { staffMails } from '../../src/notify/staff-mail';
import type { TaskChange } from '../../src/schedule/changes';
import type { BoundedResult } from '../../src/schedule/schedule';
import { sharedTasks } from '../../src/share/planned';
import { isAuthorizationLink, type ShareRecord } from '../../src/share/shares';
import { shareTargets, targetOf } from '../../src/share/targets';
import { clear, h } from '../dom';
import { server } from '../server';
import { actionButton, checkbox, field, messageArea, section, showMessage } from '../ui';
import type { LoadedWorkbook } from '../workbook';

/** Everything Send can send, for the weeks chosen. */
interface Draft {
  weeks: number;
  events: AgendaEvent[];
  uninvited: string[];
  mails: StaffMail[];
  summaries: NonNullable<NotifyRequest['clientMail']>;
  /** The client emails as the server will write them, to review. */
  clientPreviews: StaffMail[];
  /** Clients whose dates moved and who have a copy to refresh. */
  copies: string[];
  /** People the changes touch who have no Email on Staff (a project manager not on Staff, say). */
  unreachable: string[];
}

interface Published {
  workbook: LoadedWorkbook;
  result: BoundedResult;
  /** Undefined for the first plan published. */
  changes: readonly TaskChange[] | undefined;
}

function draft({ workbook, result, changes }: Published, weeks: number, records: readonly ShareRecord[]): Draft {
  const { plan } = workbook;
  const window = { today: isoToDay(workbook.snapshot.today) as number, weeks };
  const items = agendaItems(plan, result, window);
  const { events, uninvited } = agendaEvents(plan, items, workbook.snapshot.spreadsheetName);
  const targets = shareTargets(plan, workbook.problems);
  const summaries = clientSummaries(changes ?? []).filter((s) => targetOf(targets, s.client)?.emails.length);
  const urlOf = (client: string) => records.find((r) => nameKey(r.client) === nameKey(client))?.url || undefined;
  return {
    weeks,
    events,
    uninvited,
    mails: staffMails(plan, changes, items, window),
    summaries,
    clientPreviews: summaries.map((s) => clientMail(plan, s, targetOf(targets, s.client)?.emails ?? [], urlOf(s.client))),
    copies: summaries.map((s) => s.client).filter((c) => urlOf(c)),
    unreachable: [
      ...new Set((changes ?? []).flatMap((c) => c.tell.filter((r) => r.role !== 'client contact' && !r.email).map((r) => r.name))),
    ],
  };
}

/** The first few of a list, then how many more. */
function shortList(names: readonly string[], shown = 5): string {
  return names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : names.join(', ');
}

/** One line per channel: how much, for whom. */
function summaryLines(d: Draft, workbook: LoadedWorkbook): HTMLElement[] {
  const byEmail = new Map(workbook.plan.staff.map((p) => [p.email?.toLowerCase(), p.name]));
  const people = new Set(d.events.flatMap((e) => e.guests)).size;
  const lines = [
    `Calendar: ${plural(d.events.length, 'event')} for ${plural(people, 'person', 'people')} over the next ${plural(d.weeks, 'week')}.`,
    ...(d.uninvited.length ? [`Not invited (no Email on Staff): ${d.uninvited.join(', ')}.`] : []),
    d.mails.length
      ? `Email: ${plural(d.mails.length, 'person', 'people')}: ${shortList(d.mails.map((m) => byEmail.get(m.to) ?? m.to))}.`
      : 'Email: no one’s work changed.',
    ...(d.unreachable.length ? [`Not emailed (no Email on Staff): ${d.unreachable.join(', ')}.`] : []),
    d.copies.length ? `Client copies to refresh: ${d.copies.join(', ')}.` : 'Client copies: none to refresh.',
    d.summaries.length ? `Client summaries: ${d.summaries.map((s) => s.client).join(', ')}.` : 'Client summaries: no client’s dates moved.',
  ];
  return lines.map((line) => h('div', {}, line));
}

function mailView(mail: StaffMail): HTMLElement {
  return h(
    'div',
    { class: 'mail' },
    h('div', {}, h('strong', {}, 'To: '), mail.to),
    h('div', {}, h('strong', {}, 'Subject: '), mail.subject),
    h('pre', {}, mail.body),
  );
}

const eventLine = (e: AgendaEvent) =>
  `${e.title} · ${e.start === e.end ? e.start : `${e.start} – ${e.end}`} · ${e.location || 'no location'} · ${e.guests.join(', ') || 'no guests'}`;

/** Every email as it will go, and every event, folded away. */
function reviewView(d: Draft): HTMLElement {
  return h(
    'details',
    {},
    h('summary', {}, 'Review what will be sent'),
    ...d.mails.map(mailView),
    ...d.clientPreviews.map(mailView),
    h('ul', { class: 'changes' }, ...d.events.map((e) => h('li', {}, eventLine(e)))),
  );
}

function outcomeView(outcome: ChannelOutcome): HTMLLIElement {
  const ok = !outcome.failed.length && !outcome.stopped;
  return h(
    'li',
    { class: ok ? 'ok' : 'error' },
    h('strong', {}, `${outcome.channel}: `),
    outcome.done,
    ...outcome.failed.map((f) => h('div', {}, `Failed: ${f}`)),
    outcome.stopped ? h('div', {}, outcome.stopped) : null,
  );
}

const copyOutcome = (o: ShareOutcome): ChannelOutcome => ({
  channel: `Client copy (${o.client})`,
  done: o.ok ? o.message : 'Not refreshed.',
  failed: o.ok ? [] : [o.message],
});

const sends = (r: NotifyRequest) => Boolean(r.calendar || r.staffMail?.length || r.clientMail?.length);

/** The access the request needs that is not granted yet (the first time a feature is used). */
async function missingAccess(request: NotifyRequest, refresh: boolean): Promise<ShareAccess[]> {
  const access = await server.notifyAccess();
  const missing = [
    request.calendar ? access.calendar : null,
    request.staffMail?.length || request.clientMail?.length ? access.mail : null,
    refresh ? await server.shareAccess() : null,
  ];
  return missing.filter((a): a is ShareAccess => a !== null && !a.granted);
}

function askAccess(area: HTMLElement, missing: readonly ShareAccess[]): void {
  const url = missing.find((a) => a.authorizationUrl && isAuthorizationLink(a.authorizationUrl))?.authorizationUrl;
  showMessage(
    area,
    'info',
    'Crewsheet needs your permission the first time: to create its own calendar and change only that, to send email as you (it cannot read your mail), and to refresh the client copies it made.',
    h(
      'p',
      {},
      url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'Allow access') : 'Allow access from the add-on menu.',
      ', then click again.',
    ),
  );
}

function reportView(area: HTMLElement, report: NotifyReport, copies: readonly ShareOutcome[], again: () => Promise<void>): void {
  const outcomes = [...report.outcomes, ...copies.map(copyOutcome)];
  const failed = outcomes.some((o) => o.failed.length || o.stopped);
  showMessage(
    area,
    failed ? 'info' : 'ok',
    failed ? 'Sent, with problems (the Notifications sheet has every line):' : 'Sent. The Notifications sheet records each one.',
    h('ul', { class: 'outcomes' }, ...outcomes.map(outcomeView)),
    ...(report.calendarMissing ? [actionButton('Start a new calendar', area, again)] : []),
  );
}

export function tellSection(workbook: LoadedWorkbook, result: BoundedResult, changes: readonly TaskChange[] | undefined): HTMLElement {
  const published: Published = { workbook, result, changes };
  const area = messageArea();
  const weeks = h('input', { type: 'number', min: 1, max: 26, value: 4, style: 'width:5em' });
  const calendar = checkbox('Staff calendars: an event per task, crew invited', true);
  const staff = checkbox('Email staff their changes', true);
  const copies = checkbox('Refresh client copies whose dates moved', true);
  const clients = checkbox('Email client contacts a summary of what moved and why');
  const summary = h('div', { class: 'hint tell-summary' });
  const review = h('div', {});
  let records: ShareRecord[] = [];
  let current: Draft | undefined;

  const render = () => {
    current = draft(published, Math.max(1, Math.min(26, Math.round(Number(weeks.value) || 4))), records);
    clear(summary);
    summary.append(...summaryLines(current, workbook));
    clear(review);
    review.append(reviewView(current));
  };
  weeks.addEventListener('change', render);

  /** What is ticked; a new calendar sends the calendar alone. */
  const requestOf = (d: Draft, newCalendar: boolean): NotifyRequest => ({
    ...(calendar.input.checked || newCalendar ? { calendar: { events: d.events, ...(newCalendar ? { newCalendar } : {}) } } : {}),
    ...(staff.input.checked && !newCalendar ? { staffMail: d.mails } : {}),
    ...(clients.input.checked && !newCalendar ? { clientMail: d.summaries } : {}),
  });

  const send = async (newCalendar: boolean) => {
    if (!current) return;
    const request = requestOf(current, newCalendar);
    const refresh = copies.input.checked && !newCalendar ? current.copies : [];
    if (!sends(request) && !refresh.length) return showMessage(area, 'info', 'Nothing to send: tick what to send.');
    const missing = await missingAccess(request, refresh.length > 0);
    if (missing.length) return askAccess(area, missing);
    showMessage(area, 'info', 'Sending…');
    const report = sends(request) ? await server.sendNotifications(request) : { outcomes: [] };
    const shared = refresh.length
      ? await server.shareClients({ clients: refresh, planned: sharedTasks(workbook.plan, result, refresh) })
      : { outcomes: [] };
    reportView(area, report, shared.outcomes, () => send(true));
  };

  server
    .getShares()
    .then((shares) => {
      records = shares;
    })
    .catch(() => undefined)
    .finally(render);
  return section(
    'Tell people',
    h(
      'p',
      { class: 'hint' },
      'Send the published plan to the people it touches. Sending again sends only what is new; the Notifications sheet records everything.',
    ),
    field('Weeks ahead', weeks),
    calendar.element,
    staff.element,
    copies.element,
    clients.element,
    summary,
    review,
    actionButton('Send', area, () => send(false), true),
    area,
  );
}
