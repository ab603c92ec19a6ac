// Time to build the timeline grids and sheets for a 500-task, 12-month plan (the model only; writing
// takes one values write and one backgrounds write, counted in test/adapter).
//
//   npm run bench:timeline

import { generateFirm } from '../examples/generate-firm';
import { dayOf } from '../src/model/dates';
import { readWorkbook } from '../src/model/read';
import { planSchedule } from '../src/schedule/schedule';
import type { Scale } from '../src/timeline/scale';
import { timelineSheet } from '../src/timeline/sheet';
import { buildTimeline } from '../src/timeline/views';

const firm = generateFirm({ staff: 60, tasks: 500, months: 12, seed: 8 });
const { plan } = readWorkbook(firm, { timeZone: 'UTC', today: dayOf(2027, 1, 4) });
const result = planSchedule(plan, { iterations: 50 });
console.log(['view', 'scale asked', 'scale drawn', 'rows', 'columns', 'cells', 'seconds'].join('\t'));
for (const view of ['project', 'person'] as const) {
  for (const scale of ['day', 'week', 'auto'] as (Scale | 'auto')[]) {
    const t0 = performance.now();
    const grid = buildTimeline(plan, result, { view, scale, today: plan.planStart });
    const sheet = timelineSheet(grid, '2027-01-04');
    const seconds = (performance.now() - t0) / 1000;
    const columns = sheet.values[0].length;
    console.log([view, scale, grid.scale, sheet.values.length, columns, sheet.values.length * columns, seconds.toFixed(3)].join('\t'));
  }
}
