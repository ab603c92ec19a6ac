// A project's checklist: the items of its template's rows (scaled rows included) and of its own task
// rows (Tasks > Checklist), each once, in sheet order, then the review itself.

import type { Plan } from '../model/plan';
import type { ProjectRow } from '../model/sheets';
import { nameKey } from '../model/work';

export interface ChecklistItem {
  item: string;
  /** Where it was written: "Template Trade Show Booth: Install", "Task Load-in". */
  source: string;
}

/** Ticked last on every project, so each close-out has something to complete even without a checklist. */
export const REVIEW_ITEM = 'Close-out reviewed with the team';

export function projectChecklist(plan: Plan, project: ProjectRow): ChecklistItem[] {
  const items = new Map<string, ChecklistItem>();
  const add = (item: string, source: string) => {
    if (!items.has(nameKey(item))) items.set(nameKey(item), { item, source });
  };
  const type = project.type ? nameKey(project.type) : undefined;
  for (const row of plan.templates) {
    if (type && row.type && nameKey(row.type) === type)
      for (const item of row.checklist ?? []) add(item, `Template ${row.type}: ${row.task}`);
  }
  for (const row of plan.tasks) {
    if (row.project && nameKey(row.project) === nameKey(project.project))
      for (const item of row.checklist ?? []) add(item, `Task ${row.task}`);
  }
  add(REVIEW_ITEM, 'Every close-out');
  return [...items.values()];
}
