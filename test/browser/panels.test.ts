// Panels that say the right thing: the Include proposals box is what a run uses (ticked from Settings),
// and a client's copy speaks of a late project as the account manager would.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterInCell, goToSheet, launch, openPreview, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('panels that say the right thing', () => {
  it('ticks Include proposals as Settings say, in Plan and Timeline, and plans exactly what the box says', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = sidebar(page);
    // The sample's Settings say Plan Proposals: yes.
    const planBox = panel.locator('#panel-plan').getByRole('checkbox', { name: /Include proposals/ });
    await expect.poll(() => planBox.isChecked()).toBe(true);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await expect
      .poll(() =>
        panel
          .locator('#panel-timeline')
          .getByRole('checkbox', { name: /Include proposals/ })
          .isChecked(),
      )
      .toBe(true);

    await panel.getByRole('tab', { name: 'Plan' }).click();
    await planBox.uncheck();
    await panel.getByRole('button', { name: 'Plan and write Schedule' }).click();
    await panel.getByText('Schedule written').waitFor({ timeout: 90_000 });
    await goToSheet(page, 'Schedule');
    expect(await page.locator('#grid table').textContent()).not.toContain('Vantage Launch Booth');

    await planBox.check();
    await panel.getByRole('button', { name: 'Plan and write Schedule' }).click();
    await page.locator('#grid tbody tr', { hasText: 'Vantage Launch Booth' }).first().waitFor({ timeout: 90_000 });
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 240_000);

  it('shows a client a late project as rescheduled to its new date', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    // Helios CES Booth now due long before its work can end (Projects!G4).
    await enterInCell(page.url(), 'Projects', 'G4', '12/1/2026');
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Share' }).click();
    await panel.getByRole('checkbox', { name: 'Helios Energy' }).check();
    await panel.getByRole('button', { name: 'Create / Refresh client copies' }).click();
    const confirm = panel.getByRole('alertdialog', { name: 'Confirm sharing' });
    await confirm.waitFor({ timeout: 90_000 });
    await confirm.getByText('What Helios Energy will see').click();
    const row = confirm.getByRole('region', { name: 'Plan sheet' }).locator('tr', { hasText: 'Helios CES Booth' }).first();
    expect(await row.textContent()).toMatch(/Rescheduled to \w{3} \d{1,2} \w{3} 20\d\d$/);
    expect(await confirm.textContent()).not.toMatch(/\bLate\b/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 180_000);

  it('says when a quota period has not started, and where an owner landed once it is over', async () => {
    const preview = await openPreview(browser);
    const panel = sidebar(preview.page);
    await panel.getByRole('tab', { name: 'Quotas' }).click();
    const quotas = panel.locator('#panel-quotas');
    const row = (owner: string, what: string) => quotas.locator('tbody', { hasText: owner }).locator('tr', { hasText: what });

    // Before the fourth quarter: Luis Romero's Q4 revenue has not started, and shows no 0%.
    await quotas.getByLabel('As of').fill('2026-09-30');
    await quotas.getByRole('button', { name: 'Show quotas' }).click();
    await quotas.getByText(/quotas as of 2026-09-30/).waitFor({ timeout: 90_000 });
    const q4 = row('Luis Romero', 'Revenue · 2026-Q4');
    expect(await q4.locator('.quota-figures').textContent()).toMatch(/^starts 2026-10-01 · projected \$[\d,]+ of \$250,000$/);
    expect(await q4.locator('.chip').textContent()).toBe('not started');

    // After November: Dev Patel's November hours are over, with no projection from the plan added.
    await quotas.getByLabel('As of').fill('2026-12-07');
    await quotas.getByRole('button', { name: 'Show quotas' }).click();
    await quotas.getByText(/quotas as of 2026-12-07/).waitFor({ timeout: 90_000 });
    const november = row('Dev Patel', 'Billable Hours · 2026-11');
    expect(await november.locator('.quota-figures').textContent()).toMatch(/^ended 2026-11-30: [\d.,]+ h of 120 h \([\d.]+%\)$/);
    expect(['met', 'missed']).toContain(await november.locator('.chip').textContent());
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 180_000);
});
