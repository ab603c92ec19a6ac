// ATTAINMENT and UTILIZATION in the built dist/Code.js, called as Sheets calls them.

import { describe, expect, it } from 'vitest';
import { type Day, dateToDay, dayToDate, isoToDay, weekday } from '../../src/model/dates';
import { addonWith, builtCode, NOW, sampleAddon } from '../support/addon';

const ZONE = 'America/New_York';
/** A date cell as Sheets hands it to a custom function: midnight in the spreadsheet's zone. */
const cell = (iso: string) => dayToDate(isoToDay(iso) as Day, ZONE);

function sampleRanges() {
  const { ss, addon } = sampleAddon();
  const range = (name: string) => ss.sheets.find((s) => s.name === name)?.peek() as unknown[][];
  return { ss, addon, range };
}

describe('ATTAINMENT', () => {
  it('answers a table with a header, one row per quota, from the Quotas and Projects ranges', () => {
    const { addon, range } = sampleRanges();
    const answer = addon.customFunction('ATTAINMENT', [range('Quotas'), range('Projects'), cell('2026-11-21')]) as unknown[][];
    expect(answer[0]).toEqual(['Owner', 'Metric', 'Period', 'Target', 'Actual', '%', 'Projected', 'Status']);
    expect(answer).toHaveLength(10);
    const row = (owner: string, metric: string) => answer.find((r) => r[0] === owner && r[1] === metric);
    expect(row('Luis Romero', 'Revenue')).toEqual(['Luis Romero', 'Revenue', '2026-Q4', 250000, 175000, 0.7, 247000, 'at risk']);
    expect(row('Rachel Kim', 'Revenue')).toEqual(['Rachel Kim', 'Revenue', '2026', 650000, 619000, 0.9523, 619000, 'at risk']);
    // Clients > Since is read from the spreadsheet, as the Quotas panel reads it: Marrow & Finch (since
    // 2025) and Bluewater (since 2024) were clients before their first win in 2026, so neither is new.
    expect(row('Luis Romero', 'New Clients')).toEqual(['Luis Romero', 'New Clients', '2026', 2, 0, 0, 0.6, 'behind']);
  });

  it('plans this spreadsheet’s Tasks and Staff for Billable Hours and deliveries to come, as the Quotas panel does', () => {
    const { addon, range } = sampleRanges();
    const answer = addon.customFunction('ATTAINMENT', [range('Quotas'), range('Projects'), cell('2026-11-21')]) as unknown[][];
    // Ben Ashford has delivered one project on time; the plan finishes the other within the quarter, by its Due.
    expect(answer.find((r) => r[1] === 'On-Time Projects')).toEqual([
      'Ben Ashford',
      'On-Time Projects',
      '2026-Q4',
      2,
      1,
      0.5,
      2,
      'on track',
    ]);
    const dev = answer.find((r) => r[0] === 'Dev Patel') as unknown[];
    expect(dev.slice(4, 6)).toEqual([0, 0]);
    expect(dev[6]).toBeGreaterThan(0);
    expect(answer.flat().join(' ')).not.toContain('needs');
  });

  it('says in the cells what the figures need when Tasks or Staff cannot be planned, instead of inventing numbers', () => {
    const { ss, addon, range } = sampleRanges();
    const tasks = ss.sheets.find((s) => s.name === 'Tasks');
    if (!tasks) throw new Error('the sample has Tasks');
    tasks.edit(5, 4).value = 'lots';
    const answer = addon.customFunction('ATTAINMENT', [range('Quotas'), range('Projects'), cell('2026-11-21')]) as unknown[][];
    expect(answer.find((r) => r[1] === 'On-Time Projects')?.slice(6)).toEqual([
      'needs a plan: the Tasks and Staff sheets, free of problems (Check workbook)',
      'needs a plan: the Tasks and Staff sheets, free of problems (Check workbook)',
    ]);
    expect(answer.find((r) => r[0] === 'Dev Patel')?.[4]).toBe('needs the Tasks and Staff sheets, free of problems (Check workbook)');
  });

  it('counts only what happened by as_of; what was recorded later still counts towards Projected', () => {
    const { addon, range } = sampleRanges();
    const answer = addon.customFunction('ATTAINMENT', [range('Quotas'), range('Projects'), cell('2026-10-31')]) as unknown[][];
    const luis = answer.find((r) => r[0] === 'Luis Romero' && r[1] === 'Revenue') as unknown[];
    expect(luis.slice(4, 7)).toEqual([45000 + 38000, 0.332, 45000 + 38000 + 92000 + 72000]);
    expect(addon.customFunction('ATTAINMENT', [range('Quotas'), range('Projects'), '2026-10-31'])).toEqual(answer);
  });

  it('lists bad quota rows with their cells and computes nothing', () => {
    const { addon, range } = sampleRanges();
    const quotas = range('Quotas');
    quotas[2][1] = 'Profit';
    quotas[3][2] = '2026-Q5';
    quotas[4][3] = 0;
    quotas[5][3] = 150;
    const answer = addon.customFunction('ATTAINMENT', [quotas, range('Projects')]) as string[][];
    expect(answer).toEqual([
      ["ATTAINMENT cannot compute: 4 problems (cells count from each range's first row)"],
      [
        'Quotas!B3: Metric must be one of Revenue, Expansion Revenue, New Clients, On-Time Projects, On-Time Rate, Delivered Value, Billable Hours, got "Profit"',
      ],
      ['Quotas!C4: Period cannot read period "2026-Q5"; write a period like 2026, 2026-Q4, 2026-11 or 2026-10-01..2026-12-31'],
      ['Quotas!D5: Target must be a positive number, got 0'],
      ['Quotas!D6: an On-Time Rate target is a share of projects, up to 100% (e.g. 90%), got 150'],
    ]);
  });

  it('explains a bad as_of or a missing range instead of failing', () => {
    const { addon, range } = sampleRanges();
    expect(addon.customFunction('ATTAINMENT', [range('Quotas'), range('Projects'), 'soon'])).toEqual([
      ['ATTAINMENT cannot compute: 1 problem'],
      ['as_of (argument 3) must be a date like 2026-11-21, got "soon"'],
    ]);
    expect(addon.customFunction('ATTAINMENT', [range('Quotas'), ''])).toEqual([
      ['ATTAINMENT cannot compute: 1 problem'],
      ['projects is required: pass the Projects table with its header row, e.g. Projects!A1:Q200'],
    ]);
    expect(addon.customFunction('ATTAINMENT', ['Owner', range('Projects')])).toEqual([
      ["ATTAINMENT cannot compute: 3 problems (cells count from each range's first row)"],
      ['Quotas!B1: missing column "Metric"; add a header named "Metric"'],
      ['Quotas!C1: missing column "Period"; add a header named "Period"'],
      ['Quotas!D1: missing column "Target"; add a header named "Target"'],
    ]);
  });
});

/** The Monday at least a week after today, so the plan (which starts today) reaches it. */
function nextWeek(): { monday: string; friday: string } {
  const today = dateToDay(NOW, ZONE);
  const monday = today + 7 + ((8 - weekday(today + 7)) % 7);
  const iso = (d: Day) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { monday: iso(monday), friday: iso(monday + 4) };
}

function crew(week: { monday: string }) {
  return {
    tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'Start'],
      ['Lobby', 'Wire', 'Audio:2', 16, week.monday],
      ['Lobby', 'Mount', 'Rigging', 6, week.monday],
    ],
    staff: [
      ['Name', 'Skills', 'Hours/Week', 'Work Days'],
      ['Ana', 'Audio:3', 40, 'Mon-Fri'],
      ['Bo', 'Rigging:2', 24, 'Mon, Wed, Fri'],
    ],
  };
}

describe('UTILIZATION', () => {
  it('answers capacity from each calendar against the hours the plan books, per person and for all staff', () => {
    const week = nextWeek();
    const { tasks, staff } = crew(week);
    const timeoff = [
      ['Name', 'From', 'Hours/Day'],
      ['Ana', cell(week.friday), 4],
    ];
    const { addon } = addonWith();
    const answer = addon.customFunction('UTILIZATION', [tasks, staff, timeoff, cell(week.monday), cell(week.friday)]);
    expect(answer).toEqual([
      ['Name', 'Capacity', 'Scheduled', 'Utilization %'],
      ['Ana', 36, 16, 0.4444],
      ['Bo', 24, 6, 0.25],
      ['All staff', 60, 22, 0.3667],
    ]);
  });

  it('takes a period as the Quotas sheet writes one, with or without the time-off range', () => {
    const { addon, range } = sampleRanges();
    const december = addon.customFunction('UTILIZATION', [
      range('Tasks'),
      range('Staff'),
      range('TimeOff'),
      cell('2026-12-01'),
      cell('2026-12-31'),
    ]);
    expect(addon.customFunction('UTILIZATION', [range('Tasks'), range('Staff'), range('TimeOff'), '2026-12'])).toEqual(december);
    // Typed in a cell, 2026-12 is a date (1 Dec 2026) to Sheets: as the Quotas sheet does, it reads as the month.
    expect(addon.customFunction('UTILIZATION', [range('Tasks'), range('Staff'), range('TimeOff'), cell('2026-12-01')])).toEqual(december);
    const quarter = addon.customFunction('UTILIZATION', [range('Tasks'), range('Staff'), '2027-Q1']) as unknown[][];
    expect(quarter[0]).toEqual(['Name', 'Capacity', 'Scheduled', 'Utilization %']);
    expect(quarter.at(-1)?.[0]).toBe('All staff');
    // A year typed in a cell is a number.
    const year = addon.customFunction('UTILIZATION', [range('Tasks'), range('Staff'), range('TimeOff'), 2027]) as unknown[][];
    expect(year).toEqual(
      addon.customFunction('UTILIZATION', [range('Tasks'), range('Staff'), range('TimeOff'), cell('2027-01-01'), cell('2027-12-31')]),
    );
    expect(year.at(-1)?.[1]).toBeGreaterThan(10_000);
  });

  it('takes the dates in third and fourth place when the time-off range is left out', () => {
    const week = nextWeek();
    const { tasks, staff } = crew(week);
    const { addon } = addonWith();
    const answer = addon.customFunction('UTILIZATION', [tasks, staff, week.monday, week.friday]) as unknown[][];
    expect(answer[1]).toEqual(['Ana', 40, 16, 0.4]);
  });

  it('explains missing or reversed dates and bad ranges instead of failing', () => {
    const week = nextWeek();
    const { tasks, staff } = crew(week);
    const { addon } = addonWith();
    expect(addon.customFunction('UTILIZATION', [tasks, staff, '', week.friday, week.monday])).toEqual([
      ['UTILIZATION cannot compute: 1 problem'],
      [`to (${week.monday}) is before from (${week.friday})`],
    ]);
    expect(addon.customFunction('UTILIZATION', [tasks, staff, '', 'next week'])).toEqual([
      ['UTILIZATION cannot compute: 2 problems'],
      ['from must be a date like 2026-11-21, got "next week"'],
      ['to is required: the last day to count, e.g. DATE(2026,12,31), or a period in from: "2026-12", "2026-Q4", 2027'],
    ]);
    const bad = structuredClone(tasks);
    bad[1][3] = 'lots';
    expect((addon.customFunction('UTILIZATION', [bad, staff, '', week.monday, week.friday]) as string[][])[1][0]).toBe(
      'Tasks!D2: Hours must be a number of 0 or more, got "lots"',
    );
  });
});

describe('the generated stubs', () => {
  it('carry each custom function’s JSDoc so Sheets offers it in autocomplete', () => {
    const code = builtCode();
    for (const name of ['ATTAINMENT', 'UTILIZATION']) {
      const at = code.indexOf(`function ${name}(`);
      expect(at).toBeGreaterThan(0);
      const stub = code.slice(code.lastIndexOf('/**', at), at);
      expect(stub).toContain('@customfunction');
      expect(stub).toContain('@param');
    }
  });
});
