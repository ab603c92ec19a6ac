// Calibration of ESTIMATE's ranges on real estimate-vs-actual history, held out by time: rows are
// taken in file order (oldest first), and each is predicted by a model fitted on the rows before it
// only. Prints how often the calibrated range held the actual and how wide it was, next to a fixed
// ±X% band widened until it holds as often, and the common ±50% band.
//
//   npm run bench:estimate -- FILE.csv [--estimate COL] [--actual COL] [--category COL] [--person COL]
//                             [--key COL] [--coverage 0.8] [--warmup 50]
//
// The CSV has an estimate, an actual and optionally a category column; the header is optional (without
// one the columns are estimate, actual, category in that order). --key drops repeated rows of one task.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type CalibratedRange, calibratedRange } from '../src/budget/interval';
import { fitRatioModel, type HistoryPoint, ratioRange } from '../src/budget/ratio';
import { files, option } from './args';

const VALUE_OPTIONS = ['--estimate', '--actual', '--category', '--person', '--key', '--coverage', '--warmup', '--hold-out'];

/** One CSV line into fields: quoted fields may hold commas and doubled quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

interface Row {
  estimate: number;
  actual: number;
  category?: string;
  person?: string;
}

function findColumn(header: string[], wanted: string, fallback: number): number {
  const normal = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const exact = header.findIndex((h) => normal(h) === normal(wanted));
  if (exact >= 0) return exact;
  const partial = header.findIndex((h) => normal(h).includes(normal(wanted)));
  return partial >= 0 ? partial : fallback;
}

function readRows(path: string): Row[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const first = fields(lines[0]);
  const hasHeader = first.some((f) => f.trim() !== '' && Number.isNaN(Number(f)));
  const header = hasHeader ? first : [];
  const estimate = findColumn(header, option('--estimate', 'estimate'), 0);
  const actual = findColumn(header, option('--actual', 'actual'), 1);
  const categoryName = option('--category', hasHeader ? 'category' : '');
  const category = categoryName ? findColumn(header, categoryName, hasHeader ? -1 : 2) : -1;
  const personName = option('--person', '');
  const person = personName ? findColumn(header, personName, -1) : -1;
  const keyName = option('--key', '');
  const key = keyName ? findColumn(header, keyName, -1) : -1;
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const line of lines.slice(hasHeader ? 1 : 0)) {
    const f = fields(line);
    if (key >= 0) {
      if (seen.has(f[key])) continue;
      seen.add(f[key]);
    }
    const row = {
      estimate: Number(f[estimate]),
      actual: Number(f[actual]),
      category: category >= 0 ? f[category] : undefined,
      person: person >= 0 ? f[person] : undefined,
    };
    if (row.estimate > 0 && row.actual > 0) rows.push(row);
  }
  return rows;
}

interface Prediction {
  row: Row;
  low: number;
  high: number;
  /** The plain band from the same history: its empirical quantiles of actual/estimate, times the estimate. */
  plainLow: number;
  plainHigh: number;
}

/** The category plays the part of a task type, the person column that of the person who did it. */
function groupsOf(row: Row): HistoryPoint['groups'] {
  return { type: row.category || undefined, person: row.person || undefined };
}

/** Empirical quantile (linear between order statistics) of an ascending list. */
function quantile(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

/**
 * ESTIMATE's range (or, with categories or people, the ratio model's, as the Budget uses it) and the
 * plain band, both fitted on the same finished rows.
 */
function fitted(history: readonly Row[], coverage: number, withGroups: boolean) {
  const points: HistoryPoint[] = history.map((r) => ({
    estimate: r.estimate,
    actual: r.actual,
    groups: withGroups ? groupsOf(r) : undefined,
  }));
  const logs = history.map((r) => Math.log(r.actual / r.estimate)).sort((a, b) => a - b);
  const tail = (1 - coverage) / 2;
  const model = withGroups ? fitRatioModel(points) : undefined;
  const calibrated = withGroups ? undefined : calibratedRange(points, coverage);
  const range = (row: Row) =>
    model ? ratioRange(model, row.estimate, coverage, groupsOf(row)) : (calibrated as CalibratedRange).range(row.estimate);
  return { range, calibrated, plain: [quantile(logs, tail), quantile(logs, 1 - tail)] as const };
}

function predict(fit: ReturnType<typeof fitted>, row: Row): Prediction {
  const range = fit.range(row);
  return {
    row,
    low: range.low,
    high: range.high,
    plainLow: row.estimate * Math.exp(fit.plain[0]),
    plainHigh: row.estimate * Math.exp(fit.plain[1]),
  };
}

/** Each row from the warm-up on, predicted from the rows before it (refitted in steps on long files). */
function rolling(rows: readonly Row[], coverage: number, warmup: number, withGroups: boolean): Prediction[] {
  const refitEvery = Math.max(1, Math.floor(rows.length / 400));
  const out: Prediction[] = [];
  let fit = fitted(rows.slice(0, warmup), coverage, withGroups);
  for (let i = warmup; i < rows.length; i++) {
    if ((i - warmup) % refitEvery === 0) fit = fitted(rows.slice(0, i), coverage, withGroups);
    out.push(predict(fit, rows[i]));
  }
  return out;
}

/** The later share of rows, each predicted from the earlier rows only (one fit, as a firm calibrates once). */
function split(rows: readonly Row[], coverage: number, heldOut: number, withGroups: boolean): Prediction[] {
  const cut = rows.length - Math.round(rows.length * heldOut);
  const fit = fitted(rows.slice(0, cut), coverage, withGroups);
  if (fit.calibrated)
    console.log(`  chosen by validation in the history: ${fit.calibrated.method}, asked for ${percent(fit.calibrated.nominal)}`);
  return rows.slice(cut).map((row) => predict(fit, row));
}

const holds = (predictions: readonly Prediction[], plain: boolean) =>
  predictions.filter((p) =>
    plain ? p.row.actual >= p.plainLow && p.row.actual <= p.plainHigh : p.row.actual >= p.low && p.row.actual <= p.high,
  ).length / predictions.length;
const logWidth = (predictions: readonly Prediction[], plain: boolean) =>
  predictions.reduce((sum, p) => sum + Math.log(plain ? p.plainHigh / p.plainLow : p.high / p.low), 0) / predictions.length;

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

function report(path: string, coverage: number, warmup: number, heldOut: number, withGroups: boolean): void {
  const rows = readRows(path);
  if (rows.length <= warmup + 10) throw new Error(`${path}: only ${rows.length} usable rows; need more than ${warmup + 10}`);
  const predictions = heldOut > 0 ? split(rows, coverage, heldOut, withGroups) : rolling(rows, coverage, warmup, withGroups);
  console.log(
    heldOut > 0
      ? `${basename(path)}: ${rows.length} rows; the first ${rows.length - predictions.length} calibrate, the last ${predictions.length} are predicted`
      : `${basename(path)}: ${rows.length} rows; first ${warmup} only fit on, ${predictions.length} predicted from earlier rows only`,
  );
  const mine = logWidth(predictions, false);
  const plain = logWidth(predictions, true);
  console.log(`  calibrated ${percent(coverage)} range   holds ${percent(holds(predictions, false))}   mean log width ${mine.toFixed(3)}`);
  console.log(`  plain quantile band     holds ${percent(holds(predictions, true))}   mean log width ${plain.toFixed(3)}`);
  console.log(`  width against the plain band: ${mine <= plain ? '' : '+'}${percent(mine / plain - 1)}`);
  const thirds = [0, 1, 2].map((t) =>
    predictions.slice(Math.floor((t * predictions.length) / 3), Math.floor(((t + 1) * predictions.length) / 3)),
  );
  console.log(
    `  by time (oldest → newest third): ${thirds.map((t) => percent(holds(t, false))).join(' · ')}  (plain band ${thirds.map((t) => percent(holds(t, true))).join(' · ')})`,
  );
  const categories = [...new Set(predictions.map((p) => p.row.category).filter((c): c is string => Boolean(c)))];
  for (const c of categories) {
    const theirs = predictions.filter((p) => p.row.category === c);
    if (theirs.length >= 20)
      console.log(
        `  ${c}: ${theirs.length} predicted, holds ${percent(holds(theirs, false))} (plain band ${percent(holds(theirs, true))})`,
      );
  }
}

const paths = files(VALUE_OPTIONS);
if (paths.length === 0) {
  console.error('usage: npm run bench:estimate -- FILE.csv [--estimate COL] [--actual COL] [--category COL] [--key COL] [--coverage 0.8]');
  process.exit(2);
}
const coverage = Number(option('--coverage', '0.8'));
const warmup = Number(option('--warmup', '50'));
const heldOut = Number(option('--hold-out', '0'));
for (const path of paths) report(path, coverage, warmup, heldOut, option('--category', '') !== '' || option('--person', '') !== '');
