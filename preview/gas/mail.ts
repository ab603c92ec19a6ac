// In-memory MailApp: what a script sends, kept for the preview's Outbox and for tests, with Google's
// rules where Crewsheet depends on them: a daily quota counted in recipients (100 for a consumer
// account), "Invalid email: …" for an address it cannot send to, and the quota error once the day's
// recipients are used up.

import type { FakeAuthorization } from './authorization';
import { MAIL_SCOPE } from './authorization';

export interface SentMail {
  to: string[];
  subject: string;
  body: string;
}

const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export class FakeMail {
  readonly sent: SentMail[] = [];
  /** Every call, e.g. "MailApp.sendEmail". */
  readonly calls: string[] = [];
  /** Recipients the script may still send to today. */
  remaining = 100;
  /**
   * What getRemainingDailyQuota answers, when it differs from what is left: Google says the value is
   * valid for the current execution and may vary, so a send can still meet the quota error.
   */
  reported?: number;

  constructor(
    private readonly restricted: { on: boolean },
    private readonly auth: FakeAuthorization,
  ) {}

  private enter(method: string): void {
    if (this.restricted.on) throw new Error(`You do not have permission to call ${method}`);
    this.auth.need(MAIL_SCOPE);
    this.calls.push(method);
  }

  readonly service = {
    getRemainingDailyQuota: (): number => {
      this.enter('MailApp.getRemainingDailyQuota');
      return this.reported ?? this.remaining;
    },
    sendEmail: (...args: unknown[]): void => {
      this.enter('MailApp.sendEmail');
      const message =
        typeof args[0] === 'object' && args[0] !== null
          ? (args[0] as { to?: string; subject?: string; body?: string })
          : { to: args[0] as string, subject: args[1] as string, body: args[2] as string };
      const to = String(message.to ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (!to.length) throw new Error('Failed to send email: no recipient');
      const invalid = to.find((a) => !ADDRESS.test(a));
      if (invalid !== undefined) throw new Error(`Invalid email: ${invalid}`);
      if (to.length > this.remaining) throw new Error('Service invoked too many times for one day: email.');
      this.remaining -= to.length;
      this.sent.push({ to, subject: String(message.subject ?? ''), body: String(message.body ?? '') });
    },
  };
}
