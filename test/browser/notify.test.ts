// The living plan told to the people it touches, in the preview: the first plan is published and
// sent (an event per task on the Crewsheet calendar, each person's weeks by email); a day off is typed
// in TimeOff; the re-plan lists what changed; Publish, then Send updates only what moved and emails
// only the people it touches; Send again sends nothing new; a calendar deleted by hand is reported and
// replaced on request. The Outbox page shows what was sent.

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

describe('telling people about the published plan', () => {
  it('sends the calendar and emails, then only what a day off changed, then nothing new, and reports a calendar deleted by hand', async () => {
    const preview = await startPreview(DIST, 0, { sample: true, now: NOW, examples: false });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(preview.url);
    const panel = sidebar(page);
    const plan = panel.getByRole('button', { name: 'Plan and write Schedule' });
    const send = panel.getByRole('button', { name: 'Send', exact: true });
    const tell = panel.locator('section.card', { hasText: 'Tell people' });
    const { mail, calendar } = preview.session().services;

    // The first plan is the Baseline: tell everyone their coming weeks.
    await plan.click();
    await panel.getByText('This first plan is kept as the Baseline').waitFor({ timeout: 90_000 });
    await tell.getByText(/^Calendar: \d+ events for \d+ people over the next 4 weeks\.$/).waitFor();
    await send.click();
    await tell.getByText('Sent. The Notifications sheet records each one.').waitFor({ timeout: 30_000 });
    const [id] = calendar.calendars.keys();
    const events = calendar.events(id).length;
    expect(events).toBeGreaterThan(10);
    await tell
      .getByText(`Calendar: Created the Crewsheet calendar; ${events} events created, 0 updated, 0 removed, 0 unchanged.`)
      .waitFor();
    const firstMails = mail.sent.length;
    expect(firstMails).toBeGreaterThan(5);
    expect(mail.sent.every((m) => m.subject === 'Your schedule for the next 4 weeks')).toBe(true);

    // A day off for the person on a task of the plan's second week.
    const baseline = sheetValues(preview, 'Baseline');
    const header = baseline[2].map(String);
    const [person, start] = [header.indexOf('Assignee'), header.indexOf('Start')];
    const task = baseline.slice(3).find((r) => r[person] && iso(r[start]) >= '2026-12-07') as unknown[];
    const who = String(task[person]).split(', ')[0];
    const row = sheetValues(preview, 'TimeOff').length + 1;
    await enterInCell(preview.url, 'TimeOff', `A${row}`, who);
    await enterInCell(preview.url, 'TimeOff', `B${row}`, iso(task[start]));

    // Re-plan, review, publish, then tell: the review shows the email before it goes.
    await plan.click();
    await panel.getByText(/tasks? changed/).waitFor({ timeout: 90_000 });
    await panel.getByRole('button', { name: 'Publish this plan' }).click();
    await panel.getByText('Published: the Baseline sheet now holds this plan').waitFor({ timeout: 30_000 });
    await tell.getByText('Review what will be sent').click();
    await tell
      .locator('.mail pre', { hasText: `${who} off` })
      .first()
      .waitFor();
    const patches = calendar.count('Calendar.Events.patch');
    await send.click();
    await tell.getByText(/^Sent/).waitFor({ timeout: 30_000 });
    const changedMails = mail.sent.slice(firstMails);
    expect(changedMails.length).toBeGreaterThan(0);
    expect(changedMails.every((m) => /^Schedule changes: \d+ changes? for you$/.test(m.subject))).toBe(true);
    expect(changedMails.some((m) => m.body.includes(`${who} off`))).toBe(true);
    expect(calendar.count('Calendar.Events.patch') - patches).toBeLessThan(events / 2);

    // Send again: nothing new.
    const calls = calendar.calls.length;
    await send.click();
    await tell.getByText(/^Calendar: 0 events created, 0 updated, 0 removed, \d+ unchanged\.$/).waitFor({ timeout: 30_000 });
    await tell.getByText(`Email: 0 emails sent, ${changedMails.length} already sent before (not sent again).`).waitFor();
    expect(mail.sent.length).toBe(firstMails + changedMails.length);
    expect(calendar.calls.slice(calls).map((c) => c.method)).toEqual(['Calendar.Events.list']);
    expect(sheetValues(preview, 'Notifications')[0]).toEqual(['When', 'Channel', 'To', 'What', 'Result', 'Key']);

    // The calendar deleted by hand in Google Calendar: the panel says so and offers a new one.
    calendar.deleteByHand(id);
    await send.click();
    await tell.getByText(/cannot be found: it was deleted in Google Calendar/).waitFor({ timeout: 30_000 });
    await tell.getByRole('button', { name: 'Start a new calendar' }).click();
    await tell
      .getByText(/^Calendar: Created the Crewsheet calendar; \d+ events created, 0 updated, 0 removed, 0 unchanged\.$/)
      .waitFor({ timeout: 30_000 });
    expect(calendar.calendars.size).toBe(2);
    expect(mail.sent.length).toBe(firstMails + changedMails.length);

    // The Outbox: the mail sent and the calendar's events, as recipients get them.
    const outbox = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await outbox.goto(new URL('/outbox', preview.url).href);
    await outbox.locator('#grid table').getByText(changedMails[0].subject).first().waitFor();
    await outbox.locator('#tabs').getByRole('button', { name: 'Calendar', exact: true }).click();
    await outbox.locator('#grid table').getByText('Northlight shop, 88 Foundry Road').first().waitFor();
    await outbox.close();
    expect(errors).toEqual([]);
    await page.close();
    await preview.close();
  }, 300_000);
});
