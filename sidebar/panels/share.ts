// The Share panel: pick clients, then create (or refresh) each one's copy — a separate spreadsheet with
// only their plan and timeline, shared view-only with their Contact Email(s) — or revoke that access.
// Planning runs here; the server re-reads the sheets and writes every copy from its own read.

import type { ShareOutcome } from '../../src/api';
import { isoToDay } from '../../src/model/dates';
import { plural } from '../../src/model/numbers';
import { nameKey } from '../../src/model/work';
import { clientCopy } from '../../src/share/copy';
import { sharedTasks } from '../../src/share/planned';
import { isAuthorizationLink, isCopyLink, type ShareRecord } from '../../src/share/shares';
import { blockingProblems, type ShareTarget, shareTargets, targetOf } from '../../src/share/targets';
import { shownProjects } from '../../src/share/view';
import { clear, h, uid } from '../dom';
import { planWorkbook } from '../planning';
import { server } from '../server';
import { actionButton, linked, messageArea, problemList, progress, section, showMessage } from '../ui';
import { type LoadedWorkbook, loadWorkbook } from '../workbook';
import { shareConfirmation } from './share-confirm';

interface ClientRow {
  client: string;
  input: HTMLInputElement;
}

const NOTHING_YET = 'Nothing to share yet: no agreed projects (proposals and lost projects are never shared).';

function link(url: string, label: string): HTMLAnchorElement {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label);
}

/** A link to a copy, only ever to Google Docs: anything else (a script, another site) shows no link. */
function copyLink(url: string | undefined): HTMLAnchorElement | null {
  return url && isCopyLink(url) ? link(url, 'Open copy') : null;
}

/** Why a client cannot be picked, if they cannot. */
function whyNot(workbook: LoadedWorkbook, target: ShareTarget, record: ShareRecord | undefined): string | undefined {
  if (target.reason) return target.reason;
  return !record && !shownProjects(workbook.plan, target.client).length ? NOTHING_YET : undefined;
}

function status(target: ShareTarget, record: ShareRecord | undefined, reason: string | undefined, id: string): HTMLElement {
  const lines: (Node | string | null)[] = [];
  if (reason) lines.push(h('span', { class: 'field-error' }, ...linked(reason)), record ? h('br') : null);
  else if (!record) lines.push(`Will be shared view-only with ${target.emails.join(', ')}`);
  if (record) {
    const viewers = record.sharedWith.length ? `viewers: ${record.sharedWith.join(', ')}` : 'no viewers';
    const open = copyLink(record.url);
    lines.push(`Copy of ${record.lastRefreshed || 'an earlier run'}, ${viewers}`, open ? ' · ' : null, open);
  }
  return h('div', { class: 'hint', id, style: 'margin:0 0 6px 22px' }, ...lines);
}

function outcomeList(outcomes: readonly ShareOutcome[]): HTMLElement {
  const item = (o: ShareOutcome) => {
    const open = copyLink(o.url);
    return h(
      'li',
      { class: o.ok ? 'ok' : 'error' },
      o.ok ? null : h('span', { class: 'badge' }, 'Not done'),
      o.ok ? null : ' ',
      h('strong', {}, `${o.client}: `),
      o.message,
      open ? ' ' : null,
      open,
    );
  };
  return h('ul', { style: 'margin:4px 0 0;padding-left:16px' }, ...outcomes.map(item));
}

/** All done is ok, nothing done is an error, anything between is worth a look. */
function reportKind(outcomes: readonly ShareOutcome[]): 'ok' | 'error' | 'info' {
  const failed = outcomes.filter((o) => !o.ok).length;
  return failed === 0 ? 'ok' : failed === outcomes.length ? 'error' : 'info';
}

export function sharePanel(): HTMLElement {
  const area = messageArea();
  const bar = progress();
  const legendId = uid('share-clients');
  const list = h('div', { role: 'group', 'aria-labelledby': legendId, id: uid('share-list') });
  const listError = h('div', { class: 'field-error', role: 'alert' });
  const confirmArea = h('div', {});
  let rows: ClientRow[] = [];

  const render = (workbook: LoadedWorkbook, records: readonly ShareRecord[]) => {
    const checked = new Set(rows.filter((r) => r.input.checked).map((r) => nameKey(r.client)));
    clear(list);
    const targets = shareTargets(workbook.plan, workbook.problems).sort((a, b) => a.client.localeCompare(b.client));
    if (!targets.length) list.append(h('p', { class: 'hint' }, 'No clients yet: add them to the Clients sheet with a Contact Email.'));
    rows = targets.map((target) => {
      const record = records.find((r) => nameKey(r.client) === nameKey(target.client));
      const reason = whyNot(workbook, target, record);
      const describedBy = uid('share-status');
      const input = h('input', { type: 'checkbox', id: uid('share-client'), disabled: Boolean(reason), 'aria-describedby': describedBy });
      input.checked = !reason && checked.has(nameKey(target.client));
      input.addEventListener('change', () => {
        listError.textContent = '';
      });
      list.append(
        h('label', { class: 'check', for: input.id, style: 'margin:2px 0 0' }, input, ` ${target.client}`),
        status(target, record, reason, describedBy),
      );
      return { client: target.client, input };
    });
  };

  const refresh = async () => {
    const [workbook, records] = await Promise.all([loadWorkbook(), server.getShares()]);
    render(workbook, records);
    return { workbook, records };
  };

  const picked = (): string[] | undefined => {
    const names = rows.filter((r) => r.input.checked && !r.input.disabled).map((r) => r.client);
    listError.textContent = names.length ? '' : 'Pick at least one client.';
    return names.length ? names : undefined;
  };

  const share = actionButton(
    'Create / Refresh client copies',
    area,
    async () => {
      clear(confirmArea);
      const clients = picked();
      if (!clients) return;
      const access = await server.shareAccess();
      if (!access.granted) {
        showMessage(
          area,
          'info',
          'Crewsheet needs your permission to create the copies in your Drive and share them (only files it creates; nothing else in your Drive).',
          h(
            'p',
            {},
            access.authorizationUrl && isAuthorizationLink(access.authorizationUrl)
              ? link(access.authorizationUrl, 'Allow access')
              : 'Allow access from the add-on menu.',
            ', then click again.',
          ),
        );
        return;
      }
      showMessage(area, 'info', 'Reading the workbook…');
      const { workbook, records } = await refresh();
      const blocking = blockingProblems(workbook.plan, workbook.problems);
      if (blocking.length) {
        showMessage(area, 'error', 'Fix these first; nothing was shared:', problemList(blocking));
        return;
      }
      const result = await planWorkbook(workbook, false, bar);
      bar.hide();
      clear(area);
      const today = isoToDay(workbook.snapshot.today) as number;
      const copies = clients.map((client) => clientCopy(workbook.plan, result, client, today));
      const targets = shareTargets(workbook.plan, workbook.problems);
      const invited = new Set(copies.flatMap((c) => targetOf(targets, c.client)?.emails ?? []));
      const yes = actionButton(
        `Yes, share ${copies.length === 1 ? 'this copy' : `these ${copies.length} copies`} with ${plural(invited.size, 'person', 'people')}`,
        area,
        async () => {
          clear(confirmArea);
          await bar.set(1, `Writing ${clients.length === 1 ? 'the copy' : `${clients.length} copies`}…`);
          try {
            const report = await server.shareClients({ clients, planned: sharedTasks(workbook.plan, result, clients) });
            const failed = report.outcomes.filter((o) => !o.ok).length;
            const summary = failed ? `${failed} of ${report.outcomes.length} not done:` : 'Done. The Shares sheet records each copy.';
            showMessage(area, reportKind(report.outcomes), summary, outcomeList(report.outcomes));
          } finally {
            bar.hide();
            await refresh();
          }
        },
        true,
      );
      confirmArea.append(shareConfirmation(copies, targets, records, yes, () => clear(confirmArea)));
      yes.focus();
    },
    true,
  );

  const revoke = actionButton('Revoke access', area, async () => {
    clear(confirmArea);
    const clients = picked();
    if (!clients) return;
    const confirm = actionButton(
      `Yes, remove the viewers of ${clients.length === 1 ? clients[0] : `${clients.length} clients`}`,
      area,
      async () => {
        clear(confirmArea);
        const report = await server.revokeClients({ clients });
        const failed = report.outcomes.some((o) => !o.ok);
        const summary = failed ? 'Not every client’s access was removed:' : 'Access removed.';
        showMessage(area, reportKind(report.outcomes), summary, outcomeList(report.outcomes));
        await refresh();
      },
    );
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => clear(confirmArea) }, 'Cancel');
    confirmArea.append(
      h(
        'div',
        { class: 'message info', role: 'alertdialog', 'aria-label': 'Confirm revoke' },
        h('p', {}, 'The clients will no longer be able to open their copies. The copies stay in your Drive.'),
        h('div', { class: 'buttons' }, confirm, cancel),
      ),
    );
    confirm.focus();
  });

  const selectAll = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        for (const r of rows) if (!r.input.disabled) r.input.checked = true;
        listError.textContent = '';
      },
    },
    'Select all',
  );

  const panel = h(
    'div',
    {},
    section(
      'Share with clients',
      h(
        'p',
        { class: 'hint' },
        'Makes one spreadsheet per client with only their projects, tasks, dates and contacts (values and colours, no formulas), shared view-only with their Contact Email. Never costs, rates, margins, notes or other clients.',
      ),
      h('div', { id: legendId, style: 'font-weight:500;margin-bottom:2px' }, 'Clients'),
      list,
      listError,
      h('div', { class: 'buttons' }, share, revoke, selectAll),
      confirmArea,
      bar.element,
      area,
    ),
  );
  refresh().catch((error) => showMessage(area, 'error', error instanceof Error ? error.message : String(error)));
  return panel;
}
