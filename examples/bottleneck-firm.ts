// A generated firm with a designed bottleneck: a share of its tasks need one skill at a level only a
// few people hold, so that work queues for them. For the staffing advisor's tests and benchmark, which
// must find that skill.

import { Random } from '../src/schedule/random';
import { type FirmSize, generateFirm } from './generate-firm';

export interface Bottleneck {
  /** The scarce skill (default Rigging) and the level its tasks ask (default 3). */
  skill?: string;
  level?: number;
  /** People who hold it at that level or above (default 1). */
  holders?: number;
  /** Share of tasks that need it (default 0.2). */
  share?: number;
}

type Grid = (string | number)[][];

/** The skill dropped from a Skills cell ("Audio:3, Rigging:2" → "Audio:3"), or kept at `level`. */
function withSkill(cell: string, skill: string, level: number | undefined): string {
  const others = cell
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s.split(':')[0].trim().toLowerCase() !== skill.toLowerCase());
  return [...others, ...(level ? [`${skill}:${level}`] : [])].join(', ') || `Labor:1`;
}

export function bottleneckFirm(size: FirmSize, bottleneck: Bottleneck = {}): Record<string, Grid> {
  const { skill = 'Rigging', level = 3, holders = 1, share = 0.2 } = bottleneck;
  const firm = generateFirm(size);
  const random = new Random((size.seed ?? 1) * 7919 + 17);
  const [staffHeader, ...staff] = firm.Staff;
  const skills = staffHeader.indexOf('Skills');
  // The first `holders` people hold the skill at the level; everyone else at most one level below.
  staff.forEach((row, i) => {
    const below = level > 2 && random.next() < 0.3 ? level - 1 : undefined;
    row[skills] = withSkill(String(row[skills]), skill, i < holders ? level : below);
  });
  const [taskHeader, ...tasks] = firm.Tasks;
  const requirement = taskHeader.indexOf('Skills');
  const status = taskHeader.indexOf('Status');
  const assignee = taskHeader.indexOf('Assignee');
  for (const row of tasks) {
    const asks = String(row[requirement]).toLowerCase().includes(skill.toLowerCase());
    if (asks || (row[status] === 'Not Started' && random.next() < share)) {
      row[requirement] = `${skill}:${level}`;
      row[assignee] = '';
    }
  }
  return { ...firm, Staff: [staffHeader, ...staff], Tasks: [taskHeader, ...tasks] };
}
