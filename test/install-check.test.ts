/**
 * `checkInstallation` (docs/SPEC.md §9) and the locale a new workbook gets (§8), through the built
 * bundle: one dialog line per check, each ✗ it can show, and nothing written but its `Nhật ký` row.
 */
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import type { Emulator } from '../emulator/index';
import { INDICATORS, LOG, TASKS } from '../src/contract/sheets';
import { emulatorWith, snapshotValues } from './helpers';
import { productEmulator } from './support/fixtures';

const VP = 'vanphong@tuxuyen.example';
const complete = (): Parameters<typeof emulatorWith>[0] => ({
  config: [
    ['Cơ quan ban hành', 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN'],
    ['Địa danh', 'Tú Xuyên'],
    ['Người ký', 'Hoàng Thị Hoàn'],
    ['Email nhắc việc', VP],
  ],
  tasks: [{ Mã: 'NV1', 'Nhiệm vụ': 'Việc', 'Hạn hoàn thành': '30/09/2023' }],
});

function check(emu: Emulator): string[] {
  emu.run('checkInstallation');
  return emu.dialogs.at(-1)!.split('\n');
}
const line = (lines: string[], start: string) => lines.find((l) => l.slice(2).startsWith(start))!;

/** A complete installation: every check passes. */
function installed(): Emulator {
  const emu = emulatorWith(complete());
  emu.run('installTriggers');
  return emu;
}

describe('checkInstallation', () => {
  it('shows ✓ on every line of a complete installation, with the version, and writes only its Nhật ký row', () => {
    const emu = installed();
    const before = snapshotValues(emu);
    const logRows = emu.spreadsheet.getSheetByName(LOG.name)!.getLastRow();
    const lines = check(emu);
    expect(lines[0]).toBe('Kiểm tra cài đặt: Cả 8 mục đều đạt.');
    expect(lines.slice(1).map((l) => l[0])).toEqual(Array(8).fill('✓'));
    expect(line(lines, 'Phiên bản kịch bản')).toMatch(/^✓ Phiên bản kịch bản: \d+\.\d+\.\d+\.$/);
    expect(line(lines, 'Nhắc việc tự động')).toContain(VP);
    expect(snapshotValues(emu)).toEqual(before);
    expect(emu.spreadsheet.getSheetByName(LOG.name)!.getLastRow()).toBe(logRows + 1);
  });

  it('✗ sheets and headers: a missing sheet and a missing column', () => {
    const emu = installed();
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(INDICATORS.name)!);
    const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const deadline = tasks.getDataRange().getValues()[0]!.indexOf(TASKS.columns.deadline.header) + 1;
    tasks.setCell(1, deadline, 'values', 'Cột lạ');
    expect(line(check(emu), 'Trang tính và cột')).toMatch(
      /^✗ .*«Nhiệm vụ» thiếu cột «Hạn hoàn thành»; thiếu trang «Chỉ tiêu».*Thiết lập bảng tính/,
    );
  });

  it('✗ Cấu hình: a bad value and blank required ones', () => {
    const emu = emulatorWith({ ...complete(), config: [['Email nhắc việc', VP]] });
    const config = emu.spreadsheet.getSheetByName('Cấu hình')!;
    const row =
      config
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Số ngày cảnh báo') + 1;
    config.setCell(row, 2, 'values', 'bảy');
    expect(line(check(emu), 'Cấu hình')).toMatch(
      /^✗ Cấu hình: .*Số ngày cảnh báo.*còn trống «Cơ quan ban hành», «Địa danh», «Người ký»/,
    );
  });

  it('✗ time zone and locale of an en_US spreadsheet', () => {
    const emu = installed();
    emu.spreadsheet.setSpreadsheetLocale('en_US');
    expect(line(check(emu), 'Múi giờ')).toMatch(/^✗ .*en_US.*cần Asia\/Ho_Chi_Minh, vi_VN.*Tệp › Cài đặt/);
  });

  it('✗ report folder: one that cannot be opened, and one only viewable', () => {
    const emu = emulatorWith({
      ...complete(),
      config: [...complete().config!, ['Thư mục báo cáo', 'https://drive.google.com/drive/folders/khongtontai123']],
    });
    expect(line(check(emu), 'Thư mục báo cáo')).toMatch(/^✗ Thư mục báo cáo: Không mở được thư mục báo cáo/);
    const viewer = emulatorWith(complete());
    const folder = viewer.driveApp.addFolder('Của phòng khác', viewer.driveApp.root, 'view');
    viewer.spreadsheet.getSheetByName('Cấu hình')!.load([['Thư mục báo cáo', folder.getUrl()]], 20);
    expect(line(check(viewer), 'Thư mục báo cáo')).toMatch(/^✗ .*chỉ được xem.*xin quyền chỉnh sửa/);
  });

  it("✗ triggers: none, none of this user's while another account ran dailyCheck, and two", () => {
    const emu = emulatorWith(complete());
    expect(line(check(emu), 'Nhắc việc tự động')).toMatch(
      /^✗ .*chưa có lịch chạy hằng ngày\. Hãy chạy CCHC › Bật nhắc việc tự động/,
    );
    emu.run('installTriggers', [], { user: 'chutich@tuxuyen.example' });
    emu.run('dailyCheck', [], { as: 'time', user: 'chutich@tuxuyen.example' });
    expect(line(check(emu), 'Nhắc việc tự động')).toMatch(/Lần chạy gần nhất trong «Nhật ký» là của chutich@tuxuyen\.example/);
    emu.run('installTriggers');
    const [mine] = emu.triggers.of(VP);
    emu.triggers.add({ ...mine!.spec }); // a second one, as an older version or a copy could leave
    expect(line(check(emu), 'Nhắc việc tự động')).toMatch(/^✗ .*có 2 lịch chạy hằng ngày.*chỉ giữ lại một/);
  });

  it('✗ mail: Email nhắc việc blank, and the quota used up', () => {
    const emu = emulatorWith({ ...complete(), config: complete().config!.filter(([k]) => k !== 'Email nhắc việc') });
    expect(line(check(emu), 'Thư nhắc')).toMatch(/^✗ Thư nhắc: «Email nhắc việc» còn trống/);
    const busy = installed();
    for (let i = 0; i < 100; i++)
      busy.mail.outbox.push({ at: busy.now, from: VP, to: [`x${i}@example.com`], cc: [], bcc: [], subject: '', body: '' });
    expect(line(check(busy), 'Thư nhắc')).toMatch(/^✗ Thư nhắc: đã hết hạn mức/);
  });

  it('✗ document properties nearly full', () => {
    const emu = installed();
    for (let i = 0; i < 50; i++) emu.properties.document.data.set(`CCHC_X${i}`, 'x'.repeat(9_000));
    expect(line(check(emu), 'Bộ nhớ của kịch bản')).toMatch(/^✗ .*đã dùng 9\d% của 500 KB/);
  });
});

describe('setupWorkbook on a new workbook (docs/SPEC.md §8)', () => {
  it('sets vi_VN and Asia/Ho_Chi_Minh, says so, and a typed 05/02/2023 then reads as 5 February', () => {
    const emu = productEmulator({ locale: 'en_US', timeZone: 'America/New_York' });
    emu.run('setupWorkbook');
    expect([emu.spreadsheet.locale, emu.spreadsheet.timeZone]).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);
    expect(emu.dialogs.at(-1)).toMatch(/Đã đặt múi giờ của bảng tính là Asia\/Ho_Chi_Minh và ngôn ngữ\/định dạng là vi_VN/);
    const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const col = tasks.getDataRange().getValues()[0]!.indexOf(TASKS.columns.completed.header) + 1;
    const out = userEdit(emu, TASKS.name, `${String.fromCharCode(64 + col)}2`, '05/02/2023');
    expect(out.messages).toEqual([]);
    const v = tasks.cell(2, col).value as Date;
    expect([v.getUTCMonth() + 1, new Date(v.getTime() + 7 * 3_600_000).getUTCDate()]).toEqual([2, 5]);
    // Not a date: flagged with the column's help (warning only), and kept.
    expect(userEdit(emu, TASKS.name, `${String.fromCharCode(64 + col)}3`, 'hôm qua').messages[0]).toMatch(/ngày\/tháng\/năm/);
  });
});
