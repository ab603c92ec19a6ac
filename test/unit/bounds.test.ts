// The lower bound is a bound: over generated firms whose plan starts later than their projects, whose
// people leave (some before the plan starts) and whose tasks are pinned on people who left, and over
// small crew firms of whole-day work or part days, no valid plan found is shorter than it; on crafted
// firms whose best plan is known, it proves that length, and no more where tasks may share days. Also: what a departure makes impossible is reported as such, and work
// waiting for it is not planned as if it were done.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { addDays, dayToIso, isoToDay } from '../../src/model/dates';
import { hasErrors } from '../../src/model/problems';
import { type PlannedTask, planBounded } from '../../src/schedule/schedule';
import { validatePlan } from '../../src/schedule/validate';
import { read } from '../support/workbook';

type Grid = (string | number)[][];

interface Twist {
  seed: number;
  /** Days the plan starts after the firm's first project day. */
  startShift: number;
  /** Per person: 0 stays, 1 left before the plan start, 2 leaves during the plan. */
  leaving: number[];
  /** Tasks (by row) pinned to someone who left. */
  pinnedOnLeavers: number[];
}

const GENERATED_START = '2027-01-04';

/** A generated firm, with the plan start moved later, End Dates, and pins on people who left. */
function twisted(twist: Twist): { raw: Record<string, Grid>; left: string[] } {
  const raw = generateFirm({ staff: 8, tasks: 40, months: 3, seed: twist.seed });
  const base = isoToDay(GENERATED_START) as number;
  const planStart = addDays(base, twist.startShift);
  raw.Settings = raw.Settings.map((row) => (row[0] === 'Plan Start' ? ['Plan Start', dayToIso(planStart)] : row));
  const staff = raw.Staff;
  staff[0] = [...staff[0], 'End Date'];
  const left: string[] = [];
  for (let i = 1; i < staff.length; i++) {
    const kind = twist.leaving[(i - 1) % twist.leaving.length];
    const end = kind === 1 ? addDays(planStart, -3) : kind === 2 ? addDays(planStart, 10 + 7 * i) : undefined;
    staff[i] = [...staff[i], end === undefined ? '' : dayToIso(end)];
    if (kind === 1) left.push(String(staff[i][0]));
  }
  const [header, ...tasks] = raw.Tasks;
  for (const [k, pick] of twist.pinnedOnLeavers.entries()) {
    if (!left.length) break;
    // Someone who left, on a task of theirs they qualify for (pinning the unqualified is an input error).
    const who = staff.find((s) => s[0] === left[k % left.length]) as (string | number)[];
    const task = tasks.find((t, i) => i >= pick % tasks.length && t[header.indexOf('Status')] !== 'Done' && qualifies(who, t, header));
    if (task) task[header.indexOf('Assignee')] = who[0];
  }
  return { raw, left };
}

/** Whether a Staff row has every skill a Tasks row asks, at its level. */
function qualifies(person: (string | number)[], task: (string | number)[], header: (string | number)[]): boolean {
  const levels = new Map(
    String(person[2])
      .split(',')
      .map((s) => s.trim().split(':'))
      .map(([skill, level]) => [skill, Number(level ?? 1)]),
  );
  return String(task[header.indexOf('Skills')])
    .split(';')
    .map((r) => r.trim().split(' ')[0].split(':'))
    .every(([skill, level]) => (levels.get(skill) ?? 0) >= Number(level ?? 1));
}

const twists: fc.Arbitrary<Twist> = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  startShift: fc.integer({ min: 0, max: 80 }),
  leaving: fc.array(fc.constantFrom(0, 0, 0, 1, 2), { minLength: 1, maxLength: 8 }),
  pinnedOnLeavers: fc.array(fc.nat(200), { maxLength: 4 }),
});

const staffedEnd = (tasks: PlannedTask[]) =>
  Math.max(-1, ...tasks.filter((t) => t.state === 'planned' || t.state === 'in progress').map((t) => t.end));

describe('the lower bound over generated firms', () => {
  it('is never above the length of a valid plan, however the plan start and departures fall', () => {
    fc.assert(
      fc.property(twists, fc.integer({ min: 0, max: 30 }), (twist, iterations) => {
        const { raw, left } = twisted(twist);
        const { plan, problems } = read(raw);
        expect(hasErrors(problems)).toBe(false);
        const result = planBounded(plan, { iterations, seed: twist.seed });
        expect(validatePlan(plan, result.tasks)).toEqual([]);
        // The length is measured from the plan start, as the bound is.
        expect(result.makespanDays).toBe(staffedEnd(result.tasks) - plan.planStart + 1);
        expect(result.lowerBound.days).toBeLessThanOrEqual(result.makespanDays);
        // Nobody who left works after leaving, and nobody who left before the start works at all.
        for (const t of result.tasks) for (const c of t.crew) expect(left).not.toContain(c.name);
      }),
      { numRuns: 40, seed: 20270104 },
    );
  }, 120_000);
});

describe('people who left', () => {
  const firm = () => {
    const { raw } = twisted({ seed: 3, startShift: 30, leaving: [0], pinnedOnLeavers: [] });
    return raw;
  };

  it('a task pinned on someone who left says so, and what waits for it is not planned as if it were done', () => {
    const raw = firm();
    const person = String(raw.Staff[1][0]);
    raw.Staff[1][raw.Staff[0].indexOf('End Date')] = '2027-01-29';
    raw.Tasks.push(
      ['Project 1', 'Pinned job', String(raw.Staff[1][2]).split(',')[0], 8, '', '', '', person, '', '', '', 'Not Started', ''],
      ['Project 1', 'Follow-up', 'Labor:1', 8, '', '', 'Pinned job', '', '', '', '', 'Not Started', ''],
    );
    const { plan, problems } = read(raw);
    expect(hasErrors(problems)).toBe(false);
    const result = planBounded(plan, { iterations: 10 });
    const pinned = result.tasks.find((t) => t.task === 'Pinned job') as PlannedTask;
    expect(pinned.state).toBe('unstaffable');
    expect(pinned.why).toContain(`pinned ${person} (left Fri 29 Jan) is no longer available`);
    const after = result.tasks.find((t) => t.task === 'Follow-up') as PlannedTask;
    expect(after.state).toBe('unstaffable');
    expect(after.crew).toEqual([]);
    expect(after.why).toContain('waits for Project 1/Pinned job, which cannot be staffed');
    expect(validatePlan(plan, result.tasks)).toEqual([]);
  });

  it('a skill held only by people who left makes its tasks unstaffable, named, and the bound ignores them', () => {
    const raw = firm();
    raw.Staff.push(['Zed Quill', 'Pyro technician', 'Pyro:3', 40, 'Mon-Fri', 50, 120, '2027-01-15']);
    raw.Tasks.push(['Project 1', 'Fireworks', 'Pyro:2', 400, '', '', '', '', '', '', '', 'Not Started', '']);
    const { plan } = read(raw);
    const result = planBounded(plan, { iterations: 10 });
    const fireworks = result.tasks.find((t) => t.task === 'Fireworks') as PlannedTask;
    expect(fireworks.state).toBe('unstaffable');
    expect(fireworks.why).toContain('nobody with Pyro:2 is available from the plan start: Zed Quill (left Fri 15 Jan)');
    expect(result.lowerBound.days).toBeLessThanOrEqual(result.makespanDays);
    expect(result.gap).toBeGreaterThanOrEqual(0);
  });
});

/** A one-project workbook: staff rows (name, skills, hours a week, work days), task rows (task, skills, hours, max a day, after). */
function crews(staff: (string | number)[][], tasks: (string | number)[][]) {
  return {
    Staff: [['Name', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate'], ...staff.map((s) => [...s, 40])],
    Projects: [
      ['Project', 'Client', 'Status'],
      ['Show', 'Acme', 'Active'],
    ],
    Tasks: [['Project', 'Task', 'Skills', 'Hours', 'Max Hours/Day', 'After'], ...tasks.map((t) => ['Show', ...t])],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
    ],
  };
}

function bounded(raw: ReturnType<typeof crews>, iterations = 50) {
  const { plan, problems } = read(raw);
  expect(hasErrors(problems)).toBe(false);
  const result = planBounded(plan, { iterations });
  expect(validatePlan(plan, result.tasks)).toEqual([]);
  return result;
}

describe('the lower bound on crafted firms whose best plan is known', () => {
  const three = [
    ['Ann', 'Crew:1', 40, 'Mon-Fri'],
    ['Bo', 'Crew:1', 40, 'Mon-Fri'],
    ['Cy', 'Crew:1', 40, 'Mon-Fri'],
  ];

  it('proves that tasks whose crews must share someone take turns when each takes whole days', () => {
    // Any two crews of two among three people share someone: the three 2-day tasks go one after
    // another (Mon-Tue, Wed-Thu, Fri and the next Mon), 8 days; their hours alone would allow 4 working days.
    const result = bounded(
      crews(three, [
        ['A', 'Crew:1 x2', 16, '', ''],
        ['B', 'Crew:1 x2', 16, '', ''],
        ['C', 'Crew:1 x2', 16, '', ''],
      ]),
    );
    expect(result.makespanDays).toBe(8);
    expect(result.lowerBound).toMatchObject({ days: 8, kind: 'workload in a window' });
  });

  it('does not make tasks take turns when each may take part of a day', () => {
    // At 4 hours a day each person gives half a day to each of two tasks: all three run together for
    // 4 days, which is also all their hours allow.
    const result = bounded(
      crews(three, [
        ['A', 'Crew:1 x2', 16, 4, ''],
        ['B', 'Crew:1 x2', 16, 4, ''],
        ['C', 'Crew:1 x2', 16, 4, ''],
      ]),
    );
    expect(result.makespanDays).toBe(4);
    expect(result.lowerBound.days).toBe(4);
  });

  it("does not make tasks take turns when a part-timer leaves part of a crewmate's day free", () => {
    // Only Dee (4 hours a day) can lead, so A's crew works 4 hours a day: A takes Mon-Thu. B's crew
    // must share someone with A's, yet fits beside it in the other half of Ann's days: 4 days.
    const result = bounded(
      crews(
        [
          ['Ann', 'Crew:1', 40, 'Mon-Fri'],
          ['Bo', 'Crew:1', 40, 'Mon-Fri'],
          ['Dee', 'Crew:1, Lead:1', 20, 'Mon-Fri'],
        ],
        [
          ['A', 'Lead:1; Crew:1', 16, '', ''],
          ['B', 'Crew:1 x2', 16, '', ''],
        ],
      ),
    );
    expect(result.makespanDays).toBe(4);
    expect(result.lowerBound.days).toBe(4);
  });

  it('follows the turns along dependencies', () => {
    // Ann alone can lead; each lead task is followed by 3 days of someone else's work. The lead
    // tasks take turns (3 + 3 days), and the follow-up of the second starts after both: 9 days at best.
    const result = bounded(
      crews(
        [
          ['Ann', 'Lead:1', 56, 'Mon-Sun'],
          ['Bo', 'Crew:1', 56, 'Mon-Sun'],
          ['Cy', 'Crew:1', 56, 'Mon-Sun'],
        ],
        [
          ['L1', 'Lead:1', 24, '', ''],
          ['L2', 'Lead:1', 24, '', ''],
          ['F1', 'Crew:1', 24, '', 'L1'],
          ['F2', 'Crew:1', 24, '', 'L2'],
        ],
      ),
    );
    expect(result.makespanDays).toBe(9);
    expect(result.lowerBound.days).toBe(9);
  });
});

/** A small firm of whole-day work (as in the scheduling literature's crew problems), or with part days mixed in. */
const crewFirms = fc.record({
  people: fc.array(fc.subarray(['A', 'B', 'C'], { minLength: 1 }), { minLength: 3, maxLength: 6 }),
  tasks: fc.array(
    fc.record({
      needs: fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 2 }),
      days: fc.integer({ min: 1, max: 4 }),
      maxPerDay: fc.constantFrom(0, 0, 0, 4),
      after: fc.nat(20),
    }),
    { minLength: 3, maxLength: 9 },
  ),
  partTimer: fc.boolean(),
});

describe('the lower bound over small crew firms', () => {
  it('is never above the length of the plan found, whole days or not', () => {
    fc.assert(
      fc.property(crewFirms, fc.integer({ min: 0, max: 40 }), ({ people, tasks, partTimer }, iterations) => {
        const staff = people.map((skills, i) => [
          `P${i}`,
          skills.map((s) => `${s}:1`).join(', '),
          partTimer && i === 0 ? 28 : 56,
          'Mon-Sun',
        ]);
        const rows = tasks.map((t, i) => {
          const needs = new Map<string, number>();
          for (const [skill, count] of t.needs) needs.set(skill, Math.max(count, needs.get(skill) ?? 0));
          const skills = [...needs].map(([skill, count]) => `${skill}:1${count > 1 ? ` x${count}` : ''}`).join('; ');
          const after = i > 0 && t.after < i ? `T${t.after}` : '';
          return [`T${i}`, skills, 8 * t.days, t.maxPerDay || '', after];
        });
        const { plan, problems } = read(crews(staff, rows));
        expect(hasErrors(problems)).toBe(false);
        const result = planBounded(plan, { iterations, seed: 7 });
        expect(validatePlan(plan, result.tasks)).toEqual([]);
        expect(result.lowerBound.days).toBeLessThanOrEqual(result.makespanDays);
      }),
      { numRuns: 150, seed: 20270104 },
    );
  }, 120_000);
});
