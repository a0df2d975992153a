import type { Done } from './run';
import { notBuiltYet } from './pending';

export function validateOperation(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Done<void> {
  return notBuiltYet('Kiểm tra dữ liệu');
}
