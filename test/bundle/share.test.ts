// Sharing through the built dist/Code.js in node:vm, against the in-memory spreadsheet and the
// in-memory Drive and Sheets API: what a client copy holds, how it is written and shared, Revoke,
// and CLIENTVIEW called as Sheets calls it.

import { describe, expect, it } from 'vitest';
import type { ShareReport, ShareRequest } from '../../src/api';
import { dateToDay, isoToDay, SHEETS_EPOCH } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { planSchedule } from '../../src/schedule/schedule';
import { COPY_PLAN } from '../../src/share/plan';
import { sharedTasks } from '../../src/share/planned';
import { addonWith, SAMPLE_WORKBOOK, sampleAddon } from '../support/addon';

type Loaded = ReturnType<typeof sampleAddon>;

const INPUTS = ['Clients', 'Staff', 'TimeOff', 'Projects', 'Tasks', 'Templates', 'Costs', 'Quotas', 'Settings'];
const HELIOS = 'Helios Energy';
const CIVIC = 'Civic Arts Museum';

const sheetValues = (loaded: Loaded, name: string) => loaded.ss.sheets.find((s) => s.name === name)?.peek() as unknown[][];

/** Sets one cell of an input sheet, as a user typing in it. */
function edit(loaded: Loaded, sheet: string, row: number, column: number, value: unknown): void {
  const target = loaded.ss.sheets.find((s) => s.name === sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  target.edit(row, column).value = value as string;
}

/** What the Share panel does: read the workbook, plan it as the panels do, send the clients' planned tasks. */
function request(loaded: Loaded, clients: string[]): ShareRequest {
  const snapshot = loaded.addon.run('getWorkbook', []) as { sheets: Record<string, unknown[][]>; timeZone: string; today: string };
  const { plan } = readWorkbook(snapshot.sheets, { timeZone: snapshot.timeZone, today: isoToDay(snapshot.today) as number });
  return { clients, planned: sharedTasks(plan, planSchedule(plan, COPY_PLAN), clients) };
}

function share(loaded: Loaded, clients: string[]): ShareReport {
  return loaded.addon.run('shareClients', [request(loaded, clients)]) as ShareReport;
}

function copyOf(loaded: Loaded, client: string) {
  const file = [...loaded.services.drive.files.values()].find((f) => f.name === `${client} — Project plan` && !f.trashed);
  if (!file) throw new Error(`no copy for ${client}`);
  return file;
}

const everyCell = (file: ReturnType<typeof copyOf>) => file.tabs.flatMap((t) => t.rows.flat());

describe('Create / Refresh client copies', () => {
  it('makes one spreadsheet per client, holding only their plan and timeline, shared view-only with their contacts', () => {
    const loaded = sampleAddon();
    const report = share(loaded, [HELIOS, CIVIC]);
    expect(report.outcomes.map((o) => [o.client, o.ok])).toEqual([
      [HELIOS, true],
      [CIVIC, true],
    ]);
    const helios = copyOf(loaded, HELIOS);
    expect(helios.tabs.map((t) => t.properties.title)).toEqual(['Plan', 'Timeline']);
    expect(helios.permissions.filter((p) => p.role !== 'owner')).toEqual([
      { id: expect.any(String), type: 'user', role: 'reader', emailAddress: 'events@helios-energy.example' },
      { id: expect.any(String), type: 'user', role: 'reader', emailAddress: 'j.moreau@helios-energy.example' },
    ]);
    expect(helios.notified).toEqual(['events@helios-energy.example', 'j.moreau@helios-energy.example']);
    // Each copy made is recorded with everything else Crewsheet sent.
    expect(sheetValues(loaded, 'Notifications').map((r) => [r[1], r[2], String(r[4]).slice(0, 12)])).toEqual([
      ['Channel', 'To', 'Result'],
      ['Client copy', 'events@helios-energy.example, j.moreau@helios-energy.example', 'Copy created'],
      ['Client copy', 'exhibits@civicarts.example', 'Copy created'],
    ]);
    const plan = loaded.services.drive.values(helios.id, 'Plan');
    expect(plan[0][0]).toBe('Helios Energy — Project plan');
    expect(plan.map((r) => r[0])).toContain('Helios CES Booth');
    const text = JSON.stringify(everyCell(helios));
    for (const secret of ['Pays on 45 days', 'Civic Arts', 'Marrow', '185000', 'Booth 40x60', 'Vacation', 'Omar leads', 'already on it']) {
      expect(text).not.toContain(secret);
    }
  });

  it('writes each copy in one batch: one values write per sheet, typed literals, no formulas, no notes', () => {
    const loaded = sampleAddon();
    share(loaded, [HELIOS]);
    const file = copyOf(loaded, HELIOS);
    const drive = loaded.services.drive;
    expect(drive.count('Sheets.Spreadsheets.batchUpdate', file.id)).toBe(1);
    expect(drive.calls.filter((c) => c.fileId === file.id && /Values/.test(c.method))).toEqual([]);
    // In that batch, each sheet's cells are written by exactly one request.
    const writes = drive.batches[0].requests.flatMap((r) =>
      r.updateCells ? [(r.updateCells as { range: { sheetId: number } }).range.sheetId] : [],
    );
    expect(writes).toHaveLength(2);
    expect(new Set(writes)).toEqual(new Set(file.tabs.map((t) => t.properties.sheetId)));
    for (const cell of everyCell(file)) {
      expect(cell.userEnteredValue?.formulaValue).toBeUndefined();
      expect(cell.note).toBeUndefined();
    }
    // Dates are real dates: serial numbers with a date format.
    const plan = file.tabs[0].rows;
    expect(plan[1][1]).toMatchObject({ userEnteredValue: { numberValue: (isoToDay('2026-11-23') as number) - SHEETS_EPOCH } });
    expect(plan[1][1].userEnteredFormat?.numberFormat?.type).toBe('DATE');
  });

  it('keeps text that looks like a formula as that text', () => {
    const loaded = sampleAddon();
    const tasks = sheetValues(loaded, 'Tasks');
    const rename = (task: string, name: string, project = 'Helios CES Booth') =>
      edit(loaded, 'Tasks', tasks.findIndex((r) => r[0] === project && r[1] === task) + 1, 2, name);
    const literals = [
      '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/x", "Costs!A1:C9")',
      '+order furniture',
      '@crew briefing',
      '-strike',
    ];
    rename('Crew briefing and safety plan', literals[0]);
    rename('Order booth furniture and power', literals[1]);
    rename('Booth ready', literals[2]);
    rename('Strike', literals[3], 'Helios Investor Day');
    expect(share(loaded, [HELIOS]).outcomes[0].ok).toBe(true);
    const cells = everyCell(copyOf(loaded, HELIOS));
    const strings = cells.map((c) => c.userEnteredValue?.stringValue?.trim());
    for (const literal of literals) expect(strings).toContain(literal);
    expect(cells.some((c) => c.userEnteredValue?.formulaValue !== undefined)).toBe(false);
  });

  it('refreshes the same file in place: new contacts added, former ones removed, access given by hand left alone', () => {
    const loaded = sampleAddon();
    share(loaded, [HELIOS]);
    const file = copyOf(loaded, HELIOS);
    const drive = loaded.services.drive;
    // In Drive, the owner shares the copy with a colleague and adds a sheet of their own.
    drive.drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'colleague@northlight.example' }, file.id, {});
    drive.drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'events@helios-energy.example' }, file.id, {});
    drive.sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'Internal notes' } } }] }, file.id);
    const clients = sheetValues(loaded, 'Clients');
    edit(
      loaded,
      'Clients',
      clients.findIndex((r) => r[0] === HELIOS) + 1,
      3,
      'events@helios-energy.example, new.contact@helios-energy.example',
    );
    const before = drive.files.size;
    const report = share(loaded, [HELIOS]);
    expect(drive.files.size).toBe(before);
    expect(report.outcomes[0].message).toContain('Copy refreshed');
    expect(report.outcomes[0].message).toContain('Removed former contacts: j.moreau@helios-energy.example.');
    expect(report.outcomes[0].message).toContain('Also shared by hand with: colleague@northlight.example.');
    expect(report.outcomes[0].message).toContain(
      'Already had access (given by hand, left as is): events@helios-energy.example (can edit).',
    );
    expect(file.tabs.map((t) => t.properties.title)).toEqual(['Plan', 'Timeline']);
    expect(file.permissions.map((p) => [p.emailAddress, p.role])).toEqual([
      ['preview@example.com', 'owner'],
      ['events@helios-energy.example', 'writer'],
      ['colleague@northlight.example', 'writer'],
      ['new.contact@helios-energy.example', 'reader'],
    ]);
  });

  it('gives a client with a bad or missing Contact Email a clear message, and no copy', () => {
    const loaded = sampleAddon();
    const clients = sheetValues(loaded, 'Clients');
    edit(loaded, 'Clients', clients.findIndex((r) => r[0] === HELIOS) + 1, 3, 'events at helios');
    edit(loaded, 'Clients', clients.findIndex((r) => r[0] === CIVIC) + 1, 3, '');
    const report = share(loaded, [HELIOS, CIVIC, 'Marrow & Finch']);
    expect(report.outcomes.map((o) => [o.client, o.ok, o.message])).toEqual([
      [HELIOS, false, 'Not shared: Clients!C2: Contact Email has an address that is not an email: "events". Fix the address to share.'],
      [CIVIC, false, "Not shared: Clients!C3: no Contact Email. Add the client's address to share."],
      ['Marrow & Finch', true, 'Copy created, shared view-only with pr@marrowfinch.example.'],
    ]);
    const names = [...loaded.services.drive.files.values()].map((f) => f.name);
    expect(names).toEqual(['Marrow & Finch — Project plan']);
  });

  it('records each copy in the Shares sheet, through the output path, without touching an input sheet', () => {
    const loaded = sampleAddon();
    const inputs = () => INPUTS.map((name) => JSON.stringify(sheetValues(loaded, name)));
    const before = inputs();
    share(loaded, [HELIOS]);
    expect(inputs()).toEqual(before);
    const shares = sheetValues(loaded, 'Shares');
    expect(shares[0]).toEqual(['Client', 'Copy', 'Shared with', 'Last refreshed', 'Left out', 'Note']);
    expect(shares[1].slice(0, 3)).toEqual([
      HELIOS,
      `https://docs.google.com/spreadsheets/d/${copyOf(loaded, HELIOS).id}/edit`,
      'events@helios-energy.example, j.moreau@helios-energy.example',
    ]);
    expect(String(shares[1][3])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(shares[1][4]).toBe('Always: costs, rates, margins, budgets, notes, time-off reasons, Why. Also: prices');
    const writes = loaded.ss.log.calls.filter((c) => /^(set|insert|delete)/.test(c.method) && INPUTS.includes(c.sheet ?? ''));
    expect(writes).toEqual([]);
    expect(loaded.addon.run('getShares', [])).toEqual([
      expect.objectContaining({ client: HELIOS, sharedWith: ['events@helios-energy.example', 'j.moreau@helios-energy.example'] }),
    ]);
  });

  it('refuses a plan that does not match the sheets, and writes nothing', () => {
    const loaded = sampleAddon();
    const sent = request(loaded, [HELIOS]);
    const frame = sent.planned.find((t) => t.task === 'Fabricate booth frame');
    if (frame) frame.crew[0].name = 'Kofi Mensah';
    expect(() => loaded.addon.run('shareClients', [sent])).toThrow(
      /the plan no longer matches the sheets \(.*Kofi Mensah.* leave .* without a qualified person/,
    );
    expect(loaded.services.drive.files.size).toBe(0);
    expect(sheetValues(loaded, 'Shares')).toBeUndefined();
  });

  describe('refuses a forged plan, and writes nothing', () => {
    type Forgery = (task: ShareRequest['planned'][number]) => ShareRequest['planned'][number];
    const forgeries: [string, Forgery, RegExp][] = [
      [
        'every task sent as a milestone on a far day',
        (t) => ({ ...t, state: 'milestone', crew: [], daily: [], start: '2031-06-02', end: '2031-06-02' }),
        /reported as milestone, but the sheets make it a task/,
      ],
      [
        'every task sent as impossible to staff',
        ({ start, end, ...t }) => ({ ...t, state: 'unstaffable', crew: [], daily: [] }),
        /reported as impossible to staff, but .* could do it from/,
      ],
      ['every task cut to half an hour', (t) => ({ ...t, daily: [0.5], end: t.start }), /books 0\.5 h, needs \d+/],
    ];
    it.each(forgeries)('%s', (_name, forge, reason) => {
      const loaded = sampleAddon();
      const sent = request(loaded, [HELIOS]);
      const forged = { ...sent, planned: sent.planned.map(forge) };
      expect(() => loaded.addon.run('shareClients', [forged])).toThrow(reason);
      expect(loaded.services.drive.files.size).toBe(0);
      expect(sheetValues(loaded, 'Shares')).toBeUndefined();
    });
  });

  it('will not refresh a copy someone opened to anyone with the link', () => {
    const loaded = sampleAddon();
    share(loaded, [HELIOS]);
    const file = copyOf(loaded, HELIOS);
    loaded.services.drive.drive.Permissions.create({ type: 'anyone', role: 'reader' }, file.id, {});
    const writes = loaded.services.drive.count('Sheets.Spreadsheets.batchUpdate');
    const report = share(loaded, [HELIOS]);
    expect(report.outcomes[0]).toMatchObject({ ok: false, message: expect.stringContaining('shared with anyone who has the link') });
    expect(loaded.services.drive.count('Sheets.Spreadsheets.batchUpdate')).toBe(writes);
  });

  it('makes no copy for a client with nothing agreed yet', () => {
    const loaded = sampleAddon();
    const report = share(loaded, ['Vantage Robotics']);
    expect(report.outcomes[0]).toMatchObject({ ok: false, message: expect.stringContaining('no agreed projects yet') });
    expect(loaded.services.drive.files.size).toBe(0);
  });
});

describe('Revoke', () => {
  it('removes exactly the viewers Share added, and keeps the copy', () => {
    const loaded = sampleAddon();
    share(loaded, [HELIOS]);
    const file = copyOf(loaded, HELIOS);
    loaded.services.drive.drive.Permissions.create(
      { type: 'user', role: 'reader', emailAddress: 'auditor@northlight.example' },
      file.id,
      {},
    );
    const report = loaded.addon.run('revokeClients', [{ clients: [HELIOS] }]) as ShareReport;
    expect(report.outcomes[0].ok).toBe(true);
    expect(file.permissions.map((p) => p.emailAddress)).toEqual(['preview@example.com', 'auditor@northlight.example']);
    expect(file.trashed).toBe(false);
    const row = sheetValues(loaded, 'Shares')[1];
    expect(row[2]).toBe('auditor@northlight.example');
    expect(String(row[5])).toMatch(
      /^Viewers removed .*: events@helios-energy.example, j.moreau@helios-energy.example\. Still shared by hand with/,
    );
    // Sharing again adds the contacts back to the same file.
    share(loaded, [HELIOS]);
    expect(copyOf(loaded, HELIOS).id).toBe(file.id);
    expect(file.permissions.filter((p) => p.role === 'reader').map((p) => p.emailAddress)).toEqual([
      'auditor@northlight.example',
      'events@helios-energy.example',
      'j.moreau@helios-energy.example',
    ]);
  });

  it('says so when a client has no copy', () => {
    const loaded = sampleAddon();
    const report = loaded.addon.run('revokeClients', [{ clients: [CIVIC] }]) as ShareReport;
    expect(report.outcomes[0]).toMatchObject({ ok: false, message: expect.stringContaining('No copy') });
  });
});

describe('permission to use Drive', () => {
  it('is asked only when Share is used: until granted, the rest works and Share touches nothing', () => {
    const loaded = sampleAddon();
    loaded.services.drive.granted.clear();
    expect(loaded.addon.run('shareAccess', [])).toEqual({ granted: false, authorizationUrl: expect.stringMatching(/^https:\/\//) });
    const sent = request(loaded, [HELIOS]);
    expect(() => loaded.addon.run('shareClients', [sent])).toThrow(/Authorization is required/);
    expect(() => loaded.addon.run('revokeClients', [{ clients: [HELIOS] }])).toThrow(/Authorization is required/);
    expect(loaded.services.drive.calls).toEqual([]);
    expect(loaded.addon.run('getShares', [])).toEqual([]);
    loaded.addon.run('writeOutputs', [[{ name: 'Schedule', values: [['ok']] }]]);
    loaded.services.drive.granted.add('https://www.googleapis.com/auth/drive.file');
    expect(loaded.addon.run('shareAccess', [])).toEqual({ granted: true, authorizationUrl: null });
  });
});

describe('CLIENTVIEW, called as Sheets calls it', () => {
  const ranges = (loaded: Loaded) => [sheetValues(loaded, 'Projects'), sheetValues(loaded, 'Tasks'), sheetValues(loaded, 'Staff')];

  it('returns exactly the table the client copy shows, dates as dates', () => {
    const loaded = sampleAddon();
    const [projects, tasks, staff] = ranges(loaded);
    const answer = loaded.addon.customFunction('CLIENTVIEW', [HELIOS, projects, tasks, staff]) as unknown[][];
    expect(answer[0][0]).toBe('Helios Energy — Project plan');
    expect(answer[1][1]).toBeInstanceOf(Date);
    expect(loaded.services.drive.calls).toEqual([]);
    share(loaded, [HELIOS]);
    const copy = loaded.services.drive.values(copyOf(loaded, HELIOS).id, 'Plan');
    const asCopy = answer.map((row) => row.map((v) => (v instanceof Date ? dateToDay(v, 'America/New_York') - SHEETS_EPOCH : v)));
    expect(asCopy).toEqual(copy);
  });

  it('says so when the Share panel searches longer than a formula can', () => {
    const loaded = sampleAddon();
    const settings = sheetValues(loaded, 'Settings');
    edit(loaded, 'Settings', settings.findIndex((r) => r[0] === 'Iterations') + 1, 2, 100_000);
    const [projects, tasks, staff] = ranges(loaded);
    const answer = loaded.addon.customFunction('CLIENTVIEW', [HELIOS, projects, tasks, staff]) as unknown[][];
    expect(answer[1][2]).toMatch(/^The Share panel searches longer than a formula can here .* the copy may differ\.$/);
    expect(answer.map((r) => r[0])).toContain('Helios CES Booth');
  });

  it('without staff shows what is known and says planned dates need the staff range', () => {
    const loaded = sampleAddon();
    const [projects, tasks] = ranges(loaded);
    const answer = loaded.addon.customFunction('CLIENTVIEW', [HELIOS, projects, tasks]) as unknown[][];
    expect(String(answer[1][2])).toMatch(/Planned dates and crews need the staff range/);
    const frame = answer.find((r) => r[1] === 'Fabricate booth frame') as unknown[];
    expect(frame.slice(3, 8)).toEqual(['Omar Haddad', '', '', 'In progress', '25%']);
  });

  it('answers bad input with cell-addressed messages, never a crash', () => {
    const loaded = sampleAddon();
    const [projects, tasks, staff] = ranges(loaded);
    tasks[5][3] = 'lots';
    expect(loaded.addon.customFunction('CLIENTVIEW', [HELIOS, projects, tasks, staff])).toEqual([
      ["CLIENTVIEW cannot read the sheets: 1 problem (in the ranges passed, cells count from each range's first row)"],
      ['Tasks!D6: Hours must be a number of 0 or more, got "lots"'],
    ]);
    expect(loaded.addon.customFunction('CLIENTVIEW', ['Nobody Inc', projects, ranges(loaded)[1], staff])).toEqual([
      ['CLIENTVIEW: no project has the client "Nobody Inc"'],
      ['Check the spelling against Projects > Client.'],
    ]);
    expect(loaded.addon.customFunction('CLIENTVIEW', ['', projects, tasks])).toEqual([
      ['CLIENTVIEW: client is required, e.g. =CLIENTVIEW("Helios Energy", Projects!A:P, Tasks!A:R, Staff!A:K)'],
    ]);
  });

  it('works in a workbook with only the ranges passed', () => {
    const { addon } = addonWith();
    const answer = addon.customFunction('CLIENTVIEW', [
      HELIOS,
      SAMPLE_WORKBOOK.Projects,
      SAMPLE_WORKBOOK.Tasks,
      SAMPLE_WORKBOOK.Staff,
    ]) as unknown[][];
    expect(answer.map((r) => r[0])).toContain('Helios Investor Day');
  });
});
