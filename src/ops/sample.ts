/**
 * `loadSamplePlan` (docs/SPEC.md §8): fills the sample plan (xã Tú Xuyên 2023, embedded from
 * src/sample/) into a workbook whose `Nhiệm vụ` and `Chỉ tiêu` hold no data rows. Refuses,
 * writing nothing, when they do: a sample mixed into a commune's own plan would be worse than none.
 */
import { INDICATORS_LAYOUT, PERIODS_LAYOUT, type SheetLayout, TASKS_LAYOUT } from '../contract/layout';
import { CONFIG_HINTS, CONFIG_LABELS, type ConfigKey } from '../contract/settings';
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import type { Template } from '../contract/template';
import type { Context } from '../core/context';
import { ymdOf } from '../core/days';
import { UserError } from '../core/errors';
import { rowsUnderHeader } from '../core/fill';
import { columnOf } from '../core/new-year';
import { defaultSettings } from '../core/plan-defaults';
import { asCellText, cellText, isBlank, normalizeLabel } from '../core/text';
import { appendRows, type Block, readBlock, readSheet, replaceDataRows, writeValueColumn } from '../gas/book';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const dataRows = (block: Block<string>) => block.grid.values.slice(1).filter((r) => r.some((v) => !isBlank(v))).length;

export interface SampleResult {
  tasks: number;
  indicators: number;
  /** False when the periods were kept (a report was made or sent for one of them). */
  periods: boolean;
  settings: number;
  /** Settings the user had filled in, left as they were. */
  keptSettings: number;
}

function fill(block: Block<string>, layout: SheetLayout, rows: Template['tasks'], ctx: Context): void {
  const laid = rowsUnderHeader(block.grid.values[0] ?? [], layout, rows, ctx.offsetMinutes);
  replaceDataRows(block, laid.rows, laid.own);
}

export function loadSampleOperation(ss: Spreadsheet, ctx: Context, sample: Template): Done<SampleResult> {
  // Everything is read, and checked, before the first write.
  const tasks = readBlock(ss, TASKS, false);
  const indicators = readBlock(ss, INDICATORS, false);
  const periods = readBlock(ss, PERIODS, false);
  const config = readSheet(ss, CONFIG_SHEET);
  if (!config) throw new UserError(`Không tìm thấy trang tính «${CONFIG_SHEET}». Hãy chạy CCHC › Thiết lập bảng tính.`);
  const filled = [tasks, indicators]
    .map((b) => [b.sheet === tasks.sheet ? TASKS.name : INDICATORS.name, dataRows(b)] as const)
    .filter(([, n]) => n > 0);
  if (filled.length) {
    throw new UserError(
      `Không nạp kế hoạch mẫu vì bảng tính đã có dữ liệu: ${filled.map(([name, n]) => `«${name}» có ${n} dòng`).join(', ')}. Kế hoạch mẫu chỉ nạp vào bảng tính chưa có nhiệm vụ và chỉ tiêu, để không lẫn với kế hoạch của đơn vị. Không có gì được ghi. Muốn xem thử kế hoạch mẫu, hãy tạo một bảng tính mới, chạy CCHC › Thiết lập bảng tính rồi CCHC › Nạp kế hoạch mẫu.`,
    );
  }
  const header = periods.grid.values[0] ?? [];
  const sent = columnOf(header, PERIODS.columns.sentOn.header);
  const used = periods.grid.values.slice(1).some((r) => !isBlank(r[periods.cols.link]) || (sent >= 0 && !isBlank(r[sent])));

  fill(tasks, TASKS_LAYOUT, sample.tasks, ctx);
  fill(indicators, INDICATORS_LAYOUT, sample.indicators, ctx);
  if (!used) fill(periods, PERIODS_LAYOUT, sample.periods, ctx);
  const { written: settings, kept } = writeSettings(config, sample, ymdOf(ctx.today).year);

  const lines = [
    `Đã nạp kế hoạch mẫu: ${sample.tasks.length} nhiệm vụ, ${sample.indicators.length} chỉ tiêu${used ? '' : `, ${sample.periods.length} kỳ báo cáo`}, ${settings} thông số ở «${CONFIG_SHEET}».`,
  ];
  if (used)
    lines.push(`Giữ nguyên «${PERIODS.name}» vì đã có kỳ được tạo báo cáo hoặc đã gửi: kỳ báo cáo mẫu không thay thế chúng.`);
  if (kept) lines.push(`Giữ nguyên ${kept} thông số đơn vị đã điền ở «${CONFIG_SHEET}».`);
  lines.push('Tiếp theo: chạy CCHC › Cập nhật trạng thái để tính trạng thái theo ngày hôm nay.');
  return {
    value: { tasks: sample.tasks.length, indicators: sample.indicators.length, periods: !used, settings, keptSettings: kept },
    message: lines.join('\n'),
  };
}

const KEY_OF_LABEL = new Map(Object.entries(CONFIG_LABELS).map(([k, label]) => [normalizeLabel(label), k as ConfigKey]));

/**
 * The sample's settings over blank values and over the defaults `setupWorkbook` wrote (the year
 * of today, the default warning window); a label the sheet lacks is added at the end. Counts the
 * settings written and those kept because the user had filled them in.
 */
function writeSettings(config: Block<never>, sample: Template, thisYear: number): { written: number; kept: number } {
  const defaults = defaultSettings(thisYear);
  const rows = config.grid.values.slice(1);
  const next = rows.map((r) => r[1]);
  const added: unknown[][] = [];
  let written = 0;
  let kept = 0;
  for (const [label, value] of sample.config) {
    const key = KEY_OF_LABEL.get(normalizeLabel(label));
    const at = rows.findIndex((r) => normalizeLabel(cellText(r[0])) === normalizeLabel(label));
    const cell = typeof value === 'string' ? asCellText(value) : value;
    if (at < 0) {
      added.push([label, cell, key ? CONFIG_HINTS[key] : '']);
      written++;
      continue;
    }
    const now = rows[at]![1];
    const preset = key !== undefined && defaults[key] !== undefined && cellText(now) === cellText(defaults[key]);
    if (cellText(now) === cellText(value)) continue;
    if (isBlank(now) || preset) {
      next[at] = cell;
      written++;
    } else kept++;
  }
  if (config.rows > 0) writeValueColumn(config, 1, next);
  appendRows(config, added);
  return { written, kept };
}
