// The email each person gets when the plan is published: what changed for them (work added, taken
// off them or moved, and on the projects they manage), why, then their coming weeks.

import type { StaffMail } from '../api';
import type { Day } from '../model/dates';
import { plural } from '../model/numbers';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import type { Placement, TaskChange } from '../schedule/changes';
import { type AgendaItem, type AgendaWindow, daysText, staffEmails } from './agenda';

function when(p: Placement | undefined, near: Day): string {
  if (!p || p.start === undefined) return 'not staffed';
  return daysText(p.start, p.end ?? p.start, near);
}

const why = (change: TaskChange) => change.causes.map((c) => c.text).join('; ');
const where = (location: string | undefined) => (location ? ` at ${location}` : '');

/** One line of a person's own changes. */
function ownLine(change: TaskChange, role: string, near: Day, location: string | undefined): string {
  const what = `${change.project} / ${change.task}`;
  if (role === 'removed') return `${what}: you are no longer on it (was ${when(change.before, near)}). Why: ${why(change)}.`;
  if (role === 'added') return `${what}: you are now on it, ${when(change.after, near)}${where(location)}. Why: ${why(change)}.`;
  if (!change.after) return `${what}: ${change.kind} (was ${when(change.before, near)}). Why: ${why(change)}.`;
  return `${what}: now ${when(change.after, near)}${where(location)} (was ${when(change.before, near)}). Why: ${why(change)}.`;
}

function managedLine(change: TaskChange, near: Day): string {
  const crew = (p: Placement | undefined) => (p?.crew.length ? p.crew.join(', ') : 'nobody');
  const after = change.after ? `${crew(change.after)}, ${when(change.after, near)}` : change.kind;
  const before = change.before ? `${crew(change.before)}, ${when(change.before, near)}` : 'new';
  return `${change.project} / ${change.task}: ${after} (was ${before}). Why: ${why(change)}.`;
}

function agendaLine(item: AgendaItem, name: string, near: Day): string {
  const { task } = item;
  const others = task.crew.filter((c) => nameKey(c.name) !== nameKey(name)).map((c) => c.name);
  const parts = [
    daysText(task.start, task.end, near),
    `${task.project} / ${task.task}`,
    item.location ?? 'location not set',
    others.length ? `with ${others.join(', ')}` : 'on your own',
    item.projectManager ? `PM ${item.projectManager}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

const bulleted = (lines: readonly string[]) => lines.map((l) => `• ${l}`);

/**
 * A mail to each person with an Email on Staff whose work changed (or, for the first plan published,
 * who has work in the coming weeks): their changes with the reasons, changes on projects they manage,
 * then their agenda. `changes` is undefined for the first plan.
 */
export function staffMails(
  plan: Plan,
  changes: readonly TaskChange[] | undefined,
  items: readonly AgendaItem[],
  window: AgendaWindow,
): StaffMail[] {
  const emails = staffEmails(plan);
  const near = plan.planStart;
  const locations = new Map(items.map((i) => [i.task.key, i.location]));
  const mails: StaffMail[] = [];
  for (const person of plan.staff) {
    const to = emails.get(nameKey(person.name));
    if (!to) continue;
    const me = nameKey(person.name);
    const mine = items.filter((i) => i.task.crew.some((c) => nameKey(c.name) === me));
    const roleIn = (c: TaskChange) => c.tell.find((r) => nameKey(r.name) === me)?.role;
    const own = (changes ?? []).filter((c) => ['added', 'removed', 'moved'].includes(roleIn(c) ?? ''));
    const managed = (changes ?? []).filter((c) => roleIn(c) === 'project manager');
    if (changes ? !own.length && !managed.length : !mine.length) continue;
    const lines = [`Hello ${person.name.split(' ')[0]},`, ''];
    if (own.length)
      lines.push('What changed for you:', ...bulleted(own.map((c) => ownLine(c, roleIn(c) as string, near, locations.get(c.key)))), '');
    if (managed.length) lines.push('On the projects you manage:', ...bulleted(managed.map((c) => managedLine(c, near))), '');
    lines.push(
      `Your next ${plural(window.weeks, 'week')}:`,
      ...(mine.length ? bulleted(mine.map((i) => agendaLine(i, person.name, near))) : ['Nothing planned for you.']),
    );
    const count = own.length + managed.length;
    const subject = changes
      ? `Schedule changes: ${plural(count, 'change')} for you`
      : `Your schedule for the next ${plural(window.weeks, 'week')}`;
    mails.push({ to, subject, body: lines.join('\n') });
  }
  return mails;
}
