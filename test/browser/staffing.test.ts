// Placeholders end to end in the preview: a "TBH Rigger" added to Staff is planned like a person, set
// apart in the Schedule and People sheets, counted as hiring demand by the Staffing panel, and never
// named in what a client sees.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAt, goToSheet, launch, openPreview, sidebar, typeRow } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function showSheet(page: Page, name: string): Promise<string> {
  await page.locator('#tabs button', { hasText: new RegExp(`^${name}$`) }).click();
  await page.locator(`#grid table[data-sheet="${name}"]`).waitFor();
  return (await page.locator('#grid table').textContent()) ?? '';
}

describe('a placeholder on Staff', () => {
  it('is planned, shown apart in Schedule and People, and counted as hiring demand by the Staffing panel', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    // The sample's Staff has 15 people (rows 2-16): the placeholder is typed on row 17, expert and free.
    await goToSheet(page, 'Staff');
    await typeRow(page, 17, ['TBH Rigger', '', 'Placeholder', 'Rigging:4, Labor:3', '40', 'Mon-Fri']);
    await cellAt(page, 17, 4).getByText('Rigging:4, Labor:3').waitFor();
    const panel = sidebar(page);

    await panel.getByRole('button', { name: 'Plan and write Schedule' }).click();
    await panel.getByText('Schedule written').waitFor({ timeout: 60_000 });
    const schedule = await showSheet(page, 'Schedule');
    expect(schedule).toContain('To hire');
    const assigned = page.locator('#grid td', { hasText: 'TBH Rigger' }).filter({ hasNotText: 'placeholders' });
    expect(await assigned.count()).toBeGreaterThan(0);
    expect(await assigned.first().evaluate((td) => getComputedStyle(td).color)).toBe('rgb(132, 48, 206)');

    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByLabel('View').selectOption('person');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('People sheet written').waitFor({ timeout: 60_000 });
    const people = await showSheet(page, 'People');
    expect(people).toContain('Placeholder: to hire');
    expect(people).toContain('To hire (placeholder)');

    await panel.getByRole('tab', { name: 'Staffing' }).click();
    await panel.getByRole('button', { name: 'Find team changes and write Staffing' }).click();
    await panel.getByText('Staffing sheet written').waitFor({ timeout: 120_000 });
    expect(await panel.locator('#panel-staffing table.figures').textContent()).toContain('Rigging:3');
    const staffing = await showSheet(page, 'Staffing');
    expect(staffing).toContain('Action');
    expect(staffing).toContain('Hiring demand');
    expect(staffing).toMatch(/Rigging:3.*TBH Rigger/);
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 240_000);
});
