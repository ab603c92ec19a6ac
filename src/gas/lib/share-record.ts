// The Shares sheet in the user's spreadsheet: read back for the sidebar and for Revoke, and rewritten
// whole through the usual output path (a fresh tab swapped in), so input sheets are never touched.

import { nameKey } from '../../model/work';
import { mergeShares, readShares, SHARES_SHEET, type ShareRecord, sharesSheet } from '../../share/shares';
import { replaceOutputSheet } from './spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readSharesSheet(ss: Spreadsheet): ShareRecord[] {
  const sheet = ss.getSheetByName(SHARES_SHEET);
  return sheet ? readShares(sheet.getDataRange().getValues()) : [];
}

export function recordOf(records: readonly ShareRecord[], client: string): ShareRecord | undefined {
  return records.find((r) => nameKey(r.client) === nameKey(client));
}

/** Replaces the given clients' rows, keeps the others, and shows the sheet. */
export function writeSharesSheet(ss: Spreadsheet, updates: readonly ShareRecord[], timeZone: string): void {
  if (!updates.length) return;
  replaceOutputSheet(ss, sharesSheet(mergeShares(readSharesSheet(ss), updates)), timeZone);
  const sheet = ss.getSheetByName(SHARES_SHEET);
  if (sheet) ss.setActiveSheet(sheet);
}
