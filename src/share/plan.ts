// The plan a client's copy shows: the one the Share panel makes — committed work only, searched as
// deeply as the panels search. CLIENTVIEW makes the very same plan (the panel's first search) when a
// formula can afford that search, so its table is the copy's to the cell; when Settings > Iterations
// asks more than fits within Sheets' limit it searches at a formula's depth, and says the copy may differ.

import type { Effort } from '../model/effort';
import type { Plan } from '../model/plan';
import { workItems } from '../model/work';
import { planSchedule, type ScheduleOptions, type ScheduleResult } from '../schedule/schedule';
import { BROWSER_WORK_BUDGET } from '../schedule/search';
import { PLANNED_STATUSES } from './view';

/** How the Share panel plans (as every panel does, proposals left out). */
export const COPY_PLAN: ScheduleOptions = { includeProposals: false, workBudget: BROWSER_WORK_BUDGET };

/** Task placements a formula may spend on the Share panel's search (a few seconds in Apps Script). */
const PREVIEW_PLACEMENTS = 100_000;

/** Placements the construction adds to the improvement iterations (a few priority rules, then two passes). */
const CONSTRUCTION_DECODES = 6;

/** The copy's plan when affordable in a formula (`asCopy`), else the formula-depth plan. */
export function copyPlan(plan: Plan, effort?: Effort): { schedule: ScheduleResult; asCopy: boolean } {
  const tasks = workItems(plan).filter((i) => i.status !== 'Done' && PLANNED_STATUSES.includes(i.project.status)).length;
  const asCopy = (plan.settings.iterations + CONSTRUCTION_DECODES) * tasks <= PREVIEW_PLACEMENTS;
  return { schedule: planSchedule(plan, { ...(asCopy ? COPY_PLAN : { includeProposals: false }), explain: false, effort }), asCopy };
}
