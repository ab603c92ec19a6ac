import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { type BaselineRow, readBaseline } from '../../src/model/baseline';
import { dayToIso } from '../../src/model/dates';
import type { Grid } from '../../src/model/read';
import type { ReplanMode } from '../../src/model/settings';
import { type PlannedTask, planSchedule, type ScheduleResult } from '../../src/schedule/schedule';
import { assignTable } from '../../src/schedule/sheet';
import { validatePlan } from '../../src/schedule/validate';
import { read, sample } from '../support/workbook';

type Raw = Record<string, unknown[][]>;

function published(result: ScheduleResult): BaselineRow[] {
  const { rows, problems } = readBaseline(assignTable(result) as Grid, 'Baseline', 'UTC');
  expect(problems).toEqual([]);
  return rows;
}

function planOf(raw: Raw, options: { baseline?: BaselineRow[]; replanMode?: ReplanMode } = {}) {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const result = planSchedule(plan, options);
  expect(validatePlan(plan, result.tasks)).toEqual([]);
  return result;
}

const row = (t: PlannedTask) => [t.key, t.crew.map((c) => c.name).join(', '), dayToIso(t.start), dayToIso(t.end)].join(' | ');
const rows = (r: ScheduleResult) => r.tasks.map(row);

/** Tasks in both plans with other people or another start day. */
function moved(before: ScheduleResult, after: ScheduleResult): string[] {
  const was = new Map(before.tasks.map((t) => [t.key, t]));
  return after.tasks
    .filter((t) => {
      const b = was.get(t.key);
      const people = (x: PlannedTask) =>
        x.crew
          .map((c) => c.name)
          .sort()
          .join(',');
      return b && (people(b) !== people(t) || b.start !== t.start);
    })
    .map((t) => t.key);
}

describe('re-planning an unchanged workbook against its own plan', () => {
  it.each(['Keep', 'Balanced'] as const)('gives the sample firm its plan back, row for row (%s)', (mode) => {
    const first = planOf(sample());
    const again = planOf(sample(), { baseline: published(first), replanMode: mode });
    expect(rows(again)).toEqual(rows(first));
  });

  it.each([3, 7, 11, 19])('gives a generated firm its plan back, row for row (seed %i)', (seed) => {
    const raw = generateFirm({ staff: 12, tasks: 80, months: 3, seed }) as Raw;
    const first = planOf(raw);
    expect(rows(planOf(raw, { baseline: published(first) }))).toEqual(rows(first));
  });

  // Firms whose plans share people's days in patterns no booking order gives back (a long task on a
  // few hours a day beside others): read back from the sheet, every task keeps its days.
  it.each([
    [18, 'Keep'],
    [18, 'Balanced'],
    [19, 'Keep'],
    [19, 'Balanced'],
  ] as const)('gives a busier generated firm its plan back, row for row (seed %i, %s)', (seed, mode) => {
    const raw = generateFirm({ staff: 15, tasks: 120, months: 3, seed }) as Raw;
    const first = planOf(raw);
    expect(rows(planOf(raw, { baseline: published(first), replanMode: mode }))).toEqual(rows(first));
  });

  it('Free plans afresh, as without a baseline', () => {
    const first = planOf(sample());
    expect(rows(planOf(sample(), { baseline: published(first), replanMode: 'Free' }))).toEqual(rows(first));
  });
});

describe('a small change moves only what it must', () => {
  it.each([2, 5, 6])('a day off for someone on published work moves a few tasks, not a reshuffle (seed %i)', (seed) => {
    const raw = generateFirm({ staff: 15, tasks: 120, months: 3, seed }) as Raw;
    const first = planOf(raw);
    const busy = first.tasks.find((t) => t.crew.length && t.daily[0] > 0 && t.start > first.planStart + 7) as PlannedTask;
    raw.TimeOff.push([busy.crew[0].name, dayToIso(busy.start), dayToIso(busy.start), '', 'Sick']);
    const replanned = planOf(raw, { baseline: published(first) });
    expect(moved(first, replanned)).toContain(busy.key);
    expect(moved(first, replanned).length).toBeLessThanOrEqual(first.tasks.length / 10);
  });
});

/** Two LED jobs for two LED technicians, Ana and Bo, from Monday 4 January 2027. */
function twoJobs(urgentPriority: number, settings: unknown[][] = []): Raw {
  return {
    Staff: [
      ['Name', 'Skills'],
      ['Ana', 'LED:2'],
      ['Bo', 'LED:2'],
    ],
    Projects: [
      ['Project', 'Client', 'Priority', 'Due'],
      ['Launch', 'Acme', urgentPriority, '2027-01-05'],
      ['Refit', 'Zenith', 5, '2027-01-29'],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours'],
      ['Launch', 'Screens', 'LED:1', 16],
      ['Refit', 'Panels', 'LED:1', 16],
    ],
    Settings: [['Key', 'Value'], ['Plan Start', '2027-01-04'], ...settings],
  };
}

/** The plan as published: Screens by Ana, Panels by Bo, both Monday and Tuesday. */
const PUBLISHED: Grid = [
  ['Project', 'Task', 'Assignee', 'Start', 'End'],
  ['Launch', 'Screens', 'Ana', '2027-01-04', '2027-01-05'],
  ['Refit', 'Panels', 'Bo', '2027-01-04', '2027-01-05'],
];
const ANA_OFF = [
  ['Name', 'From', 'To'],
  ['Ana', '2027-01-04', '2027-01-05'],
];

function replanned(raw: Raw, mode: ReplanMode): Record<string, string> {
  const { rows: baseline } = readBaseline(PUBLISHED, 'Baseline', 'UTC');
  const result = planOf({ ...raw, TimeOff: ANA_OFF }, { baseline, replanMode: mode });
  return Object.fromEntries(result.tasks.map((t) => [t.task, `${t.crew[0]?.name} ${dayToIso(t.start)}`]));
}

describe('Replan modes and the freeze window', () => {
  it('Balanced moves other published work when that saves more lateness than the move costs', () => {
    // Screens (priority 1, due Tuesday) loses Ana; giving it Bo and Panels (due in weeks) to Ana later
    // saves a day late at priority 1 for one more move.
    const plan = replanned(twoJobs(1, [['Freeze Days', 0]]), 'Balanced');
    expect(plan).toEqual({ Screens: 'Bo 2027-01-04', Panels: 'Ana 2027-01-06' });
  });

  it('Balanced leaves the other work alone when the saving is worth less than the move', () => {
    const plan = replanned(twoJobs(5, [['Freeze Days', 0]]), 'Balanced');
    expect(plan.Panels).toBe('Bo 2027-01-04');
  });

  it('Keep moves only what the change forces', () => {
    const plan = replanned(twoJobs(1, [['Freeze Days', 0]]), 'Keep');
    expect(plan.Panels).toBe('Bo 2027-01-04');
    expect(plan.Screens).not.toBe('Ana 2027-01-04');
  });

  it('work starting inside the freeze window stays put unless it has become impossible', () => {
    const plan = replanned(twoJobs(1), 'Balanced');
    expect(plan.Panels).toBe('Bo 2027-01-04');
    expect(plan.Screens).toBe('Ana 2027-01-06');
  });
});

describe('someone stepping in', () => {
  it('gives a task whose person is off to someone free those days, so it and what waits for it keep their days', () => {
    // Wiring waits for Screens and shares Bo's Wednesday with Cables: were Screens to lose its days,
    // Wiring would come after Cables and lose its Wednesday too.
    const raw: Raw = {
      Staff: [
        ['Name', 'Skills'],
        ['Ana', 'LED:2'],
        ['Bo', 'LED:2'],
        ['Cy', 'LED:2'],
      ],
      Projects: [
        ['Project', 'Client', 'Due'],
        ['Launch', 'Acme', '2027-01-29'],
      ],
      Tasks: [
        ['Project', 'Task', 'Skills', 'Hours', 'Max Hours/Day', 'After'],
        ['Launch', 'Screens', 'LED:1', 16, '', ''],
        ['Launch', 'Wiring', 'LED:1', 4, 4, 'Screens'],
        ['Launch', 'Cables', 'LED:1', 12, '', ''],
      ],
      Settings: [
        ['Key', 'Value'],
        ['Plan Start', '2027-01-04'],
        ['Freeze Days', 0],
      ],
    };
    const published: Grid = [
      ['Project', 'Task', 'Assignee', 'Start', 'End'],
      ['Launch', 'Screens', 'Ana', '2027-01-04', '2027-01-05'],
      ['Launch', 'Wiring', 'Bo', '2027-01-06', '2027-01-06'],
      ['Launch', 'Cables', 'Bo', '2027-01-06', '2027-01-07'],
    ];
    const { rows: baseline } = readBaseline(published, 'Baseline', 'UTC');
    for (const mode of ['Keep', 'Balanced'] as const) {
      const result = planOf({ ...raw, TimeOff: ANA_OFF }, { baseline, replanMode: mode });
      const shown = Object.fromEntries(result.tasks.map((t) => [t.task, `${t.crew.map((c) => c.name).join()} ${dayToIso(t.start)}`]));
      expect(shown).toEqual({ Screens: 'Bo 2027-01-04', Wiring: 'Bo 2027-01-06', Cables: 'Bo 2027-01-06' });
      expect(result.terms.moved).toBe(1);
    }
  });
});

describe('reading a baseline', () => {
  it('needs Project, Task, Assignee and Start headers, and addresses bad cells', () => {
    expect(
      readBaseline([['Project', 'Task', 'Start']], 'baseline', 'UTC').problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`),
    ).toEqual(['baseline!D1: missing column "Assignee"; add a header named "Assignee"']);
    const bad = readBaseline(
      [
        ['Project', 'Task', 'Assignee', 'Start'],
        ['Launch', 'Screens', 'Ana', 'soon'],
      ],
      'baseline',
      'UTC',
    );
    expect(bad.problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`)).toEqual([
      'baseline!D2: Start must be a date like 2026-11-21, got "soon"',
    ]);
  });

  it('work the baseline started before the plan start goes on, and does not count as moved', () => {
    const raw = twoJobs(3);
    const { rows: baseline } = readBaseline(
      [
        ['Project', 'Task', 'Assignee', 'Start', 'End'],
        ['Launch', 'Screens', 'Bo', '2026-12-30', '2027-01-04'],
        ['Refit', 'Panels', 'Ana', '2027-01-04', '2027-01-05'],
      ],
      'Baseline',
      'UTC',
    );
    const result = planOf(raw, { baseline, replanMode: 'Balanced' });
    expect(result.terms.moved).toBe(0);
    expect(Object.fromEntries(result.tasks.map((t) => [t.task, t.crew[0].name]))).toEqual({ Screens: 'Bo', Panels: 'Ana' });
  });
});
