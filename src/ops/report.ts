import type { Done } from './run';
import { notBuiltYet } from './pending';

export function reportOperation(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _periodCode: string): Done<string> {
  return notBuiltYet('Tạo báo cáo');
}

export function nextDuePeriodCode(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return notBuiltYet('Báo cáo kỳ sắp đến hạn');
}
