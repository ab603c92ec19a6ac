// The Quotas panel: each owner's attainment as bars, a chart of one quota over its period, the firm's
// KPIs, and Write Quotas & KPIs, which writes the Attainment and KPIs sheets.

import { closedOut } from '../../src/closeout/sheet';
import { type Day, dayOf, dayParts, dayToIso, isoToDay } from '../../src/model/dates';
import { plural } from '../../src/model/numbers';
import { type Period, parsePeriod } from '../../src/model/period';
import { hasErrors } from '../../src/model/problems';
import type { Attainment } from '../../src/quota/attainment';
import { attainments } from '../../src/quota/attainment';
import { ATTAINMENT_LINES } from '../../src/quota/attainment-lines';
import { attainmentSheet, SIDEBAR_WORDING, STATUS_COLORS } from '../../src/quota/attainment-sheet';
import { attainmentSeries, type Point } from '../../src/quota/chart';
import { quotaProblems } from '../../src/quota/checks';
import { teamLoad } from '../../src/quota/hours';
import { kpiSheet } from '../../src/quota/kpi-sheet';
import { type Kpis, kpis } from '../../src/quota/kpis';
import { STATUS_RULE, type Status } from '../../src/quota/status';
import { formatFigure, formatPercent } from '../../src/quota/units';
import { clear, h, uid } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, field, fieldError, messageArea, type Progress, problemList, progress, section, select, showMessage } from '../ui';
import { type LoadedWorkbook, loadWorkbook } from '../workbook';

/** Bar and line colours, strong enough against white (the sheet uses the pale STATUS_COLORS). */
const NEUTRAL = '#5f6368';
const INK: Record<Status, string> = {
  ahead: '#137333',
  'on track': '#1e8e3e',
  'at risk': '#b06000',
  behind: '#c5221f',
  'not started': NEUTRAL,
  met: '#137333',
  missed: '#c5221f',
};

interface Inputs {
  asOf?: Day;
  period?: Period;
}

interface Result {
  workbook: LoadedWorkbook;
  asOf: Day;
  list: Attainment[];
  kpis: Kpis;
}

const fmt = (a: Attainment, value: number, currency: string) => formatFigure(value, a.unit, currency);
const percentOf = (value: number, target: number) => Math.max(0, Math.min(100, (value / target) * 100));

function bar(a: Attainment, currency: string): HTMLElement {
  const color = a.status ? INK[a.status] : NEUTRAL;
  const parts = [
    a.actual === undefined ? 'no actual yet' : `actual ${fmt(a, a.actual, currency)}`,
    `target ${fmt(a, a.target, currency)}`,
    `pace ${fmt(a, a.pace, currency)}`,
    a.projected === undefined ? 'no projection' : `projected ${fmt(a, a.projected, currency)}`,
  ];
  return h(
    'div',
    { class: 'quota-bar', role: 'img', 'aria-label': parts.join(', ') },
    a.projected === undefined
      ? null
      : h('span', { class: 'projected', style: `width:${percentOf(a.projected, a.target)}%;background:${color}` }),
    a.actual === undefined ? null : h('span', { class: 'actual', style: `width:${percentOf(a.actual, a.target)}%;background:${color}` }),
    h('span', { class: 'pace', title: `Pace ${fmt(a, a.pace, currency)}`, style: `left:calc(${percentOf(a.pace, a.target)}% - 1px)` }),
  );
}

function actualText(a: Attainment, currency: string): string {
  if (a.missing.actual) return SIDEBAR_WORDING[a.missing.actual];
  return a.actual === undefined ? SIDEBAR_WORDING.noneJudged : fmt(a, a.actual, currency);
}

function projectedText(a: Attainment, currency: string): string {
  if (a.missing.projected) return SIDEBAR_WORDING[a.missing.projected];
  return a.projected === undefined ? SIDEBAR_WORDING.nothingToJudge : fmt(a, a.projected, currency);
}

/** Where the owner stands: a period yet to begin says when it begins; one that is over, where they landed. */
function figures(a: Attainment, currency: string): string {
  const target = fmt(a, a.target, currency);
  if (a.phase === 'upcoming') return `starts ${dayToIso(a.period.from)} · projected ${projectedText(a, currency)} of ${target}`;
  // A rate's share of its target ("50% of 90% (55.6%)") says less than the two rates themselves.
  const share = a.percent === undefined || a.unit === 'rate' ? '' : ` (${formatPercent(a.percent)})`;
  const standing = `${actualText(a, currency)} of ${target}${share}`;
  if (a.phase === 'ended') return `ended ${dayToIso(a.period.to)}: ${standing}`;
  return `${standing} · projected ${projectedText(a, currency)}`;
}

function chip(a: Attainment): HTMLElement {
  const text = a.status ?? '–';
  return h('span', { class: 'chip', style: `background:${a.status ? STATUS_COLORS[a.status] : '#f1f3f4'}` }, text);
}

/** The table of owners: each owner's quotas with a bar (solid: actual, pale: projected, line: pace). */
function ownersTable(list: readonly Attainment[], currency: string): HTMLElement {
  const owners = new Map<string, Attainment[]>();
  for (const a of list) {
    const key = a.quota.owner.trim().toLowerCase();
    owners.set(key, [...(owners.get(key) ?? []), a]);
  }
  return h(
    'table',
    { class: 'quota-table' },
    h('caption', { class: 'hint' }, 'Bars: solid = actual, pale = projected, line = pace; full width = target.'),
    ...[...owners.values()].map((rows) =>
      h(
        'tbody',
        {},
        h('tr', {}, h('th', { class: 'owner', colspan: 2, scope: 'rowgroup' }, rows[0].quota.owner)),
        ...rows.map((a) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              h('div', { class: 'what' }, `${a.metric} · ${a.period.label}`),
              bar(a, currency),
              h('div', { class: 'quota-figures' }, figures(a, currency)),
            ),
            h('td', {}, chip(a)),
          ),
        ),
      ),
    ),
  );
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

const W = 280;
const H = 150;
const PAD = { left: 6, right: 6, top: 14, bottom: 18 };

/** The chart of one quota: pace (dashed), actual (solid) to the as-of date, projected (dotted). */
function chart(a: Attainment, currency: string): SVGElement {
  const s = attainmentSeries(a);
  const x = (day: Day) => PAD.left + ((day - s.from) / Math.max(1, s.to - s.from)) * (W - PAD.left - PAD.right);
  const y = (value: number) => H - PAD.bottom - (value / s.max) * (H - PAD.top - PAD.bottom);
  const path = (points: readonly Point[]) => points.map(([d, v], i) => `${i ? 'L' : 'M'}${x(d).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const color = a.status ? INK[a.status] : NEUTRAL;
  const titleId = uid('chart-title');
  const asOfX = x(Math.max(s.from, Math.min(s.asOf, s.to)));
  return svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId },
    svg('title', { id: titleId }, `${a.quota.owner}, ${a.metric} ${a.period.label}: ${figures(a, currency)}`),
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom, stroke: '#dadce0' }),
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(s.target), y2: y(s.target), stroke: '#dadce0' }),
    svg('text', { x: PAD.left, y: y(s.target) - 3 }, `Target ${fmt(a, s.target, currency)}`),
    svg('path', { d: path(s.pace), fill: 'none', stroke: NEUTRAL, 'stroke-dasharray': '4 3' }),
    s.projected.length
      ? svg('path', { d: path(s.projected), fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': '1 3' })
      : '',
    s.actual.length ? svg('path', { d: path(s.actual), fill: 'none', stroke: color, 'stroke-width': 2 }) : '',
    svg('line', { x1: asOfX, x2: asOfX, y1: PAD.top, y2: H - PAD.bottom, stroke: '#9aa0a6', 'stroke-width': 1 }),
    svg('text', { x: asOfX, y: PAD.top - 3, 'text-anchor': asOfX > W / 2 ? 'end' : 'start' }, `as of ${dayToIso(s.asOf)}`),
    svg('text', { x: PAD.left, y: H - 4 }, dayToIso(s.from)),
    svg('text', { x: W - PAD.right, y: H - 4, 'text-anchor': 'end' }, dayToIso(s.to)),
  );
}

function chartSection(list: readonly Attainment[], currency: string): HTMLElement {
  const holder = h('div', { class: 'quota-chart' });
  const picker = select(list.map((a, i) => ({ value: String(i), label: `${a.quota.owner} · ${a.metric} ${a.period.label}` })));
  const draw = () => {
    clear(holder);
    holder.appendChild(chart(list[Number(picker.value)], currency));
  };
  picker.addEventListener('change', draw);
  draw();
  const legend = h(
    'div',
    { class: 'quota-legend', 'aria-hidden': 'true' },
    h('span', {}, h('i', { style: 'border-top-style:solid' }), 'actual'),
    h('span', {}, h('i', { style: 'border-top-style:dotted' }), 'projected'),
    h('span', {}, h('i', { style: `border-top-style:dashed;color:${NEUTRAL}` }), 'pace'),
  );
  return h('div', {}, field('Chart', picker), holder, legend);
}

function kpiFigures(k: Kpis, currency: string): HTMLElement {
  const pct = (v: number | undefined) => (v === undefined ? '–' : formatPercent(v));
  const signed = (v: number | undefined) => (v === undefined ? '–' : `${v > 0 ? '+' : ''}${formatPercent(v)}`);
  const logged = teamLoad(k.utilization.logged);
  const planned = k.utilization.planned ? teamLoad(k.utilization.planned) : undefined;
  const hours = k.budget.reduce((t, b) => ({ actual: t.actual + b.actualHours, estimated: t.estimated + b.estimatedHours }), {
    actual: 0,
    estimated: 0,
  });
  const rows: [string, string][] = [
    ['On-time delivery', `${pct(k.onTime.rate)} (${k.onTime.count} of ${k.onTime.of})`],
    ['Utilization, logged', pct(logged.utilization)],
    ['Utilization, planned', pct(planned?.utilization)],
    ['Hours vs estimate', signed(hours.estimated > 0 ? hours.actual / hours.estimated - 1 : undefined)],
    ['Client retention', `${pct(k.retention.rate)} (${k.retention.count} of ${k.retention.of})`],
    ['Growth, existing accounts', signed(k.growth.growth)],
    ['Revenue, existing accounts', formatFigure(k.growth.current, 'money', currency)],
    ['Average project margin', pct(k.margin.average)],
  ];
  return h(
    'table',
    { class: 'figures' },
    h('caption', { class: 'hint' }, `${k.period.label}, counted to ${dayToIso(k.counted.to)}`),
    h('tbody', {}, ...rows.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'num' }, value)))),
  );
}

function render(target: HTMLElement, result: Result, warnings: HTMLElement | null): void {
  const currency = result.workbook.plan.settings.currency;
  clear(target);
  const { list } = result;
  target.append(
    section(
      `Attainment as of ${dayToIso(result.asOf)}`,
      list.length
        ? ownersTable(list, currency)
        : h('p', { class: 'hint' }, 'No quotas yet: add rows to the Quotas sheet (Owner, Metric, Period, Target).'),
      list.length ? chartSection(list, currency) : null,
      h('details', { class: 'notes' }, h('summary', {}, 'How status is decided'), h('p', { class: 'hint' }, STATUS_RULE)),
    ),
    section('KPIs', kpiFigures(result.kpis, currency)),
  );
  if (warnings) target.append(warnings);
}

/** The calendar year a day falls in, as a period: the KPI period when none is given. */
function yearOf(day: Day): Period {
  const { year } = dayParts(day);
  return { from: dayOf(year, 1, 1), to: dayOf(year, 12, 31), label: String(year) };
}

/** The as-of date and KPI period, with errors shown under each field; undefined when either is wrong. */
function readInputs(asOfInput: HTMLInputElement, periodInput: HTMLInputElement): Inputs | undefined {
  const asOfText = asOfInput.value.trim();
  const asOf = asOfText ? isoToDay(asOfText) : undefined;
  fieldError(asOfInput, asOfText && asOf === undefined ? 'Enter a date like 2026-11-30, or leave it blank for today.' : '');
  const periodText = periodInput.value.trim();
  const period = periodText ? parsePeriod(periodText) : undefined;
  fieldError(periodInput, period && !period.ok ? `Cannot use it: ${period.error}.` : '');
  if ((asOfText && asOf === undefined) || (period && !period.ok)) return undefined;
  return { asOf, period: period?.ok ? period.value : undefined };
}

interface Places {
  area: HTMLElement;
  bar: Progress;
  results: HTMLElement;
}

/** Reads the workbook, plans it (cached while it is unchanged) and shows attainment and KPIs. */
async function computeQuotas(
  asOfInput: HTMLInputElement,
  periodInput: HTMLInputElement,
  { area, bar, results }: Places,
): Promise<Result | undefined> {
  const inputs = readInputs(asOfInput, periodInput);
  if (!inputs) {
    showMessage(area, 'error', 'Correct the field marked above.');
    return undefined;
  }
  showMessage(area, 'info', 'Reading the workbook…');
  const workbook = await loadWorkbook();
  const { plan } = workbook;
  const quotaIssues = quotaProblems(plan);
  const problems = [...workbook.problems, ...quotaIssues];
  if (hasErrors(problems)) {
    showMessage(area, 'error', 'Fix these in the sheets first:', problemList(problems.filter((p) => p.severity === 'error')));
    return undefined;
  }
  const asOf = inputs.asOf ?? plan.today;
  const period = inputs.period ?? yearOf(asOf);
  const schedule = plan.layout.Tasks && plan.layout.Staff ? await planWorkbook(workbook, plan.settings.planProposals, bar) : undefined;
  bar.hide();
  // Settings > On Time Needs Close-out: on time only once the Close-out checklist is all ticked.
  const closed = closedOut(workbook.snapshot.closeout ?? []);
  const result = {
    workbook,
    asOf,
    list: attainments(plan, { asOf, schedule, closedOut: closed }, ATTAINMENT_LINES),
    kpis: kpis(plan, { period, asOf, schedule, closedOut: closed }),
  };
  const warnings = quotaIssues.filter((p) => p.severity === 'warning');
  const notes = warnings.length
    ? h(
        'details',
        { class: 'notes card' },
        h('summary', {}, `${plural(warnings.length, 'note')} on the data behind quotas`),
        problemList(warnings),
      )
    : null;
  render(results, result, notes);
  return result;
}

export function quotasPanel(): HTMLElement {
  const asOfInput = h('input', { type: 'date' });
  const periodInput = h('input', { type: 'text', placeholder: 'e.g. 2026, 2026-Q4, 2026-11', autocomplete: 'off', spellcheck: 'false' });
  const area = messageArea();
  const bar = progress();
  const results = h('div', {});

  const compute = () => computeQuotas(asOfInput, periodInput, { area, bar, results });
  const show = actionButton(
    'Show quotas',
    area,
    async () => {
      const result = await compute();
      if (result) showMessage(area, 'ok', `${plural(result.list.length, 'quota')} as of ${dayToIso(result.asOf)}.`);
    },
    true,
  );
  const write = actionButton('Write Quotas & KPIs', area, async () => {
    const result = await compute();
    if (!result) return;
    showMessage(area, 'info', 'Writing the Attainment and KPIs sheets…');
    const { plan } = result.workbook;
    const report = await server.writeOutputs([attainmentSheet(plan, result.list, result.asOf), kpiSheet(plan, result.kpis)]);
    showMessage(
      area,
      'ok',
      `Attainment and KPIs sheets written: ${plural(result.list.length, 'quota')}, KPIs for ${result.kpis.period.label}. Hover over a number there for how it was computed.`,
      ...report.notes,
    );
  });

  return h(
    'div',
    {},
    section(
      'Quotas',
      h(
        'p',
        { class: 'hint' },
        'Where each owner stands against their quota, where the pipeline and the current plan will take them, and the firm’s KPIs.',
      ),
      field('As of', asOfInput, 'Blank: today.'),
      field('KPI period', periodInput, 'Blank: the as-of year. Also 2026-10-01..2026-12-31.'),
      h('div', { class: 'buttons' }, show, write),
      bar.element,
      area,
    ),
    results,
  );
}
