// The Shares sheet in the user's spreadsheet: read back for the sidebar and for Revoke, and rewritten
// whole through the usual output path, so input sheets (and a user's own sheet named Shares) are never touched.

import { nameKey } from '../../model/work';
import { mergeShares, readShares, SHARES_SHEET, type ShareRecord, sharesSheet } from '../../share/shares';
import { ownedSheet, writeOutputSheets } from './outputs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readSharesSheet(ss: Spreadsheet): ShareRecord[] {
  const sheet = ownedSheet(ss, SHARES_SHEET);
  return sheet ? readShares(sheet.getDataRange().getValues()) : [];
}

export function recordOf(records: readonly ShareRecord[], client: string): ShareRecord | undefined {
  return records.find((r) => nameKey(r.client) === nameKey(client));
}

/** Replaces the given clients' rows, keeps the others, and shows the sheet. */
export function writeSharesSheet(ss: Spreadsheet, updates: readonly ShareRecord[], timeZone: string): void {
  if (!updates.length) return;
  const report = writeOutputSheets(ss, [sharesSheet(mergeShares(readSharesSheet(ss), updates))], timeZone);
  const sheet = ss.getSheetByName(report.written[0].sheet);
  if (sheet) ss.setActiveSheet(sheet);
}
