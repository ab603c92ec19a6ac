// The preview as a spreadsheet: typing into cells with Sheets' keys, blank rows to add to, pasting
// and clearing blocks, Undo, formulas recalculating with a busy indicator, and widths that fit.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCode } from '../support/addon';
import { cellAt, goToSheet, launch, openPreview, sidebar, typeRow } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The first row with nothing in it (1-based), past the sheet's data. */
function firstBlankRow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('#grid tbody tr')];
    return rows.findIndex((tr) => [...tr.querySelectorAll('td')].every((td) => !td.textContent)) + 1;
  });
}

describe('the preview as a spreadsheet', () => {
  it('lets a newcomer add a time off, a project and a task by typing, and plans them', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;

    await goToSheet(page, 'TimeOff');
    const off = await firstBlankRow(page);
    // en_US: 12/14/2026 is a date, shown in the column's format.
    await typeRow(page, off, ['Dev Patel', '12/14/2026', '12/18/2026', '', 'Conference']);
    await cellAt(page, off, 2).getByText('2026-12-14').waitFor();
    await cellAt(page, off, 3).getByText('2026-12-18').waitFor();
    // Enter after a row typed across comes back under its first cell, on the next row.
    expect(await page.locator('#address').textContent()).toBe(`A${off + 1}`);

    await goToSheet(page, 'Projects');
    const project = await firstBlankRow(page);
    await typeRow(page, project, ['Helios Dealer Tour', 'Helios Energy', '', 'Won', '2', '12/7/2026', '1/29/2027', '30,000']);
    await cellAt(page, project, 7).getByText('2027-01-29').waitFor();
    await cellAt(page, project, 8).getByText('30,000').waitFor();

    await goToSheet(page, 'Tasks');
    const task = await firstBlankRow(page);
    await typeRow(page, task, ['Helios Dealer Tour', 'Tour stage plot', 'Design:3', '16']);
    await cellAt(page, task, 4).getByText('16').waitFor();

    await sidebar(page).getByRole('tab', { name: 'Sheets' }).click();
    await sidebar(page).getByRole('button', { name: 'Check workbook' }).click();
    await sidebar(page).locator('.message.ok', { hasText: 'No problems found' }).waitFor();

    await sidebar(page).getByRole('tab', { name: 'Plan' }).click();
    await sidebar(page).getByRole('button', { name: 'Plan and write Schedule' }).click();
    await sidebar(page).getByText('Schedule written').waitFor({ timeout: 60_000 });
    await page.locator('#grid table[data-sheet="Schedule"]').waitFor();
    const row = page.locator('#grid tbody tr', { hasText: 'Tour stage plot' });
    expect(await row.textContent()).toContain('Helios Dealer Tour');
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 120_000);

  it('edits with Sheets’ keys: Enter, double-click, Esc, arrows, Delete on a row, Undo', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    await goToSheet(page, 'Staff');
    const name = cellAt(page, 3, 1);
    expect(await name.textContent()).toBe('Dev Patel');

    // Enter opens the cell with its content; Esc leaves it as it was.
    await name.click();
    await page.keyboard.press('Enter');
    await page.locator('#editor').waitFor();
    expect(await page.locator('#editor').inputValue()).toBe('Dev Patel');
    await page.keyboard.type(' Jr');
    await page.keyboard.press('Escape');
    expect(await page.locator('#editor').count()).toBe(0);
    expect(await name.textContent()).toBe('Dev Patel');

    // Typing replaces the content; arrows then enter it and move, as in Sheets.
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#address').textContent()).toBe('B3');
    await page.keyboard.type('dev.patel@northlight.example');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#address').textContent()).toBe('B4');
    await cellAt(page, 3, 2).getByText('dev.patel@northlight.example').waitFor();

    // Double-click edits in place; Enter enters it and moves down.
    await cellAt(page, 3, 5).dblclick();
    await page.locator('#editor').fill('32');
    await page.keyboard.press('Enter');
    expect(await page.locator('#address').textContent()).toBe('E4');
    await cellAt(page, 3, 5).getByText('32', { exact: true }).waitFor();

    // Delete on a selected row empties the row's contents.
    await page.locator('#grid tbody tr:nth-child(5) th').click();
    expect(await page.locator('#address').textContent()).toBe('5:5');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => !document.querySelector('#grid tbody tr:nth-child(5)')?.textContent?.replace(/^5/, ''));

    // Undo puts the row back, then the hours.
    await page.getByRole('button', { name: 'Undo' }).click();
    await cellAt(page, 5, 1).getByText('Carlos Mendes').waitFor();
    await page.keyboard.press('Control+z');
    await cellAt(page, 3, 5).getByText('40', { exact: true }).waitFor();

    // Going to another sheet while typing enters the text where it was typed, as Sheets does.
    await cellAt(page, 20, 1).click();
    await page.keyboard.type('Zoe Park');
    await goToSheet(page, 'TimeOff');
    expect(await page.locator('#editor').count()).toBe(0);
    await goToSheet(page, 'Staff');
    await cellAt(page, 20, 1).getByText('Zoe Park').waitFor();
    await goToSheet(page, 'TimeOff');
    expect(await cellAt(page, 20, 1).textContent()).toBe('');
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 60_000);

  it('pastes a tab-separated block past the data, and copies the selection as one', async () => {
    const preview = await openPreview(browser, { sample: true, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = preview;
    await goToSheet(page, 'TimeOff');
    const row = await firstBlankRow(page);
    await cellAt(page, row, 1).click();
    await page.evaluate(() => navigator.clipboard.writeText('Greg Holm\t1/4/2027\t1/8/2027\t\tVacation\nBeth Larsen\t1/11/2027\r\n'));
    await page.keyboard.press('Control+v');
    await cellAt(page, row, 5).getByText('Vacation').waitFor();
    await cellAt(page, row + 1, 2)
      .getByText('2027-01-11')
      .waitFor();
    expect(await page.locator('#address').textContent()).toBe(`A${row}:E${row + 1}`);

    await page.keyboard.press('Control+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Greg Holm\t2027-01-04\t2027-01-08\t\tVacation\nBeth Larsen\t2027-01-11\t\t\t',
    );

    // One cell pasted over a selected block fills it.
    await cellAt(page, row, 4).click();
    await cellAt(page, row + 1, 4).click({ modifiers: ['Shift'] });
    await page.evaluate(() => navigator.clipboard.writeText('4'));
    await page.keyboard.press('Control+v');
    await cellAt(page, row + 1, 4)
      .getByText('4', { exact: true })
      .waitFor();
    expect(await cellAt(page, row, 4).textContent()).toBe('4');
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 60_000);

  it('has a tab of examples per custom function, each answering; after an edit they show Loading…, then the new answer', async () => {
    const preview = await openPreview(browser, { sample: true, examples: true });
    const { page } = preview;
    // Named like ordinary sheets, one per custom function Code.js declares.
    const custom = [...builtCode().matchAll(/@customfunction\s*\*\/\s*function (\w+)/g)].map((m) => m[1]);
    expect(custom.length).toBeGreaterThanOrEqual(9);
    const tabs = await page.locator('#tabs button').allTextContents();
    expect(tabs.filter((t) => t.startsWith('Examples – ')).sort()).toEqual(custom.map((name) => `Examples – ${name}`).sort());

    // Opening the page calculates them all, one at a time.
    await page.waitForFunction(() => !document.getElementById('status')?.textContent, undefined, { timeout: 240_000 });
    for (const name of custom) {
      await goToSheet(page, `Examples – ${name}`);
      const text = (await page.locator('#grid table').textContent()) ?? '';
      expect(text, name).not.toMatch(/#ERROR|Loading…/);
    }
    await goToSheet(page, 'Examples – GANTT');
    // Design runs the plan's first five days: 1 under each of them, nothing under the sixth.
    expect(await page.locator('#grid tbody tr:nth-child(4) td').allTextContents()).toEqual(
      expect.arrayContaining(['Design', '1', '1', '1', '1', '1', '']),
    );
    expect((await page.locator('#grid tbody tr:nth-child(4) td').allTextContents()).slice(3, 9)).toEqual(['1', '1', '1', '1', '1', '']);
    await goToSheet(page, 'Examples – UTILIZATION');
    expect(await page.locator('#grid tbody tr:nth-child(6)').textContent()).toContain('Utilization %');
    await goToSheet(page, 'Examples – CLIENTVIEW');
    expect(await page.locator('#grid table').textContent()).toContain('Helios Energy — Project plan');

    // Held recalculation: the formulas reading Staff say Loading…, and the bar says they are calculating.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/recalculate', async (route) => {
      await held;
      await route.continue();
    });
    await goToSheet(page, 'Examples – SKILLMATCH');
    expect(await cellAt(page, 4, 1).textContent()).toBe('0.5');
    await goToSheet(page, 'Staff');
    // Dev Patel (row 3) learns Rigging:3: SKILLMATCH("LED:3 x2; Rigging:3", ...) covers him fully.
    await cellAt(page, 3, 4).click();
    await page.keyboard.type('Audio:5, Video:4, LED:3, Networking:3, Rigging:3');
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: 'Calculating formulas…' }).waitFor();
    expect(await page.locator('#grid').getAttribute('aria-busy')).toBe('true');
    await goToSheet(page, 'Examples – SKILLMATCH');
    expect(await cellAt(page, 3, 1).textContent()).toBe('Loading…');
    // A formula that does not read Staff is not recalculated.
    await goToSheet(page, 'Examples – ESTIMATE');
    expect(await page.locator('#grid table').textContent()).not.toContain('Loading…');
    release();
    await goToSheet(page, 'Examples – SKILLMATCH');
    await cellAt(page, 4, 1).getByText('1', { exact: true }).waitFor({ timeout: 120_000 });
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 420_000);

  it('fits columns to their content and never cuts a date or a number', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    await sidebar(page).getByRole('button', { name: 'Plan and write Schedule' }).click();
    await sidebar(page).getByText('Schedule written').waitFor({ timeout: 60_000 });
    for (const sheet of ['Projects', 'Tasks', 'TimeOff', 'Schedule']) {
      await goToSheet(page, sheet);
      // Numbers and dates are never cut; text is, as in Sheets, only in a column of set width or
      // past the widest a column grows to (320 px).
      const cut = await page.evaluate(() => {
        const heads = [...document.querySelectorAll<HTMLElement>('#grid thead th')];
        return [...document.querySelectorAll<HTMLTableCellElement>('#grid td')]
          .filter((td) => td.textContent && td.scrollWidth > td.clientWidth && !td.classList.contains('spill'))
          .filter((td) => td.classList.contains('num') || (!heads[td.cellIndex].style.maxWidth && td.scrollWidth < 320))
          .map((td) => td.textContent);
      });
      expect(cut, sheet).toEqual([]);
    }
    // The Schedule's own columns fit its table: every crew reads in full.
    const crews = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableCellElement>('#grid td:nth-of-type(4)')]
        .filter((td) => td.textContent && td.scrollWidth > td.clientWidth + 1 && !td.classList.contains('spill'))
        .map((td) => td.textContent),
    );
    expect(crews).toEqual([]);
    expect(await page.locator('#grid td:nth-of-type(4)', { hasText: /^[^,]+(, [^,]+){3}$/ }).count()).toBeGreaterThan(0);
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 90_000);
});
