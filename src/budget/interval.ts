// ESTIMATE's range, chosen by held-out validation inside the firm's own history. Several ways of
// reading a range off finished tasks compete: the plain band (the central share of all past
// actual/estimate ratios), the shortest stretch of ratios holding that share, the same among tasks of
// about the same size, and the ratio model (ratio.ts). Each is fitted on the older four fifths of the
// history and judged on the newest fifth, as it would have done then; each may ask for a slightly
// higher nominal share where the newest tasks drifted. The narrowest that held its share there is
// refitted on all the history. So a range is never wider than the plain band unless the plain band
// itself fell short, and it narrows only where the firm's history shows that narrowing held.

import { Effort } from '../model/effort';
import { firstAtLeast } from '../model/sorted';
import { fitRatioModel, type HistoryPoint, ratioRange } from './ratio';

export interface EstimateRange {
  low: number;
  likely: number;
  high: number;
}

/** What the validation chose, for notes and benchmarks. */
export interface CalibratedRange {
  method: 'plain band' | 'shortest band' | 'tasks of the same size' | 'ratio model';
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
/** Neighbourhoods for "tasks of the same size", as shares of the history. */
const SIZE_SHARES = [0.25, 0.5];

interface Method {
  name: CalibratedRange['method'];
  /** Fitted on some history: the log-ratio range [lo, hi] and median for an estimate at a nominal share. */
  fit(history: readonly HistoryPoint[], effort: Effort): (estimate: number, nominal: number) => [number, number, number];
}

const logRatio = (p: HistoryPoint) => Math.log(p.actual / p.estimate);

/** Empirical quantile (linear between order statistics) of an ascending list. */
function quantile(sorted: ArrayLike<number>, p: number): number {
  const position = p * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

/** The shortest stretch of an ascending list holding `share` of it, and the list's median. */
function shortest(sorted: ArrayLike<number>, share: number): [number, number, number] {
  const n = sorted.length;
  const span = Math.min(n, Math.max(1, Math.ceil(share * n)));
  let at = 0;
  for (let i = 1; i + span - 1 < n; i++) if (sorted[i + span - 1] - sorted[i] < sorted[at + span - 1] - sorted[at]) at = i;
  return [sorted[at], sorted[at + span - 1], quantile(sorted, 0.5)];
}

const ascending = (values: number[]) => Float64Array.from(values).sort();

const METHODS: Method[] = [
  {
    name: 'plain band',
    fit(history) {
      const sorted = ascending(history.map(logRatio));
      return (_, nominal) => [quantile(sorted, (1 - nominal) / 2), quantile(sorted, (1 + nominal) / 2), quantile(sorted, 0.5)];
    },
  },
  {
    name: 'shortest band',
    fit(history) {
      const sorted = ascending(history.map(logRatio));
      // The same band for every estimate: found once per share asked in a row, not once per task.
      let asked = Number.NaN;
      let band: [number, number, number] = [0, 0, 0];
      return (_, nominal) => {
        if (nominal !== asked) {
          asked = nominal;
          band = shortest(sorted, nominal);
        }
        return band;
      };
    },
  },
  ...SIZE_SHARES.map(
    (share): Method => ({
      name: 'tasks of the same size',
      fit(history, effort) {
        const bySize = [...history].sort((a, b) => a.estimate - b.estimate);
        const sizes = bySize.map((p) => Math.log(p.estimate));
        const ratios = bySize.map(logRatio);
        const k = Math.max(MIN_HISTORY / 2, Math.round(share * history.length));
        const memo = new Map<string, [number, number, number]>();
        return (estimate, nominal) => {
          const key = `${estimate}|${nominal}`;
          let found = memo.get(key);
          if (!found) {
            effort.spend(k);
            // The k tasks nearest in log size: a window around where this estimate falls.
            const x = Math.log(estimate);
            let at = firstAtLeast(sizes, x) - Math.floor(k / 2);
            at = Math.max(0, Math.min(sizes.length - k, at));
            found = shortest(ascending(ratios.slice(Math.max(0, at), at + k)), nominal);
            memo.set(key, found);
          }
          return found;
        };
      },
    }),
  ),
  {
    name: 'ratio model',
    fit(history) {
      const model = fitRatioModel(history);
      return (estimate, nominal) => {
        const r = ratioRange(model, estimate, nominal);
        return [Math.log(r.low / estimate), Math.log(r.high / estimate), Math.log(r.likely / estimate)];
      };
    },
  },
];

/** How a method did on the held-out tasks at the lowest nominal share that held `coverage` there. */
function validate(method: Method, older: readonly HistoryPoint[], newer: readonly HistoryPoint[], coverage: number, effort: Effort) {
  const fitted = method.fit(older, effort);
  let last = { nominal: coverage, held: 0, width: Number.POSITIVE_INFINITY };
  for (let nominal = coverage; nominal <= MAX_NOMINAL + 1e-9; nominal += NOMINAL_STEP) {
    effort.spend(newer.length);
    let held = 0;
    let width = 0;
    for (const p of newer) {
      const [lo, hi] = fitted(p.estimate, nominal);
      const y = logRatio(p);
      if (y >= lo && y <= hi) held++;
      width += hi - lo;
    }
    last = { nominal, held: held / newer.length, width: width / newer.length };
    if (last.held >= coverage - TOLERANCE) break;
  }
  return last;
}

/** The range ESTIMATE gives: the method and share that did best on the newest finished tasks. */
export function calibratedRange(history: readonly HistoryPoint[], coverage: number, effort = new Effort()): CalibratedRange {
  const points = history.filter((p) => p.estimate > 0 && p.actual > 0 && Number.isFinite(p.estimate) && Number.isFinite(p.actual));
  const fromModel = (nominal: number): CalibratedRange => {
    const model = fitRatioModel(points);
    return { method: 'ratio model', nominal, range: (estimate) => ratioRange(model, estimate, nominal) };
  };
  if (points.length < MIN_HISTORY) return fromModel(coverage);
  const cut = points.length - Math.max(MIN_HISTORY / 2, Math.round(points.length * VALIDATION_SHARE));
  const older = points.slice(0, cut);
  const newer = points.slice(cut);
  let best: { method: Method; nominal: number; held: number; width: number } | undefined;
  for (const method of METHODS) {
    const judged = validate(method, older, newer, coverage, effort);
    const holds = judged.held >= coverage - TOLERANCE;
    const better =
      !best ||
      (holds && (best.held < coverage - TOLERANCE || judged.width < best.width)) ||
      (!holds && best.held < coverage - TOLERANCE && judged.held > best.held);
    if (better) best = { method, ...judged };
  }
  const chosen = best as NonNullable<typeof best>;
  if (chosen.method.name === 'ratio model') return fromModel(chosen.nominal);
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
