// The contract between the sidebar and the Apps Script side: what each server call takes and returns.
// Only plain data crosses (google.script.run drops Dates): dates travel as DateCell ISO days.

import type { Cell, OutputSheetName, SheetOutput } from './model/output';

export interface WorkbookSnapshot {
  spreadsheetName: string;
  timeZone: string;
  /** Today in the spreadsheet's time zone, ISO. */
  today: string;
  /** Every tab's values, dates as DateCell. */
  sheets: Record<string, Cell[][]>;
}

export interface WriteReport {
  written: { name: string; rows: number; columns: number }[];
}

export interface SetUpReport {
  created: string[];
  filled: string[];
}

export interface SidebarApi {
  /** One read of every sheet. */
  getWorkbook(): WorkbookSnapshot;
  /** Replaces the given output sheets, each in one values write; refuses any other sheet. */
  writeOutputs(outputs: SheetOutput[]): WriteReport;
  /** Creates missing input sheets; with sample, fills an empty workbook with the sample firm. */
  setUpSheets(options: { sample: boolean }): SetUpReport;
}

export type { OutputSheetName };
