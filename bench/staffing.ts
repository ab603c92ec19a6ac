// The staffing advisor on generated firms with a designed bottleneck: a fifth of the tasks need
// Rigging:3, held by one person per 45 tasks a month (that work then needs about all of their hours). First, what it finds and measures (several seeds per
// size, in-process): whether its first recommendation names the bottleneck, late working days before
// and after, the priority-weighted late days and plan days it saves, the new skill's use, changes
// tried, time. Then STAFFING as Sheets runs it: the built dist/Code.js, each size in a fresh process,
// the first (cold) answer and the same call again.
//
//   npm run build && npm run bench:staffing [-- --seeds N]

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bottleneckFirm } from '../examples/bottleneck-firm';
import type { FirmSize } from '../examples/generate-firm';
import { createServices } from '../preview/gas/services';
import { FakeSpreadsheet } from '../preview/gas/spreadsheet';
import { dayOf } from '../src/model/dates';
import { hasErrors } from '../src/model/problems';
import { readWorkbook } from '../src/model/read';
import { adviseStaffing } from '../src/staffing/advisor';
import { option } from './args';

/** Staff, tasks and the months they spread over. */
const EFFECT_SIZES = [
  [15, 100, 3],
  [25, 200, 4],
  [50, 500, 6],
  [100, 1000, 12],
];
const TIME_SIZES = [
  [15, 100, 3],
  [25, 200, 4],
  [50, 500, 6],
  [100, 1000, 12],
  [200, 2000, 12],
  [500, 5000, 12],
  [1000, 10000, 12],
];

const firmOf = ([staff, tasks, months]: number[], seed: number) => {
  const size: FirmSize = { staff, tasks, months, seed };
  return bottleneckFirm(size, { skill: 'Rigging', level: 3, holders: Math.max(1, Math.round(tasks / months / 45)), share: 0.2 });
};

function effects(seeds: number): void {
  console.log(
    [
      'firm',
      'seed',
      'first recommendation',
      'bottleneck',
      'late days before → after',
      'late saved (weighted)',
      'days saved',
      'use',
      'tried',
      'ms',
    ].join('\t'),
  );
  for (const size of EFFECT_SIZES) {
    let named = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const { plan, problems } = readWorkbook(firmOf(size, seed), { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
      if (hasErrors(problems)) throw new Error(`generated firm has errors: ${problems[0].message}`);
      const t0 = performance.now();
      const advice = adviseStaffing(plan);
      const ms = performance.now() - t0;
      const best = advice.recommendations[0];
      const hit = best?.change.skill === 'rigging';
      if (hit) named++;
      console.log(
        [
          `${size[0]}×${size[1]}, ${size[2]} mo`,
          seed,
          best ? `${best.change.action} ${best.change.person ?? ''} ${best.change.label}:${best.change.level}`.replace('  ', ' ') : 'none',
          hit ? 'yes' : 'no',
          best ? `${best.effect.lateBefore} → ${best.effect.lateAfter}` : '',
          best?.effect.lateDaysSaved ?? 0,
          best?.effect.daysSaved ?? 0,
          best ? `${Math.round(best.effect.hours)} h, ${Math.round(best.effect.utilization * 100)}%` : '',
          advice.tried,
          ms.toFixed(0),
        ].join('\t'),
      );
    }
    console.log(`  first recommendation names the bottleneck on ${named} of ${seeds} firms`);
  }
}

function one(index: number): void {
  const size = TIME_SIZES[index];
  const firm = firmOf(size, 1);
  const code = readFileSync(join(import.meta.dirname, '..', '..', '..', 'dist', 'Code.js'), 'utf8');
  const services = createServices(new FakeSpreadsheet('bench', 'UTC'));
  const names = Object.keys(services.globals);
  const staffing = new Function(...names, `${code}\nreturn STAFFING;`)(...names.map((n) => services.globals[n])) as (
    ...args: unknown[]
  ) => unknown[][];
  services.restricted.on = true;
  const call = () => staffing(firm.Tasks, firm.Staff, firm.Projects, firm.TimeOff, '2027-01-04');
  const t0 = performance.now();
  const answer = call();
  const t1 = performance.now();
  call();
  const t2 = performance.now();
  console.log(JSON.stringify({ first: t1 - t0, again: t2 - t1, top: answer[1]?.slice(0, 3).filter(Boolean).join(' ') }));
}

const child = option('--one', '');
if (child) one(Number(child));
else {
  effects(Number(option('--seeds', '4')));
  console.log(`\n${['staff', 'tasks', 'first ms', 'again ms', 'first row'].join('\t')}`);
  TIME_SIZES.forEach(([staff, tasks], i) => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--one', String(i)], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    const r = JSON.parse(run.stdout.trim().split('\n').pop() as string);
    console.log([staff, tasks, r.first.toFixed(0), r.again.toFixed(0), r.top].join('\t'));
  });
}
