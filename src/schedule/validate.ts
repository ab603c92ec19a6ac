// An independent check of a plan against the workbook's hard rules. Everything is recomputed from the
// sheet rows — the open work and the hours it needs (validate-work.ts), who qualifies, who works which
// day — sharing no code with the planner (work list, problem, calendar, crews), so a planner bug
// cannot also hide in the check. Used by the tests, by every benchmark before a figure counts, and by
// the Share path's server check before a plan sent from the sidebar reaches a client's copy.

import { type Day, dayToIso, weekday } from '../model/dates';
import type { Plan } from '../model/plan';
import type { StaffRow } from '../model/sheets';
import type { PlannedTask } from './schedule';
import { groupBy, type OpenTask, openWork, same, taskId, type WorkScope } from './validate-work';

/** Each hard rule, by name. */
export type Rule =
  | 'known task'
  | 'listed once'
  | 'every open task'
  | 'state'
  | 'hours'
  | 'unstaffable'
  | 'crew'
  | 'pins'
  | 'span'
  | 'days off'
  | 'no idle days'
  | 'max hours per day'
  | 'capacity'
  | 'earliest start'
  | 'dependencies'
  | 'milestone day'
  | 'late by';

export interface Violation {
  rule: Rule;
  message: string;
}

export interface ValidateOptions extends WorkScope {
  /** Check only these projects' work (names): the plan holds nothing else, as a client's share does. */
  projects?: readonly string[];
}

const EPS = 1e-6;
/** How far past the day it could start a task reported unstaffable is tried with other people. */
const STAFFABLE_WITHIN_DAYS = 365;
/**
 * The planner works a day for less than an hour only when less is left, or the crew could not work
 * more that day were they free: a window must respect it.
 */
const LEAST_DAY = 1;
/** Crews tried before a task reported unstaffable is taken at its word. */
const CREWS_TRIED = 200;

/** Hours each person can work each day, straight from their Staff and TimeOff rows. */
class Availability {
  private readonly staff: Map<string, StaffRow>;
  private readonly timeOff: Map<string, Plan['timeOff']>;
  private readonly anyone = new Map<Day, boolean>();
  private readonly hours = new Map<string, number>();

  constructor(private readonly plan: Plan) {
    this.staff = new Map(plan.staff.map((s) => [same(s.name), s]));
    this.timeOff = groupBy(plan.timeOff, (off) => same(off.name));
  }

  person(name: string): StaffRow | undefined {
    return this.staff.get(same(name));
  }

  on(name: string, day: Day): number {
    const key = `${same(name)}|${day}`;
    let hours = this.hours.get(key);
    if (hours === undefined) {
      hours = this.compute(name, day);
      this.hours.set(key, hours);
    }
    return hours;
  }

  private compute(name: string, day: Day): number {
    const person = this.person(name);
    if (!person) return 0;
    if ((person.startDate !== undefined && day < person.startDate) || (person.endDate !== undefined && day > person.endDate)) return 0;
    if (!((person.workDays >> (weekday(day) - 1)) & 1)) return 0;
    let days = 0;
    for (let b = 0; b < 7; b++) days += (person.workDays >> b) & 1;
    let hours = person.hoursPerWeek / days;
    for (const off of [...(this.timeOff.get('all') ?? []), ...(this.timeOff.get(same(name)) ?? [])]) {
      if (day < off.from || day > (off.to ?? off.from)) continue;
      hours = off.hoursPerDay === undefined ? 0 : Math.max(0, hours - off.hoursPerDay);
    }
    return hours;
  }

  /** A day someone on staff works: Late By counts these, and a milestone falls on one. */
  working(day: Day): boolean {
    let works = this.anyone.get(day);
    if (works === undefined) {
      works = this.plan.staff.some((s) => this.on(s.name, day) > EPS);
      this.anyone.set(day, works);
    }
    return works;
  }

  nextWorkingDay(day: Day): Day {
    let d = day;
    for (let tries = 0; tries < 3660 && !this.working(d); tries++) d++;
    return d;
  }
}

interface Context {
  plan: Plan;
  open: Map<string, OpenTask>;
  /** The plan's tasks by id (the first of any listed twice). */
  planned: Map<string, PlannedTask>;
  people: Availability;
  /** Hours booked per "person|day". */
  booked: Map<string, number>;
  errors: Violation[];
}

const report = (ctx: Context, rule: Rule, message: string) => ctx.errors.push({ rule, message });
const bookedKey = (name: string, day: Day) => `${same(name)}|${day}`;

/** The requirement list as one slot per person. */
function slotsOf(task: OpenTask): { skill: string; level: number; label: string }[] {
  return task.requirements.flatMap((r) =>
    Array.from({ length: r.count }, () => ({ skill: r.skill, level: r.level, label: `${r.label}:${r.level}` })),
  );
}

/** The slots distinct people of `crew` leave empty at best, each person in a slot they may take. */
function unfilled(slots: readonly unknown[], crew: readonly string[], may: (name: string, slot: number) => boolean): number[] {
  const holder = slots.map(() => -1);
  const seat = (c: number, seen: Set<number>): boolean => {
    for (let s = 0; s < slots.length; s++) {
      if (seen.has(s) || !may(crew[c], s)) continue;
      seen.add(s);
      if (holder[s] < 0 || seat(holder[s], seen)) {
        holder[s] = c;
        return true;
      }
    }
    return false;
  };
  for (let c = 0; c < crew.length; c++) seat(c, new Set());
  return slots.map((_, s) => s).filter((s) => holder[s] < 0);
}

/** Who may take a slot: anyone pinned to the task (the user's word), else whoever has the skill at the level. */
function mayTake(ctx: Context, task: OpenTask): (name: string, slot: number) => boolean {
  const slots = slotsOf(task);
  const pinned = new Set(task.pinned.map(same));
  return (name, s) => pinned.has(same(name)) || (ctx.people.person(name)?.skills.skills.get(slots[s].skill) ?? 0) >= slots[s].level;
}

function checkCrew(ctx: Context, task: PlannedTask, open: OpenTask): void {
  const names = task.crew.map((c) => c.name);
  for (const name of names) if (!ctx.people.person(name)) report(ctx, 'crew', `${open.key}: ${name} is not on Staff`);
  if (new Set(names.map(same)).size !== names.length) report(ctx, 'crew', `${open.key}: someone fills two places in the crew`);
  const slots = slotsOf(open);
  const empty = unfilled(slots, names, mayTake(ctx, open));
  if (names.length !== slots.length) report(ctx, 'crew', `${open.key}: a crew of ${names.length}, the task needs ${slots.length}`);
  else if (empty.length) {
    const left = empty.map((s) => slots[s].label).join(', ');
    report(ctx, 'crew', `${open.key}: ${names.join(', ')} leave ${left} without a qualified person`);
  }
  for (const pin of open.pinned) {
    if (!names.some((n) => same(n) === same(pin))) report(ctx, 'pins', `${open.key}: ${pin} is pinned in Tasks but not on the crew`);
  }
}

/** The hours, day by day: all of them, only on days the whole crew works, none skipped while it does. */
function checkDays(ctx: Context, task: PlannedTask, open: OpenTask): void {
  const where = open.key;
  const total = task.daily.reduce((a, b) => a + b, 0);
  if (Math.abs(task.hours - open.needs) > EPS || Math.abs(total - open.needs) > EPS)
    report(ctx, 'hours', `${where}: books ${round(total)} h, needs ${round(open.needs)} h per person`);
  if (task.daily.length !== task.end - task.start + 1 || !(task.daily[0] > EPS) || !(task.daily[task.daily.length - 1] > EPS))
    report(
      ctx,
      'span',
      `${where}: the hours do not run from a working start (${dayToIso(task.start)}) to a working end (${dayToIso(task.end)})`,
    );
  task.daily.forEach((h, i) => {
    const day = task.start + i;
    const everyoneWorks = task.crew.every((c) => ctx.people.on(c.name, day) > EPS);
    if (h > EPS && !everyoneWorks) report(ctx, 'days off', `${where}: works on ${dayToIso(day)}, a day off for someone in the crew`);
    if (h <= EPS && everyoneWorks) report(ctx, 'no idle days', `${where}: stops on ${dayToIso(day)} while the whole crew is working`);
    if (open.maxPerDay !== undefined && h > open.maxPerDay + EPS)
      report(ctx, 'max hours per day', `${where}: ${round(h)} h on ${dayToIso(day)}, above Max Hours/Day (${open.maxPerDay})`);
    for (const c of task.crew) ctx.booked.set(bookedKey(c.name, day), (ctx.booked.get(bookedKey(c.name, day)) ?? 0) + h);
  });
}

const round = (h: number) => Math.round(h * 100) / 100;

function checkCapacity(ctx: Context): void {
  for (const [key, hours] of ctx.booked) {
    const [name, dayText] = key.split('|');
    const day = Number(dayText);
    const available = ctx.people.on(name, day);
    const shown = ctx.people.person(name)?.name ?? name;
    if (hours > available + EPS)
      report(ctx, 'capacity', `${shown}: ${round(hours)} h booked on ${dayToIso(day)}, ${round(available)} h available`);
  }
}

const isUnstaffable = (t: PlannedTask | undefined) => t?.state === 'unstaffable';

/** The first day work after this task may start: the day after it ends, or a milestone's own day. */
function readyAfter(ctx: Context, id: string): Day {
  const task = ctx.planned.get(id) as PlannedTask;
  const open = ctx.open.get(id) as OpenTask;
  if (task.state !== 'milestone') return task.end + 1;
  let ready = open.earliest;
  for (const pred of open.after)
    if (ctx.planned.has(pred) && !isUnstaffable(ctx.planned.get(pred))) ready = Math.max(ready, readyAfter(ctx, pred));
  return ready;
}

/** Not before its earliest day nor before what it comes after is done; a milestone on the day its last predecessor ends. */
function checkDates(ctx: Context, task: PlannedTask, open: OpenTask): void {
  if (task.start < open.earliest)
    report(ctx, 'earliest start', `${open.key}: starts ${dayToIso(task.start)}, before ${dayToIso(open.earliest)} (plan start or Start)`);
  for (const pred of open.after.filter((p) => isUnstaffable(ctx.planned.get(p))))
    report(ctx, 'dependencies', `${open.key}: planned as if ${(ctx.open.get(pred) as OpenTask).key} were done, but it cannot be staffed`);
  const preds = open.after.filter((p) => ctx.planned.has(p) && !isUnstaffable(ctx.planned.get(p)));
  for (const pred of preds) {
    // A milestone may fall on the day its predecessor ends; other work starts after.
    const ready = task.state === 'milestone' ? (ctx.planned.get(pred) as PlannedTask).end : readyAfter(ctx, pred);
    if (task.start < ready)
      report(ctx, 'dependencies', `${open.key}: starts ${dayToIso(task.start)}, before ${(ctx.open.get(pred) as OpenTask).key} is done`);
  }
  if (task.state !== 'milestone' || preds.length !== open.after.length) return;
  const last = preds.reduce((m, p) => Math.max(m, (ctx.planned.get(p) as PlannedTask).end), Number.NEGATIVE_INFINITY);
  const day = preds.length && last >= open.earliest ? last : ctx.people.nextWorkingDay(open.earliest);
  if (task.start !== day || task.end !== day)
    report(
      ctx,
      'milestone day',
      `${open.key}: a milestone on ${dayToIso(task.start)}, not ${dayToIso(day)}, the day ${preds.length ? 'its last predecessor ends' : 'it may first happen'}`,
    );
}

/** Working days (days anyone on staff works) after the due day up to the end: what Late By counts. */
export type LateBy = (due: Day | undefined, end: Day) => number;

function lateBy(people: Availability): LateBy {
  return (due, end) => {
    let late = 0;
    if (due !== undefined) for (let d = due + 1; d <= end; d++) if (people.working(d)) late++;
    return late;
  };
}

export function workingDaysLate(plan: Plan): LateBy {
  return lateBy(new Availability(plan));
}

function checkLateBy(ctx: Context, task: PlannedTask, open: OpenTask): void {
  const late = task.state === 'unstaffable' ? 0 : lateBy(ctx.people)(open.due, task.end);
  if (task.lateDays !== late || task.due !== open.due)
    report(
      ctx,
      'late by',
      `${open.key}: Late By says ${task.lateDays} working days, the due date ${open.due === undefined ? '(none)' : dayToIso(open.due)} gives ${late}`,
    );
}

/** What a task may be reported as: a milestone when nothing is left to do, else planned, in progress or unstaffable. */
function checkState(ctx: Context, task: PlannedTask, open: OpenTask): void {
  const milestone = open.needs <= EPS || open.requirements.length === 0;
  const expected = milestone ? 'milestone' : open.status === 'In Progress' ? 'in progress' : 'planned';
  if (task.state !== expected && task.state !== 'unstaffable')
    report(
      ctx,
      'state',
      `${open.key}: reported as ${task.state}, but the sheets make it ${expected === 'planned' ? 'a task to plan' : expected === 'milestone' ? 'a milestone (no hours left)' : 'a task in progress'}`,
    );
  if (milestone && task.state === 'unstaffable' && !open.after.some((p) => isUnstaffable(ctx.planned.get(p))))
    report(ctx, 'state', `${open.key}: a milestone reported as impossible to staff`);
  if ((task.state === 'milestone' || task.state === 'unstaffable') && (task.crew.length || task.daily.some((h) => h > EPS)))
    report(ctx, 'state', `${open.key}: reported as ${task.state} but books people`);
  if (task.tentative !== open.tentative)
    report(ctx, 'state', `${open.key}: ${open.tentative ? 'a proposal shown as committed' : 'committed work shown as tentative'}`);
}

/** Every violation of a hard rule, each with its rule; an empty list means the plan is valid. */
export function violations(plan: Plan, tasks: readonly PlannedTask[], options: ValidateOptions = {}): Violation[] {
  const open = openWork(plan, options);
  if (options.projects) {
    const wanted = new Set(options.projects.map(same));
    for (const [id, task] of open) if (!wanted.has(same(task.project.project))) open.delete(id);
  }
  const ctx: Context = { plan, open, planned: new Map(), people: new Availability(plan), booked: new Map(), errors: [] };
  for (const task of tasks) {
    const id = taskId(task.project, task.task);
    if (!open.has(id))
      report(
        ctx,
        'known task',
        `${task.project}/${task.task}: not open work to plan (a done task, a project not being planned, or not in the sheets)`,
      );
    else if (ctx.planned.has(id)) report(ctx, 'listed once', `${task.project}/${task.task}: listed twice`);
    else ctx.planned.set(id, task);
  }
  for (const [id, task] of open) if (!ctx.planned.has(id)) report(ctx, 'every open task', `${task.key}: missing from the plan`);
  for (const [id, task] of ctx.planned) {
    const item = open.get(id) as OpenTask;
    checkState(ctx, task, item);
    if (task.state === 'planned' || task.state === 'in progress') {
      checkCrew(ctx, task, item);
      checkDays(ctx, task, item);
    }
    if (task.state !== 'unstaffable') checkDates(ctx, task, item);
    checkLateBy(ctx, task, item);
  }
  checkCapacity(ctx);
  for (const [id, task] of ctx.planned) if (task.state === 'unstaffable') checkUnstaffable(ctx, ctx.open.get(id) as OpenTask);
  return ctx.errors;
}

/** Every violation of a hard rule, in words; an empty list means the plan is valid. */
export function validatePlan(plan: Plan, tasks: readonly PlannedTask[], options: ValidateOptions = {}): string[] {
  return violations(plan, tasks, options).map((v) => v.message);
}

/**
 * A task reported unstaffable must be: no crew of distinct qualified people (pins kept) could do its
 * hours within a year of the day it could start, with the hours the rest of the plan leaves them — or
 * it waits for a task that cannot be staffed.
 */
function checkUnstaffable(ctx: Context, open: OpenTask): void {
  if (open.after.some((p) => isUnstaffable(ctx.planned.get(p)))) return;
  let ready = open.earliest;
  for (const pred of open.after) if (ctx.planned.has(pred)) ready = Math.max(ready, readyAfter(ctx, pred));
  const found = staffable(ctx, open, ready);
  if (found)
    report(
      ctx,
      'unstaffable',
      `${open.key}: reported as impossible to staff, but ${found.crew.join(', ')} could do it from ${dayToIso(found.start)} to ${dayToIso(found.end)}`,
    );
}

const free = (ctx: Context, name: string, day: Day) => ctx.people.on(name, day) - (ctx.booked.get(bookedKey(name, day)) ?? 0);

/** The first window in [from, to] where the crew works the task's hours together, or undefined. */
function window(ctx: Context, crew: readonly string[], open: OpenTask, from: Day, to: Day): { start: Day; end: Day } | undefined {
  let start = from;
  let left = open.needs;
  for (let day = from; day <= to; day++) {
    if (!crew.every((name) => ctx.people.on(name, day) > EPS)) {
      if (left === open.needs) start = day + 1;
      continue;
    }
    let rate = open.maxPerDay ?? 24;
    let full = rate;
    for (const name of crew) {
      rate = Math.min(rate, free(ctx, name, day));
      full = Math.min(full, ctx.people.on(name, day));
    }
    if (rate < Math.min(left, LEAST_DAY, full) - EPS) {
      start = day + 1;
      left = open.needs;
      continue;
    }
    left -= Math.min(rate, left);
    if (left <= EPS) return { start, end: day };
  }
  return undefined;
}

/** A crew (pins kept) and window that could do the task, trying the people with most time free first. */
function staffable(ctx: Context, open: OpenTask, ready: Day): { crew: string[]; start: Day; end: Day } | undefined {
  const slots = slotsOf(open);
  const may = mayTake(ctx, open);
  const to = ready + STAFFABLE_WITHIN_DAYS;
  const pinned = new Set(open.pinned.map(same));
  const hoursFree = new Map<string, number>();
  const freeHours = (name: string) => {
    if (!hoursFree.has(name)) {
      let sum = 0;
      for (let d = ready; d <= to; d++) sum += Math.max(0, free(ctx, name, d));
      hoursFree.set(name, sum);
    }
    return hoursFree.get(name) as number;
  };
  const candidates = slots.map((_, s) =>
    ctx.plan.staff
      .map((p) => p.name)
      .filter((name) => may(name, s) && (pinned.has(same(name)) || freeHours(name) >= open.needs - EPS))
      .sort((a, b) => Number(pinned.has(same(b))) - Number(pinned.has(same(a))) || freeHours(b) - freeHours(a)),
  );
  const order = slots.map((_, s) => s).sort((a, b) => candidates[a].length - candidates[b].length);
  const crew: string[] = [];
  let tried = 0;
  const pick = (k: number): { crew: string[]; start: Day; end: Day } | undefined => {
    if (tried >= CREWS_TRIED) return undefined;
    if (k === order.length) {
      tried++;
      if (![...pinned].every((p) => crew.some((n) => same(n) === p))) return undefined;
      const found = window(ctx, crew, open, ready, to);
      return found && { crew: [...crew], ...found };
    }
    for (const name of candidates[order[k]]) {
      if (crew.includes(name)) continue;
      crew.push(name);
      const found = pick(k + 1);
      crew.pop();
      if (found) return found;
    }
    return undefined;
  };
  return slots.length ? pick(0) : undefined;
}
