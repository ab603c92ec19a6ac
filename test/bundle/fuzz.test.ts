// Hostile input for every custom function and every server call of the built dist/Code.js, called as
// Sheets and google.script.run call them: seeded fast-check workbooks (clean, at the limits, or with
// hostile cells mixed in) and the reliability audit's cases. Every answer must be something Sheets can
// show, every server error something the sidebar can show, and no call may write an input sheet or
// leave the lock held. `npm run bench:fuzz` runs the same checks longer and prints the worst times.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditCases, type Call, check, describeCall, formulaCalls, NOW, serverCalls, setUp } from '../../bench/fuzz';
import { loadAddon } from '../../preview/gas/addon';
import { builtCode } from '../support/addon';

const SEED = 20_261_123;
/** Calls per function (about 2,000 in all): planning costs tens of milliseconds a call, STAFFING plans several times. */
const RUNS: Record<string, number> = { ESTIMATE: 400, SKILLMATCH: 400, GANTT: 400, STAFFING: 30 };
const PLANNING_RUNS = 50;
const SERVER_RUNS = 60;

const code = builtCode();

function failureOf(call: Call): string | undefined {
  const { ss, services, script } = setUp(code, call.sheets, (source, s) => loadAddon(source, s, NOW));
  const { failure } = check(call, ss, services, script);
  return failure && `${failure} — ${describeCall(call)}`;
}

describe('every custom function answers hostile workbooks with something Sheets can show', () => {
  for (const [fn, calls] of Object.entries(formulaCalls)) {
    it(fn, () => {
      fc.assert(
        fc.property(calls, (call) => {
          expect(failureOf(call)).toBeUndefined();
        }),
        { seed: SEED, numRuns: RUNS[fn] ?? PLANNING_RUNS },
      );
    }, 120_000);
  }
});

describe('every server call refuses junk readably, writes no input sheet and releases the lock', () => {
  for (const [fn, calls] of Object.entries(serverCalls)) {
    it(fn, () => {
      fc.assert(
        fc.property(calls, (call) => {
          expect(failureOf(call)).toBeUndefined();
        }),
        { seed: SEED, numRuns: SERVER_RUNS },
      );
    });
  }
});

// Every answer here loads the whole script afresh: on a busy 2-core machine a few take tens of seconds.
describe('the reliability audit’s cases', { timeout: 60_000 }, () => {
  const cases = auditCases();
  const labelled = (label: string, fn = 'ASSIGN') => cases.find((c) => c.label === label && c.fn === fn) as Call;
  const answer = (call: Call) => {
    const { script } = setUp(code, call.sheets, (source, s) => loadAddon(source, s, NOW));
    return script.customFunction(call.fn, call.args) as unknown[][];
  };

  it.each(cases.map((call) => [describeCall(call), call] as const))('%s', (_, call) => {
    expect(failureOf(call)).toBeUndefined();
  });

  it('people at 0 Hours/Week leave every task unstaffed, saying who is not available', () => {
    const [header, ...rows] = answer(labelled('everyone at 0 Hours/Week'));
    expect(header).toEqual(['Project', 'Task', 'Assignee', 'Start', 'End', 'Hours', 'Why']);
    const tasks = rows.filter((r) => r[1] !== '');
    expect(tasks).toHaveLength(200);
    for (const r of tasks)
      expect(r[6]).toMatch(
        /^Cannot be staffed: nobody with \w+:\d is available from the plan start: S\d+ \(works no hours\).* and 5 more\.$/,
      );
  });

  it('a 4 h/week person and a 0.5 h/day task are planned', () => {
    expect(answer(labelled('a 4 h/week part-timer'))[1].slice(2, 4)).toEqual(['Ana', new Date('2026-11-23T05:00:00Z')]);
    expect(answer(labelled('Max Hours/Day 0.5'))[1][2]).toBe('Ana');
  });

  it('an answer bigger than a formula may give says so, and what to narrow', () => {
    expect(answer(labelled('36 million cells', 'GANTT'))).toEqual([
      ['GANTT: too large for a formula: pass smaller ranges'],
      ['Rows × dates is over 1,000,000 cells.'],
    ]);
    expect(answer(labelled('1,000 people over 300 years', 'UTILIZATION'))).toEqual([
      ['UTILIZATION: too large for a formula: use the Quotas panel'],
      ['It needs more work than Sheets gives a formula (30 seconds).'],
    ]);
    const wide = [Array.from({ length: 1_001 }, (_, i) => i + 1)];
    const huge = Array.from({ length: 1_000 }, () => wide[0]);
    expect(answer({ fn: 'ESTIMATE', kind: 'formula', args: [16, huge, huge], sheets: {} })).toEqual([
      ['ESTIMATE: too large for a formula: pass smaller ranges'],
      ["A range is over a formula's 1,000,000 cells: pass only the rows in use."],
    ]);
  });

  it('a plan needing more work than a formula may do says to use the Plan panel, at once', () => {
    const staff = [['Name', 'Skills'], ...Array.from({ length: 10_000 }, (_, i) => [`S${i}`, 'LED:3'])];
    const tasks = [
      ['Project', 'Task', 'Skills', 'Hours', 'Start'],
      ['P', 'Late start', 'LED', 8, new Date('2036-06-02T04:00:00Z')],
    ];
    const [title, why] = answer({ fn: 'ASSIGN', kind: 'formula', args: [tasks, staff], sheets: {} });
    expect(title).toEqual(['ASSIGN: too large for a formula: use the Plan panel']);
    expect(why).toEqual(['It needs more work than Sheets gives a formula (30 seconds).']);
  });
});
