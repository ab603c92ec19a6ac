// Crews and the bounds that look at them: a crew starts when all of its people can, and the person
// only a later slot could use is not spent on an earlier one; the workload bound sees what must fit
// between a task's start and the work that follows it.

import { describe, expect, it } from 'vitest';
import { dayToIso } from '../../src/model/dates';
import { Decoder } from '../../src/schedule/decode';
import { buildProblem } from '../../src/schedule/problem';
import { planBounded } from '../../src/schedule/schedule';
import { validatePlan } from '../../src/schedule/validate';
import { read } from '../support/workbook';

const STAFF = ['Name', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate'];

function workbook(staff: unknown[][], tasks: unknown[][]) {
  return {
    Staff: [STAFF, ...staff],
    Projects: [
      ['Project', 'Client', 'Status'],
      ['Show', 'Acme', 'Active'],
    ],
    Tasks: [['Project', 'Task', 'Skills', 'Hours', 'After', 'Assignee', 'Start'], ...tasks],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-04'],
    ],
  };
}

/** Decodes the tasks in sheet order and gives each task's crew and first day. */
function inOrder(raw: ReturnType<typeof workbook>) {
  const { plan } = read(raw);
  const problem = buildProblem(plan);
  const decoder = new Decoder(
    problem,
    problem.calendar,
    problem.jobs.map((j) => j.preds),
    problem.jobs.map((j) => j.earliest),
  );
  const schedule = decoder.decode(Int32Array.from(problem.jobs, (j) => j.index));
  return (task: string) => {
    const j = problem.jobs.findIndex((job) => job.item.name === task);
    return { crew: Array.from(schedule.crew[j], (p) => problem.people[p].name), start: dayToIso(problem.start + schedule.start[j]) };
  };
}

describe('choosing a crew', () => {
  it('starts the crew when everyone in it is free, not with someone who is free now but busy then', () => {
    // Ana (cheaper) and Bo can both light; only Cy and Dee can rig, and both are busy all week.
    // Ana is booked from Wednesday: a crew with her could not start before the week after.
    const at = inOrder(
      workbook(
        [
          ['Ana', 'Lighting:2', 40, 'Mon-Fri', 20],
          ['Bo', 'Lighting:2', 40, 'Mon-Fri', 60],
          ['Cy', 'Rigging:2', 40, 'Mon-Fri', 40],
          ['Dee', 'Rigging:2', 40, 'Mon-Fri', 40],
        ],
        [
          ['Show', 'Ana booked', 'Lighting:1', 40, '', 'Ana', '2027-01-06'],
          ['Show', 'Cy booked', 'Rigging:1', 40, '', 'Cy', ''],
          ['Show', 'Dee booked', 'Rigging:1', 40, '', 'Dee', ''],
          ['Show', 'Truss and lights', 'Lighting:2; Rigging:2', 16, '', '', ''],
        ],
      ),
    );
    expect(at('Truss and lights')).toEqual({ crew: ['Bo', 'Cy'], start: '2027-01-11' });
  });

  it('keeps the only person a later slot can use for that slot', () => {
    // Eve rigs and does audio; Fay only rigs. Filling the rigging slot with Eve (cheaper) would leave
    // the audio slot nobody.
    const at = inOrder(
      workbook(
        [
          ['Eve', 'Rigging:2, Audio:2', 40, 'Mon-Fri', 20],
          ['Fay', 'Rigging:2', 40, 'Mon-Fri', 60],
          ['Gus', 'Rigging:2', 40, 'Mon-Fri', 60],
        ],
        [['Show', 'Hang speakers', 'Rigging:2 x2; Audio:2', 16, '', '', '']],
      ),
    );
    expect(at('Hang speakers').crew.sort()).toEqual(['Eve', 'Fay', 'Gus']);
    expect(at('Hang speakers').start).toBe('2027-01-04');
  });
});

describe('the workload bound', () => {
  it('counts what must fit before the work that follows each task', () => {
    // Only Cy mixes; each mix is followed by five days of someone else's work. Both mixes cannot
    // end early enough for both follow-ups: the plan needs 11 working days, as the bound proves.
    const raw = workbook(
      [
        ['Cy', 'Audio:2', 56, 'Mon-Sun', 40],
        ['Bo', 'Video:2', 56, 'Mon-Sun', 40],
        ['Dee', 'Lighting:2', 56, 'Mon-Sun', 40],
      ],
      [
        ['Show', 'Mix A', 'Audio:1', 24, '', '', ''],
        ['Show', 'Mix B', 'Audio:1', 24, '', '', ''],
        ['Show', 'Edit A', 'Video:1', 40, 'Mix A', '', ''],
        ['Show', 'Light B', 'Lighting:1', 40, 'Mix B', '', ''],
      ],
    );
    const { plan } = read(raw);
    const result = planBounded(plan, { iterations: 30 });
    expect(validatePlan(plan, result.tasks)).toEqual([]);
    expect(result.lowerBound).toMatchObject({ days: 11, kind: 'workload in a window' });
    expect(result.makespanDays).toBe(11);
  });
});
