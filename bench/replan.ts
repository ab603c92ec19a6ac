// What a one-day change does to a published plan. On generated firms (~110 open tasks), plan, publish
// the plan as the baseline, then make one small change — a day off for someone on a day they work, 4
// more hours on one task, or one new 8-hour task — and re-plan: from scratch (Free, what ASSIGN did
// before it took a baseline), Keep, and Balanced. Prints the share of published tasks moved (another
// person or another start day) and the priority-weighted lateness of each, and checks that every
// plan is valid and that re-planning an unchanged firm against its own plan gives that plan back.
//
//   npm run bench:replan [-- --seeds N --depth formula|panel --replan-depth formula|panel]

import { generateFirm } from '../examples/generate-firm';
import { readBaseline } from '../src/model/baseline';
import { dayOf, dayToIso } from '../src/model/dates';
import type { Plan } from '../src/model/plan';
import { hasErrors } from '../src/model/problems';
import { type Grid, readWorkbook } from '../src/model/read';
import type { ReplanMode } from '../src/model/settings';
import { nameKey } from '../src/model/work';
import { Random } from '../src/schedule/random';
import { type PlannedTask, planSchedule, type ScheduleOptions, type ScheduleResult } from '../src/schedule/schedule';
import { BROWSER_WORK_BUDGET, DEFAULT_WORK_BUDGET } from '../src/schedule/search';
import { assignTable } from '../src/schedule/sheet';
import { validatePlan } from '../src/schedule/validate';
import { option } from './args';

const seeds = Number(option('--seeds', '20'));
const depth = option('--depth', 'formula');
const budgets: Record<string, number> = { formula: DEFAULT_WORK_BUDGET, panel: BROWSER_WORK_BUDGET };
const workBudget = budgets[depth];
const replanBudget = budgets[option('--replan-depth', depth)];
const FIRM = { staff: 15, tasks: 120, months: 3 };
const START = dayOf(2027, 1, 4);

type Raw = Record<string, (string | number)[][]>;

function read(raw: Raw): Plan {
  const { plan, problems } = readWorkbook(raw, { timeZone: 'UTC', today: START });
  if (hasErrors(problems)) throw new Error(`generated firm has errors: ${problems.find((p) => p.severity === 'error')?.message}`);
  return plan;
}

/** Published tasks in both plans whose people or start day differ. */
function moved(before: ScheduleResult, after: ScheduleResult): { moved: number; common: number } {
  const was = new Map(before.tasks.map((t) => [t.key, t]));
  let count = 0;
  let common = 0;
  for (const t of after.tasks) {
    const b = was.get(t.key);
    if (!b) continue;
    common++;
    const people = (x: PlannedTask) =>
      x.crew
        .map((c) => nameKey(c.name))
        .sort()
        .join(',');
    if (b.state !== t.state || people(b) !== people(t) || (t.state !== 'unstaffable' && b.start !== t.start)) count++;
  }
  return { moved: count, common };
}

const iso = (day: number) => dayToIso(day);

/** The three one-day changes, each applied to a copy of the firm's sheets. */
const CHANGES: Record<string, (raw: Raw, plan: ScheduleResult, random: Random) => string> = {
  'day off': (raw, plan, random) => {
    const soon = plan.tasks.filter((t) => t.crew.length && t.start < START + 28);
    const task = soon[random.int(0, soon.length - 1)];
    const person = task.crew[random.int(0, task.crew.length - 1)].name;
    const worked = task.daily.map((h, i) => (h > 0 ? task.start + i : -1)).filter((d) => d >= 0);
    const day = worked[random.int(0, worked.length - 1)];
    raw.TimeOff.push([person, iso(day), iso(day), '', 'Sick']);
    return `${person} off ${iso(day)}`;
  },
  '+4 h': (raw, plan, random) => {
    const open = plan.tasks.filter((t) => t.crew.length && t.source.sheet === 'Tasks');
    const task = open[random.int(0, open.length - 1)];
    const row = raw.Tasks[task.source.row - 1];
    row[3] = Number(row[3]) + 4;
    row[5] = Math.max(Number(row[5]), Number(row[3]));
    return `${task.key} +4 h`;
  },
  'new 8-h task': (raw, plan, random) => {
    const open = plan.tasks.filter((t) => t.crew.length && t.source.sheet === 'Tasks');
    const like = raw.Tasks[open[random.int(0, open.length - 1)].source.row - 1];
    raw.Tasks.push([like[0], 'Extra visit', like[2], 8, 6, 10, '', '', '', '', '', 'Not Started', '']);
    return `${like[0]}/Extra visit`;
  },
};

const MODES: (ReplanMode | 'none')[] = ['none', 'Keep', 'Balanced'];

interface Sums {
  moved: number;
  common: number;
  share: number;
  worst: number;
  lateness: number;
  ms: number;
}

const zero = (): Sums => ({ moved: 0, common: 0, share: 0, worst: 0, lateness: 0, ms: 0 });
const sums = new Map<string, Sums>();
let invalid = 0;
let publishedLateness = 0;
let identityBroken = 0;

function plan(planned: Plan, options: ScheduleOptions): { result: ScheduleResult; ms: number } {
  const t0 = performance.now();
  const result = planSchedule(planned, { workBudget, ...options });
  return { result, ms: performance.now() - t0 };
}

for (let seed = 1; seed <= seeds; seed++) {
  const raw = generateFirm({ ...FIRM, seed }) as Raw;
  const firm = read(raw);
  const published = plan(firm, {}).result;
  publishedLateness += published.terms.lateness;
  const { rows, problems } = readBaseline(assignTable(published) as Grid, 'Baseline', 'UTC');
  if (problems.length) throw new Error(`baseline unreadable: ${problems[0].message}`);
  for (const mode of ['Keep', 'Balanced'] as const) {
    const again = plan(firm, { baseline: rows, replanMode: mode }).result;
    if (JSON.stringify(assignTable(again)) !== JSON.stringify(assignTable(published))) {
      identityBroken++;
      console.error(`seed ${seed}: ${mode} against its own plan moved ${moved(published, again).moved} tasks`);
    }
  }
  for (const [name, change] of Object.entries(CHANGES)) {
    const changed = structuredClone(raw);
    change(changed, published, new Random(seed * 7 + name.length));
    const firm2 = read(changed);
    for (const mode of MODES) {
      const { result, ms } = plan(firm2, mode === 'none' ? {} : { baseline: rows, replanMode: mode, workBudget: replanBudget });
      invalid += validatePlan(firm2, result.tasks).length ? 1 : 0;
      const m = moved(published, result);
      const key = `${name}\t${mode}`;
      const s = sums.get(key) ?? zero();
      s.moved += m.moved;
      s.common += m.common;
      s.share += m.moved / m.common;
      s.worst = Math.max(s.worst, m.moved / m.common);
      s.lateness += result.terms.lateness;
      s.ms += ms;
      sums.set(key, s);
    }
  }
}

console.log(`${seeds} firms of ${FIRM.staff} staff × ${FIRM.tasks} tasks over ${FIRM.months} months, ${depth} depth`);
console.log(['change', 're-plan', 'moved % (mean)', 'moved % (worst)', 'tasks moved / published', 'lateness (mean)', 'ms'].join('\t'));
const label = (mode: string) => (mode === 'none' ? 'from scratch' : mode);
const overall = new Map<string, Sums>();
for (const [key, s] of sums) {
  const [name, mode] = key.split('\t');
  console.log(
    [
      name,
      label(mode),
      ((100 * s.share) / seeds).toFixed(1),
      (100 * s.worst).toFixed(1),
      `${(s.moved / seeds).toFixed(1)} / ${(s.common / seeds).toFixed(0)}`,
      (s.lateness / seeds).toFixed(1),
      (s.ms / seeds).toFixed(0),
    ].join('\t'),
  );
  const o = overall.get(mode) ?? zero();
  o.share += s.share;
  o.worst = Math.max(o.worst, s.worst);
  o.lateness += s.lateness;
  overall.set(mode, o);
}
const runs = seeds * Object.keys(CHANGES).length;
const free = overall.get('none') as Sums;
const before = publishedLateness / seeds;
const percent = (x: number, of: number) => `${x >= of ? '+' : ''}${(((x - of) / Math.max(1, of)) * 100).toFixed(1)}%`;
for (const [mode, o] of overall) {
  const lateness = o.lateness / runs;
  console.log(
    [
      'all',
      label(mode),
      ((100 * o.share) / runs).toFixed(1),
      (100 * o.worst).toFixed(1),
      '',
      lateness.toFixed(1),
      mode === 'none' ? '' : `vs from scratch ${percent(lateness, free.lateness / runs)}`,
    ].join('\t'),
  );
}
console.log(`published plans' lateness (mean): ${before.toFixed(1)}`);
console.log(`invalid plans: ${invalid}; re-plans of an unchanged firm that did not give its plan back: ${identityBroken}`);
