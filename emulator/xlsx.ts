/** Saves the emulated workbook as .xlsx (exceljs) with values, formats, colours, notes and widths. */
import ExcelJS from 'exceljs';
import type { SheetModel, SpreadsheetModel } from './services/spreadsheet';

/** exceljs writes Dates as UTC serials: move each to the UTC midnight of its calendar day in `timeZone`. */
function calendarDate(d: Date, timeZone: string): Date {
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(d)
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y!, m! - 1, day!));
}

/** Sheets' number formats that Excel reads differently (minutes vs months). */
const excelFormat = (f: string) => f.replace(/dd\/mm\/yyyy/i, 'dd/mm/yyyy');

function copySheet(wb: ExcelJS.Workbook, sheet: SheetModel, timeZone: string): void {
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
    views: sheet.frozenRows ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
  });
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  for (let c = 1; c <= cols; c++) ws.getColumn(c).width = sheet.getColumnWidth(c) / 7;
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const src = sheet.cell(r, c);
      const cell = ws.getCell(r, c);
      if (src.formula)
        cell.value = {
          formula: src.formula.slice(1),
          result: src.value === '' ? undefined : (src.value as ExcelJS.CellValue),
        } as ExcelJS.CellValue;
      else cell.value = src.value instanceof Date ? calendarDate(src.value, timeZone) : src.value === '' ? null : src.value;
      if (src.format) cell.numFmt = excelFormat(src.format);
      if (src.background !== '#ffffff') {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${src.background.slice(1).toUpperCase()}` } };
      }
      if (src.note) cell.note = src.note;
      if (src.bold) cell.font = { bold: true };
      cell.alignment = { wrapText: typeof src.value === 'string' && src.value.length > 40, vertical: 'top' };
    }
  }
}

export async function saveXlsx(ss: SpreadsheetModel, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ss.sheets) copySheet(wb, sheet, ss.timeZone);
  await wb.xlsx.writeFile(path);
}
