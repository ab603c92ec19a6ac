// Telling people, in the core: each person's agenda and calendar events, their change emails, the
// client summary the server writes (and refuses to write from anything but the client's own work),
// and the Notifications log that keeps a message from being sent twice.

import { describe, expect, it } from 'vitest';
import type { ClientSummary } from '../../src/api';
import { readBaseline } from '../../src/model/baseline';
import { dayOf } from '../../src/model/dates';
import type { Grid } from '../../src/model/read';
import { agendaEvents, agendaItems } from '../../src/notify/agenda';
import { CLIENT_REASONS, clientMail, clientSummaries } from '../../src/notify/client-summary';
import { fingerprint } from '../../src/notify/fingerprint';
import { type Notification, notificationsSheet, readNotifications, SENT, sentKeys } from '../../src/notify/record';
import { staffMails } from '../../src/notify/staff-mail';
import { changesSince } from '../../src/schedule/changes';
import { planSchedule } from '../../src/schedule/schedule';
import { assignTable } from '../../src/schedule/sheet';
import { read, sample } from '../support/workbook';

type Raw = Record<string, unknown[][]>;
const MONDAY = dayOf(2027, 1, 4);
const WINDOW = { today: MONDAY, weeks: 2 };

/** Ana and Bo (LED), Cleo (audio, project manager) and Dan (no email), two clients, from Monday 4 January 2027. */
function firm(extra: Raw = {}): Raw {
  return {
    Clients: [
      ['Client', 'Contact Email'],
      ['Acme', 'events@acme.example'],
      ['Zenith', 'ops@zenith.example'],
    ],
    Staff: [
      ['Name', 'Email', 'Role', 'Skills'],
      ['Ana', 'ana@firm.example', 'LED tech', 'LED:2'],
      ['Bo', 'bo@firm.example', 'LED tech', 'LED:2'],
      ['Cleo', 'cleo@firm.example', 'Producer', 'Audio:2'],
      ['Dan', '', 'Rigger', 'Rigging:2'],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Priority', 'Due', 'Project Manager', 'Location', 'Notes'],
      ['Launch', 'Acme', 'Active', 1, '2027-01-08', 'Cleo', 'Acme HQ, 1 Main St', 'Acme pays late'],
      ['Refit', 'Zenith', 'Won', 5, '2027-01-29', 'Cleo', 'Zenith Hall', ''],
      ['Later', 'Zenith', 'Won', 5, '2027-06-30', 'Cleo', '', ''],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'After', 'Start', 'Location'],
      ['Launch', 'Screens', 'LED:1', 16, '', '', 'Our shop'],
      ['Launch', 'Rig', 'Rigging:1', 8, 'Screens', '', ''],
      ['Refit', 'Panels', 'LED:1', 16, '', '', ''],
      ['Refit', 'Sound', 'Audio:1', 8, '', '', ''],
      ['Later', 'Summer show', 'LED:1', 8, '', '2027-06-01', ''],
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
      ['Freeze Days', 0],
    ],
    ...extra,
  };
}

function planOf(raw: Raw) {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { plan, result: planSchedule(plan, { iterations: 20 }) };
}

/** The firm published, then re-planned with `edit` made to it. */
function replanned(edit: (raw: Raw) => void) {
  const first = planOf(firm());
  const { rows } = readBaseline(assignTable(first.result) as Grid, 'Baseline', 'UTC');
  const raw = firm();
  edit(raw);
  const { plan } = read(raw);
  const result = planSchedule(plan, { baseline: rows, replanMode: 'Keep', iterations: 20 });
  return { plan, result, changes: changesSince(plan, rows, result, 'Keep') };
}

const dayOff = (raw: Raw) => {
  raw.TimeOff = [
    ['Name', 'From', 'To'],
    ['Ana', '2027-01-04', '2027-01-05'],
  ];
};

describe('agendas and calendar events', () => {
  it('one event per committed, staffed task in the coming weeks: where, when, with whom, the project manager', () => {
    const { plan, result } = planOf(firm());
    const items = agendaItems(plan, result, WINDOW);
    expect(items.map((i) => i.task.key).sort()).toEqual(['Launch/Rig', 'Launch/Screens', 'Refit/Panels', 'Refit/Sound']);
    const { events, uninvited } = agendaEvents(plan, items, 'Firm plan');
    const screens = events.find((e) => e.title === 'Screens · Launch');
    expect(screens?.location).toBe('Our shop');
    expect(events.find((e) => e.title === 'Rig · Launch')?.location).toBe('Acme HQ, 1 Main St');
    expect(screens?.description).toContain('Project manager: Cleo');
    expect(screens?.description).toMatch(/When: Mon 4 Jan – Tue 5 Jan, 16 h each: Mon 4 Jan 8 h · Tue 5 Jan 8 h/);
    expect(screens?.guests).toHaveLength(1);
    expect(['ana@firm.example', 'bo@firm.example']).toContain(screens?.guests[0]);
    // Dan has no Email on Staff: his task is on the calendar, he is listed as not invited.
    expect(events.find((e) => e.title === 'Rig · Launch')?.guests).toEqual([]);
    expect(uninvited).toEqual(['Dan']);
  });

  it('keeps each task’s key from one plan to the next, whatever else moves', () => {
    const { plan, result } = planOf(firm());
    const before = new Map(agendaItems(plan, result, WINDOW).map((i) => [i.task.key, i.key]));
    const after = replanned(dayOff);
    for (const item of agendaItems(after.plan, after.result, WINDOW)) expect(item.key).toBe(before.get(item.task.key));
    expect(new Set(before.values()).size).toBe(before.size);
  });
});

describe('staff emails', () => {
  it('for the first plan published: each person with work in the coming weeks, their agenda', () => {
    const { plan, result } = planOf(firm());
    const mails = staffMails(plan, undefined, agendaItems(plan, result, WINDOW), WINDOW);
    expect(mails.map((m) => m.subject)).toEqual(mails.map(() => 'Your schedule for the next 2 weeks'));
    const cleo = mails.find((m) => m.to === 'cleo@firm.example');
    expect(cleo?.body).toContain('Refit / Sound · Zenith Hall · on your own · PM Cleo');
  });

  it('after a day off: only the people it touches, each change with its reason, the manager’s projects apart', () => {
    const { plan, result, changes } = replanned(dayOff);
    const mails = staffMails(plan, changes, agendaItems(plan, result, WINDOW), WINDOW);
    const told = new Set(changes.flatMap((c) => c.tell.map((r) => r.email)));
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => told.has(m.to))).toBe(true);
    const ana = mails.find((m) => m.to === 'ana@firm.example');
    const moved = changes.find((c) => c.tell.some((r) => r.name === 'Ana'));
    expect(ana?.body).toContain(`${moved?.project} / ${moved?.task}`);
    expect(ana?.body).toContain('Why: Ana off Mon 4 Jan – Tue 5 Jan');
    expect(ana?.body).not.toContain('TimeOff!');
    expect(mails.find((m) => m.to === 'cleo@firm.example')?.body).toContain('On the projects you manage:');
    // Nothing changed: nobody is emailed.
    const same = planOf(firm());
    expect(staffMails(same.plan, [], agendaItems(same.plan, same.result, WINDOW), WINDOW)).toEqual([]);
  });
});

describe('client summaries', () => {
  it('lists only what the client sees, in client words, and names no one', () => {
    const { plan, changes } = replanned(dayOff);
    const summaries = clientSummaries(changes);
    for (const s of summaries) expect(changes.filter((c) => c.client === s.client && c.clientSees)).toHaveLength(s.moves.length);
    const acme = summaries.find((s) => s.client === 'Acme') as ClientSummary;
    expect(acme.moves.length).toBeGreaterThan(0);
    const mail = clientMail(plan, acme, ['events@acme.example'], 'https://docs.google.com/spreadsheets/d/abc/edit');
    expect(mail.to).toBe('events@acme.example');
    expect(mail.body).toContain(`• ${acme.moves[0].task}: now`);
    expect(mail.body).toMatch(new RegExp(`(${Object.values(CLIENT_REASONS).join('|')})\\.`));
    expect(mail.body).toContain('Your copy of the plan is up to date: https://docs.google.com/spreadsheets/d/abc/edit');
    for (const secret of [
      'Ana',
      'Bo ',
      'Cleo',
      'Dan',
      'firm.example',
      'Our shop',
      'Acme HQ',
      'pays late',
      'Zenith',
      'Refit',
      'TimeOff',
      'off Mon',
    ]) {
      expect(mail.body).not.toContain(secret);
    }
  });

  it('is written only from the client’s own shown work, real days and known reasons', () => {
    const { plan } = planOf(firm());
    const move = {
      project: 'Launch',
      task: 'Screens',
      before: { start: '2027-01-04', end: '2027-01-05' },
      after: { start: '2027-01-06', end: '2027-01-07' },
      reasons: ['team' as const],
    };
    const mail = (moves: unknown[]) => clientMail(plan, { client: 'Acme', moves } as ClientSummary, ['events@acme.example'], undefined);
    expect(mail([move]).body).toContain(
      '• Screens: now Wed 6 Jan – Thu 7 Jan (was Mon 4 Jan – Tue 5 Jan): to fit our team’s availability.',
    );
    // Another client's project or task, a task made up, days that are not days: refused, saying why.
    expect(() => mail([{ ...move, project: 'Refit', task: 'Panels' }])).toThrow('"Refit" is not one of Acme’s projects');
    expect(() => mail([{ ...move, task: 'Panels' }])).toThrow('"Panels" is not a task of Launch');
    expect(() => mail([{ ...move, after: { start: '2027-01-07', end: '2027-01-06' } }])).toThrow('a move’s days must be ISO dates');
    expect(() => mail([])).toThrow('between 1 and 500 moves are needed');
    // A reason not on the list is left out, never written.
    expect(mail([{ ...move, reasons: ['Ana is on leave'] }]).body).not.toContain('Ana');
    // A task no longer in the sheets may be reported only as removed or paused.
    expect(mail([{ project: 'Launch', task: 'Old task', before: move.before, reasons: ['removed'] }]).body).toContain(
      '• Old task: no longer planned',
    );
  });
});

describe('the Notifications log', () => {
  const row = (result: string, key: string): Notification => ({
    when: '2027-01-04 09:00',
    channel: 'Email',
    to: 'ana@firm.example',
    what: 'Hi',
    result,
    key,
  });

  it('reads back what it wrote; only what was sent counts as sent', () => {
    const log = [row(SENT, 'a'), row('failed: Invalid email: x', 'b'), row('not sent: daily email quota reached', 'c')];
    const sheet = notificationsSheet(log);
    expect(readNotifications(sheet.values as Grid)).toEqual(log);
    expect([...sentKeys(log)]).toEqual(['a']);
    expect(sheet.backgrounds?.[2][0]).toBe('#fce8e6');
    expect(sheet.backgrounds?.[1][0]).toBeNull();
  });

  it('keeps the newest 10,000 rows', () => {
    const log = Array.from({ length: 10_005 }, (_, i) => row(SENT, String(i)));
    const sheet = notificationsSheet(log);
    expect(sheet.values).toHaveLength(10_001);
    expect(sheet.values[1][5]).toBe('5');
  });

  it('fingerprints are stable and tell texts apart', () => {
    expect(fingerprint('Launch\nScreens')).toBe(fingerprint('Launch\nScreens'));
    expect(fingerprint('Launch\nScreens')).not.toBe(fingerprint('Launch\nscreens'));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the sample firm', () => {
  it('a summary for every client whose dates a day off moved, none naming staff, sites or other clients', () => {
    const raw = sample();
    const { plan } = read(raw);
    const first = planSchedule(plan, { iterations: 10 });
    const { rows } = readBaseline(assignTable(first) as Grid, 'Baseline', 'UTC');
    const task = first.tasks.find((t) => t.crew.length && t.start >= plan.planStart + 7 && !t.tentative);
    raw.TimeOff.push([task?.crew[0].name, '2026-11-30', '2026-12-11', '', 'Surgery']);
    const after = read(raw).plan;
    const changes = changesSince(after, rows, planSchedule(after, { baseline: rows, iterations: 10 }), 'Balanced');
    expect(clientSummaries(changes).length).toBeGreaterThan(0);
    const staff = after.staff.flatMap((s) => [s.name, s.email as string]);
    const sites = [...after.projects.flatMap((p) => p.location ?? []), ...after.tasks.flatMap((t) => t.location ?? [])];
    for (const summary of clientSummaries(changes)) {
      const body = clientMail(after, summary, ['x@client.example'], undefined).body;
      const others = after.clients.filter((c) => c.client !== summary.client).map((c) => c.client);
      for (const secret of [...staff, ...sites, ...others, 'Surgery']) expect(body).not.toContain(secret);
    }
  });
});
