/** A new workbook, the sample plan, and the next year (docs/SPEC.md §8), through the built bundle. */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import type { SpreadsheetModel } from '../emulator/services/spreadsheet';
import { TEMPLATE } from '../src/sample/template';
import { CONFIG_LABELS } from '../src/contract/settings';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, TASKS } from '../src/contract/sheets';
import { STATUS } from '../src/contract/status';
import { snapshotValues } from './helpers';
import { productEmulator } from './support/fixtures';

function newSpreadsheet(today: string): Emulator {
  const emu = productEmulator();
  emu.setToday(today);
  emu.spreadsheet.insertSheet('Trang tính1');
  return emu;
}

/** Data rows of a sheet as records keyed by header. */
function records(ss: SpreadsheetModel, name: string): Record<string, unknown>[] {
  const [header, ...rows] = ss.getSheetByName(name)!.getDataRange().getValues();
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

const settings = (ss: SpreadsheetModel) =>
  Object.fromEntries(records(ss, CONFIG_SHEET).map((r) => [r['Thông số'], r['Giá trị']]));

const dmy = (emu: Emulator, v: unknown) =>
  v instanceof Date ? new Intl.DateTimeFormat('en-GB', { timeZone: emu.spreadsheet.timeZone }).format(v) : v;

describe('setupWorkbook on a new spreadsheet: an empty plan of this year', () => {
  const emu = newSpreadsheet('2026-01-05');
  emu.run('setupWorkbook');

  it('leaves Nhiệm vụ and Chỉ tiêu with their headers and no rows', () => {
    expect(emu.spreadsheet.getSheetByName(TASKS.name)!.getLastRow()).toBe(1);
    expect(emu.spreadsheet.getSheetByName(INDICATORS.name)!.getLastRow()).toBe(1);
  });

  it('writes every settings label, blank but for the plan year (this year) and 7 warning days', () => {
    const values = settings(emu.spreadsheet);
    expect(Object.keys(values)).toEqual(Object.values(CONFIG_LABELS));
    expect(values['Năm kế hoạch']).toBe(2026);
    expect(values['Số ngày cảnh báo']).toBe(7);
    expect(values['Cơ quan chủ quản']).toBe('');
    expect(JSON.stringify(values)).not.toContain('VĂN QUAN');
  });

  it("puts in the four periods of the year at the Ministry's default cut-offs and due dates", () => {
    const periods = records(emu.spreadsheet, PERIODS.name).map((p) => [
      p['Mã kỳ'],
      p['Tên kỳ'],
      dmy(emu, p['Từ ngày']),
      dmy(emu, p['Đến ngày']),
      dmy(emu, p['Hạn gửi']),
    ]);
    expect(periods).toEqual([
      ['Q1', 'Quý I năm 2026', '15/12/2025', '14/03/2026', '20/03/2026'],
      ['H1', '6 tháng đầu năm 2026', '15/12/2025', '14/06/2026', '20/06/2026'],
      ['Q3', 'Quý III năm 2026', '15/06/2026', '14/09/2026', '20/09/2026'],
      ['NAM', 'Năm 2026', '15/12/2025', '14/12/2026', '20/12/2026'],
    ]);
  });

  it('is idempotent: a second run changes no cell', () => {
    const before = snapshotValues(emu);
    emu.run('setupWorkbook');
    expect(snapshotValues(emu)).toEqual(before);
    expect(emu.dialogs.at(-1)).toContain('không thay đổi gì');
  });

  it('reads without a data error and refreshes the empty plan', () => {
    emu.run('validateData');
    expect(emu.dialogs.at(-1)).toMatch(/^Không tìm thấy lỗi dữ liệu nào/);
    emu.run('refreshStatuses');
    expect(records(emu.spreadsheet, PERIODS.name).map((p) => p['Trạng thái'])).toEqual(Array(4).fill(STATUS.notDue));
  });
});

describe('loadSamplePlan', () => {
  it('fills the sample, its periods and settings over the defaults setup wrote', () => {
    const emu = newSpreadsheet('2026-01-05');
    emu.run('setupWorkbook');
    emu.run('loadSamplePlan');
    expect(records(emu.spreadsheet, TASKS.name)).toHaveLength(TEMPLATE.tasks.length);
    expect(records(emu.spreadsheet, INDICATORS.name)).toHaveLength(TEMPLATE.indicators.length);
    expect(records(emu.spreadsheet, PERIODS.name).map((p) => [p['Tên kỳ'], dmy(emu, p['Hạn gửi'])])).toEqual(
      TEMPLATE.periods.map((p) => [p['Tên kỳ'], p['Hạn gửi']]),
    );
    const values = settings(emu.spreadsheet);
    for (const [label, value] of TEMPLATE.config) expect(values[label], label).toBe(value);
  });

  it('keeps the settings the user typed, and says so', () => {
    const emu = newSpreadsheet('2026-01-05');
    emu.run('setupWorkbook');
    const config = emu.spreadsheet.getSheetByName(CONFIG_SHEET)!;
    const row = records(emu.spreadsheet, CONFIG_SHEET).findIndex((r) => r['Thông số'] === 'Người ký') + 2;
    config.getRange(row, 2).setValue('Nguyễn Văn A');
    emu.run('loadSamplePlan');
    expect(settings(emu.spreadsheet)['Người ký']).toBe('Nguyễn Văn A');
    expect(settings(emu.spreadsheet)['Năm kế hoạch']).toBe(2023);
    expect(emu.dialogs.at(-1)).toContain('Giữ nguyên 1 thông số');
  });

  it('refuses when tasks exist, says why, and writes nothing but its Nhật ký row', () => {
    const emu = newSpreadsheet('2026-01-05');
    emu.run('setupWorkbook');
    emu.spreadsheet.getSheetByName(TASKS.name)!.getRange(2, 3).setValue('Việc của xã');
    const before = snapshotValues(emu);
    emu.run('loadSamplePlan');
    expect(snapshotValues(emu)).toEqual(before);
    expect(emu.dialogs.at(-1)).toMatch(
      /^Không nạp kế hoạch mẫu vì bảng tính đã có dữ liệu: «Nhiệm vụ» có 1 dòng\. .*Không có gì được ghi\./,
    );
    expect(records(emu.spreadsheet, LOG.name).at(-1)!['Thao tác']).toBe('Nạp kế hoạch mẫu');
  });

  it('replaces the periods only when none has a report: a period with a link keeps them all', () => {
    const emu = newSpreadsheet('2026-01-05');
    emu.run('setupWorkbook');
    const periods = emu.spreadsheet.getSheetByName(PERIODS.name)!;
    const link = periods.getDataRange().getValues()[0]!.indexOf('Liên kết báo cáo') + 1;
    periods.getRange(2, link).setValue('https://docs.google.com/document/d/x/edit');
    const before = snapshotValues(emu)[PERIODS.name];
    emu.run('loadSamplePlan');
    expect(snapshotValues(emu)[PERIODS.name]).toEqual(before);
    expect(records(emu.spreadsheet, TASKS.name)).toHaveLength(TEMPLATE.tasks.length);
    expect(emu.dialogs.at(-1)).toContain('Giữ nguyên «Kỳ báo cáo»');
  });
});

/** The sample on 20/12/2023 with a year's work typed in, then startNewYear. */
function yearOfWork() {
  const emu = newSpreadsheet('2023-12-20');
  emu.run('setupWorkbook');
  emu.run('loadSamplePlan');
  const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!;
  const header = tasks.getDataRange().getValues()[0]!.map(String);
  const put = (code: string, values: Record<string, unknown>) => {
    const row = records(emu.spreadsheet, TASKS.name).findIndex((r) => r['Mã'] === code) + 2;
    for (const [h, v] of Object.entries(values)) tasks.getRange(row, header.indexOf(h) + 1).setValue(v);
  };
  const sample = records(emu.spreadsheet, TASKS.name);
  // The sample's only dated tasks are the period reports (`Kỳ báo cáo`), which come round again next
  // year; give four of its continuing tasks a 2023 deadline, as an office would for its own plan.
  const plain = sample.filter((t) => !t['Kỳ báo cáo']).map((t) => String(t['Mã']));
  const [done, late, open, other] = plain;
  put(done!, { 'Hạn hoàn thành': emu.date('2023-03-31'), 'Tiến độ (%)': 100, 'Ngày hoàn thành': emu.date('2023-02-10') });
  put(late!, { 'Hạn hoàn thành': emu.date('2023-06-30'), 'Ngày hoàn thành': emu.date('2023-12-01') });
  put(open!, { 'Hạn hoàn thành': emu.date('2023-09-30'), 'Tiến độ (%)': 40, 'Ghi chú': 'chờ kinh phí' });
  put(other!, { 'Hạn hoàn thành': emu.date('2023-10-31') });
  const rest = [other!];
  const continuing = sample.map((t) => String(t['Mã'])).filter((c) => !plain.slice(0, 4).includes(c));
  put(continuing[0]!, { 'Tiến độ (%)': 80, 'Ngày hoàn thành': emu.date('2023-11-30') });
  const indicators = emu.spreadsheet.getSheetByName(INDICATORS.name)!;
  const ih = indicators.getDataRange().getValues()[0]!.map(String);
  indicators.getRange(2, ih.indexOf('Thực hiện') + 1).setValue(5);
  indicators.getRange(3, ih.indexOf('Tử số') + 1).setValue(9);
  indicators.getRange(3, ih.indexOf('Mẫu số') + 1).setValue(10);
  const periods = emu.spreadsheet.getSheetByName(PERIODS.name)!;
  const ph = periods.getDataRange().getValues()[0]!.map(String);
  periods.getRange(2, ph.indexOf('Liên kết báo cáo') + 1).setValue('https://docs.google.com/document/d/q1/edit');
  periods.getRange(2, ph.indexOf('Ngày tạo báo cáo') + 1).setValue(emu.date('2023-02-20'));
  emu.run('refreshStatuses');
  const before = snapshotValues(emu);
  const logRows = records(emu.spreadsheet, LOG.name).length;
  const run = emu.run<string>('startNewYear');
  return { emu, run, before, logRows, done: done!, late: late!, open: open!, rest, continuing };
}

describe('startNewYear on the sample at 20/12/2023', () => {
  const w = yearOfWork();
  const { emu } = w;
  const next = emu.copies[0]!;

  it('makes one copy named for 2024 in the same folder and returns its URL', () => {
    expect(emu.copies).toHaveLength(1);
    expect(next.name).toBe('CCHC tracker - năm 2024');
    expect(w.run.value).toBe(next.getUrl());
    const file = emu.driveApp.files.find((f) => f.id === next.id)!;
    expect(file.parent!.name).toBe('CCHC');
    expect(next.timeZone).toBe(emu.spreadsheet.timeZone);
  });

  it('leaves the 2023 workbook unchanged but for one Nhật ký row with the new link', () => {
    expect(snapshotValues(emu)).toEqual(w.before);
    const log = records(emu.spreadsheet, LOG.name);
    expect(log).toHaveLength(w.logRows + 1);
    expect(log.at(-1)!['Thao tác']).toBe('Chuyển sang năm mới');
    expect(String(log.at(-1)!['Kết quả'])).toContain(next.getUrl());
  });

  it('moves the plan year on', () => {
    expect(settings(next)['Năm kế hoạch']).toBe(2024);
    expect(settings(next)['Cơ quan ban hành']).toBe(settings(emu.spreadsheet)['Cơ quan ban hành']);
  });

  it('keeps continuing tasks cleared, carries unfinished dated tasks with a note, drops completed ones', () => {
    const tasks = records(next, TASKS.name);
    const byCode = new Map(tasks.map((t) => [String(t['Mã']), t]));
    expect(byCode.has(w.done)).toBe(false);
    expect(byCode.has(w.late)).toBe(false);
    expect(tasks).toHaveLength(TEMPLATE.tasks.length - 2);
    const first = byCode.get(w.continuing[0]!)!;
    expect([first['Tiến độ (%)'], first['Ngày hoàn thành'], first['Trạng thái']]).toEqual(['', '', STATUS.notStarted]);
    const open = byCode.get(w.open)!;
    expect(open['Ghi chú']).toBe('Chuyển từ năm 2023: chưa hoàn thành (tiến độ 40%). chờ kinh phí');
    expect(open['Tiến độ (%)']).toBe(40);
    // Its old deadline stays: overdue in the new year until staff set another.
    expect(open['Trạng thái']).toBe(STATUS.overdue);
    for (const code of w.rest) expect(String(byCode.get(code)!['Ghi chú'])).toMatch(/^Chuyển từ năm 2023: chưa hoàn thành\./);
    // The rows that stay keep their order.
    const order = records(emu.spreadsheet, TASKS.name).map((t) => String(t['Mã']));
    expect(tasks.map((t) => String(t['Mã']))).toEqual(order.filter((c) => c !== w.done && c !== w.late));
    // No status cell below the last task keeps a colour.
    const sheet = next.getSheetByName(TASKS.name)!;
    const status = sheet.getDataRange().getValues()[0]!.indexOf('Trạng thái') + 1;
    for (let r = tasks.length + 2; r <= TEMPLATE.tasks.length + 1; r++) expect(sheet.cell(r, status).background).toBe('#ffffff');
  });

  it('keeps every indicator with its figures cleared', () => {
    const indicators = records(next, INDICATORS.name);
    expect(indicators.map((i) => i['Mã'])).toEqual(TEMPLATE.indicators.map((i) => i['Mã']));
    for (const i of indicators) {
      expect([i['Tử số'], i['Mẫu số'], i['Thực hiện'], i['Kết quả']]).toEqual(['', '', '', '']);
      expect(i['Trạng thái']).toBe(STATUS.noData);
    }
  });

  it('moves the periods one year on with link and creation date cleared', () => {
    const periods = records(next, PERIODS.name);
    expect(periods.map((p) => [p['Tên kỳ'], dmy(emu, p['Hạn gửi'])])).toEqual([
      ['Quý I năm 2024', '25/02/2024'],
      ['6 tháng đầu năm 2024', '25/05/2024'],
      ['Quý III năm 2024', '25/08/2024'],
      ['năm 2024', '20/11/2024'],
    ]);
    for (const p of periods) expect([p['Liên kết báo cáo'], p['Ngày tạo báo cáo']]).toEqual(['', '']);
    expect(periods.map((p) => p['Trạng thái'])).toEqual(Array(4).fill(STATUS.notDue));
  });

  it('says triggers do not travel, logs in the new workbook, and refuses to make the same year twice', () => {
    expect(emu.dialogs.at(-1)).toContain('Nhắc việc tự động không đi theo bản sao');
    expect(String(records(next, LOG.name).at(-1)!['Kết quả'])).toContain(emu.spreadsheet.getUrl());
    const before = snapshotValues(emu);
    emu.run('startNewYear');
    expect(emu.copies).toHaveLength(1);
    expect(emu.dialogs.at(-1)).toMatch(/đã có tệp «CCHC tracker - năm 2024»/);
    expect(snapshotValues(emu)).toEqual(before);
  });
});
