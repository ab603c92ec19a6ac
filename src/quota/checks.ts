// Problems only quotas reveal, each at its cell: a rate target over 100% (an error), and warnings for
// an owner the metric never credits (usually a misspelt name), a quota listed twice, and rows a quota
// has to leave out for a missing date or probability.

import { type Plan, problemAt } from '../model/plan';
import { type Problem, quote } from '../model/problems';
import type { Metric, QuotaRow } from '../model/sheets';
import { nameKey } from '../model/work';
import { accounts } from './accounts';
import { quotaTarget } from './attainment';
import { METRIC_UNITS } from './units';

type Role = 'account manager' | 'project manager' | 'staff';

const ROLES: Record<Metric, Role> = {
  Revenue: 'account manager',
  'Expansion Revenue': 'account manager',
  'New Clients': 'account manager',
  'On-Time Projects': 'project manager',
  'On-Time Rate': 'project manager',
  'Delivered Value': 'project manager',
  'Billable Hours': 'staff',
};

const UNKNOWN_OWNER: Record<Role, string> = {
  'account manager': 'is not the Account Manager of any project or client, so this quota counts nothing',
  'project manager': 'is not the Project Manager of any project, so this quota counts nothing',
  staff: 'is not on the Staff sheet, so this quota counts no hours',
};

function keys(names: readonly (string | undefined)[]): Set<string> {
  return new Set(names.filter((n): n is string => Boolean(n)).map(nameKey));
}

/** Rows a quota is computed for. */
const counted = (q: QuotaRow) => Boolean(q.owner && q.metric && q.period && q.target > 0);

/** A rate target over 100%: the one quota problem that stops ATTAINMENT (the rest are warnings). */
function rateTargetProblem(plan: Plan, q: QuotaRow): Problem | undefined {
  if (!counted(q) || METRIC_UNITS[q.metric] !== 'rate' || quotaTarget(q) <= 1) return undefined;
  return problemAt(plan, 'Quotas', 'target', q.row, `an ${q.metric} target is a share of projects, up to 100% (e.g. 90%), got ${q.target}`);
}

function quotaRowProblems(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const people: Record<Role, Set<string>> = {
    'account manager': keys([...plan.projects.map((p) => p.accountManager), ...plan.clients.map((c) => c.accountManager)]),
    'project manager': keys(plan.projects.map((p) => p.projectManager)),
    staff: keys(plan.staff.map((s) => s.name)),
  };
  const seen = new Map<string, number>();
  for (const q of plan.quotas) {
    if (!counted(q)) continue;
    const rate = rateTargetProblem(plan, q);
    if (rate) problems.push(rate);
    const role = ROLES[q.metric];
    const hasSheet = role === 'staff' ? plan.layout.Staff : plan.layout.Projects;
    if (hasSheet && !people[role].has(nameKey(q.owner))) {
      problems.push(problemAt(plan, 'Quotas', 'owner', q.row, `${quote(q.owner)} ${UNKNOWN_OWNER[role]}; check the spelling`, 'warning'));
    }
    const key = `${nameKey(q.owner)}\n${q.metric}\n${q.period.from}\n${q.period.to}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, q.row);
    else problems.push(problemAt(plan, 'Quotas', 'owner', q.row, `the same quota is listed twice (also row ${first})`, 'warning'));
  }
  return problems;
}

/** Owners (name keys) holding a quota of any of these metrics. */
function owners(plan: Plan, metrics: readonly Metric[]): Set<string> {
  return keys(plan.quotas.filter((q) => q.metric && metrics.includes(q.metric)).map((q) => q.owner));
}

function leftOutRows(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const sellers = owners(plan, ['Revenue', 'Expansion Revenue', 'New Clients']);
  const managers = owners(plan, ['On-Time Projects', 'On-Time Rate', 'Delivered Value']);
  const workers = owners(plan, ['Billable Hours']);
  const book = accounts(plan);
  const sold = (name: string | undefined) => name !== undefined && sellers.has(nameKey(name));
  for (const { project: p, accountManager } of book.proposals) {
    if (!sold(accountManager)) continue;
    if (p.probability === undefined) {
      problems.push(
        problemAt(
          plan,
          'Projects',
          'probability',
          p.row,
          'open proposal without a Probability: quota projections leave it out; add the chance of winning, e.g. 50%',
          'warning',
        ),
      );
    }
    if (p.expectedClose === undefined) {
      problems.push(
        problemAt(
          plan,
          'Projects',
          'expectedClose',
          p.row,
          'open proposal without an Expected Close: quota projections leave it out',
          'warning',
        ),
      );
    }
  }
  for (const p of book.undated) {
    if (sold(p.accountManager)) {
      problems.push(
        problemAt(plan, 'Projects', 'wonOn', p.row, `${p.status} project without a Won On date: sales quotas cannot count it`, 'warning'),
      );
    }
  }
  for (const p of plan.projects) {
    if (!p.projectManager || !managers.has(nameKey(p.projectManager))) continue;
    if (p.status === 'Done' && p.doneOn === undefined) {
      problems.push(
        problemAt(plan, 'Projects', 'doneOn', p.row, 'Done project without a Done On date: on-time quotas cannot count it', 'warning'),
      );
    }
    if (p.doneOn !== undefined && p.due === undefined) {
      problems.push(
        problemAt(plan, 'Projects', 'due', p.row, 'delivered project without a Due date: on-time quotas cannot judge it', 'warning'),
      );
    }
  }
  for (const t of plan.tasks) {
    if (t.status === 'Done' && t.doneOn === undefined && (t.assignee ?? []).some((n) => workers.has(nameKey(n)))) {
      problems.push(
        problemAt(plan, 'Tasks', 'doneOn', t.row, 'Done task without a Done On date: Billable Hours quotas cannot count it', 'warning'),
      );
    }
  }
  return problems;
}

/** Everything the Quotas panel reports about quotas: rate targets over 100%, then warnings. */
export function quotaProblems(plan: Plan): Problem[] {
  return [...quotaRowProblems(plan), ...leftOutRows(plan)];
}

/** What stops quotas from being computed (ATTAINMENT shows errors only, so it needs no more). */
export function quotaErrors(plan: Plan): Problem[] {
  return plan.quotas.flatMap((q) => rateTargetProblem(plan, q) ?? []);
}
