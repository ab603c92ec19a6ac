// ASSIGN's baseline argument through the built dist/Code.js, called as Sheets calls it: its own answer
// as the baseline gives that answer back; the Schedule the Plan panel wrote as the baseline gives the
// panel's plan, though a formula searches less; a bad baseline cell is named.

import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { planBounded } from '../../src/schedule/schedule';
import { BROWSER_WORK_BUDGET } from '../../src/schedule/search';
import { scheduleSheet } from '../../src/schedule/sheet';
import { sampleAddon } from '../support/addon';

type Loaded = ReturnType<typeof sampleAddon>;

const range = (loaded: Loaded, name: string) => loaded.ss.sheets.find((s) => s.name === name)?.peek() as unknown[][];

function assign(loaded: Loaded, baseline?: unknown[][]): unknown[][] {
  const args = ['Tasks', 'Staff', 'Projects', 'TimeOff'].map((n) => range(loaded, n));
  return loaded.addon.customFunction('ASSIGN', [...args, '', ...(baseline ? [baseline] : [])]) as unknown[][];
}

/** Who and when, row by row: what a baseline keeps. */
const rows = (table: unknown[][]) => table.map((r) => r.slice(0, 5).map((c) => (c instanceof Date ? c.toISOString() : c)));

describe('ASSIGN with a baseline', () => {
  it('given its own answer, answers the same plan', () => {
    const loaded = sampleAddon();
    const first = assign(loaded);
    expect(rows(assign(loaded, first))).toEqual(rows(first));
  });

  it('given the Schedule the Plan panel wrote, answers the panel’s plan', () => {
    const loaded = sampleAddon();
    // What the Plan panel does: read, plan at the browser's depth, write the Schedule.
    const snapshot = loaded.addon.run('getWorkbook', []) as { sheets: Record<string, unknown[][]>; timeZone: string; today: string };
    const today = isoToDay(snapshot.today) as number;
    const { plan } = readWorkbook(snapshot.sheets, { timeZone: snapshot.timeZone, today });
    const panel = planBounded(plan, { workBudget: BROWSER_WORK_BUDGET });
    loaded.addon.run('writeOutputs', [[scheduleSheet(panel, today)]]);
    const schedule = range(loaded, 'Schedule');
    const answer = assign(loaded, schedule);
    const byTask = new Map(answer.slice(1).map((r) => [`${r[0]}/${r[1]}`, r]));
    const panelRows = schedule.slice(schedule.findIndex((r) => r[0] === 'Project') + 1);
    expect(panelRows.length).toBeGreaterThan(20);
    for (const r of panelRows) {
      const mine = byTask.get(`${r[0]}/${r[2]}`) as unknown[];
      expect([mine[2], mine[3], mine[4]]).toEqual([r[3], r[4], r[5]]);
    }
    // The formula alone, at its own depth, plans differently somewhere: the baseline is what agrees.
    expect(rows(assign(loaded))).not.toEqual(rows(answer));
  });

  it('names a bad baseline cell instead of planning', () => {
    const loaded = sampleAddon();
    const baseline = [
      ['Project', 'Task', 'Assignee', 'Start'],
      ['Helios CES Booth', 'Fabricate booth frame', 'Omar Haddad', 'soon'],
    ];
    const answer = assign(loaded, baseline) as string[][];
    expect(answer[0][0]).toMatch(/^ASSIGN cannot plan/);
    expect(answer.flat().join('\n')).toContain('baseline!D2: Start must be a date like 2026-11-21, got "soon"');
  });
});
