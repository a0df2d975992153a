/**
 * The edited range of an onEdit event, read with as few calls as the edit allows: the sheet's name
 * first (most edits stop there), then the header row, the touched rows and, only where a percent
 * cell holds a number, their number formats.
 */
import { type Box, parseA1 } from '../core/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface Edited {
  sheet: Sheet;
  range: Range;
  name: string;
}

export function editedSheet(e: GoogleAppsScript.Events.SheetsOnEdit): Edited {
  const sheet = e.range.getSheet();
  return { sheet, range: e.range, name: sheet.getName() };
}

/**
 * The edited box, from getA1Notation() in one call. Whole columns and rows come as open-ended
 * forms ("B:B", "3:3", "B2:B"): their open end stops at the sheet's last row with data (one more
 * call). A notation of any other form is read from the range's own coordinates, cut the same way.
 */
export function editedBox({ sheet, range }: Edited): Box {
  const parsed = parseA1(range.getA1Notation());
  if (parsed && Number.isFinite(parsed.lastRow)) return parsed;
  const box = parsed ?? {
    row: range.getRow(),
    column: range.getColumn(),
    lastRow: range.getLastRow(),
    lastColumn: range.getLastColumn(),
  };
  return { ...box, lastRow: Math.max(box.row, Math.min(box.lastRow, sheet.getLastRow())) };
}

export function readHeader({ sheet }: Edited): unknown[] {
  return sheet.getSheetValues(1, 1, 1, -1)[0] ?? [];
}

/** Rows `first` to `last` (1-based), `width` columns from A. */
export function readRows({ sheet }: Edited, first: number, last: number, width: number): unknown[][] {
  return sheet.getSheetValues(first, 1, last - first + 1, width);
}

/**
 * Number formats of the touched rows, or undefined when no percent cell holds a number. When all
 * such cells lie in the edited range (typing a progress figure), that range's formats suffice.
 */
export function readFormats(
  { sheet, range: edited }: Edited,
  box: Box,
  first: number,
  values: unknown[][],
  percentCols: number[],
): string[][] | undefined {
  const needed = values.flatMap((row, i) =>
    percentCols.filter((c) => c >= 0 && typeof row[c] === 'number').map((c) => [first + i, c + 1] as const),
  );
  if (!needed.length) return undefined;
  const width = values[0]!.length;
  if (needed.every(([r, c]) => r >= box.row && r <= box.lastRow && c >= box.column && c <= box.lastColumn)) {
    const f = edited.getNumberFormats();
    return values.map((_, i) => Array.from({ length: width }, (_, c) => f[first + i - box.row]?.[c + 1 - box.column] ?? ''));
  }
  return sheet.getRange(first, 1, values.length, width).getNumberFormats();
}
