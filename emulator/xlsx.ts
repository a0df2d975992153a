/**
 * Saves the emulated workbook as .xlsx (exceljs) as Sheets would show it: values, number formats,
 * colours, bold, notes, wrapping, column widths, frozen rows, and row heights grown to fit wrapped
 * text (Sheets fits them itself; a spreadsheet file must carry them).
 */
import ExcelJS from 'exceljs';
import { displayValue, type SheetModel, type SpreadsheetModel } from './services/spreadsheet';
import { zonedParts } from './services/utilities';

/** Sheets' default row: 21 px. One more line of 10 pt Arial adds about 15 px. */
const ROW_PX = 21;
const LINE_PX = 15;
/** Width of an average character of 10 pt Arial (rounded up: a row too tall beats overprinting), and the cell's padding, in pixels. */
const CHAR_PX = 7;
const PADDING_PX = 6;
const pt = (px: number) => px * 0.75;

/**
 * exceljs writes a Date as the serial of its UTC wall clock: move the instant to the same wall
 * clock in `timeZone`, so that 09:30 in Hà Nội is 09:30 in the file.
 */
function wallClock(d: Date, timeZone: string): Date {
  const p = zonedParts(d, timeZone);
  const n = (t: string) => Number(p[t]);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')));
}

/** Lines a wrapped text takes in a column `px` wide. */
function lines(text: string, px: number): number {
  const perLine = Math.max(1, Math.floor((px - PADDING_PX) / CHAR_PX));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function copySheet(wb: ExcelJS.Workbook, sheet: SheetModel, timeZone: string): void {
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
    views: sheet.frozenRows ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
  });
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  // Excel's width unit is the width of a digit (7 px at the default font) plus padding.
  for (let c = 1; c <= cols; c++) ws.getColumn(c).width = Math.max(1, (sheet.getColumnWidth(c) - 5) / 7);
  for (let r = 1; r <= rows; r++) {
    let height = ROW_PX;
    for (let c = 1; c <= cols; c++) {
      const src = sheet.cell(r, c);
      const cell = ws.getCell(r, c);
      const value = src.value instanceof Date ? wallClock(src.value, timeZone) : src.value === '' ? null : src.value;
      cell.value = src.formula
        ? ({ formula: src.formula.slice(1), result: value ?? undefined } as ExcelJS.CellValue)
        : (value as ExcelJS.CellValue);
      if (src.format) cell.numFmt = src.format;
      if (src.background !== '#ffffff') {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${src.background.slice(1).toUpperCase()}` } };
      }
      if (src.note) cell.note = src.note;
      // Sheets' default font; a viewer without Arial uses a metric-compatible one (Liberation Sans).
      cell.font = { name: 'Arial', size: 10, bold: src.bold };
      cell.alignment = { wrapText: src.wrap, vertical: 'top' };
      if (src.wrap) {
        const text = displayValue(src.value, src.format, timeZone);
        height = Math.max(height, (lines(text, sheet.getColumnWidth(c)) - 1) * LINE_PX + ROW_PX);
      }
    }
    ws.getRow(r).height = pt(height);
  }
}

export async function saveXlsx(ss: SpreadsheetModel, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ss.sheets) copySheet(wb, sheet, ss.timeZone);
  await wb.xlsx.writeFile(path);
}
