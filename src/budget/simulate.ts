// Seeded Monte-Carlo of one project's budget lines. Tasks of one project overrun together (a client
// who changes the brief changes every task), so each draw shares a project factor between its lines
// through a Gaussian copula: line i's probability is Φ(√ρ·Z + √(1−ρ)·εᵢ). Without it a project's
// range would shrink with its number of lines and look far more certain than it is.

import { toTenth } from '../model/numbers';
import { Random } from '../schedule/random';
import { DEFAULT_COVERAGE } from './estimate';
import { certain, type Spread } from './spread';
import { normalCdf, normalQuantile, quantileOfSorted } from './stats';

/** Spreads are tabulated on a grid of normal deviates, so a draw costs a lookup, not a quantile function. */
const GRID = 241;
const GRID_EDGE = 4.5;
const GRID_STEP = (2 * GRID_EDGE) / (GRID - 1);
const GRID_PROBABILITIES = Array.from({ length: GRID }, (_, k) => normalCdf(-GRID_EDGE + k * GRID_STEP));

function tabulate(spread: Spread): Float64Array {
  return Float64Array.from(GRID_PROBABILITIES, spread);
}

/** The tabulated spread at normal deviate x (linear between grid points, flat beyond ±4.5σ). */
function lookup(table: Float64Array, x: number): number {
  const at = Math.min(GRID - 1, Math.max(0, (x + GRID_EDGE) / GRID_STEP));
  const k = Math.min(GRID - 2, Math.floor(at));
  return table[k] + (table[k + 1] - table[k]) * (at - k);
}

export interface Line {
  label: string;
  kind: 'task' | 'cost';
  source: { sheet: string; row: number };
  /** The uncertain amount at its likely value: hours per person for a task, money for a cost line. */
  likely: number;
  spread: Spread;
  /** Per unit of amount: a task's crew cost and price per hour, and its crew size (person-hours). */
  costPerUnit: number;
  pricePerUnit: number;
  hoursPerUnit: number;
  /** What is already known: hours spent on work in progress or done, and their cost and price. */
  known: { hours: number; cost: number; price: number };
}

/** The central range holding Settings > Coverage of outcomes (P10 and P90 at the default 80%), and the median. */
export interface Range {
  low: number;
  p50: number;
  high: number;
}

/** Percent of outcomes beyond each end of a range holding `coverage` of them: 10 for 80%. */
export const tailPercent = (coverage: number) => Math.round(((1 - coverage) / 2) * 1000) / 10;

/** "P10" and "P90" for an 80% coverage, "P5" and "P95" for 90%: the names of a range's ends. */
export function rangeLabels(coverage: number): { low: string; high: string } {
  const tail = tailPercent(coverage);
  return { low: `P${tail}`, high: `P${toTenth(100 - tail)}` };
}

export interface Driver {
  label: string;
  kind: Line['kind'];
  source: Line['source'];
  /** Share of the variance of the project's cost this line accounts for (covariance with the total). */
  share: number;
}

export interface Simulation {
  hours: Range;
  cost: Range;
  price: Range;
  /** Price − cost, draw by draw (so a costly draw is also a thin-margin draw). */
  margin: Range;
  drivers: Driver[];
}

/**
 * Draws per project. The project factor is stratified (one draw per 1/DRAWS slice of its
 * distribution); P10 / P50 / P90 then move by under 1% from one seed to another as a rule, about 2%
 * at worst, while a recalculation stays quick.
 */
export const DRAWS = 1000;

/** A stable 32-bit seed from a name (FNV-1a), so each project's draws do not depend on the others. */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Standard normal deviates, two per pair of uniforms (Box–Muller). */
class Normals {
  private spare: number | undefined;
  constructor(private readonly random: Random) {}
  next(): number {
    if (this.spare !== undefined) {
      const v = this.spare;
      this.spare = undefined;
      return v;
    }
    const r = Math.sqrt(-2 * Math.log(Math.max(this.random.next(), Number.MIN_VALUE)));
    const angle = 2 * Math.PI * this.random.next();
    this.spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  }
}

export function rangeOf(values: Float64Array, coverage: number): Range {
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - coverage) / 2;
  return { low: quantileOfSorted(sorted, tail), p50: quantileOfSorted(sorted, 0.5), high: quantileOfSorted(sorted, 1 - tail) };
}

function average(values: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < values.length; d++) sum += values[d];
  return sum / values.length;
}

function drivers(lines: readonly Line[], lineCost: Float64Array[], total: Float64Array, uncertain: readonly boolean[]): Driver[] {
  const n = total.length;
  const meanTotal = average(total);
  let variance = 0;
  for (let d = 0; d < n; d++) variance += (total[d] - meanTotal) * (total[d] - meanTotal);
  if (variance <= 0) return [];
  const found: Driver[] = [];
  lines.forEach((line, i) => {
    if (!uncertain[i]) return;
    const own = lineCost[i];
    const meanOwn = average(own);
    let covariance = 0;
    for (let d = 0; d < n; d++) covariance += (own[d] - meanOwn) * (total[d] - meanTotal);
    const share = covariance / variance;
    if (share > 0.005) found.push({ label: line.label, kind: line.kind, source: line.source, share });
  });
  return found.sort((a, b) => b.share - a.share);
}

/**
 * The range of a project's hours, cost, price and margin holding `coverage` of outcomes (P10 · P50 ·
 * P90 at 80%), and the lines driving its cost's uncertainty. With a fixed fee the price is the fee in
 * every draw and only the margin moves.
 */
export function simulate(
  lines: readonly Line[],
  correlation: number,
  seed: number,
  fee?: number,
  draws = DRAWS,
  coverage = DEFAULT_COVERAGE,
): Simulation {
  const random = new Random(seed);
  const normals = new Normals(random);
  const shared = Math.sqrt(Math.max(0, Math.min(1, correlation)));
  const own = Math.sqrt(1 - shared * shared);
  const hours = new Float64Array(draws);
  const cost = new Float64Array(draws);
  const price = new Float64Array(draws);
  const margin = new Float64Array(draws);
  const lineCost = lines.map(() => new Float64Array(draws));
  // Lines with nothing uncertain (done work, costs without a range) add the same amount to every draw.
  const tables = lines.map((line) => (line.spread === certain ? undefined : tabulate(line.spread)));
  for (let d = 0; d < draws; d++) {
    const project = normalQuantile((d + random.next()) / draws);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const table = tables[i];
      const amount = table === undefined ? line.likely : line.likely * lookup(table, shared * project + own * normals.next());
      const c = line.known.cost + amount * line.costPerUnit;
      lineCost[i][d] = c;
      hours[d] += line.known.hours + amount * line.hoursPerUnit;
      cost[d] += c;
      price[d] += line.known.price + amount * line.pricePerUnit;
    }
    if (fee !== undefined) price[d] = fee;
    margin[d] = price[d] - cost[d];
  }
  return {
    hours: rangeOf(hours, coverage),
    cost: rangeOf(cost, coverage),
    price: rangeOf(price, coverage),
    margin: rangeOf(margin, coverage),
    drivers: drivers(
      lines,
      lineCost,
      cost,
      tables.map((t) => t !== undefined),
    ),
  };
}
