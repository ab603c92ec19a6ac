// Hostile and huge input through the built bundle, as Sheets calls the custom functions: every case
// answers something Sheets can show — a rectangle of plain values, or a readable message column.

import { describe, expect, it } from 'vitest';
import { addonWith } from '../support/addon';

type Answer = unknown[][];

/** What Sheets can show: a rectangle of finite numbers, valid dates, booleans and text within a cell's limit. */
function expectShowable(answer: unknown): void {
  const rows = Array.isArray(answer) ? (answer as unknown[][]) : [[answer]];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const row of rows) {
    expect(row).toHaveLength(width);
    for (const cell of row) {
      if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
      else if (cell instanceof Date) expect(Number.isFinite(cell.getTime())).toBe(true);
      else if (typeof cell === 'string') expect(cell.length).toBeLessThanOrEqual(50_000);
      else expect(typeof cell).toBe('boolean');
    }
  }
}

const STAFF = [
  ['Name', 'Skills', 'Hours/Week'],
  ['Ana', 'LED:3', 40],
  ['Ben', 'Rigging:2', 40],
];

describe('the guard around every custom function', () => {
  it('turns an exception into a readable message column', () => {
    const { addon } = addonWith();
    const exploding = new Proxy([], {
      get() {
        throw new Error('boom');
      },
    });
    const answer = addon.customFunction('ESTIMATE', [exploding, [[10]], [[12]]]) as Answer;
    expect(answer).toEqual([['ESTIMATE could not finish'], ['boom']]);
  });

  it('answers a rectangle even when some rows are messages', () => {
    const { addon } = addonWith();
    const at = (iso: string) => new Date(`${iso}T05:00:00Z`);
    const header = [[at('2027-01-04'), at('2027-01-05'), at('2027-01-06')]];
    const answer = addon.customFunction('GANTT', [[[at('2027-01-04')], ['soon']], [[at('2027-01-05')], [at('2027-01-05')]], header]);
    expect(answer).toEqual([
      [1, 1, ''],
      ['GANTT: row 2: start and end must be dates', '', ''],
    ]);
    expectShowable(answer);
  });

  it('summarises a long list of problems in a bounded number of rows', () => {
    const { addon } = addonWith();
    const tasks = [['Project', 'Task', 'Skills', 'Hours'], ...Array.from({ length: 200 }, (_, i) => ['P', `T${i}`, 'LED:1', 'lots'])];
    const answer = addon.customFunction('ASSIGN', [tasks, STAFF]) as Answer;
    expect(answer[0][0]).toMatch(/^ASSIGN cannot plan: 200 problems/);
    expect(answer).toHaveLength(31);
    expect(answer[30][0]).toBe('and 171 more');
  });
});

describe('dates in a time zone whose clocks skip midnight (Santiago, DST from Sunday 2022-09-11)', () => {
  const zone = 'America/Santiago';
  const dayIn = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);

  it('ASSIGN answers that day, not 23:00 the day before', () => {
    const { addon } = addonWith({}, zone);
    const staff = [
      ['Name', 'Skills', 'Work Days', 'Hours/Week'],
      ['Ana', 'LED', 'Mon-Sun', 56],
    ];
    const tasks = [
      ['Project', 'Task', 'Skills', 'Hours'],
      ['P', 'Sunday job', 'LED', 8],
    ];
    const planStart = new Date('2022-09-11T04:00:00Z'); // 01:00 in Santiago: the first instant of that day
    const answer = addon.customFunction('ASSIGN', [tasks, staff, '', '', planStart]) as Answer;
    const row = answer.find((r) => r[1] === 'Sunday job') as unknown[];
    expect(dayIn(row[3] as Date)).toBe('2022-09-11');
    expect(dayIn(row[4] as Date)).toBe('2022-09-11');
  });

  it('an output sheet holds that day', () => {
    const { ss, addon } = addonWith({}, zone);
    addon.run('writeOutputs', [[{ name: 'Schedule', values: [[{ date: '2022-09-11' }, { date: '2022-09-12' }]] }]]);
    const [sunday, monday] = ss.sheets[0].peek()[0] as Date[];
    expect([dayIn(sunday), dayIn(monday)]).toEqual(['2022-09-11', '2022-09-12']);
  });
});

describe('ranges and arguments as users pass them', () => {
  const TASKS = [
    ['Project', 'Task', 'Skills', 'Hours'],
    ['P', 'Rig', 'LED', 8],
  ];

  it('a required range left out is named', () => {
    const { addon } = addonWith();
    expect(addon.customFunction('ASSIGN', [TASKS])).toEqual([
      ['ASSIGN cannot plan: 1 problem'],
      ['staff is required: pass the Staff table with its header row, e.g. Staff!A1:K200'],
    ]);
  });

  it('ranges swapped are recognised for what they are', () => {
    const { addon } = addonWith();
    expect(addon.customFunction('ASSIGN', [STAFF, TASKS])).toEqual([
      ['ASSIGN cannot plan: 2 problems'],
      ['tasks looks like the Staff table (Name, Skills, Hours/Week); pass the Tasks table here, e.g. Tasks!A1:T200'],
      ['staff looks like the Tasks table (Project, Task, Skills, Hours); pass the Staff table here, e.g. Staff!A1:K200'],
    ]);
  });

  it('dates typed as text in the spreadsheet’s locale are read (12/14/2026 in en_US)', () => {
    const { addon } = addonWith();
    const answer = addon.customFunction('UTILIZATION', [TASKS, STAFF, '', '12/1/2026', '12/14/2026']) as Answer;
    expect(answer[0]).toEqual(['Name', 'Capacity', 'Scheduled', 'Utilization %']);
    expect(answer.find((r) => r[0] === 'Ana')?.[1]).toBe(80); // ten working days, 1–14 December
  });
});
