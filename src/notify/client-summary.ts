// The plain summary a client's contacts may get when their dates move: each of their tasks whose
// dates changed, before → after, and why in client words from a fixed list — never a person's name,
// a rate, a note or another client. The sidebar lists the moves; the server checks each against the
// sheets (the client's own shown work, real days, known reasons) and writes the words itself.

import type { ClientMove, ClientReason, ClientSummary, StaffMail } from '../api';
import { type Day, dayToIso, isoToDay } from '../model/dates';
import type { Plan } from '../model/plan';
import { nameKey } from '../model/work';
import type { CauseKind } from '../schedule/causes';
import type { Placement, TaskChange } from '../schedule/changes';
import { shownProjects, shownWork } from '../share/view';
import { daysText } from './agenda';

/** What a client reads for each reason. */
export const CLIENT_REASONS: Record<ClientReason, string> = {
  team: 'to fit our team’s availability',
  start: 'it now starts later',
  estimate: 'the work was re-estimated',
  follows: 'it follows work that moved',
  'other work': 'to fit our other commitments',
  plan: 'to keep the overall plan on time',
  new: 'newly planned',
  'to be confirmed': 'its dates are to be confirmed',
  paused: 'the project is paused',
  removed: 'no longer planned',
};

const FROM_CAUSE: Record<CauseKind, ClientReason> = {
  'not on staff': 'team',
  leaves: 'team',
  starts: 'team',
  skills: 'team',
  'time off': 'team',
  pin: 'team',
  start: 'start',
  hours: 'estimate',
  waits: 'follows',
  room: 'other work',
  replan: 'plan',
  new: 'new',
  unstaffable: 'to be confirmed',
  gone: 'removed',
};

const days = (p: Placement | undefined) =>
  p?.start === undefined ? undefined : { start: dayToIso(p.start), end: dayToIso(p.end ?? p.start) };

function reasonsOf(change: TaskChange): ClientReason[] {
  if (change.kind === 'paused') return ['paused'];
  if (change.kind === 'removed') return ['removed'];
  return [...new Set(change.causes.map((c) => FROM_CAUSE[c.kind]))];
}

/** Per client, the moves its contacts see (clients without any are left out). */
export function clientSummaries(changes: readonly TaskChange[]): ClientSummary[] {
  const byClient = new Map<string, ClientSummary>();
  for (const change of changes) {
    if (!change.clientSees || !change.client) continue;
    const summary = byClient.get(nameKey(change.client)) ?? { client: change.client, moves: [] };
    byClient.set(nameKey(change.client), summary);
    const move: ClientMove = { project: change.project, task: change.task, reasons: reasonsOf(change) };
    const before = days(change.before);
    const after = days(change.after);
    summary.moves.push({ ...move, ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }
  return [...byClient.values()];
}

const MAX_MOVES = 500;

function span(value: unknown): { start: Day; end: Day } | undefined {
  if (value === undefined || value === null) return undefined;
  const { start, end } = value as { start?: unknown; end?: unknown };
  const a = typeof start === 'string' ? isoToDay(start) : undefined;
  const b = typeof end === 'string' ? isoToDay(end) : undefined;
  if (a === undefined || b === undefined || b < a) throw new Error('a move’s days must be ISO dates, the end not before the start');
  return { start: a, end: b };
}

/**
 * The client's email, written from the sheets: each move must be a task of the client's own shown
 * projects (a task no longer in the sheets only under such a project), its days real days, its reasons
 * from the list. Throws, saying what is wrong, for anything else.
 */
export function clientMail(plan: Plan, summary: ClientSummary, recipients: readonly string[], copyUrl: string | undefined): StaffMail {
  const projects = new Map(shownProjects(plan, summary.client).map((p) => [nameKey(p.project), p.project]));
  const work = new Set(shownWork(plan, summary.client).map((i) => `${nameKey(i.project.project)}\n${nameKey(i.name)}`));
  const moves = Array.isArray(summary.moves) ? summary.moves : [];
  if (!moves.length || moves.length > MAX_MOVES) throw new Error(`between 1 and ${MAX_MOVES} moves are needed`);
  const byProject = new Map<string, string[]>();
  for (const move of moves) {
    const project = projects.get(nameKey(String(move?.project ?? '')));
    const task = String(move?.task ?? '').trim();
    if (!project || !task || task.length > 200)
      throw new Error(`"${String(move?.project).slice(0, 60)}" is not one of ${summary.client}’s projects`);
    const gone = !work.has(`${nameKey(project)}\n${nameKey(task)}`);
    const reasons = Array.isArray(move.reasons) ? move.reasons.filter((r) => r in CLIENT_REASONS) : [];
    if (gone && !reasons.some((r) => r === 'removed' || r === 'paused'))
      throw new Error(`"${task.slice(0, 60)}" is not a task of ${project}`);
    const before = span(move.before);
    const after = span(move.after);
    const near = plan.planStart;
    const now = after ? `now ${daysText(after.start, after.end, near)}` : 'no longer planned';
    const was = before ? ` (was ${daysText(before.start, before.end, near)})` : '';
    const why = reasons.length
      ? `: ${[...new Set(reasons)]
          .slice(0, 3)
          .map((r) => CLIENT_REASONS[r])
          .join('; ')}`
      : '';
    const lines = byProject.get(project) ?? [];
    byProject.set(project, [...lines, `• ${task}: ${now}${was}${why}.`]);
  }
  const body = [
    'Hello,',
    '',
    'Some dates in the plan for your projects with us have changed since we last shared it:',
    '',
    ...[...byProject].flatMap(([project, lines]) => [project, ...lines, '']),
    copyUrl ? `Your copy of the plan is up to date: ${copyUrl}` : 'We will share the updated plan with you.',
    '',
    'Reply to this message with any question.',
  ].join('\n');
  const count = moves.length;
  return { to: recipients.join(', '), subject: `Your project plan: ${count === 1 ? 'one date' : `${count} dates`} changed`, body };
}
