// Calibration of ESTIMATE's ranges on real estimate-vs-actual history, held out by time: rows are
// taken in file order (oldest first), and each is predicted by a model fitted on the rows before it
// only. Prints how often the calibrated range held the actual and how wide it was (mean ln High/Low),
// next to the plain band fitted on the same rows (the central share of their log actual/estimate
// ratios, e.g. the 10–90% quantiles for 80%), and next to the plain band asked for whatever share
// makes it hold as often as the range did on the predicted rows (a baseline told the outcomes), by
// time and by size of estimate. --hold-out 0.2 calibrates once on the first 80% and predicts the rest.
//
//   npm run bench:estimate -- FILE.csv [--estimate COL] [--actual COL] [--category COL] [--person COL]
//                             [--key COL] [--coverage 0.8] [--warmup 50] [--hold-out SHARE]
//
// The CSV has an estimate, an actual and optionally a category column; the header is optional (without
// one the columns are estimate, actual, category in that order). --key drops repeated rows of one task.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type CalibratedRange, calibratedRange } from '../src/budget/interval';
import { fitRatioModel, type HistoryPoint, ratioRange } from '../src/budget/ratio';
import { quantileOfSorted } from '../src/budget/stats';
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
  /** The log ratios the prediction was fitted on, ascending: the plain band is read off them. */
  history: Float64Array;
}

/** The category plays the part of a task type, the person column that of the person who did it. */
function groupsOf(row: Row): HistoryPoint['groups'] {
  return { type: row.category || undefined, person: row.person || undefined };
}

/**
 * ESTIMATE's range (or, with categories or people, the ratio model's, as the Budget uses it), fitted
 * on the finished rows, and those rows' log ratios for the plain band.
 */
function fitted(history: readonly Row[], coverage: number, withGroups: boolean) {
  const points: HistoryPoint[] = history.map((r) => ({
    estimate: r.estimate,
    actual: r.actual,
    groups: withGroups ? groupsOf(r) : undefined,
  }));
  const model = withGroups ? fitRatioModel(points) : undefined;
  const calibrated = withGroups ? undefined : calibratedRange(points, coverage);
  const range = (row: Row) =>
    model ? ratioRange(model, row.estimate, coverage, groupsOf(row)) : (calibrated as CalibratedRange).range(row.estimate);
  return { range, calibrated, history: Float64Array.from(history, (r) => Math.log(r.actual / r.estimate)).sort() };
}

function predict(fit: ReturnType<typeof fitted>, row: Row): Prediction {
  const range = fit.range(row);
  return { row, low: range.low, high: range.high, history: fit.history };
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

/** How often a set of ranges held the actual, and their mean log width (ln High/Low). */
interface Score {
  held: number;
  width: number;
}

/** Ranges end at past ratios: an actual at exactly such a ratio holds, whatever exp and log round it to. */
const ROUNDING = 1e-9;

function score(predictions: readonly Prediction[], band: (p: Prediction) => readonly [number, number]): Score {
  let held = 0;
  let width = 0;
  for (const p of predictions) {
    const [lo, hi] = band(p);
    const y = Math.log(p.row.actual / p.row.estimate);
    if (y >= lo - ROUNDING && y <= hi + ROUNDING) held++;
    width += hi - lo;
  }
  return { held: held / predictions.length, width: width / predictions.length };
}

const estimated = (p: Prediction) => [Math.log(p.low / p.row.estimate), Math.log(p.high / p.row.estimate)] as const;
/** The plain band: the central `share` of the history's log ratios (its empirical quantiles). */
const plainBand = (share: number) => (p: Prediction) =>
  [quantileOfSorted(p.history, (1 - share) / 2), quantileOfSorted(p.history, (1 + share) / 2)] as const;

/** The plain band asked for the share at which it holds as often as `target` on these very rows (told the outcome). */
function plainHolding(predictions: readonly Prediction[], target: number): Score & { share: number } {
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 40; step++) {
    const mid = (lo + hi) / 2;
    if (score(predictions, plainBand(mid)).held >= target) hi = mid;
    else lo = mid;
  }
  return { share: hi, ...score(predictions, plainBand(hi)) };
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const against = (mine: number, theirs: number) => `${mine <= theirs ? '' : '+'}${percent(mine / theirs - 1)}`;
const scored = (s: Score) => `${percent(s.held)} at ${s.width.toFixed(2)}`;

/** Thirds of the predictions: by time (file order), or by the size of the estimate. */
function thirds(predictions: readonly Prediction[], bySize: boolean): Prediction[][] {
  const ordered = bySize ? [...predictions].sort((a, b) => a.row.estimate - b.row.estimate) : predictions;
  return [0, 1, 2].map((t) => ordered.slice(Math.floor((t * ordered.length) / 3), Math.floor(((t + 1) * ordered.length) / 3)));
}

function report(path: string, coverage: number, warmup: number, heldOut: number, withGroups: boolean): void {
  const rows = readRows(path);
  if (rows.length <= warmup + 10) throw new Error(`${path}: only ${rows.length} usable rows; need more than ${warmup + 10}`);
  const predictions = heldOut > 0 ? split(rows, coverage, heldOut, withGroups) : rolling(rows, coverage, warmup, withGroups);
  console.log(
    heldOut > 0
      ? `${basename(path)}: ${rows.length} rows; the first ${rows.length - predictions.length} calibrate, the last ${predictions.length} are predicted`
      : `${basename(path)}: ${rows.length} rows; first ${warmup} only fit on, ${predictions.length} predicted from earlier rows only`,
  );
  const mine = score(predictions, estimated);
  const plain = score(predictions, plainBand(coverage));
  const matched = plainHolding(predictions, mine.held);
  console.log(`  calibrated ${percent(coverage)} range   holds ${percent(mine.held)}   mean log width ${mine.width.toFixed(3)}`);
  console.log(`  plain quantile band     holds ${percent(plain.held)}   mean log width ${plain.width.toFixed(3)}`);
  console.log(`  width against the plain band: ${against(mine.width, plain.width)}`);
  console.log(
    `  plain band holding as often (asked ${percent(matched.share)}, told the outcomes): holds ${percent(matched.held)}   mean log width ${matched.width.toFixed(3)}   range against it: ${against(mine.width, matched.width)}`,
  );
  for (const bySize of [false, true]) {
    const parts = thirds(predictions, bySize);
    console.log(
      `  by ${bySize ? 'size (smallest → largest third)' : 'time (oldest → newest third)'}, held at mean log width: ${parts.map((t) => scored(score(t, estimated))).join(' · ')}  (plain band ${parts.map((t) => scored(score(t, plainBand(coverage)))).join(' · ')})`,
    );
  }
  const categories = [...new Set(predictions.map((p) => p.row.category).filter((c): c is string => Boolean(c)))];
  for (const c of categories) {
    const theirs = predictions.filter((p) => p.row.category === c);
    if (theirs.length >= 20)
      console.log(
        `  ${c}: ${theirs.length} predicted, holds ${percent(score(theirs, estimated).held)} (plain band ${percent(score(theirs, plainBand(coverage)).held)})`,
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
