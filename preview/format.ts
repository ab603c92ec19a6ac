// How Sheets shows a value under a number format (en_US), for the preview's grid: the date and number
// patterns Crewsheet and its users write, and Sheets' defaults when a cell has none.

import { type Day, dateToDay, dayParts, monthName, SHEETS_EPOCH, weekday, weekdayName } from '../src/model/dates';

const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Sheets' default for a date with no format in en_US. */
const DEFAULT_DATE = 'm/d/yyyy';

/** Whether a pattern formats dates (it has day, month or year tokens outside quotes). */
export function isDatePattern(pattern: string): boolean {
  return /[dmy]/i.test(pattern.replace(/"[^"]*"/g, ''));
}

/** A day under a date pattern: yyyy yy mmmm mmm mm m dddd ddd dd d, quoted text, other characters kept. */
export function formatDay(day: Day, pattern: string): string {
  const { year, month, date } = dayParts(day);
  const tokens: Record<string, () => string> = {
    yyyy: () => String(year),
    yy: () => String(year % 100).padStart(2, '0'),
    mmmm: () => MONTHS_LONG[month - 1],
    mmm: () => monthName(month),
    mm: () => String(month).padStart(2, '0'),
    m: () => String(month),
    dddd: () => WEEKDAYS_LONG[weekday(day) - 1],
    ddd: () => weekdayName(weekday(day)),
    dd: () => String(date).padStart(2, '0'),
    d: () => String(date),
  };
  return pattern.replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d/gi, (token, quoted: string | undefined) =>
    quoted !== undefined ? quoted : tokens[token.toLowerCase()](),
  );
}

/** Outside double quotes: a format's sections (positive;negative;zero) and its literal text. */
const OUTSIDE_QUOTES = '(?=(?:[^"]*"[^"]*")*[^"]*$)';
const unquote = (text: string) => text.replace(/"/g, '');

/** A number under a pattern such as 0, 0.##, 0.00, #,##0, "$"#,##0.00, 0%, 0.0%, +0%;-0%;0%. */
export function formatNumber(value: number, pattern: string | undefined): string {
  if (!pattern || pattern === 'General') return String(Math.round(value * 100) / 100);
  const sections = pattern.split(new RegExp(`;${OUTSIDE_QUOTES}`));
  let section = sections[0];
  if (value < 0 && sections.length > 1) [section, value] = [sections[1], -value];
  else if (value === 0 && sections.length > 2) section = sections[2];
  const digits = new RegExp(`[#0,.]+${OUTSIDE_QUOTES}`).exec(section);
  if (!digits) return unquote(section);
  const decimals = /\.(0*)(#*)/.exec(digits[0]);
  const min = decimals?.[1].length ?? 0;
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  const shown = (percent ? value * 100 : value).toLocaleString('en-US', {
    minimumFractionDigits: min,
    maximumFractionDigits: min + (decimals?.[2].length ?? 0),
    useGrouping: digits[0].includes(','),
  });
  return `${unquote(section.slice(0, digits.index))}${shown}${unquote(section.slice(digits.index + digits[0].length))}`;
}

/** What a cell shows: its value under its number format, in the spreadsheet's time zone. */
export function displayValue(value: unknown, format: string | undefined, timeZone: string): string {
  if (value instanceof Date) return formatDay(dateToDay(value, timeZone), format && isDatePattern(format) ? format : DEFAULT_DATE);
  if (typeof value === 'number') {
    if (format && isDatePattern(format)) return formatDay(Math.floor(value) + SHEETS_EPOCH, format);
    return formatNumber(value, format);
  }
  return value === true ? 'TRUE' : value === false ? 'FALSE' : String(value ?? '');
}

/** What the cell editor starts with: the formula, or the value as one would type it back (en_US). */
export function inputValue(value: unknown, formula: string | undefined, timeZone: string): string {
  if (formula) return formula;
  if (value instanceof Date) return formatDay(dateToDay(value, timeZone), DEFAULT_DATE);
  if (typeof value === 'number') return String(value);
  return displayValue(value, undefined, timeZone);
}
