// The Quotas panel in Chromium, inside the preview, calling the built add-on: attainment bars, the
// chart, and Write Quotas & KPIs writing both sheets with notes and colours.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPreview, screenshot, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the Quotas tab of the real built sidebar. */
async function openQuotas(page: Page): Promise<Locator> {
  await sidebar(page).getByRole('tab', { name: 'Quotas' }).click();
  return sidebar(page).locator('#panel-quotas');
}

async function sheetText(page: Page, name: string): Promise<string> {
  await page.locator('#tabs button', { hasText: new RegExp(`^${name}$`) }).click();
  await page.locator(`#grid table[data-sheet="${name}"]`).waitFor();
  return (await page.locator('#grid table').textContent()) ?? '';
}

describe('the Quotas panel', () => {
  it('shows each owner’s attainment with bars and a chart, then writes the Attainment and KPIs sheets', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = await openQuotas(page);
    await panel.getByLabel('As of').fill('2026-11-21');
    await panel.getByRole('button', { name: 'Show quotas' }).click();
    await panel.getByText('9 quotas as of 2026-11-21').waitFor({ timeout: 60_000 });

    const owners = await panel.locator('.quota-table th.owner').allTextContents();
    expect(owners).toEqual(['Rachel Kim', 'Luis Romero', 'Maya Okafor', 'Ben Ashford', 'Dev Patel', 'Jess Nguyen']);
    const bars = panel.locator('.quota-bar[role=img]');
    expect(await bars.count()).toBe(9);
    // Luis Romero's Q4 revenue: three wins ($175,000) plus Vantage at 60% of $120,000.
    const luis = panel.locator('tbody', { hasText: 'Luis Romero' }).locator('tr', { hasText: 'Revenue · 2026-Q4' });
    expect(await luis.textContent()).toContain('$175,000 of $250,000 (70%) · projected $247,000');
    expect(await luis.locator('.quota-bar').getAttribute('aria-label')).toContain('projected $247,000');
    expect(await luis.locator('.chip').textContent()).toBe('at risk');
    // A count is not rounded into another number: Vantage, at 60%, is 0.6 of a new client, not 1.
    const clients = panel.locator('tbody', { hasText: 'Luis Romero' }).locator('tr', { hasText: 'New Clients · 2026' });
    expect(await clients.locator('.quota-figures').textContent()).toBe('0 of 2 (0%) · projected 0.6');
    // A rate against a rate target: the two rates, without a share of one in the other.
    const rate = panel.locator('tbody', { hasText: 'Maya Okafor' }).locator('tr', { hasText: 'On-Time Rate · 2026' });
    expect(await rate.locator('.quota-figures').textContent()).toBe('0% of 90% · projected 0%');

    const chart = panel.locator('.quota-chart svg');
    expect(await chart.locator('title').textContent()).toContain('Rachel Kim, Revenue 2026');
    await panel.getByLabel('Chart').selectOption({ label: 'Luis Romero · Revenue 2026-Q4' });
    expect(await chart.locator('title').textContent()).toContain('Luis Romero, Revenue 2026-Q4');
    expect(await chart.locator('path').count()).toBe(3);
    expect(await panel.locator('table.figures').textContent()).toMatch(/On-time delivery\s*50% \(1 of 2\)/);

    await panel.getByRole('button', { name: 'Write Quotas & KPIs' }).click();
    await panel.getByText('Attainment and KPIs sheets written').waitFor({ timeout: 60_000 });
    await screenshot(page, 'quotas');

    const attainment = await sheetText(page, 'Attainment');
    expect(attainment).toContain('Crewsheet quota attainment');
    expect(attainment).toContain('Luis Romero');
    expect(await page.locator('#grid tbody tr', { hasText: 'New Clients' }).locator('td').allTextContents()).toContain('0.6');
    const noted = page.locator('#grid td[data-note]');
    expect(await noted.count()).toBeGreaterThan(40);
    const kpis = await sheetText(page, 'KPIs');
    expect(kpis).toContain('On-time delivery rate');
    expect(kpis).toContain('Budget adherence by project');
    // Logged utilization is over the working hours elapsed by the as-of date, not the whole year's.
    const logged = page.locator('#grid tbody tr', { hasText: 'Utilization, logged' }).locator('td').nth(1);
    expect(await logged.getAttribute('title')).toMatch(/^Hours on tasks done in 2026-01-01\.\.2026-11-21 over working hours in it/);
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 150_000);

  it('shows a wrong KPI period under its field and writes nothing', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = await openQuotas(page);
    await panel.getByLabel('KPI period').fill('2026-Q7');
    await panel.getByRole('button', { name: 'Write Quotas & KPIs' }).click();
    await panel.getByText('Correct the field marked above.').waitFor();
    const field = panel.getByLabel('KPI period');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator(`#${await field.getAttribute('id')}-error`).textContent()).toContain('cannot read period "2026-Q7"');
    expect(await page.locator('#tabs button').allTextContents()).not.toContain('Attainment');
    expect(preview.errors).toEqual([]);
    await preview.close();
  });
});
