// Timeline columns: days, weeks (Monday to Sunday) or months, chosen so the sheet stays readable and
// well inside Sheets' limits.

import { addMonths, type Day, dayParts, monthName, monthStart, weekStart } from '../model/dates';

export type Scale = 'day' | 'week' | 'month';

export interface Bucket {
  start: Day;
  /** Inclusive. */
  end: Day;
  /** Top header: the month (or year) a new group starts in, else ''. */
  group: string;
  label: string;
}

/** Pixel width of a column per scale: wide enough for the values each holds (see grid.ts). */
export const BUCKET_WIDTH: Record<Scale, number> = { day: 34, week: 44, month: 64 };

/** Columns beyond which a scale is not offered: days stop being readable (and months are the fallback). */
const MAX_COLUMNS: Record<Scale, number> = { day: 400, week: 260, month: 600 };
/** Sheets allows 10 million cells per spreadsheet; one output sheet stays far below. */
export const MAX_CELLS = 2_000_000;
/** Sheets' hard column limit. */
export const MAX_SHEET_COLUMNS = 18_278;

export function bucketCount(from: Day, to: Day, scale: Scale): number {
  if (scale === 'day') return to - from + 1;
  if (scale === 'week') return Math.floor((weekStart(to) - weekStart(from)) / 7) + 1;
  const a = dayParts(from);
  const b = dayParts(to);
  return (b.year - a.year) * 12 + b.month - a.month + 1;
}

function fits(from: Day, to: Day, scale: Scale, rows: number, labelColumns: number): boolean {
  const columns = bucketCount(from, to, scale);
  return columns <= MAX_COLUMNS[scale] && columns + labelColumns <= MAX_SHEET_COLUMNS && (columns + labelColumns) * rows <= MAX_CELLS;
}

/**
 * The scale to draw and the last day it can show: the scale asked if it fits, else the next coarser
 * that does. "auto" picks days up to four months, weeks up to two years, months beyond. When not even
 * months fit, as many months as do (the timeline says what to narrow).
 */
export function chooseScale(asked: Scale | 'auto', from: Day, to: Day, rows: number, labelColumns: number): { scale: Scale; to: Day } {
  const span = to - from + 1;
  const preferred: Scale = asked !== 'auto' ? asked : span <= 122 ? 'day' : span <= 731 ? 'week' : 'month';
  const order: Scale[] = ['day', 'week', 'month'];
  for (const scale of order.slice(order.indexOf(preferred))) if (fits(from, to, scale, rows, labelColumns)) return { scale, to };
  const months = Math.max(1, Math.min(MAX_COLUMNS.month + labelColumns, MAX_SHEET_COLUMNS, Math.floor(MAX_CELLS / rows)) - labelColumns);
  return { scale: 'month', to: addMonths(monthStart(from), months) - 1 };
}

export function buckets(from: Day, to: Day, scale: Scale): Bucket[] {
  const out: Bucket[] = [];
  if (scale === 'day') {
    for (let d = from; d <= to; d++) {
      const { date, month, year } = dayParts(d);
      out.push({
        start: d,
        end: d,
        // The month on a row of its own above the day numbers; weekends and holidays are shaded.
        group: d === from || date === 1 ? `${monthName(month)} ${year}` : '',
        label: `${date}`,
      });
    }
  } else if (scale === 'week') {
    for (let w = weekStart(from); w <= to; w += 7) {
      const { date, month, year } = dayParts(w);
      const first = out.length === 0 || dayParts(out[out.length - 1].start).month !== month;
      out.push({ start: w, end: w + 6, group: first ? `${monthName(month)} ${year}` : '', label: `${date}` });
    }
  } else {
    for (let m = monthStart(from); m <= to; m = addMonths(m, 1)) {
      const { month, year } = dayParts(m);
      out.push({ start: m, end: addMonths(m, 1) - 1, group: out.length === 0 || month === 1 ? `${year}` : '', label: monthName(month) });
    }
  }
  return out;
}
