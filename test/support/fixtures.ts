/**
 * Workbooks for tests and `npm start`: sheets written straight into the emulator's model (no
 * service calls), in the layout of SPEC §1.
 */
import { AREA_LABELS } from '../../src/contract/lists';
import { isValidYmd } from '../../src/core/days';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, TASKS } from '../../src/contract/sheets';
import { Emulator, type EmulatorOptions } from '../../emulator/index';
import type { SheetModel } from '../../emulator/services/spreadsheet';

export type Row = Record<string, unknown>;

/**
 * The emulator as the product's users have it: a Vietnamese commune office's spreadsheet (vi_VN
 * locale, the manifest's Asia/Ho_Chi_Minh zone) in a Drive folder, the office's account, and the
 * clock on a day of the sample plan year (2023-08-20, 09:00).
 */
export function productEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator({
    name: 'CCHC tracker',
    locale: 'vi_VN',
    folder: 'CCHC',
    user: 'vanphong@tuxuyen.example',
    now: new Date('2023-08-20T09:00:00+07:00'),
    ...options,
  });
}

export interface WorkbookData {
  config?: [string, unknown][];
  tasks?: Row[];
  indicators?: Row[];
  periods?: Row[];
}

export const headersOf = (def: { columns: Record<string, { header: string }> }) =>
  Object.values(def.columns).map((c) => c.header);

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Template dates are dd/mm/yyyy text; in a sheet they are Date cells. */
function cellFor(emu: Emulator, v: unknown): unknown {
  const m = typeof v === 'string' ? DMY.exec(v) : null;
  if (!m) return v ?? '';
  // Not a real day (31/02): keep the text, as a user's typo would stay text in Sheets.
  return isValidYmd(Number(m[3]), Number(m[2]), Number(m[1])) ? emu.date(`${m[3]}-${m[2]}-${m[1]}`) : v;
}

/** A sheet with `headers` in row 1 and one row per record (keys are header texts). */
export function putSheet(emu: Emulator, name: string, headers: readonly string[], rows: readonly Row[] = []): SheetModel {
  const sheet = emu.spreadsheet.getSheetByName(name) ?? emu.spreadsheet.insertSheet(name);
  sheet.load([headers, ...rows.map((r) => headers.map((h) => cellFor(emu, r[h])))]);
  const formats: Record<string, string> = {
    [TASKS.columns.deadline.header]: 'dd/mm/yyyy',
    [TASKS.columns.completed.header]: 'dd/mm/yyyy',
    [PERIODS.columns.due.header]: 'dd/mm/yyyy',
  };
  headers.forEach((h, c) => {
    sheet.setCell(1, c + 1, 'bold', true);
    const f = formats[h];
    if (f) for (let r = 2; r <= rows.length + 1; r++) sheet.setCell(r, c + 1, 'formats', f);
  });
  sheet.setFrozenRows(1);
  return sheet;
}

export function loadWorkbook(emu: Emulator, data: WorkbookData): void {
  const config = emu.spreadsheet.getSheetByName(CONFIG_SHEET) ?? emu.spreadsheet.insertSheet(CONFIG_SHEET);
  config.load([['Thông số', 'Giá trị'], ...(data.config ?? []).map(([k, v]) => [k, v ?? ''])]);
  putSheet(emu, TASKS.name, headersOf(TASKS), data.tasks);
  putSheet(emu, INDICATORS.name, headersOf(INDICATORS), data.indicators);
  putSheet(emu, PERIODS.name, headersOf(PERIODS), data.periods);
  putSheet(emu, LOG.name, LOG.headers);
}

/**
 * A deterministic workbook of `tasks` task rows (and tasks/5 indicators) of every status, for
 * call-count tests and benchmarks. Deadlines spread over the plan year 2023.
 */
export function generatedWorkbook(tasks: number): WorkbookData {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (i: number) => `${pad((i % 28) + 1)}/${pad((i % 12) + 1)}/2023`;
  return {
    config: [
      ['Cơ quan ban hành', 'ỦY BAN NHÂN DÂN XÃ MẪU'],
      ['Năm kế hoạch', 2023],
      ['Số ngày cảnh báo', 7],
    ],
    tasks: Array.from({ length: tasks }, (_, i) => ({
      Mã: `NV${i + 1}`,
      'Lĩnh vực': AREA_LABELS[i % 7],
      'Nhiệm vụ': `Nhiệm vụ số ${i + 1}`,
      'Đơn vị chủ trì': 'Văn phòng',
      Email: `nguoi${i % 20}@xa.example`,
      'Hạn hoàn thành': i % 9 === 0 ? 'Thường xuyên' : day(i),
      'Tiến độ (%)': (i * 7) % 101,
      'Ngày hoàn thành': i % 5 === 0 ? day(i + 3) : '',
    })),
    indicators: Array.from({ length: Math.max(1, Math.floor(tasks / 5)) }, (_, i) => ({
      Mã: `CT${i + 1}`,
      'Lĩnh vực': AREA_LABELS[i % 7],
      'Chỉ tiêu': `Chỉ tiêu số ${i + 1}`,
      'So sánh': ['≥', '>', '≤', '<', '='][i % 5],
      'Mục tiêu': 50 + (i % 50),
      'Đơn vị tính': '%',
      'Tử số': i % 3 === 0 ? '' : i % 40,
      'Mẫu số': i % 3 === 0 ? '' : 40,
      'Thực hiện': i % 3 === 0 ? `${i % 100}%` : '',
    })),
    periods: [
      { 'Mã kỳ': 'Q1', 'Tên kỳ': 'Quý I năm 2023', 'Hạn gửi': '25/02/2023', 'Nhắc trước (ngày)': 10 },
      { 'Mã kỳ': 'H1', 'Tên kỳ': '6 tháng đầu năm 2023', 'Hạn gửi': '25/05/2023', 'Nhắc trước (ngày)': 10 },
      { 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III năm 2023', 'Hạn gửi': '25/08/2023', 'Nhắc trước (ngày)': 10 },
      { 'Mã kỳ': 'NAM', 'Tên kỳ': 'năm 2023', 'Hạn gửi': '20/11/2023', 'Nhắc trước (ngày)': 10 },
    ],
  };
}
