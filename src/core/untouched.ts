/**
 * Whether a sheet is as Sheets made it: the empty default sheet (`Sheet1`, `Trang tính1`) that a
 * new spreadsheet comes with, which `setupWorkbook` may remove once its own sheets exist. Anything
 * a person could have put there counts, so a sheet is kept at the least doubt.
 */

/** What src/gas/workbook.ts reads of a sheet; the grids cover every cell of it. */
export interface SheetState {
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  protections: number;
  charts: number;
  notes: readonly (readonly string[])[];
  backgrounds: readonly (readonly string[])[];
  numberFormats: readonly (readonly string[])[];
  fontWeights: readonly (readonly string[])[];
  validations: readonly (readonly unknown[])[];
}

/** What Apps Script reads of a cell nobody formatted; any other reading keeps the sheet. */
const AUTOMATIC_FORMAT = '0.###############';
const WHITE = '#ffffff';

const every = <T>(grid: readonly (readonly T[])[], ok: (v: T) => boolean) => grid.every((row) => row.every(ok));

export function isUntouched(s: SheetState): boolean {
  return (
    s.lastRow === 0 &&
    s.lastColumn === 0 &&
    s.frozenRows === 0 &&
    s.protections === 0 &&
    s.charts === 0 &&
    every(s.notes, (v) => v === '') &&
    every(s.backgrounds, (v) => v === WHITE) &&
    every(s.numberFormats, (v) => v === AUTOMATIC_FORMAT) &&
    every(s.fontWeights, (v) => v === 'normal') &&
    every(s.validations, (v) => v === null)
  );
}
