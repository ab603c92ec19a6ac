// ASSIGN as Sheets runs it: the built dist/Code.js, called with the ranges of generated firms of
// growing size. Each size runs in a fresh process, as each Apps Script execution starts cold: "load"
// is parsing and running the script, "first" the first answer (code not yet optimised, as in Sheets),
// "again" the same call once warm. Apps Script's V8 is several times slower than Node, so a custom
// function must answer here well inside its 30-second limit. The script runs in the process's own
// realm (node:vm contexts slow every global lookup down, which would measure node:vm, not the
// script); the tests load it in node:vm for isolation instead.
//
//   npm run build && npm run bench:assign

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
  const t0 = performance.now();
  const assign = new Function(...names, `${code}\nreturn ASSIGN;`)(...names.map((n) => services.globals[n])) as (
    ...args: unknown[]
  ) => unknown[][];
  const t1 = performance.now();
  services.restricted.on = true;
  const call = () => assign(firm.Tasks, firm.Staff, firm.Projects, firm.TimeOff, '2027-01-04');
  const answer = call();
  const t2 = performance.now();
  call();
  const t3 = performance.now();
  console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, again: t3 - t2, rows: answer.length - 1 }));
}

const child = option('--one', '');
if (child) {
  const [staff, tasks] = child.split('x').map(Number);
  one(staff, tasks);
} else {
  console.log(['staff', 'tasks', 'load ms', 'first ms', 'again ms', 'rows'].join('\t'));
  for (const [staff, tasks] of SIZES) {
    const run = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--one', `${staff}x${tasks}`], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    const r = JSON.parse(run.stdout.trim().split('\n').pop() as string);
    console.log([staff, tasks, r.load.toFixed(0), r.first.toFixed(0), r.again.toFixed(0), r.rows].join('\t'));
  }
}
