// The scope what-if: "what if we did it on half the booth?" Work and costs marked Scales are scaled,
// the whole workbook is re-planned (so the dates and the people on the project can change, and so can
// other projects competing for them), and the project is re-priced. The input sheets are not touched:
// the factor travels as an option, never written back.

import type { Plan } from '../model/plan';
import { planSchedule, type ScheduleResult } from '../schedule/schedule';
import { type BudgetResult, budgetRanges, type ProjectBudget } from './budget';

export interface WhatIf {
  /** The plan with the scope applied. */
  schedule: ScheduleResult;
  /** The project re-priced at that scope. */
  budget: ProjectBudget;
  problems: BudgetResult['problems'];
}

export interface WhatIfOptions {
  /** Scheduler iterations (default: the Iterations setting). */
  iterations?: number;
}

/** Re-plans the workbook with `project` at scope `factor` (proposals included) and re-prices it. */
export function scopeWhatIf(plan: Plan, project: string, factor: number, options: WhatIfOptions = {}): WhatIf {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`Scope must be a number above 0, got ${factor}`);
  const scope = new Map([[project, factor]]);
  const schedule = planSchedule(plan, { scope, includeProposals: true, iterations: options.iterations });
  const result = budgetRanges(plan, schedule, { scope, only: new Set([project]) });
  const budget = result.projects[0];
  if (!budget) throw new RangeError(`No project named "${project}" to re-price`);
  return { schedule, budget, problems: result.problems };
}
