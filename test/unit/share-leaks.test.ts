// Property: over random workbooks, no internal value reaches any cell of any client view or copy.
// bench/leaks.ts runs the same check over 10,000 and more workbooks.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, checkWorkbook, forbiddenFor, leaksIn, workbookChoices } from '../../bench/leaks';
import { dayOf } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { planSchedule } from '../../src/schedule/schedule';
import { clientCopy } from '../../src/share/copy';

const WORKBOOKS = 1000;

describe('client copies of random workbooks', () => {
  it(`leak nothing internal, and every genuine plan passes the server's check (${WORKBOOKS} workbooks)`, () => {
    let copies = 0;
    fc.assert(
      fc.property(workbookChoices, (choices) => {
        const check = checkWorkbook(buildWorkbook(choices));
        copies += check.copies;
        expect(check.refused).toEqual([]);
        expect(check.leaks).toEqual([]);
      }),
      { numRuns: WORKBOOKS, seed: 20261121 },
    );
    // The generator makes real copies, not only workbooks with errors.
    expect(copies).toBeGreaterThan(WORKBOOKS);
  }, 180_000);

  it('would notice a leak: an internal value slipped into a copy is reported with its cell', () => {
    const [choices] = fc.sample(workbookChoices, { numRuns: 1, seed: 7 });
    const generated = buildWorkbook({ ...choices, clients: choices.clients.map((c) => ({ ...c, email: 'one' as const })) });
    const { plan } = readWorkbook(generated.raw, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
    const result = planSchedule(plan, { iterations: 0 });
    const [mine, other] = plan.clients.map((c) => c.client);
    const forbidden = forbiddenFor(plan, result, generated.secrets, mine);
    const copy = clientCopy(plan, result, mine, dayOf(2027, 1, 4));
    expect(leaksIn(mine, copy.sheets, forbidden)).toEqual([]);
    const rate = String(plan.staff[0].costRate);
    const tampered = [{ name: 'Plan', values: [...copy.sheets[0].values, [`note: ${other} pays ${rate}`]] }];
    const row = copy.sheets[0].values.length + 1;
    expect(leaksIn(mine, tampered, forbidden)).toEqual(
      expect.arrayContaining([
        { client: mine, sheet: 'Plan', cell: `R${row}C1`, secret: generated.secrets.clients[1] },
        { client: mine, sheet: 'Plan', cell: `R${row}C1`, secret: rate },
      ]),
    );
  });
});
