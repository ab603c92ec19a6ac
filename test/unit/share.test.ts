// The client view and copy: what a client sees, what they never see, and the checks the server makes
// on a plan sent from the sidebar.

import { describe, expect, it } from 'vitest';
import { dayToIso, isoToDay, shortDate } from '../../src/model/dates';
import { type Cell, isDateCell } from '../../src/model/output';
import type { Plan } from '../../src/model/plan';
import { planSchedule, type ScheduleResult } from '../../src/schedule/schedule';
import { clientCopy } from '../../src/share/copy';
import { type SharedTask, scheduleFromShared, scheduleOf, sharedTasks } from '../../src/share/planned';
import {
  copyUrl,
  fileIdOf,
  isAuthorizationLink,
  isCopyLink,
  mergeShares,
  readShares,
  type ShareRecord,
  sharesSheet,
  timestamp,
} from '../../src/share/shares';
import { clientViewTable, NEEDS_STAFF, PROJECT_HEADER, WORK_HEADER } from '../../src/share/table';
import { blockingProblems, shareTargets } from '../../src/share/targets';
import { clientTimelineSheet } from '../../src/share/timeline';
import { clientView, STANDING } from '../../src/share/view';
import { DUE, MILESTONE } from '../../src/timeline/grid';
import { read, sample, sampleWith, TODAY } from '../support/workbook';

const day = (iso: string) => isoToDay(iso) as number;

function planned(raw = sample()): { plan: Plan; result: ScheduleResult } {
  const { plan } = read(raw);
  return { plan, result: planSchedule(plan, { iterations: 30 }) };
}

const base = planned();
const text = (cells: Cell[][]) => cells.flat().map((c) => (isDateCell(c) ? c.date : String(c ?? '')));
const work = (view: ReturnType<typeof clientView>, task: string) => view.work.find((w) => w.task === task);

describe('the client view', () => {
  it('shows a client only the projects they agreed to, in client words', () => {
    const helios = clientView(base.plan, base.result, 'Helios Energy', TODAY);
    expect(helios.projects.map((p) => [p.project, p.status])).toEqual([
      ['Helios CES Booth', 'In progress'],
      ['Helios Investor Day', 'Confirmed'],
      ['Helios Summer Summit', 'Delivered'],
    ]);
    const bluewater = clientView(base.plan, base.result, 'Bluewater Conference Center', TODAY);
    expect(bluewater.projects.map((p) => p.project)).toEqual(['Bluewater AV Refresh']);
    expect(bluewater.leftOut).toContain('1 proposal');
    expect(text(clientViewTable(bluewater)).join(' ')).not.toContain('Spring Summit');
    const kestrel = clientView(base.plan, base.result, 'Kestrel Pharma', TODAY);
    expect(kestrel.projects).toEqual([]);
    expect(kestrel.leftOut).toContain('1 lost project');
  });

  it('lists the work of open projects: crews and dates from the plan, done work with who did it', () => {
    const helios = clientView(base.plan, base.result, 'Helios Energy', TODAY);
    expect(work(helios, 'Design concept')).toMatchObject({ who: ['Aiko Tanaka'], status: 'Done', percentDone: 1, end: day('2026-11-06') });
    const frame = work(helios, 'Fabricate booth frame');
    const planTask = base.result.tasks.find((t) => t.key === 'Helios CES Booth/Fabricate booth frame');
    expect(frame).toMatchObject({ status: 'In progress', percentDone: 0.25, start: planTask?.start, end: planTask?.end });
    expect(frame?.who).toEqual(planTask?.crew.map((c) => c.name));
    expect(work(helios, 'Booth ready')?.milestone).toBe(true);
    // Summer Summit is delivered: its history is not listed task by task.
    expect(helios.work.some((w) => w.project === 'Helios Summer Summit')).toBe(false);
    const marrow = clientView(base.plan, base.result, 'Marrow & Finch', TODAY);
    expect(marrow.projects.find((p) => p.project === 'Marrow & Finch Pop-up Store')?.standing).toBe(STANDING.onHold);
    expect(marrow.work.some((w) => w.project === 'Marrow & Finch Pop-up Store')).toBe(false);
  });

  it('names no one who is not on the client’s work', () => {
    const marrow = clientView(base.plan, base.result, 'Marrow & Finch', TODAY);
    const onWork = new Set(base.result.tasks.filter((t) => t.client === 'Marrow & Finch').flatMap((t) => t.crew.map((c) => c.name)));
    const shown = new Set(marrow.work.flatMap((w) => w.who));
    expect([...shown].every((n) => onWork.has(n))).toBe(true);
    const others = base.plan.staff.map((s) => s.name).filter((n) => !onWork.has(n) && !['Luis Romero', 'Ben Ashford'].includes(n));
    const all = text(clientViewTable(marrow)).join('\n');
    for (const name of others) expect(all).not.toContain(name);
  });

  it('shows roles instead of names when Settings say Roles; contacts keep their names', () => {
    const roles = planned(sampleWith({ 'Settings!B6': 'Roles' }));
    const view = clientView(roles.plan, roles.result, 'Helios Energy', TODAY);
    expect(view.crewShownAs).toBe('roles');
    expect(work(view, 'Design concept')?.who).toEqual(['Graphic Designer']);
    const staffNames = roles.plan.staff.map((s) => s.name);
    for (const line of view.work) for (const who of line.who) expect(staffNames).not.toContain(who);
    expect(view.contacts.map((c) => c.name)).toContain('Maya Okafor');
    expect(view.leftOut).toContain('names (roles shown)');
  });

  it('shows agreed prices only when Settings allow, formatted in the currency', () => {
    const hidden = clientView(base.plan, base.result, 'Helios Energy', TODAY);
    expect(clientViewTable(hidden).find((r) => r[0] === 'Project')).toEqual([...PROJECT_HEADER, null, null]);
    expect(text(clientViewTable(hidden)).join(' ')).not.toContain('185,000');
    expect(hidden.leftOut).toContain('prices');
    const shown = planned(sampleWith({ 'Settings!B9': 'yes' }));
    const view = clientView(shown.plan, shown.result, 'Helios Energy', TODAY);
    expect(view.projects.find((p) => p.project === 'Helios CES Booth')?.price).toBe('$185,000');
    expect(clientViewTable(view).find((r) => r[0] === 'Project')).toContain('Price');
    // A proposal's price is the firm's offer, not an agreed price: never shown.
    const bluewater = text(clientViewTable(clientView(shown.plan, shown.result, 'Bluewater Conference Center', TODAY))).join(' ');
    expect(bluewater).toContain('$92,000');
    expect(bluewater).not.toContain('$55,000');
  });

  it('lists the managers with their Staff email, and no email for anyone not on Staff', () => {
    const helios = clientView(base.plan, base.result, 'Helios Energy', TODAY);
    expect(helios.contacts).toEqual([
      { role: 'Account manager', name: 'Rachel Kim', projects: ['Helios CES Booth', 'Helios Investor Day', 'Helios Summer Summit'] },
      {
        role: 'Project manager',
        name: 'Maya Okafor',
        email: 'maya@northlight.example',
        projects: ['Helios CES Booth', 'Helios Summer Summit'],
      },
      { role: 'Project manager', name: 'Ben Ashford', projects: ['Helios Investor Day'] },
    ]);
  });

  it('says Rescheduled to the new date when planned work ends after a due date, and To be confirmed when work cannot be staffed', () => {
    const mine = base.result.tasks.filter((t) => t.project === 'Marrow & Finch Book Launch');
    const due = base.plan.projects.find((p) => p.project === 'Marrow & Finch Book Launch')?.due as number;
    const onTime = scheduleOf(
      base.plan.planStart,
      mine.map((t) => ({ ...t, end: Math.min(t.end, due) })),
    );
    expect(clientView(base.plan, onTime, 'Marrow & Finch', TODAY).projects[0].standing).toBe(STANDING.onTrack);
    const late = scheduleOf(
      base.plan.planStart,
      mine.map((t, i) => (i === 0 ? { ...t, end: due + 3 } : t)),
    );
    // In the account manager's words, with the new date; plain "Late" only when Settings ask for it.
    const lateEnd = Math.max(...late.tasks.map((t) => t.end));
    expect(clientView(base.plan, late, 'Marrow & Finch', TODAY).projects[0].standing).toBe(
      `Rescheduled to ${shortDate(lateEnd)} ${dayToIso(lateEnd).slice(0, 4)}`,
    );
    const plainly = { ...base.plan, settings: { ...base.plan.settings, clientLateWording: 'Late' as const } };
    expect(clientView(plainly, late, 'Marrow & Finch', TODAY).projects[0].standing).toBe(STANDING.late);
    const stuck = scheduleOf(
      base.plan.planStart,
      mine.map((t, i) => (i === 0 ? { ...t, state: 'unstaffable' as const, crew: [] } : t)),
    );
    const view = clientView(base.plan, stuck, 'Marrow & Finch', TODAY);
    expect(view.projects[0].standing).toBe(STANDING.toBeConfirmed);
    expect(view.projects[0].finish).toBeUndefined();
    expect(work(view, mine[0].task)).toMatchObject({ who: [], status: STANDING.toBeConfirmed });
    expect(work(view, mine[0].task)?.start).toBeUndefined();
  });

  it('without a plan shows what the sheets say, and that dates need the staff range', () => {
    const view = clientView(base.plan, undefined, 'Helios Energy', TODAY);
    expect(view.planned).toBe(false);
    expect(view.projects.find((p) => p.project === 'Helios CES Booth')?.standing).toBe('');
    expect(work(view, 'Fabricate booth frame')?.who).toEqual(['Omar Haddad']);
    expect(work(view, 'Fabricate booth frame')?.start).toBeUndefined();
    const table = clientViewTable(view);
    expect(table[1]).toEqual(['Generated', { date: dayToIso(TODAY) }, NEEDS_STAFF, null, null, null, null, null]);
  });

  it('is one rectangular table: title, then Projects, Tasks and milestones, Your contacts', () => {
    const table = clientViewTable(clientView(base.plan, base.result, 'Civic Arts Museum', TODAY));
    expect(new Set(table.map((r) => r.length)).size).toBe(1);
    expect(table[0][0]).toBe('Civic Arts Museum — Project plan');
    const sections = table.filter((r, i) => i > 1 && r[0] && r.slice(1).every((c) => c === null)).map((r) => r[0]);
    expect(sections).toEqual(['Projects', 'Tasks and milestones', 'Your contacts']);
    expect(table.find((r) => r[0] === 'Project' && r[1] === 'Task or milestone')).toEqual(WORK_HEADER);
  });
});

describe('the client timeline', () => {
  const copy = clientCopy(base.plan, base.result, 'Civic Arts Museum', TODAY);
  const timeline = copy.sheets[1];

  it('holds only the client’s rows, with bars and marks but no hours', () => {
    expect(timeline.name).toBe('Timeline');
    const body = timeline.values.slice(4);
    const labels = body.map((r) => String(r[0]).trim());
    const ownTasks = base.result.tasks.filter((t) => t.client === 'Civic Arts Museum').map((t) => t.task);
    expect(labels.filter((l) => l !== 'Civic Arts Immersive Gallery').every((l) => ownTasks.includes(l))).toBe(true);
    const marks = body.flatMap((r) => r.slice(5)).filter((v) => v !== null);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((v) => v === MILESTONE || v === DUE)).toBe(true);
    expect(timeline.backgrounds?.slice(4).some((r) => r.slice(5).some((c) => c !== null))).toBe(true);
  });

  it('carries no notes, and nothing of other clients', () => {
    expect(timeline).not.toHaveProperty('notes');
    const all = text(timeline.values).join('\n');
    for (const other of ['Helios', 'Marrow', 'Bluewater', 'Vantage', 'Kestrel']) expect(all).not.toContain(other);
    expect(all).not.toContain('Showing only');
  });

  it('says so when nothing is planned yet', () => {
    const empty = clientTimelineSheet(
      base.plan,
      scheduleOf(base.plan.planStart, []),
      clientView(base.plan, undefined, 'Helios Energy', TODAY),
    );
    expect(empty.values).toEqual([['Timeline'], ['No planned work to show yet.']]);
  });
});

describe('who a copy is shared with', () => {
  it('is each client’s Contact Email(s); a bad or missing one is a reason with its cell', () => {
    const raw = sampleWith({ 'Clients!C3': 'exhibits at civicarts', 'Clients!C4': '' });
    const { plan, problems } = read(raw);
    const targets = shareTargets(plan, problems);
    expect(targets.find((t) => t.client === 'Helios Energy')?.emails).toEqual([
      'events@helios-energy.example',
      'j.moreau@helios-energy.example',
    ]);
    expect(targets.find((t) => t.client === 'Civic Arts Museum')).toEqual({
      client: 'Civic Arts Museum',
      emails: [],
      reason: 'Clients!C3: Contact Email has an address that is not an email: "exhibits". Fix the address to share.',
    });
    expect(targets.find((t) => t.client === 'Marrow & Finch')?.reason).toBe(
      "Clients!C4: no Contact Email. Add the client's address to share.",
    );
    // A bad contact address stops only its own client; other errors stop everything.
    expect(blockingProblems(plan, problems)).toEqual([]);
    const broken = read(sampleWith({ 'Clients!C3': 'exhibits at civicarts', 'Tasks!D6': 'lots' }));
    expect(blockingProblems(broken.plan, broken.problems).map((p) => `${p.sheet}!${p.cell}`)).toEqual(['Tasks!D6']);
  });
});

describe('the plan sent by the sidebar', () => {
  const clients = ['Helios Energy'];
  const sent = () => JSON.parse(JSON.stringify(sharedTasks(base.plan, base.result, clients))) as SharedTask[];

  it('carries only the clients’ planned tasks and the bare facts of each', () => {
    const tasks = sent();
    expect(new Set(tasks.map((t) => t.project))).toEqual(new Set(['Helios CES Booth', 'Helios Investor Day']));
    expect(Object.keys(tasks.find((t) => t.state === 'planned') as object).sort()).toEqual(
      ['crew', 'daily', 'end', 'project', 'start', 'state', 'task'].sort(),
    );
  });

  it('is rebuilt on the server exactly as planned', () => {
    const rebuilt = scheduleFromShared(base.plan, clients, sent());
    expect(rebuilt.problems).toEqual([]);
    const original = base.result.tasks.filter((t) => t.client === 'Helios Energy');
    expect(rebuilt.schedule?.tasks.map((t) => [t.key, t.start, t.end, t.crew.map((c) => c.name)])).toEqual(
      original.map((t) => [t.key, t.start, t.end, t.crew.map((c) => c.name)]),
    );
    expect(rebuilt.schedule?.tasks.every((t) => t.why === '')).toBe(true);
  });

  it('is refused when it does not match the sheets', () => {
    const refuse = (change: (tasks: SharedTask[]) => unknown) => {
      const tasks = sent();
      return scheduleFromShared(base.plan, clients, change(tasks) ?? tasks).problems.join('\n');
    };
    const frame = (tasks: SharedTask[]) => tasks.find((t) => t.task === 'Fabricate booth frame') as SharedTask;
    expect(
      refuse((t) => {
        const fabricator = frame(t).crew.find((c) => c.slot === 'Fabrication:4') as SharedTask['crew'][number];
        fabricator.name = 'Greg Holm';
      }),
    ).toContain('Greg Holm, Carlos Mendes leave Fabrication:4 without a qualified person');
    expect(
      refuse((t) => {
        frame(t).crew[0].name = 'Someone Else';
      }),
    ).toContain('Someone Else is not on Staff');
    expect(refuse((t) => t.slice(1))).toMatch(/: missing from the plan/);
    expect(refuse((t) => [...t, { ...t[0], project: 'Marrow & Finch Book Launch', task: 'Strike' }])).toContain(
      'Marrow & Finch Book Launch/Strike: not open work to plan',
    );
    expect(refuse((t) => [...t, t[0]])).toMatch(/: listed twice/);
    expect(refuse((t) => [{ ...t[0], start: 'soon' }, ...t.slice(1)])).toMatch(/^task 1: start and end must be days/);
    expect(refuse(() => 'everything')).toBe('the plan must be a list of tasks');
  });
});

describe('the Shares sheet', () => {
  const record = (client: string, note = ''): ShareRecord => ({
    client,
    url: copyUrl(`id-${client.length}`),
    sharedWith: ['a@x.example', 'b@x.example'],
    lastRefreshed: '2026-11-21 09:30',
    leftOut: 'Always: …',
    note,
  });

  it('writes one row per client and reads back what it wrote', () => {
    const sheet = sharesSheet([record('Helios Energy'), record('Civic Arts Museum')]);
    expect(sheet.name).toBe('Shares');
    expect(sheet.values[0]).toEqual(['Client', 'Copy', 'Shared with', 'Last refreshed', 'Left out', 'Note']);
    expect(readShares(sheet.values)).toEqual([record('Helios Energy'), record('Civic Arts Museum')]);
  });

  it('replaces a client’s row and keeps the others', () => {
    const merged = mergeShares([record('Helios Energy'), record('Civic Arts Museum')], [record('helios energy', 'refreshed')]);
    expect(merged.map((r) => [r.client, r.note])).toEqual([
      ['Civic Arts Museum', ''],
      ['helios energy', 'refreshed'],
    ]);
  });

  it('rebuilds each copy’s address from its file id: an edited cell never becomes a script or another site', () => {
    const sheet = sharesSheet([record('Helios Energy'), record('Civic Arts Museum'), record('Kestrel Events')]);
    sheet.values[1][1] = 'https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0';
    sheet.values[2][1] = 'javascript:alert(document.domain)//https://docs.google.com/spreadsheets/d/1AbC/edit';
    sheet.values[3][1] = 'https://docs.google.com.evil.example/spreadsheets/d/1AbC/edit';
    expect(readShares(sheet.values).map((r) => r.url)).toEqual(['https://docs.google.com/spreadsheets/d/1AbC-x_9/edit', '', '']);
  });

  it('links only to Google Docs, and to Google’s authorization pages for access', () => {
    expect(isCopyLink(copyUrl('1AbC'))).toBe(true);
    for (const url of ['javascript:alert(1)', 'https://docs.google.com.evil.example/', 'http://docs.google.com/x', 'data:text/html,x'])
      expect(isCopyLink(url)).toBe(false);
    expect(isAuthorizationLink('https://script.google.com/macros/d/abc/authorize')).toBe(true);
    expect(isAuthorizationLink('https://accounts.google.com/o/oauth2/auth?x=1')).toBe(true);
    expect(isAuthorizationLink('https://script.google.com.evil.example/authorize')).toBe(false);
    expect(isAuthorizationLink('javascript:alert(1)')).toBe(false);
  });

  it('finds the file id in a copy’s address, and stamps times in the spreadsheet’s zone', () => {
    expect(fileIdOf(copyUrl('1AbC-x_9'))).toBe('1AbC-x_9');
    expect(timestamp(new Date('2026-11-21T14:05:00Z'), 'America/New_York')).toBe('2026-11-21 09:05');
  });
});
