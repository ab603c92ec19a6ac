// Close-out in the preview: the panel writes the sheet with a checkbox per checklist item, the project
// manager ticks them in the grid, the ticks survive writing the sheet again, and with Settings > On
// Time Needs Close-out the Quotas panel counts the project on time only once its checklist is ticked.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goToSheet, launch, openPreview, sidebar, typeRow } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function writeCloseout(page: Page): Promise<string> {
  const panel = sidebar(page);
  await panel.getByRole('tab', { name: 'Close-out' }).click();
  await panel.getByRole('button', { name: 'Write Close-out' }).click();
  const message = panel.locator('#panel-closeout .message.ok');
  await message.waitFor({ timeout: 90_000 });
  await goToSheet(page, 'Close-out');
  return (await message.textContent()) ?? '';
}

async function onTimeKpi(page: Page): Promise<string> {
  const panel = sidebar(page);
  await panel.getByRole('tab', { name: 'Quotas' }).click();
  await panel.getByLabel('As of').fill('2026-11-21');
  await panel.getByRole('button', { name: 'Show quotas' }).click();
  await panel.getByText('9 quotas as of 2026-11-21').waitFor({ timeout: 90_000 });
  return (await panel.locator('#panel-quotas table.figures').textContent()) ?? '';
}

const galaBoxes = (page: Page) =>
  page.locator('#grid tbody tr', { hasText: 'Civic Arts Donor Gala' }).filter({ hasText: 'Checklist' }).locator('input[type=checkbox]');

describe('the Close-out panel', () => {
  it('writes checkboxes the project manager ticks; ticks survive a rewrite and let the project count as on time', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    expect(await writeCloseout(page)).toContain('Close-out sheet written: 3 projects.');
    const boxes = page.locator('#grid table[data-sheet="Close-out"] input[type=checkbox]');
    expect(await boxes.count()).toBe(12);
    expect(await page.locator('#grid table').textContent()).toContain('Rigging plan signed off');

    await goToSheet(page, 'Settings');
    await typeRow(page, 10, ['On Time Needs Close-out', 'yes']);
    expect(await onTimeKpi(page)).toMatch(/On-time delivery\s*0% \(0 of 2\)/);

    await goToSheet(page, 'Close-out');
    const gala = galaBoxes(page);
    expect(await gala.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await gala.nth(i).click();
      await expect.poll(() => gala.nth(i).isChecked()).toBe(true);
    }
    expect(await writeCloseout(page)).toContain('(1 of 3 are)');
    expect(await galaBoxes(page).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked))).toEqual([true, true, true]);
    expect(await page.locator('#grid table[data-sheet="Close-out"] input[type=checkbox]:checked').count()).toBe(3);

    expect(await onTimeKpi(page)).toMatch(/On-time delivery\s*50% \(1 of 2\)/);
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 300_000);
});
