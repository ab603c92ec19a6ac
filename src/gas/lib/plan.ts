// Turning custom-function ranges into a validated Plan, as the sheets would give it.

import { type BaselineRow, readBaseline } from '../../model/baseline';
import type { Plan } from '../../model/plan';
import { hasErrors } from '../../model/problems';
import { columnValues, findTab, type RawWorkbook, rangeProblem, readPlan } from '../../model/read';
import { Settings } from '../../model/settings';
import { Projects, Staff, Tasks, Templates, TimeOff } from '../../model/sheets';
import { problemsColumn, rangesColumn } from './answer';
import { asTable, sheetLocale, sheetTimeZone } from './args';
import { today } from './clock';
import { contextSheets } from './context';
import type { SheetSpec } from './spreadsheet';

export interface RangePlan {
  plan?: Plan;
  /** The published plan's rows, when a baseline range was given. */
  baseline?: BaselineRow[];
  /** The readable answer when the ranges cannot be planned. */
  message?: string[][];
  timeZone: string;
}

/**
 * Reads ranges passed to a custom function, with this spreadsheet's Settings and Templates as the
 * panels read them (a plan_start argument overrides Settings > Plan Start). Without a Projects range,
 * every project named in Tasks is taken as active work for a client of the same name.
 */
export function planFromRanges(
  fn: string,
  ranges: { Tasks: unknown; Staff: unknown; Projects?: unknown; TimeOff?: unknown; Baseline?: unknown },
  planStart?: unknown,
  /** Sheets to read from the spreadsheet too, for a function that takes no range for them. */
  alsoRead: readonly SheetSpec[] = [],
): RangePlan {
  const timeZone = sheetTimeZone();
  const tasks = asTable(ranges.Tasks);
  const staff = asTable(ranges.Staff);
  const projects = asTable(ranges.Projects);
  const timeOff = asTable(ranges.TimeOff);
  const wrong = rangesColumn(fn, 'plan', [
    rangeProblem('tasks', tasks, Tasks, true),
    rangeProblem('staff', staff, Staff, true),
    rangeProblem('projects', projects, Projects, false),
    rangeProblem('timeoff', timeOff, TimeOff, false),
  ]);
  if (wrong) return { timeZone, message: wrong };
  const raw: RawWorkbook = { ...contextSheets([Settings, Templates, ...alsoRead]), Tasks: tasks, Staff: staff };
  raw.Projects = projects.length
    ? projects
    : [['Project', 'Client'], ...[...new Set(columnValues(Tasks, tasks, 'project').map(String))].map((p) => [p, p])];
  if (timeOff.length) raw.TimeOff = timeOff;
  if (planStart !== undefined && planStart !== '') {
    const tab = findTab(raw, Settings) ?? 'Settings';
    raw[tab] = [...(raw[tab] ?? [['Key', 'Value']]), ['Plan Start', planStart]];
  }
  const { plan, problems } = readPlan(raw, { timeZone, today: today(timeZone), locale: sheetLocale() });
  const given = ranges.Baseline !== undefined && ranges.Baseline !== '';
  const baseline = given ? readBaseline(asTable(ranges.Baseline), 'baseline', timeZone) : undefined;
  if (baseline) for (const p of baseline.problems) problems.push(p);
  if (hasErrors(problems)) return { timeZone, message: problemsColumn(fn, 'plan', problems) };
  return { plan, timeZone, baseline: baseline?.rows };
}
