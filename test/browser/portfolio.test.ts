// The Plan panel searches on every core: a portfolio of searches in Web Workers, the best plan kept,
// one search on the page where workers cannot start. (Which plan a portfolio keeps, and that it is the
// same every time, is tested without a browser in test/unit/portfolio.test.ts.)

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORES, launch, openPreview, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const NO_WORKERS = 'delete globalThis.Worker;';

/** Plans the sample firm from the Plan panel; the figures shown and the Schedule sheet written. */
async function plan(init: string): Promise<{ figures: string; schedule: string; errors: string[] }> {
  const preview = await openPreview(browser, { sample: true, init });
  const { page } = preview;
  await sidebar(page).getByRole('button', { name: 'Plan and write Schedule' }).click();
  await sidebar(page).getByText('Schedule written').waitFor({ timeout: 120_000 });
  const figures = (await sidebar(page).locator('table.figures').textContent()) ?? '';
  await page.locator('#tabs button', { hasText: /^Schedule$/ }).click();
  await page.locator('#grid table[data-sheet="Schedule"]').waitFor();
  const schedule = (await page.locator('#grid table').textContent()) ?? '';
  const errors = [...preview.errors];
  await preview.close();
  return { figures, schedule, errors };
}

describe('the Plan panel on several cores', () => {
  it('runs one search per core in workers and keeps the best plan', async () => {
    const portfolio = await plan(CORES(3));
    expect(portfolio.figures).toMatch(/Searches\s*3 at once, best kept/);
    expect(portfolio.schedule).toContain('Helios CES Booth');
    expect(portfolio.errors).toEqual([]);
  }, 300_000);

  it('plans with one search on the page where workers cannot start', async () => {
    const alone = await plan(`${CORES(4)} ${NO_WORKERS}`);
    expect(alone.figures).toMatch(/Searches\s*one/);
    expect(alone.schedule).toContain('Helios CES Booth');
    expect(alone.errors).toEqual([]);
  }, 300_000);
});
