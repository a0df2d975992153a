/**
 * The hub workbook's own sheets: reading `Đơn vị` and the hub's settings, writing a run of rows of
 * `Số liệu tổng hợp` and the two computed columns of `Đơn vị`, one call per block.
 */
import { HEADER_BACKGROUND, SHARE_FORMAT } from '../../contract/layout';
import { CONFIG_SHEET } from '../../contract/sheets';
import { cellText, normalizeLabel } from '../../core/text';
import { LOG_WARNING } from '../../gas/sheet-builder';
import { readBlock, readSheet } from '../../gas/book';
import { SUMMARY_HEADERS, SUMMARY_SHEET, summaryHeaderRow, UNITS } from '../contract';
import { type Unit, unitsOf } from '../units';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readUnits(ss: Spreadsheet): { units: Unit[]; cols: Record<keyof typeof UNITS.columns, number> } {
  const block = readBlock(ss, UNITS, false);
  return { units: unitsOf(block.grid.values, block.cols), cols: block.cols };
}

/** `Cách thu thập` in the hub's `Cấu hình`: `Tuần tự` turns the parallel reader off. */
export const MODE_LABEL = 'Cách thu thập';
export const MODES = { parallel: 'Đồng thời', sequential: 'Tuần tự' } as const;

export function readMode(ss: Spreadsheet): 'parallel' | 'sequential' {
  const rows = readSheet(ss, CONFIG_SHEET)?.grid.values ?? [];
  const row = rows.find((r) => normalizeLabel(cellText(r[0])) === normalizeLabel(MODE_LABEL));
  return row && normalizeLabel(cellText(row[1])) === normalizeLabel(MODES.sequential) ? 'sequential' : 'parallel';
}

/** Writes sheet rows first..last of `Số liệu tổng hợp` (row r holds the unit of `Đơn vị` row r). */
export function writeSummaryRows(ss: Spreadsheet, first: number, rows: readonly unknown[][]): void {
  if (!rows.length) return;
  const sheet = ss.getSheetByName(SUMMARY_SHEET) ?? ss.insertSheet(SUMMARY_SHEET);
  const width = summaryHeaderRow().length;
  if (sheet.getMaxRows() < first + rows.length - 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), first + rows.length - 1 - sheet.getMaxRows());
  sheet.getRange(1, 1, 1, width).setValues([summaryHeaderRow()]);
  sheet.getRange(first, 1, rows.length, width).setValues(rows.map((r) => [...r]));
}

/** Clears summary rows below `lastRow` (communes removed from `Đơn vị` since the last round). */
export function clearSummaryBelow(ss: Spreadsheet, lastRow: number): void {
  const sheet = ss.getSheetByName(SUMMARY_SHEET);
  if (!sheet) return;
  const last = sheet.getLastRow();
  if (last > lastRow) sheet.getRange(lastRow + 1, 1, last - lastRow, summaryHeaderRow().length).clearContent();
}

/** One call per computed column of `Đơn vị` for rows first..first+n-1. */
export function writeUnitColumns(
  ss: Spreadsheet,
  cols: Record<keyof typeof UNITS.columns, number>,
  first: number,
  statuses: readonly unknown[],
  updatedAt: readonly unknown[],
): void {
  if (!statuses.length) return;
  const sheet = ss.getSheetByName(UNITS.name)!;
  sheet.getRange(first, cols.status + 1, statuses.length, 1).setValues(statuses.map((s) => [s]));
  sheet.getRange(first, cols.updatedAt + 1, updatedAt.length, 1).setValues(updatedAt.map((s) => [s]));
}

/** `Số liệu tổng hợp` as it stands (header first); empty when the sheet is missing. */
export function readSummary(ss: Spreadsheet): readonly (readonly unknown[])[] {
  return readSheet(ss, SUMMARY_SHEET)?.grid.values ?? [];
}

/**
 * Creates `Số liệu tổng hợp`: wider than a new sheet's 26 columns, so columns are added first;
 * header row, share format, and a warning-only protection (only collectHub writes it).
 */
export function createSummarySheet(ss: Spreadsheet, position: number): void {
  const sheet = ss.insertSheet(SUMMARY_SHEET, position);
  const header = summaryHeaderRow();
  const more = header.length - sheet.getMaxColumns();
  if (more > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), more);
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, header.length, 120);
  const share = header.indexOf(SUMMARY_HEADERS.shareMet) + 1;
  sheet.getRange(2, share, sheet.getMaxRows() - 1, 1).setNumberFormat(SHARE_FORMAT);
  sheet.protect().setDescription(LOG_WARNING).setWarningOnly(true);
}
