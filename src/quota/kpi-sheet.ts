// The KPIs output sheet: a summary of the firm's KPIs, then the detail behind them — by project
// manager, by person and by project — every number with a note naming the rows it came from.

import { moneyFormat } from '../model/money';
import { formatNumber, plural } from '../model/numbers';
import type { SheetOutput } from '../model/output';
import type { Plan } from '../model/plan';
import { type GridCell, SheetGrid } from './grid';
import { type Load, teamLoad, type Window } from './hours';
import type { Kpis, ProjectBudget, Share } from './kpis';
import { iso, named } from './trace';
import { bullets, figureFormat, formatFigure, formatPercent } from './units';

const GOOD = '#e6f4ea';
const WARN = '#fef7e0';
const BAD = '#fce8e6';
const SECTION = '#f1f3f4';

/** Over budget by more than this share is red; up to it, yellow. */
const BUDGET_TOLERANCE = 0.1;

const RATE = '0%';
const CHANGE = '+0%;-0%;0%';
const WHOLE = '#,##0';

const span = (w: Window) => `${iso(w.from)}..${iso(w.to)}`;

/** A share or a change, shown as a percentage; a dash when there is nothing to divide by. */
function fraction(format: string, value: number | undefined, note: readonly string[], background?: string): GridCell {
  return value === undefined ? { value: '–', note } : { value: Math.round(value * 10_000) / 10_000, note, format, background };
}

const rate = (value: number | undefined, note: readonly string[], background?: string) => fraction(RATE, value, note, background);
const change = (value: number | undefined, note: readonly string[], background?: string) => fraction(CHANGE, value, note, background);

function hours(value: number, note: readonly string[]): GridCell {
  const rounded = Math.round(value * 100) / 100;
  return { value: rounded, note, format: figureFormat('hours', rounded, '') };
}

function shareNote(what: string, s: Share, extra: readonly string[] = []): string[] {
  return [
    `${what}: ${formatNumber(s.count)} of ${formatNumber(s.of)}${s.rate === undefined ? '' : ` = ${formatPercent(s.rate)}`}.`,
    ...bullets(s.lines),
    ...extra,
  ];
}

function budgetColor(actual: number, estimated: number): string | undefined {
  if (estimated <= 0) return undefined;
  const over = actual / estimated - 1;
  return over <= 0 ? GOOD : over <= BUDGET_TOLERANCE ? WARN : BAD;
}

function marginColor(plan: Plan, margin: number | undefined): string | undefined {
  if (margin === undefined) return undefined;
  return margin < 0 ? BAD : margin >= plan.settings.targetMargin ? GOOD : WARN;
}

function loadColor(utilization: number | undefined): string | undefined {
  return utilization !== undefined && utilization > 1 ? BAD : undefined;
}

interface Totals {
  estimatedHours: number;
  actualHours: number;
  estimatedCost: number;
  actualCost: number;
}

function budgetTotals(budget: readonly ProjectBudget[]): Totals {
  const sum = (f: (b: ProjectBudget) => number) => budget.reduce((n, b) => n + f(b), 0);
  return {
    estimatedHours: sum((b) => b.estimatedHours),
    actualHours: sum((b) => b.actualHours),
    estimatedCost: sum((b) => b.estimatedCost),
    actualCost: sum((b) => b.actualCost),
  };
}

const variance = (actual: number, estimated: number) => (estimated > 0 ? actual / estimated - 1 : undefined);

type SummaryRow = [name: string, value: GridCell, how: string];
type Show = (n: number) => string;

function onTimeRow(k: Kpis): SummaryRow {
  const notJudged = k.onTime.notJudged.length ? ['Not judged:', ...bullets(k.onTime.notJudged)] : [];
  return [
    'On-time delivery rate',
    rate(k.onTime.rate, shareNote(`Projects done by their Due in ${span(k.counted)}`, k.onTime, notJudged)),
    `${formatNumber(k.onTime.count)} of ${plural(k.onTime.of, 'project')} done in ${span(k.counted)} met their Due`,
  ];
}

function utilizationRows(k: Kpis): SummaryRow[] {
  const logged = teamLoad(k.utilization.logged);
  const rows: SummaryRow[] = [
    [
      'Utilization, logged',
      rate(
        logged.utilization,
        [
          `Hours on tasks done in ${span(k.counted)} over working hours in it, ${logged.people}: ${formatNumber(logged.hours)} h of ${formatNumber(logged.capacity)} h.`,
          'See "Utilization by person" below.',
        ],
        loadColor(logged.utilization),
      ),
      `${formatNumber(logged.hours)} h on done tasks of ${formatNumber(logged.capacity)} h available`,
    ],
  ];
  const { planned, plannedWindow } = k.utilization;
  if (!planned || !plannedWindow)
    return [...rows, ['Utilization, planned', { value: '–', note: ['Needs the current plan.'] }, 'needs the plan']];
  const team = teamLoad(planned);
  const figures = `${formatNumber(team.hours)} h of ${formatNumber(team.capacity)} h`;
  return [
    ...rows,
    [
      'Utilization, planned',
      rate(
        team.utilization,
        [`Hours the current plan books in ${span(plannedWindow)} over working hours in it: ${figures}.`],
        loadColor(team.utilization),
      ),
      `${formatNumber(team.hours)} h planned of ${formatNumber(team.capacity)} h, ${span(plannedWindow)}`,
    ],
  ];
}

function budgetRows(k: Kpis, money: Show): SummaryRow[] {
  const totals = budgetTotals(k.budget);
  const projects = plural(k.budget.length, 'project');
  const row = (name: string, what: string, show: Show, actual: number, estimated: number, how: string): SummaryRow => [
    name,
    change(
      variance(actual, estimated),
      [
        `Actual ${what} over the estimate on Done tasks of ${projects} with work done in ${span(k.counted)}: ${show(actual)} vs ${show(estimated)}.`,
        'See "Budget adherence by project" below for the tasks.',
      ],
      budgetColor(actual, estimated),
    ),
    how,
  ];
  const hours: Show = (n) => formatFigure(n, 'hours', '');
  return [
    row(
      'Budget adherence, hours',
      'hours',
      hours,
      totals.actualHours,
      totals.estimatedHours,
      `${hours(totals.actualHours)} actual vs ${hours(totals.estimatedHours)} estimated on Done tasks (+ is over)`,
    ),
    row(
      'Budget adherence, cost',
      'cost',
      money,
      totals.actualCost,
      totals.estimatedCost,
      `${money(totals.actualCost)} actual vs ${money(totals.estimatedCost)} estimated at Cost Rates (tasks with named, costed assignees)`,
    ),
  ];
}

function retentionRow(k: Kpis): SummaryRow {
  const previous = span(k.retention.previous);
  return [
    'Client retention',
    rate(k.retention.rate, shareNote(`Clients with won work in ${previous} who won work again in ${span(k.counted)}`, k.retention)),
    `${formatNumber(k.retention.count)} of ${plural(k.retention.of, 'client')} with won work in ${previous} won again`,
  ];
}

function growthRow(k: Kpis, money: Show): SummaryRow {
  const { growth } = k;
  return [
    'Revenue growth from existing accounts',
    change(growth.growth, [
      `Won from existing accounts in ${span(k.counted)}: ${money(growth.current)}`,
      ...bullets(growth.currentLines),
      `The same stretch before, ${span(growth.comparedWith)}: ${money(growth.previous)}`,
      ...bullets(growth.previousLines),
      growth.growth === undefined
        ? 'No revenue from existing accounts to compare with.'
        : `Growth: ${money(growth.current)} ÷ ${money(growth.previous)} − 1.`,
    ]),
    `${money(growth.current)} vs ${money(growth.previous)} in ${span(growth.comparedWith)}`,
  ];
}

function marginRow(plan: Plan, k: Kpis): SummaryRow {
  const { projects, average, leftOut } = k.margin;
  const delivered = plural(projects.length, 'project');
  const margins = projects.map(
    (m) => `${named(plan, m.project.project, 'Projects', m.project.row)}: ${m.margin === undefined ? '–' : formatPercent(m.margin)}`,
  );
  return [
    'Average project margin',
    rate(
      average,
      [
        `Mean of the margins of ${delivered} delivered in ${span(k.counted)}:`,
        ...bullets(margins),
        ...(leftOut.length ? ['Not counted:', ...bullets(leftOut)] : []),
      ],
      marginColor(plan, average),
    ),
    `Value less the cost of Actual Hours at Cost Rates (labour only), ${delivered} delivered`,
  ];
}

function summary(grid: SheetGrid, plan: Plan, k: Kpis): void {
  const money: Show = (n) => formatFigure(n, 'money', plan.settings.currency);
  grid.header(['KPI', 'Value', 'How it is counted']);
  const rows = [onTimeRow(k), ...utilizationRows(k), ...budgetRows(k, money), retentionRow(k), growthRow(k, money), marginRow(plan, k)];
  for (const row of rows) grid.row(row);
}

function section(grid: SheetGrid, title: string, headers: readonly string[]): void {
  grid.blank();
  grid.row([title], { bold: true, background: SECTION });
  grid.header(headers);
}

function byManager(grid: SheetGrid, k: Kpis): void {
  section(grid, 'On-time delivery by project manager', ['Project Manager', 'On time', 'Judged', 'Rate']);
  for (const m of k.onTime.byManager) {
    const note = shareNote(`${m.manager}: projects done by their Due in ${span(k.counted)}`, m);
    grid.row([m.manager, { value: m.count, note, format: WHOLE }, { value: m.of, note, format: WHOLE }, rate(m.rate, note)]);
  }
  if (!k.onTime.byManager.length) grid.row([`No project with a Due date was done in ${span(k.counted)}.`]);
}

function loadCells(load: Load | undefined, window: Window | undefined, what: string): GridCell[] {
  if (!load || !window) return ['–', '–', '–'];
  const note = [
    `${load.person.name}: ${what} in ${span(window)}: ${formatNumber(load.hours)} h of ${formatNumber(load.capacity)} h.`,
    ...bullets(load.lines),
  ];
  return [hours(load.capacity, [load.capacityNote]), hours(load.hours, note), rate(load.utilization, note, loadColor(load.utilization))];
}

function byName(grid: SheetGrid, k: Kpis): void {
  const { logged, loggedWindow, planned, plannedWindow } = k.utilization;
  section(grid, 'Utilization by person', ['Name', 'Capacity to date', 'Logged', 'Logged %', 'Capacity planned', 'Planned', 'Planned %']);
  logged.forEach((load, i) => {
    grid.row([
      load.person.name,
      ...loadCells(load, loggedWindow, 'hours on tasks done'),
      ...loadCells(planned?.[i], plannedWindow, 'hours the plan books'),
    ]);
  });
  const team = (loads: readonly Load[] | undefined, window: Window | undefined, what: string): GridCell[] => {
    if (!loads || !window) return ['–', '–', '–'];
    const t = teamLoad(loads);
    const note = [`Everyone (${t.people}): ${what} in ${span(window)}: ${formatNumber(t.hours)} h of ${formatNumber(t.capacity)} h.`];
    return [hours(t.capacity, note), hours(t.hours, note), rate(t.utilization, note, loadColor(t.utilization))];
  };
  grid.row(['Team', ...team(logged, loggedWindow, 'hours on tasks done'), ...team(planned, plannedWindow, 'hours the plan books')], {
    bold: true,
  });
}

function byProject(grid: SheetGrid, plan: Plan, k: Kpis): void {
  const currency = plan.settings.currency;
  const money = moneyFormat(currency);
  section(grid, 'Budget adherence by project', [
    'Project',
    'Client',
    'Estimated hours',
    'Actual hours',
    'Hours vs estimate',
    'Estimated cost',
    'Actual cost',
    'Cost vs estimate',
  ]);
  for (const b of k.budget) {
    const where = named(plan, b.project.project, 'Projects', b.project.row);
    const note = [
      `${where}: Done tasks, hours per person × crew:`,
      ...bullets(b.lines),
      ...(b.uncosted.length ? ['Not costed:', ...bullets(b.uncosted)] : []),
    ];
    const costNote = [`${where}: Done tasks with named assignees at their Cost Rates.`, ...note.slice(1)];
    grid.row([
      b.project.project,
      b.project.client,
      hours(b.estimatedHours, note),
      hours(b.actualHours, note),
      change(variance(b.actualHours, b.estimatedHours), note, budgetColor(b.actualHours, b.estimatedHours)),
      { value: Math.round(b.estimatedCost), note: costNote, format: money },
      { value: Math.round(b.actualCost), note: costNote, format: money },
      change(variance(b.actualCost, b.estimatedCost), costNote, budgetColor(b.actualCost, b.estimatedCost)),
    ]);
  }
  if (!k.budget.length) grid.row([`No task with Actual Hours was done in ${span(k.counted)}.`]);

  section(grid, 'Margin by project', ['Project', 'Client', 'Value', 'Labour cost', 'Margin']);
  for (const m of k.margin.projects) {
    const where = named(plan, m.project.project, 'Projects', m.project.row);
    const note = [
      `${where}: Value ${formatFigure(m.value, 'money', currency)} less ${formatFigure(m.cost, 'money', currency)} of Actual Hours at Cost Rates.`,
      ...bullets(m.lines),
      ...(m.uncosted.length ? ['Not costed (the margin is overstated by their cost):', ...bullets(m.uncosted)] : []),
    ];
    grid.row([
      m.project.project,
      m.project.client,
      { value: m.value, note: [`${where}: Value.`], format: money },
      { value: Math.round(m.cost), note, format: money },
      rate(m.margin, note, marginColor(plan, m.margin)),
    ]);
  }
  if (!k.margin.projects.length) grid.row([`No project with a Value was delivered in ${span(k.counted)}.`]);
}

/** The KPIs sheet for a period, as of a date. */
export function kpiSheet(plan: Plan, k: Kpis): SheetOutput {
  const grid = new SheetGrid();
  grid.row(
    [
      {
        value: 'Crewsheet KPIs',
        note: [
          'Written by Crewsheet from the input sheets and the current plan. Regenerated on each run: edits here are replaced. Hover over a number for how it was computed and the rows it came from.',
          `Colours: budget green within the estimate, yellow up to ${BUDGET_TOLERANCE * 100}% over, red beyond; margin green at or above the Target Margin % (${formatPercent(plan.settings.targetMargin)}), yellow below it, red below zero; utilization red above 100% (overbooked).`,
        ],
      },
      `${k.period.label} (${span(k.period)}) · counted to ${iso(k.counted.to)} · generated ${iso(plan.today)}`,
    ],
    { bold: true },
  );
  grid.blank();
  summary(grid, plan, k);
  byManager(grid, k);
  byName(grid, k);
  byProject(grid, plan, k);
  return grid.output('KPIs', { frozenRows: 1, columnWidths: [260, 110, 110, 110, 120, 110, 110, 110] });
}
