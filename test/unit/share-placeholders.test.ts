// Property: a placeholder (Staff > Role "Placeholder", a person still to hire) is planned like anyone,
// yet over random workbooks neither its name nor the word "Placeholder" reaches any cell of any client
// copy or view, whether copies show names or roles, and even when it is a project's manager.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, leaksIn, type WorkbookChoices, workbookChoices } from '../../bench/leaks';
import { dayOf } from '../../src/model/dates';
import { readWorkbook } from '../../src/model/read';
import { planSchedule } from '../../src/schedule/schedule';
import { clientCopy } from '../../src/share/copy';
import { scheduleFromShared, sharedTasks } from '../../src/share/planned';
import { clientViewTable } from '../../src/share/table';
import { blockingProblems } from '../../src/share/targets';
import { clientView } from '../../src/share/view';

const TODAY = dayOf(2027, 1, 4);
const WORKBOOKS = 400;

/** A random workbook whose `which` staff member becomes a placeholder, expert in every skill so the plan uses them. */
const placeholderWorkbooks = fc.record({ choices: workbookChoices, which: fc.nat({ max: 6 }) });

function withPlaceholder({ choices, which }: { choices: WorkbookChoices; which: number }) {
  const generated = buildWorkbook(choices);
  const [header, ...staff] = generated.raw.Staff;
  const i = which % staff.length;
  const name = String(staff[i][header.indexOf('Name')]);
  staff[i][header.indexOf('Role')] = 'Placeholder';
  staff[i][header.indexOf('Skills')] = 'Audio:4, Video:4, Rigging:4, Labor:4';
  return { raw: { ...generated.raw, Staff: [header, ...staff] }, name };
}

/** Every client's copy and view of a workbook, as the server builds them from the plan the sidebar sends. */
function copiesOf(raw: Record<string, (string | number)[][]>) {
  const { plan, problems } = readWorkbook(raw, { timeZone: 'UTC', today: TODAY });
  if (blockingProblems(plan, problems).length) return { copies: [], onClientWork: 0 };
  const result = planSchedule(plan, { iterations: 0 });
  const copies = plan.clients.flatMap(({ client }) => {
    const sent = JSON.parse(JSON.stringify(sharedTasks(plan, result, [client])));
    const rebuilt = scheduleFromShared(plan, [client], sent);
    if (!rebuilt.schedule) return [];
    const copy = clientCopy(plan, rebuilt.schedule, client, TODAY);
    return [
      {
        client,
        sheets: [
          ...copy.sheets,
          { name: 'CLIENTVIEW', values: clientViewTable(clientView(plan, undefined, client, TODAY)) },
          { name: 'title', values: [[copy.title]] },
        ],
        placeholderOnWork: sent.some((t: { crew: { name: string }[] }) =>
          t.crew.some((c) => plan.staff.some((s) => s.name === c.name && s.role === 'Placeholder')),
        ),
      },
    ];
  });
  return { copies, onClientWork: copies.filter((c) => c.placeholderOnWork).length };
}

describe('placeholders in client copies', () => {
  it(`are never named, nor called placeholders (${WORKBOOKS} random workbooks)`, () => {
    let onWork = 0;
    fc.assert(
      fc.property(placeholderWorkbooks, (drawn) => {
        const { raw, name } = withPlaceholder(drawn);
        const { copies, onClientWork } = copiesOf(raw);
        onWork += onClientWork;
        for (const copy of copies) expect(leaksIn(copy.client, copy.sheets, [name, 'Placeholder'])).toEqual([]);
      }),
      { numRuns: WORKBOOKS, seed: 20261202 },
    );
    // The placeholder really is on clients' planned work, in copies showing names and roles alike.
    expect(onWork).toBeGreaterThan(WORKBOOKS / 2);
  }, 120_000);

  it('would notice: the placeholder planted in a copy is reported with its cell', () => {
    const [drawn] = fc.sample(placeholderWorkbooks, { numRuns: 40, seed: 3 }).filter((d) => {
      const { raw } = withPlaceholder(d);
      return copiesOf(raw).onClientWork > 0;
    });
    const { raw, name } = withPlaceholder(drawn);
    const copy = copiesOf(raw).copies.find((c) => c.placeholderOnWork) as ReturnType<typeof copiesOf>['copies'][number];
    const plan = copy.sheets[0];
    const tampered = [{ name: plan.name, values: [...plan.values, [`crew: ${name}`]] }];
    expect(leaksIn(copy.client, tampered, [name])).toEqual([
      { client: copy.client, sheet: plan.name, cell: `R${plan.values.length + 1}C1`, secret: name },
    ]);
    // And the firm's own plan does name them: the placeholder is planned like a person.
    const { plan: read } = readWorkbook(raw, { timeZone: 'UTC', today: TODAY });
    const planned = planSchedule(read, { iterations: 0 }).tasks.flatMap((t) => t.crew);
    expect(planned.some((c) => c.name === name && c.placeholder)).toBe(true);
  });
});
