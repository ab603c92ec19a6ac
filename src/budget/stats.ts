// Small statistics the budget ranges are built from: the normal distribution, a straight-line fit
// with each point's leverage, and quantiles of a sorted sample.

/** Φ⁻¹(p): the standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Φ(x): the standard normal distribution function (Zelen & Severo 26.2.17, error < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = 0.3989422804014327 * Math.exp((-x * x) / 2) * poly;
  return x >= 0 ? 1 - upper : upper;
}

/**
 * Student's t quantile with ν degrees of freedom: exact for ν = 1 and 2, the Cornish–Fisher expansion
 * beyond (error below 1e-3 at ν = 3, falling fast). Prediction from n points uses ν = n − 1.
 */
export function studentQuantile(p: number, dof: number): number {
  if (dof <= 1) return Math.tan(Math.PI * (p - 0.5));
  if (dof < 3) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z2 = z * z;
  const terms = [
    (z2 + 1) / 4,
    ((5 * z2 + 16) * z2 + 3) / 96,
    (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384,
    ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160,
  ];
  return z * (1 + terms.reduce((sum, t, k) => sum + t / dof ** (k + 1), 0));
}

export interface LineFit {
  intercept: number;
  slope: number;
  meanX: number;
  /** Standard error of the slope (Infinity when it cannot be estimated). */
  slopeError: number;
  /** Σ (x − x̄)². */
  spreadX: number;
}

/** Least-squares y = intercept + slope·x. With fewer than 3 points, or one x, the slope is 0. */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  const meanX = mean(x);
  const meanY = mean(y);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - meanX) ** 2;
    sxy += (x[i] - meanX) * (y[i] - meanY);
  }
  if (n < 3 || sxx <= 1e-12 * n) return { intercept: meanY, slope: 0, meanX, slopeError: Number.POSITIVE_INFINITY, spreadX: sxx };
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - meanY - slope * (x[i] - meanX)) ** 2;
  return { intercept: meanY - slope * meanX, slope, meanX, slopeError: Math.sqrt(rss / (n - 2) / sxx), spreadX: sxx };
}

/**
 * How much of a fitted slope to keep: all of it when it stands far above its standard error, none when
 * it is within noise (the positive-part James–Stein factor 1 − se²/slope²). Small histories thus fall
 * back to "no size effect" instead of extrapolating a slope fitted on a handful of tasks.
 */
export function slopeKept(fit: LineFit): number {
  if (!Number.isFinite(fit.slopeError) || fit.slope === 0) return 0;
  return Math.max(0, 1 - (fit.slopeError / fit.slope) ** 2);
}

export function mean(values: readonly number[] | Float64Array): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1). */
export function standardDeviation(values: readonly number[] | Float64Array): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

/** The p-quantile of ascending values, interpolating between neighbours (Hyndman–Fan type 7). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const at = Math.min(n - 1, Math.max(0, p * (n - 1)));
  const lo = Math.floor(at);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function median(values: readonly number[]): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
