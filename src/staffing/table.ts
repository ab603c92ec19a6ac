// STAFFING's answer and the words behind each recommendation: what the plan waited for, and what
// planning again with the change measured.

import { plural } from '../model/numbers';
import type { Cell } from '../model/output';
import type { Advice, Recommendation } from './advisor';
import { HIGH_LOAD, type SkillEvidence } from './evidence';

export const STAFFING_HEADER = ['Action', 'Person', 'Skill', 'Late Days Saved', 'Days Saved', 'Why'];

const percent = (share: number) => `${Math.round(share * 100)}%`;

function named(keys: readonly string[]): string {
  const shown = keys.slice(0, 2).join(', ');
  return keys.length > 2 ? `${shown} and ${keys.length - 2} more` : shown;
}

/** What the plan showed about a skill. */
export function pressure(e: SkillEvidence, level: number): string {
  const parts: string[] = [];
  if (e.unstaffable) parts.push(`${plural(e.unstaffable, 'crew place')} cannot be filled without more ${e.label}:${level}`);
  if (e.tasks.length) parts.push(`${named(e.tasks)} waited ${plural(e.days, 'working day')} for ${e.label}`);
  if (e.load >= HIGH_LOAD) parts.push(`${e.label} work needs ${percent(e.load)} of its qualified people's hours until the plan ends`);
  return parts.join('; ');
}

export function whyOf(r: Recommendation): string {
  const { change, effect } = r;
  const measured: string[] = [];
  if (effect.staffed > 0) measured.push(`${plural(effect.staffed, 'more task')} staffed`);
  if (effect.lateBefore !== effect.lateAfter) {
    measured.push(`late work ${effect.lateBefore} → ${effect.lateAfter} working days`);
  }
  if (effect.daysSaved > 0) measured.push(`the plan ends ${plural(effect.daysSaved, 'day')} sooner`);
  else if (effect.daysSaved < 0) measured.push(`the plan ends ${plural(-effect.daysSaved, 'day')} later`);
  const who = change.action === 'Hire' ? 'the hire works' : `${change.person} works`;
  const what = change.action === 'Hire' ? '' : ` of ${change.label}:${change.level} work`;
  measured.push(`${who} ${Math.round(effect.hours)} h${what} (${percent(effect.utilization)} of their hours until the plan ends)`);
  return `${pressure(r.evidence, change.level)}. Planned again with this change: ${measured.join('; ')}.`;
}

/** Why no change is recommended. */
export function nothingHelps(advice: Advice): string {
  if (!advice.evidence.length)
    return 'No task waits for a qualified person and no skill is short: the team is not what holds this plan back.';
  return `Tried ${plural(advice.tried, 'change')} for ${advice.evidence
    .slice(0, 3)
    .map((e) => e.label)
    .join(', ')}: none made the plan less late or shorter.`;
}

/** STAFFING's table: the header, then one row per recommendation, best first. */
export function staffingTable(advice: Advice): Cell[][] {
  const rows: Cell[][] = advice.recommendations.map((r) => [
    r.change.action,
    r.change.person ?? '',
    `${r.change.label}:${r.change.level}`,
    r.effect.lateDaysSaved,
    r.effect.daysSaved,
    whyOf(r),
  ]);
  return [STAFFING_HEADER, ...(rows.length ? rows : [['None', '', '', 0, 0, nothingHelps(advice)]])];
}
