// The preview's grid on the server side: cells shown under their number formats as Sheets shows them,
// clipboard text, typed blocks entering the in-memory spreadsheet and coming back out with Undo, and
// formulas computed apart from the server's other work.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../preview/client/tsv';
import { EditHistory } from '../../preview/edits';
import { displayValue, formatNumber } from '../../preview/format';
import { FakeSpreadsheet } from '../../preview/gas/spreadsheet';
import { startSession } from '../../preview/session';
import { dayToDate, isoToDay, SHEETS_EPOCH } from '../../src/model/dates';
import { NOW } from '../support/addon';

const ZONE = 'America/New_York';
const day = (iso: string) => isoToDay(iso) as number;

describe('what a cell shows', () => {
  it('shows dates under their pattern, and m/d/yyyy when the cell has none (en_US)', () => {
    const date = dayToDate(day('2027-01-04'), ZONE);
    expect(displayValue(date, undefined, ZONE)).toBe('1/4/2027');
    expect(displayValue(date, 'yyyy-mm-dd', ZONE)).toBe('2027-01-04');
    expect(displayValue(date, 'ddd d mmm yyyy', ZONE)).toBe('Mon 4 Jan 2027');
    expect(displayValue(date, 'mmm d yyyy', ZONE)).toBe('Jan 4 2027');
    expect(displayValue(date, 'dddd, mmmm d', ZONE)).toBe('Monday, January 4');
    // A client copy's dates are serial numbers with a date pattern.
    expect(displayValue(day('2027-01-04') - SHEETS_EPOCH, 'd mmm yyyy', ZONE)).toBe('4 Jan 2027');
  });

  it('shows numbers under money, grouping, decimal and percent patterns', () => {
    expect(formatNumber(185000, '"$"#,##0')).toBe('$185,000');
    expect(formatNumber(1234.5, '#,##0 "EUR"')).toBe('1,235 EUR');
    expect(formatNumber(0.125, '0.0%')).toBe('12.5%');
    expect(formatNumber(7.25, '0.##')).toBe('7.25');
    expect(formatNumber(7, '0.##')).toBe('7');
    expect(formatNumber(0.5, '0')).toBe('1');
    // Sections: positive; negative; zero.
    expect(formatNumber(0.2, '+0%;-0%;0%')).toBe('+20%');
    expect(formatNumber(-0.2, '+0%;-0%;0%')).toBe('-20%');
    expect(formatNumber(0, '+0%;-0%;0%')).toBe('0%');
    expect(displayValue(true, undefined, ZONE)).toBe('TRUE');
  });
});

describe('clipboard text', () => {
  it('reads tab-separated rows, quoted cells and Windows line ends, without a trailing empty row', () => {
    expect(parseTsv('a\tb\r\nc\t\n')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(parseTsv('"two\nlines"\t"say ""hi"""')).toEqual([['two\nlines', 'say "hi"']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('writes what it reads', () => {
    const rows = [
      ['Dev Patel', 'two\nlines', 'tab\there'],
      ['', '"quoted"', ''],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('typing into the workbook', () => {
  function workbook() {
    const ss = new FakeSpreadsheet('Test', ZONE);
    ss.load('TimeOff', [
      ['Name', 'From', 'To'],
      ['All', dayToDate(day('2026-12-24'), ZONE), ''],
    ]);
    return ss;
  }

  it('enters a block as typed text, growing the sheet past its last row, and undoes it last first', () => {
    const ss = workbook();
    const sheet = ss.sheets[0];
    const history = new EditHistory();
    history.apply(ss, { sheet: 'TimeOff', row: 2, column: 3, values: [['2026-12-26']] });
    const area = history.apply(ss, {
      sheet: 'TimeOff',
      row: 999,
      column: 1,
      values: [['Dev Patel', '2027-01-04'], ['=SKILLMATCH("LED", B2)'], ['40']],
    });
    expect(area).toEqual({ sheet: 'TimeOff', row: 999, column: 1, rows: 3, columns: 2 });
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.cell(999, 2)?.value).toBeInstanceOf(Date);
    expect(sheet.cell(1000, 1)?.formula).toBe('=SKILLMATCH("LED", B2)');
    expect(sheet.cell(1001, 1)?.value).toBe(40);

    expect(history.undo(ss)).toEqual(area);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.cell(1000, 1)?.formula).toBeUndefined();
    history.undo(ss);
    expect(sheet.cell(2, 3)?.value).toBe('');
    expect(history.canUndo).toBe(false);
    expect(history.undo(ss)).toBeUndefined();
  });

  it('refuses an edit to a sheet that is not there, or that is not rows of text, and changes nothing', () => {
    const ss = workbook();
    const history = new EditHistory();
    expect(() => history.apply(ss, { sheet: 'Nope', row: 1, column: 1, values: [['x']] })).toThrow('There is no sheet named "Nope".');
    expect(() => history.apply(ss, { sheet: 'TimeOff', row: 0, column: 1, values: [['x']] })).toThrow('rows of text');
    expect(() => history.apply(ss, { sheet: 'TimeOff', row: 1, column: 1, values: [[3 as unknown as string]] })).toThrow();
    expect(ss.sheets[0].peek()[0]).toEqual(['Name', 'From', 'To']);
    expect(history.canUndo).toBe(false);
  });
});

describe('formulas', () => {
  it('are computed in a thread of their own: the server answers the sidebar meanwhile, then writes the answer', async () => {
    const session = await startSession(join(import.meta.dirname, '..', '..', 'dist'), { sample: true, now: NOW, examples: true });
    try {
      // The first formula due is the ASSIGN example's; computing it leaves this thread free at once.
      const computed = session.recalculateNext();
      expect(session.computing?.formula).toMatch(/^=ASSIGN\(/);
      const workbook = session.addon.run('getWorkbook', []) as { sheets: Record<string, unknown[][]> };
      expect(workbook.sheets.Tasks.length).toBeGreaterThan(50);
      expect(session.computing).toBeDefined();

      expect(await computed).toBe(true);
      expect(session.computing).toBeUndefined();
      const assign = session.ss.sheets.find((s) => s.name === 'Examples – ASSIGN');
      expect(assign?.peek()[2].slice(0, 3)).toEqual(['Project', 'Task', 'Assignee']);
      // A formula edited while it was computed keeps what was typed: the stale answer is not written.
      const next = session.recalculateNext();
      const cell = session.computing;
      if (!cell) throw new Error('no formula is being computed');
      cell.sheet.edit(cell.row, cell.column).formula = '=SKILLMATCH("LED", "LED:3")';
      await next;
      expect(cell.sheet.cell(cell.row, cell.column)?.formula).toBe('=SKILLMATCH("LED", "LED:3")');
      expect(cell.sheet.cell(cell.row + 1, cell.column)?.value ?? '').toBe('');
    } finally {
      session.close();
    }
  }, 60_000);
});
