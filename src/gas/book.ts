/**
 * Reading and writing sheet blocks. Each sheet is read with one getValues (plus one
 * getNumberFormats of the percent input columns where percents matter) and each computed column
 * is written with one call per attribute, so the number of calls never depends on the number of rows.
 */
import { notAddresses, withLinks } from '../core/chips';
import { UserError } from '../core/errors';
import type { ColumnState, Grid } from '../core/evaluate';
import type { ColumnIndex, SheetDef } from '../contract/sheets';
import { NO_FILL_READ } from '../contract/status';
import { headerList, locateColumns } from '../core/headers';
import type { NextRow } from '../core/new-year';
import { asLiteralText } from '../core/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Block<K extends string> {
  sheet: Sheet;
  grid: Grid;
  cols: ColumnIndex<K>;
  /** Number of data rows (below the header). */
  rows: number;
}

/**
 * One sheet read in one block. A missing sheet or required header is a UserError naming it, raised
 * before anything is written.
 */
export function readBlock<K extends string>(ss: Spreadsheet, def: SheetDef<K>, withFormats: boolean): Block<K> {
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) {
    throw new UserError(`Không tìm thấy trang tính «${def.name}». Hãy chạy CCHC › Thiết lập bảng tính.`);
  }
  const range = sheet.getDataRange();
  const values = range.getValues();
  const found = locateColumns(def, values[0] ?? []);
  if (!found.ok) {
    throw new UserError(
      `Trang tính «${def.name}» thiếu cột ${headerList(found.missing)} ở dòng tiêu đề (dòng 1). Không có gì được ghi. Hãy thêm lại cột hoặc chạy CCHC › Thiết lập bảng tính.`,
    );
  }
  const formats = withFormats ? percentFormats(sheet, def, found.cols, values.length) : undefined;
  linkChips(sheet, def, found.cols, values);
  return { sheet, grid: { values, formats }, cols: found.cols, rows: values.length - 1 };
}

/**
 * Address columns where a person smart chip reads as a name: the column's rich-text links are read
 * (one call) and each such cell takes its chip's address. Nothing is read when every cell is blank
 * or addresses.
 */
function linkChips<K extends string>(sheet: Sheet, def: SheetDef<K>, cols: ColumnIndex<K>, values: unknown[][]): void {
  for (const key of Object.keys(def.columns) as K[]) {
    const col = cols[key];
    if (!def.columns[key].addresses || col < 0 || !values.slice(1).some((r) => notAddresses(r[col]))) continue;
    const links = sheet
      .getRange(2, col + 1, values.length - 1, 1)
      .getRichTextValues()
      .map((r) => r[0]?.getLinkUrl() ?? null);
    const linked = withLinks(
      values.slice(1).map((r) => r[col]),
      notAddresses,
      links,
    );
    linked.forEach((v, i) => {
      values[i + 1]![col] = v;
    });
  }
}

/**
 * Number formats of the columns from the first percent input to the last (one call), placed at
 * their columns' indexes: the other columns' formats do not change how a cell reads.
 */
function percentFormats<K extends string>(
  sheet: Sheet,
  def: SheetDef<K>,
  cols: ColumnIndex<K>,
  rows: number,
): string[][] | undefined {
  const at = (Object.keys(def.columns) as K[]).filter((k) => def.columns[k].percent && cols[k] >= 0).map((k) => cols[k]);
  if (!at.length) return undefined;
  const first = Math.min(...at);
  const span = sheet.getRange(1, first + 1, rows, Math.max(...at) - first + 1).getNumberFormats();
  return span.map((row) => {
    const full: string[] = [];
    for (let i = 0; i < row.length; i++) full[first + i] = row[i]!;
    return full;
  });
}

/** The data cells (below the header, or the grid's window of rows) of one column, as a range. */
function columnRange(block: Block<string>, col: number) {
  return block.sheet.getRange(block.grid.firstRow ?? 2, col + 1, block.rows, 1);
}

const column = <T>(xs: readonly T[]) => xs.map((x) => [x]);
const sameColumn = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface StatusColumn {
  range: GoogleAppsScript.Spreadsheet.Range;
  now: ColumnState;
}

/**
 * A status column's current values, backgrounds and notes. What the caller already knows (`known`)
 * is not read again.
 */
export function readStatusColumn(
  block: Block<string>,
  col: number,
  known: Partial<Omit<ColumnState, 'values'>> = {},
): StatusColumn {
  const range = columnRange(block, col);
  const now = {
    values: block.grid.values.slice(1).map((r) => r[col]),
    backgrounds: known.backgrounds ?? range.getBackgrounds().map((r) => (r[0] === NO_FILL_READ ? null : r[0]!)),
    notes: known.notes ?? range.getNotes().map((r) => r[0]!),
  };
  return { range, now };
}

/**
 * Writes a column's values in one call, or none when none changes. setValues parses text as if
 * typed, so the cells whose value stays (blank rows' among them) are written back as exactly what
 * they hold, their formula or their text as text: a kept "=1+1", "50%" or formula stays as it is.
 */
function writeValues(
  range: GoogleAppsScript.Spreadsheet.Range,
  now: readonly unknown[],
  next: readonly unknown[],
  known?: () => string[][],
): number {
  if (sameColumn(now, next)) return 0;
  const kept = next.map((v, i) => v === now[i]);
  const formulas = kept.some(Boolean) ? (known?.() ?? range.getFormulas()) : [];
  range.setValues(next.map((v, i) => [kept[i] ? keptCell(formulas[i]![0], v) : v]));
  return 1;
}

/** A cell written back as it is: its formula, else its value (text as text, never a formula). */
const keptCell = (formula: string | undefined, v: unknown) => formula || (typeof v === 'string' ? asLiteralText(v) : v);

/** The data rows from `first` (0-based) to the block's end: emptied by the caller, they lose colours and notes. */
function clearLeftover(block: Block<string>, first: number, width: number): number {
  const left = block.sheet.getRange(first + 2, 1, block.rows - first, width);
  left.setBackground(null);
  left.setNote(null);
  return 2;
}

/** Writes what changed of a status column: each attribute in at most one call, none when unchanged. */
export function writeStatusColumn({ range, now }: StatusColumn, next: ColumnState): number {
  let writes = writeValues(range, now.values, next.values);
  if (!sameColumn(now.backgrounds, next.backgrounds)) {
    range.setBackgrounds(column(next.backgrounds) as string[][]);
    writes++;
  }
  if (!sameColumn(now.notes, next.notes)) {
    range.setNotes(column(next.notes));
    writes++;
  }
  return writes;
}

export function writeValueColumn(
  block: Block<string>,
  col: number,
  next: readonly unknown[],
  /** The block's formulas (grid-aligned, header first) when already read. */
  formulas?: Formulas,
): number {
  const now = block.grid.values.slice(1).map((r) => r[col]);
  return writeValues(columnRange(block, col), now, next, formulas && (() => formulas.slice(1).map((r) => [r[col] ?? ''])));
}

/** Formulas of a block's cells, aligned with its grid (row 0 the header); '' where none. */
export type Formulas = readonly (readonly string[])[];

/** A block's formulas in one read, for writes that keep cells as they are. */
export function readFormulas(block: Block<string>): Formulas {
  const { values } = block.grid;
  if (!values.length || !values[0]!.length) return [];
  return block.sheet.getRange(1, 1, values.length, values[0]!.length).getFormulas();
}

/**
 * The block as its sheet reads after writeDataRows(block, next), where the caller knows that no
 * cell holds a formula and that the new values read back as written: the header and the rows of
 * `next`, without the empty rows at the bottom (they fall outside the data range). Number formats
 * stay with the cells, not the rows, so they are the old ones by position.
 */
export function blockAfterWrite<K extends string>(block: Block<K>, next: readonly NextRow[]): Block<K> {
  const rows = next.map((r) => r.values);
  while (rows.length && rows[rows.length - 1]!.every((v) => v === '')) rows.pop();
  const values = [block.grid.values[0]!, ...rows];
  const formats = block.grid.formats?.slice(0, values.length);
  return { ...block, grid: { values, formats }, rows: rows.length };
}

/** A sheet that is not a table of SheetDef (`Cấu hình`) in one read; null when there is none. */
export function readSheet(ss: Spreadsheet, name: string): Block<never> | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  return { sheet, grid: { values }, cols: {}, rows: values.length - 1 };
}

/**
 * Writes the data rows anew: `next` holds the rows that stay, in their order (a row may only
 * move up, when rows above it go), with their new values. Rows that stay where they are get one
 * write per changed column; from the first row that moves, the rows are rewritten in one block
 * (formulas and text kept as they were) and the rows left over at the bottom are emptied with
 * their colours and notes. Calls depend on the columns, never on the rows.
 */
export function writeDataRows(block: Block<string>, next: readonly NextRow[], formulas?: Formulas): number {
  const old = block.grid.values.slice(1);
  const width = block.grid.values[0]?.length ?? 0;
  let moved = next.findIndex((r, i) => r.from !== i);
  if (moved < 0) moved = next.length;
  let writes = 0;
  if (moved > 0) {
    const top: Block<string> = { ...block, grid: { values: [block.grid.values[0]!, ...old.slice(0, moved)] }, rows: moved };
    const topFormulas = formulas?.slice(0, moved + 1);
    for (let c = 0; c < width; c++)
      writes += writeValueColumn(
        top,
        c,
        next.slice(0, moved).map((r) => r.values[c]),
        topFormulas,
      );
  }
  if (moved >= block.rows) return writes;
  const first = moved + 2;
  const below = block.sheet.getRange(first, 1, block.rows - moved, width);
  const belowFormulas = formulas?.slice(moved + 1) ?? below.getFormulas();
  below.setValues(
    old.slice(moved).map((_, i) => {
      const row = next[moved + i];
      if (!row) return Array.from({ length: width }, () => '');
      const was = old[row.from]!;
      return Array.from({ length: width }, (_, c) => {
        const v = row.values[c];
        return v === was[c] ? keptCell(belowFormulas[row.from - moved]![c], v) : v;
      });
    }),
  );
  writes++;
  if (next.length < block.rows) writes += clearLeftover(block, next.length, width);
  return writes;
}

/**
 * Replaces the data rows with `rows` (in header order). The columns marked in `keep` (a user's own
 * columns) keep what their cells hold; rows left over below are emptied in the other columns and
 * lose their colours and notes. One write, plus two for leftover rows.
 */
export function replaceDataRows(block: Block<string>, rows: readonly (readonly unknown[])[], keep: readonly boolean[]): number {
  const width = block.grid.values[0]?.length ?? 0;
  const height = Math.max(block.rows, rows.length);
  if (!height || !width) return 0;
  const formulas = block.rows ? block.sheet.getRange(2, 1, block.rows, width).getFormulas() : [];
  const kept = (r: number, c: number) => keptCell(formulas[r]?.[c], block.grid.values[r + 1]?.[c] ?? '');
  block.sheet
    .getRange(2, 1, height, width)
    .setValues(
      Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => (keep[c] ? kept(r, c) : (rows[r]?.[c] ?? ''))),
      ),
    );
  if (block.rows <= rows.length) return 1;
  return 1 + clearLeftover(block, rows.length, width);
}

/**
 * Appends rows after the last row with content, in one write. A sheet filled to its last row
 * grows first: a range past it does not exist.
 */
export function appendRows(block: Block<string>, rows: readonly (readonly unknown[])[]): void {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const last = block.rows + 1 + rows.length;
  const max = block.sheet.getMaxRows();
  if (last > max) block.sheet.insertRowsAfter(max, last - max);
  block.sheet.getRange(block.rows + 2, 1, rows.length, width).setValues(rows.map((r) => [...r]));
}

/** The same block in a copy of the spreadsheet (same sheets, same cells): only the sheet differs. */
export function blockIn<K extends string>(ss: Spreadsheet, name: string, block: Block<K>): Block<K> {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new UserError(`Bản sao không có trang tính «${name}».`);
  return { ...block, sheet };
}
