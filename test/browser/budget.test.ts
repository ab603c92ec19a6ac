// The Budget panel of the real built sidebar in Chromium, inside the preview, calling the built add-on.

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

describe('the Budget panel', () => {
  it('shows ranges and drivers, re-plans a scope what-if from the keyboard, and writes the Budget sheet', {
    timeout: 180_000,
  }, async () => {
    const { page, errors, close } = await openPreview(browser);
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Budget' }).click();
    await panel.getByRole('button', { name: 'Compute budgets' }).click();
    await panel.getByText(/10 projects priced; hours calibrated on 19 finished tasks/).waitFor({ timeout: 60_000 });

    await panel.getByLabel('Project or proposal').selectOption('Helios CES Booth');
    const figures = panel.getByRole('table', { name: 'Budget ranges for Helios CES Booth' });
    await expect.poll(() => figures.textContent()).toMatch(/Cost\$[\d,]+\$[\d,]+\$[\d,]+/);
    expect(await figures.textContent()).toContain('Fee$185,000$185,000$185,000');
    expect(await panel.locator('ul.drivers').textContent()).toContain('Booth materials and hardware');

    // Type a scope: the plan and price change, and the comparison says how.
    const scope = panel.getByLabel('Scope (what-if)');
    await scope.fill('0.5');
    const comparison = panel.getByRole('table', { name: 'Scope what-if compared with the sheet' });
    await comparison.waitFor({ timeout: 60_000 });
    const text = (await comparison.textContent()) as string;
    expect(text).toContain('Scope 0.5');
    expect(text).toMatch(/Ends.*20\d\d/);
    const [before, after] = [...text.matchAll(/Cost P50\$([\d,]+)\$([\d,]+)/g)][0].slice(1).map((v) => Number(v.replace(/,/g, '')));
    expect(after).toBeLessThan(before);
    // A fixed fee is kept; beside it, the price the new scope would be quoted at the Target Margin (35%).
    expect(text).toMatch(/Fee \(kept\)\$185,000\$185,000/);
    const [quoted, requoted] = [...text.matchAll(/Price at 35% margin\$([\d,]+)\$([\d,]+)/g)][0]
      .slice(1)
      .map((v) => Number(v.replace(/,/g, '')));
    expect(Math.abs(quoted - before / 0.65)).toBeLessThanOrEqual(2);
    expect(Math.abs(requoted - after / 0.65)).toBeLessThanOrEqual(2);

    // Twice the booth ends past the project's due date, and the row says so.
    await scope.fill('2');
    await panel
      .getByRole('table', { name: 'Scope what-if compared with the sheet' })
      .getByText('Scope 2', { exact: true })
      .waitFor({ timeout: 60_000 });
    const late = panel.locator('table[aria-label="Scope what-if compared with the sheet"] tr.late');
    expect(await late.textContent()).toMatch(/after the due date \(Wed 6 Jan\)$/);

    // Half the book launch still ends the same day: the panel says what holds it there.
    await panel.getByLabel('Project or proposal').selectOption('Marrow & Finch Book Launch');
    await scope.fill('0.5');
    const held = panel.getByText('The end does not move:');
    await held.waitFor({ timeout: 60_000 });
    expect(await held.locator('..').textContent()).toMatch(
      /^The end does not move: Strike starts .*, right after Launch night; Launch night starts .*, right after Load-in; Load-in starts .*, its earliest date\.$/,
    );
    await panel.getByLabel('Project or proposal').selectOption('Helios CES Booth');
    await scope.fill('0.5');
    await comparison.waitFor({ timeout: 60_000 });

    // The slider moves with the arrow keys and keeps the field in step.
    await panel.getByLabel('Scope slider').focus();
    await page.keyboard.press('ArrowRight');
    expect(await scope.inputValue()).toBe('0.55');

    // A scope out of range is explained next to the field, and nothing is re-planned.
    await scope.fill('0');
    await panel.getByText('Scope must be from 0.05 to 10.').waitFor();
    expect(await scope.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => comparison.count()).toBe(0);

    await panel.getByRole('button', { name: 'Write Budget sheet' }).click();
    await panel.getByText(/Budget sheet written: 10 projects/).waitFor();
    await page.locator('#tabs button', { hasText: /^Budget$/ }).click();
    await page.locator('#grid table[data-sheet="Budget"]').waitFor();
    const sheet = (await page.locator('#grid table').textContent()) as string;
    expect(sheet).toContain('Cost P90');
    expect(sheet).toContain('Helios CES Booth');
    expect(sheet).toContain('$185,000');

    const overflow = await page
      .frameLocator('#sidebar')
      .locator('body')
      .evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await scope.fill('0.5');
    await comparison.waitFor({ timeout: 60_000 });
    await screenshot(page, 'budget');
    expect(errors).toEqual([]);
    await close();
  });
});
