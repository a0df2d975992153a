/**
 * The Vietnamese texts of reminders: the period reminder and the owner's digest (plain text plus
 * the same in HTML, where every user text is escaped), and the daily check's `Nhật ký` line.
 */
import { type Day, formatDmy } from './days';
import type { Digest, DueTask, Occasion } from './reminders';
import { STATUS } from '../contract/status';
import { cut, oneLine } from './report/format';
import { quote } from './text';

export interface Mail {
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
}

/** Where the mails point and whom they are from. */
export interface MailContext {
  today: Day;
  /** `Cơ quan ban hành`; may be blank. */
  office: string;
  /** `Kỳ báo cáo` has `Ngày gửi`: reminders go on until it is typed. */
  tracksSending: boolean;
  /** Links to the `Nhiệm vụ` and `Kỳ báo cáo` sheets. */
  tasksUrl: string;
  periodsUrl: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sender name shown in the inbox. */
export function senderName(office: string): string {
  return office ? `Nhắc việc CCHC - ${oneLine(office)}` : 'Nhắc việc CCHC';
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "còn 5 ngày", "hạn là hôm nay", "quá hạn 3 ngày". */
export function daysLeftPhrase(due: Day, today: Day): string {
  const left = due - today;
  if (left > 0) return `còn ${left} ngày`;
  if (left === 0) return 'hạn là hôm nay';
  return `quá hạn ${-left} ngày`;
}

/** A mail as blocks, rendered once as text and once as HTML. */
type Block = string | { title: string; items: string[] } | { label: string; url: string };

function render(blocks: readonly Block[]): { body: string; htmlBody: string } {
  const text: string[] = [];
  const html: string[] = [];
  for (const b of blocks) {
    if (typeof b === 'string') {
      text.push(b);
      html.push(`<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`);
    } else if ('items' in b) {
      text.push([b.title, ...b.items.map((i) => `- ${i}`)].join('\n'));
      html.push(`<p><b>${escapeHtml(b.title)}</b></p><ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    } else {
      text.push(`${b.label}: ${b.url}`);
      html.push(`<p>${escapeHtml(b.label)}: <a href="${escapeHtml(b.url)}">${escapeHtml(b.url)}</a></p>`);
    }
  }
  return { body: text.join('\n\n'), htmlBody: `<div style="font-family:Arial,sans-serif;font-size:14px">${html.join('')}</div>` };
}

function signature(office: string, why: string): string {
  return `--\n${office ? `${oneLine(office)} - ` : ''}${why}`;
}

/**
 * A draft made now (with what it lacks), the report already in the period row (`earlier`), or why
 * none could be made, or none.
 */
export type DraftState =
  | { url: string; missingConfig?: string[]; dataErrors?: number; earlier?: boolean }
  | { problem: string }
  | null;

/** What a new draft lacks, for the reminder and the log ('' when nothing). */
export function draftGaps(d: { missingConfig?: string[]; dataErrors?: number }): string {
  const gaps: string[] = [];
  if (d.missingConfig?.length) gaps.push(`trang Cấu hình còn thiếu ${d.missingConfig.map((l) => `«${l}»`).join(', ')}`);
  if (d.dataErrors) gaps.push(`có ${d.dataErrors} dòng «${STATUS.error}»`);
  return gaps.join('; ');
}

/** The reminder to `Email nhắc việc` for one reporting period, on its `occasions` of today. */
export function periodReminder(
  period: { code: string; name: string; due: Day; occasions: readonly Occasion[] },
  draft: DraftState,
  to: string[],
  ctx: MailContext,
): Mail {
  const name = oneLine(period.name);
  const when = `${formatDmy(period.due)} (${daysLeftPhrase(period.due, ctx.today)})`;
  const late = period.occasions.includes('overdue');
  const blocks: Block[] = [
    'Kính gửi các đồng chí phụ trách công tác cải cách hành chính,',
    late
      ? `Báo cáo kết quả cải cách hành chính ${lowerFirst(name)} đã quá hạn gửi ${when} mà chưa ghi nhận ngày gửi.`
      : `Báo cáo kết quả cải cách hành chính ${lowerFirst(name)} có hạn gửi ${when}.`,
  ];
  if (draft && 'url' in draft && draft.earlier) {
    blocks.push({ label: 'Báo cáo của kỳ đã được tạo', url: draft.url });
  } else if (draft && 'url' in draft) {
    blocks.push({
      label: 'Bản nháp báo cáo đã được tạo từ số liệu trong bảng theo dõi; xin kiểm tra, bổ sung và trình ký',
      url: draft.url,
    });
    const gaps = draftGaps(draft);
    if (gaps) blocks.push(`Lưu ý: ${gaps}. Hãy bổ sung trong bảng tính rồi tạo lại báo cáo từ menu CCHC trước khi trình ký.`);
  } else if (draft) {
    blocks.push(`Chưa tạo được bản nháp báo cáo tự động (${draft.problem}). Có thể tạo báo cáo từ menu CCHC trong bảng tính.`);
  }
  if (ctx.tracksSending) {
    blocks.push(
      'Khi đã gửi báo cáo đã ký, xin nhập «Ngày gửi» của kỳ trong trang «Kỳ báo cáo»: thư nhắc sẽ dừng. Nếu chưa gửi, thư nhắc lại một ngày trước hạn và ngày đầu tiên quá hạn.',
    );
  }
  blocks.push({ label: 'Bảng theo dõi kỳ báo cáo', url: ctx.periodsUrl });
  blocks.push(signature(ctx.office, 'thư tự động của bảng theo dõi CCHC.'));
  const subject = late
    ? `Nhắc việc CCHC: báo cáo ${lowerFirst(name)} chưa gửi, hạn gửi ${when}`
    : `Nhắc việc CCHC: báo cáo ${lowerFirst(name)}, hạn gửi ${when}`;
  return { to, subject, ...render(blocks) };
}

function taskLine(t: DueTask, today: Day): string {
  const due = `hạn ${formatDmy(t.due)}${t.continuous ? ' (thường xuyên)' : ''}, ${daysLeftPhrase(t.due, today)}`;
  return `${t.code ? `${t.code}: ` : ''}${cut(oneLine(t.name), 160)} (${due})`;
}

/** Tasks listed in one digest; the rest are counted (the sheet has them all). */
export const DIGEST_MAX_TASKS = 50;

function taskItems(tasks: readonly DueTask[], max: number, today: Day): string[] {
  const items = tasks.slice(0, max).map((t) => taskLine(t, today));
  if (tasks.length > max) items.push(`… và ${tasks.length - max} nhiệm vụ khác (xem trong bảng tính)`);
  return items;
}

/** One owner's digest: overdue tasks, then tasks due soon, each with its deadline. */
export function digestMail(d: Digest, ctx: MailContext): Mail {
  const overdue = d.tasks.filter((t) => t.status === STATUS.overdue);
  const dueSoon = d.tasks.filter((t) => t.status === STATUS.dueSoon);
  const overdueShown = Math.min(overdue.length, DIGEST_MAX_TASKS);
  const blocks: Block[] = [
    `Kính gửi đồng chí${d.ownerName ? ` ${oneLine(d.ownerName)}` : ''},`,
    `Tính đến ngày ${formatDmy(ctx.today)}, các nhiệm vụ cải cách hành chính đồng chí phụ trách cần lưu ý:`,
  ];
  if (overdue.length) {
    blocks.push({ title: `${STATUS.overdue} (${overdue.length}):`, items: taskItems(overdue, DIGEST_MAX_TASKS, ctx.today) });
  }
  if (dueSoon.length) {
    blocks.push({
      title: `${STATUS.dueSoon} (${dueSoon.length}):`,
      items: taskItems(dueSoon, Math.max(1, DIGEST_MAX_TASKS - overdueShown), ctx.today),
    });
  }
  blocks.push({ label: 'Khi hoàn thành, xin cập nhật «Tiến độ (%)» và «Ngày hoàn thành» tại', url: ctx.tasksUrl });
  blocks.push(
    signature(
      ctx.office,
      'thư tự động, gửi khi có nhiệm vụ bắt đầu sắp đến hạn, còn 3 ngày, còn 1 ngày hoặc vừa quá hạn, và vào thứ Hai hằng tuần khi còn nhiệm vụ quá hạn.',
    ),
  );
  const counts = [
    overdue.length ? `${overdue.length} nhiệm vụ quá hạn` : '',
    dueSoon.length ? `${dueSoon.length} nhiệm vụ sắp đến hạn` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return { to: [d.to], subject: `Nhắc việc CCHC: ${counts}`, ...render(blocks) };
}

// ---- Nhật ký ----

/** What one daily check did, for its `Nhật ký` row. */
export interface DailyOutcome {
  overdueTasks: number;
  dueSoonTasks: number;
  /** Periods (names) whose draft report was created. */
  drafts: string[];
  /** Period codes whose reminder went out. */
  periodMails: string[];
  /** Owner addresses whose digest went out. */
  digests: string[];
  /** Not sent for want of mail quota: they go out on the next run. */
  overQuota: string[];
  /** Not done because the run was near its time limit: done on the next run. */
  deferred: string[];
  /** Not done because a service failed earlier in the run: done on the next run. */
  afterFailure: string[];
  /** One line per failed period or owner; the others went on. */
  errors: string[];
  /** Period codes due a reminder while `Email nhắc việc` has no valid address. */
  noReminderAddress: string[];
  /** Addresses in `Email nhắc việc` that are not addresses. */
  badReminderAddresses: string[];
  /** Rows of due-soon or overdue tasks without an `Email`. */
  unowned: number[];
  /** `Email` cells that are not addresses. */
  badAddresses: { sheetRow: number; text: string }[];
}

export function emptyOutcome(): DailyOutcome {
  return {
    overdueTasks: 0,
    dueSoonTasks: 0,
    drafts: [],
    periodMails: [],
    digests: [],
    overQuota: [],
    deferred: [],
    afterFailure: [],
    errors: [],
    noReminderAddress: [],
    badReminderAddresses: [],
    unowned: [],
    badAddresses: [],
  };
}

/** "a, b, c và 4 mục khác": a log cell stays readable however long the list. */
export function listOf(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} và ${items.length - max} mục khác` : shown;
}

export const periodLabel = (code: string) => `nhắc kỳ ${code}`;
export const digestLabel = (address: string) => `thư cho ${address}`;

export function describeDailyRun(o: DailyOutcome): string {
  const lines = [
    `Đã cập nhật trạng thái: ${o.overdueTasks} nhiệm vụ ${STATUS.overdue}, ${o.dueSoonTasks} nhiệm vụ ${STATUS.dueSoon}.`,
  ];
  if (o.drafts.length) lines.push(`Đã tạo bản nháp báo cáo: ${listOf(o.drafts)}.`);
  if (o.periodMails.length) lines.push(`Đã gửi thư nhắc kỳ báo cáo: ${listOf(o.periodMails)}.`);
  if (o.digests.length) lines.push(`Đã gửi thư nhắc việc cho ${o.digests.length} người phụ trách: ${listOf(o.digests)}.`);
  if (
    !o.drafts.length &&
    !o.periodMails.length &&
    !o.digests.length &&
    !o.overQuota.length &&
    !o.deferred.length &&
    !o.afterFailure.length
  ) {
    lines.push('Không có thư nào cần gửi.');
  }
  if (o.overQuota.length) {
    lines.push(`Chưa gửi vì đã hết hạn mức gửi thư trong ngày, sẽ gửi ở lần chạy sau: ${listOf(o.overQuota)}.`);
  }
  if (o.deferred.length) {
    lines.push(`Dừng trước giới hạn thời gian chạy, phần còn lại sẽ làm ở lần chạy sau: ${listOf(o.deferred)}.`);
  }
  if (o.afterFailure.length) {
    lines.push(`Tạm dừng sau sự cố của dịch vụ Google, phần còn lại sẽ làm ở lần chạy sau: ${listOf(o.afterFailure)}.`);
  }
  if (o.errors.length)
    lines.push(
      `Lỗi (các phần khác vẫn được thực hiện): ${o.errors.slice(0, 10).join('; ')}${o.errors.length > 10 ? `; và ${o.errors.length - 10} lỗi khác` : ''}.`,
    );
  if (o.noReminderAddress.length) {
    lines.push(
      `Không gửi thư nhắc kỳ ${listOf(o.noReminderAddress)} vì «Email nhắc việc» trong trang Cấu hình chưa có địa chỉ hợp lệ.`,
    );
  }
  if (o.badReminderAddresses.length)
    lines.push(`«Email nhắc việc» có địa chỉ không hợp lệ: ${listOf(o.badReminderAddresses.map(quote))}.`);
  if (o.unowned.length) {
    lines.push(
      `${o.unowned.length} nhiệm vụ sắp đến hạn hoặc quá hạn chưa có «Email» người phụ trách (dòng ${listOf(o.unowned.map(String))}).`,
    );
  }
  if (o.badAddresses.length) {
    lines.push(`«Email» không hợp lệ: ${listOf(o.badAddresses.map((b) => `dòng ${b.sheetRow} ${quote(b.text)}`))}.`);
  }
  return lines.join('\n');
}
