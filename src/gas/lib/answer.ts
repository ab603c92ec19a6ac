// What a custom function hands back to Sheets. One guard runs every custom function: whatever
// happens inside, the cell shows a readable answer (never #ERROR! or a stack trace), and that answer
// is something Sheets can show: a rectangle of finite numbers, valid dates, booleans and text within
// a cell's 50,000 characters, with messages summarised to a bounded number of rows. Each call gets a
// fixed allowance of work (see Effort): past it, the answer says the input is too large for a formula.

import { Effort, TooMuchWork } from '../../model/effort';
import { plural } from '../../model/numbers';
import { formatProblem, type Problem } from '../../model/problems';
import { clipText } from './values';

/** Message rows past the title: longer lists end with "and 2,940 more". */
export const MAX_MESSAGE_LINES = 30;
const OUT_OF_RANGE = '(out of range)';

/**
 * Steps a custom function may take (see Effort): about 5 seconds of work in Node on the slowest kind
 * of step, so well within Sheets' 30 seconds on Apps Script's slower engine (bench:fuzz prints the
 * worst time per function).
 */
export const FORMULA_STEPS = 30_000_000;

/** Where each planning function's answer can be had without a formula's limit. */
const PANEL: Record<string, string> = {
  ASSIGN: 'Plan',
  STAFFING: 'Staffing',
  BUDGETRANGE: 'Budget',
  UTILIZATION: 'Quotas',
  ATTAINMENT: 'Quotas',
  CLIENTVIEW: 'Share',
};

const TOO_LARGE = 'It needs more work than Sheets gives a formula (30 seconds).';

/** A custom function's answer when it cannot compute: a title over one message per row, summarised past a few dozen. */
export function messageColumn(title: string, lines: readonly string[]): string[][] {
  const shown = lines.length > MAX_MESSAGE_LINES ? lines.slice(0, MAX_MESSAGE_LINES - 1) : lines;
  const more = lines.length - shown.length;
  return [[title], ...shown.map((l) => [l]), ...(more ? [[`and ${plural(more, 'more', 'more')}`]] : [])];
}

/** The error problems of a read, one per row, under "FN cannot WHAT: N problems". */
export function problemsColumn(fn: string, what: string, problems: readonly Problem[], where = 'cells'): string[][] {
  const errors = problems.filter((p) => p.severity === 'error');
  return messageColumn(
    `${fn} cannot ${what}: ${plural(errors.length, 'problem')} (${where} count from each range's first row)`,
    errors.map(formatProblem),
  );
}

/** What is wrong with the ranges passed as a whole (rangeProblem's findings), or undefined when nothing is. */
export function rangesColumn(fn: string, what: string, found: readonly (string | undefined)[]): string[][] | undefined {
  const lines = found.filter((l): l is string => l !== undefined);
  return lines.length ? messageColumn(`${fn} cannot ${what}: ${plural(lines.length, 'problem')}`, lines) : undefined;
}

function cell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clipText(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : OUT_OF_RANGE;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : OUT_OF_RANGE;
  return OUT_OF_RANGE;
}

/** A value Sheets can show: one cell, or a rectangle of cells (short rows padded with blanks). */
export function sheetAnswer(value: unknown): unknown {
  if (!Array.isArray(value)) return cell(value);
  if (value.length === 0) return [['']];
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  let width = 1;
  for (const row of rows) width = Math.max(width, row.length);
  return rows.map((row) => Array.from({ length: width }, (_, c) => cell(row[c])));
}

/**
 * Runs a custom function's body with a formula's allowance of work: any exception becomes a message
 * column, work past the allowance a "too large for a formula" answer, and the answer is made showable.
 */
export function answering(fn: string, compute: (effort: Effort) => unknown): unknown {
  try {
    return sheetAnswer(compute(new Effort(FORMULA_STEPS)));
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (error instanceof TooMuchWork) {
      const instead = PANEL[fn] ? `use the ${PANEL[fn]} panel` : 'pass smaller ranges';
      return sheetAnswer(messageColumn(`${fn}: too large for a formula: ${instead}`, [message || TOO_LARGE]));
    }
    return sheetAnswer(messageColumn(`${fn} could not finish`, [message.split('\n')[0]]));
  }
}
