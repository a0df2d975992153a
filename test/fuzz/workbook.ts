/**
 * A fuzzed workbook as plain data (printable when fast-check shrinks a failure), how to put it
 * into the emulator without service calls, and a snapshot of every attribute of every cell for
 * "nothing else changed" checks.
 */
import type { Emulator } from '../../emulator/index';
import { fileChip, personChip, type SheetModel } from '../../emulator/services/spreadsheet';
import { CONFIG_SHEET, INDICATORS, PERIODS, type SheetDef, TASKS } from '../../src/contract/sheets';
import { productEmulator } from '../support/fixtures';

/** A Date cell: midnight of a calendar day in the spreadsheet's zone, or any instant. */
type DateSpec = { day: string } | { instant: number };
export type ValueSpec = string | number | boolean | DateSpec;

export interface CellSpec {
  value: ValueSpec;
  /** A formula cell: `value` is what it computed. */
  formula?: string;
  format?: string;
  background?: string;
  note?: string;
  bold?: boolean;
}

/** A smart chip put over a cell (its value becomes the chip's title). */
export interface ChipSpec {
  sheet: number;
  row: number;
  col: number;
  kind: 'person' | 'file';
}

export interface ColumnSpec {
  header: string;
  /** The field of the sheet's contract this column is; null for a user's own column. */
  key: string | null;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** Cells by column index; a missing cell is blank. */
  rows: (CellSpec | null)[][];
}

export interface WorkbookSpec {
  timeZone: string;
  /** The spreadsheet's locale: typed input reads in it. */
  locale: 'vi_VN' | 'en_US';
  chips: ChipSpec[];
  /** Today (yyyy-mm-dd) and the hour of the run, in the spreadsheet's zone. */
  today: string;
  hour: number;
  /** Data sheets, the `Cấu hình` sheet (label, value), `Nhật ký` and users' own sheets. */
  sheets: SheetSpec[];
}

export const DATA_SHEETS: readonly SheetDef[] = [TASKS, INDICATORS, PERIODS];

export function materialise(emu: Emulator, v: ValueSpec): string | number | boolean | Date {
  if (typeof v !== 'object') return v;
  return 'day' in v ? emu.date(v.day) : new Date(v.instant);
}

export function install(spec: WorkbookSpec): Emulator {
  const emu = productEmulator({ timeZone: spec.timeZone, locale: spec.locale });
  emu.setToday(spec.today, spec.hour);
  for (const s of spec.sheets) {
    const sheet = emu.spreadsheet.insertSheet(s.name);
    sheet.load([s.columns.map((c) => c.header)]);
    s.columns.forEach((_, c) => sheet.setCell(1, c + 1, 'bold', true));
    s.rows.forEach((row, i) =>
      row.forEach((cell, c) => {
        if (cell) putCell(emu, sheet, i + 2, c + 1, cell);
      }),
    );
    sheet.ensureSize(s.rows.length + 1, s.columns.length);
    if (s.name !== CONFIG_SHEET) sheet.setFrozenRows(1);
  }
  for (const chip of spec.chips) {
    const s = spec.sheets[chip.sheet % Math.max(1, spec.sheets.length)];
    if (!s || chip.row > s.rows.length + 1 || chip.col > s.columns.length) continue;
    const sheet = emu.spreadsheet.getSheetByName(s.name)!;
    sheet.putChip(
      chip.row,
      chip.col,
      chip.kind === 'person'
        ? personChip('an.nguyen@tuxuyen.example', 'Nguyễn Văn An')
        : fileChip('BaoCaoCCHC2023', 'https://drive.google.com/drive/folders/thumucbaocao01'),
    );
  }
  return emu;
}

/** Writes one cell into the model as Sheets holds it: a date typed into a cell gets a date format. */
function putCell(emu: Emulator, sheet: SheetModel, r: number, c: number, cell: CellSpec): void {
  const value = materialise(emu, cell.value);
  sheet.setCell(r, c, 'values', value);
  sheet.setCell(r, c, 'formulas', cell.formula);
  sheet.setCell(r, c, 'formats', cell.format ?? (value instanceof Date ? 'dd/mm/yyyy' : undefined));
  sheet.setCell(r, c, 'backgrounds', cell.background);
  sheet.setCell(r, c, 'notes', cell.note);
  sheet.setCell(r, c, 'bold', cell.bold || undefined);
}

/** One cell as the user sees it; Dates as ISO text so that snapshots compare with toEqual. */
export interface CellState {
  value: unknown;
  formula: string;
  format: string | undefined;
  background: string;
  note: string;
  bold: boolean;
  /** The data validation rule, as text ('' for none). */
  validation: string;
}

export type CellAttr = keyof CellState;
const CELL_ATTRS: readonly CellAttr[] = ['value', 'formula', 'format', 'background', 'note', 'bold', 'validation'];

export interface SheetState {
  name: string;
  frozenRows: number;
  columnWidths: [number, number][];
  /** Protected ranges and embedded charts, as text. */
  protections: string[];
  charts: number;
  cells: CellState[][];
}

function extent(sheet: SheetModel): { rows: number; cols: number } {
  const grids = [sheet.values, sheet.formulas, sheet.formats, sheet.backgrounds, sheet.notes, sheet.bold] as unknown[][][];
  let rows = 0;
  let cols = 0;
  for (const g of grids) {
    rows = Math.max(rows, g.length);
    for (const row of g) cols = Math.max(cols, row?.length ?? 0);
  }
  return { rows, cols };
}

function cellState(sheet: SheetModel, r: number, c: number): CellState {
  const x = sheet.cell(r, c);
  const v = x.validation;
  return {
    value: x.value instanceof Date ? `Date:${x.value.toISOString()}` : x.value,
    formula: x.formula,
    format: x.format,
    background: x.background,
    note: x.note,
    bold: x.bold,
    validation: v ? JSON.stringify([v.criteria, v.args, v.allowInvalid, v.helpText]) : '',
  };
}

function sheetState(sheet: SheetModel): SheetState {
  const { rows, cols } = extent(sheet);
  const cells: CellState[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: CellState[] = [];
    for (let c = 1; c <= cols; c++) row.push(cellState(sheet, r, c));
    cells.push(row);
  }
  const protections = sheet.protections.map((p) => `${p.type} ${p.range.getA1Notation()} ${p.warningOnly} ${p.description}`);
  return {
    name: sheet.name,
    frozenRows: sheet.frozenRows,
    columnWidths: [...sheet.columnWidths],
    protections,
    charts: sheet.charts.length,
    cells,
  };
}

export type WorkbookState = SheetState[];

export function workbookState(emu: Emulator): WorkbookState {
  return emu.spreadsheet.sheets.map(sheetState);
}

const BLANK: CellState = {
  value: '',
  formula: '',
  format: undefined,
  background: '#ffffff',
  note: '',
  bold: false,
  validation: '',
};

export function cellAt(state: SheetState | undefined, r: number, c: number): CellState {
  return state?.cells[r - 1]?.[c - 1] ?? BLANK;
}

export interface CellChange {
  sheet: string;
  row: number;
  col: number;
  attr: CellAttr;
  before: unknown;
  after: unknown;
}

/** Every attribute of every cell that differs between two states of one sheet. */
export function sheetChanges(before: SheetState | undefined, after: SheetState): CellChange[] {
  const changes: CellChange[] = [];
  const rows = Math.max(before?.cells.length ?? 0, after.cells.length);
  const cols = Math.max(0, ...[...(before?.cells ?? []), ...after.cells].map((r) => r.length));
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const a = cellAt(before, r, c);
      const b = cellAt(after, r, c);
      for (const attr of CELL_ATTRS) {
        if (a[attr] !== b[attr]) changes.push({ sheet: after.name, row: r, col: c, attr, before: a[attr], after: b[attr] });
      }
    }
  }
  return changes;
}

export const isBlankValue = (v: unknown): boolean =>
  v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The last row with content (as appendRow sees it). */
export function lastContentRow(state: SheetState | undefined): number {
  if (!state) return 0;
  for (let r = state.cells.length; r >= 1; r--) {
    if (state.cells[r - 1]!.some((c) => !isBlankValue(c.value) || c.formula)) return r;
  }
  return 0;
}
