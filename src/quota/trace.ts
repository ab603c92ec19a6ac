// Pointers from a figure back to the rows it came from, in the words notes use: "Projects row 4".

import { type Day, dayToIso } from '../model/dates';
import type { Plan, SheetName } from '../model/plan';

export function rowRef(plan: Pick<Plan, 'layout'>, sheet: SheetName, row: number): string {
  return `${plan.layout[sheet]?.tab ?? sheet} row ${row}`;
}

/** "Helios CES Booth (Projects row 4)". */
export function named(plan: Pick<Plan, 'layout'>, name: string, sheet: SheetName, row: number): string {
  return `${name} (${rowRef(plan, sheet, row)})`;
}

export const iso = (day: Day): string => dayToIso(day);
