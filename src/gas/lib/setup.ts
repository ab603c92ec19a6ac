// "Set up sheets": creates missing input sheets with headers, notes, dropdowns and formats, and on
// request fills an empty workbook with the sample firm. Existing sheets keep every value they have.

import type { SetUpReport } from '../../api';
import type { Format } from '../../model/columns';
import { findTab } from '../../model/read';
import { type InputSheetLayout, inputSheetLayouts, sampleRows } from '../../model/setup';
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

export function setUpSheets(ss: Spreadsheet, sample: boolean): SetUpReport {
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
    for (const { layout, tab } of layouts) {
      const sheet = tab ? (ss.getSheetByName(tab) as Sheet) : createSheet(ss, layout);
      if (!tab) report.created.push(layout.name);
      if (!sample) continue;
      const rows = sampleRows(layout);
      if (!rows.length) continue;
      if (tab) sheet.getRange(1, 1, 1, layout.headers.length).setValues([layout.headers]);
      sheet.getRange(2, 1, rows.length, layout.headers.length).setValues(rows.map((r) => r.map((c) => toSheetValue(c, timeZone))));
      report.filled.push(layout.name);
    }
    return report;
  });
}
