import { describe, expect, it } from 'vitest';
import { dayOf, isoToDay } from '../../src/model/dates';
import type { SheetOutput } from '../../src/model/output';
import { parsePeriod } from '../../src/model/period';
import { formatProblem } from '../../src/model/problems';
import { type Attainment, attainments } from '../../src/quota/attainment';
import { ATTAINMENT_LINES } from '../../src/quota/attainment-lines';
import { attainmentSheet, STATUS_COLORS } from '../../src/quota/attainment-sheet';
import { attainmentSeries } from '../../src/quota/chart';
import { quotaErrors, quotaProblems } from '../../src/quota/checks';
import { teamLoad } from '../../src/quota/hours';
import { kpiSheet } from '../../src/quota/kpi-sheet';
import { kpis } from '../../src/quota/kpis';
import { paceAt, statusOf } from '../../src/quota/status';
import { NOTE_LIMIT, noteText } from '../../src/quota/units';
import { planSchedule } from '../../src/schedule/schedule';
import { read, sample, sampleWith } from '../support/workbook';

const day = (iso: string) => isoToDay(iso) as number;
const period = (text: string) => {
  const p = parsePeriod(text);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

/**
 * A small agency on Saturday 21 November 2026 (the tests' today). Ann sells to Acme (first won
 * 2026-06-01), Borealis (a client since 2024, no Account Manager on its project) and Dune (first won
 * 2026-11-10); Bob courts Cobalt, a prospect; Pat delivers.
 */
function agency(quotas: unknown[][], projects: unknown[][] = []) {
  return {
    Clients: [
      ['Client', 'Account Manager', 'Status', 'Since'],
      ['Acme', 'Ann', 'Active', ''],
      ['Borealis', 'Ann', 'Active', '2024-05-01'],
      ['Cobalt', 'Bob', 'Prospect', '2026-01-10'],
      ['Dune', 'Ann', 'Active', ''],
    ],
    Projects: [
      [
        'Project',
        'Client',
        'Status',
        'Due',
        'Value',
        'Probability',
        'Expected Close',
        'Won On',
        'Done On',
        'Account Manager',
        'Project Manager',
      ],
      ['Acme Gala', 'Acme', 'Done', '', 5000, '', '', '2026-06-01', '2026-11-02', 'Ann', 'Pat'],
      ['Acme Late', 'Acme', 'Done', '2026-11-01', 8000, '', '', '2026-06-15', '2026-11-05', 'Ann', 'Pat'],
      ['Acme Launch', 'Acme', 'Done', '2026-10-20', 10000, '', '', '2026-09-30', '2026-10-15', 'Ann', 'Pat'],
      ['Acme Tour', 'Acme', 'Active', '2027-01-15', 20000, '', '', '2026-10-01', '', 'Ann', 'Pat'],
      ['Borealis Expo', 'Borealis', 'Won', '2027-02-10', 30000, '', '', '2026-12-31', '', '', 'Pat'],
      ['Dune Pilot', 'Dune', 'Won', '', 7000, '', '', '2026-11-10', '', 'Ann', ''],
      ['Dune Phase 2', 'Dune', 'Active', '', 4000, '', '', '2026-11-20', '', 'Ann', ''],
      ['Acme Winter', 'Acme', 'Won', '', 6000, '', '', '2027-01-05', '', 'Ann', ''],
      ['Cobalt Pitch', 'Cobalt', 'Proposal', '', 50000, '40%', '2026-12-15', '', '', 'Bob', ''],
      ['Cobalt Extra', 'Cobalt', 'Proposal', '', 10000, '', '2026-11-30', '', '', 'Bob', ''],
      ['Lost Deal', 'Acme', 'Lost', '', 99000, '50%', '2026-11-01', '2026-11-01', '', 'Ann', ''],
      ...projects,
    ],
    Quotas: [['Owner', 'Metric', 'Period', 'Target'], ...quotas],
  };
}

function attain(raw: Record<string, unknown[][]>, asOf?: string): Attainment[] {
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  return attainments(plan, { asOf: asOf ? day(asOf) : undefined }, ATTAINMENT_LINES);
}

const one = (raw: Record<string, unknown[][]>, asOf?: string) => attain(raw, asOf)[0];
const lines = (a: Attainment, kind?: string) => a.contributions.filter((c) => !kind || c.kind === kind).map((c) => c.line);
const leftOut = (a: Attainment) => a.leftOut.map((l) => l.line);

describe('Revenue', () => {
  it('counts projects won in the period up to the as-of date, the period’s last day included', () => {
    const q3 = one(agency([['Ann', 'Revenue', '2026-Q3', 40000]]));
    expect(lines(q3)).toEqual(['Acme Launch (Projects row 4): won 2026-09-30, $10,000']);
    expect(q3.actual).toBe(10000);

    const q4 = one(agency([['Ann', 'Revenue', '2026-Q4', 100000]]));
    // As of 21 Nov: Acme Tour (1 Oct), Dune Pilot and Dune Phase 2; Borealis Expo is dated 31 Dec.
    expect(q4.actual).toBe(20000 + 7000 + 4000);
    expect(q4.projected).toBe(20000 + 7000 + 4000 + 30000);
    expect(lines(q4, 'recorded later')).toEqual([
      'Borealis Expo (Projects row 6): won 2026-12-31, $30,000; account manager from Borealis (Clients row 3)',
    ]);
    expect(one(agency([['Ann', 'Revenue', '2026-Q4', 100000]]), '2026-12-31').actual).toBe(61000);
  });

  it('does not count Won On dates on proposals or lost projects', () => {
    const q4 = one(agency([['Ann', 'Revenue', '2026-11', 1000]]));
    expect(lines(q4).some((l) => l.startsWith('Lost Deal'))).toBe(false);
    expect(q4.actual).toBe(11000);
  });

  it('follows periods that cross years', () => {
    const winter = one(agency([['Ann', 'Revenue', '2026-12-01..2027-01-31', 50000]]), '2027-01-31');
    expect(winter.actual).toBe(30000 + 6000);
    expect(one(agency([['Ann', 'Revenue', '2027', 50000]]), '2027-01-31').actual).toBe(6000);
  });

  it('projects open proposals closing in the period, weighted by Probability', () => {
    const bob = one(agency([['Bob', 'Revenue', '2026-Q4', 30000]]));
    expect(bob.actual).toBe(0);
    expect(bob.projected).toBe(20000);
    expect(lines(bob, 'pipeline')).toEqual(['Cobalt Pitch (Projects row 10): open proposal closing 2026-12-15, $50,000 × 40% = $20,000']);
    // A proposal closing after the period, or once the period is over, adds nothing.
    expect(one(agency([['Bob', 'Revenue', '2026-11', 30000]])).projected).toBe(0);
    expect(one(agency([['Bob', 'Revenue', '2026-Q4', 30000]]), '2027-01-02').projected).toBe(0);
  });

  it('leaves a proposal without a Probability out of the projection, says so, and warns at its cell', () => {
    const raw = agency([['Bob', 'Revenue', '2026-Q4', 30000]]);
    const bob = one(raw);
    expect(leftOut(bob)).toContain(
      'Cobalt Extra (Projects row 11): open proposal closing 2026-11-30, $10,000, has no Probability: not projected (add one to count it)',
    );
    expect(quotaProblems(read(raw).plan).map(formatProblem)).toContain(
      'Projects!F11: open proposal without a Probability: quota projections leave it out; add the chance of winning, e.g. 50%',
    );
    raw.Projects[10][5] = '50%';
    expect(one(raw).projected).toBe(20000 + 5000);
  });

  it('lists won work without a Won On date instead of silently dropping it, and warns at the cell', () => {
    const raw = agency([['Ann', 'Revenue', '2026-Q4', 1000]], [['Acme Extra', 'Acme', 'Active', '', 3000, '', '', '', '', 'Ann', '']]);
    expect(leftOut(one(raw))).toEqual(['Acme Extra (Projects row 13): Active but no Won On date, so no period counts it']);
    expect(quotaProblems(read(raw).plan).map(formatProblem)).toContain(
      'Projects!H13: Active project without a Won On date: sales quotas cannot count it',
    );
  });
});

describe('Expansion Revenue', () => {
  it('counts only clients that already had won work before, by first Won On or Clients > Since', () => {
    const ann = one(agency([['Ann', 'Expansion Revenue', '2026-Q4', 50000]]));
    expect(lines(ann, 'actual')).toEqual([
      'Acme Tour (Projects row 5): won 2026-10-01, $20,000; existing account: first won project Acme Gala (Projects row 2), won 2026-06-01',
      'Dune Phase 2 (Projects row 8): won 2026-11-20, $4,000; existing account: first won project Dune Pilot (Projects row 7), won 2026-11-10',
    ]);
    expect(leftOut(ann)).toEqual(['Dune Pilot (Projects row 7): won 2026-11-10, $7,000: not expansion, the first work for Dune']);
    expect(ann.projected).toBe(24000 + 30000);
    expect(lines(ann, 'recorded later')[0]).toContain('existing account: client since 2024-05-01 (Clients row 3)');
  });

  it('treats two projects won on a client’s first day as first work, not expansion', () => {
    const raw = agency([['Ann', 'Expansion Revenue', '2026-11', 1000]]);
    raw.Projects[7][7] = '2026-11-10';
    expect(one(raw).actual).toBe(0);
  });

  it('projects only proposals to clients that would already be clients', () => {
    const raw = agency(
      [['Ann', 'Expansion Revenue', '2026-12', 1000]],
      [['Acme Spring', 'Acme', 'Proposal', '', 40000, '25%', '2026-12-20', '', '', 'Ann', '']],
    );
    const ann = one(raw);
    expect(ann.projected).toBe(30000 + 10000);
    expect(lines(ann, 'pipeline')).toEqual(['Acme Spring (Projects row 13): open proposal closing 2026-12-20, $40,000 × 25% = $10,000']);
  });
});

describe('New Clients', () => {
  it('counts clients whose first won project falls in the period; Since before it means an existing client', () => {
    const ann = one(agency([['Ann', 'New Clients', '2026', 3]]));
    expect(lines(ann)).toEqual([
      'Acme: new client, first won project Acme Gala (Projects row 2), won 2026-06-01',
      'Dune: new client, first won project Dune Pilot (Projects row 7), won 2026-11-10',
    ]);
    expect(ann.actual).toBe(2);
    expect(one(agency([['Ann', 'New Clients', '2026-11', 1]])).actual).toBe(1);
  });

  it('projects the chance that at least one proposal to a prospect is won', () => {
    const raw = agency([['Bob', 'New Clients', '2026', 1]]);
    expect(one(raw).projected).toBeCloseTo(0.4);
    raw.Projects[10][5] = '50%';
    const bob = one(raw);
    expect(bob.projected).toBeCloseTo(1 - 0.6 * 0.5);
    expect(lines(bob, 'pipeline')[0]).toContain('at least one won: 70%');
  });
});

describe('on-time delivery', () => {
  it('counts projects done in the period by their Due; a project without a Due is listed, not judged', () => {
    const [count, rate, value] = attain(
      agency([
        ['Pat', 'On-Time Projects', '2026-Q4', 2],
        ['Pat', 'On-Time Rate', '2026-Q4', '90%'],
        ['Pat', 'Delivered Value', '2026-Q4', 20000],
      ]),
    );
    expect(count.actual).toBe(1);
    expect(lines(count)).toEqual(['Acme Launch (Projects row 4): done 2026-10-15, due 2026-10-20: on time']);
    expect(leftOut(count)).toEqual([
      'Acme Gala (Projects row 2): done 2026-11-02, no Due date: not judged on time or late',
      'Acme Late (Projects row 3): done 2026-11-05, due 2026-11-01: 4 days late',
    ]);
    expect(rate.actual).toBe(0.5);
    expect(rate.pace).toBe(0.9);
    expect(value.actual).toBe(10000);
    // Without the plan, the projection says what it needs rather than guessing.
    expect(count.projected).toBeUndefined();
    expect(count.missing.projected).toBe('plan');
    expect(count.status).toBeUndefined();
  });

  it('needs no plan for a period that ended before the plan starts', () => {
    const q3 = one(agency([['Pat', 'On-Time Projects', '2026-Q3', 1]]));
    expect(q3.missing).toEqual({});
    expect(q3.projected).toBe(0);
    expect(q3.status).toBe('missed');
  });

  it('reads a rate target written as 90 as 90%, and refuses one above 100%', () => {
    const raw = agency([
      ['Pat', 'On-Time Rate', '2026-Q4', 90],
      ['Pat', 'On-Time Rate', '2026', 150],
    ]);
    expect(attain(raw)[0].target).toBe(0.9);
    expect(quotaProblems(read(raw).plan).map(formatProblem)).toContain(
      'Quotas!D3: an On-Time Rate target is a share of projects, up to 100% (e.g. 90%), got 150',
    );
  });

  it('gives ATTAINMENT exactly the errors the Quotas panel reports, without the warnings it does not show', () => {
    const raw = agency([
      ['Pat', 'On-Time Rate', '2026', 150],
      ['Nobody', 'Revenue', '2026', 1000],
      ['Pat', 'On-Time Rate', '2026', 150],
    ]);
    const all = quotaProblems(read(raw).plan);
    expect(all.some((p) => p.severity === 'warning')).toBe(true);
    expect(quotaErrors(read(raw).plan)).toEqual(all.filter((p) => p.severity === 'error'));
    expect(quotaErrors(read(raw).plan).map(formatProblem)).toEqual([
      'Quotas!D2: an On-Time Rate target is a share of projects, up to 100% (e.g. 90%), got 150',
      'Quotas!D4: an On-Time Rate target is a share of projects, up to 100% (e.g. 90%), got 150',
    ]);
  });

  it('warns at the cell of a delivered project without a Due date', () => {
    const problems = quotaProblems(read(agency([['Pat', 'On-Time Projects', '2026', 2]])).plan).map(formatProblem);
    expect(problems).toContain('Projects!D2: delivered project without a Due date: on-time quotas cannot judge it');
  });
});

/** Two people, two projects, a Plan Start of Monday 11 January 2027. */
function studio(quotas: unknown[][]) {
  return {
    Staff: [
      ['Name', 'Skills', 'Hours/Week', 'Cost Rate'],
      ['Ana', 'LED:3', 40, 50],
      ['Bo', 'Rigging:3', 40, 30],
    ],
    Projects: [
      ['Project', 'Client', 'Status', 'Due', 'Value', 'Won On', 'Done On', 'Project Manager'],
      ['Booth', 'Xeno', 'Active', '2027-01-15', 10000, '2026-12-01', '', 'Pat'],
      ['Stage', 'Xeno', 'Active', '2027-01-08', 5000, '2026-12-01', '', 'Pat'],
      ['Kiosk', 'Xeno', 'Done', '2027-01-09', 2000, '2026-12-01', '2027-01-08', 'Pat'],
    ],
    Tasks: [
      ['Project', 'Task', 'Skills', 'Hours', 'Assignee', 'Status', 'Actual Hours', 'Done On'],
      ['Booth', 'Design', 'LED:3', 16, 'Ana', 'Done', 20, '2027-01-05'],
      ['Booth', 'Rig', 'LED:3; Rigging:3', 8, 'Ana, Bo', 'Done', '', '2027-01-06'],
      ['Booth', 'Build', 'LED:3', 24, '', 'Not Started', '', ''],
      ['Stage', 'Build', 'Rigging:3', 40, '', 'Not Started', '', ''],
      ['Kiosk', 'Make', 'LED:3', 10, 'Ana', 'Done', 12, '2027-01-07'],
      ['Kiosk', 'Paint', 'Rigging:3', 4, '', 'Done', 5, '2027-01-07'],
    ],
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', '2027-01-11'],
    ],
    Quotas: [['Owner', 'Metric', 'Period', 'Target'], ...quotas],
  };
}

function studioPlan(quotas: unknown[][] = [], extra: { Projects?: (string | number)[][]; Tasks?: (string | number)[][] } = {}) {
  const raw = studio(quotas);
  raw.Projects.push(...(extra.Projects ?? []));
  raw.Tasks.push(...(extra.Tasks ?? []));
  const { plan, problems } = read(raw);
  expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  return { plan, schedule: planSchedule(plan, { iterations: 20 }) };
}

describe('projections from the current plan', () => {
  it('counts projects the plan finishes by their Due, and shows a late plan as a quota risk', () => {
    const { plan, schedule } = studioPlan([['Pat', 'On-Time Projects', '2027-01', 3]]);
    const [pat] = attainments(plan, { asOf: day('2027-01-10'), schedule }, ATTAINMENT_LINES);
    expect(pat.actual).toBe(1);
    expect(pat.projected).toBe(2);
    expect(lines(pat, 'plan')).toEqual(['Booth (Projects row 2), due 2027-01-15: the plan finishes 2027-01-13, on time']);
    expect(leftOut(pat)).toContain('Stage (Projects row 3), due 2027-01-08: the plan finishes 2027-01-15, 7 days after its Due');
    // On pace today (1 done by 10 January), but the plan lands short of 3: at risk.
    expect(pat.status).toBe('at risk');
  });

  it('credits billable hours to every assignee, falls back to the estimate, and adds the hours the plan books', () => {
    const { plan, schedule } = studioPlan([
      ['Ana', 'Billable Hours', '2027-01', 80],
      ['Bo', 'Billable Hours', '2027-01', 40],
    ]);
    const [ana, bo] = attainments(plan, { asOf: day('2027-01-10'), schedule }, ATTAINMENT_LINES);
    expect(ana.actual).toBe(20 + 8 + 12);
    expect(lines(ana, 'actual')).toContain('Booth / Rig (Tasks row 3): done 2027-01-06, 8 h (no Actual Hours: the estimate)');
    expect(ana.projected).toBe(40 + 24);
    expect(lines(ana, 'plan')).toEqual(['Booth / Build (Tasks row 4): 24 h planned from 2027-01-11']);
    expect(bo.actual).toBe(8);
    expect(bo.projected).toBe(8 + 40);
    expect(bo.status).toBe('on track');
  });

  it('names projects the plan cannot finish, and done tasks without a Done On date', () => {
    const { plan, schedule } = studioPlan(
      [
        ['Pat', 'On-Time Projects', '2027-01', 3],
        ['Ana', 'Billable Hours', '2027-01', 80],
      ],
      {
        Projects: [['Gate', 'Xeno', 'Active', '2027-01-20', 3000, '2026-12-01', '', 'Pat']],
        Tasks: [
          ['Gate', 'Weld', 'Welding:3', 8, '', 'Not Started', '', ''],
          ['Gate', 'Survey', 'LED:3', 2, 'Ana', 'Done', 2, ''],
        ],
      },
    );
    const [pat, ana] = attainments(plan, { asOf: day('2027-01-10'), schedule }, ATTAINMENT_LINES);
    expect(leftOut(pat)).toContain('Gate (Projects row 5), due 2027-01-20: the plan cannot staff Weld: not projected to finish');
    expect(leftOut(ana)).toEqual(['Gate / Survey (Tasks row 9): Done but no Done On date, so no period counts it']);
    expect(quotaProblems(plan).map(formatProblem)).toContain(
      'Tasks!H9: Done task without a Done On date: Billable Hours quotas cannot count it',
    );
  });

  it('says what Billable Hours needs when the workbook has no Tasks sheet', () => {
    const [hours] = attain(agency([['Pat', 'Billable Hours', '2026-Q4', 100]]));
    expect(hours.missing).toEqual({ actual: 'tasks', projected: 'tasks' });
    expect(hours.actual).toBeUndefined();
  });
});

describe('pace and status', () => {
  it('draws pace as a straight line over the period’s days; a rate’s pace is its target', () => {
    const q4 = period('2026-Q4');
    expect(paceAt(92, 'money', q4, dayOf(2026, 11, 21))).toBe(52);
    expect(paceAt(92, 'money', q4, dayOf(2026, 9, 1))).toBe(0);
    expect(paceAt(92, 'money', q4, dayOf(2027, 3, 1))).toBe(92);
    expect(paceAt(0.9, 'rate', q4, dayOf(2026, 10, 2))).toBe(0.9);
  });

  it('follows the documented rule', () => {
    const at = (actual: number | undefined, projected: number | undefined) =>
      statusOf({ target: 100, pace: 50, actual, projected, phase: 'running' });
    expect(at(60, 110)).toBe('ahead');
    expect(at(50, 100)).toBe('on track');
    expect(at(40, 100)).toBe('on track');
    expect(at(55, 80)).toBe('at risk');
    expect(at(40, 92)).toBe('at risk');
    expect(at(40, 80)).toBe('behind');
    expect(at(undefined, 95)).toBe('at risk');
    expect(at(60, undefined)).toBeUndefined();
    // Before the period: not started; after it: met or missed, by Actual alone.
    expect(statusOf({ target: 100, pace: 0, actual: 0, projected: 120, phase: 'upcoming' })).toBe('not started');
    expect(statusOf({ target: 100, pace: 100, actual: 100, projected: 100, phase: 'ended' })).toBe('met');
    expect(statusOf({ target: 100, pace: 100, actual: 99, projected: 140, phase: 'ended' })).toBe('missed');
  });
});

describe('periods not started or over', () => {
  it('says a period has not started, with no share of the target, and still projects it', () => {
    const { plan, schedule } = studioPlan([['Ana', 'Billable Hours', '2027-01', 80]]);
    const [ana] = attainments(plan, { asOf: day('2026-12-20'), schedule }, ATTAINMENT_LINES);
    expect(ana.phase).toBe('upcoming');
    expect(ana.status).toBe('not started');
    expect(ana.percent).toBeUndefined();
    expect(ana.projected).toBeGreaterThan(0);
    const sheet = attainmentSheet(plan, [ana], day('2026-12-20'));
    expect(sheet.values.flat()).toContain('starts 2027-01-01');
  });

  it('lands an ended period where its facts put it: what the plan still books no longer counts', () => {
    const { plan, schedule } = studioPlan([['Ana', 'Billable Hours', '2027-01', 80]]);
    const [running] = attainments(plan, { asOf: day('2027-01-10'), schedule }, ATTAINMENT_LINES);
    expect(lines(running, 'plan').length).toBeGreaterThan(0);
    const [ended] = attainments(plan, { asOf: day('2027-02-03'), schedule }, ATTAINMENT_LINES);
    expect(ended.phase).toBe('ended');
    expect(lines(ended, 'plan')).toEqual([]);
    expect(ended.projected).toBe(ended.actual);
    expect(ended.status).toBe(ended.actual !== undefined && ended.actual >= 80 ? 'met' : 'missed');
    expect(leftOut(ended)).toContain(`${lines(running, 'plan')[0]}: the period ended 2027-01-31`);
  });
});

describe('the sample firm', () => {
  it('gives the figures worked out by hand', () => {
    const { plan } = read(sample());
    const [rachel, , luis, newClients] = attainments(plan, {}, ATTAINMENT_LINES);
    expect([rachel.actual, rachel.status]).toEqual([88000 + 42000 + 240000 + 185000 + 64000, 'at risk']);
    expect([luis.actual, luis.projected, luis.status]).toEqual([45000 + 38000 + 92000, 175000 + 120000 * 0.6, 'at risk']);
    // Marrow & Finch and Bluewater were clients before 2026 (Clients > Since); Vantage is a 60% prospect.
    expect([newClients.actual, newClients.projected]).toEqual([0, 0.6]);
  });

  it('reports bad quota rows at their cells', () => {
    const { problems } = read(sampleWith({ 'Quotas!B3': 'Profit', 'Quotas!C4': '2026-13', 'Quotas!D5': 0 }));
    expect(problems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        'Quotas!B3: Metric must be one of Revenue, Expansion Revenue, New Clients, On-Time Projects, On-Time Rate, Delivered Value, Billable Hours, got "Profit"',
        'Quotas!C4: Period cannot read period "2026-13"; write a period like 2026, 2026-Q4, 2026-11 or 2026-10-01..2026-12-31',
        'Quotas!D5: Target must be a positive number, got 0',
      ]),
    );
  });

  it('warns about an owner the metric never credits, and a quota listed twice', () => {
    const { plan } = read(
      sampleWith({
        'Quotas!A2': 'Rachel Kimm',
        'Quotas!A11': 'Luis Romero',
        'Quotas!B11': 'Revenue',
        'Quotas!C11': '2026-Q4',
        'Quotas!D11': 1,
      }),
    );
    expect(quotaProblems(plan).map(formatProblem)).toEqual(
      expect.arrayContaining([
        'Quotas!A2: "Rachel Kimm" is not the Account Manager of any project or client, so this quota counts nothing; check the spelling',
        'Quotas!A11: the same quota is listed twice (also row 4)',
      ]),
    );
  });
});

describe('KPIs', () => {
  it('measures on-time delivery, logged and planned utilization, budget adherence and margin', () => {
    const { plan, schedule } = studioPlan();
    const k = kpis(plan, { period: period('2027-01'), asOf: day('2027-01-10'), schedule });
    expect([k.onTime.count, k.onTime.of]).toEqual([1, 1]);

    const [ana, bo] = k.utilization.logged;
    // 1 to 10 January: six weekdays of 8 hours.
    expect([ana.hours, ana.capacity, ana.utilization]).toEqual([40, 48, 40 / 48]);
    expect([bo.hours, bo.capacity]).toEqual([8, 48]);
    const planned = k.utilization.planned ?? [];
    expect(k.utilization.plannedWindow).toEqual({ from: day('2027-01-11'), to: day('2027-01-31') });
    expect([planned[0].hours, planned[0].capacity]).toEqual([24, 120]);
    expect(teamLoad(planned).utilization).toBeCloseTo((24 + 40) / 240);

    const [booth, kiosk] = k.budget;
    expect([booth.project.project, booth.estimatedHours, booth.actualHours, booth.estimatedCost, booth.actualCost]).toEqual([
      'Booth',
      16,
      20,
      800,
      1000,
    ]);
    expect([kiosk.estimatedHours, kiosk.actualHours, kiosk.estimatedCost, kiosk.actualCost]).toEqual([14, 17, 500, 600]);
    expect(kiosk.uncosted).toEqual(['Paint (Tasks row 7): no Assignee: not costed']);

    expect(k.margin.projects.map((m) => [m.project.project, m.cost, m.margin])).toEqual([['Kiosk', 600, 0.7]]);
    expect(k.margin.average).toBe(0.7);
  });

  it('counts clients with won work in consecutive periods, and growth against the same stretch before', () => {
    const { plan } = read(agency([]));
    const q4 = kpis(plan, { period: period('2026-Q4'), asOf: day('2026-12-31') });
    expect([q4.retention.count, q4.retention.of]).toEqual([1, 1]);
    expect(q4.retention.lines[0]).toBe(
      'Acme: Acme Launch (Projects row 4) won 2026-09-30; retained: Acme Tour (Projects row 5) won 2026-10-01',
    );
    expect([q4.growth.current, q4.growth.previous]).toEqual([20000 + 4000 + 30000, 10000]);
    expect(q4.growth.growth).toBeCloseTo(4.4);
    // Mid-quarter, 1 October to 21 November is compared with 1 July to 21 August, not a whole quarter.
    const soFar = kpis(plan, { period: period('2026-Q4') });
    expect(soFar.growth.comparedWith).toEqual({ from: day('2026-07-01'), to: day('2026-08-21') });
    expect(soFar.growth.growth).toBeUndefined();
  });
});

/** Every number on a sheet carries a note saying where it came from. */
function unexplainedNumbers(sheet: SheetOutput): string[] {
  const missing: string[] = [];
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value === 'number' && !sheet.notes?.[r]?.[c]) missing.push(`row ${r + 1} column ${c + 1}: ${value}`);
    });
  });
  return missing;
}

describe('the Attainment and KPIs sheets', () => {
  const { plan } = read(sample());
  const schedule = planSchedule(plan, { iterations: 30 });
  const list = attainments(plan, { schedule }, ATTAINMENT_LINES);
  const attainment = attainmentSheet(plan, list, plan.today);
  const kpi = kpiSheet(plan, kpis(plan, { period: period('2026'), schedule }));

  it('explain every number with a note', () => {
    expect(unexplainedNumbers(attainment)).toEqual([]);
    expect(unexplainedNumbers(kpi)).toEqual([]);
    const header = attainment.values.findIndex((r) => r[0] === 'Owner');
    const luis = attainment.values.findIndex((r) => r[0] === 'Luis Romero' && r[1] === 'Revenue');
    expect(attainment.notes?.[luis][4]).toContain('• Bluewater AV Refresh (Projects row 8): won 2026-11-10, $92,000');
    expect(attainment.notes?.[luis][7]).toContain(
      '• Vantage Launch Booth (Projects row 9): open proposal closing 2026-12-15, $120,000 × 60% = $72,000',
    );
    expect(attainment.notes?.[header][8]).toContain('At risk: Projected falls short of the Target');
    const margin = kpi.values.findIndex((r) => r[0] === 'Average project margin');
    expect(kpi.notes?.[margin][1]).toContain('Civic Arts Donor Gala (Projects row 3)');
  });

  it('colour each quota by status, format money, counts and rates, and freeze the header', () => {
    const header = attainment.values.findIndex((r) => r[0] === 'Owner');
    expect(attainment.frozenRows).toBe(header + 1);
    list.forEach((a, i) => {
      const r = header + 1 + i;
      expect(attainment.values[r].slice(0, 3)).toEqual([a.quota.owner, a.metric, a.period.label]);
      expect(attainment.backgrounds?.[r][0]).toBe(a.status ? STATUS_COLORS[a.status] : null);
    });
    const formatOf = (metric: string) => attainment.numberFormats?.[attainment.values.findIndex((r) => r[1] === metric)][3];
    expect(formatOf('Revenue')).toBe('"$"#,##0');
    expect(formatOf('On-Time Rate')).toBe('0%');
    expect(formatOf('New Clients')).toBe('#,##0');
    expect(kpi.frozenRows).toBe(1);
  });

  it('keep notes within what a Sheets note holds', () => {
    const long = noteText(Array.from({ length: 5000 }, (_, i) => `Project ${i} (Projects row ${i + 2}): won 2026-01-01, $1,000`));
    expect(long.length).toBeLessThan(NOTE_LIMIT + 40);
    expect(long).toMatch(/…and \d+ more lines$/);
  });
});

describe('the attainment chart', () => {
  it('steps the total up on each counted day, then on each day the pipeline adds to it', () => {
    const { plan } = read(sample());
    const luis = attainments(plan, {}, ATTAINMENT_LINES)[2];
    const s = attainmentSeries(luis);
    const at = (iso: string) => day(iso);
    expect(s.actual).toEqual([
      [at('2026-10-01'), 0],
      [at('2026-10-05'), 0],
      [at('2026-10-05'), 45000],
      [at('2026-10-28'), 45000],
      [at('2026-10-28'), 83000],
      [at('2026-11-10'), 83000],
      [at('2026-11-10'), 175000],
      [at('2026-11-21'), 175000],
    ]);
    // Vantage, 60% of $120,000, is expected to close on 15 December.
    expect(s.projected).toEqual([
      [at('2026-11-21'), 175000],
      [at('2026-12-15'), 175000],
      [at('2026-12-15'), 247000],
      [at('2026-12-31'), 247000],
    ]);
    expect(s.pace).toEqual([
      [at('2026-10-01'), 0],
      [at('2026-12-31'), 250000],
    ]);
  });

  it('draws a rate as the running share on time, the plan included', () => {
    const { plan, schedule } = studioPlan([['Pat', 'On-Time Rate', '2027-01', '90%']]);
    const s = attainmentSeries(attainments(plan, { asOf: day('2027-01-10'), schedule }, ATTAINMENT_LINES)[0]);
    // Kiosk on time on 8 January; the plan finishes Booth on time (13th) and Stage late (15th).
    expect(s.actual).toEqual([
      [day('2027-01-08'), 1],
      [day('2027-01-10'), 1],
    ]);
    expect(s.projected.at(-1)?.[0]).toBe(day('2027-01-31'));
    expect(s.projected.at(-1)?.[1]).toBeCloseTo(2 / 3);
    expect(s.pace).toEqual([
      [day('2027-01-01'), 0.9],
      [day('2027-01-31'), 0.9],
    ]);
  });
});
