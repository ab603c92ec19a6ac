// The staffing advisor: the few changes to the team that help the plan most. Candidates come from the
// plan's own evidence (skills its tasks waited for, cannot be staffed with, or that fill their people's
// hours): one hire, and the people who hold the skill below the level and had the most free time while
// it was waited for. Each is confirmed by planning again with it, exactly as ASSIGN would plan the
// changed Staff sheet, and only changes that help are kept, best first.

import { median } from '../budget/stats';
import { MON_TO_FRI } from '../model/cells';
import { toTenth } from '../model/numbers';
import { isPlaceholder, PLACEHOLDER_ROLE } from '../model/placeholder';
import type { Plan } from '../model/plan';
import type { StaffRow } from '../model/sheets';
import { lateDays } from '../schedule/objective';
import { PRIORITY_WEIGHT } from '../schedule/problem';
import { type Planner, type ScheduleOptions, solved } from '../schedule/schedule';
import { DEFAULT_WORK_BUDGET } from '../schedule/search';
import { bookedHours, freeHours, planLength, type SkillEvidence, skillEvidence } from './evidence';

export interface StaffChange {
  action: 'Train' | 'Hire';
  /** The person trained; undefined for a hire. */
  person?: string;
  skill: string;
  /** The skill as the sheets write it. */
  label: string;
  level: number;
  /** A trainee's level before training. */
  from?: number;
}

export interface Effect {
  /** Open tasks staffed that could not be before. */
  staffed: number;
  /** Late working days saved, each weighted by its priority as the planner weighs it (priority 3 = 1). */
  lateDaysSaved: number;
  /** Working days late, summed over tasks, without and with the change. */
  lateBefore: number;
  lateAfter: number;
  /** Days off the plan's length. */
  daysSaved: number;
  /** Hours the plan gives what the change adds: the hire's work, or the work only the trainee's new level allows. */
  hours: number;
  /** Those hours over that person's working hours until the plan ends. */
  utilization: number;
}

export interface Recommendation {
  change: StaffChange;
  effect: Effect;
  evidence: SkillEvidence;
}

export interface Advice {
  recommendations: Recommendation[];
  /** Every skill the plan showed pressure on, most pressing first. */
  evidence: SkillEvidence[];
  /** Changes planned again. */
  tried: number;
}

/** Skills looked at (each: one hire and up to two trainees), and recommendations kept. */
const SKILLS_TRIED = 3;
const TRAINEES = 2;
const KEPT = 5;
/** Placements all the plans may make together: ten formula-depth plans at 200 tasks, fewer where each costs more. */
const ADVICE_WORK_BUDGET = 100_000;

/** A plan's unplaced jobs, weighted lateness, late working days and length. */
function measure(planner: Planner) {
  const { problem, planned } = planner;
  const { schedule, terms } = planner.outcome();
  let late = 0;
  for (const { index: j } of problem.jobs) if (planned[j] && !schedule.unplaced[j]) late += lateDays(problem, j, schedule.end[j]);
  return { unplaced: terms.unplaced, lateness: terms.lateness, late, length: planLength(problem, schedule, planned) };
}

export function hireName(change: Pick<StaffChange, 'label' | 'level'>): string {
  return `New ${change.label}:${change.level} hire`;
}

/** The plan with the change made: the trainee's level raised, or one 40 h/week person added after everyone. */
export function withChange(plan: Plan, change: StaffChange): Plan {
  const skillsOf = (row?: StaffRow) => ({
    skills: new Map(row?.skills.skills).set(change.skill, change.level),
    labels: new Map(row?.skills.labels).set(change.skill, row?.skills.labels.get(change.skill) ?? change.label),
  });
  if (change.person)
    return { ...plan, staff: plan.staff.map((row) => (row.name === change.person ? { ...row, skills: skillsOf(row) } : row)) };
  const rates = plan.staff.flatMap((s) => (s.skills.skills.has(change.skill) && s.costRate !== undefined ? [s.costRate] : []));
  const hire = {
    name: hireName(change),
    role: PLACEHOLDER_ROLE,
    skills: skillsOf(),
    hoursPerWeek: 40,
    workDays: MON_TO_FRI,
    costRate: rates.length ? median(rates) : undefined,
    row: 0,
  } as StaffRow;
  return { ...plan, staff: [...plan.staff, hire] };
}

/** The changes worth trying for a skill: one hire, then whoever holds it below the level and was freest while it was waited for. */
function changesFor(plan: Plan, baseline: Planner, booked: Float64Array[], e: SkillEvidence): StaffChange[] {
  const change = { skill: e.skill, label: e.label, level: e.level };
  const trainees = plan.staff
    .map((row, p) => ({ row, from: row.skills.skills.get(e.skill) ?? 0, free: freeHours(baseline.problem, p, e.from, e.to, booked) }))
    .filter((t) => t.from > 0 && t.from < e.level && t.free > 0 && !isPlaceholder(t.row))
    .sort((a, b) => b.free - a.free || b.from - a.from)
    .slice(0, TRAINEES);
  return [
    { action: 'Hire', ...change },
    ...trainees.map((t) => ({ action: 'Train' as const, person: t.row.name, from: t.from, ...change })),
  ];
}

/** Hours the changed plan gives what the change added, and their share of that person's hours until it ends. */
function newSkillUse(planner: Planner, change: StaffChange, length: number): Pick<Effect, 'hours' | 'utilization'> {
  const { problem, planned } = planner;
  const { crew } = planner.outcome().schedule;
  const person = change.person ? problem.people.findIndex((p) => p.name === change.person) : problem.people.length - 1;
  let hours = 0;
  for (const job of problem.jobs) {
    crew[job.index].forEach((p, s) => {
      if (
        planned[job.index] &&
        p === person &&
        (!change.person || (job.slots[s].skill === change.skill && job.slots[s].level > (change.from ?? 0)))
      ) {
        hours += job.hours;
      }
    });
  }
  return { hours, utilization: hours / Math.max(1e-9, freeHours(problem, person, 0, length)) };
}

/**
 * How many changes can be planned again besides the baseline. A plan makes its work budget's placements,
 * but at least about four per job (construction and a forward-backward pass) however large the firm.
 */
export function changesAffordable(jobs: number, workBudget = DEFAULT_WORK_BUDGET): number {
  return Math.max(1, Math.floor(ADVICE_WORK_BUDGET / Math.max(workBudget, 4 * jobs)) - 1);
}

/**
 * Plans the workbook as ASSIGN does, then again with each candidate change, within a placement
 * budget; the changes that help come back best first: more tasks staffed, then fewer priority-weighted
 * late days, then a shorter plan. Yields the share done before each plan, so a panel can show progress.
 */
export function* adviceSteps(plan: Plan, options: ScheduleOptions = {}): Generator<number, Advice> {
  const baseline = solved(plan, options);
  const before = measure(baseline);
  const { schedule } = baseline.outcome();
  const evidence = skillEvidence(baseline.problem, schedule, baseline.planned);
  const booked = bookedHours(baseline.problem, schedule, baseline.planned, before.length + 1);
  const jobs = baseline.planned.reduce((n, p) => n + p, 0);
  const candidates = evidence
    .slice(0, SKILLS_TRIED)
    .flatMap((e) => changesFor(plan, baseline, booked, e).map((change) => ({ change, evidence: e })))
    .slice(0, changesAffordable(jobs, options.workBudget));
  const recommendations: Recommendation[] = [];
  for (const [i, { change, evidence: e }] of candidates.entries()) {
    yield i / candidates.length;
    const planner = solved(withChange(plan, change), options);
    const after = measure(planner);
    const effect: Effect = {
      staffed: before.unplaced - after.unplaced,
      lateDaysSaved: toTenth((before.lateness - after.lateness) / PRIORITY_WEIGHT[3]),
      lateBefore: before.late,
      lateAfter: after.late,
      daysSaved: before.length - after.length,
      ...newSkillUse(planner, change, after.length),
    };
    const helps = effect.staffed > 0 || effect.lateDaysSaved > 0 || (effect.lateDaysSaved === 0 && effect.daysSaved > 0);
    if (effect.staffed >= 0 && helps) recommendations.push({ change, effect, evidence: e });
  }
  const rank = ({ effect: a }: Recommendation, { effect: b }: Recommendation) =>
    b.staffed - a.staffed || b.lateDaysSaved - a.lateDaysSaved || b.daysSaved - a.daysSaved || b.utilization - a.utilization;
  return { recommendations: recommendations.sort(rank).slice(0, KEPT), evidence, tried: candidates.length };
}

/** The advice in one go, as STAFFING answers it. */
export function adviseStaffing(plan: Plan, options: ScheduleOptions = {}): Advice {
  const steps = adviceSteps(plan, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
