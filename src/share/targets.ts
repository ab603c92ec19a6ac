// Who a client's copy is shared with: the client's Contact Email(s) from the Clients sheet, and
// nothing else. A client without a valid address gets no copy, with the reason and its cell.

import type { Plan } from '../model/plan';
import { problemAt } from '../model/plan';
import { formatProblem, type Problem } from '../model/problems';
import { nameKey } from '../model/work';

export interface ShareTarget {
  client: string;
  /** Lower-cased, each once. Empty when the client cannot be shared with. */
  emails: string[];
  /** Why the client cannot be shared with, with the cell to fix. */
  reason?: string;
}

const address = (p: Pick<Problem, 'sheet' | 'cell'>) => `${p.sheet}!${p.cell}`;

/** "Clients!C5" → that client's Contact Email cell; empty when the sheet has no such column. */
function contactCells(plan: Plan): Map<string, string> {
  if (!plan.layout.Clients?.columns.contactEmail) return new Map();
  return new Map(plan.clients.map((c) => [address(problemAt(plan, 'Clients', 'contactEmail', c.row, '')), c.client]));
}

/**
 * Errors that stop sharing. A bad Contact Email only stops its own client's copy, so those are left
 * to shareTargets.
 */
export function blockingProblems(plan: Plan, problems: readonly Problem[]): Problem[] {
  const cells = contactCells(plan);
  return problems.filter((p) => p.severity === 'error' && !cells.has(address(p)));
}

export function shareTargets(plan: Plan, problems: readonly Problem[]): ShareTarget[] {
  const cells = contactCells(plan);
  const badCells = new Map(problems.filter((p) => p.severity === 'error' && cells.has(address(p))).map((p) => [address(p), p]));
  return plan.clients.map((c) => {
    const cell = address(problemAt(plan, 'Clients', 'contactEmail', c.row, ''));
    const bad = badCells.get(cell);
    if (bad) return { client: c.client, emails: [], reason: `${formatProblem(bad)}. Fix the address to share.` };
    const emails = [...new Set((c.contactEmail ?? []).map((e) => e.toLowerCase()))];
    if (emails.length) return { client: c.client, emails };
    const reason = cells.size
      ? `${cell}: no Contact Email. Add the client's address to share.`
      : `${plan.layout.Clients?.tab ?? 'Clients'}: no Contact Email column. Add one with the client's address to share.`;
    return { client: c.client, emails, reason };
  });
}

export function targetOf(targets: readonly ShareTarget[], client: string): ShareTarget | undefined {
  return targets.find((t) => nameKey(t.client) === nameKey(client));
}
