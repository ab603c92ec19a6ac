// Planning in the sidebar: the solve runs here, in the user's browser, in small steps so progress
// shows, against the published plan when there is one; the last plan is kept for the other panels
// while the workbook has not changed.

import { type BoundedResult, Planner, withBound } from '../src/schedule/schedule';
import { BROWSER_WORK_BUDGET } from '../src/schedule/search';
import type { Progress } from './ui';
import type { LoadedWorkbook } from './workbook';

const STEP = 10;

let last: { key: string; result: BoundedResult } | undefined;

function keyOf(workbook: LoadedWorkbook, includeProposals: boolean): string {
  return `${includeProposals}|${JSON.stringify(workbook.snapshot.sheets)}|${JSON.stringify(workbook.snapshot.baseline ?? null)}`;
}

export async function planWorkbook(workbook: LoadedWorkbook, includeProposals: boolean, progress: Progress): Promise<BoundedResult> {
  const key = keyOf(workbook, includeProposals);
  if (last?.key === key) return last.result;
  const planner = new Planner(workbook.plan, { includeProposals, workBudget: BROWSER_WORK_BUDGET, baseline: workbook.baseline?.rows });
  await progress.set(0, 'Planning…');
  while (!planner.step(STEP)) await progress.set(planner.progress, `Searching for a better plan… ${Math.round(planner.progress * 100)}%`);
  await progress.set(1, 'Explaining each choice…');
  const result = withBound(planner, planner.result());
  last = { key, result };
  return result;
}
