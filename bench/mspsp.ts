// MSPSP instances (.dzn, MiniZinc data): crews, several people per activity, one skill each.
//
//   npm run bench:mspsp -- [--iterations N] [--seed S] --out DIR FILE.dzn...

import { readFileSync } from 'node:fs';
import { type Instance, instanceName, references, setName } from './instances';
import { runBenchmark } from './report';

function value(text: string, name: string): string {
  const m = new RegExp(`^\\s*${name}\\s*=\\s*([\\s\\S]*?);`, 'm').exec(text);
  if (!m) throw new Error(`missing ${name}`);
  return m[1];
}

const numbers = (s: string) => (s.match(/-?\d+/g) ?? []).map(Number);
const booleans = (s: string) => (s.match(/true|false/g) ?? []).map((b) => b === 'true');

export function parseDzn(file: string): Instance {
  const text = readFileSync(file, 'utf8').replace(/%.*$/gm, '');
  const nActs = Number(value(text, 'nActs'));
  const nSkills = Number(value(text, 'nSkills'));
  const nResources = Number(value(text, 'nResources'));
  const dur = numbers(value(text, 'dur'));
  const sreq = numbers(value(text, 'sreq'));
  const mastery = booleans(value(text, 'mastery'));
  const pred = numbers(value(text, 'pred'));
  const succ = numbers(value(text, 'succ'));
  const activities = Array.from({ length: nActs }, (_, i) => ({
    id: i + 1,
    duration: dur[i],
    requirements: Array.from({ length: nSkills }, (_, k) => ({ skill: `S${k + 1}`, level: 1, count: sreq[i * nSkills + k] })).filter(
      (r) => r.count > 0,
    ),
    preds: [] as number[],
  }));
  pred.forEach((p, k) => {
    activities[succ[k] - 1].preds.push(p);
  });
  const resources = Array.from({ length: nResources }, (_, r) => ({
    id: r + 1,
    salary: 0,
    skills: new Map(
      Array.from({ length: nSkills }, (_, k) => [`S${k + 1}`, mastery[r * nSkills + k] ? 1 : 0] as [string, number]).filter(
        ([, l]) => l > 0,
      ),
    ),
  }));
  return { name: instanceName(file), activities, resources };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  runBenchmark(parseDzn, (file) => {
    const row = references(file, 'results.tsv', (r) => `${r.subset}/${r.instance}`).get(`${setName(file)}/${instanceName(file)}.dzn`);
    const best = row?.best_makespan ? Number(row.best_makespan) : undefined;
    return { best, lowerBound: row ? Number(row['lb_critical_path(mint)']) : undefined, optimal: row?.optimal_proven === '1' };
  });
}
