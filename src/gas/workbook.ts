/** The spreadsheet itself: the active one, its sheets' places and links. */
import { isUntouched, type SheetState } from '../core/untouched';
import { WORKBOOK_LOCALE, WORKBOOK_TIME_ZONE } from '../contract/locale';
import { UserError } from '../core/errors';
import { NOT_BOUND_MESSAGE } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet the script is bound to (null outside it: see NOT_BOUND_MESSAGE). */
export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError(NOT_BOUND_MESSAGE);
  return ss;
}

/** The spreadsheet's time zone and locale. */
export function workbookLocale(ss: Spreadsheet): { timeZone: string; locale: string } {
  return { timeZone: ss.getSpreadsheetTimeZone(), locale: ss.getSpreadsheetLocale() };
}

/** Sets the time zone and locale the product expects (a new workbook, docs/SPEC.md §8). */
export function adoptWorkbookLocale(ss: Spreadsheet): void {
  ss.setSpreadsheetTimeZone(WORKBOOK_TIME_ZONE);
  ss.setSpreadsheetLocale(WORKBOOK_LOCALE);
}

/** A link that opens the sheet (the spreadsheet's own when the sheet is gone). */
export function sheetUrl(ss: Spreadsheet, name: string): string {
  const sheet = ss.getSheetByName(name);
  return sheet ? `${ss.getUrl()}#gid=${sheet.getSheetId()}` : ss.getUrl();
}

/**
 * A sheet that exists: its 1-based position and, when asked for, its header row (empty when the
 * sheet is). Null when there is no sheet of that name.
 */
export function existingSheet(ss: Spreadsheet, name: string, withHeader: boolean): { index: number; header: unknown[] } | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const index = sheet.getIndex();
  if (!withHeader) return { index, header: [] };
  const width = sheet.getLastColumn();
  return { index, header: width ? sheet.getRange(1, 1, 1, width).getValues()[0]! : [] };
}

export function spreadsheetName(ss: Spreadsheet): string {
  return ss.getName();
}

export function spreadsheetUrl(ss: Spreadsheet): string {
  return ss.getUrl();
}

/** The names of the spreadsheet's sheets, in their order. */
export function sheetNames(ss: Spreadsheet): string[] {
  return ss.getSheets().map((s) => s.getName());
}

/**
 * Deletes the sheet `name` if it is exactly as Sheets made it (src/core/untouched.ts); reads the
 * whole grid once per attribute. Call it beside other sheets: the last one cannot go. True when
 * it was deleted.
 */
export function deleteIfUntouched(ss: Spreadsheet, name: string): boolean {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return false;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  const state: SheetState = {
    lastRow: sheet.getLastRow(),
    lastColumn: sheet.getLastColumn(),
    frozenRows: sheet.getFrozenRows(),
    protections:
      sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length +
      sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length,
    charts: sheet.getCharts().length,
    notes: all.getNotes(),
    backgrounds: all.getBackgrounds(),
    numberFormats: all.getNumberFormats(),
    fontWeights: all.getFontWeights(),
    validations: all.getDataValidations(),
  };
  if (!isUntouched(state)) return false;
  ss.deleteSheet(sheet);
  return true;
}
