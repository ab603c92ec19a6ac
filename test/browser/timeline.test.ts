// The Timeline panel in the preview: both views generated from the sidebar, checked on the sheet.

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

describe('the Timeline panel', () => {
  it('generates the Gantt by project and the People view, and shows each sheet', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByLabel('Scale').selectOption('week');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('Timeline sheet written').waitFor({ timeout: 60_000 });
    await page.locator('#grid table[data-sheet="Timeline"]').waitFor();
    const gantt = await page.locator('#grid table').textContent();
    expect(gantt).toContain('Timeline by project · weeks');
    expect(gantt).toContain('Install LED wall');
    expect(gantt).toContain('◆');
    await screenshot(page, 'timeline');

    await panel.getByLabel('View').selectOption('person');
    await panel.getByLabel('Scale').selectOption('day');
    await panel.getByLabel('Client').selectOption('Marrow & Finch');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('People sheet written').waitFor({ timeout: 60_000 });
    await page.locator('#grid table[data-sheet="People"]').waitFor();
    const people = await page.locator('#grid table').textContent();
    expect(people).toContain('Who is where · days');
    expect(people).toContain('Beth Larsen');
    expect(people).toContain('Showing only clients Marrow & Finch');
    // Only people on Marrow & Finch work: fewer than the 15 on staff (header rows, then two rows a person).
    const filled = await page.evaluate(
      () =>
        [...document.querySelectorAll('#grid tbody tr')].filter((tr) => [...tr.querySelectorAll('td')].some((td) => td.textContent)).length,
    );
    expect(filled).toBeLessThan(4 + 2 * 15);
    await screenshot(page, 'people');
    expect(preview.errors).toEqual([]);
    await preview.close();
  });

  it('is readable at every scale: a month row over day numbers, nothing cut, today marked as today', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    /** Cells whose text is cut: wider than the cell and not running over empty neighbours. */
    const cut = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableCellElement>('#grid tbody tr:nth-child(n+3) td')]
          .filter((td) => td.textContent && td.scrollWidth > td.clientWidth + 1 && !td.classList.contains('spill'))
          .map((td) => `${(td.parentElement as HTMLTableRowElement).rowIndex}:${td.cellIndex} ${td.textContent}`),
      );
    const generate = async (view: string, scale: string, sheet: string) => {
      await panel.getByLabel('View').selectOption(view);
      await panel.getByLabel('Scale').selectOption(scale);
      await panel.getByRole('button', { name: 'Generate timeline' }).click();
      await panel.getByText(`${sheet} sheet written`).waitFor({ timeout: 60_000 });
      await page.locator(`#grid table[data-sheet="${sheet}"]`).waitFor();
    };

    await generate('project', 'day', 'Timeline');
    // Row 3 holds the month, row 4 the day numbers; the month reads in full over the empty cells after it.
    const month = page.locator('#grid tbody tr:nth-child(3) td', { hasText: 'Nov 2026' });
    expect(await month.evaluate((td) => td.scrollWidth <= td.clientWidth || td.classList.contains('spill'))).toBe(true);
    const days = await page.locator('#grid tbody tr:nth-child(4) td').allTextContents();
    expect(days.slice(5, 12)).toEqual(['23', '24', '25', '26', '27', '28', '29']);
    expect(await cut()).toEqual([]);
    // Today's column says it is today, in its note.
    expect(await page.locator('#grid tbody tr:nth-child(4) td', { hasText: /^23$/ }).first().getAttribute('title')).toBe(
      'Today, Mon 23 Nov 2026',
    );

    await generate('person', 'day', 'People');
    expect(await cut()).toEqual([]);
    // Who is where: names in full over their run of days, or initials (never one letter) with the name in the note.
    const names = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableCellElement>('#grid tbody tr:nth-child(n+5) td:nth-child(n+5)')]
        .filter((td) => td.style.fontWeight === 'bold' && td.textContent)
        .map((td) => ({ text: td.textContent ?? '', note: td.title })),
    );
    expect(names.length).toBeGreaterThan(10);
    for (const { text, note } of names) if (note) expect(text, note).toMatch(/^\p{L}{2,3}(\+\d+)?$/u);

    await generate('project', 'month', 'Timeline');
    expect(await cut()).toEqual([]);
    const today = page.locator('#grid td[title^="Today"]');
    expect(await today.getAttribute('title')).toBe('Today, Mon 23 Nov 2026: this column is Nov 2026.');
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 180_000);

  it('marks today in every scale, flags only a task’s own due date and cuts no number, opened midweek with the plan starting next Monday', async () => {
    // Wednesday 2 December 2026: the sample firm's plan starts on Monday 7 December; the week holding
    // today is the only one of November's on the sheet.
    const preview = await openPreview(browser, { sample: true, now: new Date('2026-12-02T14:00:00Z') });
    const { page } = preview;
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    const cut = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableCellElement>('#grid td')]
          .filter((td) => td.textContent && td.scrollWidth > td.clientWidth + 1 && !td.classList.contains('spill'))
          .map((td) => td.textContent),
      );
    const expected = {
      day: 'Today, Wed 2 Dec 2026',
      week: 'Today, Wed 2 Dec 2026: this column is the week starting Mon 30 Nov.',
      month: 'Today, Wed 2 Dec 2026: this column is Dec 2026.',
    };
    for (const [view, sheet] of [
      ['project', 'Timeline'],
      ['person', 'People'],
    ]) {
      for (const scale of ['day', 'week', 'month'] as const) {
        await panel.getByLabel('View').selectOption(view);
        await panel.getByLabel('Scale').selectOption(scale);
        await panel.getByRole('button', { name: 'Generate timeline' }).click();
        await panel.getByText(`${sheet} sheet written`).waitFor({ timeout: 60_000 });
        // The grid shows the sheet just written once its today note is the one this scale writes.
        await page.waitForFunction(
          ([name, note]) => document.querySelector(`#grid table[data-sheet="${name}"] td[title^="Today"]`)?.getAttribute('title') === note,
          [sheet, expected[scale]],
        );
        // Hours such as 12.5/40 in a week, every legend entry and each month over its weeks read in full.
        expect(await cut(), `${view} ${scale}`).toEqual([]);
        if (view === 'project') {
          // A task row flags its own Due only (the project's is on the project's row): no flag without a Due.
          const flags = await page.evaluate(() => {
            const rows = [...document.querySelectorAll('#grid tbody tr')].map((tr) =>
              [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
            );
            const header = rows.findIndex((cells) => cells[0] === 'Project / task');
            const body = rows.slice(header + 1).filter((cells) => cells[0]);
            return {
              stray: body.filter((cells) => !cells[4] && cells.slice(5).some((text) => text.includes('⚑'))).map((cells) => cells[0]),
              flagged: body.filter((cells) => cells[4] && cells.slice(5).some((text) => text.includes('⚑'))).length,
            };
          });
          expect(flags.stray, scale).toEqual([]);
          expect(flags.flagged, scale).toBeGreaterThan(3);
        }
      }
    }
    expect(preview.errors).toEqual([]);
    await preview.close();
  }, 240_000);

  it('shows a bad date range next to the field and writes nothing', async () => {
    const preview = await openPreview(browser);
    const { page } = preview;
    const panel = sidebar(page);
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByLabel('From').fill('2027-03-01');
    await panel.getByLabel('To').fill('2027-01-01');
    await panel.getByRole('button', { name: 'Generate timeline' }).click();
    await panel.getByText('The end is before the start.').waitFor();
    expect(await page.locator('#tabs button', { hasText: 'Timeline' }).count()).toBe(0);
    await preview.close();
  });
});
