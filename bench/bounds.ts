// Lower bounds alone, against proven optima: how far below the best possible plan Crewsheet's bound
// sits on the public instances (no search; the bound is the one the Schedule sheet shows).
//
//   npm run bench:bounds -- FILE.dzn|FILE.def...

import { isoToDay } from '../src/model/dates';
import { readWorkbook } from '../src/model/read';
import { lowerBound } from '../src/schedule/bounds';
import { buildProblem } from '../src/schedule/problem';
import { files } from './args';
import { parseDef, parseDzn } from './formats';
import { instanceName, references, START, setName, toWorkbook } from './instances';

interface Row {
  set: string;
  bound: number;
  optimum?: number;
  seconds: number;
}

/** The proven optimum of an instance, where its library states one. */
function optimum(file: string): number | undefined {
  if (file.endsWith('.dzn')) {
    const row = references(file, 'results.tsv', (r) => `${r.subset}/${r.instance}`).get(`${setName(file)}/${instanceName(file)}.dzn`);
    return row?.optimal_proven === '1' ? Number(row.best_makespan) : undefined;
  }
  const row = references(file, 'bounds.tsv', (r) => r.instance).get(instanceName(file));
  return row?.ub_makespan_best_public && row.ub_makespan_best_public === row.lb_makespan ? Number(row.lb_makespan) : undefined;
}

const rows: Row[] = [];
console.log(['instance', 'bound', 'kind', 'optimum', 'seconds'].join('\t'));
for (const file of files([])) {
  const instance = file.endsWith('.dzn') ? parseDzn(file) : parseDef(file);
  const { plan } = readWorkbook(toWorkbook(instance), { timeZone: 'UTC', today: isoToDay(START) as number });
  const t0 = performance.now();
  const bound = lowerBound(buildProblem(plan));
  const seconds = (performance.now() - t0) / 1000;
  const best = optimum(file);
  rows.push({ set: setName(file), bound: bound.days, optimum: best, seconds });
  console.log([instance.name, bound.days, bound.kind, best ?? '', seconds.toFixed(3)].join('\t'));
}
console.log('');
console.log(['# set', 'n', 'with optimum', 'bound below optimum, mean', 'bound = optimum', 's/instance mean', 'max'].join('\t'));
for (const set of [...new Set(rows.map((r) => r.set)), 'all']) {
  const group = rows.filter((r) => set === 'all' || r.set === set);
  const proven = group.filter((r) => r.optimum !== undefined);
  const below = proven.map((r) => (100 * ((r.optimum as number) - r.bound)) / (r.optimum as number));
  console.log(
    [
      `# ${set}`,
      group.length,
      proven.length,
      `${(below.reduce((a, b) => a + b, 0) / Math.max(1, below.length)).toFixed(2)}%`,
      proven.filter((r) => r.bound === r.optimum).length,
      (group.reduce((a, r) => a + r.seconds, 0) / group.length).toFixed(3),
      Math.max(...group.map((r) => r.seconds)).toFixed(3),
    ].join('\t'),
  );
}
