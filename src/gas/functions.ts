// Custom functions typed in cells. Each takes ranges with their header row, answers within Sheets'
// 30-second limit, and returns a readable message instead of failing.

import { isBlank } from '../model/cells';
import { parseRequirements, parseSkills, skillMatch } from '../model/skills';
import { asList, asTable } from './lib/args';

/**
 * How well a person's skills cover a task's requirements, from 0 (none) to 1 (every level met).
 * Given a range of people's skills, answers one number per cell.
 *
 * @param {"Rigging:3 x2; LED:2"} required The task's Skills cell.
 * @param {"LED:3, Rigging:2, Labor"} skills A person's Skills cell, or a range of them.
 * @return A number from 0 to 1 (or one per cell of the skills range).
 * @customfunction
 */
export function SKILLMATCH(required: unknown, skills: unknown): number | string | (number | string)[][] {
  const req = parseRequirements(asList(required).join(';'));
  if (!req.ok) return `SKILLMATCH: required ${req.error}`;
  const match = (cell: unknown): number | string => {
    if (isBlank(cell)) return '';
    const has = parseSkills(String(cell));
    if (!has.ok) return `SKILLMATCH: skills ${has.error}`;
    return Math.round(skillMatch(req.value, has.value.skills) * 1000) / 1000;
  };
  return Array.isArray(skills) ? asTable(skills).map((row) => row.map(match)) : match(skills);
}
