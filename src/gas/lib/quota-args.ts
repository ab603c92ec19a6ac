// Reading the date arguments of ATTAINMENT, UTILIZATION and GANTT: a date cell (a Date in the spreadsheet's
// time zone), a serial day number, or text like 2026-11-21.

import { CalendarDay, date, isBlank } from '../../model/cells';
import { type Day, dateToDay, textToDay } from '../../model/dates';
import type { Parsed } from '../../model/skills';

/** A blank argument reads as undefined; anything else must be a date (text as the locale writes dates). */
export function dayArgument(value: unknown, timeZone: string, locale: string): Parsed<Day | undefined> {
  if (isBlank(value)) return { ok: true, value: undefined };
  const cell = Array.isArray(value) ? value.flat()[0] : value;
  const typed = typeof cell === 'string' ? textToDay(cell, locale) : undefined;
  if (typed !== undefined) return date(new CalendarDay(typed));
  return date(cell instanceof Date ? new CalendarDay(dateToDay(cell, timeZone)) : cell);
}
