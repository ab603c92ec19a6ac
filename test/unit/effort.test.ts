// A formula's work budget: counted in steps, so it stops at the same point whatever the machine, and
// a plan whose explanations do not fit keeps its dates and crews and says which choices it did not compare.

import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { budgetRanges } from '../../src/budget/budget';
import { Effort, TooMuchWork } from '../../src/model/effort';
import { hasErrors } from '../../src/model/problems';
import { NOT_WEIGHED } from '../../src/schedule/explain';
import { planSchedule, type ScheduleResult } from '../../src/schedule/schedule';
import { read } from '../support/workbook';

function firm() {
  const { plan, problems } = read(generateFirm({ staff: 12, tasks: 80, months: 3, seed: 3 }));
  expect(hasErrors(problems)).toBe(false);
  return plan;
}

const placements = (result: ScheduleResult) => result.tasks.map((t) => [t.key, t.start, t.end, t.crew.map((c) => c.name).join(', ')]);

describe('the work a formula may do', () => {
  it('is counted, not timed: the same plan takes the same steps', () => {
    const plan = firm();
    const [a, b] = [new Effort(), new Effort()];
    planSchedule(plan, { effort: a });
    planSchedule(plan, { effort: b });
    expect(a.spent).toBeGreaterThan(0);
    expect(b.spent).toBe(a.spent);
  });

  it('stops a plan that needs more steps than allowed', () => {
    const plan = firm();
    const needed = new Effort();
    planSchedule(plan, { effort: needed, explain: false });
    expect(() => planSchedule(plan, { effort: new Effort(needed.spent / 2) })).toThrow(TooMuchWork);
    expect(() => budgetRanges(plan, planSchedule(plan, { explain: false }), { effort: new Effort(1_000) })).toThrow(TooMuchWork);
  });

  it('keeps the whole plan when only explaining does not fit, and says which choices were not compared', () => {
    const plan = firm();
    const [planning, everything] = [new Effort(), new Effort()];
    const unexplained = planSchedule(plan, { effort: planning, explain: false });
    const full = planSchedule(plan, { effort: everything });
    const partly = planSchedule(plan, { effort: new Effort((planning.spent + everything.spent) / 2) });

    expect(placements(partly)).toEqual(placements(full));
    expect(placements(unexplained)).toEqual(placements(full));
    const staffed = partly.tasks.filter((t) => t.state === 'planned');
    const notWeighed = staffed.filter((t) => t.why.startsWith(NOT_WEIGHED));
    expect(notWeighed.length).toBeGreaterThan(0);
    expect(notWeighed.length).toBeLessThan(staffed.length);
    // Explained tasks read as they do with no limit, and every Why still says when the task starts.
    for (const t of staffed) {
      const same = full.tasks.find((f) => f.key === t.key) as (typeof full.tasks)[number];
      if (!notWeighed.includes(t)) expect(t.why).toBe(same.why);
      expect(t.why).toMatch(/Starts /);
    }
    expect(full.tasks.some((t) => t.why.startsWith(NOT_WEIGHED))).toBe(false);
  });
});
