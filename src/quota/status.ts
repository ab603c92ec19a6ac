// Pace and status: where a straight line says an owner should be by a date, and one word for where
// they stand and where they will land.

import type { Day } from '../model/dates';
import type { Period } from '../model/period';
import type { Unit } from './units';

export type Status = 'ahead' | 'on track' | 'at risk' | 'behind' | 'not started' | 'met' | 'missed';

export const STATUSES: readonly Status[] = ['ahead', 'on track', 'at risk', 'behind', 'not started', 'met', 'missed'];

/** Where the as-of date falls: before the period, within it, or after it. */
export type Phase = 'upcoming' | 'running' | 'ended';

export function phaseOf(period: Period, asOf: Day): Phase {
  return asOf < period.from ? 'upcoming' : asOf > period.to ? 'ended' : 'running';
}

/** A projection within this share of the target is "at risk", not yet "behind". */
export const AT_RISK_SHARE = 0.9;

function statusRule(atRisk: number): string {
  return (
    'Status compares where the owner stands (Actual against Pace) with where they will land (Projected against Target). ' +
    'Ahead: Projected reaches the Target and Actual is above Pace. ' +
    'On track: Projected reaches the Target. ' +
    `At risk: Projected falls short of the Target, but reaches ${atRisk * 100}% of it or Actual is at or above Pace. ` +
    `Behind: Projected is under ${atRisk * 100}% of the Target and Actual is below Pace. ` +
    'Not started: the period begins after the as-of date. Met or Missed: the period is over, and Actual reached the Target or did not.'
  );
}

/**
 * The rule, as the sheet notes and the sidebar state it. Built by a call marked pure, so the script
 * custom functions load, which never shows it, leaves it out.
 */
export const STATUS_RULE = /* @__PURE__ */ statusRule(AT_RISK_SHARE);

export const PACE_RULE =
  'Pace: where a straight line from zero on the period’s first day to the Target on its last day is on the as-of date. ' +
  'For a rate, the Target itself.';

/** Days of the period elapsed by the as-of date (the as-of day included), from 0 to the period's length. */
export function elapsedDays(period: Period, asOf: Day): number {
  return Math.max(0, Math.min(period.to - period.from + 1, asOf - period.from + 1));
}

export function paceAt(target: number, unit: Unit, period: Period, asOf: Day): number {
  if (unit === 'rate') return target;
  return (target * elapsedDays(period, asOf)) / (period.to - period.from + 1);
}

/**
 * The status by STATUS_RULE. A rate with nothing delivered yet has no Actual: it is never above Pace.
 * Without a projection there is no status, while the period runs.
 */
export function statusOf(figures: { target: number; actual?: number; pace: number; projected?: number; phase: Phase }): Status | undefined {
  const { target, actual, pace, projected, phase } = figures;
  if (phase === 'upcoming') return 'not started';
  if (phase === 'ended') return actual === undefined ? undefined : actual >= target - 1e-9 ? 'met' : 'missed';
  if (projected === undefined) return undefined;
  const above = actual !== undefined && actual > pace;
  const atPace = actual !== undefined && actual >= pace;
  // Sums of fractions (weighted proposals, rates) land a hair off exact targets.
  const reaches = (share: number) => projected >= target * share - 1e-9;
  if (reaches(1)) return above ? 'ahead' : 'on track';
  return reaches(AT_RISK_SHARE) || atPace ? 'at risk' : 'behind';
}
