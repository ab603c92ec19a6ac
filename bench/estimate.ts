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
import { fitRatioModel, type HistoryPoint, ratioRange } from '../src/budget/ratio';
import { files, option } from './args';

const VALUE_OPTIONS = ['--estimate', '--actual', '--category', '--person', '--key', '--coverage', '--warmup'];

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
}

/** The category plays the part of a task type, the person column that of the person who did it. */
function groupsOf(row: Row): HistoryPoint['groups'] {
  return { type: row.category || undefined, person: row.person || undefined };
}

/** Each row from the warm-up on, predicted from the rows before it (refitted in steps on long files). */
function rolling(rows: readonly Row[], coverage: number, warmup: number): Prediction[] {
  const refitEvery = Math.max(1, Math.floor(rows.length / 400));
  const out: Prediction[] = [];
  let model = fitRatioModel([]);
  for (let i = warmup; i < rows.length; i++) {
    if ((i - warmup) % refitEvery === 0) {
      const history: HistoryPoint[] = rows.slice(0, i).map((r) => ({ estimate: r.estimate, actual: r.actual, groups: groupsOf(r) }));
      model = fitRatioModel(history);
    }
    const row = rows[i];
    const range = ratioRange(model, row.estimate, coverage, groupsOf(row));
    out.push({ row, low: range.low, high: range.high });
  }
  return out;
}

const inside = (p: { row: Row; low: number; high: number }) => p.row.actual >= p.low && p.row.actual <= p.high;

function bandCoverage(predictions: readonly Prediction[], x: number): number {
  return (
    predictions.filter((p) => inside({ row: p.row, low: p.row.estimate * (1 - x), high: p.row.estimate * (1 + x) })).length /
    predictions.length
  );
}

/** Smallest ±X (in steps of 0.5 points) at which the fixed band holds at least `target` of actuals. */
function bandReaching(predictions: readonly Prediction[], target: number): number | undefined {
  for (let x = 0; x < 1; x += 0.005) if (bandCoverage(predictions, x) >= target) return x;
  return undefined;
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const ratio = (v: number) => `×${v.toFixed(2)}`;

function report(path: string, coverage: number, warmup: number): void {
  const rows = readRows(path);
  if (rows.length <= warmup + 10) throw new Error(`${path}: only ${rows.length} usable rows; need more than ${warmup + 10}`);
  const predictions = rolling(rows, coverage, warmup);
  const held = predictions.filter(inside).length / predictions.length;
  const widths = predictions.map((p) => p.high / p.low).sort((a, b) => a - b);
  const meanWidth = widths.reduce((s, v) => s + v, 0) / widths.length;
  const band = bandReaching(predictions, held);
  console.log(
    `${basename(path)}: ${rows.length} rows; first ${warmup} only fit on, ${predictions.length} predicted from earlier rows only`,
  );
  console.log(
    `  calibrated ${percent(coverage)} range   holds ${percent(held)}   mean High/Low ${ratio(meanWidth)}   median ${ratio(widths[Math.floor(widths.length / 2)])}`,
  );
  console.log(
    band === undefined
      ? `  fixed ±X% band        cannot reach ${percent(held)} with X below 100% (the lower end would drop under zero)`
      : `  fixed ±${(band * 100).toFixed(1)}% band      holds ${percent(bandCoverage(predictions, band))}   High/Low ${ratio((1 + band) / (1 - band))}`,
  );
  console.log(`  fixed ±50% band       holds ${percent(bandCoverage(predictions, 0.5))}   High/Low ${ratio(3)}`);
  const thirds = [0, 1, 2].map((t) =>
    predictions.slice(Math.floor((t * predictions.length) / 3), Math.floor(((t + 1) * predictions.length) / 3)),
  );
  console.log(`  by time (oldest → newest third): ${thirds.map((t) => percent(t.filter(inside).length / t.length)).join(' · ')}`);
  const categories = [...new Set(predictions.map((p) => p.row.category).filter((c): c is string => Boolean(c)))];
  for (const c of categories) {
    const mine = predictions.filter((p) => p.row.category === c);
    if (mine.length >= 20) console.log(`  ${c}: ${mine.length} predicted, holds ${percent(mine.filter(inside).length / mine.length)}`);
  }
}

const paths = files(VALUE_OPTIONS);
if (paths.length === 0) {
  console.error('usage: npm run bench:estimate -- FILE.csv [--estimate COL] [--actual COL] [--category COL] [--key COL] [--coverage 0.8]');
  process.exit(2);
}
const coverage = Number(option('--coverage', '0.8'));
const warmup = Number(option('--warmup', '50'));
for (const path of paths) report(path, coverage, warmup);
