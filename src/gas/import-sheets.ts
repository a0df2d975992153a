/**
 * The sheet side of importPlan / confirmImport (docs/SPEC.md §8): the review sheet `Nhập kế hoạch`
 * written in one block, the review's `Đã nhập` column and blank `Cấu hình` values. Service calls do not grow with the number of rows.
 */
import { CONFIG_SHEET } from '../contract/sheets';
import { REVIEW_HEADERS, REVIEW_SHEET } from '../core/import/review';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Replaces the review sheet's content with the header and these rows; `Nhập` as checkboxes. */
export function writeReviewSheet(ss: Spreadsheet, rows: readonly (readonly unknown[])[]): void {
  const sheet = ss.getSheetByName(REVIEW_SHEET) ?? ss.insertSheet(REVIEW_SHEET);
  const old = sheet.getDataRange();
  old.clearContent();
  old.clearDataValidations();
  sheet.getRange(1, 1, rows.length + 1, REVIEW_HEADERS.length).setValues([[...REVIEW_HEADERS], ...rows.map((r) => [...r])]);
  if (rows.length) {
    sheet
      .getRange(2, REVIEW_HEADERS.indexOf('Nhập') + 1, rows.length, 1)
      .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  }
  sheet.setFrozenRows(1);
}

/** One column of the review sheet below its header, written in one call. */
export function writeReviewColumn(ss: Spreadsheet, col: number, values: readonly unknown[]): void {
  const sheet = ss.getSheetByName(REVIEW_SHEET);
  if (sheet && values.length) sheet.getRange(2, col + 1, values.length, 1).setValues(values.map((v) => [v]));
}

/** Values into blank `Cấu hình` cells (row index of the sheet's values) and new label rows below. */
export function writeSettings(
  ss: Spreadsheet,
  rowsNow: number,
  fills: readonly [row: number, value: unknown][],
  appends: readonly [label: string, value: unknown][],
): void {
  const sheet = ss.getSheetByName(CONFIG_SHEET);
  if (!sheet) return;
  // A handful of settings at most: one call each, whatever the size of the other sheets.
  for (const [row, value] of fills) sheet.getRange(row + 1, 2).setValue(value);
  if (appends.length) sheet.getRange(rowsNow + 1, 1, appends.length, 2).setValues(appends.map(([l, v]) => [l, v]));
}
