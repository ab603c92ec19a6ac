// Lays a timeline grid out as an output sheet: a title, a legend (a row, or more when the columns are
// few), two header rows (group and column), label columns frozen on the left, one cell per row and column. Written in one values
// write and one backgrounds write whatever its size.

import { dayParts, monthName, shortDate } from '../model/dates';
import { type Cell, fitWidths, type SheetOutput, textWidth } from '../model/output';
import { PLACEHOLDER_FILL } from '../model/placeholder';
import { MARK } from './colors';
import { bucketWidth, rangeLabel, type TimelineGrid } from './grid';

/** How label dates read: "14 Dec", or "Dec 14 2026" when months are the columns. */
const DATE_FORMATS = { short: { pattern: 'd mmm', shown: '14 Dec' }, long: { pattern: 'mmm d yyyy', shown: 'Dec 14 2026' } };
const MIN_LABEL_WIDTH = 48;
const MAX_LABEL_WIDTH = 320;

/** Label columns fit their longest value, as Sheets' "fit to data" would: dates are never cut. */
function labelWidths(grid: TimelineGrid, dateShown: string): number[] {
  return fitWidths([grid.labelHeaders, ...grid.rows.map((row) => row.labels)], dateShown, MIN_LABEL_WIDTH, MAX_LABEL_WIDTH);
}

/**
 * "Today, Tue 24 Nov 2026"; in a week or month view, which week or month the column holding today is,
 * since its header shows the week's first day ("30") or the month ("Dec"), not today.
 */
function todayNote(grid: TimelineGrid): string {
  const { year, month } = dayParts(grid.today);
  const today = `Today, ${shortDate(grid.today)} ${year}`;
  if (grid.scale === 'day') return today;
  if (grid.scale === 'month') return `${today}: this column is ${monthName(month)} ${year}.`;
  return `${today}: this column is the week starting ${shortDate(grid.buckets[grid.todayColumn].start)}.`;
}

/**
 * The group row (the month over its days or weeks, the year over its months): a label whose run of
 * columns is too narrow for it drops its year ("Nov" over a single week), so it is not cut.
 */
function groupLabels(grid: TimelineGrid, width: number): (string | null)[] {
  return grid.buckets.map((b, i) => {
    if (!b.group) return null;
    let run = 1;
    while (i + run < grid.buckets.length && !grid.buckets[i + run].group) run++;
    return textWidth(b.group) <= run * width ? b.group : b.group.split(' ')[0];
  });
}

interface LegendRow {
  values: Cell[];
  colors: (string | null)[];
}

/**
 * The legend: "Legend", then each entry in its colour over as many columns as its words need (the
 * label columns too), so none is cut by the next; an entry that would run past the last column starts
 * a new row.
 */
function legendRows(grid: TimelineGrid, widths: readonly number[]): LegendRow[] {
  const room = (from: number, span: number) => widths.slice(from, from + span).reduce((sum, w) => sum + w, 0);
  /** The columns from `from` that hold `need` pixels, or as many as are left. */
  const spanFrom = (from: number, need: number) => {
    let span = 1;
    while (room(from, span) < need && from + span < widths.length) span++;
    return span;
  };
  const blank = (): LegendRow => ({ values: new Array(widths.length).fill(null), colors: new Array(widths.length).fill(null) });
  const rows = [blank()];
  rows[0].values[0] = 'Legend';
  let at = 1;
  for (const entry of grid.legend) {
    const need = textWidth(entry.label);
    // A row already holding entries passes the one that does not fit on to a new row.
    if (at > 1 && (at >= widths.length || room(at, spanFrom(at, need)) < need)) {
      rows.push(blank());
      at = 1;
    }
    const span = spanFrom(at, need);
    const row = rows[rows.length - 1];
    row.values[at] = entry.label;
    row.colors.fill(entry.color, at, at + span);
    at += span;
  }
  return rows;
}

export function timelineSheet(grid: TimelineGrid, generated: string): SheetOutput {
  const labels = grid.labelHeaders.length;
  const width = labels + grid.buckets.length;
  const name = grid.view === 'project' ? 'Timeline' : 'People';
  const blank = (): Cell[] => new Array(width).fill(null);
  const noColor = (): (string | null)[] => new Array(width).fill(null);

  const dates = grid.scale === 'month' ? DATE_FORMATS.long : DATE_FORMATS.short;
  const title = blank();
  title[0] = `${grid.view === 'project' ? 'Timeline by project' : 'Who is where'} · ${grid.scale}s · ${rangeLabel(grid)}`;
  title[labels] = grid.notes.join(' ');
  const columnWidth = bucketWidth(grid.scale, grid.rows);
  const widths = [...labelWidths(grid, dates.shown), ...grid.buckets.map(() => columnWidth)];
  const legend = legendRows(grid, widths);
  const group = groupLabels(grid, columnWidth);
  const groups = blank();
  const heads = blank();
  const headColors = noColor();
  grid.labelHeaders.forEach((h, i) => {
    heads[i] = h;
    headColors[i] = MARK.header;
  });
  grid.buckets.forEach((b, i) => {
    groups[labels + i] = group[i];
    heads[labels + i] = b.label;
    headColors[labels + i] = i === grid.todayColumn ? MARK.today : MARK.header;
  });

  const values: Cell[][] = [title, ...legend.map((l) => l.values), groups, heads];
  const backgrounds: (string | null)[][] = [noColor(), ...legend.map((l) => l.colors), noColor(), headColors];
  const header = values.length - 1;
  const formats: string[][] = values.map(() => []);
  const dateFormat = dates.pattern;
  const notes: string[][] = [
    [`Written by Crewsheet ${generated} from the current plan. Regenerated by Timeline: edits here are replaced.`],
  ];
  notes[header] = [];
  if (grid.todayColumn >= 0) notes[header][labels + grid.todayColumn] = todayNote(grid);
  for (const row of grid.rows) {
    values.push([...row.labels, ...row.cells.map((c) => c.value)]);
    if (row.cells.some((c) => c.note)) notes[values.length - 1] = [...row.labels.map(() => ''), ...row.cells.map((c) => c.note ?? '')];
    const labelFill = row.placeholder ? PLACEHOLDER_FILL : row.kind === 'project' || row.kind === 'person' ? '#f1f3f4' : null;
    backgrounds.push([...row.labels.map(() => labelFill), ...row.cells.map((c) => c.color)]);
    formats.push(row.labels.map((l) => (l !== null && typeof l === 'object' ? dateFormat : '')));
  }
  const boldRows = [0, header, ...grid.rows.flatMap((r, i) => (r.kind === 'project' || r.kind === 'person' ? [header + 1 + i] : []))];
  return {
    name,
    values,
    backgrounds,
    numberFormats: formats,
    notes,
    boldRows,
    frozenRows: header + 1,
    frozenColumns: labels,
    columnWidths: widths,
  };
}
