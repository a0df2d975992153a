/**
 * MailApp: sendEmail in all its overloads, into an outbox, with Apps Script's daily recipient quota
 * (100 for consumer accounts, counted over the last 24 hours), its per-message limits and its errors
 * for bad addresses. `MailState` is the host side that tests read and set.
 */
import { ServiceObject } from '../realm';
import { AppsScriptError } from '../errors';

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentMail {
  at: number;
  /** The account it was sent from: the user the execution runs as. */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  name?: string;
  subject: string;
  body: string;
  htmlBody?: string;
}

const DAY_MS = 86_400_000;
export const CONSUMER_DAILY_RECIPIENTS = 100;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;

export class MailState {
  /** Recipients allowed per 24 hours; set it to 0 to simulate a spent quota. */
  dailyLimit = CONSUMER_DAILY_RECIPIENTS;
  readonly outbox: SentMail[] = [];
  /** Recipients for whom sendEmail fails with Apps Script's transient server error. */
  readonly serverErrorFor = new Set<string>();

  recipientsSince(from: number): number {
    let n = 0;
    for (const m of this.outbox) if (m.at > from) n += m.to.length + m.cc.length + m.bcc.length;
    return n;
  }

  remaining(now: number): number {
    return Math.max(0, this.dailyLimit - this.recipientsSince(now - DAY_MS));
  }
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** "a@x.vn, Tên <b@y.vn>" → the addresses; Apps Script rejects the message on the first bad one. */
function addresses(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const address = /<([^<>]*)>\s*$/.exec(entry)?.[1]?.trim() ?? entry;
      if (!ADDRESS.test(address)) throw new AppsScriptError(`Invalid email: ${entry}`);
      return address;
    });
}

const bytes = (s: string | undefined) => (s ? Buffer.byteLength(s, 'utf8') : 0);

export class MailAppModel extends ServiceObject {
  readonly kind = 'MailApp';
  readonly service = 'mail' as const;

  constructor(
    private readonly state: MailState,
    private readonly sender: string,
    private readonly now: () => number,
  ) {
    super();
  }

  getRemainingDailyQuota() {
    return this.state.remaining(this.now());
  }

  /** sendEmail(message) | (recipient, subject, body) | (recipient, subject, body, options) | (to, replyTo, subject, body) */
  sendEmail(a: Options | string, b?: string, c?: string, d?: string | Options) {
    let message: Options;
    if (typeof a === 'object' && a !== null) message = a;
    else if (typeof d === 'string') message = { to: a, replyTo: b, subject: c, body: d };
    else {
      if (b === undefined || c === undefined) {
        throw new AppsScriptError("The parameters (String) don't match the method signature for MailApp.sendEmail.");
      }
      message = { ...(d ?? {}), to: a, subject: b, body: c };
    }
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    if (message.replyTo !== undefined) addresses(message.replyTo);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new AppsScriptError('Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw new AppsScriptError('Limit Exceeded: Email Recipients Per Message.');
    if (bytes(message.body) + bytes(message.htmlBody) > MAX_BODY_BYTES)
      throw new AppsScriptError('Limit Exceeded: Email Body Size.');
    if (count > this.getRemainingDailyQuota()) throw new AppsScriptError('Service invoked too many times for one day: email.');
    if ([...to, ...cc, ...bcc].some((a) => this.state.serverErrorFor.has(a))) {
      throw new AppsScriptError("We're sorry, a server error occurred. Please wait a bit and try again.");
    }
    this.state.outbox.push({
      at: this.now(),
      from: this.sender,
      to,
      cc,
      bcc,
      replyTo: message.replyTo,
      name: message.name,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      htmlBody: message.htmlBody,
    });
  }
}
