import type { Done } from './run';
import { notBuiltYet } from './pending';

export function installTriggersOperation(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Done<void> {
  return notBuiltYet('Bật nhắc việc tự động');
}

export function removeTriggersOperation(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Done<void> {
  return notBuiltYet('Tắt nhắc việc tự động');
}

/** The time-driven handler: no UI in that context. */
export function dailyCheckRun(_e?: GoogleAppsScript.Events.TimeDriven): void {
  notBuiltYet('Kiểm tra hằng ngày');
}
