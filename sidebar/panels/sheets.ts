// The Sheets panel: set up missing input sheets, fill the sample firm, and check the workbook.

import { isoToDay } from '../../src/model/dates';
import { sampleSheets } from '../../src/model/setup';
import { h } from '../dom';
import { server } from '../server';
import { actionButton, messageArea, problemList, section, showMessage } from '../ui';
import { firstSteps, loadWorkbook } from '../workbook';

export function sheetsPanel(): HTMLElement {
  const checkArea = messageArea();
  const check = actionButton(
    'Check workbook',
    checkArea,
    async () => {
      const workbook = await loadWorkbook();
      const { problems, plan } = workbook;
      const counts = `${plan.staff.length} staff, ${plan.projects.length} projects, ${plan.tasks.length} tasks.`;
      const first = firstSteps(workbook);
      if (problems.length === 0 && first) showMessage(checkArea, 'info', first);
      else if (problems.length === 0) showMessage(checkArea, 'ok', `No problems found. ${counts}`);
      else {
        const errors = problems.filter((p) => p.severity === 'error').length;
        const summary = `${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}. ${counts}`;
        showMessage(checkArea, errors ? 'error' : 'info', summary, problemList(problems));
      }
    },
    true,
  );

  const setupArea = messageArea();
  const setUp = actionButton('Set up sheets', setupArea, async () => {
    const report = await server.setUpSheets({});
    showMessage(setupArea, 'ok', report.created.length ? `Created ${report.created.join(', ')}.` : 'Every input sheet is already there.');
  });
  const fill = actionButton('Fill with the sample firm', setupArea, async () => {
    // Dated from the spreadsheet's today, so the firm's plan starts next Monday.
    const { today } = await server.getWorkbook();
    const report = await server.setUpSheets({ sample: sampleSheets(isoToDay(today) as number) });
    showMessage(setupArea, 'ok', `Sample firm written to ${report.filled.join(', ')}.`);
  });

  return h(
    'div',
    {},
    section('Check', h('p', { class: 'hint' }, 'Reads every input sheet and lists each problem with its cell.'), check, checkArea),
    section(
      'Input sheets',
      h('p', { class: 'hint' }, 'Creates any missing sheet with headers, notes and dropdowns. Existing sheets are left as they are.'),
      h('div', { class: 'buttons' }, setUp, fill),
      setupArea,
    ),
  );
}
