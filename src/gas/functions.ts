// Custom functions typed in cells. Each takes ranges with their header row, answers within Sheets'
// 30-second limit, and returns a readable message instead of failing.

import { isBlank } from '../model/cells';
import { parseRequirements, parseSkills, skillMatch } from '../model/skills';
import { projectsWithoutWork } from '../model/work';
import { planSchedule } from '../schedule/schedule';
import { assignTable } from '../schedule/sheet';
import { answering } from './lib/answer';
import { asList, asTable } from './lib/args';
import { planFromRanges } from './lib/plan';
import { toReturnedValue } from './lib/values';

/**
 * Plans tasks: who does each one and when, respecting skills, crews, capacity, time off,
 * dependencies and due dates, with the reason for every choice.
 *
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff The Staff table, header row included.
 * @param {Projects!A1:P30} projects Optional. The Projects table.
 * @param {TimeOff!A1:E50} timeoff Optional. The TimeOff table.
 * @param {DATE(2027,1,4)} plan_start Optional. The first day to plan; default Settings > Plan Start, else today.
 * @param {Baseline!A1:I200} baseline Optional. The plan people were told: only what a change forces moves.
 * @return Project · Task · Assignee · Start · End · Hours · Why.
 * @customfunction
 */
export function ASSIGN(
  tasks: unknown,
  staff: unknown,
  projects?: unknown,
  timeoff?: unknown,
  plan_start?: unknown,
  baseline?: unknown,
): unknown {
  // Projects with a Type and no tasks are planned from this spreadsheet's Templates, with its Settings,
  // as the Plan panel plans them; a project with no work to plan gets a row saying so.
  return answering('ASSIGN', (effort) => {
    const {
      plan,
      message,
      timeZone,
      baseline: published,
    } = planFromRanges('ASSIGN', { Tasks: tasks, Staff: staff, Projects: projects, TimeOff: timeoff, Baseline: baseline }, plan_start);
    if (!plan) return message;
    const empty = projectsWithoutWork(plan, plan.settings.planProposals);
    return assignTable(planSchedule(plan, { baseline: published, effort }), empty).map((row) =>
      row.map((cell) => toReturnedValue(cell, timeZone)),
    );
  });
}

/**
 * How well a person's skills cover a task's requirements, from 0 (none) to 1 (every level met).
 *
 * @param {"Rigging:3 x2; LED:2"} required The task's Skills cell.
 * @param {"LED:3, Rigging:2, Labor"} skills A person's Skills cell, or a range of them.
 * @return A number from 0 to 1 (one per cell of a range).
 * @customfunction
 */
export function SKILLMATCH(required: unknown, skills: unknown): unknown {
  return answering('SKILLMATCH', (effort) => {
    const req = parseRequirements(asList(required).join(';'));
    if (!req.ok) return `SKILLMATCH: required ${req.error}`;
    const match = (cell: unknown): number | string => {
      if (isBlank(cell)) return '';
      effort.spend(req.value.length + String(cell).length);
      const has = parseSkills(String(cell));
      if (!has.ok) return `SKILLMATCH: skills ${has.error}`;
      return Math.round(skillMatch(req.value, has.value.skills) * 1000) / 1000;
    };
    return Array.isArray(skills) ? asTable(skills).map((row) => row.map(match)) : match(skills);
  });
}
