import type { Done } from './run';
import { notBuiltYet } from './pending';

export function setupOperation(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Done<void> {
  return notBuiltYet('Thiết lập bảng tính');
}
