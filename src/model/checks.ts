// Checks across rows and sheets: ranges, duplicates, references, dependency cycles and skills.

import type { Columns, SheetSpec } from './columns';
import { findCycles } from './graph';
import { MAX_CREW } from './limits';
import { type Plan, problemAt, type SheetName } from './plan';
import { type Problem, quote } from './problems';
import { Clients, type ProjectRow, Projects, Staff } from './sheets';
import { formatRequirement, type Requirement } from './skills';
import { addToLookup, nameKey, resolveAfter, type TaskLookup } from './work';

/** What stops the workbook from being planned. */
export function checkPlan(plan: Plan): Problem[] {
  return [...rangeChecks(plan), ...duplicateChecks(plan), ...referenceChecks(plan), ...dependencyChecks(plan)];
}

/**
 * What a person should also know, though nothing stops the plan: templates missing or not needed, and
 * work no one on Staff can do. Custom functions answer from errors alone, so the script leaves these
 * to the sidebar.
 */
export function planWarnings(plan: Plan): Problem[] {
  return [...templateWarnings(plan), ...skillChecks(plan)];
}

type At = (sheet: SheetName, field: string, row: number, message: string, severity?: Problem['severity']) => Problem;

const at =
  (plan: Plan): At =>
  (sheet, field, row, message, severity) =>
    problemAt(plan, sheet, field, row, message, severity);

function threePoint(
  problems: Problem[],
  here: At,
  sheet: SheetName,
  fields: [low: string, likely: string, high: string],
  row: { row: number } & Record<string, unknown>,
) {
  const [lowKey, , highKey] = fields;
  const [low, likely, high] = fields.map((f) => row[f] as number | undefined);
  if (low !== undefined && high !== undefined && low > high) {
    problems.push(here(sheet, lowKey, row.row, `low estimate ${low} is above the high estimate ${high}`));
  } else if (low !== undefined && likely !== undefined && low > likely) {
    problems.push(here(sheet, lowKey, row.row, `low estimate ${low} is above the likely estimate ${likely}`));
  } else if (high !== undefined && likely !== undefined && high < likely) {
    problems.push(here(sheet, highKey, row.row, `high estimate ${high} is below the likely estimate ${likely}`));
  }
}

const SKILLS_REQUIRED = 'Skills is required for a task with hours (only a 0-hour milestone may leave it blank)';

function rangeChecks(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const here = at(plan);
  for (const t of plan.tasks) {
    threePoint(problems, here, 'Tasks', ['hoursLow', 'hours', 'hoursHigh'], t);
    if (t.hours > 0 && t.skills?.length === 0) problems.push(here('Tasks', 'skills', t.row, SKILLS_REQUIRED));
    const crew = (t.skills ?? []).reduce((n, r) => n + r.count, 0);
    if (crew > MAX_CREW)
      problems.push(here('Tasks', 'skills', t.row, `asks for a crew of ${crew} people; a task can have at most ${MAX_CREW}`));
    if (t.assignee && t.assignee.length > crew && t.hours > 0 && t.skills) {
      problems.push(here('Tasks', 'assignee', t.row, `${t.assignee.length} people are pinned but the task needs a crew of ${crew}`));
    }
    if (t.start !== undefined && t.due !== undefined && t.due < t.start) {
      problems.push(here('Tasks', 'due', t.row, 'Due is before Start'));
    }
  }
  for (const t of plan.templates) {
    threePoint(problems, here, 'Templates', ['hoursLow', 'hours', 'hoursHigh'], t);
    if (t.hours > 0 && t.skills?.length === 0) problems.push(here('Templates', 'skills', t.row, SKILLS_REQUIRED));
  }
  for (const c of plan.costs) threePoint(problems, here, 'Costs', ['costLow', 'cost', 'costHigh'], c);
  for (const o of plan.timeOff) {
    if (o.to !== undefined && o.to < o.from) problems.push(here('TimeOff', 'to', o.row, 'To is before From'));
  }
  for (const s of plan.staff) {
    if (s.startDate !== undefined && s.endDate !== undefined && s.endDate < s.startDate) {
      problems.push(here('Staff', 'endDate', s.row, 'End Date is before Start Date'));
    }
  }
  for (const p of plan.projects) {
    if (p.start !== undefined && p.due !== undefined && p.due < p.start) {
      problems.push(here('Projects', 'due', p.row, 'Due is before Start'));
    }
  }
  return problems;
}

function duplicates<R extends { row: number }>(
  problems: Problem[],
  here: At,
  rows: readonly R[],
  sheet: SheetName,
  field: string,
  keyOf: (r: R) => string | undefined,
  label: (r: R) => string,
) {
  const first = new Map<string, number>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === undefined) continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, r.row);
    else problems.push(here(sheet, field, r.row, `${quote(label(r))} is listed twice (also row ${seen}); names must be unique`));
  }
}

function duplicateChecks(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const here = at(plan);
  const key = (s: string | undefined) => (s === undefined ? undefined : nameKey(s));
  duplicates(
    problems,
    here,
    plan.clients,
    'Clients',
    'client',
    (r) => key(r.client),
    (r) => r.client,
  );
  duplicates(
    problems,
    here,
    plan.staff,
    'Staff',
    'name',
    (r) => key(r.name),
    (r) => r.name,
  );
  duplicates(
    problems,
    here,
    plan.projects,
    'Projects',
    'project',
    (r) => key(r.project),
    (r) => r.project,
  );
  duplicates(
    problems,
    here,
    plan.tasks,
    'Tasks',
    'task',
    (r) => r.project && r.task && `${key(r.project)}\n${key(r.task)}`,
    (r) => `${r.project}/${r.task}`,
  );
  duplicates(
    problems,
    here,
    plan.templates,
    'Templates',
    'task',
    (r) => r.type && r.task && `${key(r.type)}\n${key(r.task)}`,
    (r) => `${r.type}/${r.task}`,
  );
  return problems;
}

/**
 * Whether a sheet's rows could be read: a sheet present without one of its required columns (a
 * header renamed) has that reported once, not every reference to it as unknown.
 */
function readable(plan: Plan, spec: SheetSpec<Columns>): boolean {
  const layout = plan.layout[spec.name as SheetName];
  return !layout || Object.entries(spec.columns).every(([key, column]) => !column.required || layout.columns[key] !== undefined);
}

/** Projects whose Type is not in Templates, and whether they have tasks of their own to plan instead. */
function unknownTypes(plan: Plan): { project: ProjectRow; planned: boolean }[] {
  const types = new Set(plan.templates.map((t) => t.type && nameKey(t.type)));
  const withTasks = new Set(plan.tasks.map((t) => t.project && nameKey(t.project)));
  return plan.projects
    .filter((p) => p.type && p.project && !types.has(nameKey(p.type)))
    .map((project) => ({ project, planned: withTasks.has(nameKey(project.project)) }));
}

function templateWarnings(plan: Plan): Problem[] {
  const here = at(plan);
  const hasTemplates = Boolean(plan.layout.Templates);
  // Without Templates, a project with no tasks has nothing to plan; with it, a Type its tasks make
  // unneeded is only odd (a Type needed and missing is checkPlan's error).
  return unknownTypes(plan)
    .filter(({ planned }) => planned === hasTemplates)
    .map(({ project: p }) =>
      here(
        'Projects',
        'type',
        p.row,
        hasTemplates
          ? `unknown template ${quote(p.type)} (the project has its own tasks, so it is not needed)`
          : `no Templates sheet, so ${quote(p.project)} has no tasks to plan`,
        'warning',
      ),
    );
}

function referenceChecks(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const here = at(plan);
  const staffRead = readable(plan, Staff);
  const projectsRead = readable(plan, Projects);
  const clients = new Set(plan.clients.map((c) => c.client && nameKey(c.client)));
  const staff = new Set(plan.staff.map((s) => s.name && nameKey(s.name)));
  const projects = new Set(plan.projects.map((p) => p.project && nameKey(p.project)));

  if (plan.layout.Clients && readable(plan, Clients)) {
    for (const p of plan.projects) {
      if (p.client && !clients.has(nameKey(p.client))) {
        problems.push(here('Projects', 'client', p.row, `unknown client ${quote(p.client)}; add it to the Clients sheet`));
      }
    }
  }
  if (plan.layout.Templates) {
    for (const { project: p, planned } of unknownTypes(plan)) {
      if (planned) continue;
      problems.push(
        here(
          'Projects',
          'type',
          p.row,
          `unknown template ${quote(p.type)} and the project has no tasks; add the type to Templates or tasks to Tasks`,
        ),
      );
    }
  }
  for (const t of plan.tasks) {
    if (projectsRead && t.project && !projects.has(nameKey(t.project))) {
      problems.push(here('Tasks', 'project', t.row, `unknown project ${quote(t.project)}; add it to the Projects sheet`));
    }
    for (const name of t.assignee ?? []) {
      if (staffRead && !staff.has(nameKey(name)))
        problems.push(here('Tasks', 'assignee', t.row, `unknown person ${quote(name)}; add them to the Staff sheet`));
    }
  }
  for (const c of plan.costs) {
    if (projectsRead && c.project && !projects.has(nameKey(c.project))) {
      problems.push(here('Costs', 'project', c.row, `unknown project ${quote(c.project)}; add it to the Projects sheet`));
    }
  }
  for (const o of plan.timeOff) {
    if (staffRead && o.name && nameKey(o.name) !== 'all' && !staff.has(nameKey(o.name))) {
      problems.push(
        here('TimeOff', 'name', o.row, `unknown person ${quote(o.name)}; use a name from Staff, or "All" for a company holiday`),
      );
    }
  }
  return problems;
}

function reportCycles(
  problems: Problem[],
  here: At,
  sheet: SheetName,
  rows: readonly { row: number }[],
  after: number[][],
  label: (i: number) => string,
) {
  for (const cycle of findCycles(after)) {
    // `after` edges point back to predecessors; show the loop in working order, a long one shortened.
    const names = [...cycle].reverse().map(label);
    const shown = names.length > 12 ? [...names.slice(0, 8), `… ${names.length - 11} more …`, ...names.slice(-3)] : names;
    const path = shown.join(' → ');
    problems.push(here(sheet, 'after', rows[cycle[0]].row, `dependency cycle: ${path}; remove one of these After entries`));
  }
}

function dependencyChecks(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const here = at(plan);

  const lookup: TaskLookup<number> = new Map();
  plan.tasks.forEach((t, i) => {
    if (t.project && t.task) addToLookup(lookup, t.project, t.task, i);
  });
  const after = plan.tasks.map((t) => {
    const deps: number[] = [];
    const own = lookup.get(nameKey(t.project ?? ''));
    const hint = t.project ? `name a task of ${quote(t.project)} or ` : '';
    for (const ref of t.after ?? []) {
      const dep = resolveAfter(ref, own, lookup);
      if (dep === undefined)
        problems.push(here('Tasks', 'after', t.row, `unknown task ${quote(ref)} in After; ${hint}write "Project/Task"`));
      else deps.push(dep);
    }
    return deps;
  });
  reportCycles(problems, here, 'Tasks', plan.tasks, after, (i) => `${plan.tasks[i].project}/${plan.tasks[i].task}`);

  const templateLookup: TaskLookup<number> = new Map();
  plan.templates.forEach((t, i) => {
    if (t.type && t.task) addToLookup(templateLookup, t.type, t.task, i);
  });
  const templateAfter = plan.templates.map((t) => {
    const deps: number[] = [];
    const own = templateLookup.get(nameKey(t.type ?? ''));
    for (const ref of t.after ?? []) {
      const dep = own?.get(nameKey(ref));
      if (dep === undefined)
        problems.push(here('Templates', 'after', t.row, `unknown task ${quote(ref)} in After; name a task of its Type`));
      else deps.push(dep);
    }
    return deps;
  });
  reportCycles(problems, here, 'Templates', plan.templates, templateAfter, (i) => `${plan.templates[i].type}/${plan.templates[i].task}`);
  return problems;
}

function skillChecks(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  if (!readable(plan, Staff)) return problems;
  const here = at(plan);
  const staffSkills = plan.staff.filter((s) => s.skills).map((s) => ({ name: s.name, skills: s.skills.skills }));
  const byName = new Map(staffSkills.map((s) => [nameKey(s.name ?? ''), s]));

  const seen = new Map<string, string | undefined>();
  const describe = (r: Requirement): string | undefined => {
    const key = `${r.skill}:${r.level}:${r.count}`;
    if (!seen.has(key)) seen.set(key, shortage(r));
    return seen.get(key);
  };
  const shortage = (r: Requirement): string | undefined => {
    const holders = staffSkills.filter((s) => s.skills.has(r.skill));
    if (holders.length === 0) return `no one on Staff has the skill ${quote(r.label)}`;
    const qualified = holders.filter((s) => (s.skills.get(r.skill) ?? 0) >= r.level).length;
    if (qualified === 0) return `no one on Staff has ${r.label} at level ${r.level} or above`;
    if (qualified < r.count) return `${formatRequirement(r)} needs ${r.count} people but only ${qualified} on Staff qualify`;
    return undefined;
  };
  const warnAll = (sheet: SheetName, row: number, reqs: Requirement[] | undefined) => {
    for (const r of reqs ?? []) {
      const why = describe(r);
      if (why) problems.push(here(sheet, 'skills', row, `${why}; the task cannot be staffed`, 'warning'));
    }
  };
  for (const t of plan.tasks) {
    if (t.status === 'Done') continue;
    warnAll('Tasks', t.row, t.skills);
    if (t.status !== 'Not Started') continue;
    for (const name of t.assignee ?? []) {
      const person = byName.get(nameKey(name));
      if (!person || !t.skills?.length) continue;
      if (!t.skills.some((r) => (person.skills.get(r.skill) ?? 0) >= r.level)) {
        const needs = t.skills.map(formatRequirement).join('; ');
        problems.push(here('Tasks', 'assignee', t.row, `${name} is pinned but has none of the required skills (${needs})`));
      }
    }
  }
  const usedTypes = new Set(plan.projects.filter((p) => p.type).map((p) => nameKey(p.type as string)));
  for (const t of plan.templates) if (t.type && usedTypes.has(nameKey(t.type))) warnAll('Templates', t.row, t.skills);
  return problems;
}
