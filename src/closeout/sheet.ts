// The Close-out sheet: one block per Done or finishing project. Its checklist has a checkbox per item
// (ticks are kept when the sheet is written again), then the delivery, the margin against the budget,
// each task's estimate against its actual hours, the firm's calibration, and lessons for the template.
// One flat table (Project · Section · Item · Done · Estimate · Actual · Note), so formulas can count it.

import { type Day, dayToIso, shortDate } from '../model/dates';
import { formatMoney } from '../model/money';
import { toTenth } from '../model/numbers';
import { type Cell, keepTicks, type SheetOutput } from '../model/output';
import { nameKey } from '../model/work';
import type { ProjectReview } from './review';

export const CLOSEOUT_HEADER = ['Project', 'Section', 'Item', 'Done', 'Estimate', 'Actual', 'Note'];
const [PROJECT, SECTION, ITEM, DONE] = [0, 1, 2, 3];
const HEADER_FILL = '#e8eaed';
const LATE_FILL = '#fce8e6';
const DATE = 'd mmm yyyy';

const date = (day: Day | undefined): Cell => (day === undefined ? null : { date: dayToIso(day) });
const year = (day: Day) => `${shortDate(day)} ${dayToIso(day).slice(0, 4)}`;

function delivery(r: ProjectReview): Cell[] {
  const { project, finish, lateDays } = r;
  const what =
    r.state === 'done'
      ? finish === undefined
        ? 'Done, no Done On date'
        : `Done ${year(finish)}`
      : finish === undefined
        ? 'Finishing'
        : `Finishing: its work ends ${year(finish)}`;
  const verdict =
    lateDays === undefined
      ? project.due === undefined
        ? 'No Due date: not judged on time or late'
        : 'Not judged: no finish date'
      : lateDays > 0
        ? `Late by ${lateDays} day${lateDays === 1 ? '' : 's'}${r.why.length ? `: ${r.why.join('; ')}` : ''}`
        : 'On time';
  return [project.project, 'Delivery', what, null, date(project.due), date(finish), verdict];
}

function margin(r: ProjectReview, currency: string): Cell[][] {
  const m = r.margin;
  if (!m) return [];
  const fee = r.project.value === undefined ? 'Price at bill rates' : `Fee ${formatMoney(r.project.value, currency)}`;
  const note = `${fee}: cost ${formatMoney(m.costNow, currency)} ${r.state === 'done' ? '' : 'expected now '}against ${formatMoney(m.costBudgeted, currency)} budgeted at P50`;
  return [[r.project.project, 'Margin', 'Margin against the budget P50', null, m.budgeted, m.now, note.replace('  ', ' ')]];
}

function taskNote(t: ProjectReview['tasks'][number], coverage: number): string {
  if (t.actual === undefined) return t.done ? 'No Actual Hours recorded' : 'Not done yet';
  const change = t.actual / t.hours - 1;
  const size = Math.abs(change) < 0.05 ? 'as estimated' : `${Math.round(Math.abs(change) * 100)}% ${change > 0 ? 'over' : 'under'}`;
  const where = t.actual > t.high || t.actual < t.low ? 'outside' : 'within';
  return `${size}${t.done ? '' : ' so far'}; ${where} the firm's ${Math.round(coverage * 100)}% range (${toTenth(t.low)}–${toTenth(t.high)} h)`;
}

function calibration(r: ProjectReview): Cell[][] {
  const c = r.calibration;
  if (!c) return [];
  const moved = Math.abs(c.with - c.without) < 0.005 ? 'left it at' : `moved it from ×${c.without.toFixed(2)} to`;
  return [
    [
      r.project.project,
      'Calibration',
      "The firm's typical task: actual ÷ estimate",
      null,
      c.without,
      c.with,
      `This project's ${c.tasks} finished task${c.tasks === 1 ? '' : 's'} ${moved} ×${c.with.toFixed(2)} (Estimate: without them; Actual: with them)`,
    ],
  ];
}

function block(r: ProjectReview, currency: string, coverage: number): { rows: Cell[][]; formats: string[][] } {
  const p = r.project.project;
  const rows: Cell[][] = [
    delivery(r),
    ...margin(r, currency),
    ...r.checklist.map((c): Cell[] => [p, 'Checklist', c.item, false, null, null, c.source]),
    ...r.tasks.map((t): Cell[] => [
      p,
      'Task',
      t.task,
      null,
      toTenth(t.hours),
      t.actual === undefined ? null : toTenth(t.actual),
      taskNote(t, coverage),
    ]),
    ...calibration(r),
    ...r.lessons.map((l): Cell[] => [p, 'Lesson', l.lesson, null, null, null, l.detail]),
  ];
  const format = (section: Cell): string[] =>
    section === 'Delivery'
      ? ['', '', '', '', DATE, DATE]
      : section === 'Margin'
        ? ['', '', '', '', '0%', '0%']
        : section === 'Calibration'
          ? ['', '', '', '', '0.00"×"', '0.00"×"']
          : ['', '', '', '', '0.#', '0.#'];
  return { rows, formats: rows.map((row) => format(row[SECTION])) };
}

/** The Close-out sheet, with the ticks of `previous` (the sheet as it is now) kept on the same items. */
export function closeoutSheet(
  reviews: readonly ProjectReview[],
  settings: { currency: string; coverage: number },
  today: Day,
  previous: readonly (readonly unknown[])[] = [],
): SheetOutput {
  const values: Cell[][] = [
    [
      'Crewsheet close-out',
      `Generated ${dayToIso(today)}. Tick each checklist item in Done; ticks are kept when this sheet is written again.`,
    ],
    [],
    CLOSEOUT_HEADER,
  ];
  const formats: string[][] = [[], [], []];
  const backgrounds: (string | null)[][] = [[], [], CLOSEOUT_HEADER.map(() => HEADER_FILL)];
  const bold = [0, 2];
  for (const r of reviews) {
    const { rows, formats: f } = block(r, settings.currency, settings.coverage);
    bold.push(values.length);
    backgrounds.push(r.lateDays ? CLOSEOUT_HEADER.map(() => LATE_FILL) : [], ...rows.slice(1).map(() => []));
    values.push(...rows, []);
    formats.push(...f, []);
    backgrounds.push([]);
  }
  if (!reviews.length) values.push(['No project is done or finishing yet.']);
  return keepTicks(
    {
      name: 'Close-out',
      values,
      backgrounds,
      numberFormats: formats,
      notes: [['Written by Crewsheet. Regenerated from the Close-out panel; your ticks in Done are kept, other edits are replaced.']],
      boldRows: bold,
      frozenRows: 3,
      columnWidths: [190, 90, 300, 50, 90, 90, 560],
      checkboxes: { column: DONE, key: [PROJECT, SECTION, ITEM] },
    },
    previous,
  );
}

/** Projects whose close-out checklist is ticked complete, read from the Close-out sheet's values. */
export function closedOut(grid: readonly (readonly unknown[])[]): Set<string> {
  const header = grid.findIndex((row) => CLOSEOUT_HEADER.every((h, c) => String(row[c] ?? '').trim() === h));
  const complete = new Map<string, boolean>();
  for (const row of grid.slice(header + 1)) {
    if (header < 0 || String(row[SECTION] ?? '').trim() !== 'Checklist') continue;
    const key = nameKey(String(row[PROJECT] ?? ''));
    complete.set(key, (complete.get(key) ?? true) && row[DONE] === true);
  }
  return new Set([...complete].filter(([, done]) => done).map(([key]) => key));
}
