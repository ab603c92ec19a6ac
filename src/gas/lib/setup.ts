// "Set up sheets": creates missing input sheets with headers, notes, dropdowns and formats, and on
// request fills an empty workbook with the sample firm (whose rows come from the sidebar, keeping
// them out of the script every custom function loads). Existing sheets keep every value they have.

import type { SetUpReport } from '../../api';
import type { Format } from '../../model/columns';
import type { Cell } from '../../model/output';
import { findTab } from '../../model/read';
import { type InputSheetLayout, inputSheetLayouts, type SampleSheets } from '../../model/setup';
import { withDocumentLock } from './lock';
import { timeZoneOf } from './spreadsheet';
import { toSheetValue } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NUMBER_FORMATS: Record<Format, string> = {
  text: '@',
  date: 'yyyy-mm-dd',
  number: '#,##0.##',
  money: '#,##0.00',
  percent: '0%',
};

const FORMATTED_ROWS = 1000;

function createSheet(ss: Spreadsheet, layout: InputSheetLayout): Sheet {
  const sheet = ss.insertSheet(layout.name);
  const width = layout.headers.length;
  const header = sheet.getRange(1, 1, 1, width);
  header.setValues([layout.headers]);
  header.setNotes([layout.notes]);
  header.setFontWeight('bold');
  header.setBackground('#e8eaed');
  sheet.setFrozenRows(1);
  layout.headers.forEach((_, c) => {
    const column = sheet.getRange(2, c + 1, FORMATTED_ROWS - 1, 1);
    const format = layout.formats[c];
    if (format) column.setNumberFormat(NUMBER_FORMATS[format]);
    const choices = layout.choices[c];
    if (choices) {
      column.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...choices], true)
          .setAllowInvalid(true)
          .build(),
      );
    }
  });
  return sheet;
}

function hasDataRows(sheet: Sheet): boolean {
  return sheet.getLastRow() > 1;
}

/** The rows sent for one sheet, checked: a table of plain cells no wider than the sheet's headers. */
function rowsFor(sample: SampleSheets | undefined, layout: InputSheetLayout): Cell[][] {
  const rows = sample?.[layout.name];
  if (rows === undefined) return [];
  const plain = (c: unknown) =>
    c === null ||
    ['string', 'number', 'boolean'].includes(typeof c) ||
    (typeof c === 'object' && typeof (c as { date?: unknown }).date === 'string');
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.length <= layout.headers.length && r.every(plain))) {
    throw new Error(`The rows sent for ${layout.name} are not a table of plain values.`);
  }
  return rows.map((r) => [...r, ...new Array(layout.headers.length - r.length).fill(null)]);
}

/**
 * Creates every missing input sheet; with sample rows (the sidebar sends the sample firm's), fills
 * them, but only into a workbook whose input sheets are all empty.
 */
export function setUpSheets(ss: Spreadsheet, sample?: SampleSheets): SetUpReport {
  return withDocumentLock(() => {
    const tabs = Object.fromEntries(ss.getSheets().map((s) => [s.getName(), [] as unknown[][]]));
    const layouts = inputSheetLayouts().map((layout) => ({ layout, tab: findTab(tabs, layout) }));
    if (sample) {
      const busy = layouts.filter(({ tab }) => tab && hasDataRows(ss.getSheetByName(tab) as Sheet)).map(({ tab }) => tab);
      if (busy.length) {
        throw new Error(
          `The sample firm only goes into empty sheets, and these already have rows: ${busy.join(', ')}. Try it in a new spreadsheet.`,
        );
      }
    }
    const timeZone = timeZoneOf(ss);
    const report: SetUpReport = { created: [], filled: [] };
    // Every sheet's rows are checked before anything is created, so bad rows change nothing.
    const filled = layouts.map(({ layout, tab }) => ({ layout, tab, rows: rowsFor(sample, layout) }));
    for (const { layout, tab, rows } of filled) {
      const sheet = tab ? (ss.getSheetByName(tab) as Sheet) : createSheet(ss, layout);
      if (!tab) report.created.push(layout.name);
      if (!rows.length) continue;
      if (tab) sheet.getRange(1, 1, 1, layout.headers.length).setValues([layout.headers]);
      sheet.getRange(2, 1, rows.length, layout.headers.length).setValues(rows.map((r) => r.map((c) => toSheetValue(c, timeZone))));
      report.filled.push(layout.name);
    }
    return report;
  });
}
