/** refreshStatuses through the built bundle in the emulator (SPEC §1–§3, §7). */
import { describe, expect, it } from 'vitest';
import { ScriptError } from '../emulator/index';
import { generatedWorkbook, putSheet } from './support/fixtures';
import { INDICATORS, PERIODS, TASKS } from '../src/contract/sheets';
import { emulatorWith, snapshotValues } from './helpers';

const T = TASKS.columns;
const STATUS_COLUMNS = {
  [TASKS.name]: [T.status.header],
  [INDICATORS.name]: [INDICATORS.columns.result.header, INDICATORS.columns.status.header],
  [PERIODS.name]: [PERIODS.columns.status.header],
};

function column(emu: ReturnType<typeof emulatorWith>, sheet: string, header: string): unknown[] {
  const values = emu.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues();
  const i = values[0]!.indexOf(header);
  return values.slice(1).map((r) => r[i]);
}

const fixture = {
  tasks: [
    { Mã: 'A', 'Nhiệm vụ': 'Quá hạn', 'Hạn hoàn thành': '01/08/2023' },
    { Mã: 'B', 'Nhiệm vụ': 'Sắp đến hạn', 'Hạn hoàn thành': '27/08/2023' },
    { Mã: 'C', 'Nhiệm vụ': 'Trễ', 'Hạn hoàn thành': '01/08/2023', 'Ngày hoàn thành': '05/08/2023' },
    { Mã: 'D', 'Nhiệm vụ': 'Xong', 'Hạn hoàn thành': 'Thường xuyên', 'Tiến độ (%)': 100 },
    { Mã: 'E', 'Nhiệm vụ': 'Đang làm', 'Hạn hoàn thành': '30/09/2023', 'Tiến độ (%)': '40%' },
    { Mã: 'F', 'Nhiệm vụ': 'Chưa làm', 'Hạn hoàn thành': '' },
    { Mã: 'G', 'Nhiệm vụ': 'Sai ngày', 'Hạn hoàn thành': '31/02/2023' },
  ],
  indicators: [
    { 'Chỉ tiêu': 'Đạt', 'So sánh': '>=', 'Mục tiêu': 66.67, 'Đơn vị tính': '%', 'Tử số': 2, 'Mẫu số': 3 },
    { 'Chỉ tiêu': 'Chưa đạt', 'So sánh': '≥', 'Mục tiêu': 100, 'Đơn vị tính': '%', 'Thực hiện': '90%' },
    { 'Chỉ tiêu': 'Không phát sinh', 'So sánh': '≥', 'Mục tiêu': 100, 'Đơn vị tính': '%', 'Tử số': 0, 'Mẫu số': 0 },
    { 'Chỉ tiêu': 'Sai', 'So sánh': '≥', 'Mục tiêu': 100, 'Đơn vị tính': '%', 'Tử số': 5, 'Mẫu số': 4 },
  ],
  periods: [
    { 'Mã kỳ': 'H1', 'Tên kỳ': '6 tháng', 'Hạn gửi': '25/05/2023' },
    { 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III', 'Hạn gửi': '25/08/2023' },
    { 'Mã kỳ': 'NAM', 'Tên kỳ': 'Năm', 'Hạn gửi': '20/11/2023' },
  ],
};

describe('refreshStatuses', () => {
  it('computes every status of SPEC §3 and colours only the status cell', () => {
    const emu = emulatorWith(fixture);
    emu.run('refreshStatuses');
    expect(column(emu, TASKS.name, T.status.header)).toEqual([
      'Quá hạn',
      'Sắp đến hạn',
      'Hoàn thành trễ hạn',
      'Hoàn thành',
      'Đang thực hiện',
      'Chưa thực hiện',
      'Lỗi dữ liệu',
    ]);
    expect(column(emu, INDICATORS.name, 'Trạng thái')).toEqual(['Đạt', 'Chưa đạt', 'Không phát sinh', 'Lỗi dữ liệu']);
    expect(column(emu, INDICATORS.name, 'Kết quả')).toEqual([66.67, 90, '', '']);
    expect(column(emu, PERIODS.name, 'Trạng thái')).toEqual(['Quá hạn', 'Sắp đến hạn', 'Chưa đến hạn']);

    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const statusCol = Object.keys(T).indexOf('status') + 1;
    expect(sheet.cell(2, statusCol).background).toBe('#f4cccc');
    expect(sheet.cell(3, statusCol).background).toBe('#fff2cc');
    expect(sheet.cell(4, statusCol).background).toBe('#fce5cd');
    expect(sheet.cell(5, statusCol).background).toBe('#d9ead3');
    expect(sheet.cell(8, statusCol).background).toBe('#ea9999');
    expect(sheet.cell(8, statusCol).note).toMatch(/^Lỗi dữ liệu:\n- Cột «Hạn hoàn thành»: ngày «31\/02\/2023» không có thật/);
    for (let c = 1; c <= sheet.getLastColumn(); c++) {
      if (c !== statusCol) expect(sheet.cell(2, c).background).toBe('#ffffff');
    }
  });

  it('writes nothing but the computed columns and one Nhật ký row', () => {
    const emu = emulatorWith(fixture);
    const before = snapshotValues(emu, STATUS_COLUMNS);
    emu.run('refreshStatuses');
    expect(snapshotValues(emu, STATUS_COLUMNS)).toEqual(before);
    const log = emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues();
    expect(log).toHaveLength(2);
    expect(log[1]!.slice(1, 3)).toEqual(['vanphong@tuxuyen.example', 'Cập nhật trạng thái']);
    expect(String(log[1]![3])).toContain('Quá hạn: 1');
    expect(emu.dialogs.at(-1)).toContain('Đã cập nhật trạng thái.');
  });

  it('finds columns by header text: reordered, renamed by case and line breaks, with user columns', () => {
    const emu = emulatorWith({});
    const headers = ['Ghi chú riêng', '  trạng THÁI ', 'Hạn hoàn\nthành', 'NHIỆM VỤ', 'Ngày hoàn thành', 'tiến độ (%)'];
    putSheet(emu, TASKS.name, headers, [{ 'Ghi chú riêng': 'của tôi', 'NHIỆM VỤ': 'X', 'Hạn hoàn\nthành': '01/08/2023' }]);
    emu.run('refreshStatuses');
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    expect(sheet.getRange(2, 1, 1, 6).getValues()[0]).toEqual(['của tôi', 'Quá hạn', emu.date('2023-08-01'), 'X', '', '']);
  });

  it('stops on a missing required header, names it, and writes nothing to the data sheets', () => {
    const emu = emulatorWith(fixture);
    const sheet = emu.spreadsheet.getSheetByName(INDICATORS.name)!;
    const col = sheet.getDataRange().getValues()[0]!.indexOf('Mẫu số') + 1;
    sheet.setCell(1, col, 'values', 'Mẫu');
    const before = snapshotValues(emu);
    emu.run('refreshStatuses');
    expect(emu.dialogs.at(-1)).toMatch(/Trang tính «Chỉ tiêu» thiếu cột «Mẫu số»/);
    expect(snapshotValues(emu)).toEqual(before);
    const log = emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues();
    expect(String(log.at(-1)![3])).toMatch(/^Không thực hiện được: Trang tính «Chỉ tiêu» thiếu cột «Mẫu số»/);
    expect(column(emu, TASKS.name, T.status.header).every((v) => v === '')).toBe(true);
  });

  it('tells the user to try again and writes nothing when the lock is held for over 30 s', () => {
    const emu = emulatorWith(fixture);
    emu.locks.heldElsewhereFor = 45_000;
    const before = snapshotValues(emu);
    const start = emu.now;
    emu.run('refreshStatuses');
    expect(emu.now - start).toBe(30_000);
    expect(emu.dialogs.at(-1)).toMatch(/chưa xong sau 30 giây.*thử lại/);
    expect(snapshotValues(emu)).toEqual(before);
    expect(emu.spreadsheet.getSheetByName('Nhật ký')!.getLastRow()).toBe(1);
  });

  it('waits for a lock released within 30 s, then runs', () => {
    const emu = emulatorWith(fixture);
    emu.locks.heldElsewhereFor = 5_000;
    emu.run('refreshStatuses');
    expect(column(emu, TASKS.name, T.status.header)[0]).toBe('Quá hạn');
  });

  it('leaves blank rows, their formatting and a user note on a status cell alone', () => {
    const emu = emulatorWith({
      tasks: [{ 'Nhiệm vụ': 'A', 'Hạn hoàn thành': '01/08/2023' }, {}, { 'Nhiệm vụ': 'B', 'Hạn hoàn thành': '01/12/2023' }],
    });
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const statusCol = Object.keys(T).indexOf('status') + 1;
    sheet.setCell(3, statusCol, 'backgrounds', '#123456');
    sheet.setCell(3, statusCol, 'values', 'cũ');
    sheet.setCell(2, statusCol, 'notes', 'ghi chú của người dùng');
    emu.run('refreshStatuses');
    expect(sheet.cell(3, statusCol)).toMatchObject({ value: 'cũ', background: '#123456' });
    expect(sheet.cell(2, statusCol)).toMatchObject({ value: 'Quá hạn', note: 'ghi chú của người dùng' });
  });

  it('clears its own error note once the row is fixed, and a second refresh writes nothing', () => {
    const emu = emulatorWith({ tasks: [{ 'Nhiệm vụ': 'A', 'Hạn hoàn thành': 'không rõ' }] });
    emu.run('refreshStatuses');
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const statusCol = Object.keys(T).indexOf('status') + 1;
    expect(sheet.cell(2, statusCol).note).toContain('không đọc được ngày «không rõ»');
    sheet.setCell(2, Object.keys(T).indexOf('deadline') + 1, 'values', emu.date('2023-12-01'));
    emu.run('refreshStatuses');
    expect(sheet.cell(2, statusCol)).toMatchObject({ value: 'Chưa thực hiện', note: '', background: '#ffffff' });
    const again = emu.run('refreshStatuses');
    expect(['Range.setValues', 'Range.setBackgrounds', 'Range.setNotes'].map((m) => again.calls.method(m))).toEqual([0, 0, 0]);
  });

  it('reads 0.5 in a percent-formatted cell as 50%', () => {
    const emu = emulatorWith({ tasks: [{ 'Nhiệm vụ': 'A', 'Hạn hoàn thành': '31/12/2023', 'Tiến độ (%)': 0.5 }] });
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    sheet.setCell(2, Object.keys(T).indexOf('progress') + 1, 'formats', '0%');
    emu.run('refreshStatuses');
    expect(column(emu, TASKS.name, T.status.header)).toEqual(['Đang thực hiện']);
  });

  it('reads percent-formatted indicator cells wherever the columns are, a user column between them', () => {
    const emu = emulatorWith({});
    const headers = [
      'Thực hiện',
      'Ghi chú của tôi',
      'Chỉ tiêu',
      'Đơn vị tính',
      'So sánh',
      'Tử số',
      'Mẫu số',
      'Trạng thái',
      'Kết quả',
      'Mục tiêu',
    ];
    const sheet = putSheet(emu, INDICATORS.name, headers, [
      { 'Chỉ tiêu': 'A', 'So sánh': '≥', 'Mục tiêu': 0.8, 'Đơn vị tính': '%', 'Thực hiện': 0.9 },
      { 'Chỉ tiêu': 'B', 'So sánh': '≥', 'Mục tiêu': 0.8, 'Đơn vị tính': '%', 'Thực hiện': 0.7 },
    ]);
    for (const row of [2, 3]) for (const col of [1, 10]) sheet.setCell(row, col, 'formats', '0%');
    emu.run('refreshStatuses');
    expect(column(emu, INDICATORS.name, 'Kết quả')).toEqual([90, 70]);
    expect(column(emu, INDICATORS.name, 'Trạng thái')).toEqual(['Đạt', 'Chưa đạt']);
  });

  it('reads per row the values, the status cell’s colour and note, and number formats of the percent columns only', () => {
    const read = (n: number) => emulatorWith(generatedWorkbook(n)).run('refreshStatuses').calls.cellsRead;
    const I = INDICATORS.columns;
    const width = (cols: object) => Object.keys(cols).length;
    const indicatorSpan = Object.keys(I).indexOf('actual') - Object.keys(I).indexOf('target') + 1;
    // 100 more task rows and 20 more indicator rows (a fifth).
    expect(read(200) - read(100)).toBe(100 * (width(T) + 1 + 2) + 20 * (width(I) + indicatorSpan + 2));
  });

  it('makes the same number of spreadsheet calls for 100 and 10,000 rows, at most 40', () => {
    const counts = [100, 10_000].map((n) => {
      const emu = emulatorWith(generatedWorkbook(n));
      return emu.run('refreshStatuses').calls.count('spreadsheet');
    });
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(40);
  });

  it('says which sheet is missing when the workbook is not set up', () => {
    const emu = emulatorWith({});
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(TASKS.name)!);
    emu.run('refreshStatuses');
    expect(emu.dialogs.at(-1)).toMatch(/Không tìm thấy trang tính «Nhiệm vụ»/);
  });

  it('fails as Apps Script does when called from a time-driven run (no UI)', () => {
    const emu = emulatorWith(fixture);
    expect(() => emu.run('refreshStatuses', [], { as: 'time' })).toThrow(ScriptError);
    expect(() => emu.run('refreshStatuses', [], { as: 'time' })).toThrow(/getUi\(\) from this context/);
  });
});

describe('onOpen', () => {
  it('adds the CCHC menu whose every item names a global function of the bundle', () => {
    const emu = emulatorWith({});
    emu.run('onOpen', [], { as: 'simple' });
    const menu = emu.ui.menus.find((m) => m.name === 'CCHC')!;
    const fns = menu.items.filter((i) => i !== null).map((i) => i!.functionName);
    expect(fns).toEqual([
      'setupWorkbook',
      'loadSamplePlan',
      'refreshStatuses',
      'validateData',
      'importPlan',
      'confirmImport',
      'reportQ1',
      'reportH1',
      'reportQ3',
      'reportYear',
      'reportNextDue',
      'installTriggers',
      'removeTriggers',
      'startNewYear',
      'checkInstallation',
    ]);
    for (const fn of fns) expect(() => emu.run(fn, [], { as: 'menu' })).not.toThrow();
  });
});
