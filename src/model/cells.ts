// Cell readers: each turns one raw sheet value into a typed value or a plain-words complaint.
// Wrapped as required / optional / with a default, so each sheet's columns give its row type. Plain
// functions, not a schema library: a sheet of 50,000 bad rows is read in a fraction of a second.

import { type Day, dayToIso, isoToDay, SHEETS_EPOCH } from './dates';
import { FIRST_DAY, LAST_DAY, MAX_AMOUNT, MAX_LIST_ITEM, MAX_LOCATION, MAX_SKILLS_TEXT, MIN_TARGET } from './limits';
import { formatNumber } from './numbers';
import { type Period, parsePeriod } from './period';
import { quote } from './problems';
import { type Parsed, parseRequirements, parseSkills, type Requirement, type SkillSet } from './skills';

/** A date cell after the workbook's Date objects were read in the spreadsheet's time zone. */
export class CalendarDay {
  constructor(readonly day: Day) {}
  toString(): string {
    return dayToIso(this.day);
  }
}

export type Reader<T> = (value: unknown) => Parsed<T>;

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const fail = (error: string): Parsed<never> => ({ ok: false, error });
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** A column that must have a value. */
export function required<T>(read: Reader<T>): Reader<T> {
  return (v) => (isBlank(v) ? fail('is required') : read(v));
}

/** A column that may be blank (undefined). */
export function optional<T>(read: Reader<T>): Reader<T | undefined> {
  return (v) => (isBlank(v) ? ok(undefined) : read(v));
}

/** A column that falls back to a default when blank. */
export function withDefault<T>(read: Reader<T>, fallback: T): Reader<T> {
  return (v) => (isBlank(v) ? ok(fallback) : read(v));
}

export const text: Reader<string> = (v) => {
  if (v instanceof CalendarDay) return ok(v.toString());
  if (typeof v === 'boolean') return ok(v ? 'yes' : 'no');
  return ok(String(v).trim());
};

/**
 * Where work happens: an address or a place, one line (an address pasted over several lines is
 * joined with commas), short enough for a calendar event's location.
 */
export const location: Reader<string> = (v) => {
  const s = text(v);
  if (!s.ok) return s;
  const line = s.value
    .split(/\s*[\r\n]+\s*/)
    .filter(Boolean)
    .join(', ')
    .replace(/[ \t]+/g, ' ');
  return line.length <= MAX_LOCATION
    ? ok(line)
    : fail(`must be an address or a place of at most ${MAX_LOCATION} characters, got ${line.length}: ${quote(line)}`);
};

/** Reads 1200, "1,200", "$1,200.50", "1 200 €" and "(300)" as numbers. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.length > 100) return undefined;
  let s = v.trim().replace(/[\s,$€£¥]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = sign * Number(s);
  return Number.isFinite(n) ? n : undefined;
}

interface NumberRule {
  min?: number;
  /** Exclusive lower bound: "must be more than". */
  above?: number;
  max?: number;
  integer?: boolean;
}

/** What the rule asks, its upper bound left to its own message (most values are far below it). */
function describe(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  if (rule.min !== undefined && rule.max !== undefined && rule.min > 0)
    return `${kind} from ${formatNumber(rule.min)} to ${formatNumber(rule.max)}`;
  if (rule.above === 0) return `a positive ${rule.integer ? 'whole number' : 'number'}`;
  if (rule.above !== undefined) return `${kind} above ${formatNumber(rule.above)}`;
  if (rule.min === 0) return `${kind} of 0 or more`;
  if (rule.min !== undefined) return `${kind} of at least ${formatNumber(rule.min)}`;
  return kind;
}

export function number(rule: NumberRule = {}): Reader<number> {
  return (v) => {
    const n = toNumber(v);
    if (rule.max !== undefined && n !== undefined && n > rule.max)
      return fail(`must be at most ${formatNumber(rule.max)}, got ${quote(v)}`);
    const bad =
      n === undefined ||
      (rule.integer && !Number.isInteger(n)) ||
      (rule.min !== undefined && n < rule.min) ||
      (rule.above !== undefined && n <= rule.above);
    return bad ? fail(`must be ${describe(rule)}, got ${quote(v)}`) : ok(n as number);
  };
}

/** 0, or a number within the rule: someone on leave works 0 hours a week, never 0.0001. */
export function zeroOr(rule: NumberRule & { min: number; max: number }): Reader<number> {
  const within = number(rule);
  return (v) => {
    if (toNumber(v) === 0) return ok(0);
    return within(v).ok
      ? within(v)
      : fail(`must be 0 or a number from ${formatNumber(rule.min)} to ${formatNumber(rule.max)}, got ${quote(v)}`);
  };
}

/**
 * "35%" → 0.35; 35 → 0.35; 0.35 (a %-formatted cell) → 0.35. At most 100% unless `max` says
 * otherwise; with `above`, strictly more than it (Coverage above 0%).
 */
export function percent(rule: { max?: number; above?: number } = {}): Reader<number> {
  const max = rule.max ?? 1;
  return (v) => {
    const s = typeof v === 'string' ? v.trim() : v;
    const isPercentText = typeof s === 'string' && s.endsWith('%');
    const n = toNumber(isPercentText ? (s as string).slice(0, -1) : s);
    if (n === undefined) return fail(`must be a percentage like 35%, got ${quote(v)}`);
    const fraction = isPercentText || Math.abs(n) > 1 ? n / 100 : n;
    const low = rule.above ?? 0;
    if (fraction < low || (rule.above !== undefined && fraction === low) || fraction > max) {
      const from = rule.above === undefined ? 'from 0%' : `above ${formatNumber(low * 100)}%`;
      return fail(`must be a percentage ${from} ${rule.above === undefined ? 'to' : 'up to'} ${formatNumber(max * 100)}%, got ${quote(v)}`);
    }
    return ok(fraction);
  };
}

/** A positive amount, or a rate written as a percentage ("90%" → 0.9), as quota targets are. */
export const target: Reader<number> = (v) => {
  const isPercent = typeof v === 'string' && v.trim().endsWith('%');
  const read = isPercent ? percent()(v) : number({ above: 0, max: MAX_AMOUNT })(v);
  return read.ok && read.value < MIN_TARGET ? fail(`must be at least ${MIN_TARGET} (1% as a rate), got ${quote(v)}`) : read;
};

/** A date between 1900 and 2200: a date cell, a serial day number, or text like 2026-11-21. */
export const date: Reader<Day> = (v) => {
  let day: Day | undefined;
  if (v instanceof CalendarDay) day = v.day;
  else if (typeof v === 'number' && Number.isInteger(v)) day = SHEETS_EPOCH + v;
  else if (typeof v === 'string') day = isoToDay(v.trim().slice(0, 10));
  if (day === undefined) return fail(`must be a date like 2026-11-21, got ${quote(v)}`);
  if (day < FIRST_DAY || day > LAST_DAY) return fail(`must be a date between 1900 and 2200, got ${quote(v)}`);
  return ok(day);
};

const YES = new Set(['yes', 'y', 'true', 'x', '1', 'on']);
const NO = new Set(['no', 'n', 'false', '0', 'off']);

export const yesNo: Reader<boolean> = (v) => {
  if (typeof v === 'boolean') return ok(v);
  const s = String(v).trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return fail(`must be yes or no, got ${quote(v)}`);
};

export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/** One of a fixed list (case, space and punctuation ignored), with extra spellings accepted. */
export function oneOf<const T extends string>(choices: readonly T[], aliases: Record<string, T> = {}): Reader<T> {
  const lookup = new Map<string, T>();
  for (const c of choices) lookup.set(normalizeName(c), c);
  for (const [alias, c] of Object.entries(aliases)) lookup.set(normalizeName(alias), c);
  return (v) => {
    const found = lookup.get(normalizeName(String(v)));
    return found ? ok(found) : fail(`must be one of ${choices.join(', ')}, got ${quote(v)}`);
  };
}

/** Checklist items separated by ";": trimmed, blanks dropped. */
export const items: Reader<string[]> = (v) =>
  ok(
    String(v)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Comma-separated names (Assignee, After): trimmed, blanks dropped. */
export const list: Reader<string[]> = (v) => {
  const names = String(v)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const long = names.find((n) => n.length > MAX_LIST_ITEM);
  return long ? fail(`has a name longer than ${MAX_LIST_ITEM} characters: ${quote(long)}`) : ok(names);
};

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export const emails: Reader<string[]> = (v) => {
  const all = String(v)
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = all.find((e) => e.length > MAX_LIST_ITEM || !EMAIL.test(e));
  return bad ? fail(`has an address that is not an email: ${quote(bad)}`) : ok(all);
};

export const email: Reader<string> = (v) => {
  const s = String(v).trim();
  return s.length <= MAX_LIST_ITEM && EMAIL.test(s) ? ok(s) : fail(`must be an email address, got ${quote(v)}`);
};

/** Skills cells are short lists: a longer one is refused before it is parsed. */
function shortText(v: unknown): Parsed<string> {
  const s = String(v);
  return s.length > MAX_SKILLS_TEXT
    ? fail(`is too long (${formatNumber(s.length)} characters; at most ${formatNumber(MAX_SKILLS_TEXT)})`)
    : ok(s);
}

export const skills: Reader<{ skills: SkillSet; labels: Map<string, string> }> = (v) => {
  const s = shortText(v);
  return s.ok ? parseSkills(s.value) : s;
};

export const requirements: Reader<Requirement[]> = (v) => {
  const s = shortText(v);
  return s.ok ? parseRequirements(s.value) : s;
};

/** A period cell; a Date Sheets made of a typed "2026-11" reads as that month. */
export const period: Reader<Period> = (v) => {
  if (v instanceof CalendarDay) {
    const iso = v.toString();
    return iso.endsWith('-01') ? parsePeriod(iso.slice(0, 7)) : fail(`must be a period like 2026-Q4, got ${iso}`);
  }
  return parsePeriod(String(v));
};

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function dayIndex(s: string): number {
  return DAY_NAMES.indexOf(s.trim().toLowerCase().slice(0, 3));
}

/**
 * Working weekdays as a 7-bit mask (bit 0 = Monday): "Mon-Fri", "Mon–Thu", "Mon, Wed, Fri", "Tue-Sat".
 */
export const workDays: Reader<number> = (v) => {
  if (String(v).length > 100) return fail(`must list weekdays like "Mon-Fri" or "Mon, Wed, Fri", got ${quote(v)}`);
  let mask = 0;
  for (const part of String(v).split(/[,;/]/)) {
    if (!part.trim()) continue;
    const range = part.split(/\s*(?:-|–|—|to)\s*/);
    const from = dayIndex(range[0]);
    const to = range.length === 2 ? dayIndex(range[1]) : from;
    if (from < 0 || to < 0 || range.length > 2) {
      return fail(`must list weekdays like "Mon-Fri" or "Mon, Wed, Fri", got ${quote(v)}`);
    }
    for (let d = from; ; d = (d + 1) % 7) {
      mask |= 1 << d;
      if (d === to) break;
    }
  }
  return mask ? ok(mask) : fail(`must name at least one weekday, got ${quote(v)}`);
};

export const MON_TO_FRI = 0b0011111;
