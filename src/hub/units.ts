/**
 * The communes the hub follows (`Đơn vị`) and what became of each in a collection: the text of
 * `Trạng thái thu thập`, and the row of `Số liệu tổng hợp` (docs/SPEC.md §10).
 */
import { asCellText, cellText } from '../core/text';
import { HUB_INDICATOR_STATUSES, HUB_PERIODS, summaryHeaderRow } from './contract';
import type { CommuneSummary } from './summary';
import { TASK_STATUSES } from '../contract/status';

export interface Unit {
  /** 1-based row in `Đơn vị`. */
  sheetRow: number;
  code: string;
  name: string;
  link: string;
}

export const COLLECTED = 'Đã thu thập';

export const REASONS = {
  noLink: 'Chưa có liên kết bảng tính',
  badLink: 'Liên kết bảng tính không hợp lệ: cần đường dẫn https://docs.google.com/spreadsheets/d/… hoặc mã bảng tính',
  noAccess: 'Không có quyền xem bảng tính: đề nghị xã chia sẻ (quyền xem) cho tài khoản của Sở',
  missing: 'Không tìm thấy bảng tính (đã bị xóa hoặc liên kết sai)',
  serviceFault: 'Không đọc được bảng tính do lỗi tạm thời của Google Trang tính: sẽ đọc lại ở lần thu thập sau',
  unreadable: (detail: string) => `Không đọc được bảng tính: ${detail}`,
} as const;

/** The spreadsheet id of a URL or a bare id; null when it is neither. */
export function spreadsheetIdOf(link: string): string | null {
  const s = link.trim();
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]{10,})/.exec(s);
  if (m) return m[1]!;
  return /^[A-Za-z0-9_-]{20,}$/.test(s) ? s : null;
}

/** The reason for a failed open or read, from Apps Script's error text (English, as it words it). */
export function reasonOf(message: string): string {
  if (/permission|access denied/i.test(message)) return REASONS.noAccess;
  if (/not found|getting the method or property open|does not exist/i.test(message)) return REASONS.missing;
  if (/^Service .* failed|internal error|timed out|try again/i.test(message)) return REASONS.serviceFault;
  return REASONS.unreadable(message);
}

export type UnitOutcome = { ok: true; summary: CommuneSummary } | { ok: false; reason: string };

/** `Trạng thái thu thập` in `Đơn vị`: data errors counted, so the commune knows to fix them. */
export function unitStatus(outcome: UnitOutcome): string {
  if (!outcome.ok) return outcome.reason;
  const n = outcome.summary.errors;
  return n ? `${COLLECTED} (có ${n} dòng Lỗi dữ liệu)` : COLLECTED;
}

/** A row of `Số liệu tổng hợp`, in the order of summaryHeaderRow(); figures blank when unread. */
export function summaryRow(unit: Unit, outcome: UnitOutcome): unknown[] {
  const width = summaryHeaderRow().length;
  const head = [asCellText(unit.code), asCellText(unit.name), outcome.ok ? COLLECTED : asCellText(outcome.reason)];
  if (!outcome.ok) return [...head, ...Array.from({ length: width - head.length }, () => '')];
  const s = outcome.summary;
  return [
    ...head,
    ...TASK_STATUSES.map((st) => s.tasks[st] ?? 0),
    s.taskTotal,
    ...HUB_INDICATOR_STATUSES.map((st) => s.indicators[st] ?? 0),
    s.shareMet ?? '',
    s.overdue,
    s.errors,
    ...HUB_PERIODS.flatMap((p) => {
      const x = s.periods[p]!;
      return [asCellText(x.link), x.status, asCellText(x.proposals)];
    }),
  ];
}

/** Unit rows of the `Đơn vị` grid; rows with neither code nor link are left out. */
export function unitsOf(values: readonly (readonly unknown[])[], cols: { code: number; name: number; link: number }): Unit[] {
  const out: Unit[] = [];
  values.slice(1).forEach((r, i) => {
    const unit = {
      sheetRow: i + 2,
      code: cellText(r[cols.code]).trim(),
      name: cellText(r[cols.name]).trim(),
      link: cellText(r[cols.link]).trim(),
    };
    if (unit.code || unit.link) out.push(unit);
  });
  return out;
}
