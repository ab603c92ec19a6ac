// ESTIMATE's range, chosen by held-out validation inside the firm's own history. Two ways of reading
// a range off finished tasks compete: the plain band (the central share of all past actual/estimate
// ratios) and tasks of the same size (the history cut by estimate into groups, each with its own
// shortest band, the shares spread over the groups where they buy the most coverage for the width).
// Each is judged on the newest tasks as it would have done then, fitted on the tasks before them, and
// the nominal share it is asked for is set by how often it held there. The plain band stays unless the
// grouped one did clearly better, so a range narrows only where the firm's history shows that narrowing
// held, and is wider than the plain band only where that band fell short. Short histories get the
// ratio model (ratio.ts).

import { Effort } from '../model/effort';
import { fitRatioModel, type HistoryPoint, ratioRange } from './ratio';
import { mean, quantileOfSorted, standardDeviation } from './stats';

export interface EstimateRange {
  low: number;
  likely: number;
  high: number;
}

/** What the validation chose, for notes and benchmarks. */
export interface CalibratedRange {
  method: 'plain band' | 'tasks of the same size' | 'ratio model';
  /** The share the chosen method is asked for: below the coverage wanted where it held more, above where it fell short. */
  nominal: number;
  range(estimate: number): EstimateRange;
}

/** Below this many finished tasks the validation would judge on too few: the ratio model alone. */
const MIN_HISTORY = 40;
/** Share of the history, the newest, held out to judge the methods, in this many consecutive folds. */
const VALIDATION_SHARE = 0.4;
const FOLDS = 4;
/** Nominal shares tried, in steps from a few below the one wanted up to MAX_NOMINAL. */
const NOMINAL_STEP = 0.01;
const LOWER_STEPS = 5;
const MAX_NOMINAL = 0.97;
/** Tasks of the same size: up to this many groups by estimate, of at least MIN_GROUP tasks each. */
const SIZE_GROUPS = 8;
const MIN_GROUP = 50;
/** The shares a size group's band may hold, 50% to 99%: the allocation picks one per group. */
const SHARES = Array.from({ length: 50 }, (_, i) => 0.5 + i / 100);

/** A method fitted on some history: the log-ratio range [lo, hi] and median for an estimate at a nominal share. */
type Fitted = (estimate: number, nominal: number) => [number, number, number];

interface Method {
  name: CalibratedRange['method'];
  fit(history: readonly HistoryPoint[], effort: Effort): Fitted;
}

const logRatio = (p: HistoryPoint) => Math.log(p.actual / p.estimate);

/** The shortest stretch of a non-empty ascending list holding `share` (below 1) of it, and the list's median (within the stretch). */
function shortest(sorted: ArrayLike<number>, share: number): [number, number, number] {
  const n = sorted.length;
  const span = Math.ceil(share * n);
  let at = 0;
  for (let i = 1; i + span - 1 < n; i++) if (sorted[i + span - 1] - sorted[i] < sorted[at + span - 1] - sorted[at]) at = i;
  const lo = sorted[at];
  const hi = sorted[at + span - 1];
  return [lo, hi, Math.min(hi, Math.max(lo, quantileOfSorted(sorted, 0.5)))];
}

const ascending = (values: number[]) => Float64Array.from(values).sort();

/** Tasks whose estimates lie between two cuts: their log ratios' shortest band at each of SHARES. */
interface SizeGroup {
  /** The group's largest estimate: estimates above the previous group's, up to it, belong to it. */
  upTo: number;
  /** Its share of the history's tasks. */
  weight: number;
  bands: [number, number, number][];
}

/** The history cut by estimate into up to SIZE_GROUPS groups of about equal count; equal estimates stay together. */
function sizeGroups(history: readonly HistoryPoint[], effort: Effort): SizeGroup[] {
  const bySize = [...history].sort((a, b) => a.estimate - b.estimate);
  const n = bySize.length;
  const count = Math.max(1, Math.min(SIZE_GROUPS, Math.floor(n / MIN_GROUP)));
  const groups: SizeGroup[] = [];
  for (let start = 0, g = 1; start < n; g++) {
    let end = g >= count ? n : Math.max(start + 1, Math.round((g * n) / count));
    while (end < n && bySize[end].estimate === bySize[end - 1].estimate) end++;
    const sorted = ascending(bySize.slice(start, end).map(logRatio));
    effort.spend(sorted.length * SHARES.length);
    groups.push({ upTo: bySize[end - 1].estimate, weight: sorted.length / n, bands: SHARES.map((share) => shortest(sorted, share)) });
    start = end;
  }
  return groups;
}

/**
 * A band per group such that together they hold `nominal` of the history at the least mean width:
 * every group takes the share that buys the most coverage at a common price of width, and the price
 * is bisected until the groups just hold the share. Groups whose ratios bunch hold more for little
 * width, widely scattered ones less, as far as that narrows the range on average.
 */
function allocate(groups: readonly SizeGroup[], nominal: number): [number, number, number][] {
  const pick = (price: number) =>
    groups.map((g) => {
      const value = (i: number) => SHARES[i] - price * (g.bands[i][1] - g.bands[i][0]);
      let best = 0;
      for (let i = 1; i < SHARES.length; i++) if (value(i) >= value(best)) best = i;
      return best;
    });
  const holds = (price: number) => pick(price).reduce((sum, i, g) => sum + groups[g].weight * SHARES[i], 0) >= nominal - 1e-9;
  // Log ratios span at most a few thousand: at the cheapest price every group holds 99%, at the dearest its narrowest.
  let cheap = 1e-6;
  let dear = 1e6;
  for (let step = 0; step < 60; step++) {
    const price = Math.sqrt(cheap * dear);
    if (holds(price)) cheap = price;
    else dear = price;
  }
  return pick(cheap).map((i, g) => groups[g].bands[i]);
}

const METHODS: Method[] = [
  {
    name: 'plain band',
    fit(history) {
      const sorted = ascending(history.map(logRatio));
      return (_, nominal) => [
        quantileOfSorted(sorted, (1 - nominal) / 2),
        quantileOfSorted(sorted, (1 + nominal) / 2),
        quantileOfSorted(sorted, 0.5),
      ];
    },
  },
  {
    name: 'tasks of the same size',
    fit(history, effort) {
      const groups = sizeGroups(history, effort);
      // Allocated once per share asked in a row, not once per task (a bounded amount of work).
      let asked = -1;
      let bands: [number, number, number][] = [];
      return (estimate, nominal) => {
        if (nominal !== asked) {
          asked = nominal;
          bands = allocate(groups, nominal);
        }
        const g = groups.findIndex((group) => estimate <= group.upTo);
        return bands[g < 0 ? groups.length - 1 : g];
      };
    },
  },
];

/** A method fitted on the history before each held-out fold, as it would have been then. */
interface Judged {
  nominal: number;
  /** Each held-out task's interval score at that share: the width, plus 2 / (1 − coverage) times any miss. */
  scores: number[];
}

/**
 * The least nominal share, from a little below the coverage wanted up, at which a method held the
 * coverage on the held-out folds. Above the coverage it need only come within the folds' noise of it,
 * or within a quarter more misses than asked (75% for 80%): each point asked costs width, so the share
 * is raised only where the folds show the range falling clearly short.
 */
function judge(method: Method, folds: readonly HistoryPoint[][][], coverage: number, effort: Effort): Judged {
  const fits = folds.map(([older]) => method.fit(older, effort));
  for (let step = -LOWER_STEPS; ; step++) {
    const nominal = Math.max(0, coverage + step * NOMINAL_STEP);
    const scores: number[] = [];
    let held = 0;
    folds.forEach(([, newer], f) => {
      effort.spend(newer.length);
      for (const p of newer) {
        const [lo, hi] = fits[f](p.estimate, nominal);
        const y = logRatio(p);
        const miss = Math.max(0, lo - y, y - hi);
        if (!miss) held++;
        scores.push(hi - lo + (2 * miss) / (1 - coverage));
      }
    });
    const slack = Math.max((1 - coverage) / 4, Math.sqrt((coverage * (1 - coverage)) / scores.length));
    held /= scores.length;
    if (step < 0 ? held >= coverage : held >= coverage - slack || nominal >= MAX_NOMINAL) return { nominal, scores };
  }
}

/**
 * The range ESTIMATE gives. The newest part of the history is held out in folds, each predicted from
 * all the tasks before it, and both methods are judged there by the interval score (a proper score for
 * a range: its width plus a penalty for each miss, so neither a narrow range that misses nor a wide one
 * that holds wins by itself). The plain band is kept unless tasks of the same size beat it by more than
 * one standard error of the paired difference (the usual rule for preferring the simpler of two models
 * that validate about as well): a band that won on a few tasks by chance would be wider or miss more on
 * the firm's next tasks.
 */
export function calibratedRange(history: readonly HistoryPoint[], coverage: number, effort = new Effort()): CalibratedRange {
  const points = history.filter((p) => p.estimate > 0 && Number.isFinite(logRatio(p)));
  const n = points.length;
  if (n < MIN_HISTORY) {
    const model = fitRatioModel(points);
    return { method: 'ratio model', nominal: coverage, range: (estimate) => ratioRange(model, estimate, coverage) };
  }
  const size = Math.round((n * VALIDATION_SHARE) / FOLDS);
  const folds = Array.from({ length: FOLDS }, (_, f) => {
    const cut = n - (FOLDS - f) * size;
    return [points.slice(0, cut), points.slice(cut, cut + size)];
  });
  const judged = METHODS.map((method) => judge(method, folds, coverage, effort));
  const gain = judged[0].scores.map((s, i) => s - judged[1].scores[i]);
  const better = +(mean(gain) > standardDeviation(gain) / Math.sqrt(gain.length));
  const chosen = judged[better];
  const method = METHODS[better];
  const fitted = method.fit(points, effort);
  return {
    method: method.name,
    nominal: chosen.nominal,
    range(estimate) {
      const [lo, hi, mid] = fitted(estimate, chosen.nominal);
      return { low: estimate * Math.exp(lo), likely: estimate * Math.exp(mid), high: estimate * Math.exp(hi) };
    },
  };
}
