// Debian's Chromium driven by playwright-core, against the preview server on 127.0.0.1.

import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startPreview } from '../../preview/server';
import type { PreviewSession } from '../../preview/session';
import { NOW } from './addon';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Refreshes the README's picture `name` when asked (SCREENSHOTS=1): a test run writes no tracked file. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A script that makes the page report `n` processor cores (navigator.hardwareConcurrency). */
export const CORES = (n: number) => `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${n} });`;

export interface PreviewPage {
  page: Page;
  errors: string[];
  /** The preview's workbook and services, to set a test up or look behind the page. */
  session: () => PreviewSession;
  close(): Promise<void>;
}

/**
 * Opens the preview (sample firm loaded unless told otherwise) and records console errors. The tabs
 * of example formulas only when asked: their recalculation would hold up tests about other things.
 * The script's clock reads NOW (a Monday, the sample firm's plan start) unless another instant is given.
 */
export async function openPreview(
  browser: Browser,
  options: {
    sample: boolean;
    examples?: boolean;
    permissions?: string[];
    now?: Date;
    /** Script run first in every frame (e.g. to change what the browser offers). */
    init?: string;
  } = { sample: true },
): Promise<PreviewPage> {
  const preview = await startPreview(DIST, 0, { sample: options.sample, now: options.now ?? NOW, examples: options.examples ?? false });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, permissions: options.permissions });
  if (options.init) await page.addInitScript(options.init);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(preview.url);
  await page.frameLocator('#sidebar').getByRole('tab').first().waitFor();
  return {
    page,
    errors,
    session: preview.session,
    close: async () => {
      await page.close();
      await preview.close();
    },
  };
}

export function sidebar(page: Page) {
  return page.frameLocator('#sidebar');
}

/** Shows a sheet of the workbook by clicking its tab. */
export async function goToSheet(page: Page, name: string): Promise<void> {
  await page.locator('#tabs').getByRole('button', { name, exact: true }).click();
  await page.locator(`#grid table[data-sheet="${name}"]`).waitFor();
}

/** A cell of the sheet shown, by 1-based row and column. */
export function cellAt(page: Page, row: number, column: number) {
  return page.locator(`#grid tbody tr:nth-child(${row}) td:nth-of-type(${column})`);
}

/** Enters text into a cell of the preview's workbook, for setting a test up before the page opens. */
export async function enterInCell(url: string, sheet: string, a1: string, text: string): Promise<void> {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell: ${a1}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const response = await fetch(new URL('/api/edit', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheet, row: Number(m[2]), column, values: [[text]] }),
  });
  if (!response.ok) throw new Error(await response.text());
}

/** Types a row from its first cell, Tab between cells and Enter after the last, as a user would. */
export async function typeRow(page: Page, row: number, cells: string[]): Promise<void> {
  await cellAt(page, row, 1).click();
  for (const [i, text] of cells.entries()) {
    if (text) await page.keyboard.type(text);
    await page.keyboard.press(i < cells.length - 1 ? 'Tab' : 'Enter');
  }
}
