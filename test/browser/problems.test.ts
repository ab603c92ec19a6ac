// Problems you can jump to: every cell address the sidebar names is a link that selects the cell in
// the grid (through the same server call that selects it in Sheets); an empty workbook says what to
// do first.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterInCell, launch, openPreview, sidebar } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('problems you can jump to', () => {
  it('selects and flashes the cell a problem names when its address is clicked', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    await enterInCell(page.url(), 'Tasks', 'D20', 'abc');
    await enterInCell(page.url(), 'Staff', 'A5', 'maya okafor');
    await sidebar(page).getByRole('tab', { name: 'Sheets' }).click();
    await sidebar(page).getByRole('button', { name: 'Check workbook' }).click();
    const list = sidebar(page).locator('.message.error');
    await list.waitFor();

    await list.getByRole('button', { name: 'Tasks!D20' }).click();
    await page.locator('#grid table[data-sheet="Tasks"]').waitFor();
    await page.locator('#address', { hasText: /^D20$/ }).waitFor();
    const cell = page.locator('#grid td.selected');
    expect(await cell.textContent()).toBe('abc');
    expect(await cell.getAttribute('class')).toContain('flash');
    expect(await page.locator('#tabs button[aria-selected=true]').textContent()).toBe('Tasks');

    await list.getByRole('button', { name: 'Staff!A5' }).click();
    await page.locator('#grid table[data-sheet="Staff"]').waitFor();
    await page.locator('#address', { hasText: /^A5$/ }).waitFor();
    expect(await page.locator('#grid td.selected').textContent()).toBe('maya okafor');

    // A sheet renamed since the check: the link says so instead of failing silently.
    preview
      .session()
      .ss.sheets.find((s) => s.name === 'Tasks')
      ?.setName('Tasks (old)');
    await list.getByRole('button', { name: 'Tasks!D20' }).click();
    await list.getByText('There is no sheet named "Tasks" any more.').waitFor();
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 60_000);

  it('tells a newcomer what to do first in an empty workbook, rather than "No problems found"', async () => {
    const preview = await openPreview(browser, { sample: false });
    const panel = sidebar(preview.page);
    await panel.getByRole('tab', { name: 'Sheets' }).click();
    await panel.getByRole('button', { name: 'Check workbook' }).click();
    const message = panel.locator('.message.info').first();
    await message.getByText('This workbook has no Crewsheet sheets yet.').waitFor();
    expect(await message.textContent()).toContain('Set up sheets creates Clients, Staff, Projects, Tasks');

    await panel.getByRole('button', { name: 'Set up sheets' }).click();
    await panel.getByText(/^Created /).waitFor();
    await panel.getByRole('button', { name: 'Check workbook' }).click();
    await panel
      .getByText(
        'Nothing to plan yet: add people in Staff, projects in Projects and their tasks in Tasks (a project with a Type from Templates needs no task rows).',
      )
      .waitFor();
    expect(await panel.getByText('No problems found').count()).toBe(0);

    await panel.getByRole('tab', { name: 'Plan' }).click();
    await panel.getByRole('button', { name: 'Plan and write Schedule' }).click();
    await panel.locator('#panel-plan').getByText('Nothing to plan yet').waitFor();
    expect(await preview.page.locator('#tabs button', { hasText: 'Schedule' }).count()).toBe(0);
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 60_000);
});
