// CLIENTVIEW's input: the ranges passed, plus the sheets a client copy also depends on, read from this
// spreadsheet (custom functions may read): Settings (names or roles, prices), Clients (account
// managers), and, when a staff range is given, TimeOff and Templates (the plan).

import type { Plan } from '../../model/plan';
import { columnLetter, type Problem } from '../../model/problems';
import { type RawWorkbook, rangeProblem, readPlan } from '../../model/read';
import { Settings } from '../../model/settings';
import { Clients, Projects, Staff, Tasks, Templates, TimeOff } from '../../model/sheets';
import { blockingProblems } from '../../share/targets';
import { problemsColumn, rangesColumn } from './answer';
import { asTable } from './args';
import { today } from './clock';
import { contextSheets } from './context';
import { localeOf, timeZoneOf } from './spreadsheet';

export interface ClientViewInput {
  plan?: Plan;
  /** The readable answer when the ranges cannot be read. */
  message?: string[][];
  timeZone: string;
}

/** Without staff no one can be checked against Staff, so pins are taken as written. */
function withoutStaffChecks(plan: Plan, problems: Problem[]): Problem[] {
  const tasks = plan.layout.Tasks;
  const letter = tasks?.columns.assignee ? columnLetter(tasks.columns.assignee) : undefined;
  return problems.filter((p) => !(letter && p.sheet === tasks?.tab && p.cell.replace(/\d+$/, '') === letter));
}

export function clientViewInput(ranges: { Projects: unknown; Tasks: unknown; Staff?: unknown }): ClientViewInput {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const withStaff = ranges.Staff !== undefined && ranges.Staff !== '';
  const context = withStaff ? [Settings, Clients, TimeOff, Templates] : [Settings, Clients, Templates];
  const [projects, tasks, staff] = [asTable(ranges.Projects), asTable(ranges.Tasks), asTable(ranges.Staff)];
  const wrong = rangesColumn('CLIENTVIEW', 'read the sheets', [
    rangeProblem('projects', projects, Projects, true),
    rangeProblem('tasks', tasks, Tasks, true),
    rangeProblem('staff', staff, Staff, false),
  ]);
  if (wrong) return { timeZone, message: wrong };
  const raw: RawWorkbook = { ...contextSheets(context), Projects: projects, Tasks: tasks };
  if (withStaff) raw.Staff = staff;
  const { plan, problems } = readPlan(raw, { timeZone, today: today(timeZone), locale: localeOf(ss) });
  const errors = blockingProblems(plan, withStaff ? problems : withoutStaffChecks(plan, problems));
  if (!errors.length) return { plan, timeZone };
  return { timeZone, message: problemsColumn('CLIENTVIEW', 'read the sheets', errors, 'in the ranges passed, cells') };
}
