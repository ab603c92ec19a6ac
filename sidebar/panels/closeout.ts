// The Close-out panel: writes the Close-out sheet for every Done or finishing project (its checklist
// to tick, estimates against actuals, on time or late and why, margin against the budget, lessons)
// and sums each one up here. Ticks already in the sheet are kept.

import { closeoutReviews, type ProjectReview } from '../../src/closeout/review';
import { closedOut, closeoutSheet } from '../../src/closeout/sheet';
import { isoToDay } from '../../src/model/dates';
import { nameKey } from '../../src/model/work';
import { h } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, messageArea, problemList, progress, section, showMessage } from '../ui';
import { loadWorkbook } from '../workbook';

function summary(r: ProjectReview, ticked: number): HTMLElement {
  const delivery =
    r.lateDays === undefined
      ? 'not judged (no Due date or finish)'
      : r.lateDays > 0
        ? `late by ${r.lateDays} day${r.lateDays === 1 ? '' : 's'}`
        : 'on time';
  const margin = r.margin ? ` · margin ${Math.round(r.margin.now * 100)}% (budget ${Math.round(r.margin.budgeted * 100)}%)` : '';
  return h(
    'li',
    {},
    h('strong', {}, r.project.project),
    ` — ${r.state === 'done' ? 'done' : 'finishing'}, ${delivery} · checklist ${ticked} of ${r.checklist.length} ticked${margin}`,
    r.lessons.length ? h('div', { class: 'hint' }, `${r.lessons.length} lesson${r.lessons.length === 1 ? '' : 's'} for next time`) : null,
  );
}

export function closeoutPanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const run = actionButton(
    'Write Close-out',
    area,
    async () => {
      showMessage(area, 'info', 'Reading the workbook…');
      const workbook = await loadWorkbook();
      if (!workbook.ok) {
        showMessage(area, 'error', 'Fix these first; nothing was written:', problemList(workbook.problems));
        return;
      }
      const { plan, snapshot } = workbook;
      const result = await planWorkbook(workbook, plan.settings.planProposals, bar);
      await bar.set(1, 'Reviewing each project…');
      const reviews = closeoutReviews(plan, result);
      const sheet = closeoutSheet(reviews, plan.settings, isoToDay(snapshot.today) as number, snapshot.closeout ?? []);
      await server.writeOutputs([sheet]);
      bar.hide();
      const done = closedOut(sheet.values);
      const ticks = (r: ProjectReview) =>
        sheet.values.filter((row) => row[1] === 'Checklist' && row[3] === true && nameKey(String(row[0])) === nameKey(r.project.project))
          .length;
      const rule = plan.settings.onTimeNeedsCloseout
        ? `Settings > On Time Needs Close-out is on: the Quotas panel counts a project on time only once its checklist is all ticked (${done.size} of ${reviews.length} are).`
        : 'Tick each item in the sheet’s Done column; your ticks are kept when it is written again.';
      showMessage(
        area,
        'ok',
        reviews.length
          ? `Close-out sheet written: ${reviews.length} project${reviews.length === 1 ? '' : 's'}.`
          : 'Close-out sheet written: no project is done or finishing yet.',
        h('ul', { class: 'changes' }, ...reviews.map((r) => summary(r, ticks(r)))),
        h('p', { class: 'hint' }, rule),
      );
    },
    true,
  );
  return h(
    'div',
    {},
    section(
      'Close-out',
      h(
        'p',
        { class: 'hint' },
        'For every Done project, and every project whose work ends within four weeks: its checklist (from its template and its tasks) to tick, each task’s hours against its estimate, on time or late and why, the margin against the budget, and lessons for the template.',
      ),
      run,
      bar.element,
      area,
    ),
  );
}
