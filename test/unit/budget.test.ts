// Budget ranges on the sample firm and on small workbooks built to show one rule at a time.

import { describe, expect, it } from 'vitest';
import { budgetRanges, type ProjectBudget } from '../../src/budget/budget';
import { estimateRanges } from '../../src/budget/estimate';
import { budgetRangeTable, budgetSheet } from '../../src/budget/sheet';
import { type Line, simulate } from '../../src/budget/simulate';
import { certain, threePoint } from '../../src/budget/spread';
import { scopeWhatIf, whatHoldsTheEnd } from '../../src/budget/whatif';
import { dayToIso } from '../../src/model/dates';
import { formatProblem, hasErrors } from '../../src/model/problems';
import { planSchedule } from '../../src/schedule/schedule';
import { read, sample, sampleWith } from '../support/workbook';

function priced(raw: Record<string, unknown[][]>) {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  const schedule = planSchedule(plan, { includeProposals: true, iterations: 30 });
  return { plan, schedule, result: budgetRanges(plan, schedule) };
}

const find = (projects: ProjectBudget[], name: string) => projects.find((b) => b.project.project === name) as ProjectBudget;

/** A firm small enough to check by hand: Mon 4 Jan 2027 start, three people. */
function mini(tasks: unknown[][], extra: Record<string, unknown[][]> = {}) {
  return {
    Staff: [
      ['Name', 'Skills', 'Hours/Week', 'Cost Rate', 'Bill Rate'],
      ['Ana', 'LED:4, Rigging:3', 40, 50, 120],
      ['Bo', 'LED:3, Rigging:3', 40, 40, ''],
      ['Cy', 'LED:3, Audio:3', 40, 90, 150],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Value', 'Scope'],
      ['Booth', 'Acme', 'Active', '', 1],
      ['Gala', 'Acme', 'Active', '', 1],
      ['Later', 'Acme', 'On Hold', '', 1],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'Hours Low', 'Hours High', 'After', 'Assignee', 'Status', 'Actual Hours', 'Scales'],
      ...tasks,
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
      ['Target Margin %', '35%'],
    ],
    ...extra,
  };
}

describe('budget ranges on the sample firm', () => {
  const { result } = priced(sample());

  it('price every project that is not Lost, with P10 ≤ P50 ≤ P90 for hours, cost, price and margin', () => {
    expect(result.projects.map((b) => b.project.project)).not.toContain('Kestrel Sales Meeting');
    expect(result.projects.length).toBe(10);
    for (const b of result.projects) {
      for (const r of [b.hours, b.cost, b.price, b.margin]) {
        expect(r.low).toBeLessThanOrEqual(r.p50);
        expect(r.p50).toBeLessThanOrEqual(r.high);
      }
    }
  });

  it('give open projects a real range and finished ones their actual cost', () => {
    const booth = find(result.projects, 'Helios CES Booth');
    expect(booth.cost.high - booth.cost.low).toBeGreaterThan(0.1 * booth.cost.p50);
    const summit = find(result.projects, 'Helios Summer Summit');
    expect(summit.cost.low).toBe(summit.cost.high);
    expect(summit.methods).toEqual({ threePoint: 0, history: 0, known: 9 });
  });

  it('show fixed-fee projects at their fee, with the margin carrying the risk', () => {
    const booth = find(result.projects, 'Helios CES Booth');
    expect([booth.price.low, booth.price.p50, booth.price.high]).toEqual([185000, 185000, 185000]);
    expect(booth.margin.low).toBeCloseTo(185000 - booth.cost.high, 6);
    expect(booth.margin.high).toBeCloseTo(185000 - booth.cost.low, 6);
  });

  it('calibrate on the finished tasks and name the biggest drivers of uncertainty', () => {
    expect(result.calibration.tasks).toBe(19);
    const booth = find(result.projects, 'Helios CES Booth');
    expect(booth.drivers[0].label).toBe('Booth materials and hardware');
    expect(booth.drivers.reduce((s, d) => s + d.share, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('are deterministic: the same sheets give the same numbers', () => {
    const again = priced(sample()).result;
    expect(JSON.stringify(again.projects)).toBe(JSON.stringify(result.projects));
  });

  it('write a Budget sheet with money formats, a frozen header and notes saying how', () => {
    const sheet = budgetSheet(result, 'USD', 0.35, 20413);
    expect(sheet.values[0]).toEqual([
      'Project',
      'Client',
      'Status',
      'Hours P50',
      'Cost P10',
      'Cost P50',
      'Cost P90',
      'Price P10',
      'Price P50',
      'Price P90',
      'Margin',
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.numberFormats?.[1][5]).toBe('"$"#,##0');
    expect(sheet.notes?.[0][0]).toContain('calibrated on 19 finished tasks');
    expect(sheet.notes?.[0][0]).toContain('35%');
    const booth = sheet.values.find((r) => r[0] === 'Helios CES Booth') as unknown[];
    expect(booth[1]).toBe('Helios Energy');
    expect(booth[7]).toBe(185000);
    expect(budgetRangeTable(result)[0]).toEqual(['Project', 'Cost P10', 'Cost P50', 'Cost P90', 'Price P10', 'Price P50', 'Price P90']);
  });

  it('hold the share of outcomes Settings > Coverage asks: 95% is wider than 80% and labelled P2.5 · P97.5', () => {
    const wide = priced(sampleWith({ 'Settings!B5': 0.95 })).result;
    expect(wide.coverage).toBe(0.95);
    const booth = (r: typeof result) => find(r.projects, 'Civic Arts Immersive Gallery').cost;
    expect(booth(wide).p50).toBeCloseTo(booth(result).p50, 6);
    expect(booth(wide).high - booth(wide).low).toBeGreaterThan(1.2 * (booth(result).high - booth(result).low));
    expect(budgetRangeTable(wide)[0]).toEqual(['Project', 'Cost P2.5', 'Cost P50', 'Cost P97.5', 'Price P2.5', 'Price P50', 'Price P97.5']);
    expect(budgetSheet(wide, 'USD', 0.35, 20413).notes?.[0][0]).toContain(
      '2.5% come in below P2.5 and as many above P97.5 (Settings > Coverage 95%)',
    );
  });
});

describe('rates', () => {
  it('price labour at the assigned crew’s rates, grossing up cost by the Target Margin where there is no Bill Rate', () => {
    const { result } = priced(mini([['Gala', 'Rig', 'Rigging:3', 10, 10, 10, '', 'Bo', 'Not Started', '', 'no']]));
    const gala = find(result.projects, 'Gala');
    expect(gala.cost.p50).toBeCloseTo(400, 6);
    expect(gala.price.p50).toBeCloseTo(400 / 0.65, 6);
  });

  it('price unassigned work at the median rate of the qualified staff', () => {
    const { result } = priced(mini([['Later', 'Wall', 'LED:3', 10, 10, 10, '', '', 'Not Started', '', 'no']]));
    const later = find(result.projects, 'Later');
    expect(later.crew).toEqual([]);
    expect(later.cost.p50).toBeCloseTo(500, 6);
  });

  it('report a crew member with no Cost Rate at their Staff cell', () => {
    const raw = mini([['Gala', 'Rig', 'Rigging:3', 10, '', '', '', 'Ana', 'Not Started', '', 'no']]);
    raw.Staff[1][3] = '';
    const { result } = priced(raw);
    expect(hasErrors(result.problems)).toBe(true);
    expect(result.problems.map(formatProblem)).toContain(
      'Staff!D2: Cost Rate is blank for Ana, who works on "Gala/Rig"; add what an hour of Ana costs so the budget can count it',
    );
  });
});

describe('simulation', () => {
  const lines: Line[] = Array.from({ length: 12 }, (_, i) => ({
    label: `Task ${i}`,
    kind: 'task',
    source: { sheet: 'Tasks', row: i + 2 },
    likely: 10,
    spread: threePoint(10, 7, 16, certain),
    costPerUnit: 50,
    pricePerUnit: 100,
    hoursPerUnit: 1,
    known: { hours: 0, cost: 0, price: 0 },
  }));

  it('keeps a project’s range wide when its tasks overrun together', () => {
    const together = simulate(lines, 0.5, 7);
    const apart = simulate(lines, 0, 7);
    expect(together.cost.high - together.cost.low).toBeGreaterThan(1.5 * (apart.cost.high - apart.cost.low));
  });

  it('reads a three-point estimate as P10 · likely · P90', () => {
    const one = simulate([lines[0]], 0, 3, undefined, 20000);
    expect(one.hours.low).toBeCloseTo(7, 0);
    expect(one.hours.p50).toBeCloseTo(10, 0);
    expect(one.hours.high).toBeCloseTo(16, 0);
  });

  it('names the widest line as the biggest driver', () => {
    const wide = { ...lines[0], label: 'Wide', spread: threePoint(10, 5, 40, certain) };
    expect(simulate([...lines.slice(1), wide], 0.3, 5).drivers[0].label).toBe('Wide');
  });
});

describe('scope what-if', () => {
  const tasks = [
    ['Booth', 'Build', 'Rigging:3', 40, '', '', '', '', 'Not Started', '', 'yes'],
    ['Booth', 'Wire', 'LED:3', 16, '', '', 'Build', '', 'Not Started', '', 'yes'],
    ['Gala', 'Design', 'Audio:3', 24, '', '', '', '', 'Not Started', '', 'no'],
    ['Gala', 'Show', 'Audio:3', 8, '', '', 'Design', '', 'Not Started', '', 'no'],
  ];
  const costs = {
    Costs: [
      ['Project', 'Item', 'Cost', 'Cost Low', 'Cost High', 'Scales', 'Markup %'],
      ['Booth', 'Timber', 2000, 1800, 2600, 'yes', '10%'],
      ['Booth', 'Truck', 900, '', '', 'no', '0%'],
    ],
  };
  const { plan, result } = priced(mini(tasks, costs));

  it('at 0.5 lowers the cost and shortens the plan of a project with Scales work', () => {
    const before = find(result.projects, 'Booth');
    const half = scopeWhatIf(plan, 'Booth', 0.5, { iterations: 30 }).budget;
    expect(half.cost.p50).toBeLessThan(before.cost.p50 * 0.6);
    expect(half.end as number).toBeLessThan(before.end as number);
    expect(half.scope).toBe(0.5);
  });

  it('scales only the Costs lines marked Scales', () => {
    const truckOnly = priced(mini(tasks, { Costs: [costs.Costs[0], costs.Costs[2]] }));
    const before = find(truckOnly.result.projects, 'Booth');
    const half = scopeWhatIf(truckOnly.plan, 'Booth', 0.5, { iterations: 30 }).budget;
    // Labour halves; the 900 truck does not.
    expect(half.cost.p50 - 900).toBeCloseTo((before.cost.p50 - 900) / 2, -1);
  });

  it('changes nothing for a project with no Scales work', () => {
    const before = find(result.projects, 'Gala');
    const half = scopeWhatIf(plan, 'Gala', 0.5, { iterations: 30 }).budget;
    expect(half.cost).toEqual(before.cost);
    expect(half.end).toBe(before.end);
    expect(half.crew).toEqual(before.crew);
  });

  it('leaves the plan it was given untouched', () => {
    const copy = JSON.stringify(plan);
    scopeWhatIf(plan, 'Booth', 0.5, { iterations: 30 });
    expect(JSON.stringify(plan)).toBe(copy);
  });

  it('refuses a scope of 0 or less', () => {
    expect(() => scopeWhatIf(plan, 'Booth', 0)).toThrow(/above 0/);
  });
});

describe('what holds a project’s end', () => {
  const LAUNCH = 'Marrow & Finch Book Launch';

  it('follows the last task back through what it waits for, to what holds the first', () => {
    const { plan } = read(sample());
    const base = scopeWhatIf(plan, LAUNCH, 1);
    const half = scopeWhatIf(plan, LAUNCH, 0.5);
    // Half the launch's work, and it still ends the same day: the strike follows the launch night,
    // which follows the load-in, on its earliest date.
    expect(half.budget.end).toBe(base.budget.end);
    const hold = whatHoldsTheEnd(plan, half.schedule, LAUNCH);
    expect(hold?.chain.map((c) => c.task)).toEqual(['Strike', 'Launch night', 'Load-in']);
    expect(hold?.chain[0].start).toMatch(/, right after Launch night$/);
    expect(hold?.chain[2].start).toMatch(/its earliest date$/);
    expect(hold?.pinnedTo).toEqual([]);
    expect(hold?.timeOff).toEqual([]);
  });

  it('names the pins and the time off around the task that holds it', () => {
    const first = read(sample()).plan;
    const loadIn = first.tasks.find((t) => t.project === LAUNCH && t.task === 'Load-in');
    const planned = scopeWhatIf(first, LAUNCH, 0.5).schedule.tasks.find((t) => t.project === LAUNCH && t.task === 'Load-in');
    if (!loadIn || !planned) throw new Error('the sample has a load-in');
    const who = planned.crew[0].name;
    const timeOffRows = sample().TimeOff.length;
    const { plan } = read(
      sampleWith({
        [`Tasks!H${loadIn.row}`]: planned.crew.map((c) => c.name).join(', '),
        [`TimeOff!A${timeOffRows + 1}`]: who,
        [`TimeOff!B${timeOffRows + 1}`]: dayToIso(planned.start - 4),
        [`TimeOff!C${timeOffRows + 1}`]: dayToIso(planned.start - 3),
      }),
    );
    const hold = whatHoldsTheEnd(plan, scopeWhatIf(plan, LAUNCH, 0.5).schedule, LAUNCH);
    expect(hold?.chain.at(-1)?.task).toBe('Load-in');
    expect(hold?.pinnedTo).toEqual(planned.crew.map((c) => c.name));
    expect(hold?.timeOff).toEqual([{ name: who, from: planned.start - 4, to: planned.start - 3 }]);
  });
});

describe('bad input', () => {
  it('reports Low above High on Tasks and Costs at their cells', () => {
    const raw = sampleWith({ 'Tasks!E22': 120, 'Costs!D2': 30000 });
    const { problems } = read(raw);
    const messages = problems.map(formatProblem);
    expect(messages).toContain('Tasks!E22: low estimate 120 is above the high estimate 110');
    expect(messages).toContain('Costs!D2: low estimate 30000 is above the high estimate 27000');
  });

  it('reports negative hours at their cell', () => {
    const { problems } = read(sampleWith({ 'Tasks!D24': -4 }));
    expect(problems.map(formatProblem)).toContain('Tasks!D24: Hours must be a number of 0 or more, got -4');
  });
});

describe('ESTIMATE’s arithmetic', () => {
  const estimates = ['Hours', 10, 20, '', 8, 16, 40, 12, 6, 24, 30];
  const actuals = ['Actual Hours', 12, 26, '', 8, 21, 46, 15, 9, 25, 41];

  it('skips headers and blank pairs, keeping the columns aligned', () => {
    const withHeader = estimateRanges([16], estimates, actuals);
    const without = estimateRanges(
      [16],
      estimates.slice(1).filter((v) => v !== ''),
      actuals.slice(1).filter((v) => v !== ''),
    );
    expect(withHeader.errors).toEqual([]);
    expect(withHeader.rows).toEqual(without.rows);
    const [low, likely, high] = withHeader.rows[0] as number[];
    expect(low).toBeLessThan(likely);
    expect(likely).toBeLessThan(high);
    expect(likely).toBeGreaterThan(16); // this history overruns
  });

  it('widens the range for a higher coverage, given as a share or a percentage', () => {
    const eighty = estimateRanges([16], estimates, actuals).rows[0] as number[];
    const ninetyFive = estimateRanges([16], estimates, actuals, '95%').rows[0] as number[];
    expect(ninetyFive[2] - ninetyFive[0]).toBeGreaterThan(eighty[2] - eighty[0]);
  });

  it('says what is wrong, with the position, instead of guessing', () => {
    expect(estimateRanges([-3], estimates, actuals).errors).toEqual(['hours must be more than 0, got -3']);
    expect(estimateRanges([0], estimates, actuals).errors).toEqual(['hours must be more than 0, got 0']);
    expect(estimateRanges([16], estimates, actuals.slice(1)).errors[0]).toMatch(/past_estimates has 11 cells but past_actuals has 10/);
    expect(estimateRanges([16], [4, -2], [5, 3]).errors).toContain('past_estimates item 2: hours cannot be negative, got -2');
    expect(estimateRanges([16], estimates, actuals, '150%').errors[0]).toMatch(/^coverage must be a share between 0% and 99%/);
    expect(estimateRanges([16], ['Hours'], ['Actual']).errors[0]).toMatch(/^no past task has both/);
  });
});
