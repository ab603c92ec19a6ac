import { describe, expect, it } from 'vitest';
import { readBaseline } from '../../src/model/baseline';
import { dayOf } from '../../src/model/dates';
import type { Grid } from '../../src/model/read';
import { changesSince } from '../../src/schedule/changes';
import { causeText, changesSheet, placementText, recipientText } from '../../src/schedule/publish-sheets';
import { planSchedule } from '../../src/schedule/schedule';
import { assignTable } from '../../src/schedule/sheet';
import { read, sample } from '../support/workbook';

type Raw = Record<string, unknown[][]>;

/** Two LED technicians, Ana and Bo, and two jobs, from Monday 4 January 2027. */
function firm(extra: Raw = {}): Raw {
  return {
    Clients: [
      ['Client', 'Contact Email'],
      ['Acme', 'events@acme.example'],
      ['Zenith', 'ops@zenith.example'],
    ],
    Staff: [
      ['Name', 'Email', 'Skills'],
      ['Ana', 'ana@firm.example', 'LED:2'],
      ['Bo', 'bo@firm.example', 'LED:2'],
      ['Cleo', 'cleo@firm.example', 'Audio:2'],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Priority', 'Due', 'Project Manager'],
      ['Launch', 'Acme', 'Active', 1, '2027-01-05', 'Cleo'],
      ['Refit', 'Zenith', 'Won', 5, '2027-01-29', 'Cleo'],
      ['Pitch', 'Zenith', 'Proposal', 5, '2027-02-26', 'Cleo'],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'Status'],
      ['Launch', 'Screens', 'LED:1', 16, 'Not Started'],
      ['Refit', 'Panels', 'LED:1', 16, 'Not Started'],
      ['Pitch', 'Mock-up', 'LED:1', 8, 'Not Started'],
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
      ['Plan Proposals', 'yes'],
      ['Freeze Days', 0],
    ],
    ...extra,
  };
}

const PUBLISHED: Grid = [
  ['Project', 'Task', 'Assignee', 'Start', 'End', 'Hours'],
  ['Launch', 'Screens', 'Ana', '2027-01-04', '2027-01-05', 16],
  ['Refit', 'Panels', 'Bo', '2027-01-04', '2027-01-05', 16],
  ['Pitch', 'Mock-up', 'Ana', '2027-01-06', '2027-01-06', 8],
];

function changes(raw: Raw, mode = 'Balanced') {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const { rows } = readBaseline(PUBLISHED, 'Baseline', 'UTC');
  const result = planSchedule(plan, { baseline: rows, replanMode: mode as 'Balanced' });
  return changesSince(plan, rows, result, mode);
}

describe('what changed since the baseline', () => {
  it('lists nothing when nothing changed', () => {
    const { plan } = read(sample());
    const first = planSchedule(plan);
    const { rows } = readBaseline(assignTable(first) as Grid, 'Baseline', 'UTC');
    expect(changesSince(plan, rows, planSchedule(plan, { baseline: rows }), 'Balanced')).toEqual([]);
  });

  it('traces a move to the time-off row that forced it, and tells the people and the manager', () => {
    const list = changes(
      firm({
        TimeOff: [
          ['Name', 'From', 'To'],
          ['Ana', '2027-01-04', '2027-01-05'],
        ],
      }),
    );
    const screens = list.find((c) => c.task === 'Screens');
    expect(screens?.causes.map(causeText)).toContain('TimeOff!A2: Ana off Mon 4 Jan – Tue 5 Jan');
    expect(placementText(screens?.before)).toBe('Ana · Mon 4 Jan – Tue 5 Jan');
    const tell = screens?.tell.map(recipientText) ?? [];
    expect(tell).toContain('Ana (removed)');
    expect(tell).toContain('Cleo (project manager)');
    expect(tell.some((t) => t.startsWith('Bo'))).toBe(true);
    // Another person on the same days: nothing the client sees has moved.
    expect(screens?.clientSees).toBe(screens?.kind !== 'people');
  });

  it('tells the client’s contacts when dates they see move, and names the task row for more hours', () => {
    const raw = firm();
    raw.Tasks[2][3] = 40;
    const panels = changes(raw, 'Keep').find((c) => c.task === 'Panels');
    expect(panels?.causes.map(causeText)).toContain('Tasks!D3: 40 h to do (was 16)');
    expect(panels?.kind).toBe('dates');
    expect(panels?.clientSees).toBe(true);
    expect(panels?.tell.map(recipientText)).toContain('Zenith <ops@zenith.example> (client contact)');
  });

  it('neither publishes nor reports proposals', () => {
    const raw = firm();
    raw.Tasks[3][3] = 30;
    expect(changes(raw).some((c) => c.project === 'Pitch')).toBe(false);
  });

  it('lists new work and published work that is done, with their rows', () => {
    const raw = firm();
    raw.Tasks.push(['Launch', 'Cables', 'LED:1', 4, 'Not Started']);
    raw.Tasks[2][4] = 'Done';
    const list = changes(raw);
    expect(list.find((c) => c.task === 'Cables')?.causes.map(causeText)).toEqual(['Tasks!B5: new task']);
    const panels = list.find((c) => c.task === 'Panels');
    expect(panels?.kind).toBe('done');
    expect(panels?.causes.map(causeText)).toEqual(['Tasks!E3: done']);
    expect(panels?.tell).toEqual([]);
  });

  it('writes a Changes sheet with one row per change, before and after, why and whom to tell', () => {
    const list = changes(
      firm({
        TimeOff: [
          ['Name', 'From', 'To'],
          ['Ana', '2027-01-04', '2027-01-05'],
        ],
      }),
    );
    const sheet = changesSheet(list, dayOf(2026, 12, 28), dayOf(2027, 1, 4));
    expect(sheet.values[0][1]).toBe(
      'Since the baseline published 2026-12-28 · ' +
        list.length +
        ' task' +
        (list.length === 1 ? '' : 's') +
        ' changed · generated 2027-01-04',
    );
    expect(sheet.values[2]).toEqual(['Project', 'Client', 'Task', 'Change', 'Before', 'After', 'Why', 'Tell']);
    expect(sheet.values.length).toBe(3 + list.length);
  });
});
