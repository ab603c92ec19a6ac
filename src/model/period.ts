// Reporting periods: `2026`, `2026-Q4`, `2026-11`, or `2026-10-01..2026-12-31` (inclusive days).

import { addMonths, type Day, dayOf, isoToDay } from './dates';
import { FIRST_DAY, LAST_DAY } from './limits';
import { quote } from './problems';
import type { Parsed } from './skills';

export interface Period {
  from: Day;
  to: Day;
  label: string;
}

const HINT = 'write a period like 2026, 2026-Q4, 2026-11 or 2026-10-01..2026-12-31';

function months(year: number, firstMonth: number, count: number, label: string): Period {
  const from = dayOf(year, firstMonth, 1);
  return { from, to: addMonths(from, count) - 1, label };
}

export function parsePeriod(text: string): Parsed<Period> {
  const read = periodOf(text);
  if (read.ok && (read.value.from < FIRST_DAY || read.value.to > LAST_DAY))
    return { ok: false, error: `period ${quote(text)} must lie between 1900 and 2200` };
  return read;
}

function periodOf(text: string): Parsed<Period> {
  const t = text.trim().replace(/\s+/g, '');
  let m = /^(\d{4})$/.exec(t);
  if (m) return { ok: true, value: months(Number(m[1]), 1, 12, t) };
  m = /^(\d{4})-?Q([1-4])$/i.exec(t);
  if (m) return { ok: true, value: months(Number(m[1]), 3 * Number(m[2]) - 2, 3, `${m[1]}-Q${m[2]}`) };
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { ok: true, value: months(Number(m[1]), Number(m[2]), 1, `${m[1]}-${m[2].padStart(2, '0')}`) };
  }
  m = /^(.+?)\.\.(.+)$/.exec(t);
  if (m) {
    const from = isoToDay(m[1]);
    const to = isoToDay(m[2]);
    if (from === undefined || to === undefined) return { ok: false, error: `cannot read period ${quote(text)}; ${HINT}` };
    if (to < from) return { ok: false, error: `period ${quote(text)} ends before it starts` };
    return { ok: true, value: { from, to, label: t } };
  }
  return { ok: false, error: `cannot read period ${quote(text)}; ${HINT}` };
}

/** The period of the same length just before this one (for growth and retention comparisons). */
export function previousPeriod(period: Period): Period {
  const length = period.to - period.from + 1;
  return { from: period.from - length, to: period.from - 1, label: `before ${period.label}` };
}
