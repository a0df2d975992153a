/**
 * `dailyCheck` through the built bundle as a time-driven trigger (SPEC §6): reminders and digests,
 * never twice, the mail quota, the time limit, error isolation, the ledger, the lock and the cost
 * in service calls.
 */
import { describe, expect, it } from 'vitest';
import { type Emulator, ScriptError } from '../emulator/index';
import { generatedWorkbook, type WorkbookData } from './support/fixtures';
import { fireDailyTriggers } from '../emulator/schedule';
import { digestKey, LEDGER_PREFIX } from '../src/core/reminders';
import { INDICATORS, PERIODS, TASKS } from '../src/contract/sheets';
import { emulatorWith, snapshotValues } from './helpers';

const OFFICE = 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN';
const VP = 'vanphong@tuxuyen.example';

/** Tasks of every kind; no period needs a reminder on 20/08 (H1 is reported, the year is far). */
const fixture: WorkbookData = {
  config: [
    ['Cơ quan ban hành', OFFICE],
    ['Email nhắc việc', VP],
  ],
  tasks: [
    {
      Mã: 'NV1',
      'Nhiệm vụ': 'Báo cáo <quý> & "tổng kết"',
      'Hạn hoàn thành': '01/08/2023',
      'Người phụ trách': 'Nguyễn Văn A',
      Email: 'a@tuxuyen.example',
    },
    { Mã: 'NV2', 'Nhiệm vụ': 'Rà soát thủ tục', 'Hạn hoàn thành': '25/08/2023', Email: 'a@tuxuyen.example, b@tuxuyen.example' },
    { Mã: 'NV3', 'Nhiệm vụ': 'Số hóa hồ sơ', 'Hạn hoàn thành': '22/08/2023', Email: 'c@tuxuyen.example' },
    {
      Mã: 'NV4',
      'Nhiệm vụ': 'Xong rồi',
      'Hạn hoàn thành': '01/08/2023',
      'Ngày hoàn thành': '31/07/2023',
      Email: 'd@tuxuyen.example',
    },
    { Mã: 'NV5', 'Nhiệm vụ': 'Còn xa', 'Hạn hoàn thành': '30/10/2023', Email: 'd@tuxuyen.example' },
    { Mã: 'NV6', 'Nhiệm vụ': 'Chưa giao ai', 'Hạn hoàn thành': '23/08/2023' },
  ],
  periods: [
    {
      'Mã kỳ': 'H1',
      'Tên kỳ': '6 tháng đầu năm 2023',
      'Hạn gửi': '25/05/2023',
      'Liên kết báo cáo': 'https://docs.google.com/document/d/h1/edit',
    },
    { 'Mã kỳ': 'NAM', 'Tên kỳ': 'năm 2023', 'Hạn gửi': '20/11/2023' },
  ],
};
/** The same with Q3 due in 5 days and no report yet. */
const withQ3: WorkbookData = {
  ...fixture,
  periods: [
    ...fixture.periods!,
    { 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III năm 2023', 'Hạn gửi': '25/08/2023', 'Nhắc trước (ngày)': 10 },
  ],
};
/** A `Thư mục báo cáo` that does not exist: the draft cannot be made. */
const NO_FOLDER: [string, unknown] = ['Thư mục báo cáo', 'https://drive.google.com/drive/folders/khong-ton-tai-thu-muc'];
/** Most pressing first: a's deadline is past, c's is the 22nd, b's the 25th. */
const OWNERS = ['a@tuxuyen.example', 'c@tuxuyen.example', 'b@tuxuyen.example'];

const dailyCheck = (emu: Emulator) => emu.run('dailyCheck', [], { as: 'time' });
const log = (emu: Emulator) => emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues().slice(1);
const lastLog = (emu: Emulator) => String(log(emu).at(-1)![3]);
const sentTo = (emu: Emulator) => emu.mail.outbox.map((m) => m.to.join(','));
const ledgerKeys = (emu: Emulator) => [...emu.properties.document.data.keys()].filter((k) => k.startsWith(LEDGER_PREFIX)).sort();

describe('dailyCheck', () => {
  it('refreshes and sends each owner one digest, with no UI, writing only computed columns and its log row', () => {
    const emu = emulatorWith(fixture, '2023-08-20');
    const before = snapshotValues(emu, {
      [TASKS.name]: [TASKS.columns.status.header],
      [INDICATORS.name]: [INDICATORS.columns.result.header, INDICATORS.columns.status.header],
      [PERIODS.name]: [PERIODS.columns.status.header],
    });
    dailyCheck(emu);

    expect(sentTo(emu)).toEqual(OWNERS);
    expect(emu.mail.outbox.map((m) => m.subject)).toEqual([
      'Nhắc việc CCHC: 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn',
      'Nhắc việc CCHC: 1 nhiệm vụ sắp đến hạn',
      'Nhắc việc CCHC: 1 nhiệm vụ sắp đến hạn',
    ]);
    expect(emu.mail.outbox.every((m) => m.name === `Nhắc việc CCHC - ${OFFICE}` && m.from === emu.user)).toBe(true);
    const a = emu.mail.outbox[0]!;
    expect(a.body).toContain('- NV1: Báo cáo <quý> & "tổng kết" (hạn 01/08/2023, quá hạn 19 ngày)');
    expect(a.body).toContain('- NV2: Rà soát thủ tục (hạn 25/08/2023, còn 5 ngày)');
    expect(a.htmlBody).toContain('NV1: Báo cáo &#60;quý&#62; &#38; &#34;tổng kết&#34;');
    expect(a.body).toContain('https://docs.google.com/spreadsheets/d/spreadsheet-1/edit#gid=');

    expect(emu.dialogs).toEqual([]);
    expect(
      snapshotValues(emu, {
        [TASKS.name]: [TASKS.columns.status.header],
        [INDICATORS.name]: [INDICATORS.columns.result.header, INDICATORS.columns.status.header],
        [PERIODS.name]: [PERIODS.columns.status.header],
      }),
    ).toEqual(before);
    const rows = log(emu);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1, 3)).toEqual([emu.user, 'Kiểm tra hằng ngày']);
    expect(lastLog(emu)).toContain(
      'Đã gửi thư nhắc việc cho 3 người phụ trách: a@tuxuyen.example, c@tuxuyen.example, b@tuxuyen.example.',
    );
    expect(lastLog(emu)).toContain('1 nhiệm vụ sắp đến hạn hoặc quá hạn chưa có «Email» người phụ trách (dòng 7).');
  });

  it('sends nothing new on a second run the same day; later only to owners for whom something changed', () => {
    const emu = emulatorWith(fixture, '2023-08-20');
    dailyCheck(emu);
    emu.setToday('2023-08-20', 15);
    dailyCheck(emu);
    expect(emu.mail.outbox).toHaveLength(3);
    expect(lastLog(emu)).toContain('Không có thư nào cần gửi.');

    // c finishes NV3; the next morning c has nothing left to hear about.
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    sheet.getRange(4, Object.keys(TASKS.columns).indexOf('completed') + 1).setValue(emu.date('2023-08-20'));
    // Monday 21/08: a's NV1 is still overdue (the Monday digest); b's NV2, 4 days away, has not changed.
    emu.setToday('2023-08-21', 7);
    dailyCheck(emu);
    expect(sentTo(emu).slice(3)).toEqual(['a@tuxuyen.example']);
    // 22/08: NV2 is 3 days from its deadline, for both its owners; 23/08: nothing changed.
    emu.setToday('2023-08-22', 7);
    dailyCheck(emu);
    expect(sentTo(emu).slice(4).sort()).toEqual(['a@tuxuyen.example', 'b@tuxuyen.example']);
    emu.setToday('2023-08-23', 7);
    dailyCheck(emu);
    expect(emu.mail.outbox).toHaveLength(6);
    expect(lastLog(emu)).toContain('Không có thư nào cần gửi.');
  });

  it('still reminds a period whose draft cannot be made, first, saying why; the others go on', () => {
    const emu = emulatorWith({ ...withQ3, config: [...fixture.config!, NO_FOLDER] }, '2023-08-20');
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual([VP, ...OWNERS]);
    const reminder = emu.mail.outbox[0]!;
    expect(reminder.subject).toBe('Nhắc việc CCHC: báo cáo quý III năm 2023, hạn gửi 25/08/2023 (còn 5 ngày)');
    expect(reminder.body).toMatch(/Chưa tạo được bản nháp báo cáo tự động \(.+\)\. Có thể tạo báo cáo từ menu CCHC/);
    expect(reminder.body).toContain('Bảng theo dõi kỳ báo cáo: https://docs.google.com/spreadsheets/d/spreadsheet-1/edit#gid=');
    expect(lastLog(emu)).toMatch(/Lỗi \(các phần khác vẫn được thực hiện\): bản nháp kỳ Q3: /);
    expect(lastLog(emu)).toContain('Đã gửi thư nhắc kỳ báo cáo: Q3.');
  });

  it('sends nothing about a period whose report exists', () => {
    const emu = emulatorWith(
      {
        ...fixture,
        periods: [
          {
            'Mã kỳ': 'Q3',
            'Tên kỳ': 'Quý III',
            'Hạn gửi': '25/08/2023',
            'Liên kết báo cáo': 'https://docs.google.com/document/d/q3/edit',
          },
        ],
      },
      '2023-08-20',
    );
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual(OWNERS);
    expect(lastLog(emu)).not.toContain('bản nháp');
  });

  it('with no quota sends nothing, logs what waits, and the next run sends it', () => {
    const emu = emulatorWith(fixture, '2023-08-20');
    emu.mail.dailyLimit = 0;
    dailyCheck(emu);
    expect(emu.mail.outbox).toEqual([]);
    expect(lastLog(emu)).toContain(
      'Chưa gửi vì đã hết hạn mức gửi thư trong ngày, sẽ gửi ở lần chạy sau: thư cho a@tuxuyen.example, thư cho c@tuxuyen.example, thư cho b@tuxuyen.example.',
    );
    expect(ledgerKeys(emu)).toEqual([]);

    emu.mail.dailyLimit = 100;
    emu.setToday('2023-08-20', 12);
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual(OWNERS);
  });

  it('sends what fits when the quota runs out, period reminders first', () => {
    const emu = emulatorWith(withQ3, '2023-08-20');
    emu.mail.dailyLimit = 2;
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual([VP, 'a@tuxuyen.example']);
    expect(lastLog(emu)).toContain('sẽ gửi ở lần chạy sau: thư cho c@tuxuyen.example, thư cho b@tuxuyen.example.');
    emu.mail.dailyLimit = 100;
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual([VP, ...OWNERS]);
  });

  it('stops starting new mail before 5 minutes, and the next run sends the rest', () => {
    const owners = Array.from({ length: 8 }, (_, i) => `nguoi${i}@tuxuyen.example`);
    const emu = emulatorWith(
      {
        config: fixture.config,
        tasks: owners.map((email, i) => ({
          Mã: `NV${i}`,
          'Nhiệm vụ': `Việc ${i}`,
          'Hạn hoàn thành': '22/08/2023',
          Email: email,
        })),
      },
      '2023-08-20',
    );
    emu.callCostMs.mail = 60_000;
    const start = emu.now;
    dailyCheck(emu);
    expect(emu.now - start).toBeLessThan(6 * 60_000);
    const first = emu.mail.outbox.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(owners.length);
    expect(lastLog(emu)).toContain('Dừng trước giới hạn thời gian chạy, phần còn lại sẽ làm ở lần chạy sau: ');

    emu.callCostMs.mail = 0;
    dailyCheck(emu);
    expect([...sentTo(emu)].sort()).toEqual([...owners].sort());
  });

  it('logs an error for one owner and still sends to the others; that owner gets it next run', () => {
    const emu = emulatorWith(fixture, '2023-08-20');
    emu.mail.serverErrorFor.add('b@tuxuyen.example');
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual(['a@tuxuyen.example', 'c@tuxuyen.example']);
    expect(lastLog(emu)).toContain(
      "Lỗi (các phần khác vẫn được thực hiện): thư cho b@tuxuyen.example: dịch vụ của Google tạm thời gặp sự cố («We're sorry, a server error occurred. Please wait a bit and try again»), sẽ thử lại ở lần chạy sau.",
    );
    expect(ledgerKeys(emu)).not.toContain(digestKey('b@tuxuyen.example'));

    emu.mail.serverErrorFor.clear();
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual(['a@tuxuyen.example', 'c@tuxuyen.example', 'b@tuxuyen.example']);
  });

  it('logs a bad address in Email nhắc việc and in a task, and reminds the valid ones', () => {
    const emu = emulatorWith(
      {
        ...withQ3,
        config: [['Email nhắc việc', `${VP}, vanphong@`]],
        tasks: [{ Mã: 'NV1', 'Nhiệm vụ': 'X', 'Hạn hoàn thành': '21/08/2023', Email: 'Nguyễn Văn A' }],
      },
      '2023-08-20',
    );
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual([VP]);
    expect(lastLog(emu)).toContain('«Email nhắc việc» có địa chỉ không hợp lệ: «vanphong@».');
    expect(lastLog(emu)).toContain('«Email» không hợp lệ: dòng 2 «Nguyễn», dòng 2 «Văn», dòng 2 «A».');
  });

  it('without Email nhắc việc says so once and still sends the digests', () => {
    const emu = emulatorWith({ ...withQ3, config: [] }, '2023-08-20');
    dailyCheck(emu);
    dailyCheck(emu);
    expect(sentTo(emu)).toEqual(OWNERS);
    const rows = log(emu).map((r) => String(r[3]));
    expect(rows[0]).toContain('Không gửi thư nhắc kỳ Q3 vì «Email nhắc việc» trong trang Cấu hình chưa có địa chỉ hợp lệ.');
    expect(rows[1]).not.toContain('Email nhắc việc');
  });

  it('prunes its stale records and leaves other properties alone', () => {
    const emu = emulatorWith(fixture, '2023-08-20');
    emu.properties.document.setProperty(digestKey('old@tuxuyen.example'), '19000');
    emu.properties.document.setProperty('user.setting', 'giữ nguyên');
    dailyCheck(emu);
    expect(emu.properties.document.getProperty(digestKey('old@tuxuyen.example'))).toBeNull();
    expect(emu.properties.document.getProperty('user.setting')).toBe('giữ nguyên');
    expect(ledgerKeys(emu)).toEqual(OWNERS.map(digestKey).sort());
  });

  it('writes and sends nothing when another execution holds the lock', () => {
    const emu = emulatorWith(withQ3, '2023-08-20');
    emu.locks.heldElsewhereFor = Infinity;
    expect(() => dailyCheck(emu)).toThrow(ScriptError);
    expect(emu.mail.outbox).toEqual([]);
    expect(log(emu)).toEqual([]);
    expect(ledgerKeys(emu)).toEqual([]);
  });

  it("sends once when two users' daily triggers both run it", () => {
    const emu = emulatorWith(withQ3, '2023-08-19');
    emu.run('installTriggers');
    emu.run('installTriggers', [], { user: 'chutich@tuxuyen.example' });
    const runs = fireDailyTriggers(emu, '2023-08-20');
    expect(runs.map((r) => [r.trigger.spec.owner, r.error])).toEqual(
      expect.arrayContaining([
        [emu.user, undefined],
        ['chutich@tuxuyen.example', undefined],
      ]),
    );
    expect(sentTo(emu)).toEqual([VP, ...OWNERS]);
  });

  it('makes as many spreadsheet calls for 2,000 tasks as for 100, and one mail call per mail', () => {
    const calls = (tasks: number) => {
      // Periods reported already: this counts the check itself, not the report generator.
      const periods = generatedWorkbook(tasks).periods!.map((p) => ({
        ...p,
        'Liên kết báo cáo': 'https://docs.google.com/document/d/x/edit',
      }));
      const emu = emulatorWith({ ...generatedWorkbook(tasks), periods }, '2023-08-20');
      const run = dailyCheck(emu);
      return {
        spreadsheet: run.calls.count('spreadsheet'),
        sends: run.calls.method('MailApp.sendEmail'),
        mails: emu.mail.outbox.length,
      };
    };
    const small = calls(100);
    const large = calls(2_000);
    expect(large.spreadsheet).toBe(small.spreadsheet);
    expect(large.sends).toBe(large.mails);
    expect(large.mails).toBeLessThanOrEqual(20);
  });
});

describe('dailyCheck with the report generator', () => {
  const periodRow = (emu: Emulator, code: string) => {
    const values = emu.spreadsheet.getSheetByName(PERIODS.name)!.getDataRange().getValues();
    const row = values.find((r) => r[0] === code)!;
    const at = (h: string) => row[values[0]!.indexOf(h)];
    return {
      status: at(PERIODS.columns.status.header),
      link: String(at(PERIODS.columns.link.header)),
      created: at(PERIODS.columns.createdAt.header),
    };
  };

  it('creates the draft once, writes its link and reminds with it; reminds again the day before; nothing once Ngày gửi is typed', () => {
    const emu = emulatorWith(withQ3, '2023-08-20');
    const first = dailyCheck(emu);
    const q3 = periodRow(emu, 'Q3');
    expect(q3.link).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(q3.status).toBe('Đã tạo báo cáo');
    expect(first.calls.method('DocumentApp.create')).toBe(1);
    expect(sentTo(emu)).toEqual([VP, ...OWNERS]);
    expect(emu.mail.outbox[0]!.body).toContain(
      `Bản nháp báo cáo đã được tạo từ số liệu trong bảng theo dõi; xin kiểm tra, bổ sung và trình ký: ${q3.link}`,
    );
    expect(emu.mail.outbox[0]!.htmlBody).toContain(`<a href="${q3.link}">`);
    // The fixture's Cấu hình lacks the signature block: the draft says so, and so do the mail and the log.
    const gaps =
      'trang Cấu hình còn thiếu «Ký hiệu cơ quan», «Địa danh», «Thẩm quyền ký», «Chức vụ người ký», «Người ký», «Nơi nhận»';
    expect(emu.mail.outbox[0]!.body).toContain(
      `Lưu ý: ${gaps}. Hãy bổ sung trong bảng tính rồi tạo lại báo cáo từ menu CCHC trước khi trình ký.`,
    );
    expect(lastLog(emu)).toContain(`Đã tạo bản nháp báo cáo: Quý III năm 2023 (${gaps}).`);

    emu.setToday('2023-08-20', 16);
    expect(dailyCheck(emu).calls.method('DocumentApp.create')).toBe(0);
    const toVp = () => emu.mail.outbox.filter((m) => m.to.includes(VP));
    emu.setToday('2023-08-23', 7);
    dailyCheck(emu);
    expect(toVp()).toHaveLength(1);
    // The day before the due date, Ngày gửi still blank: a second reminder with the same link.
    emu.setToday('2023-08-24', 7);
    expect(dailyCheck(emu).calls.method('DocumentApp.create')).toBe(0);
    expect(toVp()).toHaveLength(2);
    expect(toVp()[1]!.subject).toBe('Nhắc việc CCHC: báo cáo quý III năm 2023, hạn gửi 25/08/2023 (còn 1 ngày)');
    expect(toVp()[1]!.body).toContain(`Báo cáo của kỳ đã được tạo: ${q3.link}`);
    expect(toVp()[1]!.body).toContain('xin nhập «Ngày gửi» của kỳ trong trang «Kỳ báo cáo»: thư nhắc sẽ dừng.');
    // Sent on the due date: no overdue reminder the next day, nor later.
    const sheet = emu.spreadsheet.getSheetByName(PERIODS.name)!;
    const header = sheet.getDataRange().getValues()[0]!;
    sheet.getRange(4, header.indexOf(PERIODS.columns.sentOn.header) + 1).setValue(emu.date('2023-08-25'));
    for (const d of ['2023-08-26', '2023-08-28']) {
      emu.setToday(d, 7);
      expect(dailyCheck(emu).calls.method('DocumentApp.create')).toBe(0);
    }
    expect(toVp()).toHaveLength(2);
    expect(periodRow(emu, 'Q3')).toMatchObject({ link: q3.link, status: 'Đã gửi' });
  });

  it('makes several drafts from its one refresh, each recorded in its own period row and in Lịch sử', () => {
    const tasks = 500;
    const emu = emulatorWith(generatedWorkbook(tasks), '2023-08-20'); // Q1 and H1 overdue, Q3 due in 5 days: three drafts
    const refreshRead = emu.run('refreshStatuses').calls.cellsRead;
    const run = dailyCheck(emu);
    expect(run.calls.method('DocumentApp.create')).toBe(3);
    // The drafts re-read only `Kỳ báo cáo`, `Cấu hình` and `Lịch sử`, not the task sheet.
    const taskSheet = emu.spreadsheet.getSheetByName(TASKS.name)!.getDataRange().getValues();
    expect(run.calls.cellsRead - refreshRead).toBeLessThan(taskSheet.length * taskSheet[0]!.length);

    const links = ['Q1', 'H1', 'Q3', 'NAM'].map((code) => periodRow(emu, code));
    const names = links.slice(0, 3).map((p) => emu.documentApp.openByUrl(p.link).getName());
    expect(names).toEqual(
      ['Quý I năm 2023', '6 tháng đầu năm 2023', 'Quý III năm 2023'].map((n) => `Báo cáo CCHC ${n} - ỦY BAN NHÂN DÂN XÃ MẪU`),
    );
    // A draft that was made but not sent is still overdue past its due date (SPEC §3).
    expect(links.map((p) => p.status)).toEqual(['Quá hạn', 'Quá hạn', 'Đã tạo báo cáo', 'Chưa đến hạn']);
    expect(links[3]!.link).toBe('');
    const history = emu.spreadsheet.getSheetByName('Lịch sử')!.getDataRange().getValues().slice(1);
    expect(history.map((r) => r[1])).toEqual(['Q1', 'H1', 'Q3'].flatMap((code) => Array(tasks / 5).fill(code)));
    // The last draft sees the history the one before it wrote in the same run.
    const q3 = emu.documentApp.openByUrl(links[2]!.link).body.getText();
    expect(q3).toContain('không đổi so với 6 tháng đầu năm 2023');
  });

  it('with no quota on the draft day makes the draft, and the next run still sends its link', () => {
    const emu = emulatorWith(withQ3, '2023-08-20');
    emu.mail.dailyLimit = 0;
    dailyCheck(emu);
    const { link } = periodRow(emu, 'Q3');
    expect(link).not.toBe('');
    expect(emu.mail.outbox).toEqual([]);
    expect(lastLog(emu)).toContain('Đã tạo bản nháp báo cáo: Quý III năm 2023 (');
    expect(lastLog(emu)).toContain('sẽ gửi ở lần chạy sau: nhắc kỳ Q3, thư cho a@tuxuyen.example');

    emu.mail.dailyLimit = 100;
    emu.setToday('2023-08-21', 7);
    const next = dailyCheck(emu);
    expect(next.calls.method('DocumentApp.create')).toBe(0);
    expect(sentTo(emu)[0]).toBe(VP);
    expect(emu.mail.outbox[0]!.body).toContain(link);
    emu.setToday('2023-08-22', 7);
    dailyCheck(emu);
    expect(emu.mail.outbox.filter((m) => m.to.includes(VP))).toHaveLength(1);
  });
});
