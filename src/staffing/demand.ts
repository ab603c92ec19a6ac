// Hiring demand: the hours the plan gives placeholders (people still to hire), per skill asked and
// month. Committed work is demand already sold; proposals are the pipeline's, shown apart and also
// weighted by their Probability.

import { type Day, monthStart } from '../model/dates';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import type { ScheduleResult } from '../schedule/schedule';

export interface DemandRow {
  /** The requirement the placeholder fills, e.g. "Rigging:3". */
  skill: string;
  /** First day of the month. */
  month: Day;
  committed: number;
  proposals: number;
  /** Proposal hours × each proposal's Probability (none when a proposal has no Probability). */
  expected: number;
  placeholders: string[];
}

/** Placeholder hours per skill and month, by skill then month. */
export function placeholderDemand(plan: Plan, result: ScheduleResult): DemandRow[] {
  const probability = new Map(plan.projects.map((p) => [nameKey(p.project), p.probability ?? 0]));
  const rows = new Map<string, DemandRow>();
  for (const task of result.tasks) {
    for (const member of task.crew) {
      if (!member.placeholder) continue;
      task.daily.forEach((hours, d) => {
        if (hours <= 0) return;
        const month = monthStart(task.start + d);
        const key = `${member.slot}\n${month}`;
        const row = rows.get(key) ?? { skill: member.slot, month, committed: 0, proposals: 0, expected: 0, placeholders: [] };
        if (task.tentative) {
          row.proposals += hours;
          row.expected += hours * (probability.get(nameKey(task.project)) ?? 0);
        } else row.committed += hours;
        if (!row.placeholders.includes(member.name)) row.placeholders.push(member.name);
        rows.set(key, row);
      });
    }
  }
  return [...rows.values()].sort((a, b) => a.skill.localeCompare(b.skill) || a.month - b.month);
}
