// The timeline by person: who is where each day or week, and their load against their hours.

import { toTenth } from '../model/numbers';
import { textWidth } from '../model/output';
import { isPlaceholder } from '../model/placeholder';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import { hoursOn, personCalendars } from '../schedule/calendar';
import type { PlannedTask, ScheduleResult } from '../schedule/schedule';
import { MARK } from './colors';
import {
  bucketWidth,
  type Context,
  hoursIn,
  keySet,
  type Layout,
  mark,
  type TimelineCell,
  type TimelineGrid,
  type TimelineOptions,
  type TimelineRow,
  timelineGrid,
} from './grid';

/**
 * Initials of a name that does not fit, as many letters as fit in `room` pixels (two at least, three
 * at most): "Helios CES Booth" → "HCB", "Gala" → "Gal", "Helios Energy +1" → "HE+1" where that fits, else "HE".
 */
function initials(name: string, room: number): string {
  const extra = (/\s*\+\d+$/.exec(name)?.[0] ?? '').trim();
  const words = name
    .slice(0, name.length - extra.length)
    .trim()
    .split(/[\s&/–-]+/)
    .filter((w) => /^\p{L}/u.test(w));
  let short = (words.length < 2 ? name.slice(0, 3) : words.map((w) => w[0].toUpperCase()).join('')).slice(0, 3);
  while (short.length > 2 && textWidth(short) > room) short = short.slice(0, -1);
  return textWidth(`${short}${extra}`) <= room ? `${short}${extra}` : short;
}

/**
 * A row of names (who is on what) as Sheets shows it best: each name once, at the start of its run of
 * days, running over the run's empty cells; where the run is too short for it, its initials, with the
 * full name in the note.
 */
function labelRuns(cells: TimelineCell[], width: number): TimelineCell[] {
  return cells.map((cell, i) => {
    if (typeof cell.value !== 'string') return cell;
    const name = cell.value;
    if (i > 0 && cells[i - 1].value === name) return { ...cell, value: null };
    let run = 1;
    while (cells[i + run]?.value === name) run++;
    return textWidth(name) <= run * width ? cell : { ...cell, value: initials(name, run * width), note: name };
  });
}

/**
 * Two rows a person: where they are (the project, or the main client and how many more), and their
 * load against their working hours. The load counts all their work, filtered or not: a filter
 * chooses who and what is shown, never hides that someone is busy.
 */
function personRows(plan: Plan, tasks: PlannedTask[], all: readonly PlannedTask[], ctx: Context, options: TimelineOptions): TimelineRow[] {
  const calendars = personCalendars(plan.staff, plan.timeOff);
  const wanted = keySet(options.people);
  const involved = new Set(tasks.flatMap((t) => t.crew.map((c) => nameKey(c.name))));
  const filtered = Boolean(options.clients?.length || options.projectManagers?.length);
  const rows: TimelineRow[] = [];
  plan.staff.forEach((person, p) => {
    const key = nameKey(person.name);
    if ((wanted && !wanted.has(key)) || (filtered && !involved.has(key))) return;
    const isMine = (t: PlannedTask) => t.crew.some((c) => nameKey(c.name) === key);
    const mine = tasks.filter(isMine);
    const allMine = all.filter(isMine);
    let booked = 0;
    let capacity = 0;
    const on: TimelineCell[] = [];
    const load: TimelineCell[] = [];
    for (const b of ctx.columns) {
      let cap = 0;
      for (let d = b.start; d <= b.end; d++) cap += hoursOn(calendars[p], d);
      const byClient = new Map<string, { hours: number; projects: Set<string> }>();
      let hours = 0;
      for (const t of allMine) hours += hoursIn(t, b);
      for (const t of mine) {
        const h = hoursIn(t, b);
        if (h <= 0) continue;
        const entry = byClient.get(t.client) ?? { hours: 0, projects: new Set<string>() };
        entry.hours += h;
        entry.projects.add(t.project);
        byClient.set(t.client, entry);
      }
      booked += hours;
      capacity += cap;
      const ranked = [...byClient].sort((x, y) => y[1].hours - x[1].hours);
      const main = ranked[0];
      const projects = ranked.flatMap(([, e]) => [...e.projects]);
      on.push(
        main
          ? {
              value: projects.length === 1 ? projects[0] : `${main[0]} +${projects.length - 1}`,
              color: ctx.colors.get(main[0]) ?? MARK.busy,
            }
          : { value: null, color: cap === 0 ? MARK.nonWorking : null },
      );
      const over = hours > cap + 1e-6;
      const color = over ? MARK.overbooked : hours > 0 ? MARK.busy : cap === 0 ? MARK.nonWorking : null;
      // A day is too narrow for "7.5/8": the hours booked show, and the working hours, where they differ,
      // in a note.
      if (ctx.scale !== 'day') load.push({ value: hours > 0 || cap > 0 ? `${toTenth(hours)}/${toTenth(cap)}` : null, color });
      else if (hours <= 0) load.push({ value: null, color });
      else if (Math.abs(hours - cap) < 1e-6) load.push({ value: toTenth(hours), color });
      else load.push({ value: toTenth(hours), color, note: `${toTenth(hours)} of ${toTenth(cap)} working hours booked` });
    }
    const share = capacity > 0 ? ` (${Math.round((100 * booked) / capacity)}%)` : '';
    const toHire = isPlaceholder(person);
    rows.push({
      kind: 'person',
      labels: [person.name, toHire ? 'Placeholder: to hire' : (person.role ?? ''), `${toTenth(booked)} / ${toTenth(capacity)} h${share}`],
      cells: mark(ctx, on),
      ...(toHire ? { placeholder: true as const } : {}),
    });
    rows.push({ kind: 'load', labels: ['', '', 'hours booked / working hours'], cells: mark(ctx, load) });
  });
  // Names are shortened to the room their run of columns has, once the columns' width is known.
  const width = bucketWidth(ctx.scale, rows);
  return rows.map((row) => (row.kind === 'person' ? { ...row, cells: labelRuns(row.cells, width) } : row));
}

const PEOPLE: Layout = {
  view: 'person',
  labelHeaders: ['Person', 'Role', 'Booked / capacity'],
  estimatedRows: (plan) => 2 * plan.staff.length,
  rows: personRows,
  legend: { label: 'Over capacity', color: MARK.overbooked },
};

export function peopleTimeline(plan: Plan, result: ScheduleResult, options: TimelineOptions): TimelineGrid {
  return timelineGrid(plan, result, options, PEOPLE);
}
