// Close-out: checklists from templates and tasks, ticks kept across re-runs, delivery and its reasons,
// margin against the budget, calibration, lessons, and on-time quotas that wait for the close-out.

import { describe, expect, it } from 'vitest';
import { projectChecklist, REVIEW_ITEM } from '../../src/closeout/checklist';
import { closeoutReviews, type ProjectReview } from '../../src/closeout/review';
import { CLOSEOUT_HEADER, closedOut, closeoutSheet } from '../../src/closeout/sheet';
import { keepTicks } from '../../src/model/output';
import { parsePeriod } from '../../src/model/period';
import type { Plan } from '../../src/model/plan';
import { attainments } from '../../src/quota/attainment';
import { ATTAINMENT_LINES } from '../../src/quota/attainment-lines';
import { kpis } from '../../src/quota/kpis';
import { planSchedule } from '../../src/schedule/schedule';
import { read, sample, sampleWith, TODAY } from '../support/workbook';

function reviewsOf(raw: Record<string, unknown[][]>): { plan: Plan; reviews: ProjectReview[] } {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { plan, reviews: closeoutReviews(plan, planSchedule(plan, { includeProposals: false })) };
}

const find = (reviews: ProjectReview[], project: string) => reviews.find((r) => r.project.project === project) as ProjectReview;
const settings = { currency: 'USD', coverage: 0.8 };

describe('a project’s checklist', () => {
  it('is its template’s items, scaled rows included, then its own tasks’ items, each once, then the review', () => {
    // Helios CES Booth is a Trade Show Booth; mark it Done, and give one of its tasks an item of its own
    // and one its template already has.
    const { plan } = read(
      sampleWith({ 'Projects!D4': 'Done', 'Projects!L4': '2027-01-06', 'Tasks!S22': 'Cables labelled; brand guidelines' }),
    );
    const booth = plan.projects.find((p) => p.project === 'Helios CES Booth') as Plan['projects'][number];
    const items = projectChecklist(plan, booth);
    expect(items.map((i) => i.item)).toEqual([
      'Brand guidelines',
      'floor plan',
      'rigging points',
      'Signed drawings',
      'Cut list',
      'welds inspected',
      'Proofs approved',
      'Burn-in 24h',
      'Crate labels',
      'bill of lading',
      'Cables labelled',
      REVIEW_ITEM,
    ]);
    // Design concept and Fabrication are rows that scale with Scope: their items are there all the same.
    expect(items.find((i) => i.item === 'Cut list')?.source).toBe('Template Trade Show Booth: Fabrication');
    expect(items.find((i) => i.item === 'Cables labelled')?.source).toBe('Task Fabricate booth frame');
  });

  it('flows into the Close-out sheet with a checkbox per item, and nowhere else', () => {
    const { reviews } = reviewsOf(sample());
    const sheet = closeoutSheet(reviews, settings, TODAY);
    const header = sheet.values.findIndex((row) => row[0] === 'Project' && row[1] === 'Section');
    expect(sheet.values[header]).toEqual(CLOSEOUT_HEADER);
    const summit = sheet.values.filter((row) => row[0] === 'Helios Summer Summit' && row[1] === 'Checklist');
    expect(summit.map((row) => row[2])).toEqual([
      'Rigging plan signed off',
      'Venue load-in slot confirmed',
      'Show report sent to the client',
      'Venue walk-through for damage',
      'Rentals returned and checked in',
      REVIEW_ITEM,
    ]);
    expect(summit.every((row) => row[3] === false)).toBe(true);
    expect(sheet.values.filter((row) => typeof row[3] === 'boolean').length).toBe(reviews.reduce((n, r) => n + r.checklist.length, 0));
    expect(sheet.checkboxes).toEqual({ column: 3, key: [0, 1, 2] });
  });
});

describe('ticks', () => {
  const { reviews } = reviewsOf(sample());

  it('survive the sheet being written again, matched by project and item, wherever the rows moved', () => {
    const first = closeoutSheet(reviews, settings, TODAY);
    const ticked = first.values.map((row) =>
      row[1] === 'Checklist' && ['Show report sent to the client', 'Rentals returned and checked in'].includes(String(row[2]))
        ? row.map((v, c) => (c === 3 ? true : v))
        : row,
    );
    // The next run has one more project above (the rows move) and the same items.
    const again = closeoutSheet([find(reviews, 'Civic Arts Donor Gala'), ...reviews], settings, TODAY, ticked);
    const tickedNow = again.values.filter((row) => row[3] === true).map((row) => `${row[0]} / ${row[2]}`);
    expect(new Set(tickedNow)).toEqual(
      new Set([
        'Helios Summer Summit / Show report sent to the client',
        'Helios Summer Summit / Rentals returned and checked in',
        'Civic Arts Donor Gala / Rentals returned and checked in',
      ]),
    );
  });

  it('follow the sheet as it is: an untick since the last read is kept too, and nothing but checkbox rows changes', () => {
    const output = {
      name: 'Close-out',
      values: [
        ['P', 'Checklist', 'A', true],
        ['P', 'Checklist', 'B', false],
        ['P', 'Task', 'A', null],
      ],
      checkboxes: { column: 3, key: [0, 1, 2] },
    };
    const current = [
      ['p ', 'Checklist', 'a', false],
      ['P', 'Checklist', 'B', true],
      ['P', 'Task', 'A', true],
    ];
    expect(keepTicks(output, current).values).toEqual([
      ['P', 'Checklist', 'A', false],
      ['P', 'Checklist', 'B', true],
      ['P', 'Task', 'A', null],
    ]);
  });

  it('complete a project’s close-out only when every item of its checklist is ticked', () => {
    const sheet = closeoutSheet(reviews, settings, TODAY);
    const tick = (project: string, all: boolean) =>
      sheet.values.map((row) =>
        row[0] === project && row[1] === 'Checklist' && (all || row[2] !== REVIEW_ITEM) ? row.map((v, c) => (c === 3 ? true : v)) : row,
      );
    expect(closedOut(sheet.values)).toEqual(new Set());
    expect(closedOut(tick('Civic Arts Donor Gala', false))).toEqual(new Set());
    expect(closedOut(tick('Civic Arts Donor Gala', true))).toEqual(new Set(['civic arts donor gala']));
    expect(closedOut([['no header here'], ['Civic Arts Donor Gala', 'Checklist', 'x', true]])).toEqual(new Set());
  });
});

describe('the review of each project', () => {
  const { reviews } = reviewsOf(sample());
  const summit = find(reviews, 'Helios Summer Summit');
  const gala = find(reviews, 'Civic Arts Donor Gala');

  it('covers Done projects and those the plan finishes within four weeks, not the rest', () => {
    expect(reviews.map((r) => [r.project.project, r.state])).toEqual([
      ['Helios Summer Summit', 'done'],
      ['Civic Arts Donor Gala', 'done'],
      ['Marrow & Finch Book Launch', 'finishing'],
    ]);
  });

  it('says when a project was late and why: its notes, what ran over, what finished after the Due date', () => {
    expect(summit.lateDays).toBe(6);
    expect(summit.why).toEqual([
      'notes: Delivered late: venue changed',
      'ran over: Set build (+22 h), Screen content (+11 h), Stage design (+7 h)',
      'done after the Due date: Strike (Mon 29 Jun)',
    ]);
    expect(gala.lateDays).toBe(0);
    expect(gala.why).toEqual([]);
  });

  it('compares each task’s hours with its estimate, and with the firm’s range learned without this project', () => {
    const screen = summit.tasks.find((t) => t.task === 'Screen content');
    expect(screen).toMatchObject({ hours: 24, actual: 35, done: true });
    expect(screen?.high).toBeLessThan(35);
    const sheet = closeoutSheet(reviews, settings, TODAY);
    const row = sheet.values.find((r) => r[0] === 'Helios Summer Summit' && r[2] === 'Screen content');
    expect(row?.slice(3, 6)).toEqual([null, 24, 35]);
    expect(row?.[6]).toMatch(/^46% over; outside the firm's 80% range \(/);
  });

  it('says what the project did to the firm’s calibration', () => {
    // The summit's tasks mostly ran over: with them the firm's typical task takes more than without.
    expect(summit.calibration?.with).toBeGreaterThan(summit.calibration?.without as number);
    expect(summit.calibration?.tasks).toBe(9);
    // Both projects' "with" is the same firm-wide figure.
    expect(gala.calibration?.with).toBeCloseTo(summit.calibration?.with as number, 9);
  });

  it('puts the margin against the budget’s P50: hours that ran over cost margin', () => {
    expect(summit.margin?.costNow).toBeGreaterThan(summit.margin?.costBudgeted as number);
    expect(summit.margin?.now).toBeLessThan(summit.margin?.budgeted as number);
    expect(gala.margin?.price).toBe(42000);
  });

  it('draws lessons: tasks that keep running over, work beyond the firm’s range, a missing skill, the template’s fit', () => {
    expect(summit.lessons.map((l) => l.lesson)).toEqual(['Check how Screen content is estimated', 'Check how Strike is estimated']);
    // Strike runs over at the gala too: now it is a pattern.
    const twice = reviewsOf(sampleWith({ 'Tasks!N18': 8 })).reviews;
    expect(find(twice, 'Civic Arts Donor Gala').lessons[0]).toEqual({
      lesson: 'Raise the estimate for Strike',
      detail: 'ran over on 2 of 2 projects; it takes 1.55× its estimate as a rule',
    });
    // An audio plan done by a designer.
    const unskilled = reviewsOf(sampleWith({ 'Tasks!H5': 'Aiko Tanaka' })).reviews;
    expect(find(unskilled, 'Helios Summer Summit').lessons).toContainEqual(
      expect.objectContaining({ lesson: 'Audio plan was done without enough Audio:4' }),
    );
    // A booth built from its own task list, against its Trade Show Booth template.
    const booth = find(reviewsOf(sampleWith({ 'Projects!D4': 'Done', 'Projects!L4': '2027-01-06' })).reviews, 'Helios CES Booth');
    expect(booth.lessons.map((l) => l.lesson)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Add to the Trade Show Booth template: Structural drawings, /),
        expect.stringMatching(/^Not needed here: /),
      ]),
    );
  });
});

describe('on-time quotas with Settings > On Time Needs Close-out', () => {
  const period = parsePeriod('2026-Q4');
  const withSetting = (on: boolean) => {
    const raw = sample();
    raw.Settings.push(['On Time Needs Close-out', on ? 'yes' : 'no']);
    return read(raw).plan;
  };
  const benOnTime = (plan: Plan, closed?: Set<string>) =>
    attainments(plan, { asOf: TODAY, closedOut: closed }, ATTAINMENT_LINES).find(
      (a) => a.quota.owner === 'Ben Ashford' && a.metric === 'On-Time Projects',
    );

  it('counts an on-time delivery only once its close-out is ticked complete', () => {
    expect(benOnTime(withSetting(false))?.actual).toBe(1);
    const waiting = benOnTime(withSetting(true));
    expect(waiting?.actual).toBe(0);
    expect(waiting?.leftOut.map((l) => l.line)).toContainEqual(
      expect.stringContaining('not counted on time until its close-out is ticked complete'),
    );
    expect(benOnTime(withSetting(true), new Set(['civic arts donor gala']))?.actual).toBe(1);
  });

  it('applies to the on-time KPI the same way', () => {
    if (!period.ok) throw new Error(period.error);
    const rate = (plan: Plan, closed?: Set<string>) => kpis(plan, { period: period.value, asOf: TODAY, closedOut: closed }).onTime;
    expect(rate(withSetting(false)).count).toBe(1);
    expect(rate(withSetting(true)).count).toBe(0);
    expect(rate(withSetting(true)).of).toBe(1);
    expect(rate(withSetting(true), new Set(['civic arts donor gala'])).count).toBe(1);
  });
});
