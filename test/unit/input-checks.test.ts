// Input checks a user expects: a renamed header is pointed at (and nothing else cascades from it),
// a range passed without its header or in the wrong place is named, dates typed as text are read as
// the spreadsheet's locale writes them.

import { describe, expect, it } from 'vitest';
import { dayOf, textToDay } from '../../src/model/dates';
import { formatProblem } from '../../src/model/problems';
import { rangeProblem, readPlan, readWorkbook } from '../../src/model/read';
import { Projects, Staff, Tasks } from '../../src/model/sheets';
import { sampleWith } from '../support/workbook';

const TODAY = dayOf(2026, 11, 23);
const messages = (raw: Record<string, unknown[][]>, locale?: string) =>
  readWorkbook(raw, { timeZone: 'UTC', today: TODAY, locale }).problems.map(formatProblem);

describe('a header renamed', () => {
  it('is pointed at, and the rows that name its people are not reported as unknown', () => {
    const raw = sampleWith({ 'Staff!A1': 'Team member' });
    expect(messages(raw)).toEqual([
      'Staff!A1: missing column "Name"; this header reads "Team member"; rename it "Name" if it holds that column',
    ]);
  });

  it('without a header to point at, the missing column goes where a new one would', () => {
    const raw = { Staff: [['Skills'], ['LED']] };
    expect(messages(raw)).toEqual(['Staff!B1: missing column "Name"; add a header named "Name"']);
  });
});

describe('a range passed to a custom function', () => {
  const staff = [
    ['Name', 'Skills', 'Hours/Week'],
    ['Ana', 'LED:3', 40],
  ];
  const tasks = [
    ['Project', 'Task', 'Skills', 'Hours'],
    ['P', 'T', 'LED', 8],
  ];

  it('says when a required one is missing', () => {
    expect(rangeProblem('staff', [], Staff, true)).toBe('staff is required: pass the Staff table with its header row, e.g. Staff!A1:K200');
    expect(rangeProblem('projects', [], Projects, false)).toBeUndefined();
  });

  it('names the table it looks like when it is in the wrong place', () => {
    expect(rangeProblem('tasks', staff, Tasks, true)).toBe(
      'tasks looks like the Staff table (Name, Skills, Hours/Week); pass the Tasks table here, e.g. Tasks!A1:T200',
    );
  });

  it('says when it has no header row', () => {
    expect(rangeProblem('tasks', tasks.slice(1), Tasks, true)).toBe(
      'tasks has no header row: pass the Tasks table with its header row (Project, Task, Hours…), e.g. Tasks!A1:T200',
    );
  });

  it('is quiet when it is the table asked for', () => {
    expect(rangeProblem('tasks', tasks, Tasks, true)).toBeUndefined();
  });
});

describe('dates typed as text', () => {
  it('read as the locale writes them', () => {
    const day = dayOf(2026, 12, 14);
    expect(textToDay('12/14/2026', 'en_US')).toBe(day);
    expect(textToDay('12/14/26', 'en_US')).toBe(day);
    expect(textToDay('14/12/2026', 'en_GB')).toBe(day);
    expect(textToDay('14.12.2026', 'de_DE')).toBe(day);
    expect(textToDay('2026-12-14', 'de_DE')).toBe(day);
    expect(textToDay('Dec 14, 2026', 'en_US')).toBe(day);
    expect(textToDay('14 December 2026', 'fr_FR')).toBe(day);
    for (const notADate of ['14/12/2026', 'decimal 14, 2026', '12/14', '2026-13-01']) expect(textToDay(notADate, 'en_US')).toBeUndefined();
  });

  it('in a date column of a sheet, as the spreadsheet’s locale says', () => {
    const raw = sampleWith({ 'Projects!F6': '12/14/2026' });
    expect(readWorkbook(raw, { timeZone: 'UTC', today: TODAY, locale: 'en_US' }).plan.projects[4].start).toBe(dayOf(2026, 12, 14));
    expect(messages(raw, 'en_GB')).toContain('Projects!F6: Start must be a date like 2026-11-21, got "12/14/2026"');
  });
});

describe('warnings', () => {
  const raw = (withTemplates: boolean) => ({
    Projects: [
      ['Project', 'Client', 'Type'],
      ['Gala', 'Helios', 'Gala Night'],
      ['Booth', 'Helios', 'Booth Build'],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours'],
      ['Booth', 'Load in', 'Pyrotechnics', 8],
    ],
    Staff: [
      ['Name', 'Skills'],
      ['Ana', 'LED:3'],
    ],
    ...(withTemplates
      ? {
          Templates: [
            ['Type', 'Task', 'Skills', 'Hours'],
            ['Launch', 'Stage', 'LED', 8],
          ],
        }
      : {}),
  });

  it('name a Type its project does not need, a project left with nothing to plan, and work no one can do', () => {
    expect(messages(raw(true))).toEqual([
      'Projects!C2: unknown template "Gala Night" and the project has no tasks; add the type to Templates or tasks to Tasks',
      'Projects!C3: unknown template "Booth Build" (the project has its own tasks, so it is not needed)',
      'Tasks!C2: no one on Staff has the skill "Pyrotechnics"; the task cannot be staffed',
    ]);
    expect(messages(raw(false))).toEqual([
      'Projects!C2: no Templates sheet, so "Gala" has no tasks to plan',
      'Tasks!C2: no one on Staff has the skill "Pyrotechnics"; the task cannot be staffed',
    ]);
  });

  it('are left out of what custom functions read, which answer from the errors alone', () => {
    for (const withTemplates of [true, false]) {
      const full = readWorkbook(raw(withTemplates), { timeZone: 'UTC', today: TODAY }).problems;
      const read = readPlan(raw(withTemplates), { timeZone: 'UTC', today: TODAY }).problems;
      expect(read).toEqual(full.filter((p) => p.severity === 'error'));
    }
  });
});
