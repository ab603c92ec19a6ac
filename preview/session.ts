// One preview workbook: the in-memory spreadsheet filled with the sample firm by the add-on itself,
// plus a tab of example formulas per custom function, recalculated after every change in a worker
// thread of their own.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planningMonday } from '../examples/sample-workbook';
import { dateToDay } from '../src/model/dates';
import { sampleSheets } from '../src/model/setup';
import { EditHistory } from './edits';
import { addExamples } from './examples';
import { type Addon, loadAddon } from './gas/addon';
import { FormulaRunner } from './gas/formula-runner';
import { type FormulaCell, formulaCells, formulaJob, spillAnswer } from './gas/formulas';
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
  /** The formula being computed. */
  computing?: FormulaCell;
  /** Recalculates the next formula that reads a changed sheet; false once none is left. */
  recalculateNext(): Promise<boolean>;
  /** Stops the thread formulas are computed in. */
  close(): void;
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
  const formulas = new FormulaRunner(join(distDir, '..', 'dist-preview', 'formula-worker.mjs'), code, options.now);
  const services = createServices(ss);
  const addon = loadAddon(code, services, options.now);
  addon.call('onOpen', { authMode: 'NONE' });
  const today = dateToDay(options.now ?? new Date(), ss.timeZone);
  if (options.sample) addon.run('setUpSheets', [{ sample: sampleSheets(today) }]);
  // A new spreadsheet has one empty sheet.
  else ss.load('Sheet1', []);
  if (options.examples !== false) addExamples(ss, planningMonday(today));
  if (ss.sheets.length) ss.setActiveSheet(ss.sheets[0]);
  /** Formulas reading a sheet changed since they were last queued join the queue, each once. */
  const queueChanged = () => {
    const same = (a: FormulaCell) => (b: FormulaCell) => a.sheet === b.sheet && a.row === b.row && a.column === b.column;
    for (const cell of formulaCells(ss, session.changed)) if (!session.pending.some(same(cell))) session.pending.push(cell);
    session.changed.clear();
  };
  const session: PreviewSession = {
    ss,
    services,
    addon,
    sidebarHtml,
    history: new EditHistory(),
    // Every formula is due: the page has them calculated, one at a time, as soon as it opens.
    changed: new Set(ss.sheets.map((sheet) => sheet.name)),
    pending: [],
    async recalculateNext() {
      queueChanged();
      const next = session.pending.shift();
      // The cell may have been edited or its sheet deleted while it waited, or while it was computed.
      const current = (cell: FormulaCell) => (ss.sheets.includes(cell.sheet) ? cell.sheet.cell(cell.row, cell.column)?.formula : undefined);
      const formula = next && current(next);
      if (next && formula) {
        const cell = { ...next, formula };
        session.computing = cell;
        const reply = await formulas.compute(formulaJob(ss, cell));
        session.computing = undefined;
        if (current(cell) === formula) spillAnswer(cell, reply);
      }
      // Edits made while it was computed may have made more formulas due.
      queueChanged();
      return session.pending.length > 0;
    },
    close: () => formulas.close(),
  };
  ss.log.reset();
  return session;
}
