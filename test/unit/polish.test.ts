// The polish after the search leaves nothing it looks for: on the sample firm and on generated firms,
// no two people on a crew could change places for a better plan, and no task could start earlier with
// its own crew (everything else as planned) without making the plan worse.

import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import type { Plan } from '../../src/model/plan';
import { Alternatives } from '../../src/schedule/alternatives';
import { Bookings } from '../../src/schedule/bookings';
import { readyDay } from '../../src/schedule/decode';
import { compareTerms, TermLedger } from '../../src/schedule/objective';
import { buildProblem } from '../../src/schedule/problem';
import { Search } from '../../src/schedule/search';
import { read, sample } from '../support/workbook';

/** What the polish missed: crews that could change places, tasks that could start earlier. */
function missed(plan: Plan): string[] {
  const problem = buildProblem(plan, { includeProposals: false });
  const search = new Search(problem, { iterations: 100 });
  while (!search.step(500));
  const { planned } = search;
  const found = search.result().schedule;
  const schedule = { ...found, start: found.start.slice(), end: found.end.slice(), crew: found.crew.slice(), daily: found.daily.slice() };
  new Alternatives(problem, schedule, search.forward, planned).polish(schedule.order, planned);
  const ledger = new TermLedger(problem, schedule, planned);
  const missing: string[] = [];
  for (const job of problem.jobs) {
    const j = job.index;
    if (!planned[j] || !schedule.daily[j] || job.milestone) continue;
    const crew = Array.from(schedule.crew[j]);
    for (let s = 0; s < crew.length; s++)
      for (let t = s + 1; t < crew.length; t++) {
        if (job.pinned[s] >= 0 || job.pinned[t] >= 0) continue;
        if (!job.slots[s].candidates.includes(crew[t]) || !job.slots[t].candidates.includes(crew[s])) continue;
        const exchanged = crew.slice();
        [exchanged[s], exchanged[t]] = [crew[t], crew[s]];
        if (compareTerms(ledger.whatIf(j, exchanged, schedule.start[j], schedule.end[j]), ledger.terms) < 0)
          missing.push(`${job.item.key}: places ${s} and ${t} exchanged are better`);
      }
    const bookings = new Bookings(problem.calendar, problem.limit);
    for (const other of problem.jobs) {
      const daily = schedule.daily[other.index];
      if (daily && other.index !== j && planned[other.index])
        bookings.rebook(schedule.crew[other.index], { start: schedule.start[other.index], end: schedule.end[other.index], daily });
    }
    const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
    const window = bookings.window(crew, job.hours, job.maxPerDay, ready);
    if (window && window.start < schedule.start[j] && compareTerms(ledger.whatIf(j, crew, window.start, window.end), ledger.terms) <= 0)
      missing.push(`${job.item.key}: could start on day ${window.start}, not ${schedule.start[j]}`);
  }
  return missing;
}

const FIRMS: [string, () => Plan][] = [
  ['the sample firm', () => read(sample()).plan],
  ...Array.from({ length: 8 }, (_, i): [string, () => Plan] => [
    `generated firm ${i + 1}`,
    () => read(generateFirm({ staff: 6 + i, tasks: 30 + 8 * i, months: 4, seed: i + 1 })).plan,
  ]),
];

describe('the polish', () => {
  it.each(FIRMS)('leaves no better exchange in a crew and no task that could start earlier: %s', (_name, firm) => {
    expect(missed(firm())).toEqual([]);
  });
});
