/** The `Kỳ báo cáo` rows, read for a report, and the period row's report cells written after it. */
import { instantOfDay, type Offset } from '../../core/days';
import { evaluatePeriodGrid, type Outcome } from '../../core/evaluate';
import type { Context } from '../../core/context';
import type { PeriodRow } from '../../core/rows';
import { evaluatePeriod } from '../../core/rules';
import { PERIODS } from '../../contract/sheets';
import { type PeriodStatus, statusBackground } from '../../contract/status';
import { type Block, readBlock } from '../book';
import { DATE_FORMAT } from '../../contract/layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Period = Outcome<PeriodRow, PeriodStatus>;

export interface Periods {
  block: Block<keyof typeof PERIODS.columns>;
  outcomes: Period[];
  today: number;
  offsetMinutes: Offset;
}

export function readPeriods(
  ss: Spreadsheet,
  { offsetMinutes, today, parsers }: Pick<Context, 'offsetMinutes' | 'today' | 'parsers'>,
): Periods {
  const block = readBlock(ss, PERIODS, false);
  const outcomes = evaluatePeriodGrid(block.grid, block.cols, parsers, { today }).filter((o): o is Period => o !== null);
  return { block, outcomes, today, offsetMinutes };
}

/**
 * `Liên kết báo cáo`, `Ngày tạo báo cáo` and the status the new link gives the row. The link comes
 * last: a row without it is a period without a report, which a re-run (or the next daily check)
 * makes again, rewriting the other two.
 */
export function recordReport({ block, today, offsetMinutes }: Periods, period: Period, url: string): void {
  const cell = (col: number) => block.sheet.getRange(period.sheetRow, col + 1);
  const { status } = evaluatePeriod(
    { value: { ...period.row, link: url }, problems: period.problems },
    today,
    block.cols.sentOn >= 0,
  );
  cell(block.cols.status).setValue(status).setBackground(statusBackground(status));
  cell(block.cols.createdAt)
    .setValue(new Date(instantOfDay(today, offsetMinutes)))
    .setNumberFormat(DATE_FORMAT);
  cell(block.cols.link).setValue(url);
}
