/**
 * `importPlan` and `confirmImport` (docs/SPEC.md §8): the plan's document → the review sheet
 * `Nhập kế hoạch` → the ticked rows appended to `Nhiệm vụ`, `Chỉ tiêu`, `Kỳ báo cáo` and blank
 * `Cấu hình` values. Rows are appended below the data, never over it; each imported review row
 * gets its new code in `Đã nhập`, and a row whose text is already in the sheet is not added again
 * but marked with the code of the row that holds it. The marks are written last: a run that a
 * failing service stopped after appending rows is repaired by the next one, which finds those rows
 * by their text and marks them as the finished run would have.
 */
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import type { Context } from '../core/context';
import { UserError } from '../core/errors';
import { parsePlan } from '../core/import/parse';
import { readPeriods } from '../core/import/periods';
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
import { appendRows, type Block, readBlock, readSheet } from '../gas/book';
import { readContext } from '../gas/context';
import { writeReviewColumn, writeReviewSheet, writeSettings } from '../gas/import-sheets';
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

/** The period a task's text reports on (one reporting clause in it), or ''. */
function reportPeriodOf(content: string): string {
  // The year only dates the clause's due day, which this does not use.
  const found = readPeriods(content, 2000);
  return found.length === 1 ? found[0]!.code : '';
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
/** User text written back as text (`2023`, `100`, `=…` stay text). */
const text = (s: unknown) => asLiteralText(cellText(s));
/** A target as the user left it: a number stays a number, text is never a formula. */
const target = (v: unknown) => (typeof v === 'string' ? asCellText(v) : v);
const settingValue = (v: string) => (/^\d+$/.test(v) ? Number(v) : asLiteralText(v));

export function confirmImportOperation(ss: Spreadsheet, ctx: Context): Done<number> {
  const values = readSheet(ss, REVIEW_SHEET)?.grid.values;
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
  const configSheet = readSheet(ss, CONFIG_SHEET);
  const config = configSheet?.grid.values ?? [];

  const column = (b: Block<string>, col: number) => (col < 0 ? [] : b.grid.values.slice(1).map((r) => cellText(r[col])));
  // A review row's mark: the code of the row that holds its text, or `Đã nhập` when that row has no
  // code (no `Mã` column, or a row typed without one). The same whether this run appended the row
  // or found it there, so that a run repairing a stopped one marks as the stopped one would have.
  const markOf = (code: string | undefined) => code || 'Đã nhập';
  const codesByName = (names: string[], codes: string[]) => {
    const m = new Map<string, string>();
    names.forEach((n, i) => {
      if (!m.has(key(n))) m.set(key(n), markOf(codes[i]));
    });
    return m;
  };
  const taskCodes = column(tasks, tasks.cols.code);
  const taskNames = codesByName(column(tasks, tasks.cols.name), taskCodes);
  const indicatorCodes = column(indicators, indicators.cols.code);
  const indicatorTexts = column(indicators, indicators.cols.name);
  const indicatorTargets = column(indicators, indicators.cols.target);
  // By text and target first: a plan's two targets of one text (`tương ứng là 60%, 55%`) are two rows.
  const indicatorNames = codesByName(
    [...indicatorTexts.map((n, i) => `${n}|${indicatorTargets[i] ?? ''}`), ...indicatorTexts],
    [...indicatorCodes, ...indicatorCodes],
  );
  const periodCodes = new Set(column(periods, periods.cols.code).map((s) => s.toUpperCase()));
  const configAt = new Map(config.map((r, i) => [key(r[0]), i] as const));

  const newTasks: Record<number, unknown>[] = [];
  const reportTasks: [row: Record<number, unknown>, period: string][] = [];
  const newIndicators: Record<number, unknown>[] = [];
  const newPeriods: Record<number, unknown>[] = [];
  const configWrites: [row: number, value: string][] = [];
  const configAppends: [label: string, value: string][] = [];
  /** Each setting's value once this run's writes are done, by label. */
  const settingsAfter = new Map<string, string>();
  const marks = values.slice(1).map((r) => r[c['Đã nhập']]);
  const at = (r: readonly unknown[], h: (typeof REVIEW_HEADERS)[number]) => (c[h] < 0 ? '' : r[c[h]]);
  let skipped = 0;
  // Whether a task, indicator or period row is marked in this run (then statuses are refreshed).
  let marked = false;
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
      const there = taskNames.get(key(content));
      marked = true;
      if (there) return already(i, there);
      const code = nextCode('NV', area, taskCodes);
      taskCodes.push(code);
      const mark = markOf(tasks.cols.code < 0 ? '' : code);
      taskNames.set(key(content), mark);
      const t = tasks.cols;
      newTasks.push({
        [t.code]: code,
        [t.area]: text(area),
        [t.name]: text(content),
        [t.lead]: text(at(r, 'Đơn vị chủ trì')),
        [t.partners]: text(at(r, 'Đơn vị phối hợp')),
        [t.deadline]: asLiteralText(cellText(at(r, 'Hạn hoàn thành'))),
        [t.note]: note,
      });
      reportTasks.push([newTasks[newTasks.length - 1]!, reportPeriodOf(content)]);
      marks[i] = mark;
    } else if (kind === key('Chỉ tiêu')) {
      const k = key(`${content}|${cellText(at(r, 'Mục tiêu'))}`);
      const there = indicatorNames.get(k) ?? indicatorNames.get(key(content));
      marked = true;
      if (there) return already(i, there);
      const code = nextCode('CT', area, indicatorCodes);
      indicatorCodes.push(code);
      const mark = markOf(indicators.cols.code < 0 ? '' : code);
      indicatorNames.set(k, mark);
      const t = indicators.cols;
      newIndicators.push({
        [t.code]: code,
        [t.area]: text(area),
        [t.name]: text(content),
        [t.comparator]: text(at(r, 'So sánh')),
        [t.target]: target(at(r, 'Mục tiêu')),
        [t.unit]: text(at(r, 'Đơn vị tính')),
        [t.note]: note,
      });
      marks[i] = mark;
    } else if (kind === key('Kỳ báo cáo')) {
      const p = periodOf(content);
      if (!p) return;
      marked = true;
      if (periodCodes.has(p.code)) return already(i, p.code);
      periodCodes.add(p.code);
      const t = periods.cols;
      newPeriods.push({ [t.code]: p.code, [t.name]: text(p.name), [t.due]: asLiteralText(cellText(at(r, 'Hạn hoàn thành'))) });
      marks[i] = p.code;
    } else if (kind === key('Cấu hình')) {
      const s = settingOf(content);
      if (!s) return;
      const label = key(s.label);
      const row = configAt.get(label);
      const now = settingsAfter.get(label) ?? (row === undefined ? '' : cellText(config[row]![1]));
      // The value already there: put in by this plan (a run stopped before its marks) or by hand.
      if (now === cellText(s.value)) return already(i, 'Đã nhập');
      if (now) return already(i, 'Đã có giá trị');
      if (row === undefined) configAppends.push([s.label, s.value]);
      else configWrites.push([row, s.value]);
      settingsAfter.set(label, cellText(s.value));
      marks[i] = 'Đã nhập';
    }
  });

  // A task that is a period's report ("báo cáo quý I: gửi trước ngày …") names that period in
  // `Kỳ báo cáo` (docs/SPEC.md §3), once the period exists, so that sending the report completes it.
  for (const [row, code] of reportTasks) if (code && periodCodes.has(code)) row[tasks.cols.period] = code;

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
  // Statuses before marks: a run stopped in between still has rows to mark, and refreshes again;
  // with the settings just filled (the plan year, …), as the run repairing a stopped one reads them.
  if (marked) refresh(ss, settings ? readContext(ss, ctx) : ctx);
  writeReviewColumn(
    ss,
    c['Đã nhập'],
    marks.map((m) => m ?? ''),
  );
  const added = newTasks.length + newIndicators.length + newPeriods.length + settings;
  return {
    value: added,
    message: `Đã nhập ${newTasks.length} nhiệm vụ, ${newIndicators.length} chỉ tiêu, ${newPeriods.length} kỳ báo cáo, ${settings} mục cấu hình${skipped ? `; bỏ qua ${skipped} dòng đã có trong bảng tính` : ''}.`,
  };
}
