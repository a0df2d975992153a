/**
 * How every operation runs: under the document lock, with one `Nhật ký` row, and (from the menu)
 * one Vietnamese dialog. A UserError's message is shown as it is; anything else is reported as an
 * unexpected error without a stack trace.
 */
import type { Context, Zone } from '../core/context';
import { UserError } from '../core/errors';
import { readContext } from '../gas/context';
import { withDocumentLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import { alert } from '../gas/ui';
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
 * written).
 */
export function runLogged<T>(action: string, op: Operation<T>, prepared?: Prepared): Done<T> {
  const ss = prepared?.ss ?? activeSpreadsheet();
  return withDocumentLock(() => {
    try {
      const done = op(ss, readContext(ss, prepared?.zone));
      appendLog(ss, action, done.message);
      return done;
    } catch (e) {
      const message = errorMessage(e);
      appendLog(ss, action, `Không thực hiện được: ${message}`);
      throw new UserError(message);
    }
  });
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
  alert(message, action);
  return value;
}
