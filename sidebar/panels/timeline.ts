// The Timeline panel: Gantt by project or "who is where" by person, for a range, scale and filters.

import { dayToIso, isoToDay } from '../../src/model/dates';
import type { View } from '../../src/timeline/grid';
import type { Scale } from '../../src/timeline/scale';
import { timelineSheet } from '../../src/timeline/sheet';
import { buildTimeline } from '../../src/timeline/views';
import { h } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, checkbox, field, fieldError, messageArea, problemList, progress, section, select, showMessage } from '../ui';
import { type LoadedWorkbook, loadWorkbook, proposalsFromSettings, workbookOnOpen } from '../workbook';

const ALL = '';

function fillOptions(control: HTMLSelectElement, label: string, values: readonly string[]): void {
  const current = control.value;
  control.replaceChildren(h('option', { value: ALL }, label), ...values.map((v) => h('option', { value: v }, v)));
  control.value = values.includes(current) ? current : ALL;
}

const unique = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

export function timelinePanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const view = select([
    { value: 'project', label: 'By project (Gantt)' },
    { value: 'person', label: 'By person (who is where)' },
  ]);
  const scale = select([
    { value: 'auto', label: 'Automatic' },
    { value: 'day', label: 'Days' },
    { value: 'week', label: 'Weeks' },
    { value: 'month', label: 'Months' },
  ]);
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  const client = select([{ value: ALL, label: 'All clients' }]);
  const manager = select([{ value: ALL, label: 'All project managers' }]);
  const person = select([{ value: ALL, label: 'Everyone' }]);
  const { element: proposalsField, input: proposals } = checkbox('Include proposals (tentative)');
  const defaulted = proposalsFromSettings(proposals);

  const offerChoices = (workbook: LoadedWorkbook) => {
    fillOptions(client, 'All clients', unique(workbook.plan.clients.map((c) => c.client)));
    fillOptions(manager, 'All project managers', unique(workbook.plan.projects.map((p) => p.projectManager)));
    fillOptions(person, 'Everyone', unique(workbook.plan.staff.map((s) => s.name)));
  };

  /** Reads a date field; shows the problem next to it and returns undefined when it is not a date. */
  const dateOf = (input: HTMLInputElement): number | undefined | null => {
    if (!input.value) return undefined;
    const day = isoToDay(input.value);
    fieldError(input, day === undefined ? 'Enter a date, or leave blank for the whole plan.' : '');
    return day ?? null;
  };

  const generate = actionButton(
    'Generate timeline',
    area,
    async () => {
      fieldError(from, '');
      fieldError(to, '');
      const start = dateOf(from);
      const end = dateOf(to);
      if (start === null || end === null) return;
      if (start !== undefined && end !== undefined && end < start) {
        fieldError(to, 'The end is before the start.');
        return;
      }
      await bar.set(0, 'Reading the workbook…');
      await defaulted;
      const workbook = await loadWorkbook();
      offerChoices(workbook);
      if (!workbook.ok) {
        bar.hide();
        showMessage(area, 'error', 'Fix these first; nothing was written:', problemList(workbook.problems));
        return;
      }
      const result = await planWorkbook(workbook, proposals.checked, bar);
      await bar.set(1, 'Drawing…');
      const today = isoToDay(workbook.snapshot.today) as number;
      const grid = buildTimeline(workbook.plan, result, {
        view: view.value as View,
        scale: scale.value as Scale | 'auto',
        from: start,
        to: end,
        clients: client.value ? [client.value] : undefined,
        projectManagers: manager.value ? [manager.value] : undefined,
        people: person.value ? [person.value] : undefined,
        today,
      });
      const output = timelineSheet(grid, dayToIso(today));
      await bar.set(1, `Writing the ${output.name} sheet…`);
      const report = await server.writeOutputs([output]);
      bar.hide();
      showMessage(
        area,
        'ok',
        `${output.name} sheet written: ${grid.rows.length} rows × ${grid.buckets.length} ${grid.scale}s.`,
        ...grid.notes,
        ...report.notes,
      );
    },
    true,
  );

  const panel = h(
    'div',
    {},
    section(
      'Timeline',
      h('p', { class: 'hint' }, 'Writes the Timeline sheet (by project) or the People sheet (by person) from the current plan.'),
      field('View', view),
      field('Scale', scale, 'Automatic: days up to four months, then weeks, then months.'),
      field('From', from, 'Blank: today, or the plan start if earlier.'),
      field('To', to, 'Blank: the end of the plan.'),
      field('Client', client),
      field('Project manager', manager),
      field('Person', person),
      proposalsField,
      generate,
      bar.element,
      area,
    ),
  );
  // Offer the workbook's clients, managers and people as soon as the panel opens.
  workbookOnOpen()
    .then(offerChoices)
    .catch(() => undefined);
  return panel;
}
