// The Budget panel in Chromium, inside the preview, calling the built add-on: a sidebar holding the
// panel alone is built from the real sidebar sources, so the panel is tested as users get it.

import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../preview/server';
import { DIST, launch, sidebar } from '../support/browser';

const SIDEBAR = join(import.meta.dirname, '..', '..', 'sidebar');

/** dist/ with a sidebar.html that mounts only the Budget panel, built like scripts/build.mjs builds the real one. */
async function panelDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'budget-panel-'));
  const js = await esbuild.build({
    stdin: {
      contents:
        "import { budgetPanel } from './panels/budget';\n(document.getElementById('app') as HTMLElement).replaceChildren(budgetPanel());",
      resolveDir: SIDEBAR,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  const css = await esbuild.build({ entryPoints: [join(SIDEBAR, 'style.css')], bundle: true, write: false, logLevel: 'warning' });
  const template = await readFile(join(SIDEBAR, 'index.html'), 'utf8');
  const html = template
    .replace('/*! inline:style */', () => css.outputFiles[0].text)
    .replace('/*! inline:script */', () => js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script'));
  await writeFile(join(dir, 'sidebar.html'), html);
  await copyFile(join(DIST, 'Code.js'), join(dir, 'Code.js'));
  return dir;
}

let browser: Browser;
let dist: string;
beforeAll(async () => {
  [browser, dist] = await Promise.all([launch(), panelDist()]);
});
afterAll(async () => {
  await browser?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function open(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const preview = await startPreview(dist, 0, { sample: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(preview.url);
  await sidebar(page).getByRole('button', { name: 'Compute budgets' }).waitFor();
  return {
    page,
    errors,
    close: async () => {
      await page.close();
      await preview.close();
    },
  };
}

describe('the Budget panel', () => {
  it('shows ranges and drivers, re-plans a scope what-if from the keyboard, and writes the Budget sheet', {
    timeout: 180_000,
  }, async () => {
    const { page, errors, close } = await open();
    const panel = sidebar(page);
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
    expect(sheet).toContain('185000');

    const overflow = await page
      .frameLocator('#sidebar')
      .locator('body')
      .evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(tmpdir(), 'budget-panel.png') });
    await scope.fill('0.5');
    await comparison.waitFor({ timeout: 60_000 });
    await panel.locator('body').evaluate(() => window.scrollTo(0, 0));
    await page.locator('#sidebar').screenshot({ path: join(tmpdir(), 'budget-sidebar.png') });
    expect(errors).toEqual([]);
    await close();
  });
});
