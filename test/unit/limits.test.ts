// Every sheet value has a sane range, reported at its cell; long and huge input is read in linear
// time; work that cannot fit in the ten-year horizon is reported, not planned; part-timers plan.

import { describe, expect, it } from 'vitest';
import { dayOf, dayToIso } from '../../src/model/dates';
import { formatProblem } from '../../src/model/problems';
import { type RawWorkbook, readWorkbook } from '../../src/model/read';
import { planSchedule } from '../../src/schedule/schedule';
import { validatePlan } from '../../src/schedule/validate';
import { sampleWith } from '../support/workbook';

const TODAY = dayOf(2026, 11, 23);
const read = (raw: RawWorkbook) => readWorkbook(raw, { timeZone: 'UTC', today: TODAY });
const errors = (raw: RawWorkbook) =>
  read(raw)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

const STAFF = [
  ['Name', 'Skills', 'Hours/Week'],
  ['Ana', 'LED:3', 40],
];
const tasks = (...rows: unknown[][]) => [['Project', 'Task', 'Skills', 'Hours', 'Max Hours/Day', 'After'], ...rows];
const firm = (taskRows: unknown[][], staff: unknown[][] = STAFF): RawWorkbook => ({
  Staff: staff,
  Projects: [
    ['Project', 'Client'],
    ['P', 'C'],
  ],
  Tasks: taskRows,
});

describe('values out of their sane range are reported at their cell', () => {
  it('hours, rates, money, scope, probability and dates', () => {
    const raw = sampleWith({
      'Tasks!D20': 1e308,
      'Tasks!D21': 1_000_000,
      'Tasks!K22': 0.0001,
      'Staff!E3': 0.0001,
      'Staff!G4': 1e9,
      'Projects!O5': 1e4,
      'Projects!I9': '150%',
      'Projects!H6': 1e15,
      'Projects!F7': '1850-01-01',
      'Projects!G7': '2300-01-01',
    });
    expect(errors(raw)).toEqual(
      expect.arrayContaining([
        'Tasks!D20: Hours must be at most 100,000, got 1e+308',
        'Tasks!D21: Hours must be at most 100,000, got 1000000',
        'Tasks!K22: Max Hours/Day must be a number from 0.1 to 24, got 0.0001',
        'Staff!E3: Hours/Week must be 0 or a number from 1 to 168, got 0.0001',
        'Staff!G4: Cost Rate must be at most 1,000,000, got 1000000000',
        'Projects!O5: Scope must be at most 100, got 10000',
        'Projects!I9: Probability must be a percentage from 0% to 100%, got "150%"',
        'Projects!H6: Value must be at most 1,000,000,000,000, got 1000000000000000',
        'Projects!F7: Start must be a date between 1900 and 2200, got 1850-01-01',
        'Projects!G7: Due must be a date between 1900 and 2200, got 2300-01-01',
      ]),
    );
  });

  it('Coverage outside (0, 1), in Settings', () => {
    for (const coverage of [0, 1, '100%', 99.5]) {
      const found = errors(sampleWith({ 'Settings!B5': coverage }));
      expect(found).toEqual([
        `Settings!B5: Coverage must be a percentage above 0% up to 99%, got ${typeof coverage === 'string' ? `"${coverage}"` : coverage}`,
      ]);
    }
  });

  it('a crew larger than 100 people, in one requirement or all together', () => {
    expect(errors(firm(tasks(['P', 'Huge', 'LED:1 x400', 8])))).toEqual([
      'Tasks!C2: Skills crew size in "LED:1 x400" must be a whole number from 1 to 100',
    ]);
    expect(errors(firm(tasks(['P', 'Huge', 'LED:1 x60; Rigging x60', 8])))).toContain(
      'Tasks!C2: asks for a crew of 120 people; a task can have at most 100',
    );
  });

  it('a Skills cell of 100,000 characters is refused without being parsed', () => {
    const staff = [
      ['Name', 'Skills'],
      ['Ana', `LED${' '.repeat(50_000)}x${'9'.repeat(50_000)}`],
    ];
    expect(errors(firm(tasks(['P', 'T', 'LED', 8]), staff))).toEqual(['Staff!B2: Skills is too long (100,004 characters; at most 2,000)']);
    const longName = `${'a'.repeat(1_500)}:3`;
    expect(errors(firm(tasks(['P', 'T', longName, 8])))[0]).toMatch(
      /^Tasks!C2: Skills "a{30}…" is longer than a skill \(100 characters at most\)/,
    );
  });

  it('numbers and lists of 100,000 characters are read in linear time', () => {
    const digits = `${'1'.repeat(100_000)}x`;
    const raw = firm(tasks(['P', 'T', 'LED', digits, '', '/'.repeat(100_000)]));
    expect(errors(raw)).toEqual([
      `Tasks!D2: Hours must be a number of 0 or more, got "${'1'.repeat(37)}..."`,
      `Tasks!F2: After has a name longer than 300 characters: "${'/'.repeat(37)}..."`,
    ]);
  });
});

describe('huge sheets', () => {
  it('50,000 rows of bad cells are all reported, without overflowing the stack', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ['P', `T${i}`, 'LED:9', 'abc', 'x']);
    const found = read(firm(tasks(...rows))).problems;
    expect(found).toHaveLength(150_000);
    expect(formatProblem(found[149_999])).toBe('Tasks!E50001: Max Hours/Day must be a number from 0.1 to 24, got "x"');
  });

  it('a cycle through 3,000 tasks is shown shortened, not in 119,000 characters', () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => ['P', `T${i}`, 'LED', 1, '', `T${(i + 1) % 3_000}`]);
    const cycle = errors(firm(tasks(...rows)));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatch(/^Tasks!F2: dependency cycle: P\/T0 → P\/T2999 → .* → … 2990 more … → .* → P\/T0; remove one/);
    expect(cycle[0].length).toBeLessThan(400);
  });
});

describe('the planning horizon', () => {
  it('reports work that cannot fit in ten years instead of planning it', () => {
    const raw = firm(tasks(['P', 'Long', 'LED', 90_000], ['P', 'Slow', 'LED', 5_000, 0.5], ['P', 'Normal', 'LED', 16]));
    const { plan } = read(raw);
    const result = planSchedule(plan, { iterations: 0 });
    const byName = new Map(result.tasks.map((t) => [t.task, t]));
    expect(byName.get('Long')?.state).toBe('unstaffable');
    expect(byName.get('Long')?.why).toMatch(
      /needs 11,250 working days at 8 h a day at best: more than is left of the 10-year planning horizon \(2036-11-22\)/,
    );
    expect(byName.get('Slow')?.why).toMatch(/needs 10,000 working days at 0.5 h a day/);
    expect(byName.get('Normal')?.state).toBe('planned');
    expect(byName.get('Normal')?.end).toBe(dayOf(2026, 11, 24));
  });

  it('reports work that starts past it', () => {
    const raw = firm([
      ['Project', 'Task', 'Skills', 'Hours', 'Start'],
      ['P', 'Later', 'LED', 8, '2040-01-02'],
    ]);
    const { plan } = read(raw);
    const [later] = planSchedule(plan, { iterations: 0 }).tasks;
    expect(later.state).toBe('unstaffable');
    expect(later.why).toMatch(/cannot start before the end of the 10-year planning horizon/);
    expect(dayToIso(later.start)).toBe('2040-01-02');
  });
});

describe('part-timers and slow tasks', () => {
  const staff = [
    ['Name', 'Skills', 'Hours/Week', 'Work Days'],
    ['Quinn', 'Bookkeeping', 4, 'Mon-Fri'],
    ['Rae', 'Bookkeeping', 2, 'Mon, Thu'],
  ];

  it('someone at 4 h a week (0.8 h a day) is scheduled, and the plan is valid', () => {
    const raw = firm(tasks(['P', 'Books', 'Bookkeeping', 4], ['P', 'Taxes', 'Bookkeeping x2', 3]), staff);
    expect(errors(raw)).toEqual([]);
    const { plan } = read(raw);
    const result = planSchedule(plan, { iterations: 0 });
    for (const t of result.tasks) expect(t.state).toBe('planned');
    const books = result.tasks.find((t) => t.task === 'Books');
    expect(books?.daily.filter((h) => h > 0).every((h) => h <= 0.8 + 1e-9)).toBe(true);
    expect(validatePlan(plan, result.tasks)).toEqual([]);
  });

  it('a task capped at 0.5 h a day is planned, half an hour each working day', () => {
    const raw = firm(tasks(['P', 'Standup notes', 'LED', 2, 0.5]));
    const { plan } = read(raw);
    const [notes] = planSchedule(plan, { iterations: 0 }).tasks;
    expect(notes.state).toBe('planned');
    expect(notes.daily).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(validatePlan(plan, planSchedule(plan, { iterations: 0 }).tasks)).toEqual([]);
  });
});
