// Email through MailApp (the script.send_mail scope: it sends as the user and cannot read their
// mail). A message whose key (recipient and content) the Notifications sheet already records as sent
// is not sent again; the day's quota is checked first, and the quota (checked or met) stops the run
// with the rest kept for the next send.

import type { ChannelOutcome, StaffMail } from '../../api';
import { plural } from '../../model/numbers';
import { fingerprint } from '../../notify/fingerprint';
import { type Channel, type Notification, SENT } from '../../notify/record';
import { type Run, runSteps } from './notify-run';

export const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

export function mailKey(mail: StaffMail): string {
  return fingerprint(`${mail.to.toLowerCase()}\n${mail.subject}\n${mail.body}`);
}

/** Sends each mail not sent before; logs every one sent, failed or kept. */
export function sendMails(
  channel: Channel,
  mails: readonly StaffMail[],
  sent: ReadonlySet<string>,
  run: Run,
  log: Notification[],
): ChannelOutcome {
  const fresh = mails.filter((m) => !sent.has(mailKey(m)));
  let quota = fresh.length ? MailApp.getRemainingDailyQuota() : 0;
  const steps = fresh.map((mail) => ({
    to: mail.to,
    what: mail.subject,
    key: mailKey(mail),
    result: SENT,
    act: () => {
      const recipients = mail.to.split(',').length;
      if (quota < recipients) throw new Error('the day’s email quota is used up');
      MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body });
      quota -= recipients;
    },
  }));
  const { done, failed, stopped } = runSteps(channel, steps, run, log);
  const before = mails.length - fresh.length;
  return {
    channel,
    done: `${plural(done[SENT] ?? 0, 'email')} sent${before ? `, ${before} already sent before (not sent again)` : ''}.`,
    failed,
    ...(stopped ? { stopped } : {}),
  };
}
