// Writes a client copy's sheets through the advanced Sheets service (v4), which works on files
// Crewsheet created under the drive.file scope. Everything goes in one batchUpdate: per sheet, one
// updateCells carrying its values and colours. Values are typed literals (stringValue, numberValue,
// boolValue), never formulas: text starting with = + - @ stays the text it is, and nothing can link
// back to the firm's spreadsheet.

import { isoToDay, SHEETS_EPOCH } from '../../model/dates';
import { type Cell, isDateCell, type SheetOutput } from '../../model/output';
import type { ClientCopy } from '../../share/copy';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type SheetProperties = GoogleAppsScript.Sheets.Schema.SheetProperties;

/** Fixed ids for the copy's sheets, so a refresh finds its own sheets however they were renamed. */
const SHEET_IDS = [1001, 1002, 1003, 1004];
const DATE_PATTERN = 'yyyy-mm-dd';

function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new Error('Sharing needs the Google Sheets API advanced service, which is not enabled for this script.');
  }
  return Sheets;
}

function rgb(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const channel = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16) / 255;
  return { red: channel(1), green: channel(3), blue: channel(5) };
}

function cellData(value: Cell, background: string | null | undefined, bold: boolean, pattern: string): CellData {
  const data: CellData = {};
  const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
  if (typeof value === 'string') data.userEnteredValue = { stringValue: value };
  else if (typeof value === 'number') data.userEnteredValue = { numberValue: value };
  else if (typeof value === 'boolean') data.userEnteredValue = { boolValue: value };
  else if (isDateCell(value)) {
    const day = isoToDay(value.date);
    data.userEnteredValue = day === undefined ? { stringValue: value.date } : { numberValue: day - SHEETS_EPOCH };
    if (day !== undefined) format.numberFormat = { type: 'DATE', pattern: pattern || DATE_PATTERN };
  }
  if (background && /^#[0-9a-f]{6}$/i.test(background)) format.backgroundColor = rgb(background);
  if (bold) format.textFormat = { bold: true };
  if (Object.keys(format).length) data.userEnteredFormat = format;
  return data;
}

/** One sheet's size, layout and cells: one updateCells over the whole sheet clears whatever was there. */
function sheetRequests(sheetId: number, index: number, output: SheetOutput): Request[] {
  const height = Math.max(1, output.values.length);
  const width = Math.max(1, ...output.values.map((r) => r.length));
  const bold = new Set(output.boldRows ?? []);
  const frozenRowCount = output.frozenRows ?? 0;
  const frozenColumnCount = output.frozenColumns ?? 0;
  const rows = Array.from({ length: height }, (_, r) => ({
    values: Array.from({ length: width }, (_, c) =>
      cellData(output.values[r]?.[c] ?? null, output.backgrounds?.[r]?.[c], bold.has(r), output.numberFormats?.[r]?.[c] ?? ''),
    ),
  }));
  const properties: SheetProperties = {
    sheetId,
    title: output.name,
    index,
    hidden: false,
    gridProperties: {
      rowCount: Math.max(height, frozenRowCount + 1),
      columnCount: Math.max(width, frozenColumnCount + 1),
      frozenRowCount,
      frozenColumnCount,
    },
  };
  const widths: Request[] = (output.columnWidths ?? []).flatMap((pixelSize, c) =>
    pixelSize > 0 && c < width
      ? [
          {
            updateDimensionProperties: {
              range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 },
              properties: { pixelSize },
              fields: 'pixelSize',
            },
          },
        ]
      : [],
  );
  return [
    {
      updateSheetProperties: {
        properties,
        fields: 'title,index,hidden,gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount)',
      },
    },
    { updateCells: { range: { sheetId }, rows, fields: 'userEnteredValue,userEnteredFormat,note' } },
    ...widths,
  ];
}

/**
 * The whole copy as one batch: the title, the copy's own sheets (added when missing), every other
 * sheet removed (a copy holds only what Crewsheet wrote), then each sheet's size and cells.
 */
export function copyRequests(existing: readonly SheetProperties[], copy: ClientCopy): Request[] {
  if (copy.sheets.length > SHEET_IDS.length) throw new Error('A client copy has at most four sheets.');
  const ids = copy.sheets.map((_, i) => SHEET_IDS[i]);
  const present = new Set(existing.map((s) => s.sheetId));
  return [
    { updateSpreadsheetProperties: { properties: { title: copy.title }, fields: 'title' } },
    ...ids.filter((id) => !present.has(id)).map((sheetId): Request => ({ addSheet: { properties: { sheetId } } })),
    ...existing.filter((s) => !ids.includes(s.sheetId as number)).map((s): Request => ({ deleteSheet: { sheetId: s.sheetId } })),
    // Temporary titles first, so two of the copy's sheets can swap names without a clash.
    ...ids.map((sheetId): Request => ({ updateSheetProperties: { properties: { sheetId, title: `~${sheetId}` }, fields: 'title' } })),
    ...copy.sheets.flatMap((sheet, i) => sheetRequests(ids[i], i, sheet)),
  ];
}

/** Replaces the copy's content: one read of its sheet list, one batch write. */
export function writeCopy(fileId: string, copy: ClientCopy): void {
  const api = sheetsApi();
  const existing = (api.Spreadsheets.get(fileId, { fields: 'sheets.properties(sheetId,title)' }).sheets ?? []).map(
    (s) => s.properties ?? {},
  );
  api.Spreadsheets.batchUpdate({ requests: copyRequests(existing, copy) }, fileId);
}
