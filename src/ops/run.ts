/**
 * How every operation runs: under the document lock, with one `Nhật ký` row, and (from the menu)
 * one Vietnamese dialog. A UserError's message is shown as it is; a service's transient failure
 * asks the user to try again; anything else is reported as an unexpected error without a stack trace.
 */
import type { Context, Zone } from '../core/context';
import { isTransient, transientMessage, UserError } from '../core/errors';
import { readContext } from '../gas/context';
import { withDocumentLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import { alert, toast } from '../gas/ui';
import { activeSpreadsheet } from '../gas/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Done<T> {
  value: T;
  /** What to tell the user and write to `Nhật ký`. */
  message: string;
  /** A longer text for the dialog than for `Nhật ký` (a list whose count is logged). */
  dialog?: string;
}

export function errorMessage(e: unknown): string {
  if (e instanceof UserError) return e.message;
  if (isTransient(e)) return transientMessage(e);
  const detail = e instanceof Error ? e.message : String(e);
  return `Đã xảy ra lỗi không mong muốn: ${detail}. Chưa có thay đổi nào được hoàn tất; vui lòng thử lại hoặc báo cho người quản trị.`;
}

export type Operation<T> = (ss: Spreadsheet, ctx: Context) => Done<T>;

/** What an execution read before it took the lock (a report menu item), reused inside. */
export interface Prepared {
  ss: Spreadsheet;
  zone: Zone;
}

/**
 * Runs `op` under the lock, with this execution's context (read once, inside the lock), and logs
 * its outcome in the same lock. Throws a UserError with the message to show when the operation
 * failed (the failure is logged too, unless the lock could not be taken: then nothing at all is
 * written). Once the operation has finished, a service failing while it is logged does not turn it
 * into a failure: the user would run it again and, for a report, get a second document.
 */
export function runLogged<T>(action: string, op: Operation<T>, prepared?: Prepared): Done<T> {
  try {
    const ss = prepared?.ss ?? activeSpreadsheet();
    return withDocumentLock(() => {
      let done: Done<T>;
      try {
        done = op(ss, readContext(ss, prepared?.zone));
      } catch (e) {
        const message = errorMessage(e);
        logAfterAll(ss, action, `Không thực hiện được: ${message}`);
        throw new UserError(message);
      }
      logAfterAll(ss, action, done.message);
      return done;
    });
  } catch (e) {
    // Also what failed outside the lock: opening the spreadsheet, taking the lock.
    throw e instanceof UserError ? e : new UserError(errorMessage(e));
  }
}

/** Appends the log line, once more if a service failed this once; then gives up (the outcome stands). */
function logAfterAll(ss: Spreadsheet, action: string, result: string): void {
  try {
    appendLog(ss, action, result);
  } catch (e) {
    if (!isTransient(e)) throw e;
    try {
      appendLog(ss, action, result);
    } catch {
      // Nhật ký misses this line; the user still sees the outcome.
    }
  }
}

/** A menu item: runs the operation and shows its message (or the error) in a dialog. */
export function menuAction<T>(action: string, op: Operation<T>, prepared?: Prepared): T | undefined {
  let value: T | undefined;
  let message: string;
  try {
    const done = runLogged(action, op, prepared);
    value = done.value;
    message = done.dialog ?? done.message;
  } catch (e) {
    message = errorMessage(e);
  }
  tell(message, action, prepared?.ss);
  return value;
}

/** The dialog; should the dialog service fail this once, a toast says it instead. */
function tell(message: string, title: string, ss?: Spreadsheet): void {
  try {
    alert(message, title);
  } catch (e) {
    if (!isTransient(e)) throw e;
    toast(ss ?? activeSpreadsheet(), message, title, 30);
  }
}
