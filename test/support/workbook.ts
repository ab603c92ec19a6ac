// Builds raw workbooks for tests: the sample firm, or a copy with cells changed by A1 address.

import { SAMPLE_WORKBOOK } from '../../examples/sample-workbook';
import { dayOf } from '../../src/model/dates';
import { type RawWorkbook, readWorkbook } from '../../src/model/read';

export const TODAY = dayOf(2026, 11, 21);

export function sample(): Record<string, unknown[][]> {
  return structuredClone(SAMPLE_WORKBOOK) as Record<string, unknown[][]>;
}

function decode(cell: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(`bad cell ${cell}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** A copy of the sample with `{ 'Tasks!D7': 'abc' }` applied. */
export function sampleWith(edits: Record<string, unknown>): Record<string, unknown[][]> {
  const wb = sample();
  for (const [address, value] of Object.entries(edits)) {
    const [sheet, cell] = address.split('!');
    const { row, column } = decode(cell);
    const grid = wb[sheet];
    while (grid.length <= row) grid.push([]);
    grid[row][column] = value;
  }
  return wb;
}

export function read(raw: RawWorkbook, timeZone = 'America/New_York') {
  return readWorkbook(raw, { timeZone, today: TODAY });
}
