// Before any copy is created or anyone emailed: for each client, who will be invited (Drive emails each
// new viewer), who already can see it, who will lose access, and the copy itself as the client will
// see it, built by the same code that writes it.

import { dayParts, isoToDay, monthName } from '../../src/model/dates';
import { type Cell, isDateCell, type SheetOutput } from '../../src/model/output';
import { nameKey } from '../../src/model/work';
import type { ClientCopy } from '../../src/share/copy';
import type { ShareRecord } from '../../src/share/shares';
import type { ShareTarget } from '../../src/share/targets';
import { h } from '../dom';

export interface Recipients {
  /** Not viewers yet: Drive emails each an invitation. */
  invited: string[];
  /** Viewers already: no new email. */
  kept: string[];
  /** Viewers no longer among the client's contacts: their access is removed. */
  removed: string[];
}

export function recipients(target: ShareTarget, record: ShareRecord | undefined): Recipients {
  const before = new Set((record?.sharedWith ?? []).map((e) => e.toLowerCase()));
  return {
    invited: target.emails.filter((e) => !before.has(e)),
    kept: target.emails.filter((e) => before.has(e)),
    removed: [...before].filter((e) => !target.emails.includes(e)),
  };
}

function shown(cell: Cell): string {
  if (isDateCell(cell)) {
    const day = isoToDay(cell.date);
    if (day === undefined) return cell.date;
    const { date, month, year } = dayParts(day);
    return `${date} ${monthName(month)} ${year}`;
  }
  return cell === null ? '' : String(cell);
}

/** A sheet of the copy as a small table: what the client reads when they open it. */
function sheetPreview(sheet: SheetOutput): HTMLElement {
  const bold = new Set(sheet.boldRows ?? []);
  return h(
    'div',
    { class: 'sheet-preview', tabindex: 0, role: 'region', 'aria-label': `${sheet.name} sheet` },
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        ...sheet.values.map((row, r) =>
          h(
            'tr',
            { class: bold.has(r) ? 'bold' : undefined },
            ...row.map((cell, c) =>
              h('td', { style: sheet.backgrounds?.[r]?.[c] ? `background:${sheet.backgrounds[r][c]}` : undefined }, shown(cell)),
            ),
          ),
        ),
      ),
    ),
  );
}

function copyCard(copy: ClientCopy, who: Recipients, record: ShareRecord | undefined): HTMLElement {
  const plan = copy.sheets[0];
  const lines = [
    who.invited.length ? `Drive emails a view-only invitation to ${who.invited.join(', ')}.` : null,
    who.kept.length ? `Already viewers (no new email): ${who.kept.join(', ')}.` : null,
    who.removed.length ? `No longer contacts, their access is removed: ${who.removed.join(', ')}.` : null,
  ];
  return h(
    'div',
    { class: 'share-card' },
    h('strong', {}, copy.client),
    ` · ${record ? `refreshes the copy of ${record.lastRefreshed || 'an earlier run'}` : 'a new copy'}, “${copy.title}”`,
    ...lines.map((line) => line && h('p', {}, line)),
    h(
      'details',
      {},
      h('summary', {}, `What ${copy.client} will see (${copy.sheets.map((s) => s.name).join(' and ')} sheets)`),
      sheetPreview(plan),
      h(
        'p',
        { class: 'hint' },
        `Also a Timeline sheet of these dates. Never in a copy: ${copy.leftOut.length ? `${copy.leftOut.join(', ')}; ` : ''}costs, rates, margins, notes or other clients.`,
      ),
    ),
  );
}

/** The question asked before sharing; `yes` runs only when the user confirms. */
export function shareConfirmation(
  copies: readonly ClientCopy[],
  targets: readonly ShareTarget[],
  records: readonly ShareRecord[],
  yes: HTMLButtonElement,
  cancel: () => void,
): HTMLElement {
  const cards = copies.map((copy) => {
    const target = targets.find((t) => nameKey(t.client) === nameKey(copy.client)) as ShareTarget;
    const record = records.find((r) => nameKey(r.client) === nameKey(copy.client));
    return copyCard(copy, recipients(target, record), record);
  });
  return h(
    'div',
    { class: 'message info', role: 'alertdialog', 'aria-label': 'Confirm sharing' },
    h('p', {}, 'Check what each client will see and who will be emailed. Nothing is created or sent until you confirm.'),
    ...cards,
    h('div', { class: 'buttons' }, yes, h('button', { type: 'button', class: 'secondary', onclick: cancel }, 'Cancel')),
  );
}
