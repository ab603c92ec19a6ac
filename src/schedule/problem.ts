// The planning problem built from a validated Plan: people with skills and calendars, and the jobs
// still to do, each with its crew slots, qualified candidates, dependencies and pins.

import { type Day, dayToIso, shortDateNear } from '../model/dates';
import { Effort } from '../model/effort';
import { topologicalOrder } from '../model/graph';
import { HORIZON_DAYS, HORIZON_YEARS } from '../model/limits';
import { formatNumber } from '../model/numbers';
import type { Plan } from '../model/plan';
import type { ProjectStatus } from '../model/sheets';
import { formatRequirement } from '../model/skills';
import { nameKey, type WorkItem, type WorkOptions, workItems } from '../model/work';
import { bitCount, Calendar, type PersonCalendar, personCalendars } from './calendar';

export interface Person {
  index: number;
  name: string;
  role?: string;
  skills: Map<string, number>;
  costRate: number;
  /** Last working day (Staff End Date), if leaving. */
  endDate?: Day;
  /** Works at least one hour from the plan start on: someone who left before it is nobody's candidate. */
  available: boolean;
  /** How much of the work only a few could do falls to this person, on average: using them costs flexibility. */
  demand: number;
}

export interface Slot {
  skill: string;
  level: number;
  label: string;
  /** Qualified people, by index (shared by every slot asking the same skill and level). */
  candidates: number[];
}

export interface Job {
  index: number;
  item: WorkItem;
  /** Hours per person still to do. */
  hours: number;
  maxPerDay: number;
  /** Earliest day offset (from the plan start). */
  earliest: number;
  /** Due day offset; undefined when there is no due date. */
  due?: number;
  /** Priority weight for lateness: priority 1 weighs 16, priority 5 weighs 1. */
  weight: number;
  slots: Slot[];
  /** A person fixed to each slot, or -1. */
  pinned: number[];
  preds: number[];
  succs: number[];
  client: string;
  /** Small integer per client, for counting switches. */
  clientIndex: number;
  /** Small integer per project (below the number of jobs), for the objective's project ends. */
  projectIndex: number;
  tentative: boolean;
  /** A proposal, or a task that waits (even indirectly) for one: planned with the proposals. */
  withProposals: boolean;
  inProgress: boolean;
  milestone: boolean;
  /** Why the job cannot be staffed, if it cannot. */
  unstaffable?: string;
}

/** A work item left out of planning, and why (history, paused, lost…). */
export interface Excluded {
  item: WorkItem;
  reason: 'done' | 'project done' | 'on hold' | 'lost' | 'proposal';
}

export interface Problem {
  start: Day;
  /** Day offset no task may reach: two years past the last earliest start, plus twice the work. */
  limit: number;
  people: Person[];
  jobs: Job[];
  excluded: Excluded[];
  calendar: Calendar;
  /** The steps solving it may take (a formula's allowance; unlimited by default). */
  effort: Effort;
}

export interface ProblemOptions extends WorkOptions {
  /** Plan proposals tentatively, after committed work (default: the Plan Proposals setting). */
  includeProposals?: boolean;
  effort?: Effort;
}

/** Lateness weight by project priority (1 highest): each step up doubles it. */
export const PRIORITY_WEIGHT = [0, 16, 8, 4, 2, 1];
const NO_CAP = 24;

function exclusion(status: ProjectStatus, includeProposals: boolean): Excluded['reason'] | undefined {
  if (status === 'Done') return 'project done';
  if (status === 'On Hold') return 'on hold';
  if (status === 'Lost') return 'lost';
  if (status === 'Proposal' && !includeProposals) return 'proposal';
  return undefined;
}

function remainingHours(item: WorkItem): number {
  if (item.status !== 'In Progress') return item.hours;
  if (item.percentDone !== undefined) return item.hours * (1 - item.percentDone);
  if (item.actualHours !== undefined) return Math.max(0, item.hours - item.actualHours);
  return item.hours;
}

/**
 * A person for as many slots as distinct people can fill at once (augmenting paths; crews are
 * small): `fixed` people stay in their slots; with `among`, only those people are considered.
 * Slots left empty hold -1.
 */
export function matchSlots(
  slots: readonly { candidates: readonly number[] }[],
  fixed: readonly number[] = [],
  among?: ReadonlySet<number>,
): Int32Array {
  const owner = new Map<number, number>();
  const tryAssign = (s: number, seen: Set<number>): boolean => {
    const options = fixed[s] >= 0 ? [fixed[s]] : slots[s].candidates;
    for (const p of options) {
      if (seen.has(p) || (among && !(fixed[s] >= 0) && !among.has(p))) continue;
      seen.add(p);
      const holder = owner.get(p);
      if (holder === undefined || tryAssign(holder, seen)) {
        owner.set(p, s);
        return true;
      }
    }
    return false;
  };
  for (let s = 0; s < slots.length; s++) tryAssign(s, new Set());
  const crew = new Int32Array(slots.length).fill(-1);
  for (const [p, s] of owner) crew[s] = p;
  return crew;
}

/** Largest set of slots that distinct people can fill at once. */
export function maxCrew(slots: readonly { candidates: readonly number[] }[], fixed: readonly number[] = []): number {
  return matchSlots(slots, fixed).filter((p) => p >= 0).length;
}

/** "Ana Ruiz (left Fri 30 Apr)", the year given when it is not the plan start's. */
function departed(person: Person, start: Day): string {
  return person.endDate === undefined ? `${person.name} (works no hours)` : `${person.name} (left ${shortDateNear(person.endDate, start)})`;
}

function staffingProblem(job: { slots: Slot[]; pinned: number[]; earliest: number }, people: Person[], start: Day): string | undefined {
  const { slots, pinned } = job;
  for (const p of pinned) {
    if (p < 0) continue;
    const person = people[p];
    if (!person.available) return `pinned ${departed(person, start)} is no longer available`;
    if (person.endDate !== undefined && person.endDate < start + job.earliest)
      return `pinned ${person.name} leaves ${shortDateNear(person.endDate, start)}, before the task can start (${shortDateNear(start + job.earliest, start)})`;
  }
  for (const slot of slots) {
    if (slot.candidates.length === 0) {
      const holders = people.filter((p) => p.skills.has(slot.skill));
      const qualified = holders.filter((p) => (p.skills.get(slot.skill) ?? 0) >= slot.level);
      if (qualified.length) {
        const named = qualified.slice(0, 5).map((p) => departed(p, start));
        const more = qualified.length > named.length ? ` and ${qualified.length - named.length} more` : '';
        return `nobody with ${slot.label} is available from the plan start: ${named.join(', ')}${more}`;
      }
      return holders.length === 0
        ? `no one on Staff has ${slot.label}`
        : `no one on Staff has ${slot.label} at level ${slot.level} or above (best: ${holders.reduce((m, p) => Math.max(m, p.skills.get(slot.skill) ?? 0), 0)})`;
    }
  }
  if (maxCrew(slots, pinned) < slots.length) {
    const needed = new Map<string, number>();
    for (const s of slots) needed.set(s.label, (needed.get(s.label) ?? 0) + 1);
    const short = [...needed].map(([label, n]) => `${n}× ${label}`).join(', ');
    return `the crew (${short}) needs more distinct qualified people than Staff has`;
  }
  return undefined;
}

/**
 * Why a job cannot fit in the planning horizon, even with its fastest qualified crew working every
 * day: it starts past it, or needs more working days than are left. Such work is reported, not planned.
 */
function pastHorizon(job: Job, calendars: readonly PersonCalendar[], start: Day): string | undefined {
  if (job.milestone || !job.slots.length) return undefined;
  const end = `the ${HORIZON_YEARS}-year planning horizon (${dayToIso(start + HORIZON_DAYS - 1)})`;
  if (job.earliest >= HORIZON_DAYS) return `cannot start before the end of ${end}`;
  let perDay = job.maxPerDay;
  for (const slot of job.slots)
    perDay = Math.min(
      perDay,
      slot.candidates.reduce((m, p) => Math.max(m, calendars[p].daily), 0),
    );
  const days = Math.ceil(job.hours / perDay - 1e-9);
  if (job.earliest + days <= HORIZON_DAYS) return undefined;
  return `needs ${formatNumber(days)} working days at ${Math.round(perDay * 100) / 100} h a day at best: more than is left of ${end}`;
}

/** Whether a person has any working hours on or after `start`, before a leaving date. */
function worksFrom(calendar: PersonCalendar, start: Day): boolean {
  if (calendar.endDate !== undefined && calendar.endDate < start) return false;
  return calendar.daily > 0 && calendar.workDays !== 0;
}

/** Assigns each pinned person to a slot they qualify for, scarcest slot first. */
function pinSlots(slots: Slot[], pins: number[]): number[] {
  const pinned = slots.map(() => -1);
  for (const p of pins) {
    const free = slots
      .map((s, i) => ({ s, i }))
      .filter(({ s, i }) => pinned[i] < 0 && s.candidates.includes(p))
      .sort((a, b) => a.s.candidates.length - b.s.candidates.length);
    const fallback = pinned.indexOf(-1);
    const at = free.length ? free[0].i : fallback;
    if (at >= 0) pinned[at] = p;
  }
  return pinned;
}

/**
 * Calendar days the longest dependency chain needs at best, with weekends and days off allowed for
 * (half as long again): long chains, not only much work, push a plan far out.
 */
function chainDays(jobs: readonly Job[], longestDay: number): number {
  const order = topologicalOrder(jobs.map((j) => j.preds)) ?? jobs.map((j) => j.index);
  const finish = new Float64Array(jobs.length);
  let longest = 0;
  for (const j of order) {
    const job = jobs[j];
    let ready = 0;
    for (const p of job.preds) ready = Math.max(ready, finish[p]);
    finish[j] = ready + (job.milestone ? 0 : Math.ceil(job.hours / Math.max(1e-9, Math.min(job.maxPerDay, longestDay))));
    longest = Math.max(longest, finish[j]);
  }
  return Math.ceil(1.5 * longest);
}

export function buildProblem(plan: Plan, options: ProblemOptions = {}): Problem {
  const includeProposals = options.includeProposals ?? plan.settings.planProposals;
  const effort = options.effort ?? new Effort();
  const start = plan.planStart;
  const calendars = personCalendars(plan.staff, plan.timeOff);
  const people: Person[] = plan.staff.map((s, index) => ({
    index,
    name: s.name,
    role: s.role,
    skills: s.skills.skills,
    costRate: s.costRate ?? 0,
    endDate: s.endDate,
    available: worksFrom(calendars[index], start),
    demand: 0,
  }));
  const personIndex = new Map(people.map((p) => [nameKey(p.name), p.index]));
  const clients = new Map(plan.clients.map((c) => [nameKey(c.client), c.client]));

  const items = workItems(plan, options);
  effort.spend(items.length);
  const jobOf = new Int32Array(items.length).fill(-1);
  const excluded: Excluded[] = [];
  const jobs: Job[] = [];
  const clientIndex = new Map<string, number>();
  const projectIndex = new Map<string, number>();
  // Slots asking the same skill and level share one candidate list.
  const qualified = new Map<string, number[]>();
  for (const item of items) {
    const reason = item.status === 'Done' ? 'done' : exclusion(item.project.status, includeProposals);
    if (reason) {
      excluded.push({ item, reason });
      continue;
    }
    const slots: Slot[] = [];
    const hours = remainingHours(item);
    if (hours > 0) {
      for (const r of item.requirements) {
        const key = `${r.skill}:${r.level}`;
        let candidates = qualified.get(key);
        if (!candidates) {
          candidates = people.filter((p) => p.available && (p.skills.get(r.skill) ?? 0) >= r.level).map((p) => p.index);
          qualified.set(key, candidates);
        }
        for (let k = 0; k < r.count; k++)
          slots.push({ skill: r.skill, level: r.level, label: formatRequirement({ ...r, count: 1 }), candidates });
      }
    }
    const pins = item.pinned.map((n) => personIndex.get(nameKey(n))).filter((p): p is number => p !== undefined);
    const pinned = pinSlots(slots, pins);
    jobOf[item.index] = jobs.length;
    const earliest = Math.max(0, (item.status === 'In Progress' ? start : (item.earliest ?? start)) - start);
    const client = clients.get(nameKey(item.project.client)) ?? item.project.client;
    if (!clientIndex.has(client)) clientIndex.set(client, clientIndex.size);
    if (!projectIndex.has(item.project.project)) projectIndex.set(item.project.project, projectIndex.size);
    jobs.push({
      index: jobs.length,
      item,
      hours,
      maxPerDay: item.maxHoursPerDay ?? NO_CAP,
      earliest,
      due: item.due === undefined ? undefined : item.due - start,
      weight: PRIORITY_WEIGHT[item.project.priority] ?? 4,
      slots,
      pinned,
      preds: [],
      succs: [],
      client,
      clientIndex: clientIndex.get(client) as number,
      projectIndex: projectIndex.get(item.project.project) as number,
      tentative: item.project.status === 'Proposal',
      withProposals: item.project.status === 'Proposal',
      inProgress: item.status === 'In Progress',
      milestone: hours === 0 || slots.length === 0,
      unstaffable: slots.length ? staffingProblem({ slots, pinned, earliest }, people, start) : undefined,
    });
  }
  for (const job of jobs) {
    for (const dep of job.item.after) {
      const pred = jobOf[dep];
      if (pred >= 0) {
        job.preds.push(pred);
        jobs[pred].succs.push(job.index);
      }
    }
  }
  const stack = jobs.filter((j) => j.tentative).map((j) => j.index);
  while (stack.length) {
    for (const s of jobs[stack.pop() as number].succs) {
      if (!jobs[s].withProposals) {
        jobs[s].withProposals = true;
        stack.push(s);
      }
    }
  }
  // Proposals do not count: a plan's committed part must not change when proposals are added.
  for (const job of jobs) {
    if (job.unstaffable || job.tentative) continue;
    for (const slot of job.slots) {
      effort.spend(slot.candidates.length);
      for (const p of slot.candidates) people[p].demand += job.hours / slot.candidates.length;
    }
  }

  for (const job of jobs) job.unstaffable ??= pastHorizon(job, calendars, start);
  const latestEarliest = jobs.reduce((m, j) => Math.max(m, j.earliest), 0);
  const work = jobs.reduce((sum, j) => sum + j.hours * j.slots.length, 0);
  const dailyCapacity = calendars.reduce((sum, c) => sum + (c.daily * bitCount(c.workDays)) / 7, 0);
  const longestDay = calendars.reduce((m, c) => Math.max(m, c.daily), 0);
  const limit = Math.min(
    HORIZON_DAYS,
    latestEarliest + 730 + 2 * Math.max(Math.ceil(work / Math.max(1, dailyCapacity)), chainDays(jobs, longestDay)),
  );
  const calendar = new Calendar(start, calendars, Math.min(limit, latestEarliest + 120), 1, effort);
  return { start, limit, people, jobs, excluded, calendar, effort };
}
