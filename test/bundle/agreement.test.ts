// One story across formulas, panels, sheets and copies: for the same sheets, each custom function
// (the built dist/Code.js, called as Sheets calls it) agrees with the panel that shows the same thing
// (the sidebar's own code, on the workbook as the sidebar reads it), on the sample firm and on
// generated firms. Formulas search less deeply than the panels (they must answer at once), so a
// formula is held to the panel's reading of the sheets at its own depth; CLIENTVIEW, which promises
// the copy's table, is held to the copy itself.

import { beforeAll, describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { planWorkbook } from '../../sidebar/planning';
import type { Progress } from '../../sidebar/ui';
import type { LoadedWorkbook } from '../../sidebar/workbook';
import type { ShareReport, WorkbookSnapshot } from '../../src/api';
import { budgetRanges } from '../../src/budget/budget';
import { budgetRangeTable } from '../../src/budget/sheet';
import { dateToDay, dayToIso, isoToDay, SHEETS_EPOCH } from '../../src/model/dates';
import { type Cell, isDateCell } from '../../src/model/output';
import { hasErrors } from '../../src/model/problems';
import { readWorkbook } from '../../src/model/read';
import { attainments } from '../../src/quota/attainment';
import { ATTAINMENT_LINES } from '../../src/quota/attainment-lines';
import { attainmentTable, SIDEBAR_WORDING } from '../../src/quota/attainment-sheet';
import { type PlannedTask, planSchedule, type ScheduleResult } from '../../src/schedule/schedule';
import { assignTable } from '../../src/schedule/sheet';
import { openWork, taskId } from '../../src/schedule/validate-work';
import { COPY_PLAN } from '../../src/share/plan';
import { sharedTasks } from '../../src/share/planned';
import { clientView } from '../../src/share/view';
import { addonWith, sampleAddon } from '../support/addon';

type Loaded = ReturnType<typeof addonWith>;
const ZONE = 'America/New_York';

/** A generated firm whose Settings > Iterations (as the sample's) let a formula plan as the Share panel does. */
function generated(seed: number): Loaded {
  const firm = generateFirm({ staff: 8 + seed, tasks: 20 + 10 * seed, months: 3, seed });
  firm.Settings = [...(firm.Settings ?? []), ['Iterations', 1000]];
  return addonWith(firm);
}

/** The sample firm, and generated firms small enough for a formula to plan as the Share panel does. */
const FIRMS: [string, () => Loaded][] = [
  ['the sample firm', () => sampleAddon()],
  ...[1, 2].map((seed): [string, () => Loaded] => [`generated firm ${seed}`, () => generated(seed)]),
];

const range = (loaded: Loaded, name: string) => loaded.ss.sheets.find((s) => s.name === name)?.peek() as unknown[][];

/** The workbook as the sidebar reads it: one getWorkbook call, parsed in the browser. */
function sidebarWorkbook(loaded: Loaded): LoadedWorkbook {
  const snapshot = loaded.addon.run('getWorkbook', []) as WorkbookSnapshot;
  const result = readWorkbook(snapshot.sheets, { timeZone: snapshot.timeZone, today: isoToDay(snapshot.today) as number });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { ...result, snapshot, ok: !hasErrors(result.problems) };
}

const quiet: Progress = { element: undefined as unknown as HTMLElement, set: async () => undefined, hide: () => undefined };

/** A formula's answer with its dates as ISO days; a core table the same way. */
const answered = (rows: unknown[][]) => rows.map((row) => row.map((v) => (v instanceof Date ? dayToIso(dateToDay(v, ZONE)) : v)));
const cells = (rows: Cell[][]) => rows.map((row) => row.map((c) => (c === null ? '' : isDateCell(c) ? c.date : c)));

const keys = (tasks: ScheduleResult['tasks']) => tasks.map((t) => `${t.project}/${t.task}`).sort();

describe.each(FIRMS)('%s', (_name, load) => {
  let loaded: Loaded;
  let workbook: LoadedWorkbook;
  /** The plan the panels show (Plan Proposals as Settings say). */
  let panel: ScheduleResult;
  beforeAll(async () => {
    loaded = load();
    workbook = sidebarWorkbook(loaded);
    panel = await planWorkbook(workbook, workbook.plan.settings.planProposals, quiet);
  });
  const ranges = (...names: string[]) => names.map((n) => range(loaded, n) ?? '');

  it('ASSIGN plans the work the Plan panel plans, template projects included, read from the same sheets', () => {
    const answer = loaded.addon.customFunction('ASSIGN', ranges('Tasks', 'Staff', 'Projects', 'TimeOff')) as unknown[][];
    expect(
      answer
        .slice(1)
        .map((r) => `${r[0]}/${r[1]}`)
        .sort(),
    ).toEqual(keys(panel.tasks));
    expect(answered(answer)).toEqual(cells(assignTable(planSchedule(workbook.plan))));
  });

  it('BUDGETRANGE prices what the Budget panel prices, labour of template projects included', () => {
    const answer = loaded.addon.customFunction('BUDGETRANGE', ranges('Tasks', 'Staff', 'Costs', 'Projects')) as unknown[][];
    const prices = budgetRanges(workbook.plan, planSchedule(workbook.plan, { includeProposals: true }));
    expect(answered(answer)).toEqual(cells(budgetRangeTable(prices)));
  });

  it('ATTAINMENT gives every figure the value the Quotas panel gives, Clients > Since included, the plan at its own depth', () => {
    const asOf = workbook.plan.today;
    const shown = cells(
      attainmentTable(attainments(workbook.plan, { asOf, schedule: planSchedule(workbook.plan) }, ATTAINMENT_LINES), SIDEBAR_WORDING),
    );
    const answer = answered(loaded.addon.customFunction('ATTAINMENT', ranges('Quotas', 'Projects')) as unknown[][]);
    expect(answer.length).toBe(shown.length);
    const figures = answer.flatMap((row, r) =>
      row.flatMap((v, c) => (v === '' || (typeof v === 'string' && v.startsWith('needs')) ? [] : [[r, c, v]])),
    );
    expect(figures).toEqual(figures.map(([r, c]) => [r, c, shown[r as number][c as number]]));
    expect(answer.some((row) => row[1] === 'New Clients')).toBe(true);
  });

  it('CLIENTVIEW shows exactly what a client’s copy shows', () => {
    const copyPlan = planSchedule(workbook.plan, COPY_PLAN);
    const client = workbook.plan.clients.map((c) => c.client).find((c) => sharedTasks(workbook.plan, copyPlan, [c]).length) as string;
    const report = loaded.addon.run('shareClients', [{ clients: [client], planned: sharedTasks(workbook.plan, copyPlan, [client]) }]);
    expect((report as ShareReport).outcomes[0].ok).toBe(true);
    const file = [...loaded.services.drive.files.values()].find((f) => f.name === `${client} — Project plan`);
    const copy = loaded.services.drive.values(file?.id as string, 'Plan');
    const view = loaded.addon.customFunction('CLIENTVIEW', [client, ...ranges('Projects', 'Tasks', 'Staff')]) as unknown[][];
    expect(view.map((row) => row.map((v) => (v instanceof Date ? dateToDay(v, ZONE) - SHEETS_EPOCH : v)))).toEqual(copy);
  });

  it('puts each milestone on the day its last predecessor ends, in the plan, the Budget panel and the client copy', () => {
    const open = openWork(workbook.plan, { includeProposals: true });
    const byId = new Map(panel.tasks.map((t) => [taskId(t.project, t.task), t]));
    for (const m of panel.tasks.filter((t) => t.state === 'milestone')) {
      const preds = (open.get(taskId(m.project, m.task))?.after ?? []).map((id) => byId.get(id) as PlannedTask);
      if (preds.length) expect(dayToIso(m.start)).toBe(dayToIso(Math.max(...preds.map((p) => p.end))));
      expect(m.end).toBe(m.start);
      if (m.tentative) continue;
      const view = clientView(workbook.plan, panel, m.client, workbook.plan.today);
      expect(view.work.find((w) => w.project === m.project && w.task === m.task)).toMatchObject({ start: m.start, end: m.start });
    }
    // The last day of each project agrees between the plan and the Budget panel.
    for (const b of budgetRanges(workbook.plan, panel).projects) {
      const days = panel.tasks.filter((t) => t.project === b.project.project && t.state !== 'unstaffable').map((t) => t.end);
      expect(b.end).toBe(days.length ? Math.max(...days) : undefined);
    }
  });
});
