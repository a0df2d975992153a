/**
 * `startNewYear` (docs/SPEC.md §8): a copy of the workbook for the next plan year, beside it in
 * its folder, prepared for the new year (src/core/new-year.ts) with its statuses recomputed. The
 * old workbook gets nothing but its `Nhật ký` row, which runLogged writes.
 */
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import type { Context } from '../core/context';
import { UserError } from '../core/errors';
import { nextYearIndicators, nextYearName, nextYearPeriods, nextYearSettings, nextYearTasks } from '../core/new-year';
import { blockAfterWrite, blockIn, readBlock, readFormulas, readSheet, writeDataRows, writeValueColumn } from '../gas/book';
import { readContext } from '../gas/context';
import { copyBesideOriginal, discardCopy } from '../gas/drive';
import { appendLog } from '../gas/log';
import { spreadsheetName, spreadsheetUrl } from '../gas/workbook';
import { refresh } from './refresh';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NEW_YEAR_ACTION = 'Chuyển sang năm mới';

/** Returns the new workbook's URL. */
export function startNewYearOperation(ss: Spreadsheet, ctx: Context): Done<string> {
  const year = ctx.config.year;
  if (year === null) {
    throw new UserError(
      `Ô «Năm kế hoạch» ở trang «${CONFIG_SHEET}» trống hoặc không đúng: hãy nhập năm của kế hoạch hiện tại (ví dụ 2025) rồi chạy lại. Chưa có gì được tạo.`,
    );
  }
  // Read and compute everything from the old workbook first: a missing sheet or header stops
  // the operation before a copy exists.
  const tasks = readBlock(ss, TASKS, true);
  // The copy holds the same formulas: read here, they keep the copy's cells without reading it.
  const taskFormulas = readFormulas(tasks);
  const indicators = readBlock(ss, INDICATORS, false);
  const periods = readBlock(ss, PERIODS, false);
  const config = readSheet(ss, CONFIG_SHEET);
  if (!config) throw new UserError(`Không tìm thấy trang tính «${CONFIG_SHEET}». Hãy chạy CCHC › Thiết lập bảng tính.`);
  const nextTasks = nextYearTasks(tasks.grid, tasks.cols, ctx.parsers, year);
  const nextIndicators = nextYearIndicators(indicators.grid, indicators.cols);
  const nextPeriods = nextYearPeriods(periods.grid, periods.cols, year, ctx.offsetMinutes);
  const nextSettings = nextYearSettings(config.grid.values, year);
  const oldUrl = spreadsheetUrl(ss);

  const { copy, url, folder } = copyBesideOriginal(ss, nextYearName(spreadsheetName(ss), year));
  try {
    const copyTasks = blockIn(copy, TASKS.name, tasks);
    writeDataRows(copyTasks, nextTasks.rows, taskFormulas);
    writeDataRows(blockIn(copy, INDICATORS.name, indicators), nextIndicators);
    writeDataRows(blockIn(copy, PERIODS.name, periods), nextPeriods);
    if (config.rows > 0) writeValueColumn(blockIn(copy, CONFIG_SHEET, config), 1, nextSettings);
    // Without formulas the copy's tasks read back as written (the new values are blanks and the
    // `Chuyển từ năm` notes, which Sheets keeps as text), so the refresh need not read them again.
    const known = taskFormulas.some((r) => r.some((f) => f !== ''))
      ? undefined
      : { tasks: blockAfterWrite(copyTasks, nextTasks.rows) };
    refresh(copy, readContext(copy), known);
    appendLog(copy, NEW_YEAR_ACTION, `Tạo từ bảng tính năm ${year}: ${oldUrl}`);
  } catch (e) {
    discardCopy(copy);
    throw e;
  }

  const next = year + 1;
  const lines = [
    `Đã tạo bảng tính năm ${next}${folder ? ` trong thư mục «${folder}»` : ' trong Drive của tôi'}: ${url}`,
    `Nhiệm vụ: ${nextTasks.continuing} nhiệm vụ thường xuyên (đã xoá tiến độ, ngày hoàn thành, kết quả); ${nextTasks.carried} nhiệm vụ chưa xong chuyển sang (ghi chú «Chuyển từ năm ${year}», giữ hạn cũ nên hiện «Quá hạn» cho đến khi đặt hạn mới); bỏ ${nextTasks.dropped} nhiệm vụ đã hoàn thành.`,
    `Chỉ tiêu: giữ ${nextIndicators.filter((r) => r.values.some((v) => v !== '')).length} chỉ tiêu, đã xoá số liệu. Kỳ báo cáo: dời sang năm ${next}, đã xoá liên kết và ngày gửi.`,
    `Bảng tính năm ${year} giữ nguyên.`,
    `Nhắc việc tự động không đi theo bản sao: hãy mở bảng tính năm ${next} và chạy CCHC › Bật nhắc việc tự động (và tắt nhắc việc ở bảng tính này).`,
  ];
  return { value: url, message: `Bảng tính năm ${next}: ${url}`, dialog: lines.join('\n') };
}
