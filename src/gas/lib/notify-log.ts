// The Notifications sheet, read and appended to through the usual output path: input sheets (and a
// user's own sheet named Notifications) are never touched.

import { NOTIFICATIONS_SHEET, type Notification, notificationsSheet, readNotifications } from '../../notify/record';
import { ownedSheet, writeOutputSheets } from './outputs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readLog(ss: Spreadsheet): Notification[] {
  const sheet = ownedSheet(ss, NOTIFICATIONS_SHEET);
  return sheet ? readNotifications(sheet.getDataRange().getValues()) : [];
}

/** Adds rows at the end of the log (nothing is written when there are none). */
export function appendNotifications(ss: Spreadsheet, rows: readonly Notification[], timeZone: string, log = readLog(ss)): void {
  if (rows.length) writeOutputSheets(ss, [notificationsSheet([...log, ...rows])], timeZone);
}
