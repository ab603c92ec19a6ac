// Every Why is true: each claim an explanation makes about the best alternative is checked against the
// plan evaluated with that alternative in place (everything else as planned), on the sample firm and
// on generated firms; sentences start with a capital; a date outside the plan start's year carries
// its year.

import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { dayParts, monthName, shortDateNear, weekday, weekdayName } from '../../src/model/dates';
import type { Plan } from '../../src/model/plan';
import { Bookings } from '../../src/schedule/bookings';
import type { Schedule } from '../../src/schedule/decode';
import { readyDay } from '../../src/schedule/decode';
import { compareTerms, evaluate, lateDays, TermLedger, type Terms } from '../../src/schedule/objective';
import { Planner, type ScheduleOptions } from '../../src/schedule/schedule';
import { read, sample } from '../support/workbook';

interface Audit {
  explained: number;
  /** Each false claim: the task, the sentence, and why it is false. */
  wrong: string[];
}

const MONTHS = Array.from({ length: 12 }, (_, m) => monthName(m + 1));

/** A date written "Mon 4 Jan" must be that weekday in the plan start's year, or carry its own year. */
function undatedYears(text: string, planStartYear: number): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) ([A-Z][a-z]{2})\b(?! \d{4})/g)) {
    const month = MONTHS.indexOf(m[3]) + 1;
    const day = Date.UTC(planStartYear, month - 1, Number(m[2])) / 86_400_000;
    if (weekdayName(weekday(day)) !== m[1]) found.push(m[0]);
  }
  return found;
}

/** The plan with one crew member swapped, everything else as planned, and its terms. */
function swapped(planner: Planner, schedule: Schedule, j: number, slot: number, person: number) {
  const { problem } = planner;
  const job = problem.jobs[j];
  const bookings = new Bookings(problem.calendar, problem.limit);
  problem.jobs.forEach((_, k) => {
    const daily = schedule.daily[k];
    if (daily && k !== j) bookings.rebook(schedule.crew[k], { start: schedule.start[k], end: schedule.end[k], daily });
  });
  const crew = Array.from(schedule.crew[j]);
  crew[slot] = person;
  const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
  const window = bookings.window(crew, job.hours, job.maxPerDay, ready);
  if (!window) return undefined;
  const placement = bookings.book(crew, job.hours, job.maxPerDay, window.start);
  const copy: Schedule = {
    ...schedule,
    start: schedule.start.slice(),
    end: schedule.end.slice(),
    crew: schedule.crew.slice(),
    daily: schedule.daily.slice(),
  };
  copy.start[j] = placement.start;
  copy.end[j] = placement.end;
  copy.crew[j] = Int32Array.from(crew);
  copy.daily[j] = placement.daily;
  return { end: placement.end, terms: evaluate(problem, copy, planner.planned) };
}

const money = (text: string) => Number(text.replace(/[^\d.]/g, ''));
/** A count as the Why writes it: 3, or 1,200. */
const count = (text: string) => Number(text.replace(/,/g, ''));

/** Checks every claim of every Why of the plan against the plan evaluated with the change it names. */
function audit(plan: Plan, options: ScheduleOptions = {}): Audit {
  const planner = new Planner(plan, options);
  while (!planner.step(500));
  const result = planner.result();
  const { problem } = planner;
  const { schedule } = planner.outcome();
  const actual = evaluate(problem, schedule, planner.planned);
  const byName = new Map(problem.people.map((p) => [p.name, p.index]));
  const year = dayParts(problem.start).year;
  const wrong: string[] = [];
  let explained = 0;
  for (const task of result.tasks) {
    const j = problem.jobs.findIndex((job) => job.item.key === task.key);
    const job = problem.jobs[j];
    const fail = (why: string) => wrong.push(`${task.key}: ${why} — "${task.why}"`);
    explained++;
    const sentences = task.why.split(/(?<=\.) (?=\S)/);
    for (const sentence of sentences) if (/^[a-z]/.test(sentence)) fail(`"${sentence}" starts in lower case`);
    for (const date of undatedYears(task.why, year)) fail(`${date} needs its year`);
    if (task.state !== 'planned' && task.state !== 'in progress') continue;
    const crew = schedule.crew[j];
    for (let slot = 0; slot < crew.length; slot++) {
      const person = crew[slot];
      const name = problem.people[person].name;
      const sentence = sentences.find((x) => x.startsWith(`${name} (`)) ?? '';
      const reason = sentence.slice(sentence.indexOf('): ') + 3).replace(/\.$/, '');
      const claim = (why: string) => fail(`${name}: ${why}`);
      if (job.pinned[slot] === person) continue;
      const others = job.slots[slot].candidates.filter((c) => !crew.includes(c));
      const options = others.flatMap((c) => {
        const alt = swapped(planner, schedule, j, slot, c);
        return alt ? [{ c, ...alt }] : [];
      });
      if (/the only one qualified/.test(reason) && job.slots[slot].candidates.some((c) => c !== person))
        claim('not the only one qualified');
      const onCrew = /everyone else qualified \((.+)\) is on this crew/.exec(reason);
      if (onCrew && (others.length || onCrew[1].split(', ').some((n) => !job.slots[slot].candidates.includes(byName.get(n) as number))))
        claim('someone qualified is not on the crew');
      if (/nobody else qualified could finish within three months/.test(reason) && options.some((o) => o.end <= schedule.end[j] + 91))
        claim('someone else could finish within three months');
      const named = /^(?:keeps )?([A-Z][^;(]*?) (?:\(level \d\) free|would|could)/.exec(reason);
      if (!named) continue;
      const alt = options.find((o) => o.c === byName.get(named[1]));
      if (!alt) {
        claim(`${named[1]} cannot do it at all`);
        continue;
      }
      const bestOther = options.reduce((b, o) => (compareTerms(o.terms, b.terms) < 0 ? o : b));
      if (compareTerms(bestOther.terms, alt.terms) < 0)
        claim(`${problem.people[bestOther.c].name} is a better alternative than ${named[1]}`);
      const order = compareTerms(alt.terms, actual);
      const later = problem.calendar.businessDaysBetween(schedule.end[j], alt.end);
      const sooner = problem.calendar.businessDaysBetween(alt.end, schedule.end[j]);
      const laterClaim = /would finish ([\d,]+) working days? later/.exec(reason);
      if (laterClaim && (count(laterClaim[1]) !== later || order <= 0)) claim(`${named[1]} would finish ${later} working days later`);
      const pastDue = /([\d,]+) working days? past the due date/.exec(reason);
      if (pastDue && count(pastDue[1]) !== lateDays(problem, j, alt.end))
        claim(`${named[1]} would be ${lateDays(problem, j, alt.end)} days late`);
      const soonerClaim = /could finish ([\d,]+) working days? sooner/.exec(reason);
      if (soonerClaim && (count(soonerClaim[1]) !== sooner || order >= 0)) claim(`${named[1]} would finish ${sooner} working days sooner`);
      const costClaim = /would cost (\S+) (more|less)/.exec(reason);
      const extra = alt.terms.cost - actual.cost;
      if (costClaim && Math.abs(money(costClaim[1]) - Math.abs(extra)) > 0.5) claim(`${named[1]} would cost ${extra} more`);
      if (costClaim && (costClaim[2] === 'more') !== extra > 0) claim(`${named[1]} does not cost ${costClaim[2]}`);
      const keeps = /keeps .* \(level (\d)\) free/.exec(reason);
      const level = problem.people[alt.c].skills.get(job.slots[slot].skill) ?? 0;
      if (keeps && (Number(keeps[1]) !== level || alt.terms.expertise <= actual.expertise))
        claim(`${named[1]} is not kept free for harder work`);
      const switches = /switch between clients ([\d,]+) times? (more|less)/.exec(reason);
      const moreSwitches = alt.terms.switching - actual.switching;
      if (switches && count(switches[1]) * (switches[2] === 'more' ? 1 : -1) !== moreSwitches)
        claim(`${named[1]} switches ${moreSwitches} more`);
      if (/exactly as well/.test(reason) && order !== 0) claim(`${named[1]} is not exactly as good: ${firstDifference(alt.terms, actual)}`);
      if (!soonerClaim && !/less/.test(reason) && order < 0)
        claim(`the plan with ${named[1]} is better (${firstDifference(alt.terms, actual)})`);
    }
    checkStart(j, sentences.find((x) => x.startsWith('Starts ')) ?? '', fail);
  }
  return { explained, wrong };

  /** "Starts D, when X is free / right after P / its earliest date / the first day the whole crew works". */
  function checkStart(j: number, sentence: string, fail: (why: string) => void) {
    const job = problem.jobs[j];
    const start = schedule.start[j];
    const crew = Array.from(schedule.crew[j]);
    const ready = readyDay(problem, job.preds, job.earliest, schedule.start, schedule.end);
    if (!sentence.startsWith(`Starts ${shortDateNear(problem.start + start, problem.start)}`)) fail(`the start is not ${sentence}`);
    const worksOn = (p: number, from: number, to: number) =>
      problem.jobs.some(
        (k) => k.index !== j && schedule.crew[k.index].includes(p) && schedule.start[k.index] < to && schedule.end[k.index] >= from,
      );
    for (const name of /when (.+) (?:is|are) free/.exec(sentence)?.[1].split(' and ') ?? [])
      if (!worksOn(byName.get(name) as number, ready, start)) fail(`${name} had no other work before the start`);
    if (/the first day the whole crew works/.test(sentence))
      for (let d = ready; d < start; d++)
        if (crew.every((p) => problem.calendar.capacity(p)[d] > 0)) fail(`the whole crew works on day ${d}`);
    const after = /right after (.+?)\.?$/.exec(sentence)?.[1];
    if (after && (start !== ready || !job.preds.some((p) => problem.jobs[p].item.key === after)))
      fail(`it does not start right after ${after}`);
    if (/its earliest date/.test(sentence) && (start !== ready || start !== job.earliest)) fail('it does not start on its earliest date');
  }
}

function firstDifference(a: Terms, b: Terms): string {
  const key = (Object.keys(a) as (keyof Terms)[]).find((k) => Math.abs(a[k] - b[k]) > 1e-6);
  return key ? `${key} ${a[key]} vs ${b[key]}` : 'no difference';
}

const FIRMS: [string, () => Plan][] = [
  ['the sample firm', () => read(sample()).plan],
  ...Array.from({ length: 8 }, (_, i): [string, () => Plan] => [
    `generated firm ${i + 1}`,
    () => read(generateFirm({ staff: 6 + i, tasks: 30 + 8 * i, months: 4, seed: i + 1 })).plan,
  ]),
];

describe('every Why is true', () => {
  it.each(FIRMS)('%s', (_name, firm) => {
    const { explained, wrong } = audit(firm(), { iterations: 60 });
    expect(explained).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});

describe('the term ledger', () => {
  it('keeps the terms evaluate() gives while single jobs change crew and days, and answers what-ifs without changing them', () => {
    const planner = new Planner(read(sample()).plan, { iterations: 20 });
    while (!planner.step(500));
    const { problem, planned } = planner;
    const found = planner.outcome().schedule;
    const schedule: Schedule = { ...found, start: found.start.slice(), end: found.end.slice(), crew: found.crew.slice() };
    const ledger = new TermLedger(problem, schedule, planned);
    const close = (a: Terms, b: Terms) => {
      for (const k of Object.keys(a) as (keyof Terms)[]) expect(a[k]).toBeCloseTo(b[k], 6);
    };
    close(ledger.terms, evaluate(problem, schedule, planned));
    const staffed = problem.jobs.filter((job) => planned[job.index] && schedule.crew[job.index].length);
    staffed.forEach((job, n) => {
      const j = job.index;
      const crew = Array.from(schedule.crew[j]);
      crew[0] = job.slots[0].candidates[n % job.slots[0].candidates.length];
      const [start, end] = [schedule.start[j] + (n % 5), schedule.end[j] + (n % 9)];
      const before = { ...ledger.terms };
      const asked = ledger.whatIf(j, crew, start, end);
      expect(ledger.terms).toEqual(before);
      ledger.move(j, crew, start, end);
      close(asked, ledger.terms);
      schedule.crew[j] = Int32Array.from(crew);
      schedule.start[j] = start;
      schedule.end[j] = end;
      close(ledger.terms, evaluate(problem, schedule, planned));
    });
    expect(staffed.length).toBeGreaterThan(20);
  });
});
