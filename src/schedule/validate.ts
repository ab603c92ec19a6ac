// An independent check of a plan against the workbook's hard rules. It recomputes everything from
// the sheet rows — deliberately not reusing the planner's calendar or crew code — so a planner bug
// cannot also hide in the check. Used by the tests and by every benchmark before a figure counts.

import { type Day, dayToIso, weekday } from '../model/dates';
import type { Plan } from '../model/plan';
import { nameKey, type WorkItem, workItems } from '../model/work';
import type { ProblemOptions } from './problem';
import type { PlannedTask } from './schedule';

const EPS = 1e-6;

/** Hours a person can work on a day, straight from their Staff and TimeOff rows. */
function availability(plan: Plan): (name: string, day: Day) => number {
  const staff = new Map(plan.staff.map((s) => [nameKey(s.name), s]));
  const offByName = new Map<string, typeof plan.timeOff>();
  for (const off of plan.timeOff) offByName.set(nameKey(off.name), [...(offByName.get(nameKey(off.name)) ?? []), off]);
  return (name, day) => {
    const person = staff.get(nameKey(name));
    if (!person) return 0;
    if ((person.startDate !== undefined && day < person.startDate) || (person.endDate !== undefined && day > person.endDate)) return 0;
    const mask = person.workDays;
    if (!((mask >> (weekday(day) - 1)) & 1)) return 0;
    let days = 0;
    for (let b = 0; b < 7; b++) days += (mask >> b) & 1;
    let hours = person.hoursPerWeek / days;
    for (const off of [...(offByName.get('all') ?? []), ...(offByName.get(nameKey(name)) ?? [])]) {
      if (day < off.from || day > (off.to ?? off.from)) continue;
      hours = off.hoursPerDay === undefined ? 0 : Math.max(0, hours - off.hoursPerDay);
    }
    return hours;
  };
}

/** Every violation of a hard rule, in words; an empty list means the plan is valid. */
export function validatePlan(plan: Plan, tasks: readonly PlannedTask[], options: ProblemOptions = {}): string[] {
  const errors: string[] = [];
  const hoursAvailable = availability(plan);
  const levels = new Map(plan.staff.map((s) => [nameKey(s.name), s.skills.skills]));
  const levelOf = (name: string, skill: string) => levels.get(nameKey(name))?.get(skill) ?? 0;
  const list = workItems(plan, options);
  const items = new Map<string, WorkItem>(list.map((i) => [i.key, i]));
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const booked = new Map<string, number>();

  for (const task of tasks) {
    const item = items.get(task.key);
    const where = task.key;
    if (!item) {
      errors.push(`${where}: not a task of the workbook`);
      continue;
    }
    if (task.state === 'unstaffable' || task.state === 'milestone') {
      if (task.crew.length) errors.push(`${where}: ${task.state} but has a crew`);
      continue;
    }
    // Crew: the requirement list, slot by slot, each a distinct qualified person.
    const needed = item.requirements.flatMap((r) => Array.from({ length: r.count }, () => r));
    if (task.crew.length !== needed.length) errors.push(`${where}: crew of ${task.crew.length}, needs ${needed.length}`);
    if (new Set(task.crew.map((c) => nameKey(c.name))).size !== task.crew.length) errors.push(`${where}: someone fills two slots`);
    const open = [...needed];
    for (const member of task.crew) {
      const at = open.findIndex((r) => `${r.label}:${r.level}` === member.slot && levelOf(member.name, r.skill) >= r.level);
      if (at < 0) errors.push(`${where}: ${member.name} does not qualify for ${member.slot}`);
      else open.splice(at, 1);
    }
    for (const pin of item.pinned) {
      if (!task.crew.some((c) => nameKey(c.name) === nameKey(pin))) errors.push(`${where}: pinned ${pin} is not on the crew`);
    }
    // Hours: all of them, from the first day to the last, only on days the whole crew works.
    const total = task.daily.reduce((a, b) => a + b, 0);
    if (Math.abs(total - task.hours) > EPS) errors.push(`${where}: books ${total} h, needs ${task.hours} h`);
    if (task.daily.length !== task.end - task.start + 1) errors.push(`${where}: daily hours do not span start to end`);
    if (!(task.daily[0] > EPS) || !(task.daily[task.daily.length - 1] > EPS)) errors.push(`${where}: starts or ends on a day with no work`);
    task.daily.forEach((h, i) => {
      const day = task.start + i;
      const everyoneWorks = task.crew.every((c) => hoursAvailable(c.name, day) > EPS);
      if (h > EPS && !everyoneWorks) errors.push(`${where}: works on ${dayToIso(day)}, a day off for someone in the crew`);
      if (h <= EPS && everyoneWorks) errors.push(`${where}: stops on ${dayToIso(day)} while the whole crew is working`);
      if (item.maxHoursPerDay !== undefined && h > item.maxHoursPerDay + EPS)
        errors.push(`${where}: ${h} h on ${dayToIso(day)}, above Max Hours/Day`);
      for (const c of task.crew) booked.set(`${c.name}|${day}`, (booked.get(`${c.name}|${day}`) ?? 0) + h);
    });
  }

  // Dates: not before the plan start, the task's or project's Start, or anything it comes after.
  for (const task of tasks) {
    const item = items.get(task.key);
    if (!item || task.state === 'unstaffable') continue;
    const earliest = Math.max(plan.planStart, item.status === 'In Progress' ? plan.planStart : (item.earliest ?? plan.planStart));
    if (task.start < earliest) errors.push(`${task.key}: starts ${dayToIso(task.start)}, before ${dayToIso(earliest)}`);
    for (const dep of item.after) {
      const pred = byKey.get(list[dep].key);
      if (!pred || pred.state === 'unstaffable') continue;
      const ready = pred.state === 'milestone' ? pred.start : pred.end + 1;
      if (task.start < ready) errors.push(`${task.key}: starts ${dayToIso(task.start)}, before ${pred.key} is done`);
    }
  }

  for (const [key, hours] of booked) {
    const [name, day] = key.split('|');
    const available = hoursAvailable(name, Number(day));
    if (hours > available + EPS) errors.push(`${name}: ${hours} h booked on ${dayToIso(Number(day))}, ${available} h available`);
  }
  return errors;
}
