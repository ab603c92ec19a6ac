// Budget custom functions: ESTIMATE ranges one estimate on a history of estimates and actuals;
// BUDGETRANGE prices every project of the given tables as P10 / P50 / P90 ranges. Both answer bad
// input with readable messages, never an error.

import { budgetRanges } from '../budget/budget';
import { estimateRanges } from '../budget/estimate';
import { budgetRangeTable } from '../budget/sheet';
import type { Effort } from '../model/effort';
import { plural } from '../model/numbers';
import { hasErrors } from '../model/problems';
import { rangeProblem } from '../model/read';
import { Costs, TimeOff } from '../model/sheets';
import { planSchedule } from '../schedule/schedule';
import { answering, messageColumn, problemsColumn, rangesColumn } from './lib/answer';
import { asTable } from './lib/args';
import { withCostsRange } from './lib/budget-costs';
import { planFromRanges } from './lib/plan';
import { toReturnedValue } from './lib/values';

/**
 * A range for an hours estimate, calibrated on past estimates and the hours they really took: the
 * actual falls between Low and High with the given probability, for tasks like the history.
 *
 * @param {16} hours The estimate to range, in hours (or a column of estimates: one row each).
 * @param {Tasks!D2:D200} past_estimates Estimates of finished tasks (a header and blank cells are skipped).
 * @param {Tasks!N2:N200} past_actuals The hours those tasks really took, row for row with past_estimates.
 * @param {0.8} coverage Optional. How often [Low, High] should hold the actual; default 0.8 (80%).
 * @return One row: Low · Likely · High hours.
 * @customfunction
 */
export function ESTIMATE(hours: unknown, past_estimates: unknown, past_actuals: unknown, coverage?: unknown): unknown {
  return answering('ESTIMATE', (effort) => estimateCells(effort, hours, past_estimates, past_actuals, coverage));
}

function estimateCells(effort: Effort, hours: unknown, past_estimates: unknown, past_actuals: unknown, coverage?: unknown): unknown[][] {
  const answer = estimateRanges(asTable(hours).flat(), asTable(past_estimates).flat(), asTable(past_actuals).flat(), coverage, effort);
  if (answer.errors.length) {
    return messageColumn(`ESTIMATE: ${plural(answer.errors.length, 'problem')}`, answer.errors);
  }
  return answer.rows;
}

/**
 * Cost and price ranges per project: labour at the crew's rates from the plan (or the median rate of
 * qualified staff for unassigned work), plus non-labour costs, as P10 / P50 / P90 from simulated
 * outcomes. Fixed-fee projects (a Value in Projects) show their fee as the price. Projects with a
 * Type and no tasks are priced from this spreadsheet's Templates, planned with its TimeOff and
 * Settings (Coverage, Target Margin %, Currency), as the Budget panel prices them.
 *
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff The Staff table with Cost Rate and Bill Rate, header row included.
 * @param {Costs!A1:G50} costs Optional. The Costs table (non-labour costs), header row included.
 * @param {Projects!A1:P30} projects Optional. The Projects table (status, Value, Scope), header row included.
 * @return A table with a header row: Project · Cost P10 · Cost P50 · Cost P90 · Price P10 · Price P50 · Price P90.
 * @customfunction
 */
export function BUDGETRANGE(tasks: unknown, staff: unknown, costs?: unknown, projects?: unknown): unknown {
  return answering('BUDGETRANGE', (effort) => budgetRangeCells(effort, tasks, staff, costs, projects));
}

function budgetRangeCells(effort: Effort, tasks: unknown, staff: unknown, costs?: unknown, projects?: unknown): unknown[][] {
  const wrongCosts = rangesColumn('BUDGETRANGE', 'price', [rangeProblem('costs', asTable(costs), Costs, false)]);
  if (wrongCosts) return wrongCosts;
  const { plan, message, timeZone } = planFromRanges('BUDGETRANGE', { Tasks: tasks, Staff: staff, Projects: projects }, undefined, [
    TimeOff,
  ]);
  if (!plan) return message as string[][];
  const priced = withCostsRange(plan, costs);
  if (hasErrors(priced.problems)) return problemsColumn('BUDGETRANGE', 'read the costs', priced.problems);
  const schedule = planSchedule(priced.plan, { includeProposals: true, explain: false, effort });
  const result = budgetRanges(priced.plan, schedule, { effort });
  if (hasErrors(result.problems)) return problemsColumn('BUDGETRANGE', 'price', result.problems);
  return budgetRangeTable(result).map((row) => row.map((cell) => toReturnedValue(cell, timeZone)));
}
