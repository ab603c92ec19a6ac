// In-sheet Gantt bars.

import { isBlank } from '../model/cells';
import { TooMuchWork } from '../model/effort';
import { ganttRow } from '../timeline/gantt';
import { answering } from './lib/answer';
import { asTable, sheetLocale, sheetTimeZone } from './lib/args';
import { dayArgument } from './lib/quota-args';

/**
 * A row of 1s under the header dates a task covers, blanks elsewhere (one row per task for
 * columns of tasks). Colour it with conditional formatting: =D2=1.
 *
 * @param {B2} start The task's first day (or a column of them).
 * @param {C2} end The task's last day (or a column of them).
 * @param {D$1:AZ$1} dates A header row of dates: days, week starts or month starts.
 * @return A row of 1s and blanks under the header.
 * @customfunction
 */
export function GANTT(start: unknown, end: unknown, dates: unknown): unknown {
  return answering('GANTT', () => ganttCells(start, end, dates));
}

function ganttCells(start: unknown, end: unknown, dates: unknown): (number | string)[][] {
  const timeZone = sheetTimeZone();
  const locale = sheetLocale();
  const day = (value: unknown): number | undefined => {
    const read = dayArgument(value, timeZone, locale);
    return read.ok ? read.value : undefined;
  };
  const headers = asTable(dates)
    .flat()
    .map((v) => (v === '' || v === null ? undefined : day(v)));
  if (!headers.some((h) => h !== undefined)) return [['GANTT: dates must be a row of dates, e.g. D$1:AZ$1']];
  const starts = asTable(start).flat();
  const ends = asTable(end).flat();
  if (starts.length !== ends.length) return [[`GANTT: ${starts.length} starts but ${ends.length} ends`]];
  // A formula answers at most a million cells, a tenth of what a spreadsheet holds.
  if (starts.length * headers.length > 1_000_000) throw new TooMuchWork('Rows × dates is over 1,000,000 cells.');
  return starts.map((s, i) => {
    if (isBlank(s) && isBlank(ends[i])) return headers.map(() => '');
    const from = day(s);
    const to = day(ends[i]);
    if (from === undefined || to === undefined) return [`GANTT: row ${i + 1}: start and end must be dates`];
    if (to < from) return [`GANTT: row ${i + 1}: end is before start`];
    return ganttRow(from, to, headers);
  });
}
