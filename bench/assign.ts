// ASSIGN as Sheets runs it: the built dist/Code.js, called with the ranges of generated firms of
// growing size. Each size runs in a fresh process, as each Apps Script execution starts cold: "load"
// is parsing and running the script, "first" the first answer (code not yet optimised, as in Sheets),
// "again" the same call once warm. Apps Script's V8 is several times slower than Node, so a custom
// function must answer here well inside its 30-second limit. The script runs in the process's own
// realm (node:vm contexts slow every global lookup down, which would measure node:vm, not the
// script); the tests load it in node:vm for isolation instead. "cold" is load + first, what a
// recalculation costs; the CPU columns are this process's CPU time over the same spans (steadier
// than wall time on a machine shared with other work). With --runs N, each size runs in N fresh
// processes and every column is the median.
//
//   npm run build && npm run bench:assign [-- --sizes 25x200,50x500 --runs 11]

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFirm } from '../examples/generate-firm';
import { createServices } from '../preview/gas/services';
import { FakeSpreadsheet } from '../preview/gas/spreadsheet';
import { option } from './args';

const SIZES = [
  [8, 60],
  [15, 100],
  [25, 200],
  [50, 500],
  [100, 1000],
  [200, 2000],
  [500, 5000],
  [1000, 10000],
];

function one(staff: number, tasks: number) {
  const code = readFileSync(join(import.meta.dirname, '..', '..', '..', 'dist', 'Code.js'), 'utf8');
  const firm = generateFirm({ staff, tasks, months: 6, seed: 21 });
  const ss = new FakeSpreadsheet('bench', 'UTC');
  const services = createServices(ss);
  const names = Object.keys(services.globals);
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const assign = new Function(...names, `${code}\nreturn ASSIGN;`)(...names.map((n) => services.globals[n])) as (
    ...args: unknown[]
  ) => unknown[][];
  const t1 = performance.now();
  services.restricted.on = true;
  const call = () => assign(firm.Tasks, firm.Staff, firm.Projects, firm.TimeOff, '2027-01-04');
  const answer = call();
  const t2 = performance.now();
  const c2 = cpu();
  call();
  const t3 = performance.now();
  const c3 = cpu();
  const figures: Figures = { load: t1 - t0, first: t2 - t1, cold: t2 - t0, again: t3 - t2, coldCpu: c2 - c0, againCpu: c3 - c2 };
  console.log(JSON.stringify({ ...figures, rows: answer.length - 1 }));
}

const COLUMNS = ['load', 'first', 'cold', 'again', 'coldCpu', 'againCpu'] as const;
type Figures = Record<(typeof COLUMNS)[number], number>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const child = option('--one', '');
if (child) {
  const [staff, tasks] = child.split('x').map(Number);
  one(staff, tasks);
} else {
  const runs = Number(option('--runs', '1'));
  const sizes = option('--sizes', '')
    ? option('--sizes', '')
        .split(',')
        .map((size) => size.split('x').map(Number))
    : SIZES;
  console.log(['staff', 'tasks', 'load ms', 'first ms', 'cold ms', 'again ms', 'cold CPU ms', 'again CPU ms', 'rows'].join('\t'));
  for (const [staff, tasks] of sizes) {
    const results = Array.from({ length: runs }, () => {
      const args = ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--one', `${staff}x${tasks}`];
      const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout.trim().split('\n').pop() as string) as Figures & { rows: number };
    });
    const medians = COLUMNS.map((column) => median(results.map((r) => r[column])).toFixed(0));
    console.log([staff, tasks, ...medians, results[0].rows].join('\t'));
  }
}
