// What Sheets makes of a string a script writes with setValues: it reads it as if typed into the cell.
// Numbers in any notation, dates and times in the spreadsheet's locale, booleans, error literals and
// formulas all become something other than the text. The in-memory spreadsheet applies this so that
// a test writing such text without the apostrophe guard sees it converted, as a user would.

import { dayOf, dayToDate } from '../../src/model/dates';

export type Typed =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string }
  | { kind: 'formula'; value: string };

const ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Year Sheets gives a date typed without one is the current year; the preview has no clock of its own. */
const YEARLESS = 2000;

/** Full-width digits, letters and signs read as their ASCII twins. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Locales that write the day first (most of the world) and those with a decimal comma. */
const dayFirst = (locale: string) => !/^en_(US|PH|CA)$/.test(locale) && !/^(ja|zh|ko|hu|lt)/.test(locale);
const decimalComma = (locale: string) => /^(de|fr|es|it|pt|nl|ru|pl|sv|da|nb|fi|cs|tr|id)/.test(locale);

function number(s: string, locale: string): number | undefined {
  let t = s.replace(/\s+/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  t = t.replace(/^([-+]?)[$€£¥₹₩]/, '$1').replace(/[$€£¥₹₩]$/, '');
  const [group, point] = decimalComma(locale) ? ['.', ','] : [',', '.'];
  if (!new RegExp(`^[-+]?(\\d{1,3}(\\${group}\\d{3})+|\\d+)?(\\${point}\\d*)?(e[-+]?\\d+)?$`, 'i').test(t) || !/\d/.test(t))
    return undefined;
  const n = Number(t.split(group).join('').replace(point, '.'));
  if (!Number.isFinite(n)) return undefined;
  return (sign * n) / (percent ? 100 : 1);
}

function month(word: string): number | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 || !/^[a-z]+\.?$/i.test(word) ? undefined : i + 1;
}

function time(s: string): number | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm)?$/i.exec(s);
  if (!m || (m[2] === undefined && !m[4])) return undefined;
  let hours = Number(m[1]);
  if (m[4]) hours = (hours % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  if (hours > 23 || Number(m[2] ?? 0) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  return hours * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** Year, month, day of a typed date, or undefined. */
function calendarDate(s: string, locale: string): [number, number, number] | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const year = m[3] === undefined ? YEARLESS : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return dayFirst(locale) ? [year, b, a] : [year, a, b];
  }
  m = /^([a-z]+\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/i.exec(s);
  if (m && month(m[1])) return [m[3] ? Number(m[3]) : YEARLESS, month(m[1]) as number, Number(m[2])];
  m = /^(\d{1,2})\s+([a-z]+\.?)(?:,?\s+(\d{4}))?$/i.exec(s);
  if (m && month(m[2])) return [m[3] ? Number(m[3]) : YEARLESS, month(m[2]) as number, Number(m[1])];
  m = /^([a-z]+\.?)\s+(\d{4})$/i.exec(s);
  if (m && month(m[1])) return [Number(m[2]), month(m[1]) as number, 1];
  return undefined;
}

function validDate([y, mo, d]: [number, number, number]): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function dateTime(s: string, locale: string, timeZone: string): Date | undefined {
  const split = /^(.*?)(?:\s+(\d{1,2}(?::\d{2}){0,2}\s*(?:am|pm)?))?$/i.exec(s) as RegExpExecArray;
  const ymd = calendarDate(split[1], locale);
  const seconds = split[2] === undefined ? 0 : time(split[2]);
  if (ymd && validDate(ymd) && seconds !== undefined) {
    return new Date(dayToDate(dayOf(...ymd), timeZone).getTime() + seconds * 1000);
  }
  const only = time(s);
  return only === undefined ? undefined : new Date(dayToDate(dayOf(1899, 12, 30), timeZone).getTime() + only * 1000);
}

/** The value Sheets stores for a string typed (or written by a script) into a cell. */
export function typed(text: string, timeZone: string, locale: string): Typed {
  if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
  if (text.startsWith('=')) return { kind: 'formula', value: text };
  const s = halfWidth(text).trim();
  if (ERRORS.has(s.toUpperCase())) return { kind: 'error', value: s.toUpperCase() };
  if (/^(true|false)$/i.test(s)) return { kind: 'boolean', value: s.toLowerCase() === 'true' };
  const n = number(s, locale);
  if (n !== undefined) return { kind: 'number', value: n };
  const d = s.length <= 60 ? dateTime(s, locale, timeZone) : undefined;
  if (d) return { kind: 'date', value: d };
  return { kind: 'text', value: text };
}
