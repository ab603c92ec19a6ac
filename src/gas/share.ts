// Sharing the plan with clients: CLIENTVIEW (what a client copy shows, previewed in a cell) and the
// Share panel's server calls. Copies are separate spreadsheets in the user's Drive, made and shared
// through the drive.file scope, which the add-on asks for only when Share is first used.

import type { RevokeRequest, ShareAccess, ShareOutcome, ShareReport, ShareRequest } from '../api';
import type { Effort } from '../model/effort';
import type { Plan } from '../model/plan';
import { ProblemsError } from '../model/problems';
import { readPlan } from '../model/read';
import { nameKey } from '../model/work';
import { clientCopy } from '../share/copy';
import { copyPlan } from '../share/plan';
import { scheduleFromShared } from '../share/planned';
import { type ShareRecord, timestamp } from '../share/shares';
import { clientViewTable, SHORTER_SEARCH } from '../share/table';
import { blockingProblems, shareTargets, targetOf } from '../share/targets';
import { clientView, isClientOf, shownProjects } from '../share/view';
import { answering, messageColumn } from './lib/answer';
import { asList } from './lib/args';
import { now, today } from './lib/clock';
import { withDocumentLock } from './lib/lock';
import { appendNotifications } from './lib/notify-log';
import { accessTo } from './lib/scopes';
import { findCopies, SHARE_SCOPES } from './lib/share-drive';
import { markOf, type Published, publishCopy, revokeCopy } from './lib/share-publish';
import { clientViewInput } from './lib/share-ranges';
import { readSharesSheet, recordOf, writeSharesSheet } from './lib/share-record';
import { localeOf, readInputSheets, timeZoneOf } from './lib/spreadsheet';
import { toReturnedValue } from './lib/values';

/**
 * What a client's shared copy shows: their projects, tasks and milestones, and their contacts.
 * Never costs, rates, notes or other clients.
 *
 * @param {"Helios Energy"} client The client, as in Projects > Client.
 * @param {Projects!A1:P30} projects The Projects table, header row included.
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff Optional. The Staff table; without it, planned dates and crews are blank.
 * @return The client view: Projects, Tasks and milestones, Your contacts.
 * @customfunction
 */
export function CLIENTVIEW(client: unknown, projects: unknown, tasks: unknown, staff?: unknown): unknown {
  return answering('CLIENTVIEW', (effort) => clientViewCells(effort, client, projects, tasks, staff));
}

// Settings (Client View Names, Show Prices to Clients), Clients, TimeOff and Templates are read from
// this spreadsheet, as the copy uses them.
function clientViewCells(effort: Effort, client: unknown, projects: unknown, tasks: unknown, staff?: unknown): unknown[][] {
  const name = String(asList(client)[0] ?? '').trim();
  if (!name) return [['CLIENTVIEW: client is required, e.g. =CLIENTVIEW("Helios Energy", Projects!A:P, Tasks!A:R, Staff!A:K)']];
  const { plan, message, timeZone } = clientViewInput({ Projects: projects, Tasks: tasks, Staff: staff });
  if (!plan) return message as string[][];
  if (!plan.projects.some((p) => isClientOf(p, name))) {
    return messageColumn(`CLIENTVIEW: no project has the client "${name}"`, ['Check the spelling against Projects > Client.']);
  }
  const withStaff = staff !== undefined && staff !== '';
  const planned = withStaff ? copyPlan(plan, effort) : undefined;
  const table = clientViewTable(clientView(plan, planned?.schedule, name, plan.today));
  if (planned && !planned.asCopy) table[1][2] = SHORTER_SEARCH;
  return table.map((row) => row.map((cell) => toReturnedValue(cell, timeZone)));
}

/** The Shares sheet's rows, for the Share panel. */
export function getShares(): ShareRecord[] {
  return readSharesSheet(SpreadsheetApp.getActiveSpreadsheet());
}

/** Whether the user has allowed Crewsheet to create and share files in their Drive. */
export function shareAccess(): ShareAccess {
  return accessTo(SHARE_SCOPES);
}

function textList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.length) throw new Error(`Pick at least one client to ${what}.`);
  const names = value.map((v) => (typeof v === 'string' ? v.trim() : ''));
  if (names.some((n) => !n || n.length > 200)) throw new Error('Each client must be a name from the Clients sheet.');
  return names.filter((n, i) => names.findIndex((m) => nameKey(m) === nameKey(n)) === i);
}

function clientsOnSheet(plan: Plan, names: readonly string[]): string[] {
  return names.map((n) => {
    const row = plan.clients.find((c) => nameKey(c.client) === nameKey(n));
    if (!row) throw new Error(`Nothing was shared: "${n}" is not on the Clients sheet.`);
    return row.client;
  });
}

const failure = (client: string, message: string): Published => ({ outcome: { client, ok: false, message, sharedWith: [] } });

function report(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, published: Published[], timeZone: string, when: string): ShareReport {
  writeSharesSheet(
    ss,
    published.flatMap((p) => p.record ?? []),
    timeZone,
  );
  appendNotifications(
    ss,
    published.map(({ outcome: o }) => ({
      when,
      channel: 'Client copy',
      to: o.sharedWith.join(', '),
      what: `${o.client}: ${o.url ?? 'no copy'}`,
      result: o.ok ? o.message : `failed: ${o.message}`,
      key: '',
    })),
    timeZone,
  );
  return { outcomes: published.map((p): ShareOutcome => p.outcome) };
}

/**
 * Creates or refreshes each client's copy and shares it view-only with the client's Contact Email(s).
 * The sheets are read here again: every value written comes from this read, and the plan the sidebar
 * sends is only used once it matches it.
 */
export function shareClients(request: ShareRequest): ShareReport {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, SHARE_SCOPES);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  return withDocumentLock(() => {
    const day = today(timeZone);
    const { plan, problems } = readPlan(readInputSheets(ss), { timeZone, today: day, locale: localeOf(ss) });
    const blocking = blockingProblems(plan, problems);
    if (blocking.length) throw new Error(`Nothing was shared. Fix these first: ${new ProblemsError(blocking).message}`);
    const clients = clientsOnSheet(plan, textList(request?.clients, 'share with'));
    const { schedule, problems: mismatch } = scheduleFromShared(plan, clients, request?.planned);
    if (!schedule) {
      const shown = mismatch.slice(0, 3).join('; ') + (mismatch.length > 3 ? ` (and ${mismatch.length - 3} more)` : '');
      throw new Error(`Nothing was shared: the plan no longer matches the sheets (${shown}). Share again to plan afresh.`);
    }
    const targets = shareTargets(plan, problems);
    const sourceId = ss.getId();
    const copies = findCopies(sourceId);
    const when = timestamp(now(), timeZone);
    const published = clients.map((client): Published => {
      const target = targetOf(targets, client);
      if (!target?.emails.length) return failure(client, `Not shared: ${target?.reason ?? 'no Contact Email.'}`);
      const existing = copies.get(markOf(client));
      if (!existing && !shownProjects(plan, client).length) {
        return failure(client, 'Not shared: no agreed projects yet (proposals and lost projects are never shared).');
      }
      try {
        return publishCopy(clientCopy(plan, schedule, client, day), target.emails, existing, sourceId, when);
      } catch (error) {
        return failure(client, `Not shared: ${(error as Error).message}`);
      }
    });
    return report(ss, published, timeZone, when);
  });
}

/** Removes the viewers Share added to each client's copy. The copies stay in the user's Drive. */
export function revokeClients(request: RevokeRequest): ShareReport {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, SHARE_SCOPES);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  return withDocumentLock(() => {
    const clients = textList(request?.clients, 'revoke');
    const copies = findCopies(ss.getId());
    const previous = readSharesSheet(ss);
    const when = timestamp(now(), timeZone);
    const published = clients.map((client): Published => {
      const file = copies.get(markOf(client));
      if (!file) return failure(client, 'No copy of this client’s plan was found in your Drive; nothing to revoke.');
      try {
        return revokeCopy(recordOf(previous, client)?.client ?? client, file, recordOf(previous, client), when);
      } catch (error) {
        return failure(client, `Not revoked: ${(error as Error).message}`);
      }
    });
    return report(ss, published, timeZone, when);
  });
}
