// The adapter's one reading of the clock. Entry points ask here once and pass "today" (or the
// instant) down, so the core never reads a clock, and tests set the time in the script's globals.

import { type Day, dateToDay } from '../../model/dates';

export function now(): Date {
  return new Date();
}

/** Today in the spreadsheet's time zone. */
export function today(timeZone: string): Day {
  return dateToDay(now(), timeZone);
}
