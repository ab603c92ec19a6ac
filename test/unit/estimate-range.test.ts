// ESTIMATE's range is chosen by held-out validation in the firm's own history: it holds the share
// asked on later tasks, is no wider than the plain quantile band where that band holds, narrows where
// tasks of different sizes behave differently, and widens when the newest tasks drifted.

import { describe, expect, it } from 'vitest';
import { calibratedRange } from '../../src/budget/interval';
import type { HistoryPoint } from '../../src/budget/ratio';
import { normalQuantile, quantileOfSorted } from '../../src/budget/stats';
import { Random } from '../../src/schedule/random';

/** A history whose small tasks mostly take exactly their estimate and whose big ones scatter widely. */
function sizedHistory(n: number, seed: number, spread = 1): HistoryPoint[] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => {
    const estimate = [1, 2, 4, 8, 16, 40][random.int(0, 5)];
    const exact = estimate <= 2 ? 0.7 : 0.1;
    const z = normalQuantile(Math.min(0.999, Math.max(0.001, random.next())));
    const actual = random.next() < exact ? estimate : estimate * Math.exp(0.1 + spread * (estimate <= 2 ? 0.4 : 0.9) * z);
    return { estimate, actual };
  });
}

/** Share of tasks whose actual falls in the range, and the mean log width, against the plain band of the same history. */
function judge(history: HistoryPoint[], later: HistoryPoint[], coverage = 0.8) {
  const chosen = calibratedRange(history, coverage);
  // The plain band: the empirical quantiles of the history's log actual/estimate ratios.
  const logs = history.map((p) => Math.log(p.actual / p.estimate)).sort((a, b) => a - b);
  const plain = [quantileOfSorted(logs, (1 - coverage) / 2), quantileOfSorted(logs, (1 + coverage) / 2)];
  let held = 0;
  let plainHeld = 0;
  let width = 0;
  for (const p of later) {
    const r = chosen.range(p.estimate);
    if (p.actual >= r.low - 1e-9 && p.actual <= r.high + 1e-9) held++;
    const y = Math.log(p.actual / p.estimate);
    if (y >= plain[0] && y <= plain[1]) plainHeld++;
    width += Math.log(r.high / r.low);
  }
  return {
    chosen,
    held: held / later.length,
    plainHeld: plainHeld / later.length,
    width: width / later.length,
    plainWidth: plain[1] - plain[0],
  };
}

describe("ESTIMATE's calibrated range", () => {
  it('holds the share asked on later tasks, narrower than the plain band where task size tells', () => {
    const r = judge(sizedHistory(1500, 1), sizedHistory(1500, 2));
    expect(r.chosen.method).toBe('tasks of the same size');
    expect(r.held).toBeGreaterThan(0.75);
    expect(r.held).toBeLessThan(0.85);
    expect(r.width).toBeLessThan(0.9 * r.plainWidth);
  });

  it('is never wider than the plain band where that band holds', () => {
    const random = new Random(3);
    const flat = (n: number) =>
      Array.from({ length: n }, () => ({
        estimate: 10,
        actual: 10 * Math.exp(0.6 * normalQuantile(Math.min(0.999, Math.max(0.001, random.next())))),
      }));
    const r = judge(flat(800), flat(800));
    expect(r.chosen.method).toBe('plain band');
    expect(r.width).toBeLessThanOrEqual(r.plainWidth + 1e-9);
    expect(r.held).toBeGreaterThan(0.75);
  });

  it('gives the plain band where tasks of every size scatter alike', () => {
    const random = new Random(11);
    const alike = (n: number) =>
      Array.from({ length: n }, () => {
        const estimate = [1, 2, 4, 8, 16, 40][random.int(0, 5)];
        return { estimate, actual: estimate * Math.exp(0.1 + 0.7 * normalQuantile(Math.min(0.999, Math.max(0.001, random.next())))) };
      });
    const r = judge(alike(1500), alike(1500));
    expect(r.chosen.method).toBe('plain band');
    expect(r.held).toBeGreaterThan(0.75);
    expect(r.held).toBeLessThan(0.85);
    expect(r.width).toBeLessThanOrEqual(r.plainWidth + 1e-9);
  });

  it('holds about the share asked on the later half of a history calibrated on its first half, no wider than the plain band', () => {
    // Estimates of every size, and bigger tasks scattering more in ratio.
    const random = new Random(8);
    const history = Array.from({ length: 4000 }, () => {
      const size = 3 * random.next();
      const z = normalQuantile(Math.min(0.999, Math.max(0.001, random.next())));
      return { estimate: Math.exp(size), actual: Math.exp(size + (0.2 + 0.3 * size) * z) };
    });
    const r = judge(history.slice(0, 2000), history.slice(2000));
    expect(r.held).toBeGreaterThan(0.75);
    expect(r.held).toBeLessThan(0.85);
    expect(r.width).toBeLessThanOrEqual(r.plainWidth);
  });

  it('puts Likely between Low and High, for estimates inside and beyond the sizes of the history', () => {
    const chosen = calibratedRange(sizedHistory(600, 9), 0.8);
    for (const estimate of [0.1, 1, 3, 8, 20, 40, 500]) {
      const r = chosen.range(estimate);
      expect(r.low).toBeLessThanOrEqual(r.likely);
      expect(r.likely).toBeLessThanOrEqual(r.high);
      expect(r.low).toBeGreaterThan(0);
    }
  });

  it('asks for more than the share wanted when the newest finished tasks scattered more than the older ones', () => {
    const drifting = [...sizedHistory(800, 4), ...sizedHistory(300, 5, 1.6)];
    const steady = sizedHistory(1100, 6);
    expect(calibratedRange(drifting, 0.8).nominal).toBeGreaterThan(calibratedRange(steady, 0.8).nominal);
  });

  it('uses the ratio model alone on a short history', () => {
    expect(calibratedRange(sizedHistory(20, 7), 0.8).method).toBe('ratio model');
  });
});
