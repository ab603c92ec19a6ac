// Cell readers: each turns one raw sheet value into a typed value or a plain-words complaint.
// Wrapped as zod schemas (required / optional / with default) so each sheet's row schema is its type.

import * as z from 'zod/mini';
import { type Day, dayToIso, isoToDay, SHEETS_EPOCH } from './dates';
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

function schema<T>(read: (value: unknown) => Parsed<T>) {
  return z.transform((value: unknown, ctx) => {
    const r = read(value);
    if (r.ok) return r.value;
    ctx.issues.push({ code: 'custom', message: r.error, input: value });
    return undefined as T;
  });
}

/** A column that must have a value. */
export function required<T>(read: Reader<T>) {
  return schema<T>((v) => (isBlank(v) ? fail('is required') : read(v)));
}

/** A column that may be blank (undefined). */
export function optional<T>(read: Reader<T>) {
  return schema<T | undefined>((v) => (isBlank(v) ? ok(undefined) : read(v)));
}

/** A column that falls back to a default when blank. */
export function withDefault<T>(read: Reader<T>, fallback: T) {
  return schema<T>((v) => (isBlank(v) ? ok(fallback) : read(v)));
}

export const text: Reader<string> = (v) => {
  if (v instanceof CalendarDay) return ok(v.toString());
  if (typeof v === 'boolean') return ok(v ? 'yes' : 'no');
  return ok(String(v).trim());
};

/** Reads 1200, "1,200", "$1,200.50", "1 200 €" and "(300)" as numbers. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  let s = v.trim().replace(/[\s,$€£¥]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  return sign * Number(s);
}

interface NumberRule {
  min?: number;
  /** Exclusive lower bound: "must be more than". */
  above?: number;
  max?: number;
  integer?: boolean;
}

function describe(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  if (rule.min !== undefined && rule.max !== undefined) return `${kind} from ${rule.min} to ${rule.max}`;
  if (rule.above === 0) return `a positive ${rule.integer ? 'whole number' : 'number'}`;
  if (rule.above !== undefined) return `${kind} above ${rule.above}`;
  if (rule.min === 0) return `${kind} of 0 or more`;
  if (rule.min !== undefined) return `${kind} of at least ${rule.min}`;
  return kind;
}

export function number(rule: NumberRule = {}): Reader<number> {
  return (v) => {
    const n = toNumber(v);
    const bad =
      n === undefined ||
      (rule.integer && !Number.isInteger(n)) ||
      (rule.min !== undefined && n < rule.min) ||
      (rule.above !== undefined && n <= rule.above) ||
      (rule.max !== undefined && n > rule.max);
    return bad ? fail(`must be ${describe(rule)}, got ${quote(v)}`) : ok(n as number);
  };
}

/** "35%" → 0.35; 35 → 0.35; 0.35 (a %-formatted cell) → 0.35. */
export function percent(rule: { max?: number } = {}): Reader<number> {
  return (v) => {
    const s = typeof v === 'string' ? v.trim() : v;
    const isPercentText = typeof s === 'string' && s.endsWith('%');
    const n = toNumber(isPercentText ? (s as string).slice(0, -1) : s);
    if (n === undefined) return fail(`must be a percentage like 35%, got ${quote(v)}`);
    const fraction = isPercentText || Math.abs(n) > 1 ? n / 100 : n;
    if (fraction < 0 || (rule.max !== undefined && fraction > rule.max)) {
      return fail(`must be a percentage from 0% to ${(rule.max ?? 1) * 100}%, got ${quote(v)}`);
    }
    return ok(fraction);
  };
}

/** A positive amount, or a rate written as a percentage ("90%" → 0.9), as quota targets are. */
export const target: Reader<number> = (v) => {
  const isPercent = typeof v === 'string' && v.trim().endsWith('%');
  const read = isPercent ? percent()(v) : number({ above: 0 })(v);
  return read.ok && read.value <= 0 ? fail(`must be a positive number, got ${quote(v)}`) : read;
};

export const date: Reader<Day> = (v) => {
  if (v instanceof CalendarDay) return ok(v.day);
  if (typeof v === 'number' && Number.isInteger(v) && v > 1 && v < 120_000) return ok(SHEETS_EPOCH + v);
  const day = typeof v === 'string' ? isoToDay(v.trim().slice(0, 10)) : undefined;
  return day === undefined ? fail(`must be a date like 2026-11-21, got ${quote(v)}`) : ok(day);
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

/** Comma-separated names (Assignee, After): trimmed, blanks dropped. */
export const list: Reader<string[]> = (v) =>
  ok(
    String(v)
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export const emails: Reader<string[]> = (v) => {
  const all = String(v)
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = all.find((e) => !EMAIL.test(e));
  return bad ? fail(`has an address that is not an email: ${quote(bad)}`) : ok(all);
};

export const email: Reader<string> = (v) => {
  const s = String(v).trim();
  return EMAIL.test(s) ? ok(s) : fail(`must be an email address, got ${quote(v)}`);
};

export const skills: Reader<{ skills: SkillSet; labels: Map<string, string> }> = (v) => parseSkills(String(v));

export const requirements: Reader<Requirement[]> = (v) => parseRequirements(String(v));

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
