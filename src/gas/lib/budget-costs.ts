// The Costs range of a custom function, read into a Plan that planFromRanges built from the other
// ranges: its rows are parsed and checked (Low ≤ Cost ≤ High, known projects) the way the Costs sheet is.

import type { Plan } from '../../model/plan';
import type { Problem } from '../../model/problems';
import { type RawWorkbook, readPlan } from '../../model/read';
import { asTable } from './args';

/** The plan with the costs range's rows, and the problems found in that range (cells count from its first row). */
export function withCostsRange(plan: Plan, costs: unknown): { plan: Plan; problems: Problem[] } {
  const grid = asTable(costs);
  if (grid.length === 0) return { plan, problems: [] };
  // The projects travel along so Costs rows naming an unknown project are reported.
  const raw: RawWorkbook = { Projects: [['Project', 'Client'], ...plan.projects.map((p) => [p.project, p.client])], Costs: grid };
  const read = readPlan(raw, { timeZone: plan.timeZone, today: plan.today, locale: plan.locale });
  const tab = read.plan.layout.Costs?.tab ?? 'Costs';
  return {
    plan: { ...plan, costs: read.plan.costs, layout: { ...plan.layout, Costs: read.plan.layout.Costs } },
    problems: read.problems.filter((p) => p.sheet === tab),
  };
}
