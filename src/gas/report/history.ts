/** The `Lịch sử` sheet: read before a report, appended to after it (one block write). */
import { type Day, instantOfDay, type Offset } from '../../core/days';
import { HISTORY } from '../../contract/sheets';
import {
  historyCells,
  historyColumns,
  type HistoryEntry,
  type HistoryRow,
  isBlankSheet,
  parseHistory,
} from '../../core/report/history';
import { asCellText } from '../../core/text';
import { DATE_FORMAT, HISTORY_LAYOUT } from '../../contract/layout';
import { layOut } from '../sheet-builder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Entries so far; a sheet that lost one of its headers is refused before anything is written. */
export function readHistory(ss: Spreadsheet): HistoryEntry[] {
  const sheet = ss.getSheetByName(HISTORY.name);
  return sheet ? parseHistory(sheet.getDataRange().getValues()) : [];
}

/**
 * Appends the rows, their values in the last call (a failure before it leaves no row). Returns how
 * to take them back, for a report that fails after this.
 */
export function appendHistory(ss: Spreadsheet, rows: readonly HistoryRow[], offsetMinutes: Offset): () => void {
  if (!rows.length) return () => undefined;
  const sheet = ss.getSheetByName(HISTORY.name) ?? ss.insertSheet(HISTORY.name);
  let header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0]!;
  if (isBlankSheet([header])) {
    header = HISTORY_LAYOUT.columns.map((c) => c.header);
    // The header last: a sheet left without it gets both again.
    layOut(sheet, HISTORY_LAYOUT);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  }
  const cols = historyColumns(header);
  const date = (d: Day) => new Date(instantOfDay(d, offsetMinutes));
  const cells = rows.map((r) =>
    historyCells(r, cols, header.length, date).map((v) => (typeof v === 'string' ? asCellText(v) : v)),
  );
  const start = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  if (start + cells.length - 1 > maxRows) sheet.insertRowsAfter(maxRows, start + cells.length - 1 - maxRows);
  sheet.getRange(start, cols.createdAt + 1, cells.length, 1).setNumberFormat(DATE_FORMAT);
  const block = sheet.getRange(start, 1, cells.length, header.length);
  block.setValues(cells);
  // The rows become blank again; the next append starts on them.
  return () => void block.clearContent();
}
