// Loads the built add-on against a fresh in-memory spreadsheet, as Apps Script would.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_WORKBOOK } from '../../examples/sample-workbook';
import { loadAddon } from '../../preview/gas/addon';
import { createServices } from '../../preview/gas/services';
import { FakeSpreadsheet } from '../../preview/gas/spreadsheet';
import { sampleSheets } from '../../src/model/setup';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

export function builtCode(): string {
  try {
    return readFileSync(join(DIST, 'Code.js'), 'utf8');
  } catch {
    throw new Error('dist/Code.js is missing: run `npm run build` first (npm test does).');
  }
}

/** A spreadsheet holding the given tabs, with the built add-on loaded beside it. */
export function addonWith(tabs: Record<string, readonly (readonly unknown[])[]> = {}, timeZone = 'America/New_York') {
  const ss = new FakeSpreadsheet('Test workbook', timeZone);
  for (const [name, grid] of Object.entries(tabs)) ss.load(name, grid);
  const services = createServices(ss);
  const addon = loadAddon(builtCode(), services);
  return { ss, services, addon };
}

/** The sample firm loaded the way "Fill with the sample firm" writes it (real dates in date columns). */
export function sampleAddon() {
  const loaded = addonWith();
  loaded.addon.run('setUpSheets', [{ sample: sampleSheets() }]);
  loaded.ss.log.reset();
  loaded.services.touched.length = 0;
  return loaded;
}

export { SAMPLE_WORKBOOK };
