/** The rows of the `Lịch sử` sheet (src/contract/sheets.ts), read and written. */
import { parseNumber } from '../cells';
import type { Day } from '../days';
import { type ColumnIndex, HISTORY } from '../../contract/sheets';
import { UserError } from '../errors';
import { headerList, locateColumns } from '../headers';
import { cellText, normalizeLabel } from '../text';

export type HistoryKey = keyof typeof HISTORY.columns;

export interface HistoryEntry {
  periodCode: string;
  periodName: string;
  code: string;
  name: string;
  unit: string;
  result: number | null;
  status: string;
}

export interface HistoryRow extends HistoryEntry {
  createdAt: Day;
}

/** Same indicator across reports: by `Mã` when it has one, else by its text. */
export function indicatorKey(row: { code?: string; name?: string }): string {
  return row.code ? `mã:${normalizeLabel(row.code)}` : `tên:${normalizeLabel(row.name ?? '')}`;
}

export function historyColumns(headerRow: readonly unknown[]): ColumnIndex<HistoryKey> {
  const found = locateColumns(HISTORY, headerRow);
  if (!found.ok) {
    throw new UserError(
      `Trang tính «${HISTORY.name}» thiếu cột ${headerList(found.missing)} ở dòng tiêu đề. Không có gì được ghi. Hãy thêm lại cột, hoặc đổi tên trang tính đó để chương trình tạo trang mới.`,
    );
  }
  return found.cols;
}

/** A sheet with nothing in it yet (a user may create it blank): it gets the headers. */
export const isBlankSheet = (values: readonly (readonly unknown[])[]) => values.every((r) => r.every((v) => cellText(v) === ''));

/**
 * Rows of the sheet (header first) as entries; a result that cannot be read counts as none. The
 * headers are checked even without rows, so that a broken sheet stops a report before it is made.
 */
export function parseHistory(values: readonly (readonly unknown[])[]): HistoryEntry[] {
  if (isBlankSheet(values)) return [];
  const cols = historyColumns(values[0]!);
  const text = (r: readonly unknown[], k: HistoryKey) => cellText(r[cols[k]]);
  return values
    .slice(1)
    .filter((r) => text(r, 'periodCode'))
    .map((r) => {
      const result = parseNumber({ v: r[cols.result], f: '' }, false);
      return {
        periodCode: text(r, 'periodCode'),
        periodName: text(r, 'periodName'),
        code: text(r, 'code'),
        name: text(r, 'name'),
        unit: text(r, 'unit'),
        result: typeof result === 'number' ? result : null,
        status: text(r, 'status'),
      };
    });
}

/** A history row as cells, placed by the sheet's own header positions. */
export function historyCells(
  row: HistoryRow,
  cols: ColumnIndex<HistoryKey>,
  width: number,
  date: (d: Day) => unknown,
): unknown[] {
  const cells: unknown[] = new Array(width).fill('');
  const values: Record<HistoryKey, unknown> = { ...row, createdAt: date(row.createdAt), result: row.result ?? '' };
  for (const k of Object.keys(cols) as HistoryKey[]) cells[cols[k]] = values[k];
  return cells;
}

export interface Previous {
  periodName: string;
  result: number;
}

/**
 * For each indicator, its result in the latest earlier period: the entry of another period whose
 * due date is the latest before `due` (the last such row when a period was reported twice).
 * Entries of periods no longer in `Kỳ báo cáo` are ignored, since their place in time is unknown.
 */
export function previousResults(
  history: readonly HistoryEntry[],
  dueByCode: ReadonlyMap<string, Day | null>,
  current: { code: string; due: Day | null },
): Map<string, Previous> {
  const out = new Map<string, Previous & { due: Day }>();
  if (current.due === null) return out;
  const self = normalizeLabel(current.code);
  for (const e of history) {
    const code = normalizeLabel(e.periodCode);
    const due = dueByCode.get(code);
    if (code === self || due == null || due >= current.due || e.result === null) continue;
    const key = indicatorKey(e);
    const seen = out.get(key);
    if (!seen || due >= seen.due) out.set(key, { periodName: e.periodName || e.periodCode, result: e.result, due });
  }
  return out;
}
