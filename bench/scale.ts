// Planning time and memory for generated firms from 50 staff × 500 tasks to 1,000 staff × 20,000
// tasks over a year, with the default work budget (as ASSIGN plans). "plan" is what ASSIGN computes:
// the search, then the Why of every task; "bound" is the lower bound the Schedule sheet adds. Each
// size runs in its own process, so peak memory is that size's alone.
//
//   npm run bench:scale [-- --iterations N]

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateFirm } from '../examples/generate-firm';
import { dayOf } from '../src/model/dates';
import { hasErrors } from '../src/model/problems';
import { readWorkbook } from '../src/model/read';
import { Planner, withBound } from '../src/schedule/schedule';
import { validatePlan } from '../src/schedule/validate';
import { option } from './args';

const SIZES = [
  [50, 500],
  [100, 1000],
  [200, 2000],
  [250, 5000],
  [500, 10000],
  [1000, 20000],
];

function one(staff: number, tasks: number, iterations: number) {
  const raw = generateFirm({ staff, tasks, months: 12, seed: 11 });
  const t0 = performance.now();
  const { plan, problems } = readWorkbook(raw, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
  const t1 = performance.now();
  if (hasErrors(problems)) throw new Error(`generated firm has errors: ${problems[0].message}`);
  const cpu0 = process.cpuUsage();
  const planner = new Planner(plan, { iterations });
  while (!planner.step(500));
  const searched = performance.now();
  const result = planner.result();
  const cpu = process.cpuUsage(cpu0);
  const t2 = performance.now();
  const { gap } = withBound(planner, result);
  const t3 = performance.now();
  const invalid = validatePlan(plan, result.tasks).length;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      staff,
      tasks,
      read: (t1 - t0) / 1000,
      plan: (t2 - t1) / 1000,
      search: (searched - t1) / 1000,
      explain: (t2 - searched) / 1000,
      bound: (t3 - t2) / 1000,
      cpu: (cpu.user + cpu.system) / 1e6,
      rssMb,
      decodes: result.decodes,
      gap,
      invalid,
    }),
  );
}

const iterations = Number(option('--iterations', '300'));
const child = option('--one', '');
if (child) {
  const [staff, tasks] = child.split('x').map(Number);
  one(staff, tasks, iterations);
} else {
  console.log(
    [
      'staff',
      'tasks',
      'read s',
      'plan s',
      'of which search',
      'why',
      'bound s',
      'plan cpu s',
      'peak MB',
      'decodes',
      'gap to LB',
      'invalid',
      'time ×/doubling',
    ].join('\t'),
  );
  let previous: { tasks: number; plan: number } | undefined;
  for (const [staff, tasks] of SIZES) {
    const run = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--one', `${staff}x${tasks}`, '--iterations', String(iterations)],
      {
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    const r = JSON.parse(run.stdout.trim().split('\n').pop() as string);
    const growth = previous ? (r.plan / previous.plan) ** (1 / Math.log2(r.tasks / previous.tasks)) : Number.NaN;
    console.log(
      [
        staff,
        tasks,
        r.read.toFixed(2),
        r.plan.toFixed(2),
        r.search.toFixed(2),
        r.explain.toFixed(2),
        r.bound.toFixed(2),
        r.cpu.toFixed(2),
        r.rssMb.toFixed(0),
        r.decodes,
        `${(100 * r.gap).toFixed(1)}%`,
        r.invalid,
        Number.isNaN(growth) ? '' : growth.toFixed(2),
      ].join('\t'),
    );
    previous = r;
  }
}
