/** onEdit(e) through the built bundle, with edits typed and pasted as the Sheets editor makes them. */
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import { putSheet } from './support/fixtures';
import type { SheetModel } from '../emulator/services/spreadsheet';
import { DataValidationBuilderModel } from '../emulator/services/validation';
import { INDICATORS, TASKS } from '../src/contract/sheets';
import { emulatorWith, snapshotValues } from './helpers';

const T = TASKS.columns;
const TASK_COL = Object.fromEntries(Object.values(T).map((c, i) => [c.header, i + 1]));
const IND_COL = Object.fromEntries(Object.values(INDICATORS.columns).map((c, i) => [c.header, i + 1]));
const letter = (n: number) => String.fromCharCode(64 + n);
const A1 = (header: string, row: number) => `${letter(TASK_COL[header]!)}${row}`;

const tasks = Array.from({ length: 6 }, (_, i) => ({
  Mã: `NV${i + 1}`,
  'Lĩnh vực': '1. Công tác chỉ đạo, điều hành',
  'Nhiệm vụ': `Việc ${i + 1}`,
  'Hạn hoàn thành': '30/09/2023',
}));
const indicators = [
  { Mã: 'CT1', 'Chỉ tiêu': 'Tỷ lệ hồ sơ đúng hạn', 'So sánh': '≥', 'Mục tiêu': 95, 'Đơn vị tính': '%' },
  { Mã: 'CT2', 'Chỉ tiêu': 'PAR INDEX', 'So sánh': '≥', 'Mục tiêu': 4, 'Đơn vị tính': 'bậc' },
];

function setUp() {
  const emu = emulatorWith({ tasks, indicators });
  emu.run('refreshStatuses');
  return emu;
}

const tasksSheet = (emu: ReturnType<typeof setUp>): SheetModel => emu.spreadsheet.getSheetByName(TASKS.name)!;
const statusOf = (s: SheetModel, row: number) => s.cell(row, TASK_COL['Trạng thái']!);

describe('onEdit', () => {
  it('one row: recomputes the status of the edited row only, colour included', () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    const out = userEdit(emu, TASKS.name, A1('Ngày hoàn thành', 3), '15/08/2023');
    expect(out.accepted).toBe(true);
    expect(statusOf(s, 3)).toMatchObject({ value: 'Hoàn thành', background: '#d9ead3' });
    for (const r of [2, 4, 5, 6, 7]) expect(statusOf(s, r).value).toBe('Chưa thực hiện');
    expect(out.execution!.calls.method('Range.setValues')).toBe(1);
  });

  it('reads progress typed as 50, "50%" and 100% in a percent cell as SPEC §2 says', () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    userEdit(emu, TASKS.name, A1('Tiến độ (%)', 2), '50');
    userEdit(emu, TASKS.name, A1('Tiến độ (%)', 3), '100%');
    expect(s.cell(3, TASK_COL['Tiến độ (%)']!)).toMatchObject({ value: 1, format: '0%' });
    expect([statusOf(s, 2).value, statusOf(s, 3).value]).toEqual(['Đang thực hiện', 'Hoàn thành']);
  });

  it('a paste over several rows recomputes each of them, and writes each attribute once', () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    const out = userEdit(emu, TASKS.name, `${letter(TASK_COL['Hạn hoàn thành']!)}3:${letter(TASK_COL['Tiến độ (%)']!)}6`, [
      ['01/08/2023', 10],
      ['22/08/2023', 20],
      ['không rõ', 30],
      ['Thường xuyên', 100],
    ]);
    expect([3, 4, 5, 6].map((r) => statusOf(s, r).value)).toEqual(['Quá hạn', 'Sắp đến hạn', 'Lỗi dữ liệu', 'Hoàn thành']);
    expect(statusOf(s, 5).note).toMatch(/^Lỗi dữ liệu:\n- Cột «Hạn hoàn thành»: không đọc được ngày «không rõ»/);
    expect([2, 7].map((r) => statusOf(s, r).value)).toEqual(['Chưa thực hiện', 'Chưa thực hiện']);
    for (const m of ['Range.setValues', 'Range.setBackgrounds', 'Range.setNotes'])
      expect(out.execution!.calls.method(m), m).toBe(1);
  });

  it('restores the colour of a status cell that a user cleared, even when the status stays', () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    userEdit(emu, TASKS.name, A1('Hạn hoàn thành', 2), 'sai');
    s.setCell(2, TASK_COL['Trạng thái']!, 'backgrounds', undefined); // a values-only paste or "clear formatting"
    userEdit(emu, TASKS.name, A1('Ghi chú', 2), 'vẫn sai ngày');
    expect(statusOf(s, 2)).toMatchObject({ value: 'Lỗi dữ liệu', background: '#ea9999' });
  });

  it("clears its own note when the row is fixed, and never touches a user's note", () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    userEdit(emu, TASKS.name, A1('Hạn hoàn thành', 2), 'sai');
    expect(statusOf(s, 2).note).toContain('Lỗi dữ liệu:');
    userEdit(emu, TASKS.name, A1('Hạn hoàn thành', 2), '01/12/2023');
    expect(statusOf(s, 2)).toMatchObject({ value: 'Chưa thực hiện', note: '', background: '#ffffff' });
    s.setCell(3, TASK_COL['Trạng thái']!, 'notes', 'của tôi');
    userEdit(emu, TASKS.name, A1('Hạn hoàn thành', 3), 'sai');
    expect(statusOf(s, 3)).toMatchObject({ value: 'Lỗi dữ liệu', note: 'của tôi' });
  });

  it('indicators: recomputes Kết quả and Trạng thái of the edited row', () => {
    const emu = setUp();
    const s = emu.spreadsheet.getSheetByName(INDICATORS.name)!;
    userEdit(emu, INDICATORS.name, `${letter(IND_COL['Tử số']!)}2:${letter(IND_COL['Mẫu số']!)}2`, [[47, 50]]);
    expect([s.cell(2, IND_COL['Kết quả']!).value, s.cell(2, IND_COL['Trạng thái']!).value]).toEqual([94, 'Chưa đạt']);
    userEdit(emu, INDICATORS.name, `${letter(IND_COL['Thực hiện']!)}3`, '5');
    expect([s.cell(3, IND_COL['Kết quả']!).value, s.cell(3, IND_COL['Trạng thái']!).value]).toEqual([5, 'Đạt']);
    expect(s.cell(2, IND_COL['Trạng thái']!).value).toBe('Chưa đạt');
  });

  it('changes nothing for edits on other sheets, on user columns, on the header or on the computed columns', () => {
    const emu = emulatorWith({});
    putSheet(emu, TASKS.name, [...Object.values(T).map((c) => c.header), 'Cột riêng'], tasks);
    emu.run('refreshStatuses');
    putSheet(
      emu,
      'Ghi chép',
      ['Nhiệm vụ', 'Hạn hoàn thành', 'Trạng thái'],
      [{ 'Nhiệm vụ': 'X', 'Hạn hoàn thành': '01/01/2023' }],
    );
    const s = tasksSheet(emu);
    const statusCell = A1('Trạng thái', 2);
    // The status changes only if the edit is taken into account: make the row "overdue" first, silently.
    s.setCell(2, TASK_COL['Hạn hoàn thành']!, 'values', emu.date('2023-01-01'));
    const before = snapshotValues(emu);
    const edits: [string, string, unknown][] = [
      ['Ghi chép', 'A2', 'Y'],
      [TASKS.name, `${letter(Object.keys(T).length + 1)}2`, 'ghi chú riêng'],
      [TASKS.name, A1('Nhiệm vụ', 1), 'Nhiệm vụ'],
      [TASKS.name, statusCell, 'Xong rồi'],
    ];
    for (const [sheet, a1, v] of edits) {
      const out = userEdit(emu, sheet, a1, v);
      expect(out.execution!.calls.method('Range.setValues'), `${sheet}!${a1}`).toBe(0);
      expect(out.execution!.calls.method('Range.setBackgrounds'), `${sheet}!${a1}`).toBe(0);
    }
    const after = snapshotValues(emu);
    expect(after[TASKS.name]![1]![TASK_COL['Trạng thái']! - 1]).toBe('Xong rồi'); // the user's own typing stays
    expect(after[TASKS.name]!.map((r, i) => (i === 1 ? r.slice(0, 11) : r))).toEqual(
      before[TASKS.name]!.map((r, i) => (i === 1 ? r.slice(0, 11) : r)),
    );
  });

  it('makes at most 10 spreadsheet calls for a one-row task edit, the same on 20 and 5,000 rows', () => {
    const counts = [20, 5_000].map((n) => {
      const many = Array.from({ length: n }, (_, i) => ({ ...tasks[0], Mã: `NV${i}` }));
      const emu = emulatorWith({ tasks: many });
      emu.run('refreshStatuses');
      userEdit(emu, TASKS.name, A1('Ghi chú', 2), 'warm-up'); // the first edit of the hour reads Cấu hình
      const row = Math.floor(n / 2);
      const typed = userEdit(emu, TASKS.name, A1('Tiến độ (%)', row), '100%').execution!.calls;
      const dated = userEdit(emu, TASKS.name, A1('Ngày hoàn thành', row + 1), '10/08/2023').execution!.calls;
      expect(statusOf(tasksSheet(emu), row).value).toBe('Hoàn thành');
      expect(statusOf(tasksSheet(emu), row + 1).value).toBe('Hoàn thành');
      return [typed.count('spreadsheet'), dated.count('spreadsheet')];
    });
    expect(counts[0]).toEqual(counts[1]);
    for (const n of counts[0]!) expect(n).toBeLessThanOrEqual(10);
  });

  it('makes at most 13 spreadsheet calls for a one-row indicator edit (two computed columns, percent formats)', () => {
    const emu = setUp();
    userEdit(emu, INDICATORS.name, `${letter(IND_COL['Ghi chú']!)}2`, 'warm-up');
    const calls = userEdit(emu, INDICATORS.name, `${letter(IND_COL['Thực hiện']!)}2`, '96').execution!.calls;
    expect(emu.spreadsheet.getSheetByName(INDICATORS.name)!.cell(2, IND_COL['Trạng thái']!).value).toBe('Đạt');
    expect(calls.count('spreadsheet')).toBeLessThanOrEqual(13);
  });

  it('re-reads Cấu hình when it is edited: a new warning window applies to the next edit', () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    userEdit(emu, TASKS.name, A1('Hạn hoàn thành', 2), '10/09/2023');
    expect(statusOf(s, 2).value).toBe('Chưa thực hiện'); // 21 days ahead, window 7
    const config = emu.spreadsheet.getSheetByName('Cấu hình')!;
    const row =
      config
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Số ngày cảnh báo') + 1;
    userEdit(emu, 'Cấu hình', `B${row}`, '30');
    userEdit(emu, TASKS.name, A1('Hạn hoàn thành', 2), '11/09/2023');
    expect(statusOf(s, 2).value).toBe('Sắp đến hạn');
  });

  it('writes nothing and says so in a toast when the lock stays busy; never throws', () => {
    const emu = setUp();
    const s = tasksSheet(emu);
    emu.locks.heldElsewhereFor = 60_000;
    const out = userEdit(emu, TASKS.name, A1('Ngày hoàn thành', 2), '01/08/2023');
    expect(statusOf(s, 2).value).toBe('Chưa thực hiện');
    expect(emu.spreadsheet.toasts.at(-1)).toMatch(/chưa xong sau 5 giây/);
    expect(out.execution!.calls.method('Range.setValues')).toBe(0);
  });

  it('is not run, and nothing changes, when a validation rule rejects the entry', () => {
    const emu = setUp();
    const sheet = tasksSheet(emu);
    const area = TASK_COL['Lĩnh vực']!;
    sheet
      .getRange(2, area)
      .setDataValidation(
        new DataValidationBuilderModel().requireValueInList(['1. Công tác chỉ đạo, điều hành']).setAllowInvalid(false).build(),
      );
    const out = userEdit(emu, TASKS.name, A1('Lĩnh vực', 2), 'Lĩnh vực khác');
    expect(out.accepted).toBe(false);
    expect(out.execution).toBeUndefined();
    expect(sheet.cell(2, area).value).toBe('1. Công tác chỉ đạo, điều hành');
  });
});
