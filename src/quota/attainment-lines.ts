// The words of the lines behind each attainment figure, for the Attainment sheet's notes and the
// Quotas panel: which rows counted, how much, and why others did not.

import type { Day } from '../model/dates';
import type { ProjectRow } from '../model/sheets';
import type { DeliveryMetric, Lines, Scope } from './attainment';
import { deliveryVerdict } from './delivery';
import { loggedLine } from './hours';
import { iso, named } from './trace';
import { formatFigure, formatPercent } from './units';

const money = (s: Scope, amount: number) => formatFigure(amount, 'money', s.facts.plan.settings.currency);
const project = (s: Scope, p: ProjectRow) => named(s.facts.plan, p.project, 'Projects', p.row);
const value = (s: Scope, p: ProjectRow) => (p.value === undefined ? `${money(s, 0)} (no Value)` : money(s, p.value));
const closing = (s: Scope, p: ProjectRow) => `${project(s, p)}: open proposal closing ${iso(p.expectedClose as Day)}`;
const due = (p: ProjectRow) => (p.due === undefined ? '' : `, due ${iso(p.due)}`);
/** Delivered Value lines end with the project's value. */
const valueSuffix = (s: Scope, metric: DeliveryMetric, p: ProjectRow) => (metric === 'Delivered Value' ? `, ${value(s, p)}` : '');

export const ATTAINMENT_LINES: Lines = {
  sale: (s, sale, existing) =>
    `${project(s, sale.project)}: won ${iso(sale.wonOn)}, ${value(s, sale.project)}${sale.managerSource ? `; ${sale.managerSource}` : ''}${existing ? `; existing account: ${existing.source}` : ''}`,
  notExpansion: (s, sale) => `${ATTAINMENT_LINES.sale(s, sale)}: not expansion, the first work for ${sale.project.client}`,
  undatedSale: (s, p) => `${project(s, p)}: ${p.status} but no Won On date, so no period counts it`,
  noClose: (s, p) => `${project(s, p)}: open proposal, ${value(s, p)}, without an Expected Close: not projected`,
  stillOpen: (s, p) => `${closing(s, p)}, still open when the period ended: not counted`,
  newToFirm: (s, p) => `${closing(s, p)}: ${p.client} would be a new client, not expansion`,
  noProbability: (s, p) => `${closing(s, p)}, ${value(s, p)}, has no Probability: not projected (add one to count it)`,
  weighted: (s, p, amount) => {
    const late = (p.expectedClose as Day) < s.asOf ? ' (its Expected Close has passed)' : '';
    return `${closing(s, p)}${late}, ${value(s, p)} × ${formatPercent(p.probability as number)} = ${money(s, amount)}`;
  },
  newClient: (_, start) => `${start.client}: new client, ${start.source}`,
  prospectNoProbability: (s, p) =>
    `${project(s, p)}: open proposal to ${p.client} without a Probability: not projected (add one to count it)`,
  prospectPart: (s, p) => `${project(s, p)} closing ${iso(p.expectedClose as Day)}, ${formatPercent(p.probability as number)}`,
  prospect: (_, client, parts, chance) =>
    `${client}: would be a new client — ${parts.join('; ')}${parts.length > 1 ? `; at least one won: ${formatPercent(chance)}` : ''}`,
  doneUnjudged: (s, d) => `${project(s, d.project)}: done ${iso(d.doneOn)}, no Due date: not judged on time or late`,
  delivery: (s, metric, d) =>
    `${project(s, d.project)}: done ${iso(d.doneOn)}, due ${iso(d.project.due as Day)}: ${deliveryVerdict(d)}${valueSuffix(s, metric, d.project)}`,
  undatedDelivery: (s, p) => `${project(s, p)}: Done but no Done On date, so no period counts it`,
  onHold: (s, p) => `${project(s, p)}${due(p)}: On Hold, so not planned: not projected`,
  noWorkLeft: (s, p) => `${project(s, p)}${due(p)}: no work left in the plan, yet no Done On date: not projected`,
  cannotStaff: (s, p, unstaffable) => `${project(s, p)}${due(p)}: the plan cannot staff ${unstaffable.join(', ')}: not projected to finish`,
  finishesLate: (s, p, finish) => `${project(s, p)}${due(p)}: the plan finishes ${iso(finish)}, after the period: late`,
  finishUnjudged: (s, p, finish) => `${project(s, p)}: the plan finishes ${iso(finish)}, no Due date: not judged`,
  finish: (s, metric, p, finish) => {
    const verdict = finish <= (p.due as Day) ? 'on time' : `${finish - (p.due as Day)} days after its Due`;
    return `${project(s, p)}${due(p)}: the plan finishes ${iso(finish)}, ${verdict}${valueSuffix(s, metric, p)}`;
  },
  logged: (s, work) => loggedLine(s.facts.plan, work),
  undatedTask: (s, t) =>
    `${named(s.facts.plan, `${t.project} / ${t.task}`, 'Tasks', t.row)}: Done but no Done On date, so no period counts it`,
  booked: (s, task, hours) =>
    `${named(s.facts.plan, `${task.project} / ${task.task}`, task.source.sheet, task.source.row)}: ${formatFigure(hours, 'hours', '')} planned from ${iso(task.start)}`,
  ended: (s, c) => `${c.line}: the period ended ${iso(s.period.to)}`,
};
