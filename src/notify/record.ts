// The Notifications output sheet: everything Crewsheet sent, to whom and when (calendar events,
// emails, client copies) and how it went. The server reads it back before sending: a message whose
// key (its recipient and content) was sent before is not sent again.

import { normalizeName } from '../model/cells';
import type { Cell, SheetOutput } from '../model/output';
import type { Grid } from '../model/read';

export const NOTIFICATIONS_SHEET = 'Notifications';
export const NOTIFICATIONS_HEADER = ['When', 'Channel', 'To', 'What', 'Result', 'Key'] as const;

export type Channel = 'Calendar' | 'Email' | 'Client email' | 'Client copy';

export interface Notification {
  /** "2026-11-23 09:05", in the spreadsheet's time zone. */
  when: string;
  channel: Channel;
  /** "Dev Patel <dev@northlight.example>", or the guests of an event. */
  to: string;
  /** An email's subject, an event's title and days. */
  what: string;
  /** sent, created, updated, removed; "failed: …" or "not sent: …" with the reason. */
  result: string;
  /** The fingerprint of what was sent (recipient and content), or of the event's task. */
  key: string;
}

export const SENT = 'sent';
/** The log keeps its newest rows; older ones go (a message identical to one that old is sent again). */
export const KEPT_NOTIFICATIONS = 10_000;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** The log back from the sheet's values (columns found by header); rows without a channel skipped. */
export function readNotifications(grid: Grid): Notification[] {
  const header = (grid[0] ?? []).map((h) => normalizeName(text(h)));
  const columns = NOTIFICATIONS_HEADER.map((name) => header.indexOf(normalizeName(name)));
  if (columns[1] < 0) return [];
  const [when, channel, to, what, result, key] = columns.map((c) => (row: readonly unknown[]) => (c < 0 ? '' : text(row[c])));
  return grid
    .slice(1)
    .filter((row) => channel(row))
    .map((row) => ({
      when: when(row),
      channel: channel(row) as Channel,
      to: to(row),
      what: what(row),
      result: result(row),
      key: key(row),
    }));
}

/** Keys of the messages already sent. */
export function sentKeys(log: readonly Notification[]): Set<string> {
  return new Set(log.filter((n) => n.result === SENT && n.key).map((n) => n.key));
}

export function notificationsSheet(log: readonly Notification[]): SheetOutput {
  const kept = log.slice(-KEPT_NOTIFICATIONS);
  const values: Cell[][] = [[...NOTIFICATIONS_HEADER], ...kept.map((n) => [n.when, n.channel, n.to, n.what, n.result, n.key])];
  const failed = (n: Notification) => /^(failed|not sent)/.test(n.result);
  return {
    name: NOTIFICATIONS_SHEET,
    values,
    backgrounds: [
      NOTIFICATIONS_HEADER.map(() => '#e8eaed'),
      ...kept.map((n) => NOTIFICATIONS_HEADER.map(() => (failed(n) ? '#fce8e6' : null))),
    ],
    notes: [
      [
        'Written by Crewsheet each time the Plan panel tells people: one row per calendar event created, updated or removed, email sent and client copy refreshed, newest last. Failures are red; sending again sends only what is missing. Key: what was sent, so the same message is never sent twice.',
      ],
    ],
    boldRows: [0],
    frozenRows: 1,
    columnWidths: [130, 100, 280, 420, 260, 130],
  };
}
