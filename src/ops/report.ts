import type { Done } from './run';
import { notBuiltYet } from './pending';

export function reportOperation(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _periodCode: string): Done<string> {
  return notBuiltYet('Tạo báo cáo');
}

export interface CreatedReport {
  url: string;
  name: string;
  periodName: string;
}

/** The period's report as a Google Doc, its link written into the period row (caller holds the lock). */
export function createReport(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _periodCode: string): CreatedReport {
  return notBuiltYet('Tạo báo cáo');
}

export function nextDuePeriodCode(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return notBuiltYet('Báo cáo kỳ sắp đến hạn');
}
