// Sales facts behind account managers' quotas: won projects and open proposals, each credited to an
// account manager, and the day each client became a client — which tells a new client from an
// existing account.
//
// Decisions:
// - A project counts as won when it has a Won On date and its Status is Won, Active, On Hold or Done
//   (work paused after signing was still sold). Won On on a Proposal or Lost project is not a sale.
// - The account manager is the project's own Account Manager, else its client's on the Clients sheet.
// - A client became a client on the earlier of its first Won On and Clients > Since (Since is ignored
//   for prospects): a firm's Projects sheet rarely holds its whole history, and a client "since 2024"
//   is not a new client in 2026. A sale is to an existing account when the client became a client
//   strictly before that sale's Won On; two projects won on a client's first day are both first work.

import type { Day } from '../model/dates';
import type { Plan } from '../model/plan';
import type { ClientRow, ProjectRow, ProjectStatus } from '../model/sheets';
import { nameKey } from '../model/work';
import { iso, named, rowRef } from './trace';

const WON: readonly ProjectStatus[] = ['Won', 'Active', 'On Hold', 'Done'];

export interface Sale {
  project: ProjectRow;
  wonOn: Day;
  value: number;
  accountManager?: string;
  /** How the account manager was found, when not from the project's own column. */
  managerSource?: string;
}

export interface Proposal {
  project: ProjectRow;
  accountManager?: string;
  managerSource?: string;
}

export interface ClientStart {
  client: string;
  day: Day;
  /** How the start is known, in words for notes. */
  source: string;
  /** Who is credited with the new client. */
  accountManager?: string;
}

export interface Accounts {
  /** Won projects with a Won On date, earliest first. */
  sales: Sale[];
  /** Open proposals (Status Proposal). */
  proposals: Proposal[];
  /** Client key → when it became a client; clients without won work or Since are absent. */
  starts: Map<string, ClientStart>;
  /** Projects that look won but have no Won On date, so no sales quota can count them. */
  undated: ProjectRow[];
}

export function isWon(project: ProjectRow): boolean {
  return project.wonOn !== undefined && WON.includes(project.status);
}

function managerOf(plan: Plan, project: ProjectRow, clients: Map<string, ClientRow>): { accountManager?: string; managerSource?: string } {
  if (project.accountManager) return { accountManager: project.accountManager };
  const client = clients.get(nameKey(project.client ?? ''));
  if (!client?.accountManager) return {};
  return {
    accountManager: client.accountManager,
    managerSource: `account manager from ${named(plan, client.client, 'Clients', client.row)}`,
  };
}

function clientStarts(plan: Plan, sales: readonly Sale[], clients: Map<string, ClientRow>): Map<string, ClientStart> {
  const starts = new Map<string, ClientStart>();
  for (const sale of sales) {
    const key = nameKey(sale.project.client ?? '');
    if (starts.has(key)) continue;
    starts.set(key, {
      client: sale.project.client,
      day: sale.wonOn,
      source: `first won project ${named(plan, sale.project.project, 'Projects', sale.project.row)}, won ${iso(sale.wonOn)}`,
      accountManager: sale.accountManager,
    });
  }
  for (const [key, client] of clients) {
    if (client.since === undefined || client.status === 'Prospect') continue;
    const first = starts.get(key);
    if (first && first.day <= client.since) continue;
    starts.set(key, {
      client: client.client,
      day: client.since,
      source: `client since ${iso(client.since)} (${rowRef(plan, 'Clients', client.row)})`,
      accountManager: client.accountManager ?? first?.accountManager,
    });
  }
  return starts;
}

export function accounts(plan: Plan): Accounts {
  const clients = new Map(plan.clients.filter((c) => c.client).map((c) => [nameKey(c.client), c]));
  const sales: Sale[] = [];
  const proposals: Proposal[] = [];
  const undated: ProjectRow[] = [];
  for (const project of plan.projects) {
    if (!project.project) continue;
    if (isWon(project)) {
      sales.push({ project, wonOn: project.wonOn as Day, value: project.value ?? 0, ...managerOf(plan, project, clients) });
    } else if (project.status === 'Proposal') {
      proposals.push({ project, ...managerOf(plan, project, clients) });
    } else if (project.wonOn === undefined && WON.includes(project.status)) {
      undated.push(project);
    }
  }
  sales.sort((a, b) => a.wonOn - b.wonOn || a.project.row - b.project.row);
  return { sales, proposals, starts: clientStarts(plan, sales, clients), undated };
}

/** The client's start, when it came strictly before the day: the client is then an existing account. */
export function existingBefore(accounts: Accounts, client: string, day: Day): ClientStart | undefined {
  const start = accounts.starts.get(nameKey(client));
  return start && start.day < day ? start : undefined;
}
