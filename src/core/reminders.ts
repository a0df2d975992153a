/**
 * What the daily check sends (docs/SPEC.md §6), decided from one refresh and the record of what was
 * sent before: a draft report for each period that enters its reminder window without a report, and
 * reminders on its occasions until `Ngày gửi` is typed; one digest per task owner on the days
 * something changed for them. Pure: the ledger arrives as the property map it is kept in.
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

/**
 * The occasions of a period's reminders (docs/SPEC.md §6): it entered its reminder window without
 * a report; the draft this check made was announced; one day before the due date; the first day
 * overdue. Each goes out once; the last two only while `Ngày gửi` is blank.
 */
export type Occasion = 'window' | 'draft' | 'eve' | 'overdue';
const OCCASIONS: readonly Occasion[] = ['window', 'draft', 'eve', 'overdue'];

export interface PeriodRecord {
  /** URL of the draft report this check created, and the day it did. */
  draft?: string;
  draftDay?: Day;
  /** Last day a reminder for it went out (or was settled: no address to send to). */
  mailDay?: Day;
  /** Occasions whose reminder went out (or was settled). */
  sent?: Occasion[];
}

/** What the last digest to an owner told: its day and the (task, stage) items it held. */
export interface DigestRecord {
  day: Day;
  items: Set<string>;
}

export interface Ledger {
  /** Per owner address. */
  digests: Map<string, DigestRecord>;
  /** Per period instance (see periodInstance). */
  periods: Map<string, PeriodRecord>;
}

export const digestKey = (address: string) => DIGEST_KEY + address;
export const periodKey = (instance: string) => PERIOD_KEY + instance;
/** At most this many items are remembered per owner (a property value holds 9 kB). */
const MAX_DIGEST_ITEMS = 800;
/** `day|item,item,…`; a record of an earlier version is the day alone. */
export const encodeDigestRecord = (r: DigestRecord) => `${r.day}|${[...r.items].slice(0, MAX_DIGEST_ITEMS).join(',')}`;
export const encodePeriodRecord = (r: PeriodRecord) => JSON.stringify(r);

function decodeDigestRecord(value: string): DigestRecord | null {
  const m = /^(\d+)(?:\|([0-9a-z,]*))?$/.exec(value);
  if (!m) return null;
  return { day: Number(m[1]), items: new Set((m[2] ?? '').split(',').filter(Boolean)) };
}

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
    const sent = new Set<Occasion>();
    if ('sent' in o && Array.isArray(o.sent)) for (const x of o.sent) if (OCCASIONS.includes(x)) sent.add(x);
    // Records of the version before occasions: a mail went out, and it carried the draft.
    if (mailDay !== undefined) sent.add('window');
    if ('draftSent' in o && o.draftSent === true) sent.add('draft');
    if (sent.size) r.sent = OCCASIONS.filter((x) => sent.has(x));
    return r;
  } catch {
    return null;
  }
}

/** Our records among all document properties (other keys are someone else's and ignored). */
export function readLedger(props: Readonly<Record<string, string>>): Ledger {
  const ledger: Ledger = { digests: new Map(), periods: new Map() };
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith(DIGEST_KEY)) {
      const record = decodeDigestRecord(value);
      if (record) ledger.digests.set(key.slice(DIGEST_KEY.length), record);
    } else if (key.startsWith(PERIOD_KEY)) {
      const record = decodePeriodRecord(value);
      if (record) ledger.periods.set(key.slice(PERIOD_KEY.length), record);
    }
  }
  return ledger;
}

function lastActivity(key: string, value: string): Day | null {
  if (key.startsWith(DIGEST_KEY)) return decodeDigestRecord(value)?.day ?? null;
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

/** The first-day-overdue reminder still goes out this many days late when no run could send it. */
export const OVERDUE_CATCH_UP_DAYS = 7;

export interface PeriodWork {
  code: string;
  name: string;
  due: Day;
  instance: string;
  /** The period row's report link, if any. */
  link: string;
  /** No draft exists yet: this check creates it (never a second one for the same period). */
  createDraft: boolean;
  /** The occasions owed a reminder today; at most one mail a day carries them all. */
  occasions: Occasion[];
  /** A reminder goes out today. */
  mail: boolean;
  /** The record as it stands; the daily check updates it as the work is done. */
  record: PeriodRecord;
}

/**
 * Periods to act on today, most pressing first. A period that is `Sắp đến hạn` or `Quá hạn`
 * without a report gets a draft (unless this check made one) and its first reminder; a draft this
 * check made is announced with its link. While `Ngày gửi` is blank, a reminder goes out again one
 * day before the due date and on the first day overdue (a run that missed that day sends it within
 * OVERDUE_CATCH_UP_DAYS). `tracksSending` is false for a workbook without the `Ngày gửi` column:
 * then a report, once made, ends the reminders. An occasion that could not be sent (quota, time,
 * an error) stays owed and the next run sends it.
 */
export function periodsToRemind(
  periods: readonly Outcome<PeriodRow, PeriodStatus>[],
  ledger: Ledger,
  today: Day,
  tracksSending: boolean,
): PeriodWork[] {
  const work: PeriodWork[] = [];
  // A code on two rows is one period: its report is the first row's (findPeriod), made once.
  const seen = new Set<string>();
  for (const o of periods) {
    const { code, due, link, sentOn } = o.row;
    if (!code || seen.has(normalizeLabel(code))) continue;
    seen.add(normalizeLabel(code));
    if (due == null) continue;
    const instance = periodInstance(code, due);
    const stored = ledger.periods.get(instance);
    const record: PeriodRecord = { ...stored, ...(stored?.sent ? { sent: [...stored.sent] } : {}) };
    const sent = new Set(record.sent);
    const open = (o.status === STATUS.dueSoon || o.status === STATUS.overdue) && !link;
    const unsent = tracksSending && sentOn == null;
    const owed: Occasion[] = [];
    if (open && !sent.has('window')) owed.push('window');
    if (record.draft !== undefined && link && sentOn == null && !sent.has('draft')) owed.push('draft');
    const eve = today >= due - 1 && today <= due && (o.status === STATUS.dueSoon || o.status === STATUS.reported);
    if (unsent && eve && !sent.has('eve')) owed.push('eve');
    const late = o.status === STATUS.overdue && today - due <= OVERDUE_CATCH_UP_DAYS;
    if (unsent && late && !sent.has('overdue')) owed.push('overdue');
    const createDraft = open && record.draft === undefined;
    const mail = owed.length > 0 && record.mailDay !== today;
    if (createDraft || mail) {
      work.push({ code, name: o.row.name || code, due, instance, link: link ?? '', createDraft, occasions: owed, mail, record });
    }
  }
  return work.sort((a, b) => a.due - b.due || a.code.localeCompare(b.code));
}

/** The record once a reminder for `occasions` went out today (a draft's link counts as announced). */
export function markSent(record: PeriodRecord, occasions: readonly Occasion[], today: Day): PeriodRecord {
  const sent = new Set([...(record.sent ?? []), ...occasions]);
  if (record.draft !== undefined) sent.add('draft');
  return { ...record, mailDay: today, sent: OCCASIONS.filter((x) => sent.has(x)) };
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

/** How far a due task has come: in the warning window, 3 days or 1 day from its deadline, or overdue. */
export type Stage = 'window' | 'd3' | 'd1' | 'overdue';

function stageOf(t: DueTask, today: Day): Stage {
  if (t.status === STATUS.overdue) return 'overdue';
  const left = t.due - today;
  return left <= 1 ? 'd1' : left <= 3 ? 'd3' : 'window';
}

/** One task at one stage, as remembered in the ledger (its code or name and its deadline, hashed). */
function digestItem(t: DueTask, today: Day): string {
  return contentHash(`${t.code || t.name}\u0000${t.due}\u0000${stageOf(t, today)}`).slice(0, 8);
}

/** The owner's items today: what the digest record keeps once the digest went out. */
export const digestItems = (d: Digest, today: Day) => new Set(d.tasks.map((t) => digestItem(t, today)));

/** The Monday of `day`'s week (Day 4, 5 January 1970, was a Monday). */
export const mondayOf = (day: Day) => day - ((((day - 4) % 7) + 7) % 7);

/**
 * The digests to send today (docs/SPEC.md §6): to an owner who was not written to today, when a
 * task of theirs reached a stage the last digest did not tell (entered the warning window, 3 days
 * or 1 day left, overdue), or when a task is overdue and no digest went out since this week's
 * Monday. A digest that could not go out is owed until one does. Owners who have waited longest
 * first — so a run cut short by the quota or the time limit serves the others first next time —
 * then the most pressing.
 */
export function digestsToSend(digests: readonly Digest[], ledger: Ledger, today: Day): Digest[] {
  const last = (d: Digest) => ledger.digests.get(d.to)?.day ?? Number.MIN_SAFE_INTEGER;
  const due = (d: Digest) => {
    const record = ledger.digests.get(d.to);
    if (record?.day === today) return false;
    if (!record || d.tasks.some((t) => !record.items.has(digestItem(t, today)))) return true;
    return d.tasks.some((t) => t.status === STATUS.overdue) && record.day < mondayOf(today);
  };
  return digests.filter(due).sort((a, b) => last(a) - last(b) || a.tasks[0]!.due - b.tasks[0]!.due || a.to.localeCompare(b.to));
}
