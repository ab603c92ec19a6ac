// GANTT(): in-sheet bars for people's own layouts. Against a header row of dates (days, weeks or
// months, any spacing), each header cell stands for the days up to the next header date.

import type { Day } from '../model/dates';

/** 1 where [start, end] overlaps the header cell's period, '' elsewhere. */
export function ganttRow(start: Day, end: Day, headers: readonly (Day | undefined)[]): (1 | '')[] {
  const days = headers.filter((d): d is Day => d !== undefined);
  const step = days.length > 1 ? Math.max(1, days[1] - days[0]) : 1;
  return headers.map((from, i) => {
    if (from === undefined) return '';
    const next = headers.slice(i + 1).find((d): d is Day => d !== undefined);
    const to = (next ?? from + step) - 1;
    return start <= to && end >= from ? 1 : '';
  });
}
