/**
 * `setupWorkbook`: creates each missing sheet (docs/SPEC.md §1, §4, §8). A new workbook starts
 * empty: no tasks or indicators, the settings' labels, and the default periods of the plan year
 * (src/core/plan-defaults.ts); `loadSamplePlan` fills the sample plan on request. An existing sheet
 * is left exactly as it is, whatever it holds; the report names what was created and which kept
 * sheets lack a required header. The empty sheet a new spreadsheet comes with goes once ours exist.
 */
import { SHEET_LAYOUTS, type SheetLayout } from '../contract/layout';
import { sheetGrid, templateRows } from '../core/fill';
import { overviewLayout } from '../core/overview';
import { HISTORY, INDICATORS, OVERVIEW_SHEET, PERIODS, type SheetDef, TASKS } from '../contract/sheets';
import { headerList, locateColumns } from '../core/headers';
import type { Context } from '../core/context';
import { ymdOf } from '../core/days';
import { REVIEW_SHEET } from '../core/import/review';
import { emptyPlan } from '../core/plan-defaults';
import { migrateWorkbook } from '../gas/migrate';
import { createOverview, createSheet } from '../gas/sheet-builder';
import { adoptWorkbookLocale, deleteIfUntouched, existingSheet, sheetNames } from '../gas/workbook';
import { readZone } from '../gas/context';
import { WORKBOOK_LOCALE, WORKBOOK_TIME_ZONE } from '../contract/locale';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DEFS: Record<string, SheetDef> = { [TASKS.name]: TASKS, [INDICATORS.name]: INDICATORS, [PERIODS.name]: PERIODS };
const OURS = new Set([...SHEET_LAYOUTS.map((l) => l.name), OVERVIEW_SHEET, HISTORY.name, REVIEW_SHEET]);

const WHAT: Partial<Record<SheetLayout['fill'], string>> = {
  tasks: 'chưa có nhiệm vụ',
  indicators: 'chưa có chỉ tiêu',
  periods: 'kỳ báo cáo',
  config: 'thông số',
};

/** What a created sheet holds, for the dialog: "4 kỳ báo cáo", "chưa có nhiệm vụ". */
function describeRows(fill: SheetLayout['fill'], rows: number, year: number): string {
  const what = WHAT[fill];
  if (!what) return '';
  if (fill === 'tasks' || fill === 'indicators') return `: ${what}`;
  if (fill === 'periods') return `: ${rows} ${what} năm ${year} theo mốc mặc định của Bộ Nội vụ`;
  return `: ${rows} ${what}`;
}

/** For a kept data sheet whose header row lacks a required column: which ones, as a hint. */
function missingHeaders(name: string, header: readonly unknown[], def: SheetDef): string | null {
  const found = locateColumns(def, header);
  return found.ok ? null : `«${name}» (thiếu cột ${headerList(found.missing)} ở dòng tiêu đề: hãy thêm lại)`;
}

export interface SetupResult {
  created: string[];
  kept: string[];
}

export function setupOperation(ss: Spreadsheet, ctx: Context): Done<SetupResult> {
  const year = ctx.config.year ?? ymdOf(ctx.today).year;
  const plan = emptyPlan(year);
  const created: string[] = [];
  const createdLines: string[] = [];
  const kept: string[] = [];
  const incomplete: string[] = [];
  // A new spreadsheet holds one sheet, not ours (Sheet1, Trang tính1): the candidate to remove.
  const before = sheetNames(ss);
  const defaultSheet = before.length === 1 && !OURS.has(before[0]!) ? before[0]! : null;

  // New sheets go after the template sheet before them, so the template's order holds.
  const overview = existingSheet(ss, OVERVIEW_SHEET, false);
  let position = overview ? overview.index : 0;
  const found = SHEET_LAYOUTS.map((layout) => existingSheet(ss, layout.name, DEFS[layout.name] !== undefined));
  // A new workbook (none of the sheets yet) gets the commune's time zone and locale first, so
  // that the dates written below are the commune's days (docs/SPEC.md §8).
  let offset = ctx.offsetMinutes;
  const fresh = !overview && found.every((f) => !f);
  if (fresh) {
    adoptWorkbookLocale(ss);
    offset = readZone(ss).offsetMinutes;
  }
  for (const [i, layout] of SHEET_LAYOUTS.entries()) {
    const def = DEFS[layout.name];
    const existing = found[i];
    if (existing) {
      // Its place now: sheets created above it have moved it down.
      position = existingSheet(ss, layout.name, false)!.index;
      kept.push(layout.name);
      const missing = def && missingHeaders(layout.name, existing.header, def);
      if (missing) incomplete.push(missing);
      continue;
    }
    const rows = templateRows(layout, plan);
    createSheet(ss, position++, layout, sheetGrid(layout, rows, offset));
    created.push(layout.name);
    createdLines.push(`- «${layout.name}»${describeRows(layout.fill, rows.length, year)}.`);
  }
  if (overview) {
    kept.push(OVERVIEW_SHEET);
  } else {
    createOverview(ss, OVERVIEW_SHEET, overviewLayout());
    created.push(OVERVIEW_SHEET);
    createdLines.push(`- «${OVERVIEW_SHEET}»: bảng số liệu theo lĩnh vực và biểu đồ, tự cập nhật.`);
  }

  // Only in a new workbook, and only if nobody has put anything in it (src/core/untouched.ts).
  const removed = fresh && defaultSheet !== null && deleteIfUntouched(ss, defaultSheet);
  if (removed) createdLines.push(`Đã xoá trang tính trống «${defaultSheet}» có sẵn khi tạo bảng tính.`);

  // A workbook of an earlier version gains the optional columns it lacks, once (docs/SPEC.md §4).
  const migrated = migrateWorkbook(ss);
  const upgrade = migrated.added.map((a) => `- «${a.sheet}»: ${a.texts.map((t) => `«${t}»`).join(', ')}.`);

  const lines = created.length
    ? [`Đã tạo ${created.length} trang tính:`, ...createdLines]
    : upgrade.length
      ? []
      : ['Bảng tính đã có đủ các trang tính; không thay đổi gì.'];
  if (upgrade.length) {
    lines.push(
      `Đã nâng cấp bảng tính lên phiên bản ${migrated.to}, thêm vào cuối (không đổi cột hay dữ liệu đã có):`,
      ...upgrade,
    );
  }
  if (created.length && kept.length) lines.push(`Giữ nguyên các trang tính đã có: ${kept.map((n) => `«${n}»`).join(', ')}.`);
  if (incomplete.length) lines.push(`Lưu ý: ${incomplete.join(', ')}.`);
  if (fresh) {
    lines.push(
      `Đã đặt múi giờ của bảng tính là ${WORKBOOK_TIME_ZONE} và ngôn ngữ/định dạng là ${WORKBOOK_LOCALE} (Tiếng Việt), để ngày gõ dạng ngày/tháng/năm được hiểu đúng.`,
    );
  }
  if (created.includes(TASKS.name) || created.includes(INDICATORS.name)) {
    lines.push(
      'Tiếp theo: điền «Cấu hình», nhập nhiệm vụ và chỉ tiêu của kế hoạch (hoặc CCHC › Nạp kế hoạch mẫu để xem thử), rồi chạy CCHC › Cập nhật trạng thái.',
    );
  }
  return { value: { created, kept }, message: lines.join('\n') };
}
