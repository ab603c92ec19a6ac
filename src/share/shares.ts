// The Shares output sheet: the audit trail of client copies, one row per client — which file, who it
// is shared with, when it was last refreshed, and what it leaves out.

import { normalizeName } from '../model/cells';
import type { Cell, SheetOutput } from '../model/output';
import type { Grid } from '../model/read';
import { nameKey } from '../model/work';

export const SHARES_SHEET = 'Shares';
export const SHARES_HEADER = ['Client', 'Copy', 'Shared with', 'Last refreshed', 'Left out', 'Note'] as const;

/** Never in any copy, whatever the settings. */
export const ALWAYS_LEFT_OUT = 'costs, rates, margins, budgets, notes, time-off reasons, Why';

export interface ShareRecord {
  client: string;
  /** The copy's address. */
  url: string;
  /** Contact emails with view access. */
  sharedWith: string[];
  /** "2026-11-21 14:05" in the spreadsheet's time zone. */
  lastRefreshed: string;
  leftOut: string;
  note: string;
}

export function leftOutText(leftOut: readonly string[]): string {
  return `Always: ${ALWAYS_LEFT_OUT}${leftOut.length ? `. Also: ${leftOut.join(', ')}` : ''}`;
}

/** The only addresses the sidebar links to: Google Docs, and Google's own authorization pages. */
const COPY_LINK = 'https://docs.google.com/';
const AUTHORIZATION_LINKS = ['https://script.google.com/', 'https://accounts.google.com/'];

/** A copy's address from its file id, and back. */
export function copyUrl(fileId: string): string {
  return `${COPY_LINK}spreadsheets/d/${fileId}/edit`;
}

/** The file id in a Google Sheets address; undefined for anything else (another site, a script). */
export function fileIdOf(url: string): string | undefined {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)(?:[/?#]|$)/.exec(url.trim())?.[1];
}

/** Whether an address may be put behind a copy's link. */
export function isCopyLink(url: string): boolean {
  return url.startsWith(COPY_LINK);
}

/** Whether an address may be put behind the "Allow access" link. */
export function isAuthorizationLink(url: string): boolean {
  return AUTHORIZATION_LINKS.some((prefix) => url.startsWith(prefix));
}

/** The same client's record replaced, others kept; in client order. */
export function mergeShares(previous: readonly ShareRecord[], updates: readonly ShareRecord[]): ShareRecord[] {
  const byClient = new Map(previous.map((r) => [nameKey(r.client), r]));
  for (const r of updates) byClient.set(nameKey(r.client), r);
  return [...byClient.values()].sort((a, b) => a.client.localeCompare(b.client));
}

export function sharesSheet(records: readonly ShareRecord[]): SheetOutput {
  const values: Cell[][] = [
    [...SHARES_HEADER],
    ...records.map((r) => [r.client, r.url, r.sharedWith.join(', '), r.lastRefreshed, r.leftOut, r.note]),
  ];
  const notes = [
    [
      'Written by Crewsheet on each Share or Revoke: one row per client copy. Each copy is a separate spreadsheet holding only that client’s plan and timeline, shared view-only with the Contact Email(s).',
    ],
  ];
  return {
    name: SHARES_SHEET,
    values,
    backgrounds: [SHARES_HEADER.map(() => '#e8eaed')],
    notes,
    boldRows: [0],
    frozenRows: 1,
    columnWidths: [180, 330, 260, 130, 360, 360],
  };
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

function rebuiltUrl(written: string): string {
  const id = fileIdOf(written);
  return id ? copyUrl(id) : '';
}

/**
 * Records back from the Shares sheet's values (columns found by header); rows without a client skipped.
 * Anyone who can edit the spreadsheet can edit this sheet, so a copy's address is rebuilt from the file
 * id it names, never taken as written: a script or another site in the cell comes back as no address.
 */
export function readShares(grid: Grid): ShareRecord[] {
  const header = (grid[0] ?? []).map((h) => normalizeName(text(h)));
  const column = (name: string) => header.indexOf(normalizeName(name));
  const [client, url, sharedWith, lastRefreshed, leftOut, note] = SHARES_HEADER.map(column);
  if (client < 0) return [];
  const at = (row: readonly unknown[], c: number) => (c < 0 ? '' : text(row[c]));
  return grid
    .slice(1)
    .filter((row) => at(row, client))
    .map((row) => ({
      client: at(row, client),
      url: rebuiltUrl(at(row, url)),
      sharedWith: at(row, sharedWith)
        .split(/[,\s]+/)
        .filter(Boolean),
      lastRefreshed: at(row, lastRefreshed),
      leftOut: at(row, leftOut),
      note: at(row, note),
    }));
}

/** "2026-11-21 14:05" for an instant, in a time zone. */
export function timestamp(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
