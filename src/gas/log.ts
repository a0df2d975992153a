/** The append-only `Nhật ký` sheet: one row per menu action or trigger run. */
import { LOG } from '../contract/sheets';
import { asCellText, fitCell } from '../core/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function currentUser(): string {
  // Empty in simple triggers and for users outside the domain; the effective user is the owner
  // for time-driven runs.
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/** Every row of `Nhật ký`, header included; none when there is no such sheet. */
export function readLog(ss: Spreadsheet): unknown[][] {
  const sheet = ss.getSheetByName(LOG.name);
  return sheet ? sheet.getDataRange().getValues() : [];
}

/** Appends one row; creates the sheet (headers only) if a user deleted it. */
export function appendLog(ss: Spreadsheet, action: string, result: string): void {
  let sheet = ss.getSheetByName(LOG.name);
  if (!sheet) {
    sheet = ss.insertSheet(LOG.name);
    sheet.appendRow([...LOG.headers]);
  }
  // A cell holds 50,000 characters; a longer row would throw after the work was done.
  const cell = (s: string) => fitCell(asCellText(s));
  sheet.appendRow([new Date(), cell(currentUser()), cell(action), cell(result)]);
}
