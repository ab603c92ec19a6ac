// The lower bound is a bound: over generated firms whose plan starts later than their projects, whose
// people leave (some before the plan starts) and whose tasks are pinned on people who left, no valid
// plan found is shorter than it. Also: what a departure makes impossible is reported as such, and work
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
