/**
 * `dailyCheck` (docs/SPEC.md §6), run by the daily trigger with no UI and no active user: refresh
 * the statuses; for each period that enters its reminder window without a report, create the draft
 * report and remind `Email nhắc việc`, and remind again on its occasions until `Ngày gửi` is typed;
 * send a task owner a digest on the days something changed for them. What went out is recorded
 * first (the ledger, src/core/reminders.ts), so a second run never repeats it; the quota is checked before sending; the run stops starting new
 * work well before Apps Script's 6-minute limit; one period's or owner's failure stops nothing else.
 */
import type { Day } from '../core/days';
import { isTransient } from '../core/errors';
import { splitAddresses } from '../core/email';
import {
  collectDigests,
  type Digest,
  digestItems,
  digestKey,
  digestsToSend,
  encodeDigestRecord,
  encodePeriodRecord,
  markSent,
  type PeriodWork,
  periodKey,
  periodsToRemind,
} from '../core/reminders';
import {
  type DailyOutcome,
  describeDailyRun,
  digestLabel,
  digestMail,
  draftGaps,
  type DraftState,
  emptyOutcome,
  type Mail,
  type MailContext,
  periodLabel,
  periodReminder,
  senderName,
} from '../core/reminders-text';
import { PERIODS, TASKS } from '../contract/sheets';
import { STATUS } from '../contract/status';
import type { Context } from '../core/context';
import { Mailer } from '../gas/mail';
import { type LedgerStore, openLedger } from '../gas/mail-ledger';
import { refresh, type Snapshot } from './refresh';
import { createReport } from './report';
import { sheetUrl } from '../gas/workbook';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** No new draft or mail is started after this much of the run (Apps Script stops it at 6 minutes). */
const TIME_BUDGET_MS = 270_000;
/**
 * No new draft is started after this much (docs/SPEC.md §6): a draft of a large workbook takes
 * minutes, and one cut off at 6:00 would leave its ledger unwritten and be made twice.
 */
const DRAFT_BUDGET_MS = 150_000;

/**
 * An error's own message, without its final full stop (it is quoted inside a sentence); a service
 * that failed this once is named as such: the next run does that part again.
 */
function shortError(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');
  return isTransient(e) ? `dịch vụ của Google tạm thời gặp sự cố («${message}»), sẽ thử lại ở lần chạy sau` : message;
}

/** One daily check under the document lock; `startedAt` is when the execution began. */
export function dailyCheckOperation(ss: Spreadsheet, ctx: Context, startedAt: number): Done<DailyOutcome> {
  const snapshot = refresh(ss, ctx);
  const { today } = ctx.clock;
  const outcome = emptyOutcome();
  outcome.overdueTasks = snapshot.tasks.filter((t) => t.status === STATUS.overdue).length;
  outcome.dueSoonTasks = snapshot.tasks.filter((t) => t.status === STATUS.dueSoon).length;

  const scan = collectDigests(snapshot.tasks, ctx.clock.planYear);
  outcome.unowned = scan.unowned;
  outcome.badAddresses = scan.badAddresses;
  const store = openLedger(today);
  const periods = periodsToRemind(snapshot.periods, store.ledger, today, snapshot.tracksSending);
  const digests = digestsToSend(scan.digests, store.ledger, today);

  if (periods.length || digests.length) {
    const { config } = ctx;
    const recipients = splitAddresses(config.reminderEmails.join(','));
    outcome.badReminderAddresses = recipients.invalid;
    const run: Run = {
      ss,
      context: ctx,
      snapshot,
      today,
      store,
      outcome,
      recipients: recipients.valid,
      mailer: new Mailer(senderName(config.issuer)),
      ctx: {
        today,
        office: config.issuer,
        tracksSending: snapshot.tracksSending,
        tasksUrl: sheetUrl(ss, TASKS.name),
        periodsUrl: sheetUrl(ss, PERIODS.name),
      },
      outOfTime: () => Date.now() - startedAt > TIME_BUDGET_MS,
      noTimeForDraft: () => Date.now() - startedAt > DRAFT_BUDGET_MS,
    };
    for (const w of periods) isolate(run, periodLabel(w.code), () => remindPeriod(run, w), true);
    for (const d of digests) isolate(run, digestLabel(d.to), () => sendDigest(run, d));
  }
  return { value: outcome, message: describeDailyRun(outcome) };
}

interface Run {
  ss: Spreadsheet;
  context: Context;
  /** This run's refresh, shared by the drafts it makes. */
  snapshot: Snapshot;
  today: Day;
  store: LedgerStore;
  outcome: DailyOutcome;
  /** Valid addresses of `Email nhắc việc`. */
  recipients: string[];
  mailer: Mailer;
  ctx: MailContext;
  outOfTime: () => boolean;
  noTimeForDraft: () => boolean;
  /** A service failed while making a draft: the remaining periods are left to the next run. */
  draftFailed?: boolean;
}

/**
 * Runs one period's or owner's work unless time is up; a failure is noted and the rest goes on.
 * Once a service failed while making a draft, the periods after it wait for the next run, which
 * then makes the drafts in this run's order (a later draft sees the earlier ones in `Lịch sử`).
 */
function isolate(run: Run, label: string, work: () => void, waitsForDrafts = false): void {
  if (run.outOfTime() || (waitsForDrafts && run.draftFailed)) {
    (run.outOfTime() ? run.outcome.deferred : run.outcome.afterFailure).push(label);
    return;
  }
  try {
    work();
  } catch (e) {
    run.outcome.errors.push(`${label}: ${shortError(e)}`);
  }
}

/**
 * Records the mail as sent, then sends it: should the execution die in between, the mail is lost
 * for the day rather than sent twice. A failed send takes the record back.
 */
function sendRecorded(run: Run, label: string, mail: Mail, key: string, value: string, previous: string | undefined): boolean {
  if (!run.mailer.fits(mail.to.length)) {
    run.outcome.overQuota.push(label);
    return false;
  }
  run.store.set(key, value);
  const undo = () => (previous === undefined ? run.store.remove(key) : run.store.set(key, previous));
  let sent: boolean;
  try {
    sent = run.mailer.send(mail);
  } catch (e) {
    undo();
    throw e;
  }
  if (!sent) {
    undo();
    run.outcome.overQuota.push(label);
  }
  return sent;
}

function remindPeriod(run: Run, w: PeriodWork): void {
  const { record } = w;
  const key = periodKey(w.instance);
  // The link in the row: this check's draft, or a report staff made themselves.
  let draft: DraftState = w.link ? { url: w.link, earlier: true } : null;
  if (w.createDraft && run.noTimeForDraft()) {
    // Tomorrow's run makes the draft and sends the reminder with its link.
    run.outcome.deferred.push(`bản nháp kỳ ${w.code}`);
    return;
  }
  if (w.createDraft) {
    try {
      // The ledger learns of the draft before its link makes it final (a draft it did not know of
      // would get no reminder), and forgets it again should the draft fail after all.
      const before = encodePeriodRecord(record);
      const known = record.draftDay !== undefined || record.mailDay !== undefined;
      const report = createReport(run.ss, run.context, w.code, run.snapshot, {
        record: (url) => run.store.set(key, encodePeriodRecord({ ...record, draft: url, draftDay: run.today })),
        undo: () => (known ? run.store.set(key, before) : run.store.remove(key)),
      });
      Object.assign(record, { draft: report.url, draftDay: run.today });
      draft = { url: report.url, missingConfig: report.missingConfig, dataErrors: report.dataErrors };
      const gaps = draftGaps(draft);
      run.outcome.drafts.push(`${report.periodName || w.name}${gaps ? ` (${gaps})` : ''}`);
    } catch (e) {
      // The next run makes the draft and sends the reminder with its link, as one.
      if (isTransient(e)) {
        run.draftFailed = true;
        throw e;
      }
      draft = { problem: shortError(e) };
      run.outcome.errors.push(`bản nháp kỳ ${w.code}: ${draft.problem}`);
    }
  }
  if (!w.mail) return;
  const stored = record.draftDay !== undefined || record.mailDay !== undefined ? encodePeriodRecord(record) : undefined;
  const sent = markSent(record, w.occasions, run.today);
  if (!run.recipients.length) {
    // Nobody to remind: settled for today, said in the log.
    run.store.set(key, encodePeriodRecord(sent));
    run.outcome.noReminderAddress.push(w.code);
    return;
  }
  const mail = periodReminder(w, draft, run.recipients, run.ctx);
  if (sendRecorded(run, periodLabel(w.code), mail, key, encodePeriodRecord(sent), stored)) {
    run.outcome.periodMails.push(w.code);
  }
}

function sendDigest(run: Run, d: Digest): void {
  const previous = run.store.ledger.digests.get(d.to);
  const mail = digestMail(d, run.ctx);
  const label = digestLabel(d.to);
  const sent = sendRecorded(
    run,
    label,
    mail,
    digestKey(d.to),
    encodeDigestRecord({ day: run.today, items: digestItems(d, run.today) }),
    previous === undefined ? undefined : encodeDigestRecord(previous),
  );
  if (sent) run.outcome.digests.push(d.to);
}
