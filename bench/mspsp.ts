// MSPSP instances (.dzn, MiniZinc data): crews, several people per activity, one skill each.
//
//   npm run bench:mspsp -- [--budget panel|formula | --iterations N] [--seed S] --out DIR FILE.dzn...

import { parseDzn } from './formats';
import { instanceName, references, setName } from './instances';
import { runBenchmark } from './report';

await runBenchmark(parseDzn, (file) => {
  const row = references(file, 'results.tsv', (r) => `${r.subset}/${r.instance}`).get(`${setName(file)}/${instanceName(file)}.dzn`);
  const best = row?.best_makespan ? Number(row.best_makespan) : undefined;
  return { best, lowerBound: row ? Number(row['lb_critical_path(mint)']) : undefined, optimal: row?.optimal_proven === '1' };
});
