// Placeholders (Staff > Role "Placeholder"): planned like people, set apart in the firm's own Schedule
// and timelines, and counted as hiring demand per skill and month.

import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_FILL, PLACEHOLDER_INK } from '../../src/model/placeholder';
import { planBounded } from '../../src/schedule/schedule';
import { scheduleSheet } from '../../src/schedule/sheet';
import { adviseStaffing } from '../../src/staffing/advisor';
import { placeholderDemand } from '../../src/staffing/demand';
import { staffingSheet } from '../../src/staffing/sheet';
import { timelineSheet } from '../../src/timeline/sheet';
import { buildTimeline } from '../../src/timeline/views';
import { read, sample, TODAY } from '../support/workbook';

/** The sample firm with an expert rigger still to hire, and no cost rate yet. */
function withPlaceholder(role = 'Placeholder') {
  const raw = sample();
  raw.Staff.push(['TBH Rigger', '', role, 'Rigging:4, Labor:3', 40, 'Mon-Fri', '', '', '', '', '']);
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { plan, result: planBounded(plan, { iterations: 30 }) };
}

describe('a placeholder', () => {
  const { plan, result } = withPlaceholder();
  const theirs = result.tasks.filter((t) => t.crew.some((c) => c.name === 'TBH Rigger'));

  it('is planned like a person, and marked as one to hire', () => {
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((t) => t.crew.find((c) => c.name === 'TBH Rigger')?.placeholder)).toBe(true);
    const { result: asPerson } = withPlaceholder('Rigger');
    expect(asPerson.tasks.flatMap((t) => t.crew).some((c) => c.placeholder)).toBe(false);
  });

  it('is written in purple in the Schedule, with a note and a "To hire" line above', () => {
    const sheet = scheduleSheet(result, TODAY);
    const header = sheet.values.findIndex((row) => row[0] === 'Project' && row[3] === 'Assignee');
    const rows = sheet.values.map((row, r) => ({ row, r })).filter(({ row, r }) => r > header && String(row[3]).includes('TBH Rigger'));
    expect(rows.length).toBe(theirs.length);
    for (const { r } of rows) {
      expect(sheet.fontColors?.[r]?.[3]).toBe(PLACEHOLDER_INK);
      expect(sheet.notes?.[r]?.[3]).toMatch(/TBH Rigger: to hire/);
    }
    const others = sheet.values.findIndex((row, r) => r > header && row[3] && !String(row[3]).includes('TBH Rigger'));
    expect(sheet.fontColors?.[others]?.[3] ?? null).toBeNull();
    expect(sheet.values.find((row) => row[0] === 'To hire')?.[1]).toMatch(/^TBH Rigger \(\d+ h\): placeholders/);
  });

  it('is set apart in the timeline by project and by person', () => {
    const byProject = buildTimeline(plan, result, { view: 'project', scale: 'week', today: TODAY });
    const rows = byProject.rows.filter((r) => r.kind === 'task' && String(r.labels[1]).includes('TBH Rigger (to hire)'));
    expect(rows.length).toBe(theirs.length);
    expect(rows.every((r) => r.placeholder)).toBe(true);
    expect(byProject.legend.map((l) => l.label)).toContain('To hire (placeholder)');

    const byPerson = buildTimeline(plan, result, { view: 'person', scale: 'week', today: TODAY });
    const person = byPerson.rows.find((r) => r.kind === 'person' && r.labels[0] === 'TBH Rigger');
    expect(person?.labels[1]).toBe('Placeholder: to hire');
    const sheet = timelineSheet(byPerson, '2026-11-21');
    const at = sheet.values.findIndex((row) => row[0] === 'TBH Rigger');
    expect(sheet.backgrounds?.[at]?.[0]).toBe(PLACEHOLDER_FILL);
    expect(sheet.backgrounds?.[sheet.values.findIndex((row) => row[0] === 'Maya Okafor')]?.[0]).not.toBe(PLACEHOLDER_FILL);
  });

  it('carries hiring demand: its hours per skill and month, committed and proposals apart', () => {
    const demand = placeholderDemand(plan, result);
    const total = demand.reduce((sum, r) => sum + r.committed + r.proposals, 0);
    const booked = theirs.reduce((sum, t) => sum + t.daily.reduce((a, b) => a + b, 0), 0);
    expect(total).toBeCloseTo(booked, 6);
    const committed = theirs.filter((t) => !t.tentative).reduce((sum, t) => sum + t.daily.reduce((a, b) => a + b, 0), 0);
    expect(demand.reduce((sum, r) => sum + r.committed, 0)).toBeCloseTo(committed, 6);
    expect(demand.every((r) => r.placeholders.includes('TBH Rigger') && /^(Rigging|Labor):\d$/.test(r.skill))).toBe(true);
    expect(demand.every((r) => r.expected <= r.proposals + 1e-9)).toBe(true);
    const written = staffingSheet({ recommendations: [], evidence: [], tried: 0 }, demand, TODAY);
    expect(written.values.filter((row) => row[5] === 'TBH Rigger')).toHaveLength(demand.length);
  });

  it('is never the one STAFFING proposes to train', () => {
    const firm = {
      Staff: [
        ['Name', 'Role', 'Skills', 'Hours/Week'],
        ['Ana', 'Rigger', 'Rigging:3', 40],
        ['TBH Hand', 'Placeholder', 'Rigging:2', 40],
      ],
      Projects: [
        ['Project', 'Client', 'Due'],
        ['Show', 'Acme', '2027-01-06'],
      ],
      Tasks: [['Project', 'Task', 'Skills', 'Hours'], ...['Truss', 'Motors', 'Points'].map((t) => ['Show', t, 'Rigging:3', 16])],
      Settings: [
        ['Key', 'Value'],
        ['Plan Start', '2027-01-04'],
      ],
    };
    const advice = adviseStaffing(read(firm).plan);
    expect(advice.recommendations.length).toBeGreaterThan(0);
    expect(advice.recommendations.every((r) => r.change.person !== 'TBH Hand')).toBe(true);
  });
});
