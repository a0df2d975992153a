import { UserError } from '../core/errors';

export const LOCK_WAIT_MS = 30_000;

export const lockBusyMessage = (seconds: number) =>
  `Một thao tác khác (của người khác hoặc của lịch chạy tự động) đang ghi vào bảng tính${seconds >= 1 ? ` và chưa xong sau ${Math.round(seconds)} giây` : ''}. Chưa có gì được ghi; vui lòng thử lại sau ít phút.`;

/**
 * getDocumentLock() (and getActiveSpreadsheet()) return null when the script runs outside the
 * spreadsheet it belongs to: a standalone copy of the script, not a busy workbook.
 */
export const NOT_BOUND_MESSAGE =
  'Kịch bản CCHC đang chạy ngoài bảng tính (không gắn với bảng tính nào), nên không thể khóa và ghi vào bảng tính. Chưa có gì được ghi. Hãy mở bảng tính theo dõi, chọn Tiện ích mở rộng › Apps Script và cài kịch bản vào đó, rồi chạy lại từ menu CCHC.';

/** Runs `fn` holding the document lock (SPEC §1): every write of an operation happens inside. */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new UserError(NOT_BOUND_MESSAGE);
  if (!lock.tryLock(waitMs)) throw new UserError(lockBusyMessage(waitMs / 1000));
  try {
    const out = fn();
    SpreadsheetApp.flush();
    return out;
  } finally {
    lock.releaseLock();
  }
}
