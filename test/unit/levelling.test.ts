// The Plan panel's levelling move: the busiest person gives a job to someone qualified with fewer
// hours, or trades it for a shorter one, only when the higher of the two loads falls; every other
// crew stays as decoded.

import { describe, expect, it } from 'vitest';
import { Decoder, type Preferences, type Schedule } from '../../src/schedule/decode';
import { levelling } from '../../src/schedule/levelling';
import { buildProblem, type Problem } from '../../src/schedule/problem';
import type { Random } from '../../src/schedule/random';
import { read } from '../support/workbook';

/** Tasks as [name, hours, who does it, whether the Assignee column names them]. */
function firm(tasks: [string, number, string, boolean?][]) {
  const raw = {
    Staff: [
      ['Name', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate'],
      ['Ana', 'Lighting:2', 40, 'Mon-Fri', 40],
      ['Bo', 'Lighting:2', 40, 'Mon-Fri', 40],
    ],
    Projects: [
      ['Project', 'Client', 'Status'],
      ['Show', 'Acme', 'Active'],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'Assignee'],
      ...tasks.map(([task, hours, who, pinned]) => ['Show', task, 'Lighting:1', hours, pinned ? who : '']),
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
    ],
  };
  const problem = buildProblem(read(raw).plan);
  const person = (name: string) => problem.people.findIndex((p) => p.name === name);
  const prefer: Preferences = tasks.map(([, , who]) => Int32Array.of(person(who)));
  const decoder = Decoder.forward(problem);
  const decode = (order: Int32Array, people: Preferences) => decoder.decode(order, people);
  const schedule = decode(
    Int32Array.from(problem.jobs, (j) => j.index),
    prefer,
  );
  return { problem, prefer, schedule, decode, person };
}

const loads = (problem: Problem, schedule: Schedule) => {
  const load = problem.people.map(() => 0);
  for (const job of problem.jobs) for (const p of schedule.crew[job.index]) load[p] += job.hours;
  return load;
};

/** Every neighbour the move can make of a plan (a random source that levels, and picks each choice in turn). */
function neighbours(problem: Problem, schedule: Schedule, prefer: Preferences) {
  const open = problem.jobs.map((j) => j.index);
  const found = [];
  for (let choice = 0; ; choice++) {
    let count = 0;
    const pick = <T>(list: ArrayLike<T>) => {
      count = list.length;
      return list[choice];
    };
    const random = { next: () => 0, pick } as unknown as Random;
    const next = levelling(problem, open, schedule, prefer, random);
    if (next) found.push(next);
    if (!next || choice + 1 >= count) return found;
  }
}

describe('the levelling move', () => {
  it('gives one of the busiest person’s jobs to someone qualified with fewer hours, keeping every other crew', () => {
    const { problem, prefer, schedule, decode, person } = firm([
      ['Rig', 24, 'Ana'],
      ['Focus', 16, 'Ana'],
      ['Test', 8, 'Ana'],
    ]);
    expect(loads(problem, schedule)).toEqual([48, 0]);
    const found = neighbours(problem, schedule, prefer);
    expect(found).toHaveLength(3);
    for (const next of found) {
      expect(next.order).toEqual(schedule.order);
      const after = decode(next.order, next.prefer);
      const moved = problem.jobs.filter((j) => after.crew[j.index][0] === person('Bo'));
      expect(moved).toHaveLength(1);
      expect(Math.max(...loads(problem, after))).toBeLessThan(48);
    }
  });

  it('trades a job for a shorter one when giving it away would only make the other person the busiest', () => {
    const { problem, prefer, schedule, decode } = firm([
      ['Rig', 24, 'Ana'],
      ['Focus', 16, 'Ana'],
      ['Test', 22, 'Bo'],
      ['Patch', 8, 'Bo'],
    ]);
    expect(loads(problem, schedule)).toEqual([40, 30]);
    const found = neighbours(problem, schedule, prefer);
    // Rig for Test (Bo 32) and Focus for Patch (Bo 38); giving either away, or Rig for Patch (Bo 46), would not.
    expect(found).toHaveLength(2);
    for (const next of found) {
      const [ana, bo] = loads(problem, decode(next.order, next.prefer));
      expect(ana + bo).toBe(70);
      expect(Math.max(ana, bo)).toBeLessThan(40);
    }
  });

  it('never takes a task from the person its Assignee names', () => {
    const { problem, prefer, schedule, decode, person } = firm([
      ['Rig', 24, 'Ana', true],
      ['Focus', 16, 'Ana'],
      ['Test', 8, 'Ana'],
    ]);
    const rig = problem.jobs.findIndex((j) => j.item.name === 'Rig');
    const found = neighbours(problem, schedule, prefer);
    expect(found).toHaveLength(2);
    for (const next of found) expect(decode(next.order, next.prefer).crew[rig][0]).toBe(person('Ana'));
  });

  it('leaves a plan alone when no change would lower the higher load, and most moves to the search', () => {
    const even = firm([
      ['Rig', 16, 'Ana'],
      ['Focus', 16, 'Bo'],
    ]);
    expect(neighbours(even.problem, even.schedule, even.prefer)).toEqual([]);
    const uneven = firm([
      ['Rig', 24, 'Ana'],
      ['Focus', 16, 'Ana'],
    ]);
    const rarely = { next: () => 0.5 } as unknown as Random;
    expect(levelling(uneven.problem, [0, 1], uneven.schedule, uneven.prefer, rarely)).toBeUndefined();
  });
});
