/**
 * `importPlan` and `confirmImport` (docs/SPEC.md §8): the plan's document → the review sheet
 * `Nhập kế hoạch` → the ticked rows appended to `Nhiệm vụ`, `Chỉ tiêu`, `Kỳ báo cáo` and blank
 * `Cấu hình` values. Rows are appended below the data, never over it; each imported review row
 * gets its new code in `Đã nhập`, and a row whose text is already in the sheet is not added again.
 */
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import type { Context } from '../core/context';
import { UserError } from '../core/errors';
import { parsePlan } from '../core/import/parse';
import {
  nextCode,
  periodOf,
  type REVIEW_HEADERS,
  REVIEW_SHEET,
  reviewColumns,
  reviewRow,
  settingOf,
} from '../core/import/review';
import { asCellText, asLiteralText, cellText, normalizeLabel } from '../core/text';
import { type Block, readBlock } from '../gas/book';
import {
  appendRows,
  readConfigSheet,
  readReviewSheet,
  writeReviewColumn,
  writeReviewSheet,
  writeSettings,
} from '../gas/import-sheets';
import { readPlanDocument } from '../gas/plan-doc';
import { refresh } from './refresh';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function importPlanOperation(ss: Spreadsheet, ctx: Context, input: string): Done<number> {
  const { name, blocks } = readPlanDocument(input);
  const { items } = parsePlan(blocks, { year: ctx.config.year ?? undefined });
  if (!items.some((i) => i.kind === 'Nhiệm vụ' || i.kind === 'Chỉ tiêu')) {
    throw new UserError(
      `Không tìm thấy nhiệm vụ hay chỉ tiêu nào trong «${name}». Trang «${REVIEW_SHEET}» chưa được ghi. Hãy kiểm tra đây đúng là văn bản kế hoạch (có mục Nhiệm vụ, giải pháp hoặc Phụ lục nhiệm vụ).`,
    );
  }
  writeReviewSheet(
    ss,
    items.map(reviewRow).map((r) => r.map((v) => (typeof v === 'string' ? asLiteralText(v) : v))),
  );
  const count = (kind: string) => items.filter((i) => i.kind === kind).length;
  const doubtful = items.filter((i) => i.doubt).length;
  const message = `Đã đọc «${name}»: ${count('Nhiệm vụ')} nhiệm vụ, ${count('Chỉ tiêu')} chỉ tiêu, ${count('Kỳ báo cáo')} kỳ báo cáo, ${count('Cấu hình')} mục cấu hình; ${doubtful} dòng cần xem lại.`;
  return {
    value: items.length,
    message,
    dialog: `${message}\n\nHãy xem trang «${REVIEW_SHEET}», sửa nội dung nếu cần, bỏ dấu ở cột «Nhập» những dòng không muốn nhập, rồi chọn CCHC › Xác nhận nhập kế hoạch.`,
  };
}

/** New rows for one sheet, each value at its header's position (header width). */
function placed(block: Block<string>, rows: Record<number, unknown>[]): unknown[][] {
  const width = block.grid.values[0]?.length ?? 0;
  return rows.map((r) => {
    const row: unknown[] = [];
    for (let i = 0; i < width; i++) row.push('');
    for (const [col, v] of Object.entries(r)) if (Number(col) >= 0) row[Number(col)] = v;
    return row;
  });
}

const key = (s: unknown) => normalizeLabel(cellText(s));
const text = (s: unknown) => asCellText(cellText(s));
const settingValue = (v: string) => (/^\d+$/.test(v) ? Number(v) : asLiteralText(v));

export function confirmImportOperation(ss: Spreadsheet, ctx: Context): Done<number> {
  const values = readReviewSheet(ss);
  if (!values) throw new UserError(`Chưa có trang «${REVIEW_SHEET}». Hãy chạy CCHC › Nhập kế hoạch từ văn bản trước.`);
  const c = reviewColumns(values[0] ?? []);
  const missing = (['Loại', 'Nội dung', 'Nhập', 'Đã nhập'] as const).filter((h) => c[h] < 0);
  if (missing.length) {
    throw new UserError(
      `Trang «${REVIEW_SHEET}» thiếu cột ${missing.map((h) => `«${h}»`).join(', ')} ở dòng 1. Không có gì được ghi. Hãy chạy lại CCHC › Nhập kế hoạch từ văn bản.`,
    );
  }
  const tasks = readBlock(ss, TASKS, false);
  const indicators = readBlock(ss, INDICATORS, false);
  const periods = readBlock(ss, PERIODS, false);
  const configSheet = readConfigSheet(ss);
  const config = configSheet ?? [];

  const column = (b: Block<string>, col: number) => (col < 0 ? [] : b.grid.values.slice(1).map((r) => cellText(r[col])));
  const taskCodes = column(tasks, tasks.cols.code);
  const taskNames = new Set(column(tasks, tasks.cols.name).map(key));
  const indicatorCodes = column(indicators, indicators.cols.code);
  const indicatorNames = new Set(column(indicators, indicators.cols.name).map(key));
  const periodCodes = new Set(column(periods, periods.cols.code).map((s) => s.toUpperCase()));
  const configAt = new Map(config.map((r, i) => [key(r[0]), i] as const));

  const newTasks: Record<number, unknown>[] = [];
  const newIndicators: Record<number, unknown>[] = [];
  const newPeriods: Record<number, unknown>[] = [];
  const configWrites: [row: number, value: string][] = [];
  const configAppends: [label: string, value: string][] = [];
  const marks = values.slice(1).map((r) => r[c['Đã nhập']]);
  const at = (r: unknown[], h: (typeof REVIEW_HEADERS)[number]) => (c[h] < 0 ? '' : r[c[h]]);
  let skipped = 0;
  const already = (i: number, mark: string) => {
    marks[i] = mark;
    skipped++;
  };

  values.slice(1).forEach((r, i) => {
    if (at(r, 'Nhập') !== true || cellText(at(r, 'Đã nhập'))) return;
    const kind = key(at(r, 'Loại'));
    const content = cellText(at(r, 'Nội dung'));
    const area = cellText(at(r, 'Lĩnh vực'));
    const doubt = cellText(at(r, 'Cần xem lại'));
    const note = doubt ? `Nhập từ văn bản kế hoạch. Cần xem lại: ${doubt}` : 'Nhập từ văn bản kế hoạch.';
    if (!content) return;
    if (kind === key('Nhiệm vụ')) {
      if (taskNames.has(key(content))) return already(i, 'Đã có');
      const code = nextCode('NV', area, taskCodes);
      taskCodes.push(code);
      taskNames.add(key(content));
      const t = tasks.cols;
      newTasks.push({
        [t.code]: code,
        [t.area]: area,
        [t.name]: text(content),
        [t.lead]: text(at(r, 'Đơn vị chủ trì')),
        [t.partners]: text(at(r, 'Đơn vị phối hợp')),
        [t.deadline]: asLiteralText(cellText(at(r, 'Hạn hoàn thành'))),
        [t.note]: note,
      });
      marks[i] = code;
    } else if (kind === key('Chỉ tiêu')) {
      const k = `${key(content)}|${cellText(at(r, 'Mục tiêu'))}`;
      if (indicatorNames.has(k) || indicatorNames.has(key(content))) return already(i, 'Đã có');
      const code = nextCode('CT', area, indicatorCodes);
      indicatorCodes.push(code);
      indicatorNames.add(k);
      const t = indicators.cols;
      newIndicators.push({
        [t.code]: code,
        [t.area]: area,
        [t.name]: text(content),
        [t.comparator]: cellText(at(r, 'So sánh')),
        [t.target]: at(r, 'Mục tiêu'),
        [t.unit]: text(at(r, 'Đơn vị tính')),
        [t.note]: note,
      });
      marks[i] = code;
    } else if (kind === key('Kỳ báo cáo')) {
      const p = periodOf(content);
      if (!p) return;
      if (periodCodes.has(p.code)) return already(i, 'Đã có');
      periodCodes.add(p.code);
      const t = periods.cols;
      newPeriods.push({ [t.code]: p.code, [t.name]: text(p.name), [t.due]: asLiteralText(cellText(at(r, 'Hạn hoàn thành'))) });
      marks[i] = p.code;
    } else if (kind === key('Cấu hình')) {
      const s = settingOf(content);
      if (!s) return;
      const row = configAt.get(key(s.label));
      if (row === undefined) configAppends.push([s.label, s.value]);
      else if (cellText(config[row]![1])) return already(i, 'Đã có giá trị');
      else configWrites.push([row, s.value]);
      configAt.set(key(s.label), row ?? -1);
      marks[i] = 'Đã nhập';
    }
  });

  const settings = configWrites.length + configAppends.length;
  if (settings && !configSheet)
    throw new UserError(`Không tìm thấy trang tính «${CONFIG_SHEET}». Hãy chạy CCHC › Thiết lập bảng tính.`);
  appendRows(tasks, placed(tasks, newTasks));
  appendRows(indicators, placed(indicators, newIndicators));
  appendRows(periods, placed(periods, newPeriods));
  writeSettings(
    ss,
    config.length,
    configWrites.map(([row, v]) => [row, settingValue(v)]),
    configAppends.map(([l, v]) => [text(l), settingValue(v)]),
  );
  writeReviewColumn(
    ss,
    c['Đã nhập'],
    marks.map((m) => m ?? ''),
  );
  if (newTasks.length || newIndicators.length || newPeriods.length) refresh(ss, ctx);
  const added = newTasks.length + newIndicators.length + newPeriods.length + settings;
  return {
    value: added,
    message: `Đã nhập ${newTasks.length} nhiệm vụ, ${newIndicators.length} chỉ tiêu, ${newPeriods.length} kỳ báo cáo, ${settings} mục cấu hình${skipped ? `; bỏ qua ${skipped} dòng đã có trong bảng tính` : ''}.`,
  };
}
