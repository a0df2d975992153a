/** `refreshStatuses`: every computed column of `Nhiệm vụ`, `Chỉ tiêu` and `Kỳ báo cáo`. */
import { describeConfigProblem } from '../core/config';
import type { Context } from '../core/context';
import {
  countStatuses,
  describeCounts,
  evaluateIndicatorGrid,
  evaluatePeriodGrid,
  evaluateTaskGrid,
  type Outcome,
  resultColumn,
  statusColumn,
} from '../core/evaluate';
import type { IndicatorRow, PeriodRow, TaskRow } from '../core/rows';
import { INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import { type IndicatorStatus, type PeriodStatus, STATUS, type Status, type TaskStatus } from '../contract/status';
import { type Block, readBlock, readStatusColumn, writeStatusColumn, writeValueColumn } from '../gas/book';
import { reportLinks } from '../core/rules';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything a refresh computed, for the operations built on it (reports, reminders). */
export interface Snapshot {
  ctx: Context;
  tasks: Outcome<TaskRow, TaskStatus>[];
  indicators: Outcome<IndicatorRow, IndicatorStatus>[];
  periods: Outcome<PeriodRow, PeriodStatus>[];
  /** `Kỳ báo cáo` has the `Ngày gửi` column (a workbook of an earlier version may not). */
  tracksSending: boolean;
  /** Service writes made (0 when every computed cell was already up to date). */
  writes: number;
}

function writeStatuses(block: Block<string>, col: number, outcomes: readonly (Outcome<unknown, Status> | null)[]): number {
  if (block.rows === 0) return 0;
  const column = readStatusColumn(block, col);
  return writeStatusColumn(column, statusColumn(outcomes, column.now));
}

const present = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);

/** Reads all three sheets first (so a missing header stops before any write), then writes. */
export function refresh(
  ss: Spreadsheet,
  ctx: Context,
  /** The task sheet as it would read now, when the caller knows it (it is not read again). */
  known?: { tasks: Block<keyof typeof TASKS.columns> },
): Snapshot {
  const { parsers, clock } = ctx;
  const taskBlock = known?.tasks ?? readBlock(ss, TASKS, true);
  const indicatorBlock = readBlock(ss, INDICATORS, true);
  const periodBlock = readBlock(ss, PERIODS, false);

  const periods = evaluatePeriodGrid(periodBlock.grid, periodBlock.cols, parsers, clock);
  const tasks = evaluateTaskGrid(taskBlock.grid, taskBlock.cols, parsers, clock, reportLinks(present(periods)));
  const indicators = evaluateIndicatorGrid(indicatorBlock.grid, indicatorBlock.cols, parsers);

  let writes = writeStatuses(taskBlock, taskBlock.cols.status, tasks);
  writes += writeStatuses(indicatorBlock, indicatorBlock.cols.status, indicators);
  if (indicatorBlock.rows > 0) {
    const now = indicatorBlock.grid.values.slice(1).map((r) => r[indicatorBlock.cols.result]);
    writes += writeValueColumn(indicatorBlock, indicatorBlock.cols.result, resultColumn(indicators, now));
  }
  writes += writeStatuses(periodBlock, periodBlock.cols.status, periods);

  return {
    ctx,
    tasks: present(tasks),
    indicators: present(indicators),
    periods: present(periods),
    tracksSending: periodBlock.cols.sentOn >= 0,
    writes,
  };
}

function refreshMessage(s: Snapshot): string {
  const errors = [s.tasks, s.indicators, s.periods].flat().filter((o) => o.status === STATUS.error).length;
  const lines = [
    `Đã cập nhật trạng thái.`,
    `Nhiệm vụ (${s.tasks.length}): ${describeCounts(countStatuses(s.tasks))}.`,
    `Chỉ tiêu (${s.indicators.length}): ${describeCounts(countStatuses(s.indicators))}.`,
    `Kỳ báo cáo (${s.periods.length}): ${describeCounts(countStatuses(s.periods))}.`,
  ];
  if (errors) lines.push(`Có ${errors} dòng ${STATUS.error}: xem ghi chú ở ô Trạng thái hoặc chạy CCHC › Kiểm tra dữ liệu.`);
  const problems = s.ctx.configProblems.map(describeConfigProblem);
  if (problems.length) lines.push(`Cấu hình chưa đúng (đã dùng giá trị mặc định): ${problems.join('; ')}.`);
  return lines.join('\n');
}

export function refreshOperation(ss: Spreadsheet, ctx: Context): Done<Snapshot> {
  const snapshot = refresh(ss, ctx);
  return { value: snapshot, message: refreshMessage(snapshot) };
}
