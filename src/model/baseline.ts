// The plan people were told, read back: the Baseline sheet Publish writes, the Schedule sheet, or an
// earlier ASSIGN answer. Only who and when matter for re-planning; every other column is ignored.

import { date, list, text } from './cells';
import { type Column, opt, type RowOf, req, sheetSpec } from './columns';
import type { Problem } from './problems';
import type { Grid } from './read';
import { readSheet } from './read';

/** A column whose header must be there, though a row may leave it blank (a task nobody could staff). */
function headed<T>(column: Column<T>): Column<T> {
  return { ...column, required: true };
}

export const Baseline = sheetSpec('Baseline', {
  project: req('Project', text, { note: 'The task’s project, as in Tasks.' }),
  task: req('Task', text, { aliases: ['Task Name', 'Activity'], note: 'The task, as in Tasks.' }),
  assignee: headed(opt('Assignee', list, { aliases: ['Assigned To', 'Crew', 'Who'], note: 'Who was to do it, comma-separated.' })),
  start: headed(opt('Start', date, { aliases: ['Start Date', 'From'], note: 'The day it was to start.', format: 'date' })),
  end: opt('End', date, { aliases: ['End Date', 'To', 'Finish'], note: 'The day it was to end.', format: 'date' }),
});

export type BaselineRow = RowOf<typeof Baseline>;

/** Baseline rows from a grid with a header row; problems are addressed to `tab`. */
export function readBaseline(grid: Grid, tab: string, timeZone: string): { rows: BaselineRow[]; problems: Problem[] } {
  const { rows, problems } = readSheet<typeof Baseline.columns, BaselineRow>(Baseline, tab, grid, { timeZone });
  return { rows, problems };
}
