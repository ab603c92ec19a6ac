// The built dist/Code.js, loaded in a bare node:vm context with stub services, as Apps Script loads it.

import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { addonWith, builtCode, sampleAddon } from '../support/addon';

const ENTRY_POINTS = [
  'ASSIGN',
  'ATTAINMENT',
  'UTILIZATION',
  'BUDGETRANGE',
  'ESTIMATE',
  'GANTT',
  'SKILLMATCH',
  'STAFFING',
  'onOpen',
  'onInstall',
  'showSidebar',
  'menuSetUpSheets',
  'getWorkbook',
  'writeOutputs',
  'CLIENTVIEW',
  'getShares',
  'shareAccess',
  'shareClients',
  'revokeClients',
  'notifyAccess',
  'sendNotifications',
  'setUpSheets',
  'showRange',
];

describe('loading Code.js', () => {
  it('defines exactly one bundle global plus one function per entry point', () => {
    const { addon } = addonWith();
    expect([...addon.newGlobals].sort()).toEqual(['Crewsheet', ...ENTRY_POINTS].sort());
  });

  it('touches no Apps Script service while loading', () => {
    const { services } = addonWith();
    expect(services.touched).toEqual([]);
  });

  it('keeps each custom function’s JSDoc so Sheets offers it in autocomplete', () => {
    const code = builtCode();
    const stub = code.slice(code.lastIndexOf('/**', code.indexOf('function SKILLMATCH(')), code.indexOf('function SKILLMATCH('));
    expect(stub).toContain('@customfunction');
    expect(stub).toContain('@param');
  });
});

describe('onOpen', () => {
  it('builds the add-on menu, and each item calls a function that exists', () => {
    const { addon, services } = addonWith();
    addon.call('onOpen', { authMode: 'NONE' });
    expect(services.ui.menus).toHaveLength(1);
    const items = services.ui.menus[0].items;
    expect(items.map((i) => i.caption)).toEqual(['Open Crewsheet', 'Set up sheets']);
    for (const item of items) expect(addon.newGlobals).toContain(item.functionName);
  });

  it('does nothing but build the menu (it runs in AuthMode.NONE)', () => {
    const { addon, services } = addonWith();
    addon.call('onOpen', { authMode: 'NONE' });
    expect(services.touched).toEqual(['SpreadsheetApp.getUi']);
  });

  it('onInstall adds the same menu', () => {
    const { addon, services } = addonWith();
    addon.call('onInstall', { authMode: 'FULL' });
    expect(services.ui.menus[0].items).toHaveLength(2);
  });

  it('showSidebar opens the built sidebar file', () => {
    const { addon, services } = addonWith();
    addon.call('showSidebar');
    expect(services.ui.sidebars).toEqual([{ file: 'sidebar', title: 'Crewsheet' }]);
  });
});

describe('custom functions, called as Sheets calls them', () => {
  it('ASSIGN plans the sample from its ranges, with dates as dates and a reason for each task', () => {
    const { ss, addon } = sampleAddon();
    const range = (name: string) => ss.sheets.find((s) => s.name === name)?.peek();
    const answer = addon.customFunction('ASSIGN', [
      range('Tasks'),
      range('Staff'),
      range('Projects'),
      range('TimeOff'),
      new Date('2026-11-23T05:00:00Z'),
    ]) as unknown[][];
    expect(answer[0]).toEqual(['Project', 'Task', 'Assignee', 'Start', 'End', 'Hours', 'Why']);
    const frame = answer.find((r) => r[1] === 'Fabricate booth frame') as unknown[];
    expect(frame[2]).toContain('Omar Haddad');
    expect(frame[3]).toBeInstanceOf(Date);
    expect(String(frame[6])).toContain('already on it');
    const again = addon.customFunction('ASSIGN', [
      range('Tasks'),
      range('Staff'),
      range('Projects'),
      range('TimeOff'),
      new Date('2026-11-23T05:00:00Z'),
    ]);
    expect(again).toEqual(answer);
  });

  it('ASSIGN plans projects from this spreadsheet’s Templates, and says which projects have no work to plan', () => {
    const tabs = {
      Staff: [
        ['Name', 'Skills'],
        ['Ana', 'Audio:3'],
      ],
      Tasks: [
        ['Project', 'Task', 'Skills', 'Hours'],
        ['Booth', 'Mix', 'Audio:2', 8],
      ],
      Projects: [
        ['Project', 'Client', 'Type'],
        ['Booth', 'Acme', ''],
        ['Refresh', 'Acme', 'AV Refresh'],
      ],
      Settings: [
        ['Key', 'Value'],
        ['Plan Start', '2027-01-04'],
      ],
    };
    const ask = (addon: ReturnType<typeof addonWith>['addon']) =>
      addon.customFunction('ASSIGN', [tabs.Tasks, tabs.Staff, tabs.Projects]) as unknown[][];
    const without = ask(addonWith(tabs).addon);
    expect(without.map((r) => [r[0], r[1], r[6]]).slice(1)).toEqual([
      ['Booth', 'Mix', expect.any(String)],
      ['Refresh', '', 'Not planned: no rows in Tasks, and no Templates sheet for its Type "AV Refresh".'],
    ]);
    const templates = [
      ['Type', 'Task', 'Skills', 'Hours'],
      ['AV Refresh', 'Survey', 'Audio:1', 4],
    ];
    const planned = ask(addonWith({ ...tabs, Templates: templates }).addon);
    expect(planned.map((r) => [r[0], r[1], r[2]]).slice(1)).toEqual([
      ['Booth', 'Mix', 'Ana'],
      ['Refresh', 'Survey', 'Ana'],
    ]);
    // The plan starts on Settings > Plan Start when no plan_start is given.
    expect((planned[1][3] as Date).toISOString().slice(0, 10)).toBe('2027-01-04');
  });

  it('GANTT marks a header row of dates, one row per task for a column of tasks', () => {
    const { addon } = addonWith();
    const at = (iso: string) => new Date(`${iso}T05:00:00Z`);
    const header = [[at('2027-01-04'), at('2027-01-05'), at('2027-01-06'), at('2027-01-07')]];
    expect(addon.customFunction('GANTT', [at('2027-01-05'), at('2027-01-06'), header])).toEqual([['', 1, 1, '']]);
    const weeks = [[at('2027-01-04'), at('2027-01-11'), at('2027-01-18')]];
    expect(
      addon.customFunction('GANTT', [
        [[at('2027-01-10')], [''], [at('2027-01-18')]],
        [[at('2027-01-12')], [''], [at('2027-01-19')]],
        weeks,
      ]),
    ).toEqual([
      [1, 1, ''],
      ['', '', ''],
      ['', '', 1],
    ]);
    expect(addon.customFunction('GANTT', [at('2027-01-06'), at('2027-01-05'), header])).toEqual([['GANTT: row 1: end is before start']]);
    expect(addon.customFunction('GANTT', ['soon', at('2027-01-05'), header])).toEqual([['GANTT: row 1: start and end must be dates']]);
  });

  it('ASSIGN lists every problem with its cell instead of planning bad input', () => {
    const { ss, addon } = sampleAddon();
    const tasks = ss.sheets.find((s) => s.name === 'Tasks')?.peek() as unknown[][];
    tasks[5][3] = 'lots';
    const answer = addon.customFunction('ASSIGN', [tasks, ss.sheets.find((s) => s.name === 'Staff')?.peek()]) as string[][];
    expect(answer[0][0]).toMatch(/^ASSIGN cannot plan: 1 problem/);
    expect(answer[1][0]).toBe('Tasks!D6: Hours must be a number of 0 or more, got "lots"');
  });

  it('SKILLMATCH takes a single cell or a range', () => {
    const { addon } = addonWith();
    expect(addon.customFunction('SKILLMATCH', ['LED:4', 'LED:2, Rigging'])).toBe(0.5);
    expect(addon.customFunction('SKILLMATCH', ['LED:3 x2', [['LED:4'], ['Audio:5'], ['']]])).toEqual([[1], [0], ['']]);
  });

  it('answers bad input with a message, not a crash', () => {
    const { addon } = addonWith();
    expect(addon.customFunction('SKILLMATCH', ['LED:9', 'LED:2'])).toBe(
      'SKILLMATCH: required level in "LED:9" must be a whole number from 1 to 5',
    );
  });
});

describe('google.script.run', () => {
  it('refuses private functions, as Apps Script does, and the bundle defines none', () => {
    const { addon } = sampleAddon();
    // A top-level function whose name ends in "_" can be called by the script itself, never from the sidebar.
    vm.runInContext('function ping_() { return "pong"; }', addon.context);
    expect(addon.call('ping_')).toBe('pong');
    expect(() => addon.run('ping_', [])).toThrow(/not found/);
    expect(addon.newGlobals.filter((name) => name.endsWith('_'))).toEqual([]);
  });

  it('getWorkbook returns plain data: dates as ISO days in the spreadsheet’s time zone', () => {
    const { addon } = sampleAddon();
    const snapshot = addon.run('getWorkbook', []) as { sheets: Record<string, unknown[][]>; timeZone: string };
    expect(snapshot.timeZone).toBe('America/New_York');
    expect(snapshot.sheets.TimeOff[1]).toEqual(['All', { date: '2026-11-26' }, { date: '2026-11-27' }, null, 'Thanksgiving']);
  });

  it('showRange selects the cell a message names, on its sheet, and refuses anything but an address', () => {
    const { addon, ss } = sampleAddon();
    addon.run('showRange', ['Tasks!D20']);
    const range = ss.getActiveRange();
    expect([ss.getActiveSheet()?.name, range?.row, range?.column, range?.rows]).toEqual(['Tasks', 20, 4, 1]);
    addon.run('showRange', ['Staff!A2:K2']);
    expect([ss.getActiveSheet()?.name, ss.getActiveRange()?.columns]).toEqual(['Staff', 11]);
    expect(() => addon.run('showRange', ['Nope!A1'])).toThrow('There is no sheet named "Nope" any more.');
    expect(() => addon.run('showRange', ['Tasks!D20; =HYPERLINK()'])).toThrow('is not a cell address like Tasks!D20');
    expect(ss.getActiveSheet()?.name).toBe('Staff');
  });
});
