// One preview workbook: the in-memory spreadsheet filled with the sample firm by the add-on itself,
// plus tabs of example custom-function formulas that recalculate after every change.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dateToDay } from '../src/model/dates';
import { sampleSheets } from '../src/model/setup';
import { EditHistory } from './edits';
import { type Addon, loadAddon } from './gas/addon';
import { type FormulaCell, formulaCells, recalculate, recalculateCell } from './gas/formulas';
import { createServices, type FakeServices } from './gas/services';
import { FakeSpreadsheet } from './gas/spreadsheet';

/** Example formulas, each on its own tab so its answer can spill. */
export const EXAMPLE_FORMULAS: { tab: string; note: string; formula: string }[] = [
  {
    tab: 'ƒ ASSIGN',
    note: 'Who does each open task and when, with the reason (plan start from Settings!B2)',
    formula: '=ASSIGN(Tasks!A:R, Staff!A:K, Projects!A:P, TimeOff!A:E, Settings!B2)',
  },
  {
    tab: 'ƒ ATTAINMENT',
    note: 'Quota attainment as of today: actual, pace, projection and status per Quotas row',
    formula: '=ATTAINMENT(Quotas!A:D, Projects!A:P)',
  },
  {
    tab: 'ƒ BUDGETRANGE',
    note: 'Cost and price ranges (P10 / P50 / P90) per project',
    formula: '=BUDGETRANGE(Tasks!A:R, Staff!A:K, Costs!A:G, Projects!A:P)',
  },
  {
    tab: 'ƒ ESTIMATE',
    note: 'A 40-hour estimate, calibrated on the firm’s finished tasks (Hours vs Actual Hours)',
    formula: '=ESTIMATE(40, Tasks!D2:D18, Tasks!N2:N18)',
  },
  {
    tab: 'ƒ SKILLMATCH',
    note: 'How well each person covers "LED:3 x2; Rigging:3" (one number per Staff row)',
    formula: '=SKILLMATCH("LED:3 x2; Rigging:3", Staff!D2:D16)',
  },
];

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
  if (options.sample) addon.run('setUpSheets', [{ sample: sampleSheets(dateToDay(options.now ?? new Date(), ss.timeZone)) }]);
  for (const example of EXAMPLE_FORMULAS) {
    const sheet = ss.load(example.tab, [[example.note]]);
    sheet.edit(3, 1).formula = example.formula;
  }
  if (ss.sheets.length) ss.setActiveSheet(ss.sheets[0]);
  const session: PreviewSession = {
    ss,
    services,
    addon,
    sidebarHtml,
    history: new EditHistory(),
    changed: new Set(),
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
  recalculate(addon, ss);
  ss.log.reset();
  return session;
}
