// The client view laid out as one table: a title, then Projects, Work and Contacts one under the
// other. CLIENTVIEW returns exactly these cells, and a client copy's Plan sheet holds exactly them.

import { type Day, dayToIso } from '../model/dates';
import { type Cell, fitWidths, type SheetOutput } from '../model/output';
import type { ClientView } from './view';

export const PLAN_SHEET = 'Plan';

export const PROJECT_HEADER = ['Project', 'Status', 'Start', 'Due', 'Planned finish', 'On track'];
export const WORK_HEADER = ['Project', 'Task or milestone', 'Type', 'Who', 'Start', 'End', 'Status', '% Done'];
export const CONTACT_HEADER = ['Role', 'Name', 'Email', 'Projects'];

export const NEEDS_STAFF =
  'Planned dates and crews need the staff range: add it as the fourth argument, e.g. =CLIENTVIEW("Client", Projects!A:P, Tasks!A:R, Staff!A:K).';

export const SHORTER_SEARCH =
  'The Share panel searches longer than a formula can here (Settings > Iterations × open tasks): dates and crews come from a shorter search, and the copy may differ.';

/** The copy's title, also its file name: "<Client> — Project plan". */
export function copyTitle(client: string): string {
  return `${client} — Project plan`;
}

const date = (day: Day | undefined): Cell => (day === undefined ? null : { date: dayToIso(day) });
const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

/** Which rows are section titles and column headers, for the sheet's formatting. */
interface Layout {
  values: Cell[][];
  sectionRows: number[];
  headerRows: number[];
}

function layout(view: ClientView): Layout {
  const values: Cell[][] = [];
  const sectionRows: number[] = [];
  const headerRows: number[] = [];
  const section = (title: string, header: string[], rows: Cell[][], empty: string) => {
    values.push([]);
    sectionRows.push(values.length);
    values.push([title]);
    headerRows.push(values.length);
    values.push(header);
    for (const row of rows.length ? rows : [[empty]]) values.push(row);
  };
  values.push([copyTitle(view.client)]);
  values.push(['Generated', date(view.generated), view.planned ? 'Planned dates may move as the work goes on.' : NEEDS_STAFF]);

  const priced = view.pricesShown;
  section(
    'Projects',
    priced ? [...PROJECT_HEADER, 'Price'] : PROJECT_HEADER,
    view.projects.map((p) => {
      const row: Cell[] = [p.project, p.status, date(p.start), date(p.due), date(p.finish), p.standing];
      return priced ? [...row, p.price ?? null] : row;
    }),
    'No projects to show.',
  );
  section(
    'Tasks and milestones',
    WORK_HEADER,
    view.work.map((w) => [
      w.project,
      w.task,
      w.milestone ? 'Milestone' : 'Task',
      w.who.join(', '),
      date(w.start),
      date(w.end),
      w.status,
      percent(w.percentDone),
    ]),
    'No tasks to show.',
  );
  section(
    'Your contacts',
    CONTACT_HEADER,
    view.contacts.map((c) => [c.role, c.name, c.email ?? null, c.projects.join(', ')]),
    'No contacts listed.',
  );
  // Sheets wants a custom function's answer rectangular; the sheet is written rectangular anyway.
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const rectangular = values.map((r) => [...r, ...new Array<Cell>(width - r.length).fill(null)]);
  return { values: rectangular, sectionRows, headerRows };
}

/** The client view as a table of cells (dates as DateCell). */
export function clientViewTable(view: ClientView): Cell[][] {
  return layout(view).values;
}

const HEADER_COLOR = '#e8eaed';
const DATE_FORMAT = { pattern: 'd mmm yyyy', shown: '30 Dec 2026' };

/**
 * The Plan sheet of a client copy: the same table, with headers shaded, dates formatted and columns
 * fitted to the tables' cells (crews and dates in full; the title and notes run over empty cells).
 */
export function clientViewSheet(view: ClientView): SheetOutput {
  const { values, sectionRows, headerRows } = layout(view);
  const width = values[0].length;
  const headers = new Set(headerRows);
  const running = new Set([0, 1, ...sectionRows]);
  const tables = values.filter((row, r) => !running.has(r) && row.filter((cell) => cell !== null).length > 1);
  return {
    name: PLAN_SHEET,
    values,
    backgrounds: values.map((_, r) => (headers.has(r) ? new Array(width).fill(HEADER_COLOR) : [])),
    numberFormats: values.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? DATE_FORMAT.pattern : ''))),
    boldRows: [0, ...sectionRows, ...headerRows],
    columnWidths: fitWidths(tables, DATE_FORMAT.shown, 60, 400),
  };
}
