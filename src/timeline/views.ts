// Either timeline, as the Timeline panel asks for it.

import type { Plan } from '../model/plan';
import type { ScheduleResult } from '../schedule/schedule';
import type { TimelineGrid, TimelineOptions, View } from './grid';
import { peopleTimeline } from './people';
import { projectTimeline } from './projects';

export function buildTimeline(plan: Plan, result: ScheduleResult, options: TimelineOptions & { view: View }): TimelineGrid {
  return (options.view === 'project' ? projectTimeline : peopleTimeline)(plan, result, options);
}
