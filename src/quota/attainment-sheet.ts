// The Attainment output sheet and the ATTAINMENT table, built from attainments: every number with a
// note saying how it was computed and from which rows.

import type { Day } from '../model/dates';
import { formatNumber, plural } from '../model/numbers';
import type { Cell, SheetOutput } from '../model/output';
import type { Plan } from '../model/plan';
import type { Attainment, Contribution, ContributionKind, Need } from './attainment';
import { type GridCell, SheetGrid } from './grid';
import { elapsedDays, PACE_RULE, STATUS_RULE, STATUSES, type Status } from './status';
import { iso, rowRef } from './trace';
import { bullets, figureFormat, formatFigure, formatPercent, roundFigure } from './units';

export const STATUS_COLORS: Record<Status, string> = {
  ahead: '#ceead6',
  'on track': '#e6f4ea',
  'at risk': '#fef7e0',
  behind: '#fce8e6',
  'not started': '#f1f3f4',
  met: '#ceead6',
  missed: '#fce8e6',
};

/** What a cell says instead of a number it cannot have. */
export type Wording = Record<Need, string> & { noneJudged: string; nothingToJudge: string };

export const SIDEBAR_WORDING: Wording = {
  tasks: 'needs a Tasks sheet',
  plan: 'needs the plan (Tasks and Staff)',
  noneJudged: 'none judged yet',
  nothingToJudge: 'nothing to judge',
};

export const ATTAINMENT_HEADER = ['Owner', 'Metric', 'Period', 'Target', 'Actual', '%', 'Projected', 'Status'];

function actualCell(a: Attainment, wording: Wording): Cell {
  if (a.phase === 'upcoming') return `starts ${iso(a.period.from)}`;
  if (a.missing.actual) return wording[a.missing.actual];
  return a.actual === undefined ? wording.noneJudged : roundFigure(a.actual, a.unit);
}

function projectedCell(a: Attainment, wording: Wording): Cell {
  if (a.missing.projected) return wording[a.missing.projected];
  return a.projected === undefined ? wording.nothingToJudge : roundFigure(a.projected, a.unit);
}

function statusCell(a: Attainment, wording: Wording): Cell {
  if (a.status) return a.status;
  return a.missing.projected ? wording[a.missing.projected] : wording.nothingToJudge;
}

/** ATTAINMENT's answer: a header row, then one row per quota. */
export function attainmentTable(list: readonly Attainment[], wording: Wording): Cell[][] {
  return [
    ATTAINMENT_HEADER,
    ...list.map((a): Cell[] => [
      a.quota.owner,
      a.metric,
      a.period.label,
      roundFigure(a.target, a.unit),
      actualCell(a, wording),
      a.percent === undefined ? '' : roundFigure(a.percent, 'rate'),
      projectedCell(a, wording),
      statusCell(a, wording),
    ]),
  ];
}

type Format = (value: number) => string;

function total(a: Attainment, parts: readonly Contribution[], value: number | undefined, fmt: Format): string {
  if (a.unit !== 'rate') return `Total: ${fmt(value ?? 0)}`;
  const onTime = parts.reduce((n, c) => n + c.amount, 0);
  const judged = parts.reduce((n, c) => n + (c.judged ?? 0), 0);
  return judged ? `On time: ${formatNumber(onTime)} of ${formatNumber(judged)} = ${formatPercent(onTime / judged)}` : 'Nothing judged';
}

function leftOutLines(a: Attainment, kinds: readonly ContributionKind[]): string[] {
  const lines = a.leftOut.filter((l) => kinds.includes(l.kind)).map((l) => l.line);
  return lines.length ? ['Not counted:', ...bullets(lines)] : [];
}

function targetNote(plan: Plan, a: Attainment, fmt: Format): string[] {
  const read = a.target !== a.quota.target ? ` (written ${formatNumber(a.quota.target)}, read as ${formatPercent(a.target)})` : '';
  const dates = `${iso(a.period.from)}..${iso(a.period.to)}`;
  const period = a.period.label === dates ? dates : `${a.period.label} (${dates})`;
  return [`${rowRef(plan, 'Quotas', a.quota.row)}: ${a.metric} target for ${period}: ${fmt(a.target)}${read}.`];
}

function actualNote(a: Attainment, fmt: Format, wording: Wording): string[] {
  if (a.missing.actual) return [`Cannot be computed here: ${wording[a.missing.actual]}.`];
  const facts = a.contributions.filter((c) => c.kind === 'actual');
  const until = Math.min(a.period.to, a.asOf);
  return [
    until < a.period.from ? `The period has not started by ${iso(a.asOf)}.` : `Counted from ${iso(a.period.from)} to ${iso(until)}:`,
    ...bullets(facts.length ? facts.map((c) => c.line) : ['nothing yet']),
    total(a, facts, a.actual, fmt),
    ...leftOutLines(a, ['actual']),
  ];
}

function paceNote(a: Attainment, fmt: Format): string[] {
  if (a.unit === 'rate') return [`For a rate, the pace is the Target: ${fmt(a.target)}.`];
  const days = a.period.to - a.period.from + 1;
  return [
    `Straight line from 0 on ${iso(a.period.from)} to ${fmt(a.target)} on ${iso(a.period.to)}: ${formatNumber(elapsedDays(a.period, a.asOf))} of ${formatNumber(days)} days by ${iso(a.asOf)} → ${fmt(a.pace)}.`,
  ];
}

const SECTIONS: [ContributionKind, string][] = [
  ['recorded later', 'Recorded after the as-of date:'],
  ['pipeline', 'Open proposals, weighted by Probability:'],
  ['plan', 'From the current plan:'],
];

function projectedNote(a: Attainment, fmt: Format, wording: Wording): string[] {
  if (a.missing.projected) return [`Cannot be projected here: ${wording[a.missing.projected]}.`];
  const lines = [`Where the owner lands by ${iso(a.period.to)}.`, `Actual: ${a.actual === undefined ? wording.noneJudged : fmt(a.actual)}`];
  for (const [kind, title] of SECTIONS) {
    const parts = a.contributions.filter((c) => c.kind === kind);
    if (parts.length) lines.push(title, ...bullets(parts.map((c) => c.line)));
  }
  lines.push(total(a, a.contributions, a.projected, fmt), ...leftOutLines(a, ['recorded later', 'pipeline', 'plan']));
  return lines;
}

function statusNote(a: Attainment, fmt: Format): string[] {
  if (!a.status) return [STATUS_RULE];
  const actual = a.actual === undefined ? 'none judged yet' : fmt(a.actual);
  const share = a.projected === undefined ? '' : ` (${formatPercent(a.projected / a.target)} of it)`;
  return [
    STATUS_RULE,
    `Here: Projected ${fmt(a.projected as number)} against a Target of ${fmt(a.target)}${share}; Actual ${actual} against a Pace of ${fmt(a.pace)}.`,
  ];
}

function number(a: Attainment, value: number | undefined, fallback: Cell, note: string[], currency: string): GridCell {
  if (value === undefined) return { value: fallback, note };
  return { value: roundFigure(value, a.unit), note, format: figureFormat(a.unit, roundFigure(value, a.unit), currency) };
}

function quotaRow(plan: Plan, a: Attainment, wording: Wording): GridCell[] {
  const currency = plan.settings.currency;
  const fmt: Format = (v) => formatFigure(v, a.unit, currency);
  const percentNote = a.actual === undefined ? [] : [`Actual ÷ Target: ${fmt(a.actual)} ÷ ${fmt(a.target)}.`];
  return [
    a.quota.owner,
    a.metric,
    { value: a.period.label, note: [`${iso(a.period.from)}..${iso(a.period.to)}`] },
    number(a, a.target, '', targetNote(plan, a, fmt), currency),
    number(
      a,
      a.missing.actual || a.phase === 'upcoming' ? undefined : a.actual,
      actualCell(a, wording),
      actualNote(a, fmt, wording),
      currency,
    ),
    a.percent === undefined ? '' : { value: roundFigure(a.percent, 'rate'), note: percentNote, format: '0%' },
    number(a, a.pace, '', paceNote(a, fmt), currency),
    number(a, a.missing.projected ? undefined : a.projected, projectedCell(a, wording), projectedNote(a, fmt, wording), currency),
    { value: statusCell(a, wording), note: statusNote(a, fmt) },
  ];
}

const HEADER_NOTES = [
  'Account manager, project manager or staff member (Quotas sheet).',
  '',
  'Hover for the dates.',
  'From the Quotas sheet.',
  'What happened from the period’s first day to the as-of date. Hover for the rows counted.',
  'Actual as a share of the Target.',
  PACE_RULE,
  'Actual, plus what is recorded after the as-of date, open proposals weighted by Probability (account managers) and what the current plan finishes or books (project managers, billable hours).',
  STATUS_RULE,
];

/** The Attainment sheet: a summary line, then one row per quota, coloured by status. */
export function attainmentSheet(plan: Plan, list: readonly Attainment[], asOf: Day): SheetOutput {
  const grid = new SheetGrid();
  const counts = STATUSES.map((s) => `${list.filter((a) => a.status === s).length} ${s}`).join(', ');
  grid.row(
    [
      {
        value: 'Crewsheet quota attainment',
        note: [
          'Written by Crewsheet from the Quotas, Projects and Tasks sheets and the current plan. Regenerated on each run: edits here are replaced.',
          STATUS_RULE,
          PACE_RULE,
          'Rows are coloured by status: dark green ahead, green on track, yellow at risk, red behind.',
        ],
      },
      `As of ${iso(asOf)} · generated ${iso(plan.today)} · ${plural(list.length, 'quota')}${list.length ? `: ${counts}` : ''}`,
    ],
    { bold: true },
  );
  grid.blank();
  const headerRow = grid.header(['Owner', 'Metric', 'Period', 'Target', 'Actual', '%', 'Pace', 'Projected', 'Status'], HEADER_NOTES);
  for (const a of list) grid.row(quotaRow(plan, a, SIDEBAR_WORDING), { background: a.status ? STATUS_COLORS[a.status] : undefined });
  if (!list.length) grid.row(['No quotas: add rows to the Quotas sheet (Owner, Metric, Period, Target).']);
  return grid.output('Attainment', { frozenRows: headerRow + 1, columnWidths: [180, 140, 170, 100, 100, 60, 100, 100, 90] });
}
