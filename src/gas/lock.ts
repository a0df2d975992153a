import { UserError } from '../core/errors';

export const LOCK_WAIT_MS = 30_000;

export const lockBusyMessage = (seconds: number) =>
  `Một thao tác khác (của người khác hoặc của lịch chạy tự động) đang ghi vào bảng tính và chưa xong sau ${seconds} giây. Chưa có gì được ghi; vui lòng thử lại sau ít phút.`;

/** Runs `fn` holding the document lock (SPEC §1): every write of an operation happens inside. */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(waitMs)) throw new UserError(lockBusyMessage(waitMs / 1000));
  try {
    const out = fn();
    SpreadsheetApp.flush();
    return out;
  } finally {
    lock.releaseLock();
  }
}
