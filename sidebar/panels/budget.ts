// The Budget panel: cost, price and margin ranges per project or proposal, the lines driving their
// uncertainty, a scope what-if that re-plans and re-prices as the factor changes, and the Budget sheet.

import { type BudgetResult, budgetRanges, type ProjectBudget } from '../../src/budget/budget';
import { DEFAULT_COVERAGE } from '../../src/budget/estimate';
import { budgetSheet } from '../../src/budget/sheet';
import { type Range, rangeLabels } from '../../src/budget/simulate';
import { type EndHold, scopeWhatIf, type WhatIf, whatHoldsTheEnd } from '../../src/budget/whatif';
import { type Day, dayToIso, isoToDay, shortDate } from '../../src/model/dates';
import { formatMoney } from '../../src/model/money';
import { plural } from '../../src/model/numbers';
import type { Plan } from '../../src/model/plan';
import { hasErrors } from '../../src/model/problems';
import { clear, h, nextFrame } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, field, fieldError, messageArea, problemList, progress, section, select, showMessage } from '../ui';
import { type LoadedWorkbook, loadWorkbook } from '../workbook';

interface Loaded {
  workbook: LoadedWorkbook;
  result: BudgetResult;
}

const SCOPE_MIN = 0.05;
const SCOPE_MAX = 10;
/** Wait this long after the last keystroke or slider move before re-planning. */
const SETTLE_MS = 250;
const MAX_NAMES = 6;

const dateText = (day: Day | undefined) => (day === undefined ? 'not planned' : `${shortDate(day)} ${dayToIso(day).slice(0, 4)}`);

function rangeRow(label: string, range: Range, format: (v: number) => string): HTMLTableRowElement {
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h('td', { class: 'num' }, format(range.low)),
    h('td', { class: 'num' }, format(range.p50)),
    h('td', { class: 'num' }, format(range.high)),
  );
}

function figures(b: ProjectBudget, currency: string, coverage: number): HTMLElement {
  const money = (v: number) => formatMoney(v, currency);
  const { low, high } = rangeLabels(coverage);
  const hours = (v: number) => `${Math.round(v).toLocaleString('en-US')} h`;
  return h(
    'table',
    { class: 'figures', 'aria-label': `Budget ranges for ${b.project.project}` },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, ''), h('th', { class: 'num' }, low), h('th', { class: 'num' }, 'P50'), h('th', { class: 'num' }, high)),
    ),
    h(
      'tbody',
      {},
      rangeRow('Hours', b.hours, hours),
      rangeRow('Cost', b.cost, money),
      rangeRow(b.fixedFee === undefined ? 'Price' : 'Fee', b.price, money),
      rangeRow('Margin', b.margin, money),
    ),
  );
}

/** Names, shortened for a 300 px sidebar: the first few, then how many more. */
function people(names: readonly string[]): string {
  if (names.length === 0) return 'nobody planned yet';
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return names.length > MAX_NAMES ? `${shown} and ${names.length - MAX_NAMES} more` : shown;
}

function summary(b: ProjectBudget): HTMLElement {
  const top = b.drivers.slice(0, 4);
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'hint' },
      b.fixedFee === undefined
        ? 'Priced at rate card (no Value in Projects).'
        : 'Fixed fee (Projects > Value): the margin carries the risk.',
    ),
    h('p', {}, h('strong', {}, 'Ends: '), dateText(b.end)),
    h('p', {}, h('strong', {}, 'On it: '), people(b.crew)),
    h('p', {}, h('strong', {}, 'Biggest drivers of uncertainty:')),
    top.length
      ? h(
          'ul',
          { class: 'drivers', style: 'padding-left: 18px; margin: 2px 0 8px' },
          ...top.map((d) => h('li', {}, `${d.label} — ${Math.round(d.share * 100)}%`)),
        )
      : h('p', { class: 'hint' }, 'None: everything is done or has no range.'),
  );
}

/** The end, and how far past the project's due date it falls, if it does. */
function endText(b: ProjectBudget): string {
  const due = b.project.due;
  if (b.end === undefined || due === undefined || b.end <= due) return dateText(b.end);
  return `${dateText(b.end)}, after the due date (${shortDate(due)})`;
}

function comparison(before: ProjectBudget, after: ProjectBudget, currency: string, coverage: number, targetMargin: number): HTMLElement {
  const money = (v: number) => formatMoney(v, currency);
  const row = (label: string, a: string, b: string, late = false) =>
    h('tr', { class: late ? 'late' : undefined }, h('th', { scope: 'row' }, label), h('td', {}, a), h('td', {}, b));
  const changed = (a: string[], b: string[]) => {
    const gone = a.filter((n) => !b.includes(n));
    const added = b.filter((n) => !a.includes(n));
    return (
      [added.length ? `+ ${added.join(', ')}` : '', gone.length ? `− ${gone.join(', ')}` : ''].filter(Boolean).join('; ') || 'same people'
    );
  };
  // A fixed fee stays what was agreed; beside it, what the new scope would be quoted at the target margin.
  const atMargin = (b: ProjectBudget) => money(b.cost.p50 / (1 - targetMargin));
  const prices =
    before.fixedFee === undefined
      ? [row('Price P50', money(before.price.p50), money(after.price.p50))]
      : [
          row('Fee (kept)', money(before.price.p50), money(after.price.p50)),
          row(`Price at ${Math.round(targetMargin * 100)}% margin`, atMargin(before), atMargin(after)),
        ];
  const lateAfter = after.end !== undefined && after.project.due !== undefined && after.end > after.project.due;
  return h(
    'table',
    { class: 'figures', 'aria-label': 'Scope what-if compared with the sheet' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, `Scope ${before.scope}`), h('th', {}, `Scope ${after.scope}`))),
    h(
      'tbody',
      {},
      row('Cost P50', money(before.cost.p50), money(after.cost.p50)),
      row(`Cost ${rangeLabels(coverage).high}`, money(before.cost.high), money(after.cost.high)),
      ...prices,
      row('Margin P50', money(before.margin.p50), money(after.margin.p50)),
      row('Ends', endText(before), endText(after), lateAfter),
      row('People', `${before.crew.length}`, `${after.crew.length} (${changed(before.crew, after.crew)})`),
    ),
  );
}

/** When the scope changes and the end does not: what holds it (the tasks it waits for, pins, time off). */
function holdNote(plan: Plan, whatIf: WhatIf, before: ProjectBudget): HTMLElement | null {
  if (whatIf.budget.end === undefined || whatIf.budget.end !== before.end) return null;
  const hold = whatHoldsTheEnd(plan, whatIf.schedule, before.project.project);
  if (!hold) return null;
  const off = (o: EndHold['timeOff'][number]) =>
    `${o.name.toLowerCase() === 'all' ? 'a company holiday' : `${o.name} is off`} ${shortDate(o.from)}${o.to > o.from ? ` – ${shortDate(o.to)}` : ''}`;
  const reasons = [hold.pinnedTo.length ? `pinned to ${hold.pinnedTo.join(', ')} in Tasks > Assignee` : '', ...hold.timeOff.map(off)];
  const steps = hold.chain.map((c) => `${c.task} ${c.start || 'ends there'}`);
  return h(
    'p',
    {},
    h('strong', {}, 'The end does not move: '),
    `${steps.join('; ')}`,
    reasons.some(Boolean) ? ` (${reasons.filter(Boolean).join('; ')}).` : '.',
  );
}

/** The factor typed in, or a message saying what is wrong with it. */
function readScope(text: string): { factor?: number; error?: string } {
  const factor = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(factor)) return { error: 'Scope must be a number, like 0.5 for half or 1.5 for half again.' };
  if (factor < SCOPE_MIN || factor > SCOPE_MAX) return { error: `Scope must be from ${SCOPE_MIN} to ${SCOPE_MAX}.` };
  return { factor };
}

export function budgetPanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const projectSelect = select([]);
  const current = h('div', { 'aria-live': 'polite' });
  const scopeInput = h('input', { type: 'number', min: SCOPE_MIN, max: SCOPE_MAX, step: 0.05, value: 1, inputmode: 'decimal' });
  const scopeSlider = h('input', { type: 'range', min: 0.1, max: 2, step: 0.05, value: 1, 'aria-label': 'Scope slider' });
  const whatIfArea = h('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const writeArea = messageArea();
  let loaded: Loaded | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let run = 0;

  const selected = (): ProjectBudget | undefined => loaded?.result.projects.find((b) => b.project.project === projectSelect.value);
  const currency = () => loaded?.workbook.plan.settings.currency ?? 'USD';

  const showProject = () => {
    run += 1; // a what-if still pending was for the previous project
    const b = selected();
    clear(current);
    clear(whatIfArea);
    whatIfArea.className = 'message';
    fieldError(scopeInput, '');
    if (!b) return;
    current.append(figures(b, currency(), loaded?.result.coverage ?? DEFAULT_COVERAGE), summary(b));
    scopeInput.value = String(b.scope);
    scopeSlider.value = String(Math.min(2, Math.max(0.1, b.scope)));
  };

  const replan = async (ticket: number) => {
    const b = selected();
    const { factor, error } = readScope(scopeInput.value);
    fieldError(scopeInput, error ?? '');
    if (factor === undefined) {
      clear(whatIfArea);
      whatIfArea.className = 'message';
    }
    if (!loaded || !b || factor === undefined) return;
    if (factor === b.scope) {
      showMessage(whatIfArea, 'info', 'This is the scope in the Projects sheet: the figures above.');
      return;
    }
    showMessage(whatIfArea, 'info', `Re-planning and re-pricing at scope ${factor}…`);
    await nextFrame();
    if (ticket !== run) return;
    const { plan } = loaded.workbook;
    const whatIf = scopeWhatIf(plan, b.project.project, factor);
    if (ticket !== run) return;
    showMessage(
      whatIfArea,
      'info',
      comparison(b, whatIf.budget, currency(), loaded.result.coverage, plan.settings.targetMargin),
      ...[holdNote(plan, whatIf, b)].filter((note): note is HTMLElement => note !== null),
      h('p', { class: 'hint' }, 'Only work and costs marked Scales change. The sheets are not changed.'),
    );
  };

  const scheduleReplan = () => {
    run += 1;
    const ticket = run;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      replan(ticket).catch((e: unknown) => showMessage(whatIfArea, 'error', e instanceof Error ? e.message : String(e)));
    }, SETTLE_MS);
  };

  scopeInput.addEventListener('input', () => {
    const { factor } = readScope(scopeInput.value);
    if (factor !== undefined) scopeSlider.value = String(Math.min(2, Math.max(0.1, factor)));
    scheduleReplan();
  });
  scopeSlider.addEventListener('input', () => {
    scopeInput.value = scopeSlider.value;
    scheduleReplan();
  });
  projectSelect.addEventListener('change', showProject);

  const details = h(
    'div',
    { hidden: true },
    field('Project or proposal', projectSelect),
    current,
    field('Scope (what-if)', scopeInput, 'Scales work and costs marked Scales: 0.5 = half, 1.5 = half again.'),
    scopeSlider,
    whatIfArea,
  );

  const compute = actionButton(
    'Compute budgets',
    area,
    async () => {
      showMessage(area, 'info', 'Reading the workbook…');
      const workbook = await loadWorkbook();
      if (!workbook.ok) {
        showMessage(area, 'error', 'Fix these first:', problemList(workbook.problems));
        return;
      }
      const schedule = await planWorkbook(workbook, true, bar);
      await bar.set(1, 'Simulating budgets…');
      const result = budgetRanges(workbook.plan, schedule);
      bar.hide();
      loaded = { workbook, result };
      const previous = projectSelect.value;
      clear(projectSelect);
      for (const b of result.projects)
        projectSelect.append(h('option', { value: b.project.project }, `${b.project.project} (${b.project.status})`));
      // Keep the choice across recomputes; otherwise start on open work, not history.
      const open = result.projects.find((b) => b.project.status !== 'Done' && b.project.status !== 'Lost');
      if (result.projects.some((b) => b.project.project === previous)) projectSelect.value = previous;
      else if (open) projectSelect.value = open.project.project;
      details.hidden = result.projects.length === 0;
      showProject();
      const calibrated =
        result.calibration.tasks >= 2
          ? `hours calibrated on ${result.calibration.tasks} finished tasks`
          : 'no finished tasks to calibrate on yet, so hours use default ranges';
      if (hasErrors(result.problems))
        showMessage(area, 'error', 'Some work cannot be priced until these are fixed:', problemList(result.problems));
      else
        showMessage(
          area,
          'ok',
          `${plural(result.projects.length, 'project')} priced; ${calibrated}.`,
          ...(result.problems.length ? [problemList(result.problems)] : []),
        );
    },
    true,
  );

  const write = actionButton('Write Budget sheet', writeArea, async () => {
    if (!loaded) {
      showMessage(writeArea, 'error', 'Compute budgets first.');
      return;
    }
    if (hasErrors(loaded.result.problems)) {
      showMessage(writeArea, 'error', 'Nothing was written: fix the problems listed above first.');
      return;
    }
    const { plan, snapshot } = loaded.workbook;
    const today = isoToDay(snapshot.today) as number;
    const report = await server.writeOutputs([budgetSheet(loaded.result, plan.settings.currency, plan.settings.targetMargin, today)]);
    showMessage(
      writeArea,
      'ok',
      `Budget sheet written: ${loaded.result.projects.length} projects, at the scopes in the Projects sheet.`,
      ...report.notes,
    );
  });

  return h(
    'div',
    {},
    section(
      'Budget',
      h(
        'p',
        { class: 'hint' },
        'Cost, price and margin ranges per project (P10 · P50 · P90, or as wide as Settings > Coverage asks), from the plan’s crews and rates, three-point hours and the firm’s own history of estimates vs actuals.',
      ),
      compute,
      bar.element,
      area,
      details,
    ),
    section(
      'Budget sheet',
      h('p', { class: 'hint' }, 'Writes one row per project to the Budget sheet. Input sheets are not changed.'),
      write,
      writeArea,
    ),
  );
}
