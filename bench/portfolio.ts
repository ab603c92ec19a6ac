// The Plan panel's portfolio: one search per core, each in a Web Worker, the best plan kept. Two
// figures per firm and core count k:
// - wall time in the browser it runs in: the built sidebar in Debian's Chromium against the preview,
//   told it has k cores, from "Plan and write Schedule" to "Schedule written" (run on a quiet machine);
// - the plan kept, computed here with the same searches (the panel's k searches): its
//   priority-weighted lateness and finish, the terms the panel compares plans by.
//
//   npm run build && npm run bench:portfolio [-- --cores 1,2 --seeds 3]

import { join } from 'node:path';
import { generateFirm } from '../examples/generate-firm';
import { startPreview } from '../preview/server';
import { dayOf } from '../src/model/dates';
import { readWorkbook } from '../src/model/read';
import type { Terms } from '../src/schedule/objective';
import { panelSearch, portfolioWinner } from '../src/schedule/portfolio';
import { Planner } from '../src/schedule/schedule';
import { CORES, launch } from '../test/support/browser';
import { option } from './args';

const DIST = join(import.meta.dirname, '..', '..', '..', 'dist');
const cores = option('--cores', '1,2').split(',').map(Number);
const seeds = Number(option('--seeds', '3'));
/** Tight firms, where a longer search pays (bench:depth): staff × tasks over months. */
const FIRM = { staff: 15, tasks: 200, months: 3 };
const NOW = new Date('2027-01-04T14:00:00Z');

/** The committed terms of each search of the portfolio, as the panel's workers find them. */
function searches(raw: ReturnType<typeof generateFirm>, count: number): Terms[] {
  const { plan } = readWorkbook(raw, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
  return Array.from({ length: count }, (_, k) => {
    const planner = new Planner(plan, panelSearch(k));
    while (!planner.step(1000));
    return planner.committedTerms;
  });
}

const browser = await launch();
console.log(`${seeds} firms of ${FIRM.staff} staff × ${FIRM.tasks} tasks over ${FIRM.months} months, Plan panel defaults`);
console.log(['firm', 'cores', 'wall s', 'weighted lateness kept', 'finish kept'].join('\t'));
const sums = new Map<number, { seconds: number; late: number }>();
try {
  for (let seed = 1; seed <= seeds; seed++) {
    const raw = generateFirm({ ...FIRM, seed });
    const found = searches(raw, Math.max(...cores));
    for (const n of cores) {
      const preview = await startPreview(DIST, 0, { sample: false, now: NOW, examples: false });
      for (const [name, rows] of Object.entries(raw)) preview.session().ss.load(name, rows);
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await page.addInitScript(CORES(n));
      await page.goto(preview.url);
      const panel = page.frameLocator('#sidebar');
      await panel.getByRole('button', { name: 'Plan and write Schedule' }).click();
      const t0 = performance.now();
      await panel.getByText('Schedule written').waitFor({ timeout: 600_000 });
      const seconds = (performance.now() - t0) / 1000;
      const shown = (await panel.locator('table.figures').textContent()) ?? '';
      if (!new RegExp(`Searches\\s*${n > 1 ? `${n} at once` : 'one'}`).test(shown)) throw new Error(`the panel did not run ${n} searches`);
      await page.close();
      await preview.close();
      const kept = found[portfolioWinner(found.slice(0, n))];
      console.log([seed, n, seconds.toFixed(1), kept.lateness, kept.finish].join('\t'));
      const s = sums.get(n) ?? { seconds: 0, late: 0 };
      s.seconds += seconds;
      s.late += kept.lateness;
      sums.set(n, s);
    }
  }
} finally {
  await browser.close();
}
const one = sums.get(cores[0]);
for (const [n, s] of sums)
  console.log(
    `# ${n} core(s): mean wall ${(s.seconds / seeds).toFixed(1)} s, mean weighted lateness ${(s.late / seeds).toFixed(1)}` +
      (one && n !== cores[0]
        ? ` (time ×${(s.seconds / one.seconds).toFixed(2)}, lateness ×${(s.late / Math.max(1, one.late)).toFixed(2)} vs ${cores[0]})`
        : ''),
  );
