// The scope what-if: "what if we did it on half the booth?" Work and costs marked Scales are scaled,
// the whole workbook is re-planned (so the dates and the people on the project can change, and so can
// other projects competing for them), and the project is re-priced. The input sheets are not touched:
// the factor travels as an option, never written back.

import type { Day } from '../model/dates';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import { type PlannedTask, planSchedule, type ScheduleResult } from '../schedule/schedule';
import { type BudgetResult, budgetRanges, type ProjectBudget } from './budget';

export interface WhatIf {
  /** The plan with the scope applied. */
  schedule: ScheduleResult;
  /** The project re-priced at that scope. */
  budget: ProjectBudget;
  problems: BudgetResult['problems'];
}

export interface WhatIfOptions {
  /** Scheduler iterations (default: the Iterations setting). */
  iterations?: number;
}

/** Re-plans the workbook with `project` at scope `factor` (proposals included) and re-prices it. */
export function scopeWhatIf(plan: Plan, project: string, factor: number, options: WhatIfOptions = {}): WhatIf {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`Scope must be a number above 0, got ${factor}`);
  const scope = new Map([[project, factor]]);
  const schedule = planSchedule(plan, { scope, includeProposals: true, iterations: options.iterations });
  const result = budgetRanges(plan, schedule, { scope, only: new Set([project]) });
  const budget = result.projects[0];
  if (!budget) throw new RangeError(`No project named "${project}" to re-price`);
  return { schedule, budget, problems: result.problems };
}

/** What keeps a project's end where it is: the chain of tasks back from its last, and what holds the first. */
export interface EndHold {
  /** The last task, then each task it waits for, each with the planner's words for its start, from Why. */
  chain: { task: string; start: string }[];
  /** People the task holding the chain is pinned to in Tasks > Assignee. */
  pinnedTo: string[];
  /** Days off of that task's crew (or company holidays) in the two weeks before it starts, or while it runs. */
  timeOff: { name: string; from: Day; to: Day }[];
}

/** Days before a task's start in which its crew's time off counts as holding it back. */
const LOOK_BACK = 14;
/** Tasks followed back from the last before giving the chain as it stands. */
const MAX_CHAIN = 6;

/** The planner's words for a task's start, from its Why: "starts Mon 15 Mar, when Carlos Mendes is free". */
const startWords = (task: PlannedTask) => (/\bstarts [^.;]*/i.exec(task.why)?.[0] ?? '').replace(/^S/, 's');

/** The same words for the panel, naming a task of the same project by its name alone: "right after Launch night". */
const shownStart = (task: PlannedTask) => startWords(task).replace(`right after ${task.project}/`, 'right after ');

/**
 * Why `project` ends when it does in `schedule`: its last task, the tasks it waits for ("right after …"),
 * and, for the one at the head of that chain, its pins and its crew's time off.
 */
export function whatHoldsTheEnd(plan: Plan, schedule: ScheduleResult, project: string): EndHold | undefined {
  const tasks = schedule.tasks.filter((t) => nameKey(t.project) === nameKey(project) && t.state !== 'unstaffable');
  if (!tasks.length) return undefined;
  const byKey = new Map(schedule.tasks.map((t) => [t.key, t]));
  let holder = tasks.reduce((a, b) => (b.end > a.end ? b : a));
  const chain = [{ task: holder.task, start: shownStart(holder) }];
  for (let step = 0; step < MAX_CHAIN; step++) {
    const after = /right after (.+)$/.exec(startWords(holder))?.[1];
    const previous = after === undefined ? undefined : byKey.get(after);
    if (!previous) break;
    holder = previous;
    chain.push({ task: holder.task, start: shownStart(holder) });
  }
  const source = holder.source;
  const row = source.sheet === 'Tasks' ? plan.tasks.find((t) => t.row === source.row) : undefined;
  const crew = new Set(holder.crew.map((c) => nameKey(c.name)));
  const { start, end } = holder;
  const timeOff = plan.timeOff
    .filter((off) => off.name.toLowerCase() === 'all' || crew.has(nameKey(off.name)))
    .map((off) => ({ name: off.name, from: off.from, to: off.to ?? off.from }))
    .filter((off) => off.to >= start - LOOK_BACK && off.from <= end);
  return { chain, pinnedTo: row?.assignee ?? [], timeOff };
}
