// The sheets a custom function depends on besides the ranges it is passed, read from its own
// spreadsheet (custom functions may read it, without authorization): Settings (plan start, proposals,
// currency, coverage…), Templates (projects planned from their Type), Clients (Since, managers), so a
// formula reads the workbook the way the panels do. Sheets recalculates a formula when its ranges
// change, not when these sheets do.

import type { RawWorkbook } from '../../model/read';
import { readTabs, type SheetSpec } from './spreadsheet';

/** This spreadsheet's tabs holding these sheets, with their values (see readTabs). */
export function contextSheets(specs: readonly SheetSpec[]): RawWorkbook {
  return readTabs(SpreadsheetApp.getActiveSpreadsheet(), specs);
}
