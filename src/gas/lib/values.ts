// Converting between sheet values and the core's plain cells, at the adapter boundary.

import { dateToDay, dayToDate, dayToIso, isoToDay } from '../../model/dates';
import { type Cell, isDateCell } from '../../model/output';

/** Sheets' limit on the text of one cell. */
export const CELL_TEXT_LIMIT = 50_000;
const CUT = '… (cut: Sheets holds 50,000 characters in a cell)';

export function clipText(text: string): string {
  return text.length <= CELL_TEXT_LIMIT ? text : text.slice(0, CELL_TEXT_LIMIT - CUT.length) + CUT;
}

/** Full-width forms (ＡＢＣ１２３＄) as Sheets reads them: their ASCII twins. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const FORMULA_OR_QUOTE = /^[=+\-@']/;
const ERROR_LITERAL = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|N\/A\(\)|GETTING_DATA)$/i;
const BOOLEAN = /^(?:true|false)$/i;
/** Words Sheets reads inside dates and times, in English locales: months, weekdays, AM/PM. */
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]m)\b/g;
/** What is left of a number, date, time, currency amount or percentage once its words are gone. */
const NUMERIC_REST = /^[\d\s.,:/\-+$€£¥₩₹%()e]*$/;

/**
 * Whether Sheets would turn this text into something else when a script writes it: a formula, a
 * number in any notation (1e5, 1,200, ¥100, 50%, full-width digits), a date or time in the locale
 * (12/14/2026, March 2027, Jan 5, 10:00 AM), a boolean or an error literal (#N/A).
 */
export function sheetsWouldConvert(text: string): boolean {
  const s = halfWidth(text).trim();
  if (FORMULA_OR_QUOTE.test(s) || FORMULA_OR_QUOTE.test(text)) return true;
  if (ERROR_LITERAL.test(s) || BOOLEAN.test(s)) return true;
  const rest = s.toLowerCase().replace(DATE_WORDS, ' ');
  return /\d/.test(rest) && NUMERIC_REST.test(rest);
}

/** Text as written into a sheet: cut to Sheets' limit, with a leading apostrophe where Sheets would convert it, so it stays text. */
export function guardText(text: string): string {
  const clipped = clipText(text);
  return sheetsWouldConvert(clipped) ? `'${clipped}` : clipped;
}

export function toSheetValue(cell: Cell, timeZone: string): unknown {
  if (cell === null) return '';
  if (isDateCell(cell)) {
    const day = isoToDay(cell.date);
    return day === undefined ? guardText(cell.date) : dayToDate(day, timeZone);
  }
  if (typeof cell === 'string') return guardText(cell);
  return cell;
}

/** A sheet value as plain data for the sidebar: Dates become ISO days in the spreadsheet's zone. */
export function toCell(value: unknown, timeZone: string): Cell {
  if (value instanceof Date) return { date: dayToIso(dateToDay(value, timeZone)) };
  if (value === '' || value === undefined) return null;
  return value as Cell;
}

/** A cell as a custom function returns it: Sheets shows returned strings as text, never as formulas. */
export function toReturnedValue(cell: Cell, timeZone: string): unknown {
  if (cell === null) return '';
  if (isDateCell(cell)) {
    const day = isoToDay(cell.date);
    return day === undefined ? clipText(cell.date) : dayToDate(day, timeZone);
  }
  return typeof cell === 'string' ? clipText(cell) : cell;
}
