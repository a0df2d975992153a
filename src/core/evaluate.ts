/**
 * Whole-sheet evaluation: from a sheet's grid (header row first) to one outcome per data row, and
 * from outcomes to the computed column blocks that the adapter writes in one call each.
 */
import {
  INDICATOR_INPUTS,
  type IndicatorRow,
  PERIOD_INPUTS,
  type PeriodRow,
  type Problem,
  type rowParsers,
  TASK_INPUTS,
  type TaskRow,
} from './rows';
import {
  type Clock,
  evaluateIndicator,
  evaluatePeriod,
  evaluateTask,
  linkReportTask,
  problemNote,
  type ReportLink,
} from './rules';
import { isBlank } from './text';
import type { ColumnIndex, INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import { type IndicatorStatus, type PeriodStatus, type Status, statusBackground, type TaskStatus } from '../contract/status';

export interface Grid {
  /** Row 0 is the header row; values as getValues returns them. */
  values: readonly (readonly unknown[])[];
  /** Number formats of the same cells, where percent inputs matter. */
  formats?: readonly (readonly string[])[];
  /** Sheet row of values[1] when the grid is a window of rows below the header (default 2). */
  firstRow?: number;
}

export interface Outcome<R, S extends Status> {
  /** 1-based row in the sheet. */
  sheetRow: number;
  row: Partial<R>;
  status: S;
  problems: Problem[];
  result?: number | null;
}

type Parsers = ReturnType<typeof rowParsers>;

/**
 * `fn` on each data row that is not blank: a row whose input columns (`keys`; an absent column
 * reads as blank) are all blank gets null.
 */
function eachDataRow<K extends string, T>(
  grid: Grid,
  cols: ColumnIndex<K>,
  keys: readonly K[],
  fn: (values: readonly unknown[], formats: readonly string[] | undefined, sheetRow: number) => T,
): (T | null)[] {
  const out: (T | null)[] = [];
  const offset = (grid.firstRow ?? 2) - 1;
  const present = keys.map((k) => cols[k]).filter((c) => c >= 0);
  for (let i = 1; i < grid.values.length; i++) {
    const values = grid.values[i]!;
    out.push(present.every((c) => isBlank(values[c])) ? null : fn(values, grid.formats?.[i], i + offset));
  }
  return out;
}

export function evaluateTaskGrid(
  grid: Grid,
  cols: ColumnIndex<keyof typeof TASKS.columns>,
  parsers: Parsers,
  clock: Clock,
  /** The periods that `Kỳ báo cáo` cells name; null when unknown (the tasks are read on their own). */
  links: ReadonlyMap<string, ReportLink> | null = null,
): (Outcome<TaskRow, TaskStatus> | null)[] {
  const parse = parsers.taskRows(cols);
  return eachDataRow(grid, cols, TASK_INPUTS, (values, formats, sheetRow) => {
    const own = parse(values, formats);
    const parsed = links ? linkReportTask(own, links) : own;
    return { sheetRow, row: parsed.value, ...evaluateTask(parsed, clock) };
  });
}

export function evaluateIndicatorGrid(
  grid: Grid,
  cols: ColumnIndex<keyof typeof INDICATORS.columns>,
  parsers: Parsers,
): (Outcome<IndicatorRow, IndicatorStatus> | null)[] {
  const parse = parsers.indicatorRows(cols);
  return eachDataRow(grid, cols, INDICATOR_INPUTS, (values, formats, sheetRow) => {
    const parsed = parse(values, formats);
    return { sheetRow, row: parsed.value, ...evaluateIndicator(parsed) };
  });
}

/** Period rows: `Liên kết báo cáo` is computed but also read (a link means the report exists). */
export function evaluatePeriodGrid(
  grid: Grid,
  cols: ColumnIndex<keyof typeof PERIODS.columns>,
  parsers: Parsers,
  clock: Pick<Clock, 'today'>,
): (Outcome<PeriodRow, PeriodStatus> | null)[] {
  const parse = parsers.periodRows(cols);
  const inputs = PERIOD_INPUTS.filter((k) => k !== 'link');
  return eachDataRow(grid, cols, inputs, (values, formats, sheetRow) => {
    const parsed = parse(values, formats);
    return { sheetRow, row: parsed.value, ...evaluatePeriod(parsed, clock.today, cols.sentOn >= 0) };
  });
}

/**
 * What a status column holds now, as read: its values, backgrounds and notes (data rows only). A
 * background is null for no fill; white as read is taken as no fill, since Apps Script reads both
 * as #ffffff and writing white back would hide a sheet's alternating colours.
 */
export interface ColumnState {
  values: unknown[];
  backgrounds: (string | null)[];
  notes: string[];
}

/** Notes the script writes start with this; any other note on a status cell is the user's. */
const OWN_NOTE_PREFIX = 'Lỗi dữ liệu:';

/**
 * The new state of a status column. Blank rows keep what they have; a row with a status gets its
 * text and colour, and our note (or none). A user's own note is never overwritten.
 */
export function statusColumn(outcomes: readonly (Outcome<unknown, Status> | null)[], now: ColumnState): ColumnState {
  const values: unknown[] = [];
  const backgrounds: (string | null)[] = [];
  const notes: string[] = [];
  outcomes.forEach((o, i) => {
    if (!o) {
      values.push(now.values[i]);
      backgrounds.push(now.backgrounds[i]!);
      notes.push(now.notes[i]!);
      return;
    }
    values.push(o.status);
    backgrounds.push(statusBackground(o.status));
    const current = now.notes[i] ?? '';
    const ours = current === '' || current.startsWith(OWN_NOTE_PREFIX);
    notes.push(ours ? (o.problems.length ? problemNote(o.problems) : '') : current);
  });
  return { values, backgrounds, notes };
}

/** `Kết quả`: R rounded to 2 decimals, blank when there is none; blank rows keep their value. */
export function resultColumn(
  outcomes: readonly (Outcome<IndicatorRow, IndicatorStatus> | null)[],
  now: readonly unknown[],
): unknown[] {
  return outcomes.map((o, i) => (o ? (o.result ?? '') : now[i]));
}

/** A short Vietnamese line counting statuses, for dialogs and `Nhật ký`. */
export function countStatuses(outcomes: readonly (Outcome<unknown, Status> | null)[]): Map<Status, number> {
  const counts = new Map<Status, number>();
  for (const o of outcomes) if (o) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return counts;
}

export function describeCounts(counts: Map<Status, number>): string {
  return [...counts].map(([s, n]) => `${s}: ${n}`).join(', ') || 'không có dòng nào';
}
