// The plan people were told, read back: the Baseline sheet Publish writes, the Schedule sheet, or an
// earlier ASSIGN answer. Only who and when matter for re-planning; every other column is ignored.

import { date, list, number, text } from './cells';
import { type Column, opt, type RowOf, req, sheetSpec } from './columns';
import { type Day, isoToDay } from './dates';
import type { Problem } from './problems';
import type { Grid } from './read';
import { readSheet } from './read';

/** A column whose header must be there, though a row may leave it blank (a task nobody could staff). */
function headed<T>(column: Column<T>): Column<T> {
  return { ...column, required: true };
}

export const Baseline = sheetSpec('Baseline', {
  project: req('Project', text, { note: 'The task’s project, as in Tasks.' }),
  task: headed(opt('Task', text, { aliases: ['Task Name', 'Activity'], note: 'The task, as in Tasks.' })),
  assignee: headed(opt('Assignee', list, { aliases: ['Assigned To', 'Crew', 'Who'], note: 'Who was to do it, comma-separated.' })),
  start: headed(opt('Start', date, { aliases: ['Start Date', 'From'], note: 'The day it was to start.', format: 'date' })),
  end: opt('End', date, { aliases: ['End Date', 'To', 'Finish'], note: 'The day it was to end.', format: 'date' }),
  hours: opt('Hours', number({ min: 0 }), { note: 'Hours per person it had still to do.', format: 'number' }),
});

export type BaselineRow = RowOf<typeof Baseline>;

/**
 * Baseline rows from a grid with a header row (rows naming no task, such as ASSIGN's "Not planned"
 * rows, are skipped); problems are addressed to `tab`.
 */
export function readBaseline(grid: Grid, tab: string, timeZone: string): { rows: BaselineRow[]; problems: Problem[] } {
  const { rows, problems } = readSheet<typeof Baseline.columns, BaselineRow>(Baseline, tab, grid, { timeZone });
  return { rows: rows.filter((r) => r.project && r.task), problems };
}

const PUBLISHED = /^Published (\d{4}-\d{2}-\d{2})/;

/** The day a Baseline sheet says it was published (its first rows hold "Published 2026-11-23 …"). */
export function publishedOn(grid: Grid): Day | undefined {
  for (const row of grid.slice(0, 3)) {
    for (const cell of row) {
      const m = typeof cell === 'string' ? PUBLISHED.exec(cell) : null;
      if (m) return isoToDay(m[1]);
    }
  }
  return undefined;
}
