// Reads the workbook through one server call and parses it here, in the user's browser.

import type { WorkbookSnapshot } from '../src/api';
import { type BaselineRow, publishedOn, readBaseline } from '../src/model/baseline';
import { type Day, isoToDay } from '../src/model/dates';
import { hasErrors, type Problem } from '../src/model/problems';
import { type ReadResult, readWorkbook } from '../src/model/read';
import { server } from './server';

/** The plan people were told: the Baseline sheet's rows, the day it was published, what is wrong in it. */
export interface Published {
  rows: BaselineRow[];
  on?: Day;
  problems: Problem[];
}

export interface LoadedWorkbook extends ReadResult {
  snapshot: WorkbookSnapshot;
  ok: boolean;
  /** Absent until a plan is first written. */
  baseline?: Published;
}

let opening: Promise<LoadedWorkbook> | undefined;

/** The workbook as the sidebar found it when it opened, read once for the panels' defaults. */
export function workbookOnOpen(): Promise<LoadedWorkbook> {
  opening ??= loadWorkbook();
  return opening;
}

/**
 * Ticks an "Include proposals" box as Settings > Plan Proposals says, unless the user has set it first:
 * the box is what a run uses. Resolves once the default is in.
 */
export function proposalsFromSettings(input: HTMLInputElement): Promise<void> {
  let touched = false;
  input.addEventListener('change', () => {
    touched = true;
  });
  return workbookOnOpen().then(
    (workbook) => {
      if (!touched) input.checked = workbook.plan.settings.planProposals;
    },
    () => undefined,
  );
}

export async function loadWorkbook(): Promise<LoadedWorkbook> {
  return readSnapshot(await server.getWorkbook());
}

/** A snapshot read as the panels read it (also in a planner worker, which has no server). */
export function readSnapshot(snapshot: WorkbookSnapshot): LoadedWorkbook {
  const today = isoToDay(snapshot.today) as number;
  const result = readWorkbook(snapshot.sheets, { timeZone: snapshot.timeZone, today, locale: snapshot.locale });
  const grid = snapshot.baseline;
  const baseline = grid ? { ...readBaseline(grid, 'Baseline', snapshot.timeZone), on: publishedOn(grid) } : undefined;
  return { ...result, snapshot, ok: !hasErrors(result.problems), ...(baseline ? { baseline } : {}) };
}

/**
 * What to do first when the workbook has nothing to plan: no Crewsheet sheets yet, or no staff or no
 * work in them. Undefined once there is something to plan.
 */
export function firstSteps(workbook: LoadedWorkbook): string | undefined {
  const { plan } = workbook;
  if (!Object.keys(workbook.snapshot.sheets).length) {
    return 'This workbook has no Crewsheet sheets yet. On the Sheets tab, Set up sheets creates Clients, Staff, Projects, Tasks and the others, with their headers, for your own firm; Fill with the sample firm fills them with a small AV company, to try Crewsheet first.';
  }
  const work = plan.tasks.length > 0 || plan.projects.some((p) => p.type);
  if (!plan.staff.length || !plan.projects.length || !work) {
    const missing = [
      !plan.staff.length && 'people in Staff',
      !plan.projects.length && 'projects in Projects',
      !work && 'their tasks in Tasks',
    ].filter((m): m is string => Boolean(m));
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}` : missing[0];
    return `Nothing to plan yet: add ${list} (a project with a Type from Templates needs no task rows).`;
  }
  return undefined;
}
