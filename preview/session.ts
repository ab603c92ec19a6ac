// One preview workbook: the in-memory spreadsheet filled with the sample firm by the add-on itself,
// plus a tab of example formulas per custom function, recalculated after every change.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planningMonday } from '../examples/sample-workbook';
import { dateToDay } from '../src/model/dates';
import { sampleSheets } from '../src/model/setup';
import { EditHistory } from './edits';
import { addExamples } from './examples';
import { type Addon, loadAddon } from './gas/addon';
import { type FormulaCell, formulaCells, recalculateCell } from './gas/formulas';
import { createServices, type FakeServices } from './gas/services';
import { FakeSpreadsheet } from './gas/spreadsheet';

export interface PreviewSession {
  ss: FakeSpreadsheet;
  services: FakeServices;
  addon: Addon;
  sidebarHtml: string;
  /** The user's edits in the grid, for Undo. */
  history: EditHistory;
  /** Sheets changed since their formulas were last listed for recalculation. */
  changed: Set<string>;
  /** Formulas waiting to be recalculated. */
  pending: FormulaCell[];
  /** Recalculates the next formula that reads a changed sheet; false once none is left. */
  recalculateNext(): boolean;
}

export interface SessionOptions {
  /** Fill the workbook with the sample firm. */
  sample: boolean;
  /** The instant the script's clock reads (tests); the real time when absent. */
  now?: Date;
  /** Add the tabs of example formulas (default yes). */
  examples?: boolean;
}

export async function startSession(distDir: string, options: SessionOptions = { sample: true }): Promise<PreviewSession> {
  const [code, sidebarHtml] = await Promise.all([
    readFile(join(distDir, 'Code.js'), 'utf8'),
    readFile(join(distDir, 'sidebar.html'), 'utf8'),
  ]);
  const ss = new FakeSpreadsheet('Northlight AV — plan (preview)', 'America/New_York');
  const services = createServices(ss);
  const addon = loadAddon(code, services, options.now);
  addon.call('onOpen', { authMode: 'NONE' });
  const today = dateToDay(options.now ?? new Date(), ss.timeZone);
  if (options.sample) addon.run('setUpSheets', [{ sample: sampleSheets(today) }]);
  // A new spreadsheet has one empty sheet.
  else ss.load('Sheet1', []);
  if (options.examples !== false) addExamples(ss, planningMonday(today));
  if (ss.sheets.length) ss.setActiveSheet(ss.sheets[0]);
  const session: PreviewSession = {
    ss,
    services,
    addon,
    sidebarHtml,
    history: new EditHistory(),
    // Every formula is due: the page has them calculated, one at a time, as soon as it opens.
    changed: new Set(ss.sheets.map((sheet) => sheet.name)),
    pending: [],
    recalculateNext() {
      const same = (a: FormulaCell) => (b: FormulaCell) => a.sheet === b.sheet && a.row === b.row && a.column === b.column;
      for (const cell of formulaCells(ss, session.changed)) if (!session.pending.some(same(cell))) session.pending.push(cell);
      session.changed.clear();
      const next = session.pending.shift();
      // The cell may have been edited or its sheet deleted while it waited.
      const formula = next && ss.sheets.includes(next.sheet) ? next.sheet.cell(next.row, next.column)?.formula : undefined;
      if (next && formula) recalculateCell(addon, ss, { ...next, formula });
      return session.pending.length > 0;
    },
  };
  ss.log.reset();
  return session;
}
