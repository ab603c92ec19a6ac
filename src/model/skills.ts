// Skills people have (`LED:3, Rigging:2, Labor`) and skills tasks require (`Rigging:3 x2; LED:2`).
// Names are case-insensitive; levels run from 1 (basic) to 5 (expert); no level means 1.

import { MAX_CREW, MAX_NAME } from './limits';

export const MAX_LEVEL = 5;

/** A person's skills: canonical skill key → level. */
export type SkillSet = Map<string, number>;

export interface Requirement {
  /** Canonical key (lower case, single spaces). */
  skill: string;
  /** As the user wrote it, for messages. */
  label: string;
  level: number;
  /** People needed with this skill, each a distinct person. */
  count: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function skillKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function parseLevel(text: string | undefined, item: string): Parsed<number> {
  if (text === undefined || text.trim() === '') return { ok: true, value: 1 };
  const level = Number(text.trim());
  if (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL) {
    return { ok: false, error: `level in "${item}" must be a whole number from 1 to ${MAX_LEVEL}` };
  }
  return { ok: true, value: level };
}

const NAME = /^[^:;,]*[^\s:;,\d][^:;,]*$/;

function tooLong(item: string): Parsed<never> {
  return { ok: false, error: `"${item.slice(0, 30)}…" is longer than a skill (${MAX_NAME} characters at most)` };
}

/** `LED:3, Rigging:2, Labor` → {led: 3, rigging: 2, labor: 1}. */
export function parseSkills(text: string): Parsed<{ skills: SkillSet; labels: Map<string, string> }> {
  const skills: SkillSet = new Map();
  const labels = new Map<string, string>();
  for (const raw of text.split(/[,;\n]/)) {
    const item = raw.trim();
    if (!item) continue;
    if (item.length > MAX_NAME) return tooLong(item);
    const [name, levelText, extra] = item.split(':');
    if (extra !== undefined || !NAME.test(name.trim())) {
      return { ok: false, error: `cannot read skill "${item}"; write skills like "LED:3, Rigging:2, Labor"` };
    }
    const level = parseLevel(levelText, item);
    if (!level.ok) return level;
    const key = skillKey(name);
    skills.set(key, Math.max(level.value, skills.get(key) ?? 0));
    if (!labels.has(key)) labels.set(key, name.trim());
  }
  return { ok: true, value: { skills, labels } };
}

const REQUIREMENT = /^(?:(\d+)\s*[x×]\s+)?([^:]+?)(?:\s*:\s*(\S+?))?(?:\s*[x×]\s*(\d+))?$/i;

/** `Rigging:3 x2; LED:2` → two riggers at level ≥3 and one LED tech at level ≥2. */
export function parseRequirements(text: string): Parsed<Requirement[]> {
  const out: Requirement[] = [];
  for (const raw of text.split(/[;,\n]/)) {
    const item = raw.trim();
    if (!item) continue;
    if (item.length > MAX_NAME) return tooLong(item);
    const m = REQUIREMENT.exec(item);
    if (!m || !NAME.test(m[2].trim()) || (m[1] && m[4])) {
      return { ok: false, error: `cannot read requirement "${item}"; write them like "Rigging:3 x2; LED:2"` };
    }
    const level = parseLevel(m[3], item);
    if (!level.ok) return level;
    const count = Number(m[1] ?? m[4] ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > MAX_CREW) {
      return { ok: false, error: `crew size in "${item}" must be a whole number from 1 to ${MAX_CREW}` };
    }
    out.push({ skill: skillKey(m[2]), label: m[2].trim(), level: level.value, count });
  }
  return { ok: true, value: out };
}

export function crewSize(requirements: readonly Requirement[]): number {
  let n = 0;
  for (const r of requirements) n += r.count;
  return n;
}

export function formatRequirement(r: Requirement): string {
  return `${r.label}:${r.level}${r.count > 1 ? ` x${r.count}` : ''}`;
}

/**
 * How well one person's skills cover a requirement list, 0…1: each requirement weighs by the level
 * it asks; a skill held at a lower level covers that share of it (LED:2 of LED:4 covers half).
 * Crew counts do not weigh in: one person can only ever fill one slot of a requirement.
 */
export function skillMatch(requirements: readonly Requirement[], skills: SkillSet): number {
  let needed = 0;
  let covered = 0;
  for (const r of requirements) {
    needed += r.level;
    const has = skills.get(r.skill) ?? 0;
    covered += Math.min(has, r.level);
  }
  return needed === 0 ? 1 : covered / needed;
}
