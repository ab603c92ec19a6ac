// The lines of an attainment chart, as data: the pace line, the actual running total (or running rate)
// up to the as-of date, and the projection stepping up on the days the pipeline and the plan add to
// it, to the period's end. The sidebar draws them.

import type { Day } from '../model/dates';
import type { Attainment, Contribution } from './attainment';

export type Point = readonly [day: Day, value: number];

export interface Series {
  from: Day;
  to: Day;
  asOf: Day;
  target: number;
  /** Top of the value axis. */
  max: number;
  pace: Point[];
  /** A step line: the total (or rate) after each counted row, to the as-of date. */
  actual: Point[];
  /** A step line from where Actual ends, through each projected row, to the period's last day. */
  projected: Point[];
}

interface Running {
  amount: number;
  judged: number;
}

const figureOf = (a: Attainment, r: Running): number | undefined =>
  a.unit !== 'rate' ? r.amount : r.judged ? r.amount / r.judged : undefined;

/** Steps through the rows from a running total; a rate draws nothing until something is judged. */
function steps(a: Attainment, rows: readonly Contribution[], running: Running, first: Day, last: Day): Point[] {
  const points: Point[] = [];
  const start = figureOf(a, running);
  if (start !== undefined) points.push([first, start]);
  for (const c of rows) {
    const day = Math.max(first, Math.min(last, c.day));
    const before = figureOf(a, running);
    running.amount += c.amount;
    running.judged += c.judged ?? 0;
    if (before !== undefined) points.push([day, before]);
    points.push([day, figureOf(a, running) as number]);
  }
  const end = points[points.length - 1];
  if (end && end[0] < last) points.push([last, end[1]]);
  return points;
}

export function attainmentSeries(a: Attainment): Series {
  const { from, to } = a.period;
  const until = Math.max(from, Math.min(a.asOf, to));
  const running: Running = { amount: 0, judged: 0 };
  const actual =
    a.missing.actual || a.asOf < from
      ? []
      : steps(
          a,
          a.contributions.filter((c) => c.kind === 'actual'),
          running,
          from,
          until,
        );
  const later = a.contributions.filter((c) => c.kind !== 'actual').sort((x, y) => x.day - y.day);
  const projected = a.projected === undefined || until >= to ? [] : steps(a, later, running, until, to);
  const pace: Point[] =
    a.unit === 'rate'
      ? [
          [from, a.target],
          [to, a.target],
        ]
      : [
          [from, 0],
          [to, a.target],
        ];
  const top = Math.max(a.target, ...actual.map((p) => p[1]), ...projected.map((p) => p[1]));
  return { from, to, asOf: a.asOf, target: a.target, max: top > 0 ? top * 1.1 : 1, pace, actual, projected };
}
