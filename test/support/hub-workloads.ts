/**
 * A province for the hub: the hub workbook (dist-hub/ bundle, set up, `Đơn vị` filled) and N
 * generated commune workbooks of varied sizes in the emulator's Drive, shared with the hub's user
 * for viewing; a few are broken on purpose (no access, deleted, a header missing, unreadable).
 * Used by the hub's tests, its bench and `npm start -- --hub N`.
 */
import { fileURLToPath } from 'node:url';
import { Emulator } from '../../emulator/index';
import { generatedWorkbook, headersOf, type WorkbookData } from './fixtures';
import { SpreadsheetModel } from '../../emulator/services/spreadsheet';
import { instantIn } from '../../emulator/zone';
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../../src/contract/sheets';
import { UNITS } from '../../src/hub/contract';

/** Today of the hub's runs (as the commune bench's). */
export const TODAY = '2023-08-20';
export const HUB_DIR = fileURLToPath(new URL('../../dist-hub', import.meta.url));
export const HUB_USER = 'sonoivu@langson.example';
export const COMMUNE_OWNER = 'vanphong@xa.example';

export type Fault = 'noAccess' | 'deleted' | 'noHeader' | 'unreadable' | 'dataErrors';

export interface CommuneSpec {
  rows: number;
  fault?: Fault;
  /** `Kiến nghị` of Q3; without it the workbook lacks that optional column, as older ones do. */
  proposal?: string;
  /** `Ngày gửi` (dd/mm/yyyy) by period code: the day the commune sent that period's report. */
  sent?: Record<string, string>;
}

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
export const communeId = (i: number) => `1CommuneSheet${String(i + 1).padStart(5, '0')}abcdefgh`;
export const communeUrl = (i: number) => `https://docs.google.com/spreadsheets/d/${communeId(i)}/edit`;
export const communeName = (i: number) => `Xã Mẫu ${i + 1}`;

/** Writes `data` into a new spreadsheet model as Sheets holds it (dates as Date cells). */
function communeModel(i: number, spec: CommuneSpec): SpreadsheetModel {
  const tz = 'Asia/Ho_Chi_Minh';
  const ss = new SpreadsheetModel(`CCHC ${communeName(i)}`, tz, 'vi_VN', communeId(i));
  const data: WorkbookData = generatedWorkbook(spec.rows);
  data.config = [
    ['Cơ quan ban hành', `ỦY BAN NHÂN DÂN ${communeName(i).toLocaleUpperCase('vi')}`],
    ['Năm kế hoạch', 2023],
    ['Số ngày cảnh báo', 7],
  ];
  // Communes differ (a share of the tasks done varies with i, so the ranking is not a tie), and
  // hold no data error but the ones a fault puts in: no completion date after today.
  const future = (v: unknown) => {
    const m = typeof v === 'string' ? DMY.exec(v) : null;
    return m !== null && `${m[3]}-${m[2]}-${m[1]}` > TODAY;
  };
  data.tasks = data.tasks!.map((t, k) => ({
    ...t,
    'Ngày hoàn thành': future(t['Ngày hoàn thành']) ? '' : t['Ngày hoàn thành'],
    'Tiến độ (%)': k % ((i % 5) + 2) === 0 ? 100 : t['Tiến độ (%)'],
  }));
  if (spec.fault === 'dataErrors') data.tasks = data.tasks.map((t, k) => (k < 3 ? { ...t, 'Tiến độ (%)': 150 } : t));
  const cell = (v: unknown) => {
    const m = typeof v === 'string' ? DMY.exec(v) : null;
    return m ? new Date(instantIn(tz, `${m[3]}-${m[2]}-${m[1]}`)) : (v ?? '');
  };
  const sheet = (name: string, headers: string[], rows: Record<string, unknown>[]) =>
    ss.insertSheet(name).load([headers, ...rows.map((r) => headers.map((h) => cell(r[h])))]);
  ss.insertSheet(CONFIG_SHEET).load([['Thông số', 'Giá trị'], ...data.config]);
  let taskHeaders = headersOf(TASKS);
  if (spec.fault === 'noHeader') taskHeaders = taskHeaders.filter((h) => h !== TASKS.columns.deadline.header);
  sheet(TASKS.name, taskHeaders, data.tasks);
  sheet(INDICATORS.name, headersOf(INDICATORS), data.indicators!);
  const periods = data.periods!.map((p) => ({
    ...p,
    'Ngày gửi': spec.sent?.[String(p['Mã kỳ'])] ?? '',
    ...(p['Mã kỳ'] === 'Q3' && spec.proposal ? { 'Kiến nghị': spec.proposal } : {}),
  }));
  const proposals = PERIODS.columns.proposals.header;
  sheet(
    PERIODS.name,
    headersOf(PERIODS).filter((h) => spec.proposal || h !== proposals),
    periods,
  );
  return ss;
}

/**
 * Sizes that vary between 50 and `maxRows`, and one commune of each fault, spread over the list
 * (from 6 communes on): no access, deleted, a header missing, unreadable, data errors.
 */
export function provinceSpecs(n: number, maxRows = 400): CommuneSpec[] {
  const faults: Fault[] = ['noAccess', 'deleted', 'noHeader', 'unreadable', 'dataErrors'];
  const at = new Map(n >= 6 ? faults.map((f, j) => [Math.floor(((j + 1) * n) / 6), f] as const) : []);
  return Array.from({ length: n }, (_, i) => ({
    rows: 50 + ((i * 137) % Math.max(1, maxRows - 49)),
    fault: at.get(i),
    proposal: i % 3 === 0 ? `Đề nghị tỉnh hỗ trợ kinh phí số hóa hồ sơ cho ${communeName(i)}.` : undefined,
  }));
}

/** The hub workbook, set up, with one `Đơn vị` row per commune; the communes in its Drive. */
export function province(specs: readonly CommuneSpec[], today = TODAY): Emulator {
  const emu = new Emulator({ bundleDir: HUB_DIR, user: HUB_USER });
  emu.setToday(today);
  emu.spreadsheet.rename('CCHC tỉnh Lạng Sơn');
  emu.spreadsheet.insertSheet('Trang tính1');
  emu.run('setupHub');
  emu.spreadsheet.getSheetByName(CONFIG_SHEET)!.load(
    [
      ['Cơ quan chủ quản', 'UBND TỈNH LẠNG SƠN'],
      ['Cơ quan ban hành', 'SỞ NỘI VỤ'],
      ['Ký hiệu cơ quan', 'SNV'],
      ['Địa danh', 'Lạng Sơn'],
      ['Năm kế hoạch', 2023],
      ['Thẩm quyền ký', 'KT. GIÁM ĐỐC'],
      ['Chức vụ người ký', 'PHÓ GIÁM ĐỐC'],
      ['Người ký', 'Nguyễn Văn A'],
      ['Nơi nhận', 'UBND tỉnh;\nCác xã, phường;'],
    ],
    2,
  );
  specs.forEach((spec, i) => {
    const model = communeModel(i, spec);
    emu.files.add(model, { [COMMUNE_OWNER]: 'edit', [HUB_USER]: spec.fault === 'noAccess' ? 'none' : 'view' });
    if (spec.fault === 'deleted') emu.files.delete(model.id);
    if (spec.fault === 'unreadable') emu.files.breakReads(model.id);
  });
  const units = emu.spreadsheet.getSheetByName(UNITS.name)!;
  units.load(
    specs.map((_, i) => [`X${String(i + 1).padStart(3, '0')}`, communeName(i), communeUrl(i), `xa${i + 1}@xa.example`]),
    2,
  );
  return emu;
}

/** Runs the continuation triggers the way Apps Script would: each one-off trigger when it is due. */
export function runContinuations(emu: Emulator, max = 50): number {
  let runs = 0;
  for (; runs < max; runs++) {
    const next = emu.triggers.all.find((t) => t.spec.handler === 'collectHubContinue');
    if (!next) break;
    emu.now = Math.max(emu.now, next.spec.schedule!.at!);
    emu.run('collectHubContinue', [], { as: 'time', user: next.spec.owner });
    // A one-off trigger stays listed after it fired: the handler must delete it.
    if (emu.triggers.all.includes(next)) throw new Error('collectHubContinue left its fired trigger behind');
  }
  return runs;
}
