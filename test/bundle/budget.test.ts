// ESTIMATE and BUDGETRANGE in the built dist/Code.js, called as Sheets calls them: single cells as
// plain values, ranges as 2D arrays with or without headers, blank cells, omitted arguments.

import { describe, expect, it } from 'vitest';
import { addonWith, builtCode, sampleAddon } from '../support/addon';

const column = (values: unknown[]) => values.map((v) => [v]);

const ESTIMATES = ['Hours', 10, 20, '', 8, 16, 40, 12, 6, 24, 30, 4, 18];
const ACTUALS = ['Actual Hours', 12, 26, '', 8, 21, 46, 15, 9, 25, 41, 7, 20];

describe('ESTIMATE', () => {
  it('answers one row Low · Likely · High for a single cell, from history columns with a header and blanks', () => {
    const { addon } = addonWith();
    const answer = addon.customFunction('ESTIMATE', [16, column(ESTIMATES), column(ACTUALS)]) as number[][];
    expect(answer).toHaveLength(1);
    const [low, likely, high] = answer[0];
    expect(low).toBeLessThan(likely);
    expect(likely).toBeLessThan(high);
    const bare = addon.customFunction('ESTIMATE', [
      16,
      column(ESTIMATES.slice(1).filter((v) => v !== '')),
      column(ACTUALS.slice(1).filter((v) => v !== '')),
    ]);
    expect(bare).toEqual(answer);
  });

  it('takes the history as rows too, and a coverage as a share or a percentage', () => {
    const { addon } = addonWith();
    const eighty = (addon.customFunction('ESTIMATE', [16, [ESTIMATES], [ACTUALS]]) as number[][])[0];
    const ninety = (addon.customFunction('ESTIMATE', [16, [ESTIMATES], [ACTUALS], '90%']) as number[][])[0];
    expect(addon.customFunction('ESTIMATE', [16, [ESTIMATES], [ACTUALS], 0.9])).toEqual([ninety]);
    expect(ninety[2] - ninety[0]).toBeGreaterThan(eighty[2] - eighty[0]);
  });

  it('ranges a column of estimates, one row each, leaving blank cells blank', () => {
    const { addon } = addonWith();
    const answer = addon.customFunction('ESTIMATE', [[[8], [''], [40]], column(ESTIMATES), column(ACTUALS)]) as unknown[][];
    expect(answer).toHaveLength(3);
    expect(answer[1]).toEqual(['', '', '']);
    expect((answer[2] as number[])[1]).toBeGreaterThan((answer[0] as number[])[1]);
  });

  it('answers bad input with messages saying what and where, not a crash', () => {
    const { addon } = addonWith();
    expect(addon.customFunction('ESTIMATE', [-3, column(ESTIMATES), column(ACTUALS)])).toEqual([
      ['ESTIMATE: 1 problem'],
      ['hours must be more than 0, got -3'],
    ]);
    expect(addon.customFunction('ESTIMATE', [16, column(ESTIMATES), column(ACTUALS.slice(2))])).toEqual([
      ['ESTIMATE: 1 problem'],
      ['past_estimates has 13 cells but past_actuals has 11; give two ranges of the same size, one row per past task'],
    ]);
    expect(addon.customFunction('ESTIMATE', [16, 'Hours', 'Actual'])).toEqual([
      ['ESTIMATE: 1 problem'],
      ['no past task has both a positive estimate and a positive actual; give the estimates and actual hours of finished tasks'],
    ]);
  });

  it('keeps its JSDoc so Sheets offers it in autocomplete', () => {
    const code = builtCode();
    for (const name of ['ESTIMATE', 'BUDGETRANGE']) {
      const at = code.indexOf(`function ${name}(`);
      expect(at).toBeGreaterThan(0);
      const stub = code.slice(code.lastIndexOf('/**', at), at);
      expect(stub).toContain('@customfunction');
      expect(stub).toContain('@param');
    }
  });
});

describe('BUDGETRANGE', () => {
  const ranges = () => {
    const { ss, addon } = sampleAddon();
    const range = (name: string) => ss.sheets.find((s) => s.name === name)?.peek() as unknown[][];
    return { addon, range };
  };

  it('prices the sample firm: a header, then P10 ≤ P50 ≤ P90 cost and price per project', () => {
    const { addon, range } = ranges();
    const answer = addon.customFunction('BUDGETRANGE', [range('Tasks'), range('Staff'), range('Costs'), range('Projects')]) as unknown[][];
    expect(answer[0]).toEqual(['Project', 'Cost P10', 'Cost P50', 'Cost P90', 'Price P10', 'Price P50', 'Price P90']);
    expect(answer.map((r) => r[0])).toContain('Vantage Launch Booth');
    expect(answer.map((r) => r[0])).not.toContain('Kestrel Sales Meeting');
    for (const row of answer.slice(1)) {
      const [c10, c50, c90, p10, p50, p90] = row.slice(1) as number[];
      expect(c10).toBeLessThanOrEqual(c50);
      expect(c50).toBeLessThanOrEqual(c90);
      expect(p10).toBeLessThanOrEqual(p50);
      expect(p50).toBeLessThanOrEqual(p90);
      expect(c10).toBeGreaterThan(0);
    }
    const booth = answer.find((r) => r[0] === 'Helios CES Booth') as unknown[];
    expect(booth.slice(4)).toEqual([185000, 185000, 185000]);
    expect(addon.customFunction('BUDGETRANGE', [range('Tasks'), range('Staff'), range('Costs'), range('Projects')])).toEqual(answer);
  });

  it('works from Tasks and Staff alone, pricing every project at rate card', () => {
    const { addon, range } = ranges();
    const answer = addon.customFunction('BUDGETRANGE', [range('Tasks'), range('Staff')]) as unknown[][];
    const booth = answer.find((r) => r[0] === 'Helios CES Booth') as number[];
    expect(booth[5]).toBeGreaterThan(booth[2]);
  });

  it('lists missing cost rates and bad costs with their cells instead of pricing', () => {
    const { addon, range } = ranges();
    const staff = range('Staff');
    staff[10][6] = '';
    const costs = range('Costs');
    costs[2][3] = 99999;
    const badCosts = addon.customFunction('BUDGETRANGE', [range('Tasks'), staff, costs, range('Projects')]) as string[][];
    expect(badCosts[0][0]).toMatch(/^BUDGETRANGE cannot read the costs: 1 problem/);
    expect(badCosts[1][0]).toBe('Costs!D3: low estimate 99999 is above the high estimate 15500');
    const noRate = addon.customFunction('BUDGETRANGE', [range('Tasks'), staff, range('Costs'), range('Projects')]) as string[][];
    expect(noRate[0][0]).toMatch(/^BUDGETRANGE cannot price: 1 problem/);
    expect(noRate[1][0]).toMatch(/^Staff!G11: Cost Rate is blank for Jess Nguyen, who works on /);
  });

  it('reports problems in the tasks with their cells', () => {
    const { addon, range } = ranges();
    const tasks = range('Tasks');
    tasks[21][4] = 200;
    const answer = addon.customFunction('BUDGETRANGE', [tasks, range('Staff')]) as string[][];
    expect(answer[0][0]).toMatch(/^BUDGETRANGE cannot plan/);
    expect(answer.flat()).toContain('Tasks!E22: low estimate 200 is above the high estimate 110');
  });
});
