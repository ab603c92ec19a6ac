// The preview's example tabs: one per custom function, each named like an ordinary sheet
// ("Examples – ASSIGN"), with a line saying what it shows, any inputs it needs, and the formula,
// whose answer spills below it.

import { addDays, type Day, dayToDate } from '../src/model/dates';
import type { FakeSpreadsheet, Value } from './gas/spreadsheet';

interface Example {
  name: string;
  note: string;
  /** Rows of inputs under the note (dates as days), from row 3. */
  inputs?: (string | number | { day: Day })[][];
  /** Where the formula goes, 1-based. */
  at: { row: number; column: number };
  formula: string;
}

/** "Examples – ASSIGN": the tab showing that function. */
export const exampleTab = (name: string) => `Examples – ${name}`;

/** The examples for a workbook planning from `planStart`. */
function examples(planStart: Day): Example[] {
  const day = (offset: number) => ({ day: addDays(planStart, offset) });
  return [
    {
      name: 'ASSIGN',
      note: 'Who does each open task and when, with the reason (plan start from Settings!B2).',
      at: { row: 3, column: 1 },
      formula: '=ASSIGN(Tasks!A:R, Staff!A:K, Projects!A:P, TimeOff!A:E, Settings!B2)',
    },
    {
      name: 'ATTAINMENT',
      note: 'Quota attainment as of today: actual, pace, projection and status per Quotas row.',
      at: { row: 3, column: 1 },
      formula: '=ATTAINMENT(Quotas!A:D, Projects!A:P)',
    },
    {
      name: 'BUDGETRANGE',
      note: 'Cost and price ranges (P10 / P50 / P90) per project.',
      at: { row: 3, column: 1 },
      formula: '=BUDGETRANGE(Tasks!A:R, Staff!A:K, Costs!A:G, Projects!A:P)',
    },
    {
      name: 'CLIENTVIEW',
      note: 'Exactly what Helios Energy’s copy shows: their projects, tasks, who and when, their contacts.',
      at: { row: 3, column: 1 },
      formula: '=CLIENTVIEW("Helios Energy", Projects!A:P, Tasks!A:R, Staff!A:K)',
    },
    {
      name: 'ESTIMATE',
      note: 'A 40-hour estimate, calibrated on the firm’s finished tasks (Hours vs Actual Hours).',
      at: { row: 3, column: 1 },
      formula: '=ESTIMATE(40, Tasks!D2:D18, Tasks!N2:N18)',
    },
    {
      name: 'GANTT',
      note: 'Bars in your own layout: 1 under each date a task covers. Colour them with conditional formatting (=D4=1).',
      inputs: [
        ['Task', 'Start', 'End', ...Array.from({ length: 21 }, (_, i) => day(i))],
        ['Design', day(0), day(4)],
        ['Build', day(5), day(11)],
        ['Install', day(14), day(16)],
      ],
      at: { row: 4, column: 4 },
      formula: '=GANTT(B4:B6, C4:C6, D3:X3)',
    },
    {
      name: 'SKILLMATCH',
      note: 'How well each person covers "LED:3 x2; Rigging:3" (one number per Staff row).',
      at: { row: 3, column: 1 },
      formula: '=SKILLMATCH("LED:3 x2; Rigging:3", Staff!D2:D16)',
    },
    {
      name: 'STAFFING',
      note: 'The team changes that would help the plan most: whom to train, what to hire.',
      at: { row: 3, column: 1 },
      formula: '=STAFFING(Tasks!A:R, Staff!A:K, Projects!A:P, TimeOff!A:E, Settings!B2)',
    },
    {
      name: 'UTILIZATION',
      note: 'Each person’s planned hours against their working hours, from the plan start (B3) for four weeks (B4).',
      inputs: [
        ['From', day(0)],
        ['To', day(27)],
      ],
      at: { row: 6, column: 1 },
      formula: '=UTILIZATION(Tasks!A:R, Staff!A:K, TimeOff!A:E, B3, B4)',
    },
  ];
}

/** Adds the example tabs after the workbook's sheets; their formulas are left to recalculate. */
export function addExamples(ss: FakeSpreadsheet, planStart: Day): void {
  for (const example of examples(planStart)) {
    const inputs = (example.inputs ?? []).map((row) => row.map((v): Value => (typeof v === 'object' ? dayToDate(v.day, ss.timeZone) : v)));
    const sheet = ss.load(exampleTab(example.name), [[example.note], [], ...inputs]);
    const dates = inputs.flatMap((row, r) => row.flatMap((v, c) => (v instanceof Date ? [[r + 3, c + 1]] : [])));
    for (const [row, column] of dates) sheet.edit(row, column).numberFormat = 'd mmm';
    sheet.edit(example.at.row, example.at.column).formula = example.formula;
  }
}
