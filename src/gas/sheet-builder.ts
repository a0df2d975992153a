/**
 * Creating the sheets of the template: values in one call, then formats, widths, validation and
 * protection per column, so the number of calls depends on the layout, never on the rows.
 */
import { type ColumnLayout, HEADER_BACKGROUND, SHARE_FORMAT, type SheetLayout, type Validation } from '../contract/layout';
import type { Written } from '../core/fill';
import type { OverviewLayout } from '../core/overview';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const COMPUTED_WARNING = 'Cột do CCHC tính tự động: sửa tay sẽ bị ghi đè khi trạng thái được cập nhật.';
export const LOG_WARNING = 'Nhật ký do CCHC tự ghi: không sửa hoặc xoá các dòng đã có.';
const OVERVIEW_WARNING = 'Bảng tổng quan tính bằng công thức: sửa tay sẽ làm sai số liệu.';

function rule(v: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (v.kind === 'list') builder.requireValueInList([...v.values], true);
  else if (v.kind === 'date') builder.requireDate();
  else builder.requireNumberBetween(v.min, v.max);
  return builder.setAllowInvalid(!v.strict).setHelpText(v.help).build();
}

/** Creates a sheet at `position` and fills it: header row (bold, coloured, frozen), template rows, and each column's setup. */
export function createSheet(ss: Spreadsheet, position: number, layout: SheetLayout, grid: readonly (readonly Written[])[]): void {
  whole(ss, ss.insertSheet(layout.name, position), (sheet) => fillSheet(sheet, layout, grid));
}

/**
 * Fills a sheet just inserted; should a service fail half-way, the half-made sheet is deleted, so
 * that running the setup again makes it whole rather than keep it as a user's sheet.
 */
function whole(ss: Spreadsheet, sheet: Sheet, fill: (sheet: Sheet) => void): void {
  try {
    fill(sheet);
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // The error that stopped the setup is the one to report.
    }
    throw e;
  }
}

function fillSheet(sheet: Sheet, layout: SheetLayout, grid: readonly (readonly Written[])[]): void {
  sheet.getRange(1, 1, grid.length, layout.columns.length).setValues(grid.map((r) => [...r]));
  const rows = sheet.getMaxRows();
  layOut(sheet, layout, rows);
  for (const header of layout.computed) {
    const c = layout.columns.findIndex((x) => x.header === header) + 1;
    sheet.getRange(1, c, rows, 1).protect().setDescription(COMPUTED_WARNING).setWarningOnly(true);
  }
  if (layout.protectSheet) sheet.protect().setDescription(LOG_WARNING).setWarningOnly(true);
}

/**
 * The layout of a sheet whose header row is (or is about to be) `layout`'s: the header bold,
 * coloured and frozen, and each column's width, data format, wrap and validation.
 */
export function layOut(sheet: Sheet, layout: SheetLayout, rows = sheet.getMaxRows()): void {
  sheet.getRange(1, 1, 1, layout.columns.length).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  sheet.setFrozenRows(1);
  layout.columns.forEach((col, i) => {
    sheet.setColumnWidth(i + 1, col.width);
    if (rows < 2 || (!col.format && !col.wrap && !col.validation)) return;
    const data = sheet.getRange(2, i + 1, rows - 1, 1);
    if (col.format) data.setNumberFormat(col.format);
    if (col.wrap) data.setWrap(true);
    if (col.validation) data.setDataValidation(rule(col.validation));
  });
}

/**
 * Appends `columns` after column `after` of an existing sheet (docs/SPEC.md §4 migrations): their
 * header cells styled as setup styles headers, their width, and their data cells' format, wrap and
 * validation. Nothing else of the sheet is touched.
 */
export function appendColumns(sheet: Sheet, after: number, columns: readonly ColumnLayout[]): void {
  const lacking = after + columns.length - sheet.getMaxColumns();
  if (lacking > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), lacking);
  const rows = sheet.getMaxRows();
  columns.forEach((col, i) => {
    sheet.setColumnWidth(after + i + 1, col.width);
    if (rows < 2 || (!col.format && !col.wrap && !col.validation)) return;
    const data = sheet.getRange(2, after + i + 1, rows - 1, 1);
    if (col.format) data.setNumberFormat(col.format);
    if (col.wrap) data.setWrap(true);
    if (col.validation) data.setDataValidation(rule(col.validation));
  });
  const header = sheet.getRange(1, after + 1, 1, columns.length);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  // The header texts last: a run that stops before them leaves empty columns, which the re-run,
  // finding the headers still missing, sets up again in the same place.
  header.setValues([columns.map((c) => c.header)]);
}

/** Creates the overview as the first sheet: its formulas in one call, bold rows, the share-met format, and one chart. */
export function createOverview(ss: Spreadsheet, name: string, layout: OverviewLayout): void {
  whole(ss, ss.insertSheet(name, 0), (sheet) => fillOverview(sheet, layout));
}

function fillOverview(sheet: Sheet, layout: OverviewLayout): void {
  const rows = layout.cells.length;
  const width = layout.cells[0]!.length;
  const block = sheet.getRange(1, 1, rows, width);
  block.setValues(layout.cells);
  block.setFontWeights(
    layout.cells.map((_, r) => Array.from({ length: width }, () => (layout.boldRows.includes(r + 1) ? 'bold' : 'normal'))),
  );
  for (const r of layout.headerRows) sheet.getRange(r, 1, 1, width).setBackground(HEADER_BACKGROUND).setWrap(true);
  layout.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  const { column, fromRow, toRow } = layout.percent;
  sheet.getRange(fromRow, column, toRow - fromRow + 1, 1).setNumberFormat(SHARE_FORMAT);
  const chart = sheet.newChart().asBarChart().setStacked().setTitle(layout.chart.title);
  for (const a1 of layout.chart.ranges) chart.addRange(sheet.getRange(a1));
  sheet.insertChart(
    chart.setOption('legend', { position: 'bottom' }).setPosition(layout.chart.row, layout.chart.column, 0, 0).build(),
  );
  sheet.protect().setDescription(OVERVIEW_WARNING).setWarningOnly(true);
}
