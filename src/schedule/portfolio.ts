// Several searches of one workbook with different seeds (the Plan panel runs one per processor
// core), and which plan to keep: the best plan of the committed work, then the first search. The
// committed work decides, so including proposals never changes the committed plan; the search
// order breaks ties, so the same Iterations and number of searches give the same plan.

import { compareTerms, type Terms } from './objective';

/** The seed of the k-th search (from 0); the first is the seed a single search uses. */
export function portfolioSeed(k: number, base = 1): number {
  return base + k;
}

/** Index of the search whose plan to keep, given each one's committed-work terms. */
export function portfolioWinner(committed: readonly Terms[]): number {
  let best = 0;
  for (let k = 1; k < committed.length; k++) if (compareTerms(committed[k], committed[best]) < 0) best = k;
  return best;
}
