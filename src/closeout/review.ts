// What a finished (or finishing) project teaches: each task's estimate against its actual hours and
// what the project did to the firm's estimate calibration, on time or late and why, the margin against
// the budget's P50, and lessons for the template next time.

import { budgetRanges, historyOf, type ProjectBudget } from '../budget/budget';
import { fitRatioModel, type RatioModel, ratioRange } from '../budget/ratio';
import { median } from '../budget/stats';
import { type Day, shortDate } from '../model/dates';
import { toTenth } from '../model/numbers';
import type { Plan } from '../model/plan';
import type { ProjectRow } from '../model/sheets';
import { nameKey, type WorkItem, workItems } from '../model/work';
import type { ScheduleResult } from '../schedule/schedule';
import { type ChecklistItem, projectChecklist } from './checklist';

export interface TaskReview {
  task: string;
  /** Hours per person, as estimated, and as spent (when recorded). */
  hours: number;
  actual?: number;
  done: boolean;
  /** The firm's calibrated range for an estimate of this size, learned without this project. */
  low: number;
  high: number;
}

export interface Lesson {
  lesson: string;
  detail: string;
}

export interface ProjectReview {
  project: ProjectRow;
  /** Done (Status Done), or finishing: every task done, or the plan ends it within four weeks. */
  state: 'done' | 'finishing';
  /** Done On, or the day its work ends (done or planned). */
  finish?: Day;
  /** Days past Due; undefined without a Due or a finish. */
  lateDays?: number;
  /** What made it late, when it is. */
  why: string[];
  /** Margin ÷ price at P50, budgeted from the estimates and now (from actual hours where known). */
  margin?: { budgeted: number; now: number; costBudgeted: number; costNow: number; price: number };
  tasks: TaskReview[];
  /** The firm's median actual ÷ estimate for a typical task, learned without and with this project. */
  calibration?: { without: number; with: number; tasks: number };
  lessons: Lesson[];
  checklist: ChecklistItem[];
}

/** A project the plan ends within this many days is finishing: time to start its close-out. */
const FINISHING_DAYS = 28;
/** Actual hours this far above the estimate count as running over. */
const OVER = 1.1;

const percent = (share: number) => `${Math.round(share * 100)}%`;

interface Closing {
  project: ProjectRow;
  state: ProjectReview['state'];
  finish?: Day;
}

/** Done projects, and open ones whose work is done or ends within four weeks of the plan start. */
function closingProjects(plan: Plan, byProject: Map<string, WorkItem[]>, schedule?: ScheduleResult): Closing[] {
  const out: Closing[] = [];
  for (const project of plan.projects) {
    if (!project.project) continue;
    const key = nameKey(project.project);
    const items = byProject.get(key) ?? [];
    if (project.status === 'Done') out.push({ project, state: 'done', finish: project.doneOn });
    if (project.status !== 'Active' && project.status !== 'Won') continue;
    if (items.length && items.every((i) => i.status === 'Done')) {
      out.push({ project, state: 'finishing', finish: Math.max(...items.map((i) => i.doneOn ?? 0)) || undefined });
      continue;
    }
    const planned = schedule?.tasks.filter((t) => !t.tentative && nameKey(t.project) === key) ?? [];
    if (!schedule || !planned.length || planned.some((t) => t.state === 'unstaffable')) continue;
    const end = Math.max(...planned.map((t) => t.end));
    if (end - schedule.planStart <= FINISHING_DAYS) out.push({ project, state: 'finishing', finish: end });
  }
  return out;
}

/** What made a late project late: its notes, the tasks that ran over most, work done (or planned) after its Due. */
function whyLate(project: ProjectRow, items: readonly WorkItem[], schedule?: ScheduleResult): string[] {
  const why: string[] = [];
  if (project.notes) why.push(`notes: ${project.notes}`);
  const overrun = (i: WorkItem) => (i.actualHours ?? 0) - i.hours;
  const over = items.filter((i) => i.status === 'Done' && overrun(i) > 0).sort((a, b) => overrun(b) - overrun(a));
  if (over.length)
    why.push(
      `ran over: ${over
        .slice(0, 3)
        .map((i) => `${i.name} (+${toTenth(overrun(i))} h)`)
        .join(', ')}`,
    );
  const due = project.due as Day;
  const after = items.filter((i) => i.doneOn !== undefined && i.doneOn > due);
  if (after.length) why.push(`done after the Due date: ${after.map((i) => `${i.name} (${shortDate(i.doneOn as Day)})`).join(', ')}`);
  const late = schedule?.tasks.filter((t) => !t.tentative && nameKey(t.project) === nameKey(project.project) && t.lateDays > 0) ?? [];
  if (late.length) why.push(`late in the plan: ${late.map((t) => `${t.task} (${t.lateDays} working days)`).join(', ')}`);
  return why;
}

/** The project's budget as priced from its estimates, before any of its hours were spent. */
function asEstimated(plan: Plan, project: ProjectRow): Plan {
  const key = nameKey(project.project);
  return {
    ...plan,
    tasks: plan.tasks.map((t) =>
      t.project && nameKey(t.project) === key
        ? { ...t, status: 'Not Started' as const, actualHours: undefined, percentDone: undefined, doneOn: undefined }
        : t,
    ),
  };
}

function margins(plan: Plan, project: ProjectRow, schedule: ScheduleResult): ProjectReview['margin'] {
  const only = new Set([project.project]);
  const [now] = budgetRanges(plan, schedule, { only }).projects;
  const [budgeted] = budgetRanges(asEstimated(plan, project), schedule, { only }).projects;
  if (!now || !budgeted) return undefined;
  const share = (b: ProjectBudget) => (b.price.p50 > 0 ? b.margin.p50 / b.price.p50 : 0);
  return { budgeted: share(budgeted), now: share(now), costBudgeted: budgeted.cost.p50, costNow: now.cost.p50, price: now.price.p50 };
}

/**
 * Tasks that run over: raise the estimate where the task ran over on most projects that had it; look
 * again at one that ran over beyond even the firm's calibrated range.
 */
function overrunLessons(
  project: ProjectRow,
  items: readonly WorkItem[],
  reviews: readonly TaskReview[],
  history: readonly WorkItem[],
): Lesson[] {
  const lessons: Lesson[] = [];
  for (const item of items) {
    const actual = item.actualHours ?? 0;
    if (item.status !== 'Done' || actual <= item.hours * OVER) continue;
    const same = history.filter((h) => nameKey(h.name) === nameKey(item.name));
    const over = same.filter((h) => (h.actualHours as number) > h.hours * OVER);
    const range = reviews.find((r) => r.task === item.name);
    if (same.length >= 2 && 3 * over.length >= 2 * same.length) {
      const ratio = median(same.map((h) => (h.actualHours as number) / h.hours));
      lessons.push({
        lesson: `Raise the estimate for ${item.name}${project.type ? ` in the ${project.type} template` : ''}`,
        detail: `ran over on ${over.length} of ${same.length} projects; it takes ${ratio.toFixed(2)}× its estimate as a rule`,
      });
    } else if (range && actual > range.high) {
      lessons.push({
        lesson: `Check how ${item.name} is estimated`,
        detail: `ran ${percent(actual / item.hours - 1)} over, beyond the firm's usual range (${toTenth(range.low)}–${toTenth(range.high)} h for ${toTenth(item.hours)} h)`,
      });
    }
  }
  return lessons;
}

function skillLessons(plan: Plan, project: ProjectRow, items: readonly WorkItem[], schedule?: ScheduleResult): Lesson[] {
  const lessons: Lesson[] = [];
  for (const item of items) {
    if (item.status !== 'Done' || !item.pinned.length) continue;
    const crew = item.pinned.map((n) => plan.staff.find((s) => nameKey(s.name) === nameKey(n)));
    for (const r of item.requirements) {
      const able = crew.filter((s) => (s?.skills.skills.get(r.skill) ?? 0) >= r.level).length;
      if (able >= r.count) continue;
      lessons.push({
        lesson: `${item.name} was done without enough ${r.label}:${r.level}`,
        detail: `${item.pinned.join(', ')}: ${able} of the ${r.count} needed hold it. Train someone (see Staffing), or ask for the level the work really needs`,
      });
    }
  }
  for (const t of schedule?.tasks ?? []) {
    if (t.state === 'unstaffable' && nameKey(t.project) === nameKey(project.project)) {
      lessons.push({ lesson: `Nobody on Staff can do ${t.task}`, detail: t.why });
    }
  }
  return lessons;
}

/** What the project needed that its template lacks, and what the template has that it did not need. */
function templateLessons(plan: Plan, project: ProjectRow, items: readonly WorkItem[]): Lesson[] {
  const type = project.type;
  const template = type ? plan.templates.filter((t) => t.type && nameKey(t.type) === nameKey(type)) : [];
  if (!type || !template.length || !items.some((i) => i.source.sheet === 'Tasks')) return [];
  const inTemplate = new Set(template.map((t) => nameKey(t.task)));
  const inProject = new Set(items.map((i) => nameKey(i.name)));
  const added = items.filter((i) => !inTemplate.has(nameKey(i.name))).map((i) => i.name);
  const unused = template.filter((t) => !inProject.has(nameKey(t.task))).map((t) => t.task);
  return [
    ...(added.length
      ? [{ lesson: `Add to the ${type} template: ${added.join(', ')}`, detail: 'this project needed them; the template lacks them' }]
      : []),
    ...(unused.length
      ? [{ lesson: `Not needed here: ${unused.join(', ')}`, detail: `in the ${type} template, not among this project's tasks` }]
      : []),
  ];
}

interface Calibration {
  history: ReturnType<typeof historyOf>;
  all: RatioModel;
  typical: number;
}

function taskReviews(items: readonly WorkItem[], model: RatioModel, coverage: number): TaskReview[] {
  return items
    .filter((i) => i.hours > 0 && !i.milestone)
    .map((i) => {
      const { low, high } = ratioRange(model, i.hours, coverage);
      return { task: i.name, hours: i.hours, actual: i.actualHours, done: i.status === 'Done', low, high };
    });
}

function review(
  plan: Plan,
  closing: Closing,
  items: readonly WorkItem[],
  all: readonly WorkItem[],
  firm: Calibration,
  schedule: ScheduleResult,
): ProjectReview {
  const { project, state, finish } = closing;
  const key = nameKey(project.project);
  const without = fitRatioModel(firm.history.filter((h) => h.project !== key));
  const mine = firm.history.filter((h) => h.project === key).length;
  const lateDays = finish !== undefined && project.due !== undefined ? Math.max(0, finish - project.due) : undefined;
  const history = all.filter((i) => i.status === 'Done' && i.hours > 0 && (i.actualHours ?? 0) > 0);
  const tasks = taskReviews(items, without, plan.settings.coverage);
  return {
    project,
    state,
    finish,
    lateDays,
    why: lateDays ? whyLate(project, items, schedule) : [],
    margin: margins(plan, project, schedule),
    tasks,
    calibration: mine ? { without: without.medianRatio(firm.typical), with: firm.all.medianRatio(firm.typical), tasks: mine } : undefined,
    lessons: [
      ...overrunLessons(project, items, tasks, history),
      ...skillLessons(plan, project, items, schedule),
      ...templateLessons(plan, project, items),
    ],
    checklist: projectChecklist(plan, project),
  };
}

/** A review of every Done or finishing project, in the Projects sheet's order. */
export function closeoutReviews(plan: Plan, schedule: ScheduleResult): ProjectReview[] {
  const all = workItems(plan);
  const byProject = new Map<string, WorkItem[]>();
  for (const item of all) byProject.set(nameKey(item.project.project), [...(byProject.get(nameKey(item.project.project)) ?? []), item]);
  const history = historyOf(all);
  const firm: Calibration = { history, all: fitRatioModel(history), typical: history.length ? median(history.map((h) => h.estimate)) : 8 };
  return closingProjects(plan, byProject, schedule).map((c) =>
    review(plan, c, byProject.get(nameKey(c.project.project)) ?? [], all, firm, schedule),
  );
}
