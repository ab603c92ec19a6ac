// The Staffing output sheet: the team changes that help the plan most (STAFFING's table), then the
// hiring demand placeholders carry per skill and month.

import { type Day, dayToIso } from '../model/dates';
import { toTenth } from '../model/numbers';
import type { Cell, SheetOutput } from '../model/output';
import type { Advice } from './advisor';
import type { DemandRow } from './demand';
import { STAFFING_HEADER, staffingTable } from './table';

const HEADER_FILL = '#e8eaed';
export const DEMAND_HEADER = ['Skill', 'Month', 'Committed h', 'Proposals h', 'Expected h', 'Placeholders'];

export function staffingSheet(advice: Advice, demand: readonly DemandRow[], today: Day): SheetOutput {
  const changes = staffingTable(advice).slice(1);
  const values: Cell[][] = [
    ['Crewsheet staffing', `Generated ${dayToIso(today)}. Each change was planned again, as the STAFFING formula plans it; best first.`],
    STAFFING_HEADER,
    ...changes,
    [],
    ['Hiring demand', 'Hours the plan gives placeholders (Staff rows with Role "Placeholder"), per skill and month.'],
    DEMAND_HEADER,
    ...(demand.length
      ? demand.map((r): Cell[] => [
          r.skill,
          { date: dayToIso(r.month) },
          toTenth(r.committed),
          toTenth(r.proposals),
          toTenth(r.expected),
          r.placeholders.join(', '),
        ])
      : [
          [
            'No placeholders on Staff: add one (e.g. Name "TBH Rigger", Role "Placeholder", Skills "Rigging:3") to see the work a hire would carry.',
          ],
        ]),
  ];
  const demandHeader = changes.length + 4;
  const headers = new Set([1, demandHeader]);
  return {
    name: 'Staffing',
    values,
    backgrounds: values.map((_, r) => (headers.has(r) ? STAFFING_HEADER.map(() => HEADER_FILL) : [])),
    numberFormats: values.map((_, r) => (r > demandHeader && demand.length ? ['', 'mmm yyyy', '0.#', '0.#', '0.#'] : [])),
    notes: [
      [
        'Written by Crewsheet. Regenerated from the Staffing panel: edits here are replaced. Late Days Saved weighs each working day by its project priority (priority 3 = 1).',
      ],
    ],
    boldRows: [0, 1, demandHeader - 1, demandHeader],
    frozenRows: 2,
    columnWidths: [150, 150, 110, 110, 110, 640],
  };
}
