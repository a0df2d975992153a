/**
 * What the formula evaluator, chart and protection models need of a spreadsheet, a sheet and a
 * range: spreadsheet.ts implements these, so its helpers never import it back.
 */
import type { CellValue } from '../entry';

export interface GridBook {
  getSheetByName(name: string): GridSheet | null;
}

export interface GridSheet {
  readonly sheetId: number;
  readonly parent: GridBook;
  getMaxRows(): number;
  getMaxColumns(): number;
  /** The value Sheets shows in a cell (a formula's result for a formula cell). */
  valueAt(row: number, column: number): CellValue;
}

export interface GridRange {
  readonly sheet: GridSheet;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  getLastRow(): number;
  getLastColumn(): number;
  getA1Notation(): string;
}
