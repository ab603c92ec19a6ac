// Sending, one call at a time, for every channel: each step done is logged; an error that only
// concerns its step (an address refused) is logged and the others go on; an error that would stop
// every later call too (a quota, the time limit) stops the run, and the steps not tried are logged
// "not sent", so the next send sends exactly those.

import type { Channel, Notification } from '../../notify/record';

export interface Step {
  /** What the Notifications row says: to whom, what, and the result when done. */
  to: string;
  what: string;
  key: string;
  result: string;
  act: () => void;
}

export interface Run {
  when: string;
  /** No call starts after this instant (ms): Apps Script stops a run at 6 minutes. */
  deadline: number;
  clock: () => number;
}

export interface Ran {
  /** How many steps ended with each result. */
  done: Record<string, number>;
  failed: string[];
  stopped?: string;
}

const STOP = /usage limits|rate limit|quota|too many times|out of time/i;

export function runSteps(channel: Channel, steps: readonly Step[], run: Run, log: Notification[]): Ran {
  const ran: Ran = { done: {}, failed: [] };
  for (const [i, step] of steps.entries()) {
    const row = (result: string) => log.push({ when: run.when, channel, to: step.to, what: step.what, result, key: step.key });
    let message = 'out of time (a run may take 6 minutes)';
    if (run.clock() <= run.deadline) {
      try {
        step.act();
        ran.done[step.result] = (ran.done[step.result] ?? 0) + 1;
        row(step.result);
        continue;
      } catch (error) {
        message = (error as Error).message.replace(/^API call to [\w.]+ failed with error: /, '');
      }
    }
    if (!STOP.test(message)) {
      row(`failed: ${message}`);
      ran.failed.push(`${step.what}: ${message}`);
      continue;
    }
    for (const rest of steps.slice(i))
      log.push({ when: run.when, channel, to: rest.to, what: rest.what, result: `not sent: ${message}`, key: rest.key });
    ran.stopped = `Stopped (${message}): ${steps.length - i} of ${steps.length} not sent, kept for the next try; sending again sends only those.`;
    break;
  }
  return ran;
}
