// The Share panel of the real built sidebar in Chromium, inside the preview, calling the built add-on
// and its in-memory Drive.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../preview/server';
import { NOW } from '../support/addon';
import { DIST, enterInCell, launch, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(setUp: (url: string, preview: Awaited<ReturnType<typeof startPreview>>) => Promise<void> = async () => undefined) {
  const preview = await startPreview(DIST, 0, { sample: true, now: NOW, examples: false });
  await setUp(preview.url, preview);
  const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(preview.url);
  await sidebar(page).getByRole('tab', { name: 'Share' }).click();
  await sidebar(page).getByRole('checkbox', { name: 'Helios Energy' }).waitFor();
  return {
    page,
    panel: sidebar(page),
    drive: () => preview.session().services.drive,
    errors,
    close: async () => {
      await page.close();
      await preview.close();
    },
  };
}

describe('the Share panel', () => {
  it('shares picked clients, shows each copy, records it in Shares, and revokes', async () => {
    const view = await open((url) => enterInCell(url, 'Clients', 'C3', 'exhibits at civicarts'));
    const { page, panel } = view;

    // A client without a valid Contact Email is listed but cannot be picked, with the cell to fix.
    const civic = panel.getByRole('checkbox', { name: 'Civic Arts Museum' });
    expect(await civic.isDisabled()).toBe(true);
    const civicId = await civic.getAttribute('aria-describedby');
    expect(await panel.locator(`[id="${civicId}"]`).textContent()).toContain(
      'Clients!C3: Contact Email has an address that is not an email',
    );

    // Nor can a client with nothing agreed yet (Vantage only has a proposal).
    const vantage = panel.getByRole('checkbox', { name: 'Vantage Robotics' });
    expect(await vantage.isDisabled()).toBe(true);
    expect(await panel.locator(`[id="${await vantage.getAttribute('aria-describedby')}"]`).textContent()).toContain('Nothing to share yet');

    // Nothing picked: the error shows next to the list.
    await panel.getByRole('button', { name: 'Create / Refresh client copies' }).click();
    await panel.getByText('Pick at least one client.').waitFor();
    expect(view.drive().calls).toEqual([]);

    await panel.getByRole('checkbox', { name: 'Helios Energy' }).check();
    await panel.getByRole('checkbox', { name: 'Marrow & Finch' }).check();
    await panel.getByRole('button', { name: 'Create / Refresh client copies' }).click();

    // First the question: who is emailed, and each copy as its client will see it. Nothing is created yet.
    const confirm = panel.getByRole('alertdialog', { name: 'Confirm sharing' });
    await confirm.waitFor({ timeout: 60_000 });
    const asked = await confirm.textContent();
    expect(asked).toContain('Drive emails a view-only invitation to events@helios-energy.example, j.moreau@helios-energy.example.');
    expect(asked).toContain('Drive emails a view-only invitation to pr@marrowfinch.example.');
    await confirm.getByText('What Helios Energy will see').click();
    const preview = await confirm.getByRole('region', { name: 'Plan sheet' }).first().textContent();
    expect(preview).toContain('Helios CES Booth');
    expect(preview).not.toContain('Marrow');
    expect(preview).not.toMatch(/\$|185,000|Rate/);
    expect(view.drive().calls).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(view.drive().calls).toEqual([]);

    await panel.getByRole('button', { name: 'Create / Refresh client copies' }).click();
    await panel.getByRole('button', { name: 'Yes, share these 2 copies with 3 people' }).click({ timeout: 60_000 });
    await panel.getByText('Done. The Shares sheet records each copy.').waitFor({ timeout: 90_000 });
    const results = await panel.locator('.message li').allTextContents();
    expect(results[0]).toMatch(/^Helios Energy: Copy created, shared view-only with events@helios-energy\.example/);
    expect(results[1]).toMatch(/^Marrow & Finch: Copy created, shared view-only with pr@marrowfinch\.example/);
    expect(await panel.locator('.message a', { hasText: 'Open copy' }).first().getAttribute('href')).toMatch(
      /^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+\/edit$/,
    );
    const files = [...view.drive().files.values()];
    expect(files.map((f) => f.name).sort()).toEqual(['Helios Energy — Project plan', 'Marrow & Finch — Project plan']);
    expect(files.flatMap((f) => f.permissions).every((p) => p.role === 'owner' || p.role === 'reader')).toBe(true);

    // "Open copy" opens the in-memory copy as its own page: the client's view, read-only.
    const opened = page.context().waitForEvent('page');
    await panel.locator('.message li', { hasText: 'Helios Energy' }).getByRole('link', { name: 'Open copy' }).click();
    const copy = await opened;
    await copy.locator('#grid table[data-sheet="Plan"]').waitFor();
    expect(await copy.locator('h1').textContent()).toBe('Helios Energy — Project plan');
    expect(await copy.locator('#tabs button').allTextContents()).toEqual(['Plan', 'Timeline']);
    const seen = (await copy.locator('#grid table').textContent()) as string;
    expect(seen).toContain('Helios CES Booth');
    expect(seen).not.toContain('Marrow');
    expect(seen).not.toContain('Maya Okafor (Production');
    await copy.locator('#grid tbody tr:nth-child(5) td:nth-of-type(1)').click();
    await copy.keyboard.type('x');
    await copy.keyboard.press('Delete');
    expect(await copy.locator('#editor').count()).toBe(0);
    expect(await copy.locator('#grid tbody tr:nth-child(5) td:nth-of-type(1)').textContent()).not.toBe('x');
    // Its columns fit its tables, as Sheets' fit to data would: every crew and date reads in full.
    const cut = () =>
      copy.evaluate(() =>
        [...document.querySelectorAll<HTMLTableCellElement>('#grid td')]
          .filter((td) => td.textContent && td.scrollWidth > td.clientWidth + 1 && !td.classList.contains('spill'))
          .map((td) => td.textContent),
      );
    expect(await copy.locator('#grid td', { hasText: /^\p{L}+ \p{L}+(, \p{L}+ \p{L}+){3}$/u }).count()).toBeGreaterThan(0);
    expect(await cut()).toEqual([]);
    await copy.locator('#tabs').getByRole('button', { name: 'Timeline' }).click();
    await copy.locator('#grid table[data-sheet="Timeline"]').waitFor();
    expect(await cut()).toEqual([]);
    await copy.close();

    // The audit trail, in the workbook.
    await page.locator('#tabs button', { hasText: /^Shares$/ }).click();
    await page.locator('#grid table[data-sheet="Shares"]').waitFor();
    const shares = await page.locator('#grid table').textContent();
    expect(shares).toContain('events@helios-energy.example, j.moreau@helios-energy.example');
    expect(shares).toContain('Always: costs, rates, margins');

    // The list now shows each copy.
    const heliosId = await panel.getByRole('checkbox', { name: 'Helios Energy' }).getAttribute('aria-describedby');
    await panel.locator(`[id="${heliosId}"]`, { hasText: 'viewers: events@helios-energy.example' }).waitFor();

    // Revoke asks first, then removes the viewers.
    await panel.getByRole('checkbox', { name: 'Marrow & Finch' }).uncheck();
    await panel.getByRole('button', { name: 'Revoke access' }).click();
    await panel.getByRole('button', { name: 'Yes, remove the viewers of Helios Energy' }).click();
    await panel.getByText('Access removed.').waitFor({ timeout: 30_000 });
    const helios = files.find((f) => f.name.startsWith('Helios'));
    expect(helios?.permissions.map((p) => p.role)).toEqual(['owner']);
    expect(files.find((f) => f.name.startsWith('Marrow'))?.permissions.map((p) => p.role)).toEqual(['owner', 'reader']);
    expect(view.errors).toEqual([]);
    await view.close();
  }, 180_000);

  it('never links to what an editor typed in the Shares sheet: only to the copy’s Google Docs address', async () => {
    const view = await open(async (_url, preview) => {
      preview.session().ss.load('Shares', [
        ['Client', 'Copy', 'Shared with', 'Last refreshed', 'Left out', 'Note'],
        ['Helios Energy', 'javascript:alert(document.domain)', 'events@helios-energy.example', '2026-11-20 10:00', '', ''],
        ['Marrow & Finch', 'https://docs.google.com.evil.example/spreadsheets/d/abc/edit', '', '2026-11-20 10:00', '', ''],
        ['Civic Arts Museum', 'https://evil.example/?u=https://docs.google.com/spreadsheets/d/1AbC/edit', '', '', '', ''],
        ['Bluewater Conference Center', 'https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0', '', '2026-11-20 10:00', '', ''],
      ]);
      // The Shares sheet Crewsheet wrote (marked as its own), then edited by hand.
      preview
        .session()
        .ss.sheets.find((s) => s.name === 'Shares')
        ?.addDeveloperMetadata('crewsheet.output', 'Shares', 'PROJECT');
    });
    const heliosId = await view.panel.getByRole('checkbox', { name: 'Helios Energy' }).getAttribute('aria-describedby');
    await view.panel.locator(`[id="${heliosId}"]`, { hasText: 'Copy of 2026-11-20 10:00' }).waitFor();
    const hrefs = await view.panel.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://docs.google.com/spreadsheets/d/1AbC-x_9/edit']);
    expect(view.errors).toEqual([]);
    await view.close();
  }, 60_000);

  it('asks for permission to use Drive the first time, and shares nothing until it is given', async () => {
    const view = await open(async (_url, preview) => {
      preview.session().services.drive.granted.clear();
    });
    await view.panel.getByRole('checkbox', { name: 'Helios Energy' }).check();
    await view.panel.getByRole('button', { name: 'Create / Refresh client copies' }).click();
    await view.panel.getByText('Crewsheet needs your permission to create the copies in your Drive').waitFor();
    expect(await view.panel.getByRole('link', { name: 'Allow access' }).getAttribute('href')).toMatch(/^https:\/\//);
    expect(view.drive().files.size).toBe(0);
    expect(view.errors).toEqual([]);
    await view.close();
  }, 60_000);
});
