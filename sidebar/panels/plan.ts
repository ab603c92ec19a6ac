// The Plan panel: plans the workbook against the published plan, writes the Schedule and the Changes
// sheets, shows what changed since publishing and whom it touches, and publishes the plan.

import { dayToIso, isoToDay, shortDate } from '../../src/model/dates';
import { changesSince, type TaskChange } from '../../src/schedule/changes';
import { baselineSheet, causeText, changesSheet, placementText, recipientText } from '../../src/schedule/publish-sheets';
import type { BoundedResult } from '../../src/schedule/schedule';
import { scheduleSheet } from '../../src/schedule/sheet';
import { clear, h } from '../dom';
import { type PanelPlan, planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, checkbox, linked, messageArea, problemList, progress, section, showMessage } from '../ui';
import { firstSteps, type LoadedWorkbook, loadWorkbook, proposalsFromSettings } from '../workbook';
import { publishSection } from './publish';
import { tellSection } from './tell';

function row(label: string, value: string): HTMLTableRowElement {
  return h('tr', {}, h('th', {}, label), h('td', { class: 'num' }, value));
}

function planFigures(result: PanelPlan): HTMLElement {
  const end = result.end === undefined ? '–' : `${shortDate(result.end)} ${dayToIso(result.end).slice(0, 4)}`;
  return h(
    'table',
    { class: 'figures' },
    h(
      'tbody',
      {},
      row('Ends', end),
      row('Makespan', `${result.makespanDays} days`),
      row('Lower bound', `${result.lowerBound.days} days`),
      row('Gap', `${(result.gap * 100).toFixed(1)}%`),
      row('Total lateness', `${result.totalLateDays} working days`),
      row('Searches', result.searches > 1 ? `${result.searches} at once, best kept` : 'one'),
    ),
  );
}

function lateAndUnstaffable(result: BoundedResult): HTMLElement[] {
  const late = result.tasks.filter((t) => t.lateDays > 0);
  const unstaffable = result.tasks.filter((t) => t.state === 'unstaffable');
  const lines: HTMLElement[] = [];
  if (late.length) {
    const shown = late.slice(0, 6).map((t) => `${t.key} (${t.lateDays} d)`);
    lines.push(h('p', {}, h('strong', {}, 'Late: '), shown.join(', '), late.length > 6 ? '…' : ''));
  }
  if (unstaffable.length) lines.push(h('p', {}, h('strong', {}, 'Cannot be staffed: '), unstaffable.map((t) => t.key).join(', ')));
  return lines;
}

const SHOWN_CHANGES = 8;

/** One change: the task, before → after, why (cells are links), whom to tell. */
function changeItem(change: TaskChange): HTMLLIElement {
  const moves = change.after
    ? `${placementText(change.before) || 'new'} → ${placementText(change.after)}`
    : `${placementText(change.before)} → ${change.kind}`;
  return h(
    'li',
    {},
    h('strong', {}, `${change.project} / ${change.task}`),
    ` (${change.kind}): ${moves}.`,
    h('br'),
    'Why: ',
    ...linked(change.causes.map(causeText).join('; ')),
    h('br'),
    `Tell: ${change.tell.map(recipientText).join(', ') || 'no one'}`,
  );
}

function changesView(changes: readonly TaskChange[], workbook: LoadedWorkbook): HTMLElement[] {
  const since = workbook.baseline?.on === undefined ? 'the published plan' : `the plan published ${shortDate(workbook.baseline.on)}`;
  const mode = workbook.plan.settings.replan;
  if (!changes.length) return [h('p', {}, `Nothing changed since ${since} (Replan: ${mode}).`)];
  const heading = h(
    'p',
    {},
    h('strong', {}, `${changes.length} task${changes.length === 1 ? '' : 's'} changed`),
    ` since ${since} (Replan: ${mode}); the Changes sheet lists them all.`,
  );
  const list = h('ul', { class: 'changes' }, ...changes.slice(0, SHOWN_CHANGES).map(changeItem));
  const more = changes.length > SHOWN_CHANGES ? [h('p', {}, `…and ${changes.length - SHOWN_CHANGES} more on the Changes sheet.`)] : [];
  return [heading, list, ...more];
}

export function planPanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const publishing = h('div', {});
  const { element: proposalsField, input: proposals } = checkbox('Include proposals (tentatively, after committed work)');
  const defaulted = proposalsFromSettings(proposals);

  const run = actionButton(
    'Plan and write Schedule',
    area,
    async () => {
      clear(publishing);
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
      const today = isoToDay(workbook.snapshot.today) as number;
      const baseline = workbook.baseline;
      const changes = baseline ? changesSince(workbook.plan, baseline.rows, result, workbook.plan.settings.replan) : undefined;
      // The first Schedule written is the plan people are told, until Publish says otherwise.
      const second = changes ? changesSheet(changes, baseline?.on, today) : baselineSheet(result, today);
      await bar.set(1, `Writing the Schedule and ${second.name} sheets…`);
      const report = await server.writeOutputs([scheduleSheet(result, today), second]);
      bar.hide();
      const late = result.tasks.some((t) => t.lateDays > 0 || t.state === 'unstaffable');
      const published = changes
        ? changesView(changes, workbook)
        : [h('p', {}, 'This first plan is kept as the Baseline: the plan people are told. Later plans list what changed since.')];
      const warnings = baseline?.problems.length
        ? [h('p', {}, 'The Baseline sheet has rows Crewsheet could not read:'), problemList(baseline.problems)]
        : [];
      showMessage(
        area,
        late ? 'info' : 'ok',
        `Schedule written: ${result.tasks.length} tasks.`,
        planFigures(result),
        ...lateAndUnstaffable(result),
        ...published,
        ...warnings,
        ...report.notes,
      );
      // Telling people follows publishing: at once for the first plan (it is the Baseline) and for a
      // plan that changed nothing, after Publish otherwise.
      let told = false;
      const tell = () => {
        if (!told) publishing.append(tellSection(workbook, result, changes));
        told = true;
      };
      if (changes) publishing.append(publishSection(workbook, result, changes, changes.length ? tell : () => undefined));
      if (!changes?.length) tell();
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
        'Assigns every open task to qualified people and dates, keeping the published plan where it still fits, and writes the Schedule sheet with the reason for each choice. Input sheets are not changed.',
      ),
      proposalsField,
      run,
      bar.element,
      area,
    ),
    publishing,
  );
}
