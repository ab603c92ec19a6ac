// The living plan in the preview: the first plan is kept as the Baseline; a day off is added; the
// re-plan keeps the rest of the published plan, and the Plan panel and the Changes sheet say what
// moved, why (the TimeOff row) and whom to tell; Publish makes the new plan the Baseline.

import type { Browser } from 'playwright-core';
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

type Preview = Awaited<ReturnType<typeof startPreview>>;

function sheetValues(preview: Preview, name: string): unknown[][] {
  const sheet = preview.session().ss.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no ${name} sheet`);
  return sheet.peek() as unknown[][];
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

describe('re-planning against the published plan', () => {
  it('keeps the published plan, lists what a day off changed and why, and publishes', async () => {
    const preview = await startPreview(DIST, 0, { sample: true, now: NOW });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(preview.url);
    const panel = sidebar(page);
    const plan = panel.getByRole('button', { name: 'Plan and write Schedule' });

    await plan.click();
    await panel.getByText('This first plan is kept as the Baseline').waitFor({ timeout: 90_000 });
    const baseline = sheetValues(preview, 'Baseline');
    expect(String(baseline[0][1])).toMatch(/^Published 2026-11-23/);
    // The first task a person starts in the plan's second week: give them that day off.
    const header = baseline[2].map(String);
    const [person, start] = [header.indexOf('Assignee'), header.indexOf('Start')];
    const task = baseline.slice(3).find((r) => r[person] && iso(r[start]) >= '2026-12-07') as unknown[];
    const who = String(task[person]).split(', ')[0];
    const day = iso(task[start]);
    const row = sheetValues(preview, 'TimeOff').length + 1;
    await enterInCell(preview.url, 'TimeOff', `A${row}`, who);
    await enterInCell(preview.url, 'TimeOff', `B${row}`, day);

    await plan.click();
    await panel.getByText(/tasks? changed/).waitFor({ timeout: 90_000 });
    const message = (await panel.locator('#panel-plan .message').first().textContent()) ?? '';
    expect(message).toContain(`TimeOff!A${row}: ${who} off`);
    expect(message).toContain(`${who} (`);
    const changes = sheetValues(preview, 'Changes');
    expect(changes[2]).toEqual(['Project', 'Client', 'Task', 'Change', 'Before', 'After', 'Why', 'Tell']);
    const changed = changes.length - 3;
    const published = baseline.length - 3;
    // One day off moves a few tasks, not a reshuffle.
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(Math.ceil(published / 5));

    // Clicking the cause's address selects the TimeOff row.
    await panel
      .getByRole('button', { name: `TimeOff!A${row}` })
      .first()
      .click();
    await page.locator('#grid table[data-sheet="TimeOff"]').waitFor();

    await panel.getByRole('button', { name: 'Publish this plan' }).click();
    await panel.getByText('Published: the Baseline sheet now holds this plan').waitFor({ timeout: 30_000 });
    await plan.click();
    await panel.getByText(/Nothing changed since the plan published/).waitFor({ timeout: 90_000 });
    expect(errors).toEqual([]);
    await page.close();
    await preview.close();
  }, 300_000);
});
