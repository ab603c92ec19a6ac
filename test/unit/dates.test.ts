// Day ↔ Date in every time zone, checked against Intl over 1970–2040: a sheet's dates land on their
// day even where clocks skip or repeat midnight for DST (Santiago, Havana, São Paulo…).

import { describe, expect, it } from 'vitest';
import { dateToDay, dayOf, dayToDate, dayToIso } from '../../src/model/dates';

/** Zones whose DST starts (or, in Gaza, ends) at midnight. */
const ZONES = ['America/Santiago', 'America/Havana', 'America/Sao_Paulo', 'America/Asuncion', 'Asia/Gaza'];

/** The calendar day an instant falls on in a zone, as Intl says. */
function intlDay(instant: number, format: Intl.DateTimeFormat): string {
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

describe.each(ZONES)('%s, every day from 1970 to 2040', (timeZone) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

  it('dayToDate gives the first instant of the day, and dateToDay reads it back', () => {
    const wrong: string[] = [];
    for (let day = dayOf(1970, 1, 1); day <= dayOf(2040, 12, 31); day++) {
      const start = dayToDate(day, timeZone).getTime();
      const iso = dayToIso(day);
      if (intlDay(start, format) !== iso || intlDay(start - 1000, format) === iso || dateToDay(new Date(start), timeZone) !== day) {
        wrong.push(iso);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('days where clocks skip or repeat midnight', () => {
  it('Santiago 2022-09-11 starts at 01:00, when clocks jump from midnight', () => {
    expect(dayToDate(dayOf(2022, 9, 11), 'America/Santiago').toISOString()).toBe('2022-09-11T04:00:00.000Z');
  });

  it('Gaza 2022-10-29 starts at its first midnight of two', () => {
    const start = dayToDate(dayOf(2022, 10, 29), 'Asia/Gaza');
    expect(dateToDay(new Date(start.getTime() - 1), 'Asia/Gaza')).toBe(dayOf(2022, 10, 28));
  });
});
