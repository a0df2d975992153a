/**
 * MailApp, with the day's quota read once (MailApp counts recipients, not messages) and kept
 * track of locally, so a run sends what fits and reports the rest.
 */
import type { Mail } from '../core/reminders-text';

const OUT_OF_QUOTA = /too many times for one day: email/i;

export class Mailer {
  private remaining: number | null = null;

  constructor(private readonly senderName: string) {}

  /** Whether a mail to `recipients` addresses fits in what is left of today's quota. */
  fits(recipients: number): boolean {
    if (this.remaining === null) this.remaining = MailApp.getRemainingDailyQuota();
    return recipients <= this.remaining;
  }

  /** Sends; false when the quota ran out after all (another script spent it meanwhile). */
  send(mail: Mail): boolean {
    try {
      MailApp.sendEmail({
        to: mail.to.join(','),
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
        name: this.senderName,
      });
    } catch (e) {
      if (OUT_OF_QUOTA.test(e instanceof Error ? e.message : String(e))) {
        this.remaining = 0;
        return false;
      }
      throw e;
    }
    this.remaining = (this.remaining ?? 0) - mail.to.length;
    return true;
  }
}
