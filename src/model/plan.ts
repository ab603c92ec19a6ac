// The validated workbook every feature starts from.

import type { Day } from './dates';
import { a1, type Problem, type Severity } from './problems';
import type { SettingsValues } from './settings';
import type { ClientRow, CostRow, ProjectRow, QuotaRow, StaffRow, TaskRow, TemplateRow, TimeOffRow } from './sheets';

export type SheetName = 'Clients' | 'Staff' | 'TimeOff' | 'Projects' | 'Tasks' | 'Templates' | 'Costs' | 'Quotas' | 'Settings';

/** Where each sheet's fields sit: the sheet's actual tab name and each field's 1-based column. */
export interface SheetLayout {
  tab: string;
  columns: Record<string, number>;
}

export interface Plan {
  clients: ClientRow[];
  staff: StaffRow[];
  timeOff: TimeOffRow[];
  projects: ProjectRow[];
  tasks: TaskRow[];
  templates: TemplateRow[];
  costs: CostRow[];
  quotas: QuotaRow[];
  settings: SettingsValues;
  /** First day to plan: Settings > Plan Start, else today. */
  planStart: Day;
  today: Day;
  timeZone: string;
  /** The spreadsheet's locale, as dates typed as text were read (en_US: 12/14/2026). */
  locale: string;
  /** Sheets found in the workbook, with their column positions. */
  layout: Partial<Record<SheetName, SheetLayout>>;
}

/** A problem at a field of a parsed row, addressed through the sheet's actual layout. */
export function problemAt(
  plan: Pick<Plan, 'layout'>,
  sheet: SheetName,
  field: string,
  row: number,
  message: string,
  severity: Severity = 'error',
): Problem {
  const layout = plan.layout[sheet];
  const column = layout?.columns[field];
  return { severity, sheet: layout?.tab ?? sheet, cell: column ? a1(column, row) : `A${row}`, message };
}
