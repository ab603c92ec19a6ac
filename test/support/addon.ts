// Loads the built add-on against a fresh in-memory spreadsheet, as Apps Script would.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_WORKBOOK } from '../../examples/sample-workbook';
import { loadAddon } from '../../preview/gas/addon';
import { createServices } from '../../preview/gas/services';
import { FakeSpreadsheet } from '../../preview/gas/spreadsheet';
import { dateToDay } from '../../src/model/dates';
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
/** The instant the script's clock reads in these tests: Monday 23 November 2026, 9 am in New York. */
export const NOW = new Date('2026-11-23T14:00:00Z');

export function addonWith(tabs: Record<string, readonly (readonly unknown[])[]> = {}, timeZone = 'America/New_York', now = NOW) {
  const ss = new FakeSpreadsheet('Test workbook', timeZone);
  for (const [name, grid] of Object.entries(tabs)) ss.load(name, grid);
  const services = createServices(ss);
  const addon = loadAddon(builtCode(), services, now);
  return { ss, services, addon };
}

/** The sample firm loaded the way "Fill with the sample firm" writes it (real dates in date columns). */
export function sampleAddon(now = NOW) {
  const loaded = addonWith({}, 'America/New_York', now);
  loaded.addon.run('setUpSheets', [{ sample: sampleSheets(dateToDay(now, loaded.ss.timeZone)) }]);
  loaded.ss.log.reset();
  loaded.services.touched.length = 0;
  return loaded;
}

export { SAMPLE_WORKBOOK };
