// iMOPSE MS-RCPSP instances (.def): one resource per task, skill levels from 0, salaries.
//
//   npm run bench:imopse -- [--iterations N] [--seed S] --out DIR FILE.def...

import { readFileSync } from 'node:fs';
import { type Instance, instanceName, references } from './instances';
import { runBenchmark } from './report';

export function parseDef(file: string): Instance {
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('General characteristics:'));
  const sections = body.split(/^=+\s*$/m).map((s) => s.trim());
  const resourceSection = sections.find((s) => s.startsWith('ResourceID')) as string;
  const taskSection = sections.find((s) => s.startsWith('TaskID')) as string;
  const resources = resourceSection
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((line) => {
      const [id, salary] = line.trim().split(/\s+/);
      const skills = new Map<string, number>();
      for (const m of line.matchAll(/Q(\d+):\s*(\d+)/g)) skills.set(`Q${m[1]}`, Number(m[2]) + 1);
      return { id: Number(id), salary: Number(salary), skills };
    });
  const activities = taskSection
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((line) => {
      const m = /^\s*(\d+)\s+(\d+)\s+Q(\d+):\s*(\d+)(.*)$/.exec(line);
      if (!m) throw new Error(`${file}: cannot read task line "${line}"`);
      return {
        id: Number(m[1]),
        duration: Number(m[2]),
        requirements: [{ skill: `Q${m[3]}`, level: Number(m[4]) + 1, count: 1 }],
        preds: m[5].trim() ? m[5].trim().split(/\s+/).map(Number) : [],
      };
    });
  return { name: instanceName(file), activities, resources };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  runBenchmark(parseDef, (file) => {
    const row = references(file, 'bounds.tsv', (r) => r.instance).get(instanceName(file));
    const best = row?.ub_makespan_best_public ? Number(row.ub_makespan_best_public) : undefined;
    const lowerBound = row?.lb_makespan ? Number(row.lb_makespan) : undefined;
    return { best, lowerBound, optimal: best !== undefined && best === lowerBound };
  });
}
