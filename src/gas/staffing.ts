// STAFFING: the team changes that help the plan most, each measured by planning again with it.

import { adviseStaffing } from '../staffing/advisor';
import { staffingTable } from '../staffing/table';
import { answering } from './lib/answer';
import { planFromRanges } from './lib/plan';
import { toReturnedValue } from './lib/values';

/**
 * Whom to train in which skill, or which skill to hire for: the changes that make the plan least
 * late, each measured by planning again with it, best first.
 *
 * @param {Tasks!A1:R200} tasks The Tasks table, header row included.
 * @param {Staff!A1:K40} staff The Staff table, header row included.
 * @param {Projects!A1:P30} projects Optional. The Projects table.
 * @param {TimeOff!A1:E50} timeoff Optional. The TimeOff table.
 * @param {DATE(2027,1,4)} plan_start Optional. The first day to plan; default Settings > Plan Start, else today.
 * @return Action · Person · Skill · Late Days Saved · Days Saved · Why.
 * @customfunction
 */
export function STAFFING(tasks: unknown, staff: unknown, projects?: unknown, timeoff?: unknown, plan_start?: unknown): unknown {
  return answering('STAFFING', (effort) => {
    const { plan, message, timeZone } = planFromRanges(
      'STAFFING',
      { Tasks: tasks, Staff: staff, Projects: projects, TimeOff: timeoff },
      plan_start,
    );
    if (!plan) return message;
    return staffingTable(adviseStaffing(plan, { effort })).map((row) => row.map((cell) => toReturnedValue(cell, timeZone)));
  });
}
