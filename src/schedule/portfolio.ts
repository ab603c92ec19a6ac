// Several searches of one workbook with different seeds (the Plan panel runs one per processor
// core), and which plan to keep: the best plan of the committed work, then the first search. The
// committed work decides, so including proposals never changes the committed plan; the search
// order breaks ties, so the same Iterations and number of searches give the same plan. Every second
// search also levels the work (levelling.ts): that shortens plans whose end is set by people busy
// throughout, where reordering alone cannot, but on crews over overlapping skills a search without it
// often does better, so both kinds run. The first search, the one a single core runs and CLIENTVIEW
// repeats, does not level.

import { levelling } from './levelling';
import { compareTerms, type Terms } from './objective';
import { BROWSER_WORK_BUDGET, type SearchOptions } from './search';

/** The seed of the k-th search (from 0); the first is the seed a single search uses. */
export function portfolioSeed(k: number, base = 1): number {
  return base + k;
}

/** How the k-th of the Plan panel's searches (from 0) plans. */
export function panelSearch(k: number, base = 1): Pick<SearchOptions, 'workBudget' | 'seed' | 'extraMove'> {
  return { workBudget: BROWSER_WORK_BUDGET, seed: portfolioSeed(k, base), extraMove: k % 2 ? levelling : undefined };
}

/** Index of the search whose plan to keep, given each one's committed-work terms. */
export function portfolioWinner(committed: readonly Terms[]): number {
  let best = 0;
  for (let k = 1; k < committed.length; k++) if (compareTerms(committed[k], committed[best]) < 0) best = k;
  return best;
}
