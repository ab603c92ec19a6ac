// Calendar days as integers (days since 1970-01-01), converted to and from sheet values in the
// spreadsheet's time zone. The core works in whole days only; instants exist at the edges.

export type Day = number;

const MS_PER_DAY = 86_400_000;

/** 2026-11-21 → 20413. Returns undefined for anything that is not a real calendar date. */
export function isoToDay(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

const MONTH_WORDS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Locales that write the month before the day (12/14/2026); the rest write the day first (14/12/2026). */
const MONTH_FIRST = /^(en_US|en_PH|es_US)$/;

/** "Dec", "dec." or "December" → 12. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = w.length < 3 ? -1 : MONTH_WORDS.findIndex((name) => name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

/** A two-digit year as Sheets reads it: 00–29 in this century, 30–99 in the last. */
const fullYear = (y: string) => (y.length > 2 ? Number(y) : Number(y) + (Number(y) < 30 ? 2000 : 1900));

/**
 * A date typed as text, read as the spreadsheet's locale writes dates: 12/14/2026 in en_US, 14/12/2026
 * or 14.12.2026 elsewhere, 2026-12-14 and "Dec 14, 2026" or "14 December 2026" everywhere.
 */
export function textToDay(text: string, locale = 'en_US'): Day | undefined {
  const s = text.trim();
  if (s.length > 40) return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return isoToDay(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const [month, date] = MONTH_FIRST.test(locale) ? [m[1], m[2]] : [m[2], m[1]];
    return isoToDay(`${fullYear(m[3])}-${month}-${date}`);
  }
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s) ?? /^(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s);
  if (!m) return undefined;
  const [word, date] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
  const month = monthOf(word);
  return month === undefined ? undefined : isoToDay(`${m[3]}-${month}-${date}`);
}

/** 20413 → "2026-11-21". */
export function dayToIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function weekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function dayParts(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

export function dayOf(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

interface Zone {
  format: Intl.DateTimeFormat;
  /** Instants already converted: a sheet's dates are a few hundred days, repeated in every row. */
  known: Map<number, number>;
  /** Days already turned into their first instant. */
  starts: Map<Day, number>;
}

const zones = new Map<string, Zone>();
/** A long-running process (the preview) converts "now" again and again: start afresh past this. */
const MAX_KNOWN = 50_000;

function zone(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    z = { format, known: new Map(), starts: new Map() };
    zones.set(timeZone, z);
  }
  return z;
}

function wallClockMs(instant: number, timeZone: string): number {
  const { format, known } = zone(timeZone);
  let wall = known.get(instant);
  if (wall === undefined) {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(instant))) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(instant, wall);
  }
  return wall;
}

/** The calendar day a Date falls on in the given time zone (Sheets gives midnight in the sheet's zone). */
export function dateToDay(date: Date, timeZone: string): Day {
  return Math.floor(wallClockMs(date.getTime(), timeZone) / MS_PER_DAY);
}

/**
 * The first instant of a calendar day in the given time zone, as a Date Sheets shows as that day:
 * midnight, or where clocks skip midnight (DST starting at 00:00 in Santiago, Havana, São Paulo…)
 * the moment they jump to 01:00, and where midnight happens twice, the first one.
 */
export function dayToDate(day: Day, timeZone: string): Date {
  const { starts } = zone(timeZone);
  let start = starts.get(day);
  if (start === undefined) {
    const target = day * MS_PER_DAY;
    // The offsets in force around the day; each gives a candidate instant for its midnight.
    let fallback = Number.NEGATIVE_INFINITY;
    for (const probe of [target - 1.5 * MS_PER_DAY, target, target + 1.5 * MS_PER_DAY]) {
      const candidate = target - (wallClockMs(probe, timeZone) - probe);
      const wall = wallClockMs(candidate, timeZone);
      if (wall >= target && wall < target + MS_PER_DAY && (start === undefined || candidate < start)) start = candidate;
      fallback = Math.max(fallback, candidate);
    }
    start ??= fallback;
    if (starts.size >= MAX_KNOWN) starts.clear();
    starts.set(day, start);
  }
  return new Date(start);
}

/** Sheets' serial day numbers count from 1899-12-30. */
export const SHEETS_EPOCH: Day = dayOf(1899, 12, 30);

export function addDays(day: Day, n: number): Day {
  return day + n;
}

/** Monday on or before the day. */
export function weekStart(day: Day): Day {
  return day - (weekday(day) - 1);
}

export function monthStart(day: Day): Day {
  const { year, month } = dayParts(day);
  return dayOf(year, month, 1);
}

export function addMonths(day: Day, n: number): Day {
  const { year, month } = dayParts(day);
  const m0 = month - 1 + n;
  return dayOf(year + Math.floor(m0 / 12), (((m0 % 12) + 12) % 12) + 1, 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function monthName(month: number): string {
  return MONTHS[month - 1];
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1];
}

/** "Mon 23 Nov" — short, unambiguous in any locale. */
export function shortDate(day: Day): string {
  const { month, date } = dayParts(day);
  return `${weekdayName(weekday(day))} ${date} ${monthName(month)}`;
}

/** "Mon 4 Jan", with the year when it is not the year of `near` (a plan's start): "Mon 4 Jan 2027". */
export function shortDateNear(day: Day, near: Day): string {
  const { year } = dayParts(day);
  return year === dayParts(near).year ? shortDate(day) : `${shortDate(day)} ${year}`;
}
