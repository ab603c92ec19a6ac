// Converting between sheet values and the core's plain cells, at the adapter boundary.

import { dateToDay, dayToDate, dayToIso, isoToDay } from '../../model/dates';
import { type Cell, isDateCell } from '../../model/output';

/**
 * Text Sheets would otherwise turn into a formula, number, date or boolean: a leading apostrophe
 * makes Sheets store it as the text it is.
 */
const NEEDS_GUARD = /^(?:[=+\-@']|\s*[\d.,$€£(][\d\s.,:/$€£%()-]*$|\s*(?:true|false)\s*$)/i;

export function toSheetValue(cell: Cell, timeZone: string): unknown {
  if (cell === null) return '';
  if (isDateCell(cell)) {
    const day = isoToDay(cell.date);
    return day === undefined ? `'${cell.date}` : dayToDate(day, timeZone);
  }
  if (typeof cell === 'string' && NEEDS_GUARD.test(cell)) return `'${cell}`;
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
    return day === undefined ? cell.date : dayToDate(day, timeZone);
  }
  return cell;
}
