// ESTIMATE's range, chosen by held-out validation inside the firm's own history. Two ways of reading
// a range off finished tasks compete: the plain band (the central share of all past actual/estimate
// ratios) and tasks of the same size (the history cut by estimate into groups, each with its own
// shortest band, the shares spread over the groups where they buy the most coverage for the width).
// Each is fitted on the older four fifths of the history and judged on the newest fifth, as it would
// have done then; each may ask for a slightly higher nominal share where the newest tasks drifted. The
// narrower of the two that held its share there is refitted on all the history. So a range is never
// wider than the plain band unless the plain band itself fell short, and it narrows only where the
// firm's history shows that narrowing held. Short histories get the ratio model (ratio.ts).

import { Effort } from '../model/effort';
import { fitRatioModel, type HistoryPoint, ratioRange } from './ratio';
import { quantileOfSorted } from './stats';

export interface EstimateRange {
  low: number;
  likely: number;
  high: number;
}

/** What the validation chose, for notes and benchmarks. */
export interface CalibratedRange {
  method: 'plain band' | 'tasks of the same size' | 'ratio model';
  /** The share the chosen method is asked for (at least the coverage wanted). */
  nominal: number;
  range(estimate: number): EstimateRange;
}

/** Below this many finished tasks the validation would judge on too few: the ratio model alone. */
const MIN_HISTORY = 40;
/** Share of the history, the newest, held out to judge the methods. */
const VALIDATION_SHARE = 0.2;
/** Nominal shares tried above the one wanted, and how far short of it validation may fall (its noise). */
const NOMINAL_STEP = 0.01;
const MAX_NOMINAL = 0.97;
const TOLERANCE = 0.01;
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

/** The shortest stretch of an ascending list holding `share` of it, and the list's median (within the stretch). */
function shortest(sorted: ArrayLike<number>, share: number): [number, number, number] {
  const n = sorted.length;
  const span = Math.min(n, Math.max(1, Math.ceil(share * n)));
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

/**
 * How a method did on the held-out tasks at the lowest nominal share that held `coverage` there, short
 * of it by at most `slack`.
 */
function validate(
  method: Method,
  older: readonly HistoryPoint[],
  newer: readonly HistoryPoint[],
  coverage: number,
  slack: number,
  effort: Effort,
) {
  const fitted = method.fit(older, effort);
  let last = { nominal: coverage, held: 0, width: 0, holds: false };
  for (let nominal = coverage; nominal <= MAX_NOMINAL + 1e-9 && !last.holds; nominal += NOMINAL_STEP) {
    effort.spend(newer.length);
    let held = 0;
    let width = 0;
    for (const p of newer) {
      const [lo, hi] = fitted(p.estimate, nominal);
      const y = logRatio(p);
      if (y >= lo && y <= hi) held++;
      width += hi - lo;
    }
    held /= newer.length;
    last = { nominal, held, width: width / newer.length, holds: held >= coverage - slack };
  }
  return last;
}

/** The range ESTIMATE gives: the method and share that did best on the newest finished tasks. */
export function calibratedRange(history: readonly HistoryPoint[], coverage: number, effort = new Effort()): CalibratedRange {
  const points = history.filter((p) => p.estimate > 0 && Number.isFinite(logRatio(p)));
  if (points.length < MIN_HISTORY) {
    const model = fitRatioModel(points);
    return { method: 'ratio model', nominal: coverage, range: (estimate) => ratioRange(model, estimate, coverage) };
  }
  const cut = points.length - Math.max(MIN_HISTORY / 2, Math.round(points.length * VALIDATION_SHARE));
  const older = points.slice(0, cut);
  const newer = points.slice(cut);
  // The plain band (first) keeps the share asked unless the newest tasks fell short of it by more than
  // their number explains; a narrower way must hold the share outright. The narrowest that held is
  // chosen; if none did, the one that came closest (the plain band on a tie).
  const noise = Math.max(TOLERANCE, Math.sqrt((coverage * (1 - coverage)) / newer.length));
  const rank = (judged: ReturnType<typeof validate>) => (judged.holds ? judged.width - 1e9 : -judged.held);
  const chosen = METHODS.map((method, i) => ({
    method,
    ...validate(method, older, newer, coverage, i ? TOLERANCE : noise, effort),
  })).reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const fitted = chosen.method.fit(points, effort);
  return {
    method: chosen.method.name,
    nominal: chosen.nominal,
    range(estimate) {
      const [lo, hi, mid] = fitted(estimate, chosen.nominal);
      return { low: estimate * Math.exp(lo), likely: estimate * Math.exp(mid), high: estimate * Math.exp(hi) };
    },
  };
}
