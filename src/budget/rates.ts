// Rate cards: what an hour of a crew costs the firm and what it is billed at. A named person brings
// their own Cost Rate and Bill Rate; where nobody is assigned yet (a proposal, paused or unstaffable
// work) each crew slot is priced at the median rate of the staff qualified for it. Without a Bill
// Rate an hour is priced at cost grossed up by the Target Margin: cost / (1 − margin).

import { type Plan, problemAt } from '../model/plan';
import { type Problem, quote } from '../model/problems';
import type { StaffRow } from '../model/sheets';
import { formatRequirement, type Requirement } from '../model/skills';
import { nameKey, type WorkItem } from '../model/work';
import { median } from './stats';

/** What one hour of a whole crew costs and is billed at (each member works the task's hours). */
export interface CrewRate {
  cost: number;
  price: number;
  /** How the rate was found, in words for notes: "Omar Haddad, Sam Whitaker" or "median of 3 qualified". */
  basis: string;
}

export class RateCard {
  private readonly byName: Map<string, StaffRow>;
  /** People already reported for a missing Cost Rate, so each is reported once. */
  private readonly reported = new Set<string>();
  readonly problems: Problem[] = [];

  constructor(private readonly plan: Plan) {
    this.byName = new Map(plan.staff.map((s) => [nameKey(s.name), s]));
  }

  private priceOf(person: StaffRow, cost: number): number {
    return person.billRate ?? cost / (1 - this.plan.settings.targetMargin);
  }

  /** Named people, as the plan assigned them (or as pinned): undefined when a name is not on Staff. */
  named(names: readonly string[], item: WorkItem): CrewRate | undefined {
    const people = names.map((n) => this.byName.get(nameKey(n)));
    if (people.length === 0 || people.some((p) => p === undefined)) return undefined;
    let cost = 0;
    let price = 0;
    for (const person of people as StaffRow[]) {
      if (person.costRate === undefined) this.missingCost(person, item);
      const rate = person.costRate ?? 0;
      cost += rate;
      price += this.priceOf(person, rate);
    }
    return { cost, price, basis: (people as StaffRow[]).map((p) => p.name).join(', ') };
  }

  /** Each crew slot at the median rates of the staff qualified for it (level or above). */
  qualified(requirements: readonly Requirement[], item: WorkItem): CrewRate {
    let cost = 0;
    let price = 0;
    const bases: string[] = [];
    for (const r of requirements) {
      const withRates = this.plan.staff.filter((s) => (s.skills?.skills.get(r.skill) ?? 0) >= r.level && s.costRate !== undefined);
      const pool = withRates.length ? withRates : this.plan.staff.filter((s) => s.costRate !== undefined);
      if (withRates.length === 0) this.noQualifiedRate(r, item, pool.length > 0);
      const slotCost = median(pool.map((s) => s.costRate as number)) || 0;
      const slotPrice = median(pool.map((s) => this.priceOf(s, s.costRate as number))) || 0;
      cost += slotCost * r.count;
      price += slotPrice * r.count;
      bases.push(`${formatRequirement(r)}: median of ${pool.length} ${withRates.length ? 'qualified' : 'on Staff'}`);
    }
    return { cost, price, basis: bases.join('; ') };
  }

  private missingCost(person: StaffRow, item: WorkItem): void {
    if (this.reported.has(nameKey(person.name))) return;
    this.reported.add(nameKey(person.name));
    const message = `Cost Rate is blank for ${person.name}, who works on ${quote(item.key)}; add what an hour of ${person.name} costs so the budget can count it`;
    this.problems.push(problemAt(this.plan, 'Staff', 'costRate', person.row, message));
  }

  private noQualifiedRate(r: Requirement, item: WorkItem, fallback: boolean): void {
    const key = `${r.skill}:${r.level}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const { sheet, row } = item.source;
    this.problems.push(
      fallback
        ? problemAt(
            this.plan,
            sheet,
            'skills',
            row,
            `no one qualified for ${formatRequirement({ ...r, count: 1 })} has a Cost Rate, so ${quote(item.key)} is costed at the median rate of all staff`,
            'warning',
          )
        : problemAt(
            this.plan,
            'Staff',
            'costRate',
            this.plan.staff[0]?.row ?? 2,
            'no one on Staff has a Cost Rate; add hourly costs so work can be priced',
          ),
    );
  }
}
