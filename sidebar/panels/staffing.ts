// The Staffing panel: whom to train and what to hire (each change planned again, as STAFFING does),
// and the hours placeholders carry per skill and month; writes the Staffing sheet.

import { dayParts, isoToDay, monthName } from '../../src/model/dates';
import { type Advice, adviceSteps, type Recommendation } from '../../src/staffing/advisor';
import { type DemandRow, placeholderDemand } from '../../src/staffing/demand';
import { staffingSheet } from '../../src/staffing/sheet';
import { nothingHelps, whyOf } from '../../src/staffing/table';
import { h } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, messageArea, type Progress, problemList, progress, section, showMessage } from '../ui';
import { type LoadedWorkbook, loadWorkbook } from '../workbook';

async function advise(workbook: LoadedWorkbook, bar: Progress): Promise<Advice> {
  const steps = adviceSteps(workbook.plan);
  await bar.set(0, 'Planning as the STAFFING formula does…');
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await bar.set(step.value, `Planning again with each change… ${Math.round(step.value * 100)}%`);
  }
}

function change(r: Recommendation): HTMLElement {
  const { action, person, label, level } = r.change;
  const saved = [
    r.effect.staffed ? `${r.effect.staffed} more staffed` : '',
    `${r.effect.lateDaysSaved} late days saved`,
    `${r.effect.daysSaved} days saved`,
  ].filter(Boolean);
  return h(
    'li',
    { class: 'change' },
    h('strong', {}, `${action}${person ? ` ${person}` : ''} · ${label}:${level}`),
    h('div', {}, saved.join(' · ')),
    h('div', { class: 'hint' }, whyOf(r)),
  );
}

function demandTable(rows: readonly DemandRow[]): HTMLElement {
  if (!rows.length)
    return h('p', { class: 'hint' }, 'No placeholder carries work: add a Staff row with Role "Placeholder" to see what a hire would do.');
  const month = (d: number) => `${monthName(dayParts(d).month)} ${dayParts(d).year}`;
  return h(
    'table',
    { class: 'figures' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Skill'),
        h('th', {}, 'Month'),
        h('th', { class: 'num' }, 'Committed h'),
        h('th', { class: 'num' }, 'Proposals h'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, r.skill),
          h('td', {}, month(r.month)),
          h('td', { class: 'num' }, Math.round(r.committed)),
          h('td', { class: 'num' }, Math.round(r.proposals)),
        ),
      ),
    ),
  );
}

export function staffingPanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const run = actionButton(
    'Find team changes and write Staffing',
    area,
    async () => {
      showMessage(area, 'info', 'Reading the workbook…');
      const workbook = await loadWorkbook();
      if (!workbook.ok) {
        showMessage(area, 'error', 'Fix these first; nothing was written:', problemList(workbook.problems));
        return;
      }
      const advice = await advise(workbook, bar);
      // Hiring demand counts the pipeline too: proposals planned tentatively, after committed work.
      const plan = await planWorkbook(workbook, true, bar);
      const demand = placeholderDemand(workbook.plan, plan);
      await bar.set(1, 'Writing the Staffing sheet…');
      await server.writeOutputs([staffingSheet(advice, demand, isoToDay(workbook.snapshot.today) as number)]);
      bar.hide();
      const list = advice.recommendations.length
        ? h('ol', { class: 'changes' }, ...advice.recommendations.map(change))
        : h('p', {}, nothingHelps(advice));
      showMessage(area, 'ok', 'Staffing sheet written.', list, h('h3', {}, 'Hiring demand (placeholders)'), demandTable(demand));
    },
    true,
  );
  return h(
    'div',
    {},
    section(
      'Staffing',
      h(
        'p',
        { class: 'hint' },
        'Whom to train in which skill, or what to hire: each change is planned again, exactly as the STAFFING formula plans it, and kept only if it makes the plan less late or shorter. Placeholders (Staff rows with Role "Placeholder") show the work a hire would carry.',
      ),
      run,
      bar.element,
      area,
    ),
  );
}
