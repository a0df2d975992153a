/**
 * `startNewYear` (docs/SPEC.md §8): what the copy for plan year n + 1 holds, computed from the
 * grids of year n. Pure: the adapters read the grids and write what comes out.
 *
 * Where the contract is silent:
 * - an unfinished dated task keeps its old deadline, so it shows `Quá hạn` in the new year until
 *   staff set a new one: moving it a year on would hide a year's delay;
 * - a task whose `Kỳ báo cáo` names a period is that period's report, due again next year: it is
 *   kept and cleared like a continuing task;
 * - a period's `Kiến nghị` belongs to that year's report and is cleared with its link;
 * - `Căn cứ kế hoạch` names last year's plan and is cleared: the new plan has its own number.
 */
import { CONFIG_LABELS } from '../contract/settings';
import { type ColumnIndex, type INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import { parseDay } from './cells';
import { type Day, dayFromYmd, instantOfDay, isValidYmd, type Offset, ymdOf } from './days';
import type { Grid } from './evaluate';
import type { rowParsers } from './rows';
import { asCellText, cellText, fitCell, isBlank, normalizeLabel } from './text';

/** A data row of the new year and the data row (0-based, below the header) it comes from. */
export interface NextRow {
  from: number;
  values: unknown[];
}

/** Optional columns that may be absent (-1), found by header text. */

/** 0-based column of `header` in a header row, -1 when absent (SPEC §1 header matching). */
export function columnOf(header: readonly unknown[], text: string): number {
  const key = normalizeLabel(text);
  return header.findIndex((h) => normalizeLabel(cellText(h)) === key);
}

export interface TaskYear {
  rows: NextRow[];
  continuing: number;
  carried: number;
  dropped: number;
}

const blankRow = (values: readonly unknown[]) => values.every(isBlank);
const set = (values: unknown[], col: number, v: unknown) => {
  if (col >= 0) values[col] = v;
};

/**
 * Tasks of year n + 1: continuing tasks (`Thường xuyên`, blank deadline, or a period's report)
 * with progress, completion date and `Kết quả thực hiện` cleared; unfinished dated tasks as they
 * are, `Ghi chú` starting `Chuyển từ năm n:`; completed dated tasks dropped. Blank rows stay.
 */
export function nextYearTasks(
  grid: Grid,
  cols: ColumnIndex<keyof typeof TASKS.columns>,
  parsers: ReturnType<typeof rowParsers>,
  year: number,
): TaskYear {
  const header = grid.values[0] ?? [];
  const result = columnOf(header, TASKS.columns.narrative.header);
  const period = columnOf(header, TASKS.columns.period.header);
  const out: TaskYear = { rows: [], continuing: 0, carried: 0, dropped: 0 };
  const parse = parsers.taskRows(cols);
  grid.values.slice(1).forEach((row, i) => {
    const values = [...row];
    if (blankRow(row)) {
      out.rows.push({ from: i, values });
      return;
    }
    const task = parse(row, grid.formats?.[i + 1]).value;
    const isReport = period >= 0 && !isBlank(row[period]);
    if (isReport || task.deadline?.kind === 'continuous') {
      set(values, cols.progress, '');
      set(values, cols.completed, '');
      set(values, result, '');
      out.continuing++;
    } else if (task.completed != null || task.progress === 100) {
      out.dropped++;
      return;
    } else {
      const progress = task.progress ? ` (tiến độ ${task.progress}%)` : '';
      const note = cellText(row[cols.note]);
      set(values, cols.note, fitCell(asCellText(`Chuyển từ năm ${year}: chưa hoàn thành${progress}.${note ? ` ${note}` : ''}`)));
      out.carried++;
    }
    out.rows.push({ from: i, values });
  });
  return out;
}

/** Indicators of year n + 1: every row, its figures (`Tử số`, `Mẫu số`, `Thực hiện`) cleared. */
export function nextYearIndicators(grid: Grid, cols: ColumnIndex<keyof typeof INDICATORS.columns>): NextRow[] {
  return grid.values.slice(1).map((row, i) => {
    const values = [...row];
    for (const c of [cols.numerator, cols.denominator, cols.actual]) set(values, c, '');
    return { from: i, values };
  });
}

/** The same day one year on (29/02 → 28/02). */
function dayNextYear(day: Day): Day {
  const { year, month, day: d } = ymdOf(day);
  return isValidYmd(year + 1, month, d) ? dayFromYmd(year + 1, month, d) : dayFromYmd(year + 1, month, d - 1);
}

/** Whole-number occurrences of year n in a text, as n + 1 ("Quý I năm 2023" → "Quý I năm 2024"). */
function renameForYear(text: string, year: number): string {
  return text.replace(new RegExp(`(^|\\D)${year}(?!\\d)`, 'g'), `$1${year + 1}`);
}

/**
 * Periods of year n + 1: dates one year on, names with the year moved on, and the link, creation
 * date, `Ngày gửi` and `Kiến nghị` cleared. A date that cannot be read is left for the status
 * check to flag.
 */
export function nextYearPeriods(
  grid: Grid,
  cols: ColumnIndex<keyof typeof PERIODS.columns>,
  year: number,
  offsetMinutes: Offset,
): NextRow[] {
  const header = grid.values[0] ?? [];
  const cleared = [
    cols.link,
    cols.createdAt,
    columnOf(header, PERIODS.columns.sentOn.header),
    columnOf(header, PERIODS.columns.proposals.header),
  ];
  return grid.values.slice(1).map((row, i) => {
    const values = [...row];
    if (blankRow(row)) return { from: i, values };
    for (const c of [cols.due, cols.from, cols.to]) {
      if (c < 0) continue;
      const day = parseDay(row[c], offsetMinutes);
      if (typeof day === 'number') values[c] = new Date(instantOfDay(dayNextYear(day), offsetMinutes));
    }
    const name = row[cols.name];
    if (typeof name === 'string') values[cols.name] = asCellText(renameForYear(name, year));
    for (const c of cleared) set(values, c, '');
    return { from: i, values };
  });
}

/** `Cấu hình` column B of year n + 1: `Năm kế hoạch` + 1, `Căn cứ kế hoạch` cleared. */
export function nextYearSettings(values: readonly (readonly unknown[])[], year: number): unknown[] {
  const yearLabel = normalizeLabel(CONFIG_LABELS.year);
  const basis = normalizeLabel(CONFIG_LABELS.planBasis);
  return values.slice(1).map((row) => {
    const label = normalizeLabel(cellText(row[0]));
    if (label === yearLabel) return year + 1;
    if (label === basis) return '';
    return row[1];
  });
}

/** The copy's name: the year in the name moved on, or the year added. */
export function nextYearName(name: string, year: number): string {
  const renamed = renameForYear(name, year);
  return renamed !== name ? renamed : `${name} - năm ${year + 1}`;
}
