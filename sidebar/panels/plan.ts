// The Plan panel: plans the workbook and writes the Schedule sheet.

import { dayToIso, isoToDay, shortDate } from '../../src/model/dates';
import { scheduleSheet } from '../../src/schedule/sheet';
import { h } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, checkbox, messageArea, problemList, progress, section, showMessage } from '../ui';
import { firstSteps, loadWorkbook, proposalsFromSettings } from '../workbook';

export function planPanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const { element: proposalsField, input: proposals } = checkbox('Include proposals (tentatively, after committed work)');
  const defaulted = proposalsFromSettings(proposals);

  const run = actionButton(
    'Plan and write Schedule',
    area,
    async () => {
      showMessage(area, 'info', 'Reading the workbook…');
      await defaulted;
      const workbook = await loadWorkbook();
      if (!workbook.ok) {
        showMessage(area, 'error', 'Fix these first; nothing was written:', problemList(workbook.problems));
        return;
      }
      const first = firstSteps(workbook);
      if (first) {
        showMessage(area, 'info', first);
        return;
      }
      const result = await planWorkbook(workbook, proposals.checked, bar);
      await bar.set(1, 'Writing the Schedule sheet…');
      const report = await server.writeOutputs([scheduleSheet(result, isoToDay(workbook.snapshot.today) as number)]);
      bar.hide();
      const late = result.tasks.filter((t) => t.lateDays > 0);
      const unstaffable = result.tasks.filter((t) => t.state === 'unstaffable');
      const figures = h(
        'table',
        { class: 'figures' },
        h(
          'tbody',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'Ends'),
            h('td', { class: 'num' }, result.end === undefined ? '–' : `${shortDate(result.end)} ${dayToIso(result.end).slice(0, 4)}`),
          ),
          h('tr', {}, h('th', {}, 'Makespan'), h('td', { class: 'num' }, `${result.makespanDays} days`)),
          h('tr', {}, h('th', {}, 'Lower bound'), h('td', { class: 'num' }, `${result.lowerBound.days} days`)),
          h('tr', {}, h('th', {}, 'Gap'), h('td', { class: 'num' }, `${(result.gap * 100).toFixed(1)}%`)),
          h('tr', {}, h('th', {}, 'Total lateness'), h('td', { class: 'num' }, `${result.totalLateDays} working days`)),
        ),
      );
      const lists = [
        late.length
          ? h(
              'p',
              {},
              h('strong', {}, 'Late: '),
              late
                .slice(0, 6)
                .map((t) => `${t.key} (${t.lateDays} d)`)
                .join(', '),
              late.length > 6 ? '…' : '',
            )
          : null,
        unstaffable.length ? h('p', {}, h('strong', {}, 'Cannot be staffed: '), unstaffable.map((t) => t.key).join(', ')) : null,
      ].filter((x): x is HTMLParagraphElement => x !== null);
      showMessage(
        area,
        late.length || unstaffable.length ? 'info' : 'ok',
        `Schedule written: ${result.tasks.length} tasks.`,
        figures,
        ...lists,
        ...report.notes,
      );
    },
    true,
  );

  return h(
    'div',
    {},
    section(
      'Plan',
      h(
        'p',
        { class: 'hint' },
        'Assigns every open task to qualified people and dates, and writes the Schedule sheet with the reason for each choice. Input sheets are not changed.',
      ),
      proposalsField,
      run,
      bar.element,
      area,
    ),
  );
}
