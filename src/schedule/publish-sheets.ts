// The Baseline sheet (the plan people were told, dated) and the Changes sheet (what moved since, why,
// and whom to tell), built from a plan and its changes.

import { type Day, dayToIso, shortDate } from '../model/dates';
import type { Cell, SheetOutput } from '../model/output';
import type { Cause } from './causes';
import type { Placement, Recipient, TaskChange } from './changes';
import type { ScheduleResult } from './schedule';
import { inPlanOrder } from './sheet';

const HEADER = '#e8eaed';
const date = (day: Day): Cell => ({ date: dayToIso(day) });

export const BASELINE_HEADER = ['Project', 'Client', 'Task', 'Assignee', 'Start', 'End', 'Hours', 'State'];

/** The plan as published on `published`: who does each committed task and when, values only. */
export function baselineSheet(result: ScheduleResult, published: Day): SheetOutput {
  const tasks = result.tasks.filter((t) => !t.tentative);
  const title: Cell[] = [
    'Crewsheet baseline',
    `Published ${dayToIso(published)} · plan starts ${shortDate(result.planStart)} · ${tasks.length} tasks`,
  ];
  const rows = inPlanOrder(tasks).map((t): Cell[] => {
    const placed = t.state !== 'unstaffable';
    return [
      t.project,
      t.client,
      t.task,
      t.crew.map((c) => c.name).join(', '),
      placed ? date(t.start) : null,
      placed ? date(t.end) : null,
      Math.round(t.hours * 100) / 100,
      t.state,
    ];
  });
  return {
    name: 'Baseline',
    values: [title, [], BASELINE_HEADER, ...rows],
    backgrounds: [[], [], BASELINE_HEADER.map(() => HEADER)],
    numberFormats: [[], [], [], ...rows.map(() => ['', '', '', '', 'ddd d mmm yyyy', 'ddd d mmm yyyy', '0.##', ''])],
    notes: [
      [
        'Written by Crewsheet when the plan is published: the plan people were told. Re-planning keeps what still fits of it, and the Changes sheet lists what moved since.',
      ],
    ],
    boldRows: [0, 2],
    frozenRows: 3,
    columnWidths: [190, 150, 210, 200, 110, 110, 60, 90],
  };
}

/** "Tom Gallagher, Omar Haddad · Mon 7 Dec – Fri 11 Dec". */
export function placementText(p: Placement | undefined): string {
  if (!p) return '';
  const who = p.crew.length ? p.crew.join(', ') : 'nobody';
  if (p.start === undefined) return who;
  const when = p.end === undefined || p.end === p.start ? shortDate(p.start) : `${shortDate(p.start)} – ${shortDate(p.end)}`;
  return `${who} · ${when}`;
}

export function causeText(c: Cause): string {
  return c.cell ? `${c.cell}: ${c.text}` : c.text;
}

export function recipientText(r: Recipient): string {
  const who = r.role === 'client contact' ? `${r.name} <${r.email}>` : r.name;
  return `${who} (${r.role})`;
}

export const CHANGES_HEADER = ['Project', 'Client', 'Task', 'Change', 'Before', 'After', 'Why', 'Tell'];

/** One row per changed task: before → after, the rows that caused it, and whom to tell. */
export function changesSheet(changes: readonly TaskChange[], published: Day | undefined, today: Day): SheetOutput {
  const since = published === undefined ? 'the baseline' : `the baseline published ${dayToIso(published)}`;
  const title: Cell[] = [
    'Crewsheet changes',
    `Since ${since} · ${changes.length} task${changes.length === 1 ? '' : 's'} changed · generated ${dayToIso(today)}`,
  ];
  const rows = changes.map((c): Cell[] => [
    c.project,
    c.client,
    c.task,
    c.kind,
    placementText(c.before),
    placementText(c.after),
    c.causes.map(causeText).join('; '),
    c.tell.map(recipientText).join(', '),
  ]);
  const body = rows.length ? rows : [['Nothing changed since the baseline.']];
  return {
    name: 'Changes',
    values: [title, [], CHANGES_HEADER, ...body],
    backgrounds: [[], [], CHANGES_HEADER.map(() => HEADER)],
    notes: [['Written by Crewsheet on each Plan run: every task whose people, dates or state changed since the published plan.']],
    boldRows: [0, 2],
    frozenRows: 3,
    columnWidths: [190, 150, 210, 120, 260, 260, 420, 420],
  };
}
