// iMOPSE MS-RCPSP instances (.def): one resource per task, skill levels from 0, salaries.
//
//   npm run bench:imopse -- [--budget panel|formula | --iterations N] [--seed S] --out DIR FILE.def...

import { parseDef } from './formats';
import { instanceName, references } from './instances';
import { runBenchmark } from './report';

await runBenchmark(parseDef, (file) => {
  const row = references(file, 'bounds.tsv', (r) => r.instance).get(instanceName(file));
  const best = row?.ub_makespan_best_public ? Number(row.ub_makespan_best_public) : undefined;
  const lowerBound = row?.lb_makespan ? Number(row.lb_makespan) : undefined;
  const cpsat = references(file, 'cpsat-reference.tsv', (r) => r.instance).get(instanceName(file))?.cpsat_2cores_10s_makespan;
  return { best, lowerBound, optimal: best !== undefined && best === lowerBound, cpsat: cpsat ? Number(cpsat) : undefined };
});
