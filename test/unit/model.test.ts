import { describe, expect, it } from 'vitest';
import { planningMonday, SAMPLE_MONDAY, SAMPLE_WORKBOOK, sampleHolidays, sampleWorkbook } from '../../examples/sample-workbook';
import { dateToDay, dayOf, dayToDate, dayToIso, isoToDay, weekday } from '../../src/model/dates';
import { parsePeriod } from '../../src/model/period';
import { formatProblem } from '../../src/model/problems';
import { readWorkbook } from '../../src/model/read';
import { parseRequirements, parseSkills, skillMatch } from '../../src/model/skills';
import { workItems } from '../../src/model/work';
import { read, sample, sampleWith } from '../support/workbook';

const messages = (raw: Record<string, unknown[][]>) => read(raw).problems.map(formatProblem);
const errors = (raw: Record<string, unknown[][]>) =>
  read(raw)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('the sample workbook', () => {
  it('reads without errors', () => {
    const { plan, problems } = read(sample());
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.staff).toHaveLength(15);
    expect(plan.clients).toHaveLength(6);
    expect(plan.tasks.length).toBeGreaterThanOrEqual(80);
    expect(plan.planStart).toBe(dayOf(2026, 11, 23));
    expect(plan.settings.targetMargin).toBeCloseTo(0.35);
  });

  it('expands templates for projects without tasks, scaled by Scope where Scales', () => {
    const { plan } = read(sample());
    const items = workItems(plan);
    const refresh = items.filter((i) => i.project.project === 'Bluewater AV Refresh');
    expect(refresh.map((i) => i.name)).toContain('System design');
    const design = refresh.find((i) => i.name === 'System design');
    expect(design?.hours).toBe(36); // 24 h × scope 1.5, marked Scales
    const survey = refresh.find((i) => i.name === 'Site survey');
    expect(survey?.hours).toBe(8); // not marked Scales
    const install = refresh.find((i) => i.name === 'Install speakers and displays');
    expect(install?.after.map((a) => items[a].name).sort()).toEqual(['Pre-wire', 'Rack build']);
  });

  it('resolves cross-project dependencies', () => {
    const { plan } = read(sample());
    const items = workItems(plan);
    const reuse = items.find((i) => i.key === 'Helios Investor Day/Reuse CES LED wall');
    expect(reuse?.after.map((a) => items[a].key)).toEqual(['Helios CES Booth/Install LED wall']);
  });
});

describe('the sample firm dated from today', () => {
  // Every day of the week, in every year the add-on may be opened.
  const todays = Array.from({ length: 10 }, (_, y) => [dayOf(2026 + y, 1 + ((y * 5) % 12), 1 + ((y * 7) % 28))])
    .flatMap(([day]) => Array.from({ length: 7 }, (_, d) => day + d))
    .concat([SAMPLE_MONDAY, SAMPLE_MONDAY - 1, dayOf(2035, 12, 31)]);

  it.each(todays.map((day) => [dayToIso(day), day]))(
    'opened on %s: plans from the next Monday, history behind, pipeline ahead',
    (_, today) => {
      const { plan, problems } = readWorkbook(sampleWorkbook(today), { timeZone: 'America/New_York', today });
      expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(plan.planStart).toBe(planningMonday(today));
      expect(weekday(plan.planStart)).toBe(1);
      expect(plan.planStart - today).toBeGreaterThanOrEqual(0);
      expect(plan.planStart - today).toBeLessThan(7);
      const doneOn = plan.projects.flatMap((p) => (p.doneOn === undefined ? [] : [p.doneOn]));
      expect(doneOn.length).toBeGreaterThan(0);
      for (const day of doneOn) expect(day).toBeLessThan(today);
      const proposals = plan.projects.filter((p) => p.status === 'Proposal');
      for (const p of proposals) expect(p.start ?? Infinity).toBeGreaterThan(plan.planStart);
      // The company holidays are the real ones of the weeks shown, and the quotas cover the plan's start.
      const holidays = plan.timeOff.filter((t) => t.name === 'All');
      expect(holidays.length).toBeGreaterThan(0);
      expect(plan.quotas.some((q) => q.period.from <= plan.planStart && plan.planStart <= q.period.to)).toBe(true);
    },
  );

  it('is the sample as written when opened on its own Monday, holidays included', () => {
    expect(sampleWorkbook(SAMPLE_MONDAY)).toEqual(SAMPLE_WORKBOOK);
    expect(sampleHolidays(SAMPLE_MONDAY)).toEqual(SAMPLE_WORKBOOK.TimeOff.filter((row) => row[0] === 'All'));
  });

  it('moves quota periods with the firm: the quarter and month of its Monday stay its quarter and month', () => {
    const quotas = sampleWorkbook(dayOf(2027, 3, 3)).Quotas.slice(1);
    expect(quotas.map((q) => q[2])).toEqual([
      '2027',
      '2027-Q1',
      '2027-Q1',
      '2027',
      '2027',
      '2027-02-01..2027-07-31',
      '2027-Q1',
      '2027-03',
      '2027-Q1',
    ]);
  });
});

describe('headers', () => {
  it('match in any order, any case, with aliases, ignoring extra columns and blank rows', () => {
    const raw = {
      staff: [
        ['Favourite colour', 'weekly hours', 'SKILLS', 'full name'],
        ['blue', 20, 'LED:3, rigging', 'Ana Ruiz'],
        [null, '', '  ', null],
        ['red', '', 'Audio', 'Bo Chen'],
      ],
    };
    const { plan, problems } = read(raw);
    expect(problems).toEqual([]);
    expect(plan.staff.map((s) => [s.name, s.hoursPerWeek, s.row])).toEqual([
      ['Ana Ruiz', 20, 2],
      ['Bo Chen', 40, 4],
    ]);
    expect(plan.staff[0].skills.skills.get('rigging')).toBe(1);
  });

  it('report a missing required column at the header row', () => {
    const raw = {
      Staff: [
        ['Name', 'Role'],
        ['Ana', 'Tech'],
      ],
    };
    expect(messages(raw)).toEqual(['Staff!C1: missing column "Skills"; add a header named "Skills"']);
  });
});

describe('bad input is reported cell by cell, all at once', () => {
  it('wrong types, negative hours and missing values', () => {
    const raw = sampleWith({ 'Tasks!D20': 'abc', 'Tasks!D21': -4, 'Tasks!B22': '', 'Staff!E3': 'lots', 'Projects!G5': 'soon' });
    expect(errors(raw)).toEqual(
      expect.arrayContaining([
        'Staff!E3: Hours/Week must be 0 or a number from 1 to 168, got "lots"',
        'Projects!G5: Due must be a date like 2026-11-21, got "soon"',
        'Tasks!D20: Hours must be a number of 0 or more, got "abc"',
        'Tasks!D21: Hours must be a number of 0 or more, got -4',
        'Tasks!B22: Task is required',
      ]),
    );
  });

  it('duplicate names', () => {
    const raw = sampleWith({ 'Staff!A5': 'maya okafor' });
    expect(errors(raw)).toContain('Staff!A5: "maya okafor" is listed twice (also row 2); names must be unique');
  });

  it('unknown project, client and staff references', () => {
    const raw = sampleWith({ 'Tasks!A30': 'Helios CES', 'Projects!B4': 'Helio Energy', 'Tasks!H31': 'Tom Galagher', 'TimeOff!A6': 'Lena' });
    expect(errors(raw)).toEqual(
      expect.arrayContaining([
        'Tasks!A30: unknown project "Helios CES"; add it to the Projects sheet',
        'Projects!B4: unknown client "Helio Energy"; add it to the Clients sheet',
        'Tasks!H31: unknown person "Tom Galagher"; add them to the Staff sheet',
        'TimeOff!A6: unknown person "Lena"; use a name from Staff, or "All" for a company holiday',
      ]),
    );
  });

  it('dependency cycles, naming the cycle', () => {
    const raw = {
      Projects: [
        ['Project', 'Client'],
        ['Booth', 'Acme'],
      ],
      Tasks: [
        ['Project', 'Task', 'Skills', 'Hours', 'After'],
        ['Booth', 'Design', 'Design', 8, 'Paint'],
        ['Booth', 'Build', 'Carpentry', 8, 'Design'],
        ['Booth', 'Paint', 'Painting', 8, 'Build'],
        ['Booth', 'Ship', 'Labor', 8, 'Ship'],
      ],
    };
    expect(errors(raw)).toEqual([
      'Tasks!E2: dependency cycle: Booth/Design → Booth/Build → Booth/Paint → Booth/Design; remove one of these After entries',
      'Tasks!E5: dependency cycle: Booth/Ship → Booth/Ship; remove one of these After entries',
    ]);
  });

  it('unknown skills no one has are a warning, not an error', () => {
    const raw = sampleWith({ 'Tasks!C30': 'Pyrotechnics:2' });
    const { problems } = read(raw);
    const p = problems.find((x) => x.cell === 'C30');
    expect(p?.severity).toBe('warning');
    expect(formatProblem(p as never)).toBe('Tasks!C30: no one on Staff has the skill "Pyrotechnics"; the task cannot be staffed');
  });

  it('low above high, unreadable skills and periods', () => {
    const raw = sampleWith({ 'Tasks!E22': 200, 'Staff!D4': 'LED:9', 'Quotas!C3': '2026-Q5', 'Quotas!D4': 0 });
    expect(errors(raw)).toEqual(
      expect.arrayContaining([
        'Tasks!E22: low estimate 200 is above the high estimate 110',
        'Staff!D4: Skills level in "LED:9" must be a whole number from 1 to 5',
        'Quotas!C3: Period cannot read period "2026-Q5"; write a period like 2026, 2026-Q4, 2026-11 or 2026-10-01..2026-12-31',
        'Quotas!D4: Target must be a positive number, got 0',
      ]),
    );
  });
});

describe('Location', () => {
  it('a task’s overrides its project’s; template tasks take their project’s', () => {
    const items = workItems(read(sample()).plan);
    const at = (key: string) => items.find((i) => i.key === key)?.location;
    expect(at('Helios CES Booth/Install booth')).toBe('Las Vegas Convention Center, Central Hall');
    expect(at('Helios CES Booth/Fabricate booth frame')).toBe('Northlight shop, 88 Foundry Road');
    expect(at('Bluewater AV Refresh/Site survey')).toBe('Bluewater Conference Center, Ballrooms A and B');
    expect(at('Marrow & Finch Pop-up Store/Store concept')).toBeUndefined();
  });

  it('an address pasted over several lines reads as one line', () => {
    const { plan } = read(sampleWith({ 'Projects!Q5': '  Civic Arts Museum\r\n200 Harbor St \n\n Boston  MA ' }));
    expect(plan.projects[3].location).toBe('Civic Arts Museum, 200 Harbor St, Boston MA');
  });

  it('longer than an address is reported at its cell', () => {
    const raw = sampleWith({ 'Tasks!T30': 'x'.repeat(301), 'Projects!Q4': 'y'.repeat(300) });
    expect(errors(raw)).toEqual([
      `Tasks!T30: Location must be an address or a place of at most 300 characters, got 301: "${'x'.repeat(37)}..."`,
    ]);
  });
});

describe('cell readers', () => {
  it('skills and requirements', () => {
    const s = parseSkills('LED:3, Rigging:2, Labor');
    expect(s.ok && [...s.value.skills]).toEqual([
      ['led', 3],
      ['rigging', 2],
      ['labor', 1],
    ]);
    const r = parseRequirements('Rigging:3 x2; LED:2');
    expect(r.ok && r.value.map((x) => [x.skill, x.level, x.count])).toEqual([
      ['rigging', 3, 2],
      ['led', 2, 1],
    ]);
    expect(parseRequirements('2x Audio').ok).toBe(true);
    expect(parseRequirements('Rigging:3 x0').ok).toBe(false);
  });

  it('skill match', () => {
    const r = parseRequirements('LED:4; Rigging:2');
    const s = parseSkills('LED:2, Rigging:5');
    if (!r.ok || !s.ok) throw new Error('parse');
    expect(skillMatch(r.value, s.value.skills)).toBeCloseTo(4 / 6);
  });

  it('periods', () => {
    const q = parsePeriod('2026-Q4');
    expect(q.ok && [dayToIso(q.value.from), dayToIso(q.value.to)]).toEqual(['2026-10-01', '2026-12-31']);
    const m = parsePeriod('2026-02');
    expect(m.ok && dayToIso(m.value.to)).toBe('2026-02-28');
    const r = parsePeriod('2026-12-15..2027-01-15');
    expect(r.ok && [dayToIso(r.value.from), dayToIso(r.value.to)]).toEqual(['2026-12-15', '2027-01-15']);
  });

  it('dates in the spreadsheet time zone', () => {
    // Midnight 1 March 2026 in Tokyo is still 28 February in UTC.
    const tokyoMidnight = dayToDate(isoToDay('2026-03-01') as number, 'Asia/Tokyo');
    expect(tokyoMidnight.toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(dayToIso(dateToDay(tokyoMidnight, 'Asia/Tokyo'))).toBe('2026-03-01');
    // Across a DST change in New York.
    const dst = dayToDate(isoToDay('2026-03-08') as number, 'America/New_York');
    expect(dst.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    const raw = {
      TimeOff: [
        ['Name', 'From'],
        ['All', tokyoMidnight],
      ],
    };
    expect(dayToIso(read(raw, 'Asia/Tokyo').plan.timeOff[0].from)).toBe('2026-03-01');
  });
});
