// Publishing, below the Plan panel's results: makes the plan just written the one people are told
// (the Baseline sheet, dated), so the next re-plan keeps to it and lists what changed since.

import { dayToIso, isoToDay } from '../../src/model/dates';
import type { TaskChange } from '../../src/schedule/changes';
import { baselineSheet } from '../../src/schedule/publish-sheets';
import type { BoundedResult } from '../../src/schedule/schedule';
import { h } from '../dom';
import { server } from '../server';
import { actionButton, messageArea, section, showMessage } from '../ui';
import type { LoadedWorkbook } from '../workbook';

/** `onPublished` runs once the plan is the Baseline: telling people comes after. */
export function publishSection(
  workbook: LoadedWorkbook,
  result: BoundedResult,
  changes: readonly TaskChange[],
  onPublished: () => void,
): HTMLElement {
  const area = messageArea();
  const today = isoToDay(workbook.snapshot.today) as number;
  const publish = actionButton(
    'Publish this plan',
    area,
    async () => {
      await server.writeOutputs([baselineSheet(result, today)]);
      showMessage(
        area,
        'ok',
        `Published: the Baseline sheet now holds this plan, dated ${dayToIso(today)}. Re-planning keeps to it from now on.`,
      );
      onPublished();
    },
    true,
  );
  const hint = changes.length
    ? 'Review the changes above, then publish: this plan becomes the one people are told, and the next plan lists what changed since.'
    : 'Nothing changed; publishing again only dates the Baseline today.';
  return section('Publish', h('p', { class: 'hint' }, hint), publish, area);
}
