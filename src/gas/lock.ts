import { isTransient, UserError } from '../core/errors';

export const LOCK_WAIT_MS = 30_000;

export const lockBusyMessage = (seconds: number) =>
  `Một thao tác khác (của người khác hoặc của lịch chạy tự động) đang ghi vào bảng tính và chưa xong sau ${seconds} giây. Chưa có gì được ghi; vui lòng thử lại sau ít phút.`;

/** Runs `fn` holding the document lock (SPEC §1): every write of an operation happens inside. */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(waitMs)) throw new UserError(lockBusyMessage(waitMs / 1000));
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
