import { isTransient, UserError } from '../core/errors';

const LOCK_WAIT_MS = 30_000;

const lockBusyMessage = (seconds: number) =>
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
  let out: T;
  try {
    out = fn();
  } catch (e) {
    release(lock);
    throw e;
  }
  // The operation has finished: a flush or release failing this once must not report it as failed
  // (a re-run would redo it). Apps Script applies pending writes and frees the lock when the
  // execution ends anyway.
  try {
    SpreadsheetApp.flush();
  } catch (e) {
    if (!isTransient(e)) throw e;
  }
  release(lock);
  return out;
}

function release(lock: GoogleAppsScript.Lock.Lock): void {
  try {
    lock.releaseLock();
  } catch (e) {
    if (!isTransient(e)) throw e;
  }
}
