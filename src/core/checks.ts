/**
 * What `validateData` lists (SPEC §4): every problem the status engine finds (so a `Lỗi dữ liệu`
 * cell and the list always agree), plus checks that do not change a status: duplicate codes,
 * areas outside the seven, tasks without a deadline that do not say `Thường xuyên`, e-mail
 * addresses that are not addresses.
 */
import { matchArea } from './areas';
import { badAddresses } from './email';
import type { Grid, Outcome } from './evaluate';
import type { Status } from '../contract/status';
import { cellText, normalizeLabel, quote } from './text';

export interface Finding {
  sheet: string;
  /** 1-based sheet row, or null for a sheet-wide problem (a missing sheet or header). */
  row: number | null;
  column: string | null;
  message: string;
}

/** The non-blank data rows of a grid (those the status engine evaluated), with their values. */
export function dataRows(
  grid: Grid,
  outcomes: readonly (Outcome<unknown, Status> | null)[],
): { sheetRow: number; values: readonly unknown[] }[] {
  return outcomes.flatMap((o, i) => (o ? [{ sheetRow: o.sheetRow, values: grid.values[i + 1]! }] : []));
}

type Rows = ReturnType<typeof dataRows>;

export function engineFindings(sheet: string, outcomes: readonly (Outcome<unknown, Status> | null)[]): Finding[] {
  return outcomes.flatMap((o) =>
    o ? o.problems.map((p) => ({ sheet, row: o.sheetRow, column: p.column, message: p.message })) : [],
  );
}

export function duplicateCodes(sheet: string, rows: Rows, col: number, header: string): Finding[] {
  if (col < 0) return [];
  const first = new Map<string, number>();
  const out: Finding[] = [];
  for (const { sheetRow, values } of rows) {
    const code = cellText(values[col]);
    if (!code) continue;
    const key = normalizeLabel(code);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, sheetRow);
    else out.push({ sheet, row: sheetRow, column: header, message: `mã ${quote(code)} trùng với dòng ${seen}` });
  }
  return out;
}

export function areaFindings(sheet: string, rows: Rows, col: number, header: string): Finding[] {
  if (col < 0) return [];
  return rows.flatMap(({ sheetRow, values }) => {
    const text = cellText(values[col]);
    if (!text) return [{ sheet, row: sheetRow, column: header, message: 'chưa chọn lĩnh vực' }];
    if (matchArea(text) !== null) return [];
    return [
      {
        sheet,
        row: sheetRow,
        column: header,
        message: `lĩnh vực ${quote(text)} không thuộc 7 lĩnh vực cải cách hành chính; hãy chọn trong danh sách`,
      },
    ];
  });
}

/** A blank deadline reads as continuous; the list asks the user to say so. */
export function blankDeadlines(sheet: string, rows: Rows, col: number, header: string): Finding[] {
  return rows.flatMap(({ sheetRow, values }) =>
    cellText(values[col]) === ''
      ? [
          {
            sheet,
            row: sheetRow,
            column: header,
            message: 'chưa có hạn hoàn thành; nếu là nhiệm vụ thường xuyên, hãy ghi «Thường xuyên»',
          },
        ]
      : [],
  );
}

export function emailFindings(sheet: string, rows: Rows, col: number, header: string): Finding[] {
  if (col < 0) return [];
  return rows.flatMap(({ sheetRow, values }) =>
    badAddresses(cellText(values[col])).map((a) => ({
      sheet,
      row: sheetRow,
      column: header,
      message: `${quote(a)} không phải là địa chỉ email`,
    })),
  );
}

export function describeFinding(f: Finding): string {
  const where = [f.sheet, f.row === null ? null : `dòng ${f.row}`, f.column === null ? null : `cột «${f.column}»`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${f.message.replace(/[.\s]+$/, '')}.`;
}

/** "Nhiệm vụ: 3, Chỉ tiêu: 2" in the order the findings come. */
export function countBySheet(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.sheet, (counts.get(f.sheet) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}: ${n}`).join(', ');
}
