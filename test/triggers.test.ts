/**
 * `installTriggers` and `removeTriggers` through the built bundle (SPEC §6): exactly one daily
 * `dailyCheck` trigger at 7 h however often and over whatever stale triggers, and removal of only
 * this script's triggers, with foreign ones (a user's own functions, a colleague's) present.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import type { Schedule, TriggerSpec } from '../emulator/services/script';
import { DAILY_HANDLER, OWN_HANDLERS } from '../src/ops/triggers';
import { emulatorWith } from './helpers';

const HCM = 'Asia/Ho_Chi_Minh';
const COLLEAGUE = 'chutich@tuxuyen.example';

function addTrigger(
  emu: Emulator,
  handler: string,
  extra: Partial<TriggerSpec> = {},
  schedule: Partial<Schedule> = { everyDays: 1, atHour: 9 },
): void {
  emu.triggers.add({
    handler,
    eventType: 'CLOCK',
    source: 'CLOCK',
    sourceId: null,
    owner: emu.user,
    createdAt: emu.now,
    schedule: { timeZone: HCM, ...schedule },
    ...extra,
  });
}

/** A workbook whose user has stale triggers of ours and foreign ones, and a colleague with their own. */
function cluttered(): Emulator {
  const emu = emulatorWith({ config: [['Email nhắc việc', 'vanphong@tuxuyen.example']] });
  addTrigger(emu, DAILY_HANDLER, {}, { everyDays: 1, atHour: 7 });
  addTrigger(emu, DAILY_HANDLER, {}, { everyDays: 1, atHour: 22 });
  addTrigger(emu, DAILY_HANDLER, {}, { everyHours: 1 });
  addTrigger(emu, 'refreshStatuses', {}, { everyHours: 4 });
  addTrigger(emu, 'myFunction', {}, { everyDays: 1, atHour: 7 });
  addTrigger(emu, 'guiBaoCaoTuan', {
    eventType: 'ON_EDIT',
    source: 'SPREADSHEETS',
    sourceId: 'spreadsheet-1',
    schedule: undefined,
  });
  addTrigger(emu, DAILY_HANDLER, { owner: COLLEAGUE }, { everyDays: 1, atHour: 7 });
  return emu;
}

const mine = (emu: Emulator) =>
  emu.triggers
    .of(emu.user)
    .map((t) => t.getHandlerFunction())
    .sort();
const log = (emu: Emulator) => emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues().slice(1);

describe('installTriggers', () => {
  it('creates one daily dailyCheck trigger at 7 h in the script time zone, and says so', () => {
    const emu = emulatorWith({ config: [['Email nhắc việc', 'vanphong@tuxuyen.example']] });
    emu.run('installTriggers');
    expect(emu.triggers.all.map((t) => [t.getHandlerFunction(), t.getEventType(), t.spec.owner, t.spec.schedule])).toEqual([
      [DAILY_HANDLER, 'CLOCK', emu.user, { everyDays: 1, atHour: 7, timeZone: HCM }],
    ]);
    expect(emu.dialogs.at(-1)).toBe(
      'Đã bật nhắc việc tự động: mỗi ngày trong khoảng 7–8 giờ (múi giờ Asia/Ho_Chi_Minh), bảng tính tự cập nhật trạng thái, tạo bản nháp báo cáo cho kỳ sắp đến hạn và gửi thư nhắc việc từ tài khoản của bạn.',
    );
    expect(log(emu).map((r) => r.slice(1, 3))).toEqual([[emu.user, 'Bật nhắc việc tự động']]);
  });

  it('leaves exactly one however often it is called, replacing stale ones and keeping foreign ones', () => {
    const emu = cluttered();
    const foreign = emu.triggers.all.filter((t) => t.getHandlerFunction() !== DAILY_HANDLER || t.spec.owner !== emu.user);
    for (let i = 0; i < 3; i++) emu.run('installTriggers');
    const daily = emu.triggers.of(emu.user).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
    expect(daily).toHaveLength(1);
    expect(daily[0]!.spec.schedule).toEqual({ everyDays: 1, atHour: 7, timeZone: HCM });
    expect(emu.triggers.all.filter((t) => !daily.includes(t))).toEqual(foreign);
    expect(emu.dialogs[0]).toContain('Đã thay 3 lịch chạy cũ bằng lịch mới này.');
    expect(emu.dialogs[2]).toContain('Đã thay 1 lịch chạy cũ bằng lịch mới này.');
    expect(log(emu)).toHaveLength(3);
  });

  it('warns when no address would receive period reminders', () => {
    const emu = emulatorWith({});
    emu.run('installTriggers');
    expect(emu.dialogs.at(-1)).toContain(
      'Lưu ý: «Email nhắc việc» trong trang Cấu hình còn trống nên sẽ không có thư nhắc kỳ báo cáo.',
    );
  });

  it('explains in Vietnamese when the user has no trigger left to spare, and logs it', () => {
    const emu = emulatorWith({});
    for (let i = 0; i < 20; i++) addTrigger(emu, `ham${i}`);
    emu.run('installTriggers');
    expect(emu.dialogs.at(-1)).toMatch(
      /^Không tạo được lịch chạy hằng ngày: tài khoản của bạn đã có quá nhiều trình kích hoạt cho dự án này \(tối đa 20\)/,
    );
    expect(String(log(emu).at(-1)![3])).toMatch(/^Không thực hiện được: Không tạo được lịch chạy hằng ngày/);
    expect(emu.triggers.all).toHaveLength(20);
  });
});

describe('removeTriggers', () => {
  it("deletes only this script's triggers for its own handlers and leaves every other trigger alone", () => {
    const emu = cluttered();
    emu.run('removeTriggers');
    expect(mine(emu)).toEqual(['guiBaoCaoTuan', 'myFunction']);
    expect(emu.triggers.of(COLLEAGUE)).toHaveLength(1);
    expect(emu.dialogs.at(-1)).toBe(
      'Đã tắt nhắc việc tự động: đã xóa 4 lịch chạy của bảng tính CCHC.\nGiữ nguyên 2 trình kích hoạt khác không thuộc bảng tính CCHC.',
    );
    emu.run('removeTriggers');
    expect(mine(emu)).toEqual(['guiBaoCaoTuan', 'myFunction']);
    expect(emu.dialogs.at(-1)).toBe(
      'Nhắc việc tự động chưa được bật: không có lịch chạy nào của bảng tính CCHC để xóa.\nGiữ nguyên 2 trình kích hoạt khác không thuộc bảng tính CCHC.',
    );
    expect(log(emu).map((r) => r[2])).toEqual(['Tắt nhắc việc tự động', 'Tắt nhắc việc tự động']);
  });

  it('undoes installTriggers, and installing again brings exactly one back', () => {
    const emu = cluttered();
    emu.run('installTriggers');
    emu.run('removeTriggers');
    expect(mine(emu)).toEqual(['guiBaoCaoTuan', 'myFunction']);
    emu.run('installTriggers');
    expect(mine(emu)).toEqual([DAILY_HANDLER, 'guiBaoCaoTuan', 'myFunction']);
  });

  it('knows every global function of the bundle as its own', () => {
    const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
    const globals = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect([...OWN_HANDLERS].sort()).toEqual(globals.sort());
  });
});

describe('authorisation', () => {
  it('needs script.scriptapp, which the manifest lists', () => {
    const emu = cluttered();
    emu.run('installTriggers');
    emu.run('removeTriggers');
    const manifest = JSON.parse(readFileSync(new URL('../appsscript.json', import.meta.url), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.scriptapp');
    expect([...emu.scopesUsed]).toContain('https://www.googleapis.com/auth/script.scriptapp');
  });
});
