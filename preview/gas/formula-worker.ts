// Computes custom-function formulas off the preview server's thread, as Sheets computes formulas
// apart from the script's other runs: the sidebar's calls and the grid's edits are not kept waiting
// behind a formula that plans the whole firm. Each formula gets a fresh copy of the add-on (Apps
// Script loads the whole script for every recalculation) against a copy of the workbook's values.

import { parentPort, workerData } from 'node:worker_threads';
import { loadAddon } from './addon';
import { evaluate, type FormulaJob } from './formulas';
import { createServices } from './services';
import { FakeSpreadsheet } from './spreadsheet';

const { code, now } = workerData as { code: string; now?: number };

parentPort?.on('message', (job: FormulaJob) => {
  const ss = new FakeSpreadsheet(job.title, job.timeZone, undefined, job.locale);
  for (const { name, values } of job.sheets) ss.load(name, values);
  const home = ss.sheets.find((s) => s.name === job.sheet);
  try {
    if (!home) throw new Error(`Unresolved sheet name '${job.sheet}'`);
    const addon = loadAddon(code, createServices(ss), now === undefined ? undefined : new Date(now));
    parentPort?.postMessage({ answer: evaluate(addon, ss, home, job.formula) });
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message });
  }
});
