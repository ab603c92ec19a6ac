// ESTIMATE's arithmetic: a Low · Likely · High range for an estimate, calibrated on a history of past
// estimates and actuals given as two columns of the same size. Headers and blank cells in the history
// are skipped pair by pair, so the columns stay aligned.

import { percent } from '../model/cells';
import type { Effort } from '../model/effort';
import { MAX_HOURS } from '../model/limits';
import { formatNumber, toTenth } from '../model/numbers';
import { quote } from '../model/problems';
import { calibratedRange } from './interval';
import type { HistoryPoint } from './ratio';

export const DEFAULT_COVERAGE = 0.8;

export interface EstimateAnswer {
  /** One row per hours cell: Low · Likely · High (blank for a blank cell). */
  rows: (number | string)[][];
  /** Readable problems, each naming the argument and position it is about. */
  errors: string[];
}

/** A cell as a number: numbers, and text that is only a number; anything else (headers, blanks) is not. */
function numberIn(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string' && cell.length <= 100 && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(cell)) return Number(cell);
  return undefined;
}

/** The usable (estimate, actual) pairs; a pair with a negative number is a mistake worth saying. */
export function historyPairs(estimates: readonly unknown[], actuals: readonly unknown[], errors: string[]): HistoryPoint[] {
  if (estimates.length !== actuals.length) {
    errors.push(
      `past_estimates has ${estimates.length} cells but past_actuals has ${actuals.length}; give two ranges of the same size, one row per past task`,
    );
    return [];
  }
  const pairs: HistoryPoint[] = [];
  estimates.forEach((cell, i) => {
    const estimate = numberIn(cell);
    const actual = numberIn(actuals[i]);
    for (const [name, value] of [
      ['past_estimates', estimate],
      ['past_actuals', actual],
    ] as const) {
      if (value !== undefined && value < 0) errors.push(`${name} item ${i + 1}: hours cannot be negative, got ${value}`);
      if (value !== undefined && value > MAX_HOURS)
        errors.push(`${name} item ${i + 1}: at most ${formatNumber(MAX_HOURS)} hours, got ${value}`);
    }
    if (estimate !== undefined && actual !== undefined && estimate > 0 && actual > 0) pairs.push({ estimate, actual });
  });
  return pairs;
}

function coverageOf(value: unknown, errors: string[]): number {
  if (value === undefined || value === null || value === '') return DEFAULT_COVERAGE;
  const read = percent({ max: 0.99 })(value);
  if (!read.ok || read.value <= 0) {
    errors.push(`coverage must be a share between 0% and 99%, like 0.8 or 80%, got ${quote(value)}`);
    return DEFAULT_COVERAGE;
  }
  return read.value;
}

/**
 * Low · Likely · High for each hours cell: [Low, High] holds the actual with probability `coverage`
 * for tasks like the history, Likely is the median outcome.
 */
export function estimateRanges(
  hours: readonly unknown[],
  estimates: readonly unknown[],
  actuals: readonly unknown[],
  coverage?: unknown,
  effort?: Effort,
): EstimateAnswer {
  const errors: string[] = [];
  const level = coverageOf(coverage, errors);
  const pairs = historyPairs(estimates, actuals, errors);
  if (errors.length === 0 && pairs.length === 0) {
    errors.push('no past task has both a positive estimate and a positive actual; give the estimates and actual hours of finished tasks');
  }
  hours.forEach((cell, i) => {
    if (cell === '' || cell === null || cell === undefined) return;
    const value = numberIn(cell);
    const where = hours.length > 1 ? `hours item ${i + 1}` : 'hours';
    if (value === undefined) errors.push(`${where} must be a number of hours, got ${quote(cell)}`);
    else if (value <= 0) errors.push(`${where} must be more than 0, got ${value}`);
    else if (value > MAX_HOURS) errors.push(`${where} must be at most ${formatNumber(MAX_HOURS)}, got ${value}`);
  });
  if (hours.length === 0) errors.push('hours is empty; give the estimate to range, e.g. 16');
  if (errors.length) return { rows: [], errors };

  const calibrated = calibratedRange(pairs, level, effort);
  const rows = hours.map((cell) => {
    const value = numberIn(cell);
    if (value === undefined) return ['', '', ''];
    const r = calibrated.range(value);
    return [toTenth(r.low), toTenth(r.likely), toTenth(r.high)];
  });
  return { rows, errors };
}
