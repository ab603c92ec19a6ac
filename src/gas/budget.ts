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
 * A range for an hours estimate, calibrated on finished tasks' estimates and actual hours.
 *
 * @param {16} hours The estimate, in hours (or a column of them: one row each).
 * @param {Tasks!D2:D200} past_estimates Estimates of finished tasks.
 * @param {Tasks!N2:N200} past_actuals The hours those tasks took, row for row.
 * @param {0.8} coverage Optional. How often [Low, High] should hold the actual; default 0.8.
 * @return One row: Low · Likely · High hours.
 * @customfunction
 */
export function ESTIMATE(hours: unknown, past_estimates: unknown, past_actuals: unknown, coverage?: unknown): unknown {
  return answering('ESTIMATE', (effort) => estimateCells(effort, hours, past_estimates, past_actuals, coverage));
}

// A header and blank cells in the history are skipped; [Low, High] holds the actual with probability
// coverage, for tasks like the history.
function estimateCells(effort: Effort, hours: unknown, past_estimates: unknown, past_actuals: unknown, coverage?: unknown): unknown[][] {
  const answer = estimateRanges(asTable(hours).flat(), asTable(past_estimates).flat(), asTable(past_actuals).flat(), coverage, effort);
  if (answer.errors.length) {
    return messageColumn(`ESTIMATE: ${plural(answer.errors.length, 'problem')}`, answer.errors);
  }
  return answer.rows;
}

/**
 * Cost and price ranges per project (P10 / P50 / P90): labour at the planned crew's rates plus
 * non-labour costs, priced as the Budget panel prices them.
 *
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff The Staff table, with Cost Rate and Bill Rate.
 * @param {Costs!A1:G50} costs Optional. The Costs table.
 * @param {Projects!A1:P30} projects Optional. The Projects table.
 * @return Project · Cost P10 · Cost P50 · Cost P90 · Price P10 · Price P50 · Price P90.
 * @customfunction
 */
export function BUDGETRANGE(tasks: unknown, staff: unknown, costs?: unknown, projects?: unknown): unknown {
  return answering('BUDGETRANGE', (effort) => budgetRangeCells(effort, tasks, staff, costs, projects));
}

// Unassigned work is costed at the median rate of qualified staff; a fixed-fee project (a Value in
// Projects) shows its fee as the price. Projects with a Type and no tasks are priced from this
// spreadsheet's Templates, planned with its TimeOff and Settings (Coverage, Target Margin %, Currency).
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
