// Reads the workbook through one server call and parses it here, in the user's browser.

import type { WorkbookSnapshot } from '../src/api';
import { isoToDay } from '../src/model/dates';
import { hasErrors } from '../src/model/problems';
import { type ReadResult, readWorkbook } from '../src/model/read';
import { server } from './server';

export interface LoadedWorkbook extends ReadResult {
  snapshot: WorkbookSnapshot;
  ok: boolean;
}

export async function loadWorkbook(): Promise<LoadedWorkbook> {
  const snapshot = await server.getWorkbook();
  const today = isoToDay(snapshot.today) as number;
  const result = readWorkbook(snapshot.sheets, { timeZone: snapshot.timeZone, today });
  return { ...result, snapshot, ok: !hasErrors(result.problems) };
}
