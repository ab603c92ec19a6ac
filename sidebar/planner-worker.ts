// One search of a portfolio, in a Web Worker: the sidebar's own script, started again from its text,
// reads the workbook snapshot it is sent (its published plan included, as the page reads it), searches
// as the panel's k-th search, reports progress and how good its committed plan is, and explains its
// plan only if that plan is the one kept.

import type { WorkbookSnapshot } from '../src/api';
import type { Terms } from '../src/schedule/objective';
import { panelSearch } from '../src/schedule/portfolio';
import { type BoundedResult, Planner, withBound } from '../src/schedule/schedule';
import { type LoadedWorkbook, readSnapshot } from './workbook';

export type ToPlanner = { kind: 'plan'; snapshot: WorkbookSnapshot; includeProposals: boolean; search: number } | { kind: 'explain' };

export type FromPlanner =
  | { kind: 'ready' }
  | { kind: 'progress'; share: number }
  | { kind: 'searched'; committed: Terms }
  | { kind: 'result'; result: BoundedResult }
  | { kind: 'failed'; message: string };

/** Iterations between progress reports. */
export const STEP = 10;

/** What a dedicated worker's global scope offers this module. */
interface WorkerScope {
  postMessage(message: FromPlanner): void;
  onmessage: ((event: MessageEvent<ToPlanner>) => void) | null;
}

/** A planner over a read workbook, as the Plan panel's k-th search (from 0) searches. */
export function panelPlanner(workbook: Pick<LoadedWorkbook, 'plan' | 'baseline'>, includeProposals: boolean, k: number): Planner {
  return new Planner(workbook.plan, { ...panelSearch(k), includeProposals, baseline: workbook.baseline?.rows });
}

export function servePlanner(scope: WorkerScope): void {
  let planner: Planner | undefined;
  scope.onmessage = (event) => {
    const message = event.data;
    try {
      if (message.kind === 'plan') {
        planner = panelPlanner(readSnapshot(message.snapshot), message.includeProposals, message.search);
        while (!planner.step(STEP)) scope.postMessage({ kind: 'progress', share: planner.progress });
        scope.postMessage({ kind: 'searched', committed: planner.committedTerms });
      } else if (planner) {
        scope.postMessage({ kind: 'result', result: withBound(planner, planner.result()) });
      }
    } catch (error) {
      scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  scope.postMessage({ kind: 'ready' });
}
