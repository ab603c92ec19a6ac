// The ratio model on synthetic histories whose true distribution is known: an X% range must hold
// X% of fresh actuals, for skewed and size-dependent errors alike.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SPREAD, fitRatioModel, type HistoryPoint, ratioRange } from '../../src/budget/ratio';
import { Random } from '../../src/schedule/random';

function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

interface Truth {
  /** log(actual/estimate) for an estimate, given a standard normal draw. */
  logRatio(estimate: number, e: number): number;
}

/** Lognormal ratios whose centre and spread shrink as tasks grow: small tasks overrun more. */
const sizeEffect: Truth = {
  logRatio: (estimate, e) => {
    const x = Math.log(estimate / 16);
    return 0.15 - 0.12 * x + 0.4 * Math.exp(-0.15 * x) * e;
  },
};

/** Right-skewed even in log terms: underruns stay small, overruns run three times as far. */
const skewed: Truth = {
  logRatio: (_estimate, e) => (e < 0 ? 0.2 * e : 0.6 * e),
};

function draw(truth: Truth, n: number, seed: number): HistoryPoint[] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => {
    const estimate = Math.round(Math.exp(Math.log(2) + random.next() * Math.log(100)) * 2) / 2;
    return { estimate, actual: estimate * Math.exp(truth.logRatio(estimate, normal(random))) };
  });
}

function coverage(truth: Truth, history: HistoryPoint[], level: number, seed: number): number {
  const model = fitRatioModel(history);
  const fresh = draw(truth, 2000, seed);
  let inside = 0;
  for (const p of fresh) {
    const r = ratioRange(model, p.estimate, level);
    if (p.actual >= r.low && p.actual <= r.high) inside++;
  }
  return inside / fresh.length;
}

/** Coverage over many histories: one history of 300 tasks alone varies by ±3 points by chance. */
function meanCoverage(truth: Truth, level: number): number {
  const seeds = Array.from({ length: 12 }, (_, i) => 7919 * (i + 1));
  return seeds.reduce((sum, seed) => sum + coverage(truth, draw(truth, 300, seed), level, seed + 1), 0) / seeds.length;
}

const LEVELS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

describe('calibrated hours ranges', () => {
  it.each(LEVELS)('hold %s of fresh actuals when small tasks overrun more (lognormal, size effect)', (level) => {
    expect(Math.abs(meanCoverage(sizeEffect, level) - level)).toBeLessThan(0.025);
  });

  it.each(LEVELS)('hold %s of fresh actuals when errors are skewed in log terms too', (level) => {
    expect(Math.abs(meanCoverage(skewed, level) - level)).toBeLessThan(0.025);
  });

  it('are skewed like the history: the overrun side is longer than the underrun side', () => {
    const model = fitRatioModel(draw(sizeEffect, 300, 5));
    const r = ratioRange(model, 16, 0.8);
    expect(r.high - r.likely).toBeGreaterThan(r.likely - r.low);
  });

  it('let small tasks overrun more, in ratio, when the history says so', () => {
    const model = fitRatioModel(draw(sizeEffect, 300, 6));
    expect(model.medianRatio(2)).toBeGreaterThan(model.medianRatio(100) * 1.2);
  });

  it('fall back to the documented default without history', () => {
    const model = fitRatioModel([]);
    const r = ratioRange(model, 10, 0.8);
    expect(r.likely).toBeCloseTo(10, 6);
    expect(Math.log(r.high / 10)).toBeCloseTo(DEFAULT_SPREAD * 1.2815515, 4);
  });

  it('are ordered Low ≤ Likely ≤ High at every coverage', () => {
    const model = fitRatioModel(draw(skewed, 40, 9));
    for (const level of LEVELS) {
      const r = ratioRange(model, 8, level);
      expect(r.low).toBeLessThanOrEqual(r.likely);
      expect(r.likely).toBeLessThanOrEqual(r.high);
    }
  });

  it('correct a skill that overruns, as far as its history supports it', () => {
    const random = new Random(77);
    const task = (skill: string, ratio: number): HistoryPoint => {
      const estimate = 4 + Math.floor(random.next() * 40);
      return { estimate, actual: estimate * ratio * Math.exp(0.2 * normal(random)), groups: { skill } };
    };
    const many = fitRatioModel([
      ...Array.from({ length: 60 }, () => task('rigging', 1.5)),
      ...Array.from({ length: 60 }, () => task('audio', 1)),
    ]);
    expect(Math.exp(many.logRatio(0.5, 16, { skill: 'rigging' }))).toBeGreaterThan(1.35);
    expect(Math.exp(many.logRatio(0.5, 16, { skill: 'audio' }))).toBeLessThan(1.1);

    // Two rigging tasks only: their correction is shrunk toward the firm's overall fit.
    const two = [task('rigging', 1.5), task('rigging', 1.5)];
    const few = fitRatioModel([...two, ...Array.from({ length: 100 }, () => task('audio', 1))]);
    const own = Math.exp(two.reduce((s, p) => s + Math.log(p.actual / p.estimate), 0) / two.length);
    const rigging = Math.exp(few.logRatio(0.5, 16, { skill: 'rigging' }));
    expect(rigging).toBeLessThan(own);
    expect(rigging).toBeGreaterThan(Math.exp(few.logRatio(0.5, 16, { skill: 'audio' })));
  });
});
