// STAFFING in the built script, called as Sheets calls it, and ASSIGN on the Staff sheet changed as it says.

import { describe, expect, it } from 'vitest';
import { bottleneckFirm } from '../../examples/bottleneck-firm';
import { addonWith, sampleAddon } from '../support/addon';

type Grid = unknown[][];

/** Σ "Late by N working days" over ASSIGN's Why column. */
function lateDays(answer: Grid): number {
  return answer.slice(1).reduce((sum: number, row) => sum + Number(/Late by (\d+) working day/.exec(String(row[6]))?.[1] ?? 0), 0);
}

describe('STAFFING', () => {
  it('names the scarce skill of a firm with a bottleneck, and adding that hire to Staff makes ASSIGN less late', () => {
    const firm = bottleneckFirm({ staff: 15, tasks: 100, months: 3, seed: 1 });
    const { addon } = addonWith(firm, 'UTC');
    const start = new Date('2027-01-04T00:00:00Z');
    const answer = addon.customFunction('STAFFING', [firm.Tasks, firm.Staff, firm.Projects, firm.TimeOff, start]) as Grid;
    expect(answer[0]).toEqual(['Action', 'Person', 'Skill', 'Late Days Saved', 'Days Saved', 'Why']);
    const hire = answer.find((row) => row[0] === 'Hire') as Grid[number];
    expect(answer[1][2]).toBe('Rigging:3');
    expect(hire[1]).toBe('');
    expect(Number(hire[3])).toBeGreaterThan(0);
    expect(String(hire[5])).toMatch(
      /waited [\d,]+ working days for Rigging.*Planned again with this change: late work [\d,]+ → [\d,]+ working days/,
    );

    const before = addon.customFunction('ASSIGN', [firm.Tasks, firm.Staff, firm.Projects, firm.TimeOff, start]) as Grid;
    const staff = [...firm.Staff, ['TBH Rigger', 'Placeholder', 'Rigging:3', 40, 'Mon-Fri', 45, '']];
    const after = addon.customFunction('ASSIGN', [firm.Tasks, staff, firm.Projects, firm.TimeOff, start]) as Grid;
    expect(lateDays(after)).toBeLessThan(lateDays(before));
    expect(after.some((row) => String(row[2]).includes('TBH Rigger'))).toBe(true);
  });

  it('answers the sample firm with a table, and bad input with the cells to fix', () => {
    const { ss, addon } = sampleAddon();
    const range = (name: string) => ss.sheets.find((s) => s.name === name)?.peek() as Grid;
    const answer = addon.customFunction('STAFFING', [range('Tasks'), range('Staff'), range('Projects'), range('TimeOff')]) as Grid;
    expect(answer[0][0]).toBe('Action');
    expect(answer.length).toBeGreaterThan(1);
    const staff = range('Staff').map((row, r) => (r === 3 ? row.map((v, c) => (c === 3 ? 'Rigging:9' : v)) : row));
    const bad = addon.customFunction('STAFFING', [range('Tasks'), staff]) as Grid;
    expect(bad[0][0]).toMatch(/^STAFFING cannot plan: 1 problem/);
    expect(bad[1][0]).toContain('Staff!D4');
  });
});
