// Server calls the sidebar makes (through its typed client). The heavy work runs in the sidebar;
// these read the workbook once and write whole output sheets.

import type { SetUpReport, WorkbookSnapshot, WriteReport } from '../api';
import { dayToIso } from '../model/dates';
import type { SheetOutput } from '../model/output';
import type { SampleSheets } from '../model/setup';
import { today } from './lib/clock';
import { withDocumentLock } from './lib/lock';
import { writeOutputSheets } from './lib/outputs';
import { setUpSheets as setUp } from './lib/setup';
import { readInputSheets, timeZoneOf, toCells } from './lib/spreadsheet';

/** Every input sheet, one read each, dates as ISO days in the spreadsheet's time zone. */
export function getWorkbook(): WorkbookSnapshot {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const raw = readInputSheets(ss);
  const sheets = Object.fromEntries(Object.entries(raw).map(([tab, grid]) => [tab, toCells(grid, timeZone)]));
  return { spreadsheetName: ss.getName(), timeZone, today: dayToIso(today(timeZone)), sheets };
}

/** Rewrites the given output sheets, all or none; input sheets (and users' own sheets) are never written. */
export function writeOutputs(outputs: SheetOutput[]): WriteReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  return withDocumentLock(() => {
    const report = writeOutputSheets(ss, outputs, timeZone);
    // Show the user what they asked for.
    const first = ss.getSheetByName(report.written[0].sheet);
    if (first) ss.setActiveSheet(first);
    return report;
  });
}

/** Creates missing input sheets; with sample rows, fills an empty workbook with them. */
export function setUpSheets(options: { sample?: SampleSheets }): SetUpReport {
  return setUp(SpreadsheetApp.getActiveSpreadsheet(), options?.sample);
}
