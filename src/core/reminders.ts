/**
 * What the daily check sends (SPEC §6), decided from one refresh and the record of what was sent
 * before: a draft report and a reminder for each period that is due soon or overdue without a
 * report, and one digest per task owner. Pure: the ledger arrives as the property map it is kept in.
 */
import type { Day } from './days';
import { splitAddresses } from './email';
import type { Outcome } from './evaluate';
import type { PeriodRow, TaskRow } from './rows';
import { taskDueDay } from './rules';
import { normalizeLabel } from './text';
import { type PeriodStatus, STATUS, type TaskStatus } from '../contract/status';

// ---- content hash ----

/** A short, stable hash of a text (53-bit cyrb53, base 36); the same in every realm. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

// ---- the ledger: what was sent, kept in document properties ----

export const LEDGER_PREFIX = 'cchc.reminders.';
const DIGEST_KEY = `${LEDGER_PREFIX}digest.`;
const PERIOD_KEY = `${LEDGER_PREFIX}period.`;

/** Records untouched for this long are dropped: an owner with nothing due, a period long reported. */
export const LEDGER_RETENTION_DAYS = 31;

/** One period of one year: its code and due date, hashed (a row reused next year is a new instance). */
export function periodInstance(code: string, due: Day): string {
  return contentHash(`${code}\u0000${due}`);
}

export interface PeriodRecord {
  /** URL of the draft report this check created, and the day it did. */
  draft?: string;
  draftDay?: Day;
  /** Last day a reminder for it went out (or was settled: no address to send to). */
  mailDay?: Day;
  /** A reminder with the draft's link went out (or was settled). */
  draftSent?: boolean;
}

export interface Ledger {
  /** Per owner address: the last day a digest went out. */
  digestDay: Map<string, Day>;
  /** Per period instance (see periodInstance). */
  periods: Map<string, PeriodRecord>;
}

export const digestKey = (address: string) => DIGEST_KEY + address;
export const periodKey = (instance: string) => PERIOD_KEY + instance;
export const encodeDigestDay = (day: Day) => String(day);
export const encodePeriodRecord = (r: PeriodRecord) => JSON.stringify(r);

const asDay = (v: unknown): Day | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

function decodePeriodRecord(value: string): PeriodRecord | null {
  try {
    const o: unknown = JSON.parse(value);
    if (!o || typeof o !== 'object') return null;
    const r: PeriodRecord = {};
    if ('draft' in o && typeof o.draft === 'string') r.draft = o.draft;
    const draftDay = 'draftDay' in o ? asDay(o.draftDay) : undefined;
    const mailDay = 'mailDay' in o ? asDay(o.mailDay) : undefined;
    if (draftDay !== undefined) r.draftDay = draftDay;
    if (mailDay !== undefined) r.mailDay = mailDay;
    if ('draftSent' in o && o.draftSent === true) r.draftSent = true;
    return r;
  } catch {
    return null;
  }
}

/** Our records among all document properties (other keys are someone else's and ignored). */
export function readLedger(props: Readonly<Record<string, string>>): Ledger {
  const ledger: Ledger = { digestDay: new Map(), periods: new Map() };
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith(DIGEST_KEY)) {
      const day = /^\d+$/.test(value) ? Number(value) : undefined;
      if (day !== undefined) ledger.digestDay.set(key.slice(DIGEST_KEY.length), day);
    } else if (key.startsWith(PERIOD_KEY)) {
      const record = decodePeriodRecord(value);
      if (record) ledger.periods.set(key.slice(PERIOD_KEY.length), record);
    }
  }
  return ledger;
}

function lastActivity(key: string, value: string): Day | null {
  if (key.startsWith(DIGEST_KEY)) return /^\d+$/.test(value) ? Number(value) : null;
  const r = decodePeriodRecord(value);
  const days = r ? [r.draftDay, r.mailDay].filter((d) => d !== undefined) : [];
  return days.length ? Math.max(...days) : null;
}

/** Our keys to delete: unreadable, or untouched for LEDGER_RETENTION_DAYS. */
export function staleLedgerKeys(props: Readonly<Record<string, string>>, today: Day): string[] {
  return Object.entries(props)
    .filter(([key]) => key.startsWith(DIGEST_KEY) || key.startsWith(PERIOD_KEY))
    .filter(([key, value]) => {
      const last = lastActivity(key, value);
      return last === null || last < today - LEDGER_RETENTION_DAYS;
    })
    .map(([key]) => key);
}

// ---- periods ----

export interface PeriodWork {
  code: string;
  name: string;
  due: Day;
  instance: string;
  /** No draft exists yet: this check creates it (never a second one for the same period). */
  createDraft: boolean;
  /** A reminder is owed today. */
  mail: boolean;
  /** The record as it stands; the daily check updates it as the work is done. */
  record: PeriodRecord;
}

/**
 * Periods to act on today, most pressing first: each `Sắp đến hạn` or `Quá hạn` period without a
 * report (a draft unless one was made, and a reminder unless one went out today), and each period
 * whose draft this check made but whose reminder has not gone out yet (quota, time or an error
 * stopped it), which goes out with the link.
 */
export function periodsToRemind(periods: readonly Outcome<PeriodRow, PeriodStatus>[], ledger: Ledger, today: Day): PeriodWork[] {
  const work: PeriodWork[] = [];
  // A code on two rows is one period: its report is the first row's (findPeriod), made once.
  const seen = new Set<string>();
  for (const o of periods) {
    const { code, due } = o.row;
    if (!code || seen.has(normalizeLabel(code))) continue;
    seen.add(normalizeLabel(code));
    if (due == null) continue;
    const instance = periodInstance(code, due);
    const record: PeriodRecord = { ...ledger.periods.get(instance) };
    // A draft made stops the reminders, as before `Ngày gửi` existed (reminding until it is sent: to do).
    const open = (o.status === STATUS.dueSoon || o.status === STATUS.overdue) && !o.row.link;
    const unannounced = !!o.row.link && record.draft !== undefined && !record.draftSent && o.row.sentOn == null;
    const createDraft = open && record.draft === undefined;
    const mail = (open || unannounced) && record.mailDay !== today;
    if (createDraft || mail) work.push({ code, name: o.row.name || code, due, instance, createDraft, mail, record });
  }
  return work.sort((a, b) => a.due - b.due || a.code.localeCompare(b.code));
}

// ---- task digests ----

export interface DueTask {
  sheetRow: number;
  code: string;
  name: string;
  due: Day;
  /** `Thường xuyên` or blank deadline: due on 31/12 of the plan year. */
  continuous: boolean;
  status: typeof STATUS.overdue | typeof STATUS.dueSoon;
}

export interface Digest {
  /** The owner's address, lower case. */
  to: string;
  /** `Người phụ trách` when the row names one owner for one address. */
  ownerName: string;
  /** Soonest deadline first, so overdue tasks lead. */
  tasks: DueTask[];
}

export interface DigestScan {
  digests: Digest[];
  /** Sheet rows of due-soon or overdue tasks with no address to remind. */
  unowned: number[];
  /** `Email` cells that are not addresses, by sheet row. */
  badAddresses: { sheetRow: number; text: string }[];
}

/** One digest per owner address of the tasks that are `Sắp đến hạn` or `Quá hạn`. */
export function collectDigests(tasks: readonly Outcome<TaskRow, TaskStatus>[], planYear: number): DigestScan {
  const byOwner = new Map<string, Digest>();
  const unowned: number[] = [];
  const badAddresses: DigestScan['badAddresses'] = [];
  for (const o of tasks) {
    if (o.status !== STATUS.overdue && o.status !== STATUS.dueSoon) continue;
    const row = o.row as TaskRow;
    const { valid, invalid } = splitAddresses(row.email ?? '');
    for (const text of invalid) badAddresses.push({ sheetRow: o.sheetRow, text });
    if (!valid.length) {
      unowned.push(o.sheetRow);
      continue;
    }
    const task: DueTask = {
      sheetRow: o.sheetRow,
      code: row.code ?? '',
      name: row.name ?? '',
      due: taskDueDay(row, planYear),
      continuous: row.deadline?.kind !== 'date',
      status: o.status,
    };
    for (const to of valid) {
      let digest = byOwner.get(to);
      if (!digest) byOwner.set(to, (digest = { to, ownerName: '', tasks: [] }));
      if (!digest.ownerName && valid.length === 1 && row.owner) digest.ownerName = row.owner;
      digest.tasks.push(task);
    }
  }
  const digests = [...byOwner.values()];
  for (const d of digests) d.tasks.sort((a, b) => a.due - b.due || a.sheetRow - b.sheetRow);
  return { digests, unowned, badAddresses };
}

/**
 * The digests still to send today (at most one per owner a day), owners who have waited longest
 * first — so a run cut short by the quota or the time limit serves the others first next time —
 * then the most pressing.
 */
export function digestsToSend(digests: readonly Digest[], ledger: Ledger, today: Day): Digest[] {
  const last = (d: Digest) => ledger.digestDay.get(d.to) ?? Number.MIN_SAFE_INTEGER;
  return digests
    .filter((d) => last(d) !== today)
    .sort((a, b) => last(a) - last(b) || a.tasks[0]!.due - b.tasks[0]!.due || a.to.localeCompare(b.to));
}
