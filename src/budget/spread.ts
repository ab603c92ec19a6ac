// How uncertain one line of a budget is, as a quantile function of a multiplier of its likely amount:
// Spread(p) = the amount at probability p divided by the likely amount.

import { normalQuantile } from './stats';

export type Spread = (p: number) => number;

/** Hours Low / Hours High and Cost Low / Cost High are read as the P10 and P90 of the amount. */
export const THREE_POINT_PROBABILITY = 0.9;

const Z90 = normalQuantile(THREE_POINT_PROBABILITY);

/** Φ⁻¹, remembered: simulations evaluate every spread on the same grid of probabilities. */
const zCache = new Map<number, number>();
function zOf(p: number): number {
  let z = zCache.get(p);
  if (z === undefined) {
    z = normalQuantile(p);
    if (zCache.size < 4096) zCache.set(p, z);
  }
  return z;
}

/** No uncertainty: the amount is what it is. */
export const certain: Spread = () => 1;

/**
 * A three-point estimate as a two-piece lognormal: the likely amount is the median, Low and High are
 * the P10 and P90, so each side keeps its own width (a long pessimistic side stays long). A side left
 * blank comes from `fallback` (the history-calibrated spread for hours); a Low of 0 makes the lower
 * side linear, down to 0 at worst.
 */
export function threePoint(likely: number, low: number | undefined, high: number | undefined, fallback: Spread): Spread {
  const lowRatio = low === undefined ? undefined : low / likely;
  const highRatio = high === undefined ? undefined : high / likely;
  const lowerWidth = lowRatio !== undefined && lowRatio > 0 ? -Math.log(lowRatio) / Z90 : undefined;
  const upperWidth = highRatio !== undefined ? Math.log(Math.max(highRatio, 1)) / Z90 : undefined;
  return (p) => {
    const z = zOf(p);
    if (z >= 0) return upperWidth === undefined ? Math.max(1, fallback(p)) : Math.exp(upperWidth * z);
    if (lowerWidth !== undefined) return Math.exp(lowerWidth * z);
    if (lowRatio !== undefined) return Math.max(0, 1 + ((1 - lowRatio) * z) / Z90);
    return Math.min(1, fallback(p));
  };
}

/** Sheet three-point fields given: both, one side, or none. */
export function hasThreePoint(low: number | undefined, high: number | undefined): boolean {
  return low !== undefined || high !== undefined;
}
