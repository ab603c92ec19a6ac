// Turning custom-function ranges into a validated Plan, as the sheets would give it.

import { type BaselineRow, readBaseline } from '../../model/baseline';
import type { Plan } from '../../model/plan';
import { hasErrors } from '../../model/problems';
import { columnValues, findTab, type RawWorkbook, readWorkbook } from '../../model/read';
import { Settings } from '../../model/settings';
import { Tasks, Templates } from '../../model/sheets';
import { problemsColumn } from './answer';
import { asTable, sheetTimeZone } from './args';
import { today } from './clock';
import type { SheetSpec } from './context';
import { contextSheets } from './context';

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
  const raw: RawWorkbook = { ...contextSheets([Settings, Templates, ...alsoRead]), Tasks: tasks, Staff: asTable(ranges.Staff) };
  const projects = asTable(ranges.Projects);
  raw.Projects = projects.length
    ? projects
    : [['Project', 'Client'], ...[...new Set(columnValues(Tasks, tasks, 'project').map(String))].map((p) => [p, p])];
  if (ranges.TimeOff !== undefined && ranges.TimeOff !== '') raw.TimeOff = asTable(ranges.TimeOff);
  if (planStart !== undefined && planStart !== '') {
    const tab = findTab(raw, Settings) ?? 'Settings';
    raw[tab] = [...(raw[tab] ?? [['Key', 'Value']]), ['Plan Start', planStart]];
  }
  const { plan, problems } = readWorkbook(raw, { timeZone, today: today(timeZone) });
  const given = ranges.Baseline !== undefined && ranges.Baseline !== '';
  const baseline = given ? readBaseline(asTable(ranges.Baseline), 'baseline', timeZone) : undefined;
  if (baseline) problems.push(...baseline.problems);
  if (hasErrors(problems)) return { timeZone, message: problemsColumn(fn, 'plan', problems) };
  return { plan, timeZone, baseline: baseline?.rows };
}
