// What search depth buys: the plan a formula in a cell gets (the default work budget, so Sheets can
// answer on every edit) against the plan the Plan panel writes (the Iterations setting, searched in
// the browser), on generated firms from loose to tight. Committed work only, as ASSIGN plans it.
// Then how long the Plan panel's search takes as firms grow (a year of work, as bench:scale).
//
//   npm run bench:depth [-- --seeds N --depths construction,formula,panel]
//
// --depths keeps only the depths named; the Plan panel's search times need panel.

import { generateFirm } from '../examples/generate-firm';
import { dayOf } from '../src/model/dates';
import { hasErrors } from '../src/model/problems';
import { readWorkbook } from '../src/model/read';
import { Planner, planSchedule, type ScheduleResult } from '../src/schedule/schedule';
import { BROWSER_WORK_BUDGET, DEFAULT_WORK_BUDGET } from '../src/schedule/search';
import { validatePlan } from '../src/schedule/validate';
import { option } from './args';

/** Staff, tasks and the months they spread over: fewer months, tighter firm. */
const FIRMS = [
  [8, 60, 2],
  [15, 100, 3],
  [15, 200, 3],
  [25, 200, 6],
  [40, 400, 4],
];

const seeds = Number(option('--seeds', '6'));
const asked = option('--depths', 'construction,formula,panel').split(',');
const DEPTHS = [
  { key: 'construction', name: 'construction only', workBudget: 1 },
  { key: 'formula', name: 'formula (default budget)', workBudget: DEFAULT_WORK_BUDGET },
  { key: 'panel', name: 'Plan panel', workBudget: BROWSER_WORK_BUDGET },
].filter((depth) => asked.includes(depth.key));

console.log(['firm', 'depth', 'late days (weighted)', 'finish', 'ms', 'invalid'].join('\t'));
for (const [staff, tasks, months] of FIRMS) {
  const sums = DEPTHS.map(() => ({ lateness: 0, finish: 0, ms: 0, invalid: 0 }));
  for (let seed = 1; seed <= seeds; seed++) {
    const raw = generateFirm({ staff, tasks, months, seed });
    const { plan, problems } = readWorkbook(raw, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
    if (hasErrors(problems)) throw new Error(`generated firm has errors: ${problems[0].message}`);
    DEPTHS.forEach((depth, i) => {
      const t0 = performance.now();
      const result: ScheduleResult = planSchedule(plan, { workBudget: depth.workBudget, includeProposals: false });
      sums[i].ms += performance.now() - t0;
      sums[i].lateness += result.terms.lateness;
      sums[i].finish += result.terms.finish;
      sums[i].invalid += validatePlan(plan, result.tasks, { includeProposals: false }).length;
    });
  }
  DEPTHS.forEach((depth, i) => {
    const s = sums[i];
    console.log(
      [
        `${staff}×${tasks}, ${months} mo`,
        depth.name,
        (s.lateness / seeds).toFixed(1),
        (s.finish / seeds).toFixed(0),
        (s.ms / seeds).toFixed(0),
        s.invalid,
      ].join('\t'),
    );
  });
}

if (asked.includes('panel')) {
  console.log(`\n${['staff', 'tasks', 'Plan panel search s', 'decodes'].join('\t')}`);
  for (const [staff, tasks] of [
    [50, 500],
    [100, 1000],
    [200, 2000],
    [500, 5000],
  ]) {
    const raw = generateFirm({ staff, tasks, months: 12, seed: 11 });
    const { plan } = readWorkbook(raw, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
    const t0 = performance.now();
    const planner = new Planner(plan, { workBudget: BROWSER_WORK_BUDGET, includeProposals: false });
    while (!planner.step(100));
    const seconds = (performance.now() - t0) / 1000;
    console.log([staff, tasks, seconds.toFixed(1), planner.result().decodes].join('\t'));
  }
}
