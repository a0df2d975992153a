/**
 * In-memory SpreadsheetApp: spreadsheets, sheets and ranges with values, formulas (evaluated by
 * emulator/formulas.ts), number formats, backgrounds, notes, bold text, frozen rows, column widths,
 * data validation, protections and embedded charts. Methods behave as Apps
 * Script's do, including their errors (messages as Apps Script words them in English).
 */
import { type CellValue, type Entry, entered, enteredNote } from '../entry';
import { AppsScriptError, serviceFailed } from '../errors';
import { evaluateFormula, withFormulaCache } from '../formulas';
import { LOCALES, localeRules } from '../locale';
import { ServiceObject } from '../realm';
import { EmbeddedChartBuilderModel, type EmbeddedChartModel } from './charts';
import { PROTECTION_TYPE, ProtectionModel } from './protection';
import type { GridBook, GridRange, GridSheet } from './sheet-types';
import { formatDate } from './utilities';
import { DATA_VALIDATION_CRITERIA, DataValidationBuilderModel, DataValidationModel } from './validation';

export type { CellValue };
type Grid<T> = (T | undefined)[][];

export const DEFAULT_BACKGROUND = '#ffffff';
/** What getNumberFormat returns for a cell whose format was never set. */
export const AUTOMATIC_FORMAT = '0.###############';
export const DEFAULT_COLUMN_WIDTH = 100;

function isTimeZone(tz: unknown): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: String(tz) });
    return typeof tz === 'string' && tz !== '';
  } catch {
    return false;
  }
}

function at<T>(grid: Grid<T>, r: number, c: number): T | undefined {
  return grid[r]?.[c];
}

function put<T>(grid: Grid<T>, r: number, c: number, v: T | undefined): void {
  (grid[r] ??= [])[c] = v;
}

const COLUMN_LETTERS = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export function columnLetters(col: number): string {
  return COLUMN_LETTERS(col);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function displayValue(v: CellValue | undefined, format: string | undefined, timeZone: string): string {
  if (v === undefined || v === '') return '';
  if (v instanceof Date)
    return formatDate(v, timeZone, format && /[dyM]/.test(format) ? format.replace(/mm/g, 'MM') : 'dd/MM/yyyy');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && format) {
    const pct = /^0(?:\.(0+))?%$/.exec(format);
    if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
    const fixed = /^0\.(0+)$/.exec(format);
    if (fixed) return v.toFixed(fixed[1]!.length);
    if (format === '0') return v.toFixed(0);
    if (/[dyM]/.test(format)) {
      // A serial number shown as a date: days since 1899-12-30.
      return formatDate(new Date(Math.round((v - 25569) * 86_400_000)), 'UTC', format.replace(/mm/g, 'MM'));
    }
  }
  return String(v);
}

export class SpreadsheetModel extends ServiceObject implements GridBook {
  readonly kind = 'Spreadsheet';
  readonly service = 'spreadsheet' as const;
  readonly sheets: SheetModel[] = [];
  private nextSheetId = 1;
  toasts: string[] = [];
  /** Host-side: where a copy goes (the emulator files it in Drive); null: copying is refused. */
  onCopy: ((copy: SpreadsheetModel) => string) | null = null;

  constructor(
    public name: string,
    public timeZone: string,
    public locale: string,
    readonly id = 'spreadsheet-1',
  ) {
    super();
  }

  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  rename(name: string) {
    this.name = name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    if (!isTimeZone(tz)) throw new AppsScriptError('Invalid argument: timeZone');
    this.timeZone = tz;
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string) {
    if (!(String(locale) in LOCALES)) throw new AppsScriptError('Invalid argument: locale');
    this.locale = String(locale);
  }
  getSheets() {
    return [...this.sheets];
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSheetById(id: number) {
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }
  getActiveSheet() {
    return this.sheets[0] ?? null;
  }
  toast(msg: string) {
    this.toasts.push(String(msg));
  }

  insertSheet(name?: string, index?: number): SheetModel {
    const sheetName = name ?? `${localeRules(this.locale).sheetName}${this.sheets.length + 1}`;
    if (this.getSheetByName(sheetName)) {
      throw new AppsScriptError(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new SheetModel(this, sheetName, this.nextSheetId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel) {
    if (this.sheets.length === 1) throw new AppsScriptError("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
  }

  /**
   * A copy of the whole spreadsheet under a new id: every sheet with its cells, formats, notes,
   * validation, protections, charts, widths and frozen rows; time zone and locale. Apps Script
   * files it in the root of My Drive; the bound script travels with it, its triggers do not.
   */
  copy(name: string): SpreadsheetModel {
    if (typeof name !== 'string' || name === '')
      throw new AppsScriptError("The parameters () don't match the method signature for SpreadsheetApp.Spreadsheet.copy.");
    if (!this.onCopy) throw new AppsScriptError(serviceFailed('Spreadsheets', this.id));
    const copy = new SpreadsheetModel(name, this.timeZone, this.locale, '');
    for (const sheet of this.sheets) copy.sheets.push(sheet.cloneInto(copy));
    copy.nextSheetId = this.nextSheetId;
    copy.onCopy = this.onCopy;
    (copy as { id: string }).id = this.onCopy(copy);
    return copy;
  }

  getRange(a1: string): RangeModel {
    const m = /^'?(.+?)'?!(.+)$/.exec(a1);
    const sheet = m ? this.getSheetByName(m[1]!) : this.getActiveSheet();
    if (!sheet) throw new AppsScriptError('Range not found');
    return sheet.getRange(m ? m[2]! : a1);
  }
}

export class SheetModel extends ServiceObject implements GridSheet {
  readonly kind = 'Sheet';
  readonly service = 'spreadsheet' as const;
  readonly values: Grid<CellValue> = [];
  readonly formulas: Grid<string> = [];
  readonly formats: Grid<string> = [];
  readonly backgrounds: Grid<string> = [];
  readonly notes: Grid<string> = [];
  readonly bold: Grid<boolean> = [];
  readonly wraps: Grid<boolean> = [];
  readonly validations: Grid<DataValidationModel> = [];
  /** Smart chips: a cell that holds one shows its title; its link is in the rich text value. */
  readonly chips: Grid<SmartChip> = [];
  readonly protections: ProtectionModel[] = [];
  readonly charts: EmbeddedChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;

  constructor(
    readonly parent: SpreadsheetModel,
    public name: string,
    readonly sheetId: number,
  ) {
    super();
  }

  getName() {
    return this.name;
  }
  setName(name: string) {
    this.name = name;
    return this;
  }

  /** Host-side: this sheet, everything in it, as a sheet of `parent` (Spreadsheet.copy). */
  cloneInto(parent: SpreadsheetModel): SheetModel {
    const sheet = new SheetModel(parent, this.name, this.sheetId);
    const grids = ['values', 'formulas', 'formats', 'backgrounds', 'notes', 'bold', 'wraps', 'validations', 'chips'] as const;
    for (const g of grids) {
      const from = this[g] as Grid<unknown>;
      const to = sheet[g] as Grid<unknown>;
      from.forEach((row, r) => {
        if (row) to[r] = row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v));
      });
    }
    const rebase = (r: GridRange) => new RangeModel(sheet, r.row, r.column, r.numRows, r.numColumns);
    for (const p of this.protections) {
      const copy = new ProtectionModel(sheet, p.type, rebase(p.range));
      copy.description = p.description;
      copy.warningOnly = p.warningOnly;
      sheet.protections.push(copy);
    }
    for (const c of this.charts) sheet.charts.push(c.cloneOn(c.ranges.map(rebase)));
    for (const [col, px] of this.columnWidths) sheet.columnWidths.set(col, px);
    sheet.maxRows = this.maxRows;
    sheet.maxColumns = this.maxColumns;
    sheet.frozenRows = this.frozenRows;
    return sheet;
  }

  getSheetId() {
    return this.sheetId;
  }
  getParent() {
    return this.parent;
  }
  getIndex() {
    return this.parent.sheets.indexOf(this) + 1;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  getColumnWidth(col: number) {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(col: number, px: number) {
    this.columnWidths.set(col, px);
    return this;
  }
  setColumnWidths(start: number, count: number, px: number) {
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, px);
    return this;
  }

  private hasContent(r: number, c: number): boolean {
    const v = at(this.values, r, c);
    return (v !== undefined && v !== '') || at(this.formulas, r, c) !== undefined;
  }

  getLastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      const row = Math.max(this.values[r]?.length ?? 0, this.formulas[r]?.length ?? 0);
      for (let c = 0; c < row; c++) if (this.hasContent(r, c)) return r + 1;
    }
    return 0;
  }

  getLastColumn(): number {
    let last = 0;
    const rows = Math.max(this.values.length, this.formulas.length);
    for (let r = 0; r < rows; r++) {
      const n = Math.max(this.values[r]?.length ?? 0, this.formulas[r]?.length ?? 0);
      for (let c = n - 1; c >= last; c--)
        if (this.hasContent(r, c)) {
          last = c + 1;
          break;
        }
    }
    return last;
  }

  getDataRange(): RangeModel {
    return new RangeModel(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  /** Values without a Range; -1 rows or columns reach the last row or column with data. */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number) {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.getRange(startRow, startColumn, rows, columns).getValues();
  }

  protect(): ProtectionModel {
    const existing = this.protections.find((p) => p.type === PROTECTION_TYPE.SHEET);
    if (existing) return existing;
    const p = new ProtectionModel(this, PROTECTION_TYPE.SHEET, new RangeModel(this, 1, 1, this.maxRows, this.maxColumns));
    this.protections.push(p);
    return p;
  }

  getProtections(type: string) {
    if (!(type in PROTECTION_TYPE))
      throw new AppsScriptError(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getProtections.",
      );
    return this.protections.filter((p) => p.type === type);
  }

  newChart() {
    return new EmbeddedChartBuilderModel(this);
  }
  getCharts() {
    return [...this.charts];
  }
  insertChart(chart: EmbeddedChartModel) {
    this.charts.push(chart);
  }
  removeChart(chart: EmbeddedChartModel) {
    const i = this.charts.findIndex((c) => c.chartId === chart.chartId);
    if (i < 0) throw new AppsScriptError('The chart was not found on this sheet.');
    this.charts.splice(i, 1);
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeModel {
    if (typeof a === 'string') return this.rangeFromA1(a);
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    if (!Number.isInteger(a) || a < 1) throw new AppsScriptError('The starting row of the range is too small.');
    if (!Number.isInteger(column) || column! < 1) throw new AppsScriptError('The starting column of the range is too small.');
    if (nr < 1) throw new AppsScriptError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new AppsScriptError('The number of columns in the range must be at least 1.');
    if (a + nr - 1 > this.maxRows || column! + nc - 1 > this.maxColumns) {
      throw new AppsScriptError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new RangeModel(this, a, column!, nr, nc);
  }

  private rangeFromA1(a1: string): RangeModel {
    const rows = /^(\d+):(\d+)$/.exec(a1.trim());
    if (rows) {
      const [r1, r2] = [Number(rows[1]), Number(rows[2])];
      return this.getRange(Math.min(r1, r2), 1, Math.abs(r2 - r1) + 1, this.maxColumns).named(
        `${Math.min(r1, r2)}:${Math.max(r1, r2)}`,
      );
    }
    const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(a1.trim());
    if (!m) throw new AppsScriptError('Range not found');
    const c1 = columnNumber(m[1]!);
    const r1 = m[2] ? Number(m[2]) : 1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : m[3] || !m[2] ? this.maxRows : r1;
    const range = this.getRange(Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
    // An open-ended range ("B:B", "B2:B") keeps its notation, as Apps Script's getA1Notation does.
    const open = !m[4] && (!!m[3] || !m[2]);
    if (!open) return range;
    const [left, right] = [columnLetters(Math.min(c1, c2)), columnLetters(Math.max(c1, c2))];
    return range.named(m[2] ? `${left}${r1}:${right}` : `${left}:${right}`);
  }

  private grids(): Grid<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.backgrounds,
      this.notes,
      this.bold,
      this.wraps,
      this.validations,
      this.chips,
    ];
  }

  /** Grows the sheet as inserting rows/columns does. */
  ensureSize(rows: number, columns: number) {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
  }

  insertRowsAfter(after: number, howMany: number) {
    const n = howMany;
    for (const grid of this.grids()) {
      if (grid.length > after) grid.splice(after, 0, ...Array.from({ length: n }, () => []));
    }
    this.maxRows += n;
    this.shiftProtections(after, n, 0);
    return this;
  }

  insertColumnsAfter(after: number, howMany: number) {
    for (const grid of this.grids()) {
      for (const row of grid) if (row && row.length > after) row.splice(after, 0, ...new Array(howMany));
    }
    this.maxColumns += howMany;
    this.shiftProtections(after, 0, howMany);
    return this;
  }

  /** Protected ranges move with their cells when rows or columns are inserted before them. */
  private shiftProtections(after: number, rows: number, columns: number) {
    for (const p of this.protections) {
      const g = p.range;
      const dr = rows && g.row > after ? rows : 0;
      const dc = columns && g.column > after ? columns : 0;
      if (dr || dc) p.range = new RangeModel(this, g.row + dr, g.column + dc, g.numRows, g.numColumns);
    }
  }

  appendRow(row: unknown[]) {
    if (!Array.isArray(row) || row.length === 0)
      throw new AppsScriptError("The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const r = this.getLastRow() + 1;
    this.ensureSize(r, row.length);
    new RangeModel(this, r, 1, 1, row.length).setValues([row]);
    return this;
  }

  /** Host-side helper for fixtures: writes raw values (no entry conversion), growing the sheet. */
  load(rows: readonly (readonly unknown[])[], startRow = 1) {
    const width = Math.max(0, ...rows.map((r) => r.length));
    this.ensureSize(startRow + rows.length - 1, width);
    rows.forEach((row, i) =>
      row.forEach((v, c) => {
        put(this.values, startRow - 1 + i, c, (v instanceof Date ? new Date(v.getTime()) : v) as CellValue);
      }),
    );
    return this;
  }

  /** One cell's value as getValues returns it (formulas evaluated), without building a cell record. */
  valueAt(r: number, c: number): CellValue {
    const formula = at(this.formulas, r - 1, c - 1);
    return formula ? evaluateFormula(formula, this, `${columnLetters(c)}${r}`) : (at(this.values, r - 1, c - 1) ?? '');
  }

  // Grid access for ranges and host-side inspection.
  cell(r: number, c: number) {
    const formula = at(this.formulas, r - 1, c - 1);
    return {
      value: this.valueAt(r, c),
      formula: formula ?? '',
      format: at(this.formats, r - 1, c - 1),
      background: at(this.backgrounds, r - 1, c - 1) ?? DEFAULT_BACKGROUND,
      note: at(this.notes, r - 1, c - 1) ?? '',
      bold: at(this.bold, r - 1, c - 1) ?? false,
      wrap: at(this.wraps, r - 1, c - 1) ?? false,
      validation: at(this.validations, r - 1, c - 1) ?? null,
      chip: at(this.chips, r - 1, c - 1) ?? null,
    };
  }

  /**
   * Host-side: puts a smart chip in a cell, as a user inserting one (@-mention of a person or a
   * Drive file). The cell's value is the chip's title: a person's name (their address when no
   * name is known), a file's name.
   */
  putChip(r: number, c: number, chip: SmartChip) {
    this.setCell(r, c, 'values', chip.title);
    this.setCell(r, c, 'formulas', undefined);
    this.setCell(r, c, 'chips', chip);
  }

  setCell(
    r: number,
    c: number,
    attr: 'values' | 'formulas' | 'formats' | 'backgrounds' | 'notes' | 'bold' | 'wraps' | 'validations' | 'chips',
    v: unknown,
  ) {
    put(this[attr] as Grid<unknown>, r - 1, c - 1, v);
  }
}

type Matrix<T> = T[][];

export class RangeModel extends ServiceObject implements GridRange {
  readonly kind = 'Range';
  readonly service = 'spreadsheet' as const;

  constructor(
    readonly sheet: SheetModel,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {
    super();
  }

  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numColumns;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    return this.column + this.numColumns - 1;
  }
  private notation?: string;

  /** Gives an open-ended range ("B:B", "3:3", "B2:B") the notation Apps Script reports for it. */
  named(a1: string): this {
    this.notation = a1;
    return this;
  }

  getA1Notation() {
    if (this.notation) return this.notation;
    const tl = `${columnLetters(this.column)}${this.row}`;
    return this.numRows === 1 && this.numColumns === 1 ? tl : `${tl}:${columnLetters(this.getLastColumn())}${this.getLastRow()}`;
  }

  /** One attribute grid of the range, blanks filled in (direct grid access: this runs per cell). */
  private readGrid<T>(grid: Grid<T>, blank: T): Matrix<T> {
    const out: Matrix<T> = [];
    for (let i = 0; i < this.numRows; i++) {
      const src = grid[this.row - 1 + i];
      const row: T[] = new Array(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) row[j] = src?.[this.column - 1 + j] ?? blank;
      out.push(row);
    }
    return out;
  }

  private read<T>(fn: (r: number, c: number) => T): Matrix<T> {
    return withFormulaCache(() => this.readCells(fn));
  }

  private readCells<T>(fn: (r: number, c: number) => T): Matrix<T> {
    const out: Matrix<T> = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = new Array(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) row[j] = fn(this.row + i, this.column + j);
      out.push(row);
    }
    return out;
  }

  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every(Array.isArray)) {
      throw new AppsScriptError(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.numRows) {
      throw new AppsScriptError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== this.numColumns) {
        throw new AppsScriptError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  private write<T>(data: unknown, method: string, fn: (r: number, c: number, v: T) => void) {
    this.checkShape(data, method);
    data.forEach((row, i) => row.forEach((v, j) => fn(this.row + i, this.column + j, v as T)));
    return this;
  }

  private fill<T>(v: T, fn: (r: number, c: number, v: T) => void) {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) fn(this.row + i, this.column + j, v);
    return this;
  }

  /** Every value is converted before any cell changes: a write that fails changes nothing. */
  private entries(data: unknown, method: string): Entry[][] {
    this.checkShape(data, method);
    return data.map((row) => row.map((v) => entered(v, this.sheet.parent, method)));
  }

  private store = (r: number, c: number, e: Entry) => {
    this.sheet.setCell(r, c, 'values', e.value);
    if (at(this.sheet.chips, r - 1, c - 1)) this.sheet.setCell(r, c, 'chips', undefined);
    // Only touch the formula grid when there is a formula to set or clear (it stays sparse).
    if (e.formula !== undefined || at(this.sheet.formulas, r - 1, c - 1) !== undefined)
      this.sheet.setCell(r, c, 'formulas', e.formula);
    if (e.format && !at(this.sheet.formats, r - 1, c - 1)) this.sheet.setCell(r, c, 'formats', e.format);
  };

  getValues() {
    return this.read((r, c) => this.sheet.valueAt(r, c));
  }
  getValue() {
    return this.sheet.valueAt(this.row, this.column);
  }
  setValues(data: unknown) {
    return this.write(this.entries(data, 'setValues'), 'setValues', this.store);
  }
  setValue(v: unknown) {
    return this.fill(entered(v, this.sheet.parent, 'setValue'), this.store);
  }
  getDisplayValues() {
    const tz = this.sheet.parent.timeZone;
    return this.read((r, c) => {
      const x = this.sheet.cell(r, c);
      return displayValue(x.value, x.format, tz);
    });
  }
  getDisplayValue() {
    return this.getDisplayValues()[0]![0]!;
  }

  getRichTextValue() {
    return this.getRichTextValues()[0]![0]!;
  }
  getRichTextValues() {
    const tz = this.sheet.parent.timeZone;
    return this.read((r, c) => {
      const x = this.sheet.cell(r, c);
      // Apps Script gives null for a cell whose value is not text (a number, a date, a boolean).
      if (x.value !== '' && typeof x.value !== 'string') return null;
      return new RichTextValueModel(displayValue(x.value, x.format, tz), x.chip?.url ?? null);
    });
  }

  getFormulas() {
    return this.readGrid(this.sheet.formulas, '');
  }
  getFormula() {
    return this.sheet.cell(this.row, this.column).formula;
  }
  setFormulas(data: unknown) {
    this.checkShape(data, 'setFormulas');
    const formulas = data.map((row) => row.map((f) => (f ? (String(f).startsWith('=') ? String(f) : `=${f}`) : '')));
    return this.write(this.entries(formulas, 'setFormulas'), 'setFormulas', this.store);
  }
  setFormula(f: string) {
    return this.fill(entered(String(f).startsWith('=') ? f : `=${f}`, this.sheet.parent, 'setFormula'), this.store);
  }

  getNumberFormats() {
    return this.readGrid(this.sheet.formats, AUTOMATIC_FORMAT);
  }
  getNumberFormat() {
    return this.sheet.cell(this.row, this.column).format ?? AUTOMATIC_FORMAT;
  }
  setNumberFormats(data: unknown) {
    return this.write<string>(data, 'setNumberFormats', (r, c, f) => this.sheet.setCell(r, c, 'formats', String(f)));
  }
  setNumberFormat(f: string) {
    return this.fill(String(f), (r, c, v) => this.sheet.setCell(r, c, 'formats', v));
  }

  getBackgrounds() {
    return this.readGrid(this.sheet.backgrounds, DEFAULT_BACKGROUND);
  }
  getBackground() {
    return this.sheet.cell(this.row, this.column).background;
  }
  setBackgrounds(data: unknown) {
    return this.write<string | null>(data, 'setBackgrounds', (r, c, v) =>
      this.sheet.setCell(r, c, 'backgrounds', normalizeColor(v)),
    );
  }
  setBackground(color: string | null) {
    return this.fill(normalizeColor(color), (r, c, v) => this.sheet.setCell(r, c, 'backgrounds', v));
  }

  getNotes() {
    return this.readGrid(this.sheet.notes, '');
  }
  getNote() {
    return this.sheet.cell(this.row, this.column).note;
  }
  setNotes(data: unknown) {
    return this.write<string | null>(data, 'setNotes', (r, c, v) => this.sheet.setCell(r, c, 'notes', enteredNote(v)));
  }
  setNote(note: string | null) {
    return this.fill(enteredNote(note), (r, c, v) => this.sheet.setCell(r, c, 'notes', v));
  }

  getFontWeights() {
    return this.read((r, c) => (this.sheet.cell(r, c).bold ? 'bold' : 'normal'));
  }
  setFontWeight(w: string | null) {
    return this.fill(w === 'bold', (r, c, v) => this.sheet.setCell(r, c, 'bold', v || undefined));
  }
  setFontWeights(data: unknown) {
    return this.write<string>(data, 'setFontWeights', (r, c, w) => this.sheet.setCell(r, c, 'bold', w === 'bold' || undefined));
  }

  getDataValidation() {
    return this.sheet.cell(this.row, this.column).validation;
  }
  getDataValidations() {
    return this.read((r, c) => this.sheet.cell(r, c).validation);
  }
  setDataValidation(rule: DataValidationModel | null) {
    if (rule !== null && !(rule instanceof DataValidationModel)) {
      throw new AppsScriptError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      );
    }
    return this.fill(rule ?? undefined, (r, c, v) => this.sheet.setCell(r, c, 'validations', v));
  }
  setDataValidations(rules: unknown) {
    return this.write<DataValidationModel | null>(rules, 'setDataValidations', (r, c, v) =>
      this.sheet.setCell(r, c, 'validations', v ?? undefined),
    );
  }
  clearDataValidations() {
    return this.fill(undefined, (r, c) => this.sheet.setCell(r, c, 'validations', undefined));
  }

  protect(): ProtectionModel {
    const p = new ProtectionModel(this.sheet, PROTECTION_TYPE.RANGE, this);
    this.sheet.protections.push(p);
    return p;
  }

  getWrap() {
    return this.sheet.cell(this.row, this.column).wrap;
  }
  setWrap(w: boolean) {
    return this.fill(Boolean(w) || undefined, (r, c, v) => this.sheet.setCell(r, c, 'wraps', v));
  }

  // Presentation-only setters that the model does not keep.
  setVerticalAlignment(_a: string) {
    return this;
  }
  setHorizontalAlignment(_a: string) {
    return this;
  }
  setFontColor(_c: string) {
    return this;
  }

  clearContent() {
    return this.fill(undefined, (r, c) => {
      this.sheet.setCell(r, c, 'values', undefined);
      this.sheet.setCell(r, c, 'formulas', undefined);
      if (at(this.sheet.chips, r - 1, c - 1)) this.sheet.setCell(r, c, 'chips', undefined);
    });
  }
}

/** A smart chip in a cell: a person (link mailto:address) or a Drive file (link: its URL). */
export interface SmartChip {
  kind: 'person' | 'file';
  title: string;
  url: string;
}

export function personChip(email: string, name = email): SmartChip {
  return { kind: 'person', title: name, url: `mailto:${email}` };
}

export function fileChip(title: string, url: string): SmartChip {
  return { kind: 'file', title, url };
}

/** A cell's rich text: its text and its link (a whole-cell link, as a chip gives). */
export class RichTextValueModel extends ServiceObject {
  readonly kind = 'RichTextValue';
  readonly service = 'spreadsheet' as const;

  constructor(
    private readonly text: string,
    private readonly link: string | null,
  ) {
    super();
  }

  getText() {
    return this.text;
  }
  getLinkUrl() {
    return this.link;
  }
}

function normalizeColor(v: string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const s = String(v).trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${[...s.slice(1)].map((ch) => ch + ch).join('')}`;
  const named: Record<string, string> = {
    white: '#ffffff',
    black: '#000000',
    red: '#ff0000',
    yellow: '#ffff00',
    green: '#00ff00',
  };
  if (named[s]) return named[s];
  throw new AppsScriptError(`Invalid color: ${v}`);
}

export class SpreadsheetAppModel extends ServiceObject {
  readonly kind = 'SpreadsheetApp';
  readonly service = 'spreadsheet' as const;

  constructor(
    private readonly active: () => SpreadsheetModel | null,
    private readonly ui: () => ServiceObject,
    /** Other spreadsheets, as the current user may open them (emulator/services/drive-spreadsheets.ts). */
    private readonly others?: { open(id: string): SpreadsheetModel; openByUrl(url: string): SpreadsheetModel },
  ) {
    super();
  }

  openById(id: string) {
    if (!this.others) throw new AppsScriptError(`No spreadsheet ${id}`);
    return this.others.open(String(id));
  }
  openByUrl(url: string) {
    if (!this.others) throw new AppsScriptError(`No spreadsheet ${url}`);
    return this.others.openByUrl(String(url));
  }

  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly ProtectionType = PROTECTION_TYPE;

  getActiveSpreadsheet() {
    return this.active();
  }
  newDataValidation() {
    return new DataValidationBuilderModel();
  }
  getActive() {
    return this.active();
  }
  getUi() {
    return this.ui();
  }
  flush() {}
}
