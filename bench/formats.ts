// The public instance formats, read into Instance: iMOPSE MS-RCPSP (.def: one resource per task,
// skill levels from 0, salaries) and MSPSP (.dzn, MiniZinc data: crews, several people per activity,
// one skill each).

import { readFileSync } from 'node:fs';
import { type Instance, instanceName } from './instances';

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
