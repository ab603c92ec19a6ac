// Reading the date arguments of ATTAINMENT and UTILIZATION: a date cell (a Date in the spreadsheet's
// time zone), a serial day number, or text like 2026-11-21.

import { CalendarDay, date, isBlank } from '../../model/cells';
import { type Day, dateToDay } from '../../model/dates';
import type { Parsed } from '../../model/skills';

/** A blank argument reads as undefined; anything else must be a date. */
export function dayArgument(value: unknown, timeZone: string): Parsed<Day | undefined> {
  if (isBlank(value)) return { ok: true, value: undefined };
  const cell = Array.isArray(value) ? value.flat()[0] : value;
  return date(cell instanceof Date ? new CalendarDay(dateToDay(cell, timeZone)) : cell);
}
