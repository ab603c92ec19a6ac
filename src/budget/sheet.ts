// The Budget output sheet and BUDGETRANGE's table, built from budget ranges.

import { type Day, dayToIso } from '../model/dates';
import { formatMoney, moneyFormat } from '../model/money';
import type { Cell, SheetOutput } from '../model/output';
import type { BudgetResult, ProjectBudget } from './budget';
import { DEFAULT_SPREAD } from './ratio';
import { DRAWS, rangeLabels, tailPercent } from './simulate';
import { THREE_POINT_PROBABILITY } from './spread';

/** Cost and Price at each end of the range and the median: "Cost P10", "Cost P50", "Cost P90"… */
function rangeHeaders(coverage: number): string[] {
  const { low, high } = rangeLabels(coverage);
  return ['Cost', 'Price'].flatMap((what) => [`${what} ${low}`, `${what} P50`, `${what} ${high}`]);
}

export function budgetHeader(coverage: number): string[] {
  return ['Project', 'Client', 'Status', 'Hours P50', ...rangeHeaders(coverage), 'Margin'];
}

export function budgetRangeHeader(coverage: number): string[] {
  return ['Project', ...rangeHeaders(coverage)];
}

const HEADER_BACKGROUND = '#e8eaed';
const THIN_MARGIN = '#fce8e6';

const whole = (v: number) => Math.round(v);

/** Cost low · P50 · high and Price low · P50 · high, in whole currency units. */
function costAndPrice(b: ProjectBudget): number[] {
  return [b.cost.low, b.cost.p50, b.cost.high, b.price.low, b.price.p50, b.price.high].map(whole);
}

/** BUDGETRANGE's answer: a header row, then one row per project, in whole currency units. */
export function budgetRangeTable(result: BudgetResult): Cell[][] {
  return [budgetRangeHeader(result.coverage), ...result.projects.map((b): Cell[] => [b.project.project, ...costAndPrice(b)])];
}

/** How the numbers were made, in words a project manager can check against the sheets. */
export function methodNote(result: BudgetResult, targetMargin: number, today: Day): string {
  const { tasks, projectCorrelation, medianRatio } = result.calibration;
  const { low, high } = rangeLabels(result.coverage);
  const tail = Math.round((1 - THREE_POINT_PROBABILITY) * 100);
  const history =
    tasks >= 2
      ? `Tasks with only Hours: calibrated on ${tasks} finished tasks (Hours vs Actual Hours); a typical task takes ${medianRatio.toFixed(2)}× its estimate, small tasks overrun more, and each range holds the actual as often as it claims on held-out history (an 80% range, 80% of the time).`
      : `Tasks with only Hours: no finished tasks with Actual Hours yet, so the default is used: the median task takes its estimate and lands within a factor of ${Math.exp(DEFAULT_SPREAD).toFixed(0)} of it about two times in three. Mark tasks Done with Actual Hours to calibrate.`;
  return [
    `Written by Crewsheet on ${dayToIso(today)}; replaced on each run, so edits here are lost.`,
    `${low} / P50 / ${high}: ${DRAWS} simulated outcomes per project; ${tailPercent(result.coverage)}% come in below ${low} and as many above ${high} (Settings > Coverage ${Math.round(result.coverage * 100)}%).`,
    `Hours Low / High (and Cost Low / High) are read as P${tail} and P${100 - tail}.`,
    history,
    `Tasks of one project overrun together (correlation ${projectCorrelation.toFixed(2)}), so a project's range does not shrink just because it has many tasks.`,
    `Cost: hours × the Cost Rate of the crew in the plan; work nobody is assigned to yet at the median rate of the qualified staff; plus Costs lines (Scales lines follow Scope).`,
    `Price: the Value for projects that have one (fixed fee); otherwise hours × Bill Rate (cost ÷ (1 − ${Math.round(targetMargin * 100)}%) where there is none) plus Costs with their Markup %.`,
  ].join('\n');
}

function marginNote(b: ProjectBudget, currency: string, coverage: number): string {
  const money = (v: number) => formatMoney(v, currency);
  const { low, high } = rangeLabels(coverage);
  const pct = b.price.p50 > 0 ? ` (${Math.round((b.margin.p50 / b.price.p50) * 100)}% of price)` : '';
  const basis = b.fixedFee !== undefined ? `fixed fee ${money(b.fixedFee)}` : 'price at rate card';
  return `P50 margin ${money(b.margin.p50)}${pct}; ${low}–${high} ${money(b.margin.low)} to ${money(b.margin.high)}; ${basis}.`;
}

function driversNote(b: ProjectBudget): string {
  const top = b.drivers.slice(0, 3);
  if (top.length === 0) return 'Nothing left uncertain: every task is done or has no range.';
  return `Most of the uncertainty: ${top.map((d) => `${d.label} (${Math.round(d.share * 100)}%)`).join(', ')}.`;
}

/** The Budget sheet: one row per project, money formatted in the Settings currency, a note on how. */
export function budgetSheet(result: BudgetResult, currency: string, targetMargin: number, today: Day): SheetOutput {
  const money = moneyFormat(currency);
  const header = budgetHeader(result.coverage);
  const { low, high } = rangeLabels(result.coverage);
  const tail = tailPercent(result.coverage);
  const values: Cell[][] = [header];
  const formats: string[][] = [header.map(() => '')];
  const backgrounds: (string | null)[][] = [header.map(() => HEADER_BACKGROUND)];
  const notes: string[][] = [
    [
      methodNote(result, targetMargin, today),
      '',
      '',
      'Person-hours of the whole project (done, in progress and to do), median outcome.',
      `Cost the best ${tail}% of outcomes stay under.`,
      'Median cost.',
      `Cost the worst ${tail}% of outcomes reach: budget for this to be safe ${100 - tail}% of the time.`,
      'Price for fixed-fee projects is their Value; otherwise at bill rates.',
      '',
      '',
      `Price − cost at P50. The note on each cell gives the ${low}–${high} range.`,
    ],
  ];
  for (const b of result.projects) {
    values.push([b.project.project, b.project.client, b.project.status, whole(b.hours.p50), ...costAndPrice(b), whole(b.margin.p50)]);
    formats.push(['', '', '', '#,##0', money, money, money, money, money, money, money]);
    backgrounds.push(header.map((_, c) => (c === 10 && b.margin.low < 0 ? THIN_MARGIN : null)));
    notes.push([
      driversNote(b),
      '',
      '',
      '',
      '',
      '',
      '',
      b.fixedFee !== undefined ? 'Fixed fee (Projects > Value).' : '',
      '',
      '',
      marginNote(b, currency, result.coverage),
    ]);
  }
  return {
    name: 'Budget',
    values,
    numberFormats: formats,
    backgrounds,
    notes,
    boldRows: [0],
    frozenRows: 1,
    frozenColumns: 1,
    columnWidths: [220, 170, 80, 80, 95, 95, 95, 95, 95, 95, 95],
  };
}
