// Server calls the sidebar makes (through its typed client). The heavy work runs in the sidebar;
// these read the workbook once and write whole output sheets.

import type { SetUpReport, WorkbookSnapshot, WriteReport } from '../api';
import { dayToIso } from '../model/dates';
import type { SheetOutput } from '../model/output';
import type { SampleSheets } from '../model/setup';
import { today } from './lib/clock';
import { withDocumentLock } from './lib/lock';
import { ownedSheet, writeOutputSheets } from './lib/outputs';
import { setUpSheets as setUp } from './lib/setup';
import { localeOf, readInputSheets, timeZoneOf, toCells } from './lib/spreadsheet';

/**
 * Every input sheet, and the Baseline and Close-out sheets Crewsheet wrote, one read each, dates as ISO days in the
 * spreadsheet's time zone.
 */
export function getWorkbook(): WorkbookSnapshot {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const raw = readInputSheets(ss);
  const sheets = Object.fromEntries(Object.entries(raw).map(([tab, grid]) => [tab, toCells(grid, timeZone)]));
  const published = ownedSheet(ss, 'Baseline');
  const closeout = ownedSheet(ss, 'Close-out');
  return {
    spreadsheetName: ss.getName(),
    timeZone,
    locale: localeOf(ss),
    today: dayToIso(today(timeZone)),
    sheets,
    ...(published ? { baseline: toCells(published.getDataRange().getValues(), timeZone) } : {}),
    closeout: closeout ? toCells(closeout.getDataRange().getValues(), timeZone) : null,
  };
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

/** A sheet-qualified A1 address as messages write it: Tasks!D20, 'My sheet'!B2:C9. */
const ADDRESS = /^('(?:[^']|'')+'|[^!'"]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

/** Selects the cell or range a message names, on its sheet, as clicking it would. */
export function showRange(a1: string): void {
  if (typeof a1 !== 'string') throw new Error('Not a cell address: give one like Tasks!D20.');
  if (!ADDRESS.test(a1)) throw new Error(`"${a1.slice(0, 60)}" is not a cell address like Tasks!D20.`);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const name = a1
    .slice(0, a1.lastIndexOf('!'))
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`There is no sheet named "${name}" any more.`);
  const range = sheet.getRange(a1.slice(a1.lastIndexOf('!') + 1));
  sheet.activate();
  range.activate();
}
