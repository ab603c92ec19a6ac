// Working hours per person per day, counted in days from the plan start: weekly hours spread over
// the person's work days, nothing before their start or after their end date, time off taken out,
// company holidays ("All") for everyone.

import { type Day, weekday } from '../model/dates';
import { Effort } from '../model/effort';
import { addTo } from '../model/group';
import { HORIZON_DAYS } from '../model/limits';
import type { StaffRow, TimeOffRow } from '../model/sheets';
import { nameKey } from '../model/work';

interface Absence {
  from: Day;
  to: Day;
  /** Hours off per day; undefined = the whole day. */
  hours?: number;
}

export interface PersonCalendar {
  /** Hours on an ordinary work day. */
  daily: number;
  /** Bit per ISO weekday (bit 0 = Monday). */
  workDays: number;
  startDate?: Day;
  endDate?: Day;
  absences: Absence[];
}

export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

export function personCalendars(staff: readonly StaffRow[], timeOff: readonly TimeOffRow[]): PersonCalendar[] {
  const byName = new Map<string, Absence[]>();
  const holidays: Absence[] = [];
  for (const o of timeOff) {
    const absence = { from: o.from, to: o.to ?? o.from, hours: o.hoursPerDay };
    const key = nameKey(o.name);
    if (key === 'all') holidays.push(absence);
    else addTo(byName, key, absence);
  }
  return staff.map((s) => ({
    daily: s.hoursPerWeek / Math.max(1, bitCount(s.workDays)),
    workDays: s.workDays,
    startDate: s.startDate,
    endDate: s.endDate,
    absences: [...holidays, ...(byName.get(nameKey(s.name)) ?? [])],
  }));
}

/** Hours a person can work on a calendar day, before any task is booked. */
export function hoursOn(calendar: PersonCalendar, day: Day): number {
  if (calendar.startDate !== undefined && day < calendar.startDate) return 0;
  if (calendar.endDate !== undefined && day > calendar.endDate) return 0;
  if (!(calendar.workDays & (1 << (weekday(day) - 1)))) return 0;
  let hours = calendar.daily;
  for (const a of calendar.absences) {
    if (day >= a.from && day <= a.to) hours = a.hours === undefined ? 0 : Math.max(0, hours - a.hours);
  }
  return hours;
}

/**
 * Capacity arrays for every person, grown on demand. Index d is the day `origin + d` (or, for a
 * mirrored calendar used to schedule backwards in time, `origin - d`).
 */
export class Calendar {
  private arrays: Float64Array[];
  /** Working days (someone on staff works) in [0, d) at index d. */
  private worked = new Int32Array(1);
  /** Working days in [x, 0) before the origin (due dates already past), by x, counted once each. */
  private readonly workedEarlier = new Map<number, number>();
  private length = 0;
  /** Steps (see Effort) one day of everyone's calendar takes: a look at each person and each absence. */
  private readonly stepsPerDay: number;

  constructor(
    readonly origin: Day,
    readonly people: readonly PersonCalendar[],
    initialDays: number,
    readonly direction: 1 | -1 = 1,
    private readonly effort = new Effort(),
  ) {
    this.stepsPerDay = people.reduce((sum, p) => sum + 1 + p.absences.length, 1);
    this.arrays = people.map(() => new Float64Array(0));
    this.ensure(initialDays);
  }

  get horizon(): number {
    return this.length;
  }

  dayAt(offset: number): Day {
    return this.origin + this.direction * offset;
  }

  /** Makes every array cover offsets [0, days). */
  ensure(days: number): void {
    if (days <= this.length) return;
    this.effort.spend(this.stepsPerDay * (days - this.length));
    const size = Math.max(days, Math.ceil(this.length * 1.5));
    const business = new Uint8Array(size);
    this.arrays = this.arrays.map((old, p) => {
      const grown = new Float64Array(size);
      grown.set(old);
      for (let d = this.length; d < size; d++) {
        grown[d] = hoursOn(this.people[p], this.dayAt(d));
        if (grown[d] > 0) business[d] = 1;
      }
      return grown;
    });
    const worked = new Int32Array(size + 1);
    worked.set(this.worked);
    for (let d = this.length; d < size; d++) worked[d + 1] = worked[d] + business[d];
    this.worked = worked;
    this.length = size;
  }

  /** Working days in [0, x); for x < 0, minus those in [x, 0). */
  private workedUpTo(x: number): number {
    if (x >= 0) {
      this.ensure(x);
      return this.worked[x];
    }
    let n = this.workedEarlier.get(x);
    if (n === undefined) {
      this.effort.spend(-x * this.stepsPerDay);
      n = 0;
      for (let d = x; d < 0; d++) if (this.people.some((p) => hoursOn(p, this.dayAt(d)) > 0)) n++;
      this.workedEarlier.set(x, n);
    }
    return -n;
  }

  /** A mirror image ending on `lastOffset`: offset 0 of the mirror is that day, counting backwards. */
  mirror(lastOffset: number, days: number): Calendar {
    return new Calendar(this.dayAt(lastOffset), this.people, days, -this.direction as 1 | -1, this.effort);
  }

  capacity(person: number): Float64Array {
    return this.arrays[person];
  }

  /** A day someone on staff works: lateness is counted in these days. */
  business(offset: number): boolean {
    return this.workedUpTo(offset + 1) > this.workedUpTo(offset);
  }

  /** Working days in (from, to]: how late a task that should end on `from` is when it ends on `to`. */
  businessDaysBetween(from: number, to: number): number {
    return to > from ? this.workedUpTo(to + 1) - this.workedUpTo(from + 1) : 0;
  }

  /** The first working day on or after an offset; the offset itself when nobody on staff works within the planning horizon. */
  nextBusinessDay(offset: number): number {
    for (let d = offset; d < offset + HORIZON_DAYS; d++) if (this.business(d)) return d;
    return offset;
  }
}
