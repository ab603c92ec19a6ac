// Custom functions typed into the preview's grid, as a user types them in Sheets: UTILIZATION over a
// period held in a cell, ATTAINMENT for a quota the plan has yet to reach.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAt, goToSheet, launch, openPreview } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('custom functions typed in the grid', () => {
  it('answers UTILIZATION for a year typed in a cell, and ATTAINMENT for a quarter only the plan reaches', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const typeAt = async (row: number, column: number, text: string) => {
      await cellAt(page, row, column).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    /** The text of a row of the sheet shown, cell by cell. */
    const rowText = (row: number) => page.locator(`#grid tbody tr:nth-child(${row}) td`).allTextContents();

    // A quota for next quarter: nothing is logged yet, so every hour of it comes from the plan.
    await goToSheet(page, 'Quotas');
    await typeAt(11, 1, 'Dev Patel');
    await typeAt(11, 2, 'Billable Hours');
    await typeAt(11, 3, '2027-Q1');
    await typeAt(11, 4, '300');

    await goToSheet(page, 'Settings');
    // 2027 typed in a cell is a number: UTILIZATION reads it as the year, as the Quotas sheet would.
    await typeAt(1, 4, '2027');
    await typeAt(2, 4, '=UTILIZATION(Tasks!A:R, Staff!A:K, TimeOff!A:E, D1)');
    await typeAt(20, 4, '=ATTAINMENT(Quotas!A:D, Projects!A:P)');
    await page.locator('#status', { hasText: 'Calculating formulas…' }).waitFor();
    await page.waitForFunction(() => !document.getElementById('status')?.textContent, undefined, { timeout: 120_000 });

    expect((await rowText(2)).slice(3, 7)).toEqual(['Name', 'Capacity', 'Scheduled', 'Utilization %']);
    const everyone = page.locator('#grid tbody tr', { hasText: 'All staff' });
    const [capacity, scheduled] = (await everyone.locator('td').allTextContents()).slice(4, 6).map((t) => Number(t.replace(/,/g, '')));
    // Fifteen people over a year of working days, and the plan's hours in 2027.
    expect(capacity).toBeGreaterThan(15 * 1_500);
    expect(scheduled).toBeGreaterThan(0);

    const quota = page.locator('#grid tbody tr', { hasText: '2027-Q1' });
    const [owner, metric, period, target, actual, , projected, status] = (await quota.locator('td').allTextContents()).slice(3, 11);
    expect([owner, metric, period, target, actual]).toEqual(['Dev Patel', 'Billable Hours', '2027-Q1', '300', 'starts 2027-01-01']);
    expect(Number(projected)).toBeGreaterThan(0);
    expect(status).toBe('not started');
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 180_000);
});
