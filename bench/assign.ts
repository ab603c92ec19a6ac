// ASSIGN as Sheets runs it: the built dist/Code.js, called with the ranges of generated firms of
// growing size. Apps Script's V8 is several times slower than Node, so a custom function must answer
// here well inside its 30-second limit. The script runs in this process's own realm (node:vm
// contexts slow every global lookup down, which would measure node:vm, not the script); the tests
// load it in node:vm for isolation instead.
//
//   npm run build && npm run bench:assign

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFirm } from '../examples/generate-firm';
import { createServices } from '../preview/gas/services';
import { FakeSpreadsheet } from '../preview/gas/spreadsheet';

const SIZES = [
  [15, 100],
  [50, 500],
  [100, 1000],
  [200, 2000],
  [300, 3000],
  [500, 5000],
  [1000, 10000],
];

const code = readFileSync(join(import.meta.dirname, '..', '..', '..', 'dist', 'Code.js'), 'utf8');
console.log(['staff', 'tasks', 'load ms', 'ASSIGN s', 'rows'].join('\t'));
for (const [staff, tasks] of SIZES) {
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
  const answer = assign(firm.Tasks, firm.Staff, firm.Projects, firm.TimeOff, '2027-01-04');
  const t2 = performance.now();
  console.log([staff, tasks, (t1 - t0).toFixed(0), ((t2 - t1) / 1000).toFixed(2), answer.length - 1].join('\t'));
}
