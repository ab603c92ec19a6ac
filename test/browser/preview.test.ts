// The real built sidebar in Chromium, inside the preview, calling the built add-on.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterInCell, launch, openPreview, screenshot, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the preview', () => {
  it('fills an empty workbook with the sample firm from the sidebar', async () => {
    const preview = await openPreview(browser, { sample: false });
    const { page } = preview;
    await page.locator('#tabs button').first().waitFor();
    expect(await page.locator('#tabs button').allTextContents()).not.toContain('Staff');
    await sidebar(page).getByRole('tab', { name: 'Sheets' }).click();
    await sidebar(page).getByRole('button', { name: 'Fill with the sample firm' }).click();
    await sidebar(page).getByText('Sample firm written to').waitFor();
    await page.locator('#tabs button', { hasText: 'Staff' }).click();
    await page.locator('#grid table[data-sheet="Staff"]').waitFor();
    expect(await page.locator('#grid table').textContent()).toContain('Lena Brooks');
    expect(await page.locator('#tabs button').allTextContents()).toEqual(
      expect.arrayContaining(['Clients', 'Staff', 'TimeOff', 'Projects', 'Tasks', 'Templates', 'Costs', 'Quotas', 'Settings']),
    );
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 60_000);

  it('plans the sample firm from the sidebar and writes the Schedule sheet', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    await sidebar(page).getByRole('button', { name: 'Plan and write Schedule' }).click();
    const message = sidebar(page).getByText('Schedule written');
    await message.waitFor({ timeout: 60_000 });
    expect(await sidebar(page).locator('table.figures').textContent()).toMatch(/Lower bound\s*\d+ days/);
    await page.locator('#tabs button', { hasText: /^Schedule$/ }).click();
    await page.locator('#grid table[data-sheet="Schedule"]').waitFor();
    const text = await page.locator('#grid table').textContent();
    expect(text).toContain('Crewsheet schedule');
    expect(text).toContain('Helios CES Booth');
    expect(text).toMatch(/would (finish|cost)/);
    await screenshot(page, 'plan');
    expect(preview.errors).toEqual([]);
    await preview.close();
  });

  it('lists every problem of a malformed workbook with its cell, and writes nothing', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    await enterInCell(page.url(), 'Tasks', 'D20', 'abc');
    await enterInCell(page.url(), 'Staff', 'A5', 'maya okafor');
    const sheetsBefore = await page.locator('#tabs button').allTextContents();
    await sidebar(page).getByRole('button', { name: 'Plan and write Schedule' }).click();
    const message = sidebar(page).locator('.message.error');
    await message.waitFor();
    const text = await message.textContent();
    expect(text).toContain('Fix these first; nothing was written');
    expect(text).toContain('Tasks!D20: Hours must be a number of 0 or more, got "abc"');
    expect(text).toContain('Staff!A5: "maya okafor" is listed twice (also row 2)');
    await page.reload();
    await page.locator('#tabs button').first().waitFor();
    expect(await page.locator('#tabs button').allTextContents()).toEqual(sheetsBefore);
    expect(preview.errors).toEqual([]);
    await preview.close();
  });

  it('checks the sample workbook and shows the result next to the button', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    await sidebar(page).getByRole('tab', { name: 'Sheets' }).click();
    await sidebar(page).getByRole('button', { name: 'Check workbook' }).click();
    const message = sidebar(page).locator('.message.ok');
    await message.waitFor();
    expect(await message.textContent()).toContain('No problems found. 15 staff');
    await screenshot(page, 'preview');
    expect(preview.errors).toEqual([]);
    await preview.close();
  });
});
