// A client copy: the spreadsheet one client receives, as plain sheets. The adapter writes exactly these
// sheets, values and colours only, into a separate file shared with the client as a viewer.

import type { Day } from '../model/dates';
import type { SheetOutput } from '../model/output';
import type { Plan } from '../model/plan';
import type { ScheduleResult } from '../schedule/schedule';
import { clientViewSheet, copyTitle } from './table';
import { clientTimelineSheet } from './timeline';
import { clientView } from './view';

export interface ClientCopy {
  /** The client's name as the Clients sheet spells it. */
  client: string;
  /** The file's name. */
  title: string;
  /** Plan, then Timeline. */
  sheets: SheetOutput[];
  /** What this copy leaves out beyond what is never shown. */
  leftOut: string[];
}

export function clientCopy(plan: Plan, schedule: ScheduleResult, client: string, today: Day): ClientCopy {
  const view = clientView(plan, schedule, client, today);
  return {
    client: view.client,
    title: copyTitle(view.client),
    sheets: [clientViewSheet(view), clientTimelineSheet(plan, schedule, view)],
    leftOut: view.leftOut,
  };
}
