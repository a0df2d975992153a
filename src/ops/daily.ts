/**
 * `dailyCheck` (SPEC §6), run by the daily trigger with no UI and no active user: refresh the
 * statuses; for each period due soon or overdue without a report, create the draft report and
 * remind `Email nhắc việc`; send each task owner one digest. What went out is recorded first, so a
 * second run never repeats it; the quota is checked before sending; the run stops starting new
 * work well before Apps Script's 6-minute limit; one period's or owner's failure stops nothing else.
 */
import type { Day } from '../core/days';
import { splitAddresses } from '../core/email';
import {
  collectDigests,
  type Digest,
  digestKey,
  digestsToSend,
  encodeDigestDay,
  encodePeriodRecord,
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
export const TIME_BUDGET_MS = 270_000;

/** An error's own message, without its final full stop (it is quoted inside a sentence). */
const shortError = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');

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
  const periods = periodsToRemind(snapshot.periods, store.ledger, today);
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
      ctx: { today, office: config.issuer, tasksUrl: sheetUrl(ss, TASKS.name), periodsUrl: sheetUrl(ss, PERIODS.name) },
      outOfTime: () => Date.now() - startedAt > TIME_BUDGET_MS,
    };
    for (const w of periods) isolate(run, periodLabel(w.code), () => remindPeriod(run, w));
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
}

/** Runs one period's or owner's work unless time is up; a failure is noted and the rest goes on. */
function isolate(run: Run, label: string, work: () => void): void {
  if (run.outOfTime()) {
    run.outcome.deferred.push(label);
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
  let draft: DraftState = record.draft ? { url: record.draft } : null;
  if (w.createDraft) {
    try {
      const report = createReport(run.ss, run.context, w.code, run.snapshot);
      Object.assign(record, { draft: report.url, draftDay: run.today });
      run.store.set(key, encodePeriodRecord(record));
      draft = { url: report.url, missingConfig: report.missingConfig, dataErrors: report.dataErrors };
      const gaps = draftGaps(draft);
      run.outcome.drafts.push(`${report.periodName || w.name}${gaps ? ` (${gaps})` : ''}`);
    } catch (e) {
      draft = { problem: shortError(e) };
      run.outcome.errors.push(`bản nháp kỳ ${w.code}: ${draft.problem}`);
    }
  }
  if (!w.mail) return;
  const stored = record.draftDay !== undefined || record.mailDay !== undefined ? encodePeriodRecord(record) : undefined;
  const sent = { ...record, mailDay: run.today, ...(record.draft ? { draftSent: true } : {}) };
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
  const previous = run.store.ledger.digestDay.get(d.to);
  const mail = digestMail(d, run.ctx);
  const label = digestLabel(d.to);
  const sent = sendRecorded(
    run,
    label,
    mail,
    digestKey(d.to),
    encodeDigestDay(run.today),
    previous === undefined ? undefined : encodeDigestDay(previous),
  );
  if (sent) run.outcome.digests.push(d.to);
}
