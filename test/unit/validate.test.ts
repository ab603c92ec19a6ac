// The plan validator, one rule at a time: for each hard rule a plan that breaks it (the rule fires)
// and a near miss that keeps it (the rule holds), as Timefold's ConstraintVerifier tests constraints.
// Plans here are written by hand, not by the planner, so each case says exactly what it tests.

import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/model/dates';
import type { PlannedTask } from '../../src/schedule/schedule';
import { type Rule, violations } from '../../src/schedule/validate';
import { read } from '../support/workbook';

const day = (iso: string) => isoToDay(iso) as number;

/** A small firm planned from Mon 4 Jan 2027: Ana and Bo (LED, Rigging), Cy (Audio, part-time). */
function firm(tasks: unknown[][], extra: Record<string, unknown[][]> = {}) {
  const raw = {
    Staff: [
      ['Name', 'Skills', 'Hours/Week', 'Start Date', 'End Date'],
      ['Ana', 'LED:4, Rigging:2', 40],
      ['Bo', 'LED:2, Rigging:3', 40],
      ['Cy', 'Audio:3', 20],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Type', 'Scope'],
      ['Booth', 'Acme', 'Active'],
    ],
    Tasks: [
      [
        'Project',
        'Task',
        'Skills',
        'Hours',
        'After',
        'Assignee',
        'Start',
        'Due',
        'Max Hours/Day',
        'Status',
        '% Done',
        'Actual Hours',
        'Scales',
      ],
      ...tasks,
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
    ],
    ...extra,
  };
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return plan;
}

/** A task worked by `crew` from `start`, `daily` hours a day. */
function worked(task: string, crew: string[], start: string, daily: number[], extra: Partial<PlannedTask> = {}): PlannedTask {
  return {
    key: `Booth/${task}`,
    project: 'Booth',
    client: 'Acme',
    task,
    state: 'planned',
    tentative: false,
    crew: crew.map((name) => ({ name, slot: '', level: 0 })),
    start: day(start),
    end: day(start) + daily.length - 1,
    hours: daily.reduce((a, b) => a + b, 0),
    daily,
    lateDays: 0,
    why: '',
    source: { sheet: 'Tasks', row: 2 },
    ...extra,
  };
}

function milestone(task: string, on: string, extra: Partial<PlannedTask> = {}): PlannedTask {
  return { ...worked(task, [], on, []), state: 'milestone', end: day(on), hours: 0, ...extra };
}

function unstaffable(task: string, extra: Partial<PlannedTask> = {}): PlannedTask {
  return { ...worked(task, [], '2027-01-04', []), state: 'unstaffable', end: day('2027-01-04'), hours: 0, ...extra };
}

const fired = (plan: ReturnType<typeof firm>, tasks: PlannedTask[]): Rule[] => [...new Set(violations(plan, tasks).map((v) => v.rule))];

const WALL = ['Booth', 'Wall', 'LED:2', 8];

describe('known task: every task in the plan is open work of the sheets', () => {
  const plan = firm([WALL, ['Booth', 'Old', 'LED:2', 8, '', '', '', '', '', 'Done']]);
  it('fires for a done task, or one the sheets do not have', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), worked('Old', ['Bo'], '2027-01-05', [8])])).toEqual(['known task']);
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), worked('Made up', ['Bo'], '2027-01-05', [8])])).toEqual(['known task']);
  });
  it('holds when only open work is planned', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8])])).toEqual([]);
  });
});

describe('listed once', () => {
  const plan = firm([WALL]);
  it('fires when a task is listed twice', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), worked('Wall', ['Ana'], '2027-01-04', [8])])).toContain('listed once');
  });
  it('holds when each task is listed once', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8])])).toEqual([]);
  });
});

describe('every open task: nothing dropped, template projects included', () => {
  const plan = firm([WALL, ['Booth', 'Truss', 'Rigging:2', 8]], {
    Projects: [
      ['Project', 'Client', 'Status', 'Type'],
      ['Booth', 'Acme', 'Active'],
      ['Refresh', 'Acme', 'Active', 'AV Refresh'],
    ],
    Templates: [
      ['Type', 'Task', 'Skills', 'Hours'],
      ['AV Refresh', 'Survey', 'Audio:1', 4],
    ],
  });
  const survey = { ...worked('Survey', ['Cy'], '2027-01-04', [4]), key: 'Refresh/Survey', project: 'Refresh' };
  it('fires when a task, or a project planned from its template, is left out', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), survey])).toEqual(['every open task']);
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), worked('Truss', ['Ana'], '2027-01-04', [8])])).toEqual([
      'every open task',
    ]);
  });
  it('holds when every open task is there', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), worked('Truss', ['Ana'], '2027-01-04', [8]), survey])).toEqual([]);
  });
});

describe('state: milestones, work in progress and proposals as the rows say', () => {
  const plan = firm([WALL, ['Booth', 'Ready', '', 0, 'Wall']]);
  it('fires when work with hours is passed off as a milestone, or committed work as tentative', () => {
    expect(fired(plan, [milestone('Wall', '2027-01-04'), milestone('Ready', '2027-01-04')])).toContain('state');
    const tentative = { ...worked('Wall', ['Bo'], '2027-01-04', [8]), tentative: true };
    expect(fired(plan, [tentative, milestone('Ready', '2027-01-04')])).toEqual(['state']);
  });
  it('holds for a 0-hour task shown as a milestone', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8]), milestone('Ready', '2027-01-04')])).toEqual([]);
  });
});

describe('hours: what each open task still needs, per person', () => {
  it('fires for a 60-hour task booked as 1 hour', () => {
    const plan = firm([['Booth', 'Wall', 'LED:2', 60]]);
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [1])])).toEqual(['hours']);
  });
  it('holds for a 60-hour task booked in full', () => {
    const plan = firm([['Booth', 'Wall', 'LED:2', 60]]);
    const days = [8, 8, 8, 8, 8, 0, 0, 8, 8, 4];
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', days)])).toEqual([]);
  });
  it('counts % Done, else Actual Hours, for work in progress', () => {
    const plan = firm([
      ['Booth', 'Wall', 'LED:2', 40, '', 'Bo', '', '', '', 'In Progress', '75%'],
      ['Booth', 'Truss', 'Rigging:2', 40, '', 'Ana', '', '', '', 'In Progress', '', 36],
    ]);
    const inProgress = (t: PlannedTask) => ({ ...t, state: 'in progress' as const });
    const right = [inProgress(worked('Wall', ['Bo'], '2027-01-04', [8, 2])), inProgress(worked('Truss', ['Ana'], '2027-01-04', [4]))];
    expect(fired(plan, right)).toEqual([]);
    const whole = [inProgress(worked('Wall', ['Bo'], '2027-01-04', [8, 8, 8, 8, 8])), right[1]];
    expect(fired(plan, whole)).toEqual(['hours']);
  });
  it('scales by the project’s Scope only the work marked Scales, templates included', () => {
    const plan = firm([], {
      Projects: [
        ['Project', 'Client', 'Status', 'Type', 'Scope'],
        ['Refresh', 'Acme', 'Active', 'AV Refresh', 0.5],
      ],
      Templates: [
        ['Type', 'Task', 'Skills', 'Hours', 'Scales'],
        ['AV Refresh', 'Install', 'LED:2', 16, 'yes'],
        ['AV Refresh', 'Survey', 'Rigging:2', 4, 'no'],
      ],
    });
    const at = (t: PlannedTask) => ({ ...t, key: `Refresh/${t.task}`, project: 'Refresh' });
    const survey = at(worked('Survey', ['Bo'], '2027-01-04', [4]));
    expect(fired(plan, [at(worked('Install', ['Ana'], '2027-01-04', [8])), survey])).toEqual([]);
    expect(fired(plan, [at(worked('Install', ['Ana'], '2027-01-04', [8, 8])), survey])).toEqual(['hours']);
  });
});

describe('unstaffable: only when no qualified crew could do it', () => {
  it('fires for a task reported impossible to staff while Bo is free', () => {
    const plan = firm([WALL]);
    const errors = violations(plan, [unstaffable('Wall')]);
    expect(errors.map((e) => e.rule)).toEqual(['unstaffable']);
    expect(errors[0].message).toBe('Booth/Wall: reported as impossible to staff, but Ana could do it from 2027-01-04 to 2027-01-04');
  });
  it('holds when nobody has the skill, the crew needs more people than qualify, or the pinned person has left', () => {
    const plan = firm(
      [
        ['Booth', 'Pyro', 'Pyrotechnics:2', 8],
        ['Booth', 'Big wall', 'LED:2 x3', 8],
        ['Booth', 'Sound', 'Audio:1', 8, '', 'Cy'],
      ],
      {
        Staff: [
          ['Name', 'Skills', 'Hours/Week', 'End Date'],
          ['Ana', 'LED:4, Rigging:2', 40],
          ['Bo', 'LED:2, Rigging:3', 40],
          ['Cy', 'Audio:3', 20, '2026-12-31'],
          ['Dee', 'Audio:3', 40],
        ],
      },
    );
    expect(fired(plan, [unstaffable('Pyro'), unstaffable('Big wall'), unstaffable('Sound')])).toEqual([]);
  });
  it('holds for work after a task that cannot be staffed', () => {
    const plan = firm([
      ['Booth', 'Pyro', 'Pyrotechnics:2', 8],
      ['Booth', 'Show', 'LED:2', 8, 'Pyro'],
    ]);
    expect(fired(plan, [unstaffable('Pyro'), unstaffable('Show')])).toEqual([]);
  });
});

describe('crew: Staff members, distinct, each filling a requirement at its level', () => {
  const plan = firm([['Booth', 'Wall', 'LED:3; Rigging:3', 4]]);
  it('fires for someone below the level, someone twice, a crew too small, or a name not on Staff', () => {
    expect(fired(plan, [worked('Wall', ['Bo', 'Cy'], '2027-01-04', [4])])).toEqual(['crew']);
    expect(fired(plan, [worked('Wall', ['Bo', 'Bo'], '2027-01-04', [4])])).toContain('crew');
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [4])])).toEqual(['crew']);
    expect(fired(plan, [worked('Wall', ['Ana', 'Zed'], '2027-01-04', [4])])).toContain('crew');
  });
  it('holds for Ana on LED:3 and Bo on Rigging:3, whatever order they are listed in', () => {
    expect(fired(plan, [worked('Wall', ['Bo', 'Ana'], '2027-01-04', [4])])).toEqual([]);
  });
});

describe('pins: everyone pinned in Tasks is on the crew', () => {
  const plan = firm([['Booth', 'Wall', 'LED:2', 8, '', 'Ana']]);
  it('fires when the pinned person is replaced', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8])])).toEqual(['pins']);
  });
  it('holds when the pinned person does it', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-04', [8])])).toEqual([]);
  });
});

describe('span: the hours run from the start day to the end day', () => {
  const plan = firm([['Booth', 'Wall', 'LED:2', 16]]);
  it('fires when the dates and the hours disagree', () => {
    expect(fired(plan, [{ ...worked('Wall', ['Bo'], '2027-01-04', [8, 8]), end: day('2027-01-06') }])).toEqual(['span']);
  });
  it('holds when they agree', () => {
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-04', [8, 8])])).toEqual([]);
  });
});

describe('days off: work only on days the whole crew works (work days, time off, holidays, start and end dates)', () => {
  const holiday = {
    TimeOff: [
      ['Name', 'From'],
      ['All', '2027-01-05'],
      ['Bo', '2027-01-07'],
    ],
  };
  const plan = firm([['Booth', 'Wall', 'LED:2', 16]], holiday);
  it('fires for work on a company holiday, a person’s day off, or a weekend (where they have no hours either)', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-04', [8, 8])])).toContain('days off');
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-06', [8, 8])])).toContain('days off');
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-08', [8, 8])])).toContain('days off');
  });
  it('holds when the task pauses over them', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-04', [8, 0, 8])])).toEqual([]);
    expect(fired(plan, [worked('Wall', ['Bo'], '2027-01-06', [8, 0, 8])])).toEqual([]);
  });
});

describe('no idle days: a task does not stop while its whole crew works', () => {
  const plan = firm([['Booth', 'Wall', 'LED:2', 16]]);
  it('fires for an empty working day inside the task', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-04', [8, 0, 8])])).toEqual(['no idle days']);
  });
  it('holds for an empty weekend inside it', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-08', [8, 0, 0, 8])])).toEqual([]);
  });
});

describe('max hours per day', () => {
  const plan = firm([['Booth', 'Truck', 'Rigging:1', 6, '', '', '', '', 3]]);
  it('fires above Max Hours/Day', () => {
    expect(fired(plan, [worked('Truck', ['Bo'], '2027-01-04', [6])])).toEqual(['max hours per day']);
  });
  it('holds at it', () => {
    expect(fired(plan, [worked('Truck', ['Bo'], '2027-01-04', [3, 3])])).toEqual([]);
  });
});

describe('capacity: nobody works beyond their hours on a day (part-time and partial days off included)', () => {
  const plan = firm([WALL, ['Booth', 'Truss', 'Rigging:2', 8], ['Booth', 'Mix', 'Audio:1', 8]], {
    TimeOff: [
      ['Name', 'From', 'Hours/Day'],
      ['Ana', '2027-01-04', 4],
    ],
  });
  it('fires for two full tasks on one day, a part-timer’s full day, or a partial day off booked full', () => {
    expect(
      fired(plan, [
        worked('Wall', ['Bo'], '2027-01-05', [8]),
        worked('Truss', ['Bo'], '2027-01-05', [8]),
        worked('Mix', ['Cy'], '2027-01-05', [4, 4]),
      ]),
    ).toEqual(['capacity']);
    expect(
      fired(plan, [
        worked('Wall', ['Bo'], '2027-01-05', [8]),
        worked('Truss', ['Ana'], '2027-01-05', [8]),
        worked('Mix', ['Cy'], '2027-01-05', [8]),
      ]),
    ).toEqual(['capacity']);
    expect(
      fired(plan, [
        worked('Wall', ['Ana'], '2027-01-04', [8]),
        worked('Truss', ['Bo'], '2027-01-04', [8]),
        worked('Mix', ['Cy'], '2027-01-04', [4, 4]),
      ]),
    ).toEqual(['capacity']);
  });
  it('holds for two half days, a part-timer’s four hours, and a partial day off respected', () => {
    expect(
      fired(plan, [
        worked('Wall', ['Bo'], '2027-01-05', [4, 4]),
        worked('Truss', ['Bo'], '2027-01-05', [4, 4]),
        worked('Mix', ['Cy'], '2027-01-05', [4, 4]),
      ]),
    ).toEqual([]);
    expect(
      fired(plan, [
        worked('Wall', ['Ana'], '2027-01-04', [4, 4]),
        worked('Truss', ['Bo'], '2027-01-04', [8]),
        worked('Mix', ['Cy'], '2027-01-04', [4, 4]),
      ]),
    ).toEqual([]);
  });
});

describe('earliest start: not before the plan start, the task’s Start or the project’s', () => {
  const plan = firm([
    ['Booth', 'Wall', 'LED:2', 8, '', '', '2027-01-06'],
    ['Booth', 'Cabling', 'Rigging:2', 16, '', 'Bo', '2027-01-11', '', '', 'In Progress', '50%'],
  ]);
  const cabling = { ...worked('Cabling', ['Bo'], '2027-01-04', [8]), state: 'in progress' as const };
  it('fires for a start before the task’s Start, or before the plan start', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-05', [8]), cabling])).toEqual(['earliest start']);
    expect(
      fired(plan, [worked('Wall', ['Ana'], '2027-01-06', [8]), { ...cabling, start: day('2027-01-01'), end: day('2027-01-01') }]),
    ).toContain('earliest start');
  });
  it('holds from the task’s Start; work in progress goes on from the plan start', () => {
    expect(fired(plan, [worked('Wall', ['Ana'], '2027-01-06', [8]), cabling])).toEqual([]);
  });
});

describe('dependencies: a task starts after what it comes after is done, across projects too', () => {
  const plan = firm([
    WALL,
    ['Booth', 'Focus', 'LED:2', 8, 'Wall'],
    ['Booth', 'Ready', '', 0, 'Wall'],
    ['Booth', 'Show', 'Rigging:1', 8, 'Ready'],
  ]);
  const base = [worked('Wall', ['Bo'], '2027-01-04', [8]), milestone('Ready', '2027-01-04')];
  it('fires when a task starts the day its predecessor ends, or right on a milestone that closes that day', () => {
    expect(fired(plan, [...base, worked('Focus', ['Ana'], '2027-01-04', [8]), worked('Show', ['Ana'], '2027-01-05', [8])])).toEqual([
      'dependencies',
    ]);
    expect(fired(plan, [...base, worked('Focus', ['Ana'], '2027-01-05', [8]), worked('Show', ['Bo'], '2027-01-04', [8])])).toContain(
      'dependencies',
    );
  });
  it('fires for work planned after a task that cannot be staffed, as if it were done', () => {
    const blocked = firm([
      ['Booth', 'Pyro', 'Pyrotechnics:2', 8],
      ['Booth', 'Show', 'LED:2', 8, 'Pyro'],
    ]);
    expect(fired(blocked, [unstaffable('Pyro'), worked('Show', ['Bo'], '2027-01-05', [8])])).toEqual(['dependencies']);
  });
  it('holds when each starts the next day', () => {
    expect(fired(plan, [...base, worked('Focus', ['Ana'], '2027-01-05', [8]), worked('Show', ['Bo'], '2027-01-05', [8])])).toEqual([]);
  });
});

describe('milestone day: on the day its last predecessor ends', () => {
  const plan = firm([WALL, ['Booth', 'Ready', '', 0, 'Wall'], ['Booth', 'Kick-off', '', 0, '', '', '2027-01-09']]);
  const wall = worked('Wall', ['Bo'], '2027-01-05', [8]);
  it('fires for a milestone the day after its predecessor ends, or before its own first working day', () => {
    expect(fired(plan, [wall, milestone('Ready', '2027-01-06'), milestone('Kick-off', '2027-01-11')])).toEqual(['milestone day']);
    expect(fired(plan, [wall, milestone('Ready', '2027-01-05'), milestone('Kick-off', '2027-01-09')])).toEqual(['milestone day']);
  });
  it('holds on the day the predecessor ends, and on the first working day from its Start', () => {
    expect(fired(plan, [wall, milestone('Ready', '2027-01-05'), milestone('Kick-off', '2027-01-11')])).toEqual([]);
  });
});

describe('late by: working days past the due date', () => {
  const plan = firm([['Booth', 'Wall', 'LED:2', 16, '', '', '', '2027-01-08']]);
  const late = (lateDays: number) => ({ ...worked('Wall', ['Bo'], '2027-01-08', [8, 0, 0, 8]), due: day('2027-01-08'), lateDays });
  it('fires when Late By counts calendar days, or misses the lateness', () => {
    expect(fired(plan, [late(3)])).toEqual(['late by']);
    expect(fired(plan, [late(0)])).toEqual(['late by']);
  });
  it('holds when it counts working days (a weekend is not late)', () => {
    expect(fired(plan, [late(1)])).toEqual([]);
  });
});
