// The staffing advisor: it finds a designed bottleneck, and what it measures is what ASSIGN then plans
// when the change is made in the Staff sheet.

import { describe, expect, it } from 'vitest';
import { bottleneckFirm } from '../../examples/bottleneck-firm';
import { dayOf } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { planSchedule } from '../../src/schedule/schedule';
import { adviseStaffing, changesAffordable, type StaffChange } from '../../src/staffing/advisor';
import { STAFFING_HEADER, staffingTable } from '../../src/staffing/table';

type Raw = Record<string, (string | number)[][]>;

function planOf(raw: Raw) {
  const { plan, problems } = readWorkbook(raw, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return plan;
}

/** What ASSIGN plans: committed work at a formula's depth. Lateness is the planner's weighted sum. */
function lateness(raw: Raw): { weighted: number; days: number } {
  const result = planSchedule(planOf(raw));
  return { weighted: result.terms.lateness, days: result.totalLateDays };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** The change made as a user would make it: a trainee's Skills cell edited, or a placeholder row added. */
function applied(raw: Raw, change: StaffChange, hireCost?: number): Raw {
  const copy = structuredClone(raw);
  const [header, ...rows] = copy.Staff;
  const col = (name: string) => header.indexOf(name);
  const skill = `${change.label}:${change.level}`;
  if (change.action === 'Train') {
    const row = rows.find((r) => r[col('Name')] === change.person) as (string | number)[];
    const others = String(row[col('Skills')])
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.split(':')[0].toLowerCase() !== change.skill);
    row[col('Skills')] = [...others, skill].join(', ');
  } else {
    const holders = rows
      .filter((r) => String(r[col('Skills')]).toLowerCase().includes(change.skill))
      .map((r) => Number(r[col('Cost Rate')]));
    const hire = header.map(() => '' as string | number);
    hire[col('Name')] = `TBH ${change.label}`;
    hire[col('Role')] = 'Placeholder';
    hire[col('Skills')] = skill;
    hire[col('Hours/Week')] = 40;
    hire[col('Work Days')] = 'Mon-Fri';
    hire[col('Cost Rate')] = hireCost ?? median(holders);
    rows.push(hire);
  }
  return { ...copy, Staff: [header, ...rows] };
}

describe('STAFFING on firms with a designed bottleneck', () => {
  const firms = [
    { staff: 15, tasks: 100, months: 3, seed: 1 },
    { staff: 15, tasks: 100, months: 3, seed: 3 },
    { staff: 25, tasks: 200, months: 4, seed: 2 },
  ];
  for (const size of firms) {
    it(`names the scarce skill first, and the change makes ASSIGN's plan less late (${size.staff} staff × ${size.tasks} tasks, seed ${size.seed})`, () => {
      const raw = bottleneckFirm(size, { skill: 'Rigging', level: 3, holders: 1, share: 0.2 });
      const advice = adviseStaffing(planOf(raw));
      const [best] = advice.recommendations;
      expect(best.change.skill).toBe('rigging');
      expect(best.change.level).toBe(3);
      expect(staffingTable(advice)[1][2]).toBe('Rigging:3');
      expect(best.effect.lateDaysSaved).toBeGreaterThan(0);

      const before = lateness(raw);
      const after = lateness(applied(raw, best.change));
      expect(after.weighted).toBeLessThan(before.weighted);
      // What the advisor measured is exactly what ASSIGN plans with the change made in the sheet.
      expect(Math.round(((before.weighted - after.weighted) / 4) * 10) / 10).toBe(best.effect.lateDaysSaved);
      expect([before.days, after.days]).toEqual([best.effect.lateBefore, best.effect.lateAfter]);
    });
  }

  it('recommends both a hire and training the people who hold the skill below the level', () => {
    const raw = bottleneckFirm({ staff: 15, tasks: 100, months: 3, seed: 1 }, { holders: 1, share: 0.2 });
    const advice = adviseStaffing(planOf(raw));
    const rigging = advice.recommendations.filter((r) => r.change.skill === 'rigging');
    expect(rigging.map((r) => r.change.action)).toEqual(expect.arrayContaining(['Hire', 'Train']));
    for (const r of rigging.filter((x) => x.change.action === 'Train')) {
      expect(r.change.from).toBe(2);
      const hire = lateness(applied(raw, r.change));
      expect(hire.weighted).toBeLessThan(lateness(raw).weighted);
    }
    // A 40 h/week hire at any reasonable rate also helps.
    const hire = rigging.find((r) => r.change.action === 'Hire') as (typeof rigging)[number];
    expect(lateness(applied(raw, hire.change, 45)).weighted).toBeLessThan(lateness(raw).weighted);
  });

  it('answers the same table for the same sheets', () => {
    const raw = bottleneckFirm({ staff: 15, tasks: 100, months: 3, seed: 2 });
    expect(JSON.stringify(staffingTable(adviseStaffing(planOf(raw))))).toBe(JSON.stringify(staffingTable(adviseStaffing(planOf(raw)))));
  });
});

describe('the evidence behind a recommendation', () => {
  /** Mon 4 Jan 2027: one rigger at level 3, three riggers' tasks due the same week. */
  const tiny = (tasks: (string | number)[][]): Raw => ({
    Staff: [
      ['Name', 'Role', 'Skills', 'Hours/Week', 'Cost Rate'],
      ['Ana', 'Rigger', 'Rigging:3', 40, 40],
      ['Bo', 'Hand', 'Rigging:2, Labor:2', 40, 30],
      ['Cy', 'Designer', 'Design:4', 40, 50],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Due'],
      ['Show', 'Acme', 'Active', '2027-01-08'],
    ],
    Tasks: [['Project', 'Task', 'Skills', 'Hours'], ...tasks],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
    ],
  });

  it('names the tasks that waited for the skill, and trains the person who holds it below the level', () => {
    const raw = tiny([
      ['Show', 'Truss', 'Rigging:3', 16],
      ['Show', 'Motors', 'Rigging:3', 16],
      ['Show', 'Points', 'Rigging:3', 16],
      ['Show', 'Drawings', 'Design:3', 8],
    ]);
    const advice = adviseStaffing(planOf(raw));
    expect(advice.evidence[0]).toMatchObject({ skill: 'rigging', level: 3, unstaffable: 0 });
    expect(advice.evidence[0].tasks).toHaveLength(2);
    expect(advice.evidence.some((e) => e.skill === 'design')).toBe(false);
    const train = advice.recommendations.find((r) => r.change.action === 'Train');
    expect(train?.change).toMatchObject({ person: 'Bo', from: 2, level: 3 });
    expect(train?.effect.hours).toBeGreaterThan(0);
    expect(staffingTable(advice)[1][5]).toMatch(/waited [\d,]+ working days for Rigging/);
  });

  it('hires for a level nobody has, and counts the tasks it staffs', () => {
    const raw = tiny([
      ['Show', 'Truss', 'Rigging:3', 8],
      ['Show', 'Flown speakers', 'Rigging:5', 8],
    ]);
    const advice = adviseStaffing(planOf(raw));
    expect(advice.evidence[0]).toMatchObject({ skill: 'rigging', level: 5, unstaffable: 1 });
    const [best] = advice.recommendations;
    expect(best.change).toMatchObject({ action: 'Hire', level: 5 });
    expect(best.effect.staffed).toBe(1);
    expect(staffingTable(advice)[1].slice(0, 3)).toEqual(['Hire', '', 'Rigging:5']);
  });

  it('says so when no change helps', () => {
    const raw = tiny([['Show', 'Drawings', 'Design:3', 8]]);
    const table = staffingTable(adviseStaffing(planOf(raw)));
    expect(table[0]).toEqual(STAFFING_HEADER);
    expect(table[1].slice(0, 5)).toEqual(['None', '', '', 0, 0]);
    expect(table[1][5]).toMatch(/not what holds this plan back/);
  });

  it('tries fewer changes where each plan costs more, so a formula answers in time', () => {
    expect(changesAffordable(200)).toBe(9);
    expect(changesAffordable(2_000)).toBe(9);
    expect(changesAffordable(5_000)).toBe(4);
    expect(changesAffordable(10_000)).toBe(1);
    expect(changesAffordable(50_000)).toBe(1);
  });
});
