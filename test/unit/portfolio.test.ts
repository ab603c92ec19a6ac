// A portfolio of searches keeps one plan: the best committed work, the first search on ties. The same
// number of searches gives the same plan, and including proposals never changes the committed part.

import { describe, expect, it } from 'vitest';
import { compareTerms, type Terms } from '../../src/schedule/objective';
import { panelSearch, portfolioSeed, portfolioWinner } from '../../src/schedule/portfolio';
import { Planner, planSchedule } from '../../src/schedule/schedule';
import { COPY_PLAN } from '../../src/share/plan';
import { read, sample } from '../support/workbook';

const terms = (lateness: number, finish: number): Terms => ({
  unplaced: 0,
  lateness,
  finish,
  flow: 0,
  cost: 0,
  expertise: 0,
  switching: 0,
  moved: 0,
  addedLateness: 0,
});

/** Each search of a portfolio run to the end, as the Plan panel's workers run them (shorter). */
function portfolio(searches: number, includeProposals: boolean) {
  const { plan } = read(sample());
  const planners = Array.from({ length: searches }, (_, k) => {
    const planner = new Planner(plan, { ...panelSearch(k), iterations: 40, includeProposals });
    while (!planner.step(10));
    return planner;
  });
  const kept = portfolioWinner(planners.map((p) => p.committedTerms));
  return { planners, kept, tasks: planners[kept].result().tasks };
}

describe('a portfolio of searches', () => {
  it('keeps the best committed plan, the first search on ties', () => {
    expect(portfolioWinner([terms(3, 10), terms(1, 50), terms(1, 40), terms(1, 40)])).toBe(2);
    expect(portfolioWinner([terms(0, 10), terms(0, 10)])).toBe(0);
  });

  it('starts from the seed a single search uses, and keeps a plan no worse than any search found', () => {
    expect(portfolioSeed(0)).toBe(1);
    const { planners, kept } = portfolio(3, false);
    for (const p of planners) expect(compareTerms(planners[kept].committedTerms, p.committedTerms)).toBeLessThanOrEqual(0);
  });

  it('gives the same plan for the same number of searches, and the same committed plan with proposals or without', () => {
    const a = portfolio(3, true);
    const b = portfolio(3, true);
    expect(JSON.stringify(b.tasks)).toBe(JSON.stringify(a.tasks));
    const committedOnly = portfolio(3, false);
    expect(committedOnly.kept).toBe(a.kept);
    for (const t of committedOnly.tasks) {
      const same = a.tasks.find((x) => x.key === t.key);
      expect([same?.start, same?.end, same?.crew]).toEqual([t.start, t.end, t.crew]);
    }
  });

  it('makes with its first search the plan a client copy shows, which CLIENTVIEW repeats on the server', () => {
    const { planners } = portfolio(2, false);
    const { plan } = read(sample());
    const copy = planSchedule(plan, { ...COPY_PLAN, iterations: 40 });
    expect(JSON.stringify(planners[0].result().tasks)).toBe(JSON.stringify(copy.tasks));
  });
});
