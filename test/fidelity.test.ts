/**
 * Where real Apps Script differs from a kind fake (docs/apps-script-fidelity.md): cell limits, the
 * 30-second simple trigger, open-ended edit ranges, fills, an unbound script. Each test failed on
 * the product before the fix it names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import { ScriptError } from '../emulator/index';
import { fileChip, personChip, type SheetModel } from '../emulator/services/spreadsheet';
import { LOG, TASKS } from '../src/contract/sheets';
import { dayFromYmd, dayOfInstant, instantOfDay, zoneOffsets } from '../src/core/days';
import { CELL_MAX_CHARS } from '../src/core/text';
import { emulatorWith } from './helpers';

const T = TASKS.columns;
const COL = Object.fromEntries(Object.values(T).map((c, i) => [c.header, i + 1]));
const letter = (n: number) => String.fromCharCode(64 + n);
const tasksOf = (emu: ReturnType<typeof emulatorWith>): SheetModel => emu.spreadsheet.getSheetByName(TASKS.name)!;
const status = (s: SheetModel, row: number) => s.cell(row, COL['Trạng thái']!);
const lastLog = (emu: ReturnType<typeof emulatorWith>) =>
  emu.spreadsheet.getSheetByName(LOG.name)!.getDataRange().getValues().at(-1)!;

const task = (i: number, extra: Record<string, unknown> = {}) => ({
  Mã: `NV${i}`,
  'Nhiệm vụ': `Việc ${i}`,
  'Hạn hoàn thành': '30/09/2023',
  ...extra,
});

describe('item 1: no cell over 50,000 characters', () => {
  it('dailyCheck quotes ten 10,000-character invalid Email cells and still writes its Nhật ký row', () => {
    const long = (i: number) => `${String(i).repeat(10_000)}`.slice(0, 10_000);
    const emu = emulatorWith({
      config: [['Email nhắc việc', 'vanphong@tuxuyen.example']],
      tasks: Array.from({ length: 12 }, (_, i) => task(i + 1, { 'Hạn hoàn thành': '22/08/2023', Email: long(i) })),
    });
    emu.run('dailyCheck', [], { as: 'time' });
    const result = String(lastLog(emu)[3]);
    expect(result).toMatch(/«Email» không hợp lệ: dòng 2 «0{40}…»/);
    for (const cell of lastLog(emu)) expect(String(cell).length).toBeLessThanOrEqual(CELL_MAX_CHARS);
  });

  it('a note of ours and a log row are cut to the limit', () => {
    const emu = emulatorWith({ tasks: [task(1)] });
    const huge = 'x'.repeat(60_000);
    expect(() => emu.run('generateReport', [huge])).toThrow(ScriptError);
    expect(String(lastLog(emu)[2]).length).toBe(CELL_MAX_CHARS);
    expect(String(lastLog(emu)[2]).endsWith('…')).toBe(true);
  });
});

describe('item 1, found by the fuzz: startNewYear carries a note at the limit', () => {
  it('«Chuyển từ năm 2023: …» before a 50,000-character Ghi chú is cut to the limit, and the copy is made', () => {
    const emu = emulatorWith({ tasks: [task(1, { 'Hạn hoàn thành': '01/08/2023', 'Ghi chú': 'z'.repeat(CELL_MAX_CHARS) })] });
    emu.run('startNewYear');
    expect(emu.copies).toHaveLength(1);
    const tasks = emu.copies[0]!.getSheetByName(TASKS.name)!;
    const note = String(tasks.cell(2, COL['Ghi chú']!).value);
    expect(note).toMatch(/^Chuyển từ năm 2023: chưa hoàn thành\. z+…$/);
    expect(note.length).toBe(CELL_MAX_CHARS);
  });
});

describe('item 3: onEdit fits in the 30 seconds of a simple trigger', () => {
  const big = (n: number) => emulatorWith({ tasks: Array.from({ length: n }, (_, i) => task(i + 1)) });
  const pasteRange = (n: number) => `${letter(COL['Hạn hoàn thành']!)}2:${letter(COL['Tiến độ (%)']!)}${n + 1}`;
  /** Every service call takes 1.2 s (a slow day for a large sheet): about 20 calls fill 24 of the 30 s. */
  const costly = (emu: ReturnType<typeof emulatorWith>) => {
    for (const service of ['spreadsheet', 'properties', 'lock', 'utilities'] as const) emu.callCostMs[service] = 1_200;
  };
  const pasted = (n: number) => Array.from({ length: n }, () => ['01/08/2023', 10]);

  it('a 3,000-row paste at 1.2 s per service call, the lock busy elsewhere: ends with a toast, not killed', () => {
    const emu = big(3_000);
    emu.run('refreshStatuses');
    costly(emu);
    emu.locks.heldElsewhereFor = 600_000;
    userEdit(emu, TASKS.name, pasteRange(3_000), pasted(3_000));
    expect(emu.spreadsheet.toasts.at(-1)).toMatch(/Hãy chạy CCHC › Cập nhật trạng thái sau/);
  });

  it('the same paste with the lock free recomputes every row within 30 seconds', () => {
    const emu = big(3_000);
    emu.run('refreshStatuses');
    costly(emu);
    const started = emu.now;
    userEdit(emu, TASKS.name, pasteRange(3_000), pasted(3_000));
    expect(emu.now - started).toBeLessThanOrEqual(30_000);
    for (const r of [2, 1500, 3001]) expect(status(tasksOf(emu), r).value).toBe('Quá hạn');
  });
});

describe('item 5: onEdit with open-ended ranges', () => {
  const fire = (emu: ReturnType<typeof emulatorWith>, a1: string) =>
    emu.run('onEdit', [{ range: tasksOf(emu).getRange(a1), source: emu.spreadsheet, authMode: 'LIMITED', triggerUid: '' }], {
      as: 'simple',
    });
  const G = letter(COL['Hạn hoàn thành']!);

  for (const a1 of [`${G}:${G}`, '3:3', `${G}2:${G}`]) {
    it(`recomputes the rows of ${a1}`, () => {
      const emu = emulatorWith({ tasks: [task(1), task(2), task(3)] });
      emu.run('refreshStatuses');
      const s = tasksOf(emu);
      expect(s.getRange(a1).getA1Notation()).toBe(a1);
      for (const r of [2, 3, 4]) s.setCell(r, COL['Hạn hoàn thành']!, 'values', emu.date('2023-08-01'));
      fire(emu, a1);
      expect(status(s, 3).value).toBe('Quá hạn');
      if (a1 !== '3:3') expect([2, 4].map((r) => status(s, r).value)).toEqual(['Quá hạn', 'Quá hạn']);
      expect(s.getLastRow()).toBe(4);
    });
  }
});

describe('item 8: no explicit white', () => {
  it('statuses without a colour and blank rows get no fill, so alternating colours show', () => {
    const emu = emulatorWith({ tasks: [task(1), task(2), task(3, { 'Hạn hoàn thành': '01/08/2023' })] });
    const s = tasksOf(emu);
    for (let c = 1; c <= Object.keys(T).length; c++) s.setCell(3, c, 'values', ''); // a blank row
    emu.run('refreshStatuses');
    const fill = (r: number) => s.backgrounds[r - 1]?.[COL['Trạng thái']! - 1];
    expect([fill(2), fill(3), fill(4)]).toEqual([undefined, undefined, '#f4cccc']);
    userEdit(emu, TASKS.name, `${letter(COL['Ghi chú']!)}2:${letter(COL['Ghi chú']!)}4`, [['a'], [''], ['b']]);
    expect([fill(2), fill(3), fill(4)]).toEqual([undefined, undefined, '#f4cccc']);
  });
});

describe('item 10: a script outside its spreadsheet', () => {
  it('says the script is not bound, not that the workbook is busy', () => {
    const emu = emulatorWith({ tasks: [task(1)] });
    const run = () => emu.run('generateReport', ['Q1'], { bound: false });
    expect(run).toThrow(/chạy ngoài bảng tính/);
    expect(run).not.toThrow(/đang ghi vào bảng tính/);
  });
});

describe('item 9: days in a zone with daylight saving time', () => {
  it('a deadline after the clocks change is read on its own day (New York, today 10/03/2023 EST)', () => {
    const emu = emulatorWith(
      {
        tasks: [
          task(1, { 'Hạn hoàn thành': '17/03/2023' }),
          task(2, { 'Hạn hoàn thành': '18/03/2023' }),
          task(3, { 'Hạn hoàn thành': '10/03/2023' }),
        ],
      },
      '2023-03-10',
      { timeZone: 'America/New_York' },
    );
    emu.run('refreshStatuses');
    const s = tasksOf(emu);
    expect([2, 3, 4].map((r) => status(s, r).value)).toEqual(['Sắp đến hạn', 'Chưa thực hiện', 'Sắp đến hạn']);
  });

  it('every day of 2020–2030 round-trips through its own midnight in zones with and without DST', () => {
    for (const zone of ['America/New_York', 'Europe/Paris', 'Australia/Sydney', 'Asia/Ho_Chi_Minh']) {
      const offsets = zoneOffsets(zone)!;
      fc.assert(
        fc.property(fc.integer({ min: dayFromYmd(2020, 1, 1), max: dayFromYmd(2030, 12, 31) }), (day) => {
          const midnight = instantOfDay(day, offsets);
          expect(dayOfInstant(midnight, offsets)).toBe(day);
          expect(dayOfInstant(midnight - 60_000, offsets)).toBe(day - 1);
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('item 7: smart chips', () => {
  it('a folder chip in Thư mục báo cáo: the report goes into the linked folder', () => {
    const emu = emulatorWith({
      tasks: [task(1)],
      periods: [{ 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III năm 2023', 'Hạn gửi': '20/09/2023' }],
    });
    const folder = emu.driveApp.addFolder('Báo cáo CCHC 2023');
    const config = emu.spreadsheet.getSheetByName('Cấu hình')!;
    const row = config.getLastRow() + 1;
    config.load([['Thư mục báo cáo', '']], row);
    config.putChip(row, 2, fileChip('BaoCaoCCHC2023', folder.getUrl()));
    const url = emu.run<string>('generateReport', ['Q3']).value;
    const id = /\/d\/([^/]+)/.exec(url)![1]!;
    expect(emu.driveApp.getFileById(id).getParents().next()).toBe(folder);
  });

  it('a person chip in Email: the reminder goes to its address, not to the name', () => {
    const emu = emulatorWith({
      config: [['Email nhắc việc', 'vanphong@tuxuyen.example']],
      tasks: [
        task(1, { 'Hạn hoàn thành': '22/08/2023' }),
        task(2, { 'Hạn hoàn thành': '23/08/2023', Email: 'x@tuxuyen.example' }),
      ],
    });
    tasksOf(emu).putChip(2, COL.Email!, personChip('an@tuxuyen.example', 'Nguyễn Văn An'));
    emu.run('dailyCheck', [], { as: 'time' });
    expect(emu.mail.outbox.flatMap((m) => m.to)).toEqual(expect.arrayContaining(['an@tuxuyen.example', 'x@tuxuyen.example']));
    expect(String(lastLog(emu)[3])).not.toMatch(/không hợp lệ/);
  });
});
