import { describe, expect, it } from 'vitest';
import { generateFirm } from '../../examples/generate-firm';
import { dayOf, dayToIso, isoToDay } from '../../src/model/dates';
import { planSchedule } from '../../src/schedule/schedule';
import { clientColors, contrastWithBlack, MARK } from '../../src/timeline/colors';
import { ganttRow } from '../../src/timeline/gantt';
import { bucketWidth, DUE, MILESTONE } from '../../src/timeline/grid';
import { bucketCount, chooseScale } from '../../src/timeline/scale';
import { timelineSheet } from '../../src/timeline/sheet';
import { buildTimeline } from '../../src/timeline/views';
import { read, sample } from '../support/workbook';

const day = (iso: string) => isoToDay(iso) as number;
const TODAY = day('2026-11-24');

const planned = (() => {
  const { plan } = read(sample());
  return { plan, result: planSchedule(plan, { iterations: 40 }) };
})();

function column(grid: ReturnType<typeof buildTimeline>, iso: string): number {
  return grid.buckets.findIndex((b) => day(iso) >= b.start && day(iso) <= b.end);
}

describe('client colours', () => {
  it('are stable, distinct and readable, whatever is shown', () => {
    const clients = planned.plan.clients.map((c) => c.client);
    const once = clientColors(clients);
    const reversed = clientColors([...clients].reverse());
    expect(Object.fromEntries(once)).toEqual(Object.fromEntries(reversed));
    expect(new Set(once.values()).size).toBe(clients.length);
    for (const color of once.values()) expect(contrastWithBlack(color)).toBeGreaterThan(7);
    const all = buildTimeline(planned.plan, planned.result, { view: 'project', scale: 'week', today: TODAY });
    const one = buildTimeline(planned.plan, planned.result, {
      view: 'project',
      scale: 'week',
      today: TODAY,
      clients: ['Civic Arts Museum'],
    });
    const civic = (g: typeof all) => g.legend.find((l) => l.label === 'Civic Arts Museum')?.color;
    expect(civic(one)).toBe(civic(all));
    expect(one.rows.every((r) => r.kind !== 'project' || String(r.labels[1]).startsWith('Civic Arts Museum'))).toBe(true);
  });
});

describe('scale', () => {
  it('picks days for weeks of work, weeks for a year, months for years', () => {
    const scale = (from: string, to: string) => chooseScale('auto', day(from), day(to), 100, 5).scale;
    expect(scale('2027-01-04', '2027-03-31')).toBe('day');
    expect(scale('2027-01-04', '2027-12-31')).toBe('week');
    expect(scale('2027-01-04', '2029-12-31')).toBe('month');
  });

  it('switches to a coarser scale, and says so, when days would not fit', () => {
    expect(chooseScale('day', day('2027-01-01'), day('2028-06-30'), 600, 5)).toEqual({ scale: 'week', to: day('2028-06-30') });
    const firm = generateFirm({ staff: 40, tasks: 500, months: 18, seed: 3 });
    const { plan } = read(firm);
    const result = planSchedule(plan, { iterations: 0 });
    const grid = buildTimeline(plan, result, { view: 'project', scale: 'day', today: plan.planStart });
    expect(grid.scale).not.toBe('day');
    expect(grid.notes.join(' ')).toMatch(/Days would not fit on one sheet/);
    const cells = grid.rows.length * (grid.buckets.length + grid.labelHeaders.length);
    expect(cells).toBeLessThan(2_000_000);
    expect(bucketCount(grid.from, grid.to, grid.scale)).toBe(grid.buckets.length);
  });

  it("shows as many months as fit within Sheets' limits when even months would not, and says what to narrow", () => {
    const firm = generateFirm({ staff: 20, tasks: 200, months: 6, seed: 3 });
    const { plan } = read(firm);
    const result = planSchedule(plan, { iterations: 0 });
    const grid = buildTimeline(plan, result, {
      view: 'project',
      scale: 'auto',
      today: plan.planStart,
      from: day('1900-01-01'),
      to: day('2200-12-31'),
    });
    expect(grid.scale).toBe('month');
    expect(grid.from).toBe(day('1900-01-01'));
    expect(grid.buckets.length).toBeLessThanOrEqual(600); // fifty years: past that months stop being readable
    const columns = grid.buckets.length + grid.labelHeaders.length;
    expect(columns).toBeLessThanOrEqual(18_278);
    expect(grid.rows.length * columns).toBeLessThanOrEqual(2_000_000);
    expect(grid.buckets.at(-1)?.end).toBe(grid.to);
    expect(grid.notes.join(' ')).toContain(
      `Not even months up to 2200-12-31 fit on one sheet: this shows up to ${dayToIso(grid.to)}; narrow From and To.`,
    );
    // A range that fits is drawn whole, without the note.
    const fits = buildTimeline(plan, result, {
      view: 'project',
      scale: 'auto',
      today: plan.planStart,
      from: day('2026-01-01'),
      to: day('2030-12-31'),
    });
    expect(fits.to).toBe(day('2030-12-31'));
    expect(fits.notes.join(' ')).not.toContain('Not even months');
  });
});

describe('the project view', () => {
  const grid = buildTimeline(planned.plan, planned.result, { view: 'project', scale: 'day', today: TODAY });
  const row = (label: string) => grid.rows.find((r) => String(r.labels[0]).trim() === label);

  it('shades weekends and company holidays in day view', () => {
    const empty = row('Curator preview');
    const thanksgiving = column(grid, '2026-11-26');
    const saturday = column(grid, '2026-11-28');
    expect(empty?.cells[thanksgiving].color).toBe(MARK.nonWorking);
    expect(empty?.cells[saturday].color).toBe(MARK.nonWorking);
    expect(grid.legend.map((l) => l.label)).toContain('Nobody works');
  });

  it('marks milestones, due dates, late work and today', () => {
    // The review is a milestone on the day the storyboards it waits for are finished.
    const review = planned.result.tasks.find((t) => t.task === 'Curator review');
    const storyboards = planned.result.tasks.find((t) => t.task === 'Content storyboards');
    expect(review?.start).toBe(storyboards?.end);
    expect(row('Curator review')?.cells[column(grid, dayToIso(review?.start ?? 0))].value).toBe(MILESTONE);
    const furniture = row('Order booth furniture and power');
    expect(furniture?.cells[column(grid, '2026-12-04')].value).toBe(DUE);
    const late = planned.result.tasks.find((t) => t.lateDays > 0 && t.state === 'planned');
    if (late) {
      const lateRow = row(late.task);
      expect(lateRow?.cells[column(grid, `${new Date(late.end * 86400000).toISOString().slice(0, 10)}`)].color).toBe(MARK.late);
    }
    expect(grid.todayColumn).toBe(column(grid, '2026-11-24'));
    expect(row('Curator preview')?.cells[grid.todayColumn].color).toBe(MARK.today);
  });

  it('shows the hours worked each day in the client’s colour, and pauses paler', () => {
    const install = planned.result.tasks.find((t) => t.task === 'Install booth');
    const installRow = row('Install booth');
    const first = column(grid, new Date((install?.start ?? 0) * 86400000).toISOString().slice(0, 10));
    expect(installRow?.cells[first].value).toBe(install?.daily[0]);
    expect(installRow?.cells[first].color).toBe(clientColors(planned.plan.clients.map((c) => c.client)).get('Helios Energy'));
  });
});

describe('the people view', () => {
  it('says who is on what each day, and the load against capacity', () => {
    const grid = buildTimeline(planned.plan, planned.result, { view: 'person', scale: 'day', today: TODAY, people: ['Priya Shah'] });
    expect(grid.rows.map((r) => r.kind)).toEqual(['person', 'load']);
    const [on, load] = grid.rows;
    const monday = column(grid, '2026-11-23');
    const task = planned.result.tasks.find((t) => t.crew.some((c) => c.name === 'Priya Shah') && t.start === day('2026-11-23'));
    // The project's name, or its initials (full in the note) where the run of days is too short for it.
    const shown = on.cells[monday];
    expect(shown.note === undefined ? shown.value : shown.note).toBe(task?.project);
    // A day is too narrow for "7.5/8": the hours booked show, the working hours in a note where they differ.
    const hours = load.cells[monday];
    expect(hours.value).toEqual(expect.any(Number));
    if (hours.value !== 8) expect(hours.note).toBe(`${hours.value} of 8 working hours booked`);
    // Priya works Mon–Thu: Friday is her day off.
    expect(load.cells[column(grid, '2026-11-27')].color).toBe(MARK.nonWorking);
  });

  it('flags over-allocation', () => {
    const result = structuredClone(planned.result);
    const task = result.tasks.find((t) => t.crew.some((c) => c.name === 'Dev Patel') && t.daily.length > 0);
    if (!task) throw new Error('Dev has work');
    task.daily = task.daily.map((h) => h + 20);
    const grid = buildTimeline(planned.plan, result, { view: 'person', scale: 'day', today: TODAY, people: ['Dev Patel'] });
    expect(grid.rows[1].cells[column(grid, new Date(task.start * 86400000).toISOString().slice(0, 10))].color).toBe(MARK.overbooked);
  });
});

describe('readable at every scale', () => {
  it('flags a task’s own due date only, in every scale; the project’s due date is on the project’s row', () => {
    for (const scale of ['day', 'week', 'month'] as const) {
      const grid = buildTimeline(planned.plan, planned.result, { view: 'project', scale, today: TODAY });
      const due = column(grid, '2027-01-06'); // Helios CES Booth is due 6 Jan; few of its tasks have a Due
      const booth = grid.rows.findIndex((r) => r.kind === 'project' && r.labels[0] === 'Helios CES Booth');
      expect(grid.rows[booth].cells[due].value, scale).toBe(DUE);
      const tasks = grid.rows.slice(
        booth + 1,
        grid.rows.findIndex((r, i) => i > booth && r.kind === 'project'),
      );
      const flagged = tasks.filter((r) => r.cells.some((c) => String(c.value ?? '').includes(DUE))).map((r) => String(r.labels[0]).trim());
      // Only tasks with a Due of their own (a milestone's ◆ may cover its flag), never the rest of the project.
      expect(flagged, scale).toContain('Order booth furniture and power');
      expect(
        flagged.filter((t) => t !== 'Booth ready' && t !== 'Order booth furniture and power'),
        scale,
      ).toEqual([]);
    }
  });

  it('keeps day cells to what fits a day column: the hours, or the flag with the hours in a note', () => {
    const grid = buildTimeline(planned.plan, planned.result, { view: 'project', scale: 'day', today: TODAY });
    const furniture = grid.rows.find((r) => String(r.labels[0]).trim() === 'Order booth furniture and power');
    const dueDay = furniture?.cells[column(grid, '2026-12-04')];
    expect(dueDay?.value).toBe(DUE);
    const tooLong = grid.rows.flatMap((row) => row.cells.filter((cell) => String(cell.value ?? '').length > 4).map((cell) => cell.value));
    expect(tooLong).toEqual([]);
    expect(grid.buckets[0].label).toBe('23');
    expect(grid.buckets[0].group).toBe('Nov 2026');
  });

  it('names who is on what once a run, never cut to one letter: the full name in each note', () => {
    for (const scale of ['day', 'week'] as const) {
      const grid = buildTimeline(planned.plan, planned.result, { view: 'person', scale, today: TODAY });
      const width = bucketWidth(scale, grid.rows);
      for (const row of grid.rows.filter((r) => r.kind === 'person')) {
        row.cells.forEach((cell, i) => {
          if (typeof cell.value !== 'string') return;
          let run = 1;
          while (row.cells[i + run] && row.cells[i + run].value === null && row.cells[i + run].color === cell.color) run++;
          // In full where the run has room for it (about 7 px a letter), else initials of 2 or 3 letters with the name in the note.
          if (cell.note === undefined) expect(cell.value.length * 7, cell.value).toBeLessThanOrEqual(run * width);
          else expect(cell.value, cell.note).toMatch(/^\p{L}{2,3}(\+\d+)?$/u);
        });
      }
    }
  });
});

describe('the sheet', () => {
  it('sizes date columns to their dates, says today is today in every scale, and gives each legend entry its room', () => {
    for (const scale of ['day', 'week', 'month'] as const) {
      const grid = buildTimeline(planned.plan, planned.result, { view: 'project', scale, today: TODAY });
      const sheet = timelineSheet(grid, '2026-11-24');
      const widths = sheet.columnWidths ?? [];
      const shown = scale === 'month' ? 'Dec 14 2026' : '14 Dec';
      // Start, End and Due: each at least as wide as its dates as shown (about 7 px a character).
      for (const c of [2, 3, 4]) expect(widths[c], scale).toBeGreaterThanOrEqual(shown.length * 7);
      const header = (sheet.frozenRows ?? 0) - 1;
      const note = sheet.notes?.[header]?.[grid.labelHeaders.length + grid.todayColumn];
      expect(note, scale).toMatch(/^Today, Tue 24 Nov 2026/);
      if (scale === 'week') expect(note).toBe('Today, Tue 24 Nov 2026: this column is the week starting Mon 23 Nov.');
      if (scale === 'month') expect(note).toBe('Today, Tue 24 Nov 2026: this column is Nov 2026.');
      // Every entry is there, in order, on as many rows as it takes, each with room for its words.
      const legend = sheet.values.slice(1, header - 1);
      expect(legend.flat().filter((v) => v !== null)).toEqual(['Legend', ...grid.legend.map((e) => e.label)]);
      for (const row of legend) {
        const starts = row.flatMap((v, i) => (v && i > 0 ? [i] : []));
        starts.forEach((at, k) => {
          const label = String(row[at]);
          const room = widths.slice(at, starts[k + 1] ?? widths.length).reduce((sum, w) => sum + w, 0);
          expect(room, `${scale}: ${label}`).toBeGreaterThanOrEqual(label.length * 6);
        });
      }
    }
  });

  it('shows today on a timeline drawn without dates, even when the plan starts next week', () => {
    const friday = day('2026-11-20');
    for (const scale of ['day', 'week'] as const) {
      const grid = buildTimeline(planned.plan, planned.result, { view: 'project', scale, today: friday });
      expect(grid.from, scale).toBeLessThanOrEqual(friday);
      expect(grid.buckets[grid.todayColumn].start, scale).toBeLessThanOrEqual(friday);
      expect(grid.buckets[grid.todayColumn].end, scale).toBeGreaterThanOrEqual(friday);
    }
    // A month over a single week drops its year rather than be cut.
    const weeks = timelineSheet(
      buildTimeline(planned.plan, planned.result, { view: 'project', scale: 'week', today: TODAY, from: day('2026-11-30') }),
      '2026-11-24',
    );
    expect(weeks.values[(weeks.frozenRows ?? 0) - 2].filter((v) => v !== null)).toEqual([
      'Nov',
      'Dec 2026',
      'Jan 2027',
      'Feb 2027',
      'Mar 2027',
      'Apr 2027',
    ]);
    // Asked for dates, it draws those.
    const asked = buildTimeline(planned.plan, planned.result, { view: 'project', scale: 'day', today: friday, from: day('2026-11-23') });
    expect(asked.todayColumn).toBe(-1);
  });

  it('widens the columns to the hours they show, so no number is cut', () => {
    for (const scale of ['day', 'week', 'month'] as const) {
      const grid = buildTimeline(planned.plan, planned.result, { view: 'person', scale, today: TODAY });
      const sheet = timelineSheet(grid, '2026-11-24');
      const width = (sheet.columnWidths ?? [])[grid.labelHeaders.length];
      const loads = grid.rows.filter((r) => r.kind === 'load').flatMap((r) => r.cells.map((c) => String(c.value ?? '')));
      const widest = loads.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (scale !== 'day') expect(widest, scale).toMatch(/^\d+(\.\d)?\/\d+(\.\d)?$/);
      expect(width, `${scale}: ${widest}`).toBeGreaterThanOrEqual(widest.length * 7);
    }
  });

  it('freezes labels and headers and carries a legend', () => {
    const grid = buildTimeline(planned.plan, planned.result, { view: 'project', scale: 'week', today: TODAY });
    const sheet = timelineSheet(grid, '2026-11-21');
    expect(sheet.name).toBe('Timeline');
    expect(sheet.frozenRows).toBe(4);
    expect(sheet.frozenColumns).toBe(grid.labelHeaders.length);
    expect(sheet.values[1]).toContain('Helios Energy');
    expect(sheet.values.every((r) => r.length === sheet.values[0].length)).toBe(true);
    expect(sheet.backgrounds).toHaveLength(sheet.values.length);
  });
});

describe('GANTT', () => {
  it('marks days, weeks or months of a header row', () => {
    const days = [0, 1, 2, 3, 4].map((i) => dayOf(2027, 1, 4) + i);
    expect(ganttRow(day('2027-01-05'), day('2027-01-06'), days)).toEqual(['', 1, 1, '', '']);
    const weeks = [0, 7, 14, 21].map((i) => dayOf(2027, 1, 4) + i);
    expect(ganttRow(day('2027-01-10'), day('2027-01-12'), weeks)).toEqual([1, 1, '', '']);
    const months = [dayOf(2027, 1, 1), dayOf(2027, 2, 1), dayOf(2027, 3, 1)];
    expect(ganttRow(day('2027-02-27'), day('2027-03-02'), months)).toEqual(['', 1, 1]);
  });
});
