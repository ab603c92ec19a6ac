// How far actual hours land from their estimates, learned from finished tasks. The model works on the
// ratio actual/estimate in log terms, so overruns can be larger than underruns, and lets both the
// centre and the spread depend on the estimate's size (small tasks overrun more, in ratio). Task
// types, skills and people get their own correction only as far as their history supports it.
//
// Calibration: residuals are taken leave-one-out (each task judged by a model fitted without it), so
// the spread is what a new task will see, not the optimistic in-sample spread; their quantiles are
// read at the (n+1) plotting positions of split-conformal prediction. An X% range then holds X% of
// new actuals whatever the shape of the errors, as long as new tasks are like the finished ones, with
// nothing tuned to a particular dataset. How a firm estimates drifts over the years, so the quantiles
// come from the most recent finished tasks only (a sliding window, as in adaptive conformal
// prediction); the centre and the corrections still learn from all of them.

import { addTo } from '../model/group';
import { fitLine, mean, normalQuantile, slopeKept, standardDeviation, studentQuantile } from './stats';

export type GroupFactor = 'type' | 'skill' | 'person';

/** The order corrections are fitted in: the broadest description of the work first. */
const FACTORS: readonly GroupFactor[] = ['type', 'skill', 'person'];

/** One finished task. A history lists them oldest first. */
export interface HistoryPoint {
  estimate: number;
  actual: number;
  /** What the task was, for per-group corrections (canonical keys, e.g. skill "rigging"). */
  groups?: Partial<Record<GroupFactor, string>>;
  /** The project it belonged to: tasks of one project overrun together. */
  project?: string;
}

/**
 * With no history: the median task takes its estimate (no bias is assumed without evidence) and the
 * actual is within a factor of two of it about two times in three (log-scale spread ln 2). That is
 * the spread D. M. Jones reports across public estimate-vs-actual datasets ("over/under estimation
 * factor for most estimates", The Shape of Code, 2022) and the robust spread of the SiP task data
 * (0.68 over 555 tasks; see bench/data/README.md).
 */
export const DEFAULT_SPREAD = Math.LN2;

/**
 * Within-project correlation of overruns used until the firm's own history shows its value. No public
 * data we found measures it for project work (SiP's project codes are long-lived product lines, where
 * it is near 0); 0.3 is a moderate prior that keeps a many-task project's range from collapsing, and
 * the firm's finished projects replace it as they accumulate (see CORRELATION_WEIGHT).
 */
export const DEFAULT_PROJECT_CORRELATION = 0.3;

/**
 * Finished tasks (the most recent, history being oldest first) whose errors set the range's width.
 * Enough for steady quantiles at 80–90% coverage, few enough to follow a firm whose estimating
 * changes; on the SiP task data, calibrating on all history drifted to 74.7% coverage of an 80% range
 * over time, on the last 200 it held 77.0% (bench/README.md).
 */
export const CALIBRATION_WINDOW = 200;

/**
 * The farthest an actual is taken to land from its estimate, either way: a task that took a thousand
 * times its estimate (or a thousandth) is a slip of the keyboard, counted as that far and no farther,
 * and no range reaches beyond it, so ranges stay finite whatever the history holds.
 */
const MAX_LOG_RATIO = Math.log(1000);
const withinReason = (logRatio: number) => Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, logRatio));

/** Projects' worth of weight the default correlation keeps against the firm's own estimate. */
const CORRELATION_WEIGHT = 3;

export interface RatioModel {
  /** Finished tasks learned from (0: the documented default alone). */
  readonly tasks: number;
  /** Correlation of overruns between tasks of one project (the project factor's share of variance). */
  readonly projectCorrelation: number;
  /** log(actual / estimate) at probability p for a task of this estimate and description. */
  logRatio(p: number, estimate: number, groups?: HistoryPoint['groups']): number;
  /** The median actual/estimate ratio of a task of this size (no group correction), for notes. */
  medianRatio(estimate: number): number;
}

interface Correction {
  factor: GroupFactor;
  /** Shift of the log ratio per group. */
  offsets: Map<string, number>;
}

interface SpreadCorrection {
  factor: GroupFactor;
  /** Multiplier of the spread per group (1 = as the firm overall). */
  multipliers: Map<string, number>;
}

interface Fitted {
  centre: (x: number) => number;
  scale: (x: number) => number;
  corrections: Correction[];
  spreads: SpreadCorrection[];
  /** Standardized leave-one-out residuals, ascending. */
  z: Float64Array;
  zMean: number;
  zSpread: number;
}

function defaultLogRatio(p: number): number {
  return DEFAULT_SPREAD * normalQuantile(p);
}

/**
 * Shrunk group offsets (empirical Bayes, method of moments): a group's mean residual is kept in
 * proportion n/(n + k), with k = within-group variance / between-group variance, so a skill seen on
 * two tasks barely moves and one seen on forty keeps nearly its own mean. Returns undefined when the
 * groups differ no more than noise would make them.
 */
function groupOffsets(residuals: readonly number[], keys: readonly (string | undefined)[]) {
  const sums = new Map<string, { n: number; sum: number; ss: number }>();
  keys.forEach((key, i) => {
    if (key === undefined) return;
    const g = sums.get(key) ?? { n: 0, sum: 0, ss: 0 };
    g.n += 1;
    g.sum += residuals[i];
    g.ss += residuals[i] ** 2;
    sums.set(key, g);
  });
  const groups = [...sums.values()];
  const total = groups.reduce((s, g) => s + g.n, 0);
  if (groups.length < 2 || total - groups.length < 2) return undefined;
  const within = groups.reduce((s, g) => s + g.ss - g.sum ** 2 / g.n, 0) / (total - groups.length);
  const grand = groups.reduce((s, g) => s + g.sum, 0) / total;
  const between = groups.reduce((s, g) => s + g.n * (g.sum / g.n - grand) ** 2, 0);
  const n0 = (total - groups.reduce((s, g) => s + g.n ** 2, 0) / total) / (groups.length - 1);
  const tau = (between / (groups.length - 1) - within) / n0;
  if (!(tau > 0) || !(within > 0)) return undefined;
  return { k: within / tau, sums };
}

function fitModel(points: readonly HistoryPoint[]): Fitted {
  const n = points.length;
  const x = points.map((p) => Math.log(p.estimate));
  const y = points.map((p) => withinReason(Math.log(p.actual / p.estimate)));

  // Centre: log ratio against log size, the slope kept only as far as it stands above its noise.
  const line = fitLine(x, y);
  const kept = slopeKept(line);
  const slope = line.slope * kept;
  const meanY = mean(y);
  const centre = (v: number) => meanY + slope * (v - line.meanX);
  const residual = y.map((v, i) => v - centre(x[i]));
  const leave1 = residual.map((r, i) => {
    const leverage = 1 / n + (kept * (x[i] - line.meanX) ** 2) / Math.max(line.spreadX, 1e-12);
    return r / Math.max(1e-6, 1 - leverage);
  });

  // Corrections per task type, skill and person, each on what the previous ones left unexplained.
  const corrections: Correction[] = [];
  for (const factor of FACTORS) {
    const keys = points.map((p) => p.groups?.[factor]);
    const found = groupOffsets(residual, keys);
    if (!found) continue;
    const offsets = new Map<string, number>();
    for (const [key, g] of found.sums) offsets.set(key, g.sum / (g.n + found.k));
    keys.forEach((key, i) => {
      if (key === undefined) return;
      const g = found.sums.get(key) as { n: number; sum: number };
      const own = residual[i];
      residual[i] = own - (offsets.get(key) as number);
      // Judged without itself: its group's offset as fitted on the group's other tasks.
      leave1[i] -= (g.sum - own) / (g.n - 1 + found.k);
    });
    corrections.push({ factor, offsets });
  }

  // Spread against size: |residual| ≈ k·(1 + d·(x − x̄)), read as a log-scale slope d.
  const absolute = leave1.map(Math.abs);
  const spreadLine = fitLine(x, absolute);
  const level = mean(absolute);
  const d = level > 0 ? (spreadLine.slope * slopeKept(spreadLine)) / level : 0;
  const scale = (v: number) => Math.exp(Math.max(-3, Math.min(3, d * (v - line.meanX))));
  const standardized = leave1.map((r, i) => r / scale(x[i]));

  // Spread per task type, skill and person: some kinds of work are estimated more tightly than others.
  const spreads: SpreadCorrection[] = [];
  for (const factor of FACTORS) {
    const keys = points.map((p) => p.groups?.[factor]);
    const typical = mean(standardized.map(Math.abs));
    const found =
      typical > 0
        ? groupOffsets(
            standardized.map((v) => Math.abs(v) - typical),
            keys,
          )
        : undefined;
    if (!found) continue;
    const multiplier = (sum: number, n: number) => Math.max(0.2, 1 + sum / (n + found.k) / typical);
    const multipliers = new Map<string, number>();
    for (const [key, g] of found.sums) multipliers.set(key, multiplier(g.sum, g.n));
    keys.forEach((key, i) => {
      if (key === undefined) return;
      // Judged without itself, as for the offsets: its group's spread as the group's other tasks show it.
      const g = found.sums.get(key) as { n: number; sum: number };
      standardized[i] /= multiplier(g.sum - (Math.abs(standardized[i]) - typical), g.n - 1);
    });
    spreads.push({ factor, multipliers });
  }

  const z = Float64Array.from(standardized.slice(-CALIBRATION_WINDOW)).sort();
  return { centre, scale, corrections, spreads, z, zMean: mean(z), zSpread: standardDeviation(z) };
}

/**
 * The p-quantile of the standardized residuals at the (n+1) plotting positions: position p·(n+1)
 * between order statistics. Beyond the smallest or largest residual the tail continues with the shape
 * of a Student-t prediction from the residuals' own spread (n − 1 degrees of freedom), so ranges stay
 * finite on short histories and grow as wide as a handful of tasks warrants.
 */
function residualQuantile(f: Fitted, p: number): number {
  const n = f.z.length;
  const normal = (q: number) => f.zMean + f.zSpread * Math.sqrt(1 + 1 / n) * studentQuantile(q, n - 1);
  const position = p * (n + 1);
  if (position < 1) return f.z[0] + normal(p) - normal(1 / (n + 1));
  if (position > n) return f.z[n - 1] + normal(p) - normal(n / (n + 1));
  const lo = Math.floor(position);
  const hi = Math.min(n, lo + 1);
  return f.z[lo - 1] + (f.z[hi - 1] - f.z[lo - 1]) * (position - lo);
}

/** Between-project share of the variance of standardized residuals (one-way ANOVA), shrunk to the default. */
function projectCorrelation(points: readonly HistoryPoint[], z: (i: number) => number): number {
  const byProject = new Map<string, number[]>();
  points.forEach((p, i) => {
    if (p.project !== undefined) addTo(byProject, p.project, z(i));
  });
  const groups = [...byProject.values()].filter((g) => g.length >= 2);
  const total = groups.reduce((s, g) => s + g.length, 0);
  if (groups.length < 2 || total - groups.length < 2) return DEFAULT_PROJECT_CORRELATION;
  const grand = groups.flat().reduce((s, v) => s + v, 0) / total;
  const within = groups.reduce((s, g) => s + g.reduce((t, v) => t + (v - mean(g)) ** 2, 0), 0) / (total - groups.length);
  const between = groups.reduce((s, g) => s + g.length * (mean(g) - grand) ** 2, 0) / (groups.length - 1);
  const n0 = (total - groups.reduce((s, g) => s + g.length ** 2, 0) / total) / (groups.length - 1);
  const tau = Math.max(0, (between - within) / n0);
  const measured = Math.min(0.9, tau / (tau + within || 1));
  return (groups.length * measured + CORRELATION_WEIGHT * DEFAULT_PROJECT_CORRELATION) / (groups.length + CORRELATION_WEIGHT);
}

/** Learns the ratio model from finished tasks; pairs without a positive estimate and actual are skipped. */
export function fitRatioModel(history: readonly HistoryPoint[]): RatioModel {
  const points = history.filter((p) => p.estimate > 0 && p.actual > 0 && Number.isFinite(p.estimate) && Number.isFinite(p.actual));
  const n = points.length;
  if (n < 2) {
    return {
      tasks: n,
      projectCorrelation: DEFAULT_PROJECT_CORRELATION,
      logRatio: (p) => defaultLogRatio(p),
      medianRatio: () => 1,
    };
  }
  const f = fitModel(points);
  const offset = (groups: HistoryPoint['groups']) =>
    f.corrections.reduce((sum, c) => {
      const key = groups?.[c.factor];
      return sum + (key === undefined ? 0 : (c.offsets.get(key) ?? 0));
    }, 0);
  const spread = (groups: HistoryPoint['groups']) =>
    f.spreads.reduce((product, c) => {
      const key = groups?.[c.factor];
      return product * (key === undefined ? 1 : (c.multipliers.get(key) ?? 1));
    }, 1);
  // Simulations ask for the same probabilities over and over (a fixed grid): remember the answers.
  const quantiles = new Map<number, number>();
  const residualAt = (p: number) => {
    let q = quantiles.get(p);
    if (q === undefined) {
      q = residualQuantile(f, p);
      if (quantiles.size < 4096) quantiles.set(p, q);
    }
    return q;
  };
  const logRatio = (p: number, estimate: number, groups?: HistoryPoint['groups']) => {
    const x = Math.log(Math.max(estimate, 1e-9));
    return withinReason(f.centre(x) + offset(groups) + f.scale(x) * spread(groups) * residualAt(p));
  };
  const xs = points.map((p) => Math.log(p.estimate));
  const residual = (i: number) => (withinReason(Math.log(points[i].actual / points[i].estimate)) - f.centre(xs[i])) / f.scale(xs[i]);
  return {
    tasks: n,
    projectCorrelation: projectCorrelation(points, residual),
    logRatio,
    medianRatio: (estimate) => Math.exp(logRatio(0.5, estimate)),
  };
}

/** Low · Likely · High for one estimate: the central range holding `coverage` of actuals, and the median. */
export function ratioRange(model: RatioModel, estimate: number, coverage: number, groups?: HistoryPoint['groups']) {
  const tail = (1 - coverage) / 2;
  return {
    low: estimate * Math.exp(model.logRatio(tail, estimate, groups)),
    likely: estimate * Math.exp(model.logRatio(0.5, estimate, groups)),
    high: estimate * Math.exp(model.logRatio(1 - tail, estimate, groups)),
  };
}
