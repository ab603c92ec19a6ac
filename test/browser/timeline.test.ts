// The Timeline panel in the preview: both views generated from the sidebar, checked on the sheet.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPreview, screenshot, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Timeline panel', () => {
  it('generates the Gantt by project and the People view, and shows each sheet', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByLabel('Scale').selectOption('week');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('Timeline sheet written').waitFor({ timeout: 60_000 });
    await page.locator('#grid table[data-sheet="Timeline"]').waitFor();
    const gantt = await page.locator('#grid table').textContent();
    expect(gantt).toContain('Timeline by project · weeks');
    expect(gantt).toContain('Install LED wall');
    expect(gantt).toContain('◆');
    await screenshot(page, 'timeline');

    await panel.getByLabel('View').selectOption('person');
    await panel.getByLabel('Scale').selectOption('day');
    await panel.getByLabel('Client').selectOption('Marrow & Finch');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('People sheet written').waitFor({ timeout: 60_000 });
    await page.locator('#grid table[data-sheet="People"]').waitFor();
    const people = await page.locator('#grid table').textContent();
    expect(people).toContain('Who is where · days');
    expect(people).toContain('Beth Larsen');
    expect(people).toContain('Showing only clients Marrow & Finch');
    // Only people on Marrow & Finch work: fewer than the 15 on staff (header rows, then two rows a person).
    const filled = await page.evaluate(
      () =>
        [...document.querySelectorAll('#grid tbody tr')].filter((tr) => [...tr.querySelectorAll('td')].some((td) => td.textContent)).length,
    );
    expect(filled).toBeLessThan(4 + 2 * 15);
    await screenshot(page, 'people');
    expect(preview.errors).toEqual([]);
    await preview.close();
  });

  it('shows a bad date range next to the field and writes nothing', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByLabel('From').fill('2027-03-01');
    await panel.getByLabel('To').fill('2027-01-01');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('The end is before the start.').waitFor();
    expect(await page.locator('#tabs button', { hasText: 'Timeline' }).count()).toBe(0);
    await preview.close();
  });
});
