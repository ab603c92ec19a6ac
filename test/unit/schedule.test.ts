import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { dayOf, dayToIso, isoToDay } from '../../src/model/dates';
import { hasErrors } from '../../src/model/problems';
import { type PlannedTask, planBounded, planSchedule } from '../../src/schedule/schedule';
import { scheduleSheet } from '../../src/schedule/sheet';
import { validatePlan } from '../../src/schedule/validate';
import { read, sample } from '../support/workbook';

function planOf(raw: Record<string, unknown[][]>, iterations = 60) {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { plan, result: planBounded(plan, { iterations }) };
}

const day = (iso: string) => isoToDay(iso) as number;
const find = (tasks: PlannedTask[], key: string) => tasks.find((t) => t.key === key) as PlannedTask;

/** A tiny firm: Mon 4 Jan 2027 start, three people, one project. */
function mini(tasks: unknown[][], extra: Record<string, unknown[][]> = {}) {
  return {
    Staff: [
      ['Name', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate'],
      ['Ana', 'LED:4, Rigging:2', 40, 'Mon-Fri', 50],
      ['Bo', 'LED:2, Rigging:3', 40, 'Mon-Fri', 30],
      ['Cy', 'Audio:3', 20, 'Mon-Fri', 40],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Due'],
      ['Booth', 'Acme', 'Active', '2027-01-29'],
    ],
    Tasks: [['Project', 'Task', 'Skills', 'Hours', 'After', 'Assignee', 'Start', 'Due', 'Max Hours/Day', 'Status', '% Done'], ...tasks],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
    ],
    ...extra,
  };
}

describe('planning the sample firm', () => {
  it('gives a valid plan, no shorter than the lower bound', () => {
    const { plan, result } = planOf(sample());
    expect(validatePlan(plan, result.tasks)).toEqual([]);
    expect(result.makespanDays).toBeGreaterThanOrEqual(result.lowerBound.days);
    expect(result.tasks.every((t) => t.why.length > 0)).toBe(true);
  });

  it('is deterministic: the same sheets give the same plan', () => {
    const a = planOf(sample()).result;
    const b = planOf(sample()).result;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('plans proposals only after committed work, tentatively', () => {
    const { result } = planOf(sample());
    const vantage = result.tasks.filter((t) => t.project === 'Vantage Launch Booth');
    expect(vantage.length).toBeGreaterThan(0);
    expect(vantage.every((t) => t.tentative && t.why.startsWith('Tentative'))).toBe(true);
    const withoutProposals = planSchedule(read(sample()).plan, { iterations: 60, includeProposals: false });
    for (const t of withoutProposals.tasks) {
      const same = find(result.tasks, t.key);
      expect([dayToIso(same.start), dayToIso(same.end)]).toEqual([dayToIso(t.start), dayToIso(t.end)]);
    }
  });

  it('does not plan done tasks, paused or lost projects', () => {
    const { result } = planOf(sample());
    const keys = result.tasks.map((t) => t.key);
    expect(keys).not.toContain('Helios CES Booth/Design concept');
    expect(keys.some((k) => k.startsWith('Marrow & Finch Pop-up Store/'))).toBe(false);
    expect(keys.some((k) => k.startsWith('Kestrel Sales Meeting/'))).toBe(false);
  });

  it('writes where each task is done on the Schedule: the task’s Location, else its project’s', () => {
    const { result } = planOf(sample(), 10);
    const sheet = scheduleSheet(result, day('2026-11-21'));
    const header = sheet.values.findIndex((row) => row[0] === 'Project' && row[3] === 'Assignee');
    expect(sheet.values[header][9]).toBe('Location');
    const where = (task: string) => sheet.values.find((row) => row[0] === 'Helios CES Booth' && row[2] === task)?.[9];
    expect(where('Install booth')).toBe('Las Vegas Convention Center, Central Hall');
    expect(where('Paint and finish')).toBe('Northlight shop, 88 Foundry Road');
  });
});

describe('every hard rule holds on many generated firms', () => {
  const seeds = Array.from({ length: 24 }, (_, i) => i + 1);
  it.each(seeds)('firm %i', (seed) => {
    const raw = generateFirm({ staff: 6 + (seed % 9), tasks: 25 + seed * 3, months: 4, seed });
    const { plan, problems } = read(raw);
    expect(hasErrors(problems)).toBe(false);
    const result = planBounded(plan, { iterations: 40, seed });
    expect(validatePlan(plan, result.tasks)).toEqual([]);
    expect(result.makespanDays).toBeGreaterThanOrEqual(result.lowerBound.days);
  });
});

describe('hard rules, one at a time', () => {
  it('fills each requirement with a distinct person at the level asked', () => {
    const { result } = planOf(mini([['Booth', 'Wall', 'LED:3; Rigging:3', 8]]));
    const wall = find(result.tasks, 'Booth/Wall');
    expect(wall.crew.map((c) => [c.name, c.slot])).toEqual([
      ['Ana', 'LED:3'],
      ['Bo', 'Rigging:3'],
    ]);
  });

  it('pauses a task over a day off and holidays, and never books part-timers past their hours', () => {
    const { plan, result } = planOf(
      mini([['Booth', 'Sound', 'Audio:2', 12]], {
        TimeOff: [
          ['Name', 'From', 'To', 'Hours/Day'],
          ['Cy', '2027-01-05', '', ''],
          ['All', '2027-01-06', '', ''],
        ],
      }),
    );
    const sound = find(result.tasks, 'Booth/Sound');
    // 4 h a day (20 h over 5 days): Mon 4, off Tue 5, holiday Wed 6, Thu 7, Fri 8.
    expect([dayToIso(sound.start), dayToIso(sound.end)]).toEqual(['2027-01-04', '2027-01-08']);
    expect(sound.daily).toEqual([4, 0, 0, 4, 4]);
    expect(validatePlan(plan, result.tasks)).toEqual([]);
  });

  it('respects Max Hours/Day', () => {
    const { result } = planOf(mini([['Booth', 'Truck', 'Rigging:1', 12, '', '', '', '', 3]]));
    expect(find(result.tasks, 'Booth/Truck').daily).toEqual([3, 3, 3, 3]);
  });

  it('starts after dependencies, across projects too', () => {
    const raw = mini([
      ['Booth', 'Build', 'Rigging:3', 16],
      ['Show', 'Light', 'LED:2', 8, 'Booth/Build'],
    ]);
    raw.Projects.push(['Show', 'Acme', 'Active', '']);
    const { result } = planOf(raw);
    expect(dayToIso(find(result.tasks, 'Show/Light').start)).toBe('2027-01-06');
  });

  it('keeps a pinned person even when that makes the task late, and says so', () => {
    // Ana is off on the day the task is due; Bo could do it that day, but the task is pinned to Ana.
    const { plan, result } = planOf(
      mini([['Booth', 'Urgent', 'LED:2', 8, '', 'Ana', '', '2027-01-04']], {
        TimeOff: [
          ['Name', 'From'],
          ['Ana', '2027-01-04'],
        ],
      }),
    );
    const urgent = find(result.tasks, 'Booth/Urgent');
    expect(urgent.crew.map((c) => c.name)).toEqual(['Ana']);
    expect(dayToIso(urgent.start)).toBe('2027-01-05');
    expect(urgent.lateDays).toBe(1);
    expect(urgent.why).toContain('pinned');
    expect(urgent.why).toMatch(/Late by 1 working day \(due Mon 4 Jan\)/);
    expect(validatePlan(plan, result.tasks)).toEqual([]);
  });

  it('reports a task nobody can staff, with the reason, and plans the rest', () => {
    const { result } = planOf(
      mini([
        ['Booth', 'Pyro', 'Pyrotechnics:2', 8],
        ['Booth', 'Wall', 'LED:2 x3', 8],
        ['Booth', 'Truss', 'Rigging:2', 8],
      ]),
    );
    expect(find(result.tasks, 'Booth/Pyro').state).toBe('unstaffable');
    expect(find(result.tasks, 'Booth/Pyro').why).toContain('no one on Staff has Pyrotechnics:2');
    expect(find(result.tasks, 'Booth/Wall').why).toContain('needs more distinct qualified people than Staff has');
    expect(find(result.tasks, 'Booth/Truss').state).toBe('planned');
  });

  it('plans only the remaining hours of work in progress, from the plan start, with whoever is on it', () => {
    const { result } = planOf(mini([['Booth', 'Cabling', 'Rigging:2', 40, '', 'Bo', '', '', '', 'In Progress', '75%']]));
    const cabling = find(result.tasks, 'Booth/Cabling');
    expect(cabling.hours).toBe(10);
    expect(cabling.crew[0].name).toBe('Bo');
    expect(cabling.start).toBe(day('2027-01-04'));
  });

  it('plans a dependency chain that runs for years, however little work it holds', () => {
    // 100 one-day tasks in a chain, each capped at an hour a day: about three years of calendar.
    const chain = Array.from({ length: 100 }, (_, i) => ['Booth', `Step ${i + 1}`, 'Audio:1', 8, i ? `Step ${i}` : '', '', '', '', 1]);
    const { plan, result } = planOf(mini(chain), 0);
    expect(result.tasks.every((t) => t.state === 'planned')).toBe(true);
    expect(result.end).toBeGreaterThan(day('2029-06-01'));
    expect(validatePlan(plan, result.tasks)).toEqual([]);
  });

  it('does not start before a task’s or project’s Start', () => {
    const { result } = planOf(mini([['Booth', 'Later', 'Rigging:2', 8, '', '', '2027-01-13']]));
    expect(dayToIso(find(result.tasks, 'Booth/Later').start)).toBe('2027-01-13');
  });
});

describe('objective and explanations', () => {
  it('prefers the cheaper qualified person when both finish together, and says what the other would cost', () => {
    const { result } = planOf(mini([['Booth', 'Truss', 'Rigging:2', 8]]));
    const truss = find(result.tasks, 'Booth/Truss');
    expect(truss.crew[0].name).toBe('Bo');
    expect(truss.why).toContain('Ana would cost $160 more');
  });

  it('uses a busy expert’s colleague when that finishes sooner, naming the delay', () => {
    const { result } = planOf(
      mini([
        ['Booth', 'Big wall', 'LED:4', 24, '', 'Ana'],
        ['Booth', 'Small wall', 'LED:2', 8],
      ]),
    );
    const small = find(result.tasks, 'Booth/Small wall');
    expect(small.crew[0].name).toBe('Bo');
    expect(small.why).toMatch(/Ana would finish 3 working days later/);
  });
});

describe('lower bound', () => {
  it('is the critical path for a chain', () => {
    const { result } = planOf(
      mini([
        ['Booth', 'A', 'Rigging:1', 16],
        ['Booth', 'B', 'Rigging:1', 16, 'A'],
      ]),
    );
    expect(result.lowerBound.kind).toBe('critical path');
    expect(result.lowerBound.days).toBe(4);
    expect(result.makespanDays).toBe(4);
  });

  it('is the skill capacity when one person must do everything', () => {
    const { result } = planOf(
      mini([
        ['Booth', 'A', 'Audio:3', 8],
        ['Booth', 'B', 'Audio:3', 8],
        ['Booth', 'C', 'Audio:3', 8],
      ]),
    );
    // Cy works 4 h a day: 24 h take six working days, Mon 4 to Mon 11 Jan.
    expect(result.lowerBound.kind).toBe('skill capacity');
    expect(result.lowerBound.days).toBe(8);
    expect(result.makespanDays).toBe(8);
  });
});

describe('the validator', () => {
  it('rejects a plan that overbooks someone or breaks a dependency', () => {
    const { plan, result } = planOf(
      mini([
        ['Booth', 'A', 'Rigging:3', 8],
        ['Booth', 'B', 'Rigging:3', 8, 'A'],
      ]),
    );
    const broken = result.tasks.map((t) => (t.task === 'B' ? { ...t, start: t.start - 1, end: t.end - 1 } : t));
    const errors = validatePlan(plan, broken);
    expect(errors).toContain('Booth/B: starts 2027-01-04, before Booth/A is done');
    expect(errors.some((e) => e.startsWith('Bo: 16 h booked on 2027-01-04'))).toBe(true);
  });
});

it('counts the plan start from Settings', () => {
  expect(planOf(mini([['Booth', 'A', 'Rigging:1', 8]])).result.planStart).toBe(dayOf(2027, 1, 4));
});
