/** validateData through the built bundle, and the checks behind it (src/core/checks.ts, areas.ts). */
import { describe, expect, it } from 'vitest';
import { productEmulator, generatedWorkbook, loadWorkbook } from './support/fixtures';
import type { Emulator } from '../emulator/index';
import { describeFinding } from '../src/core/checks';
import { badAddresses } from '../src/core/email';
import { AREA_LABELS } from '../src/contract/lists';
import { matchArea } from '../src/core/areas';
import { INDICATORS, LOG, PERIODS, TASKS } from '../src/contract/sheets';
import { emulatorWith } from './helpers';

const AREA = AREA_LABELS[0];

const fixture = {
  config: [['Email nhắc việc', 'vanphong@xa.example, không-phải-email']] as [string, unknown][],
  tasks: [
    { Mã: 'NV1', 'Lĩnh vực': AREA, 'Nhiệm vụ': 'Đúng', 'Hạn hoàn thành': '30/09/2023', Email: 'a@xa.example; b@xa.example' },
    { Mã: 'NV1', 'Lĩnh vực': '3', 'Nhiệm vụ': 'Trùng mã', 'Hạn hoàn thành': 'Thường xuyên' },
    { Mã: 'NV3', 'Lĩnh vực': 'Văn hoá', 'Nhiệm vụ': 'Lĩnh vực lạ', 'Hạn hoàn thành': 'thuong xuyen' },
    { Mã: 'NV4', 'Lĩnh vực': AREA, 'Nhiệm vụ': 'Không hạn', 'Hạn hoàn thành': '' },
    { Mã: 'NV5', 'Lĩnh vực': AREA, 'Nhiệm vụ': 'Sai ngày', 'Hạn hoàn thành': '31/02/2023', Email: 'chị Lan' },
    {},
    { Mã: 'NV7', 'Lĩnh vực': '', 'Nhiệm vụ': 'Tiến độ lạ', 'Hạn hoàn thành': 'Thường xuyên', 'Tiến độ (%)': 120 },
  ],
  indicators: [
    { Mã: 'CT1', 'Lĩnh vực': AREA, 'Chỉ tiêu': 'Tỷ lệ', 'So sánh': '≈', 'Mục tiêu': 90, 'Đơn vị tính': '%' },
    {
      Mã: 'CT1',
      'Lĩnh vực': AREA,
      'Chỉ tiêu': 'Tỷ lệ 2',
      'So sánh': '≥',
      'Mục tiêu': 90,
      'Đơn vị tính': '%',
      'Tử số': 5,
      'Mẫu số': 4,
    },
  ],
  periods: [
    { 'Mã kỳ': 'Q1', 'Tên kỳ': 'Quý I', 'Hạn gửi': '25/02/2023' },
    { 'Mã kỳ': 'Q1', 'Tên kỳ': 'Quý I lặp', 'Hạn gửi': '' },
  ],
};

/** The fixture, with `Số ngày cảnh báo` spelt out in words (the helper writes a valid one first). */
function fixtureEmulator(): Emulator {
  const emu = emulatorWith(fixture);
  const config = emu.spreadsheet.getSheetByName('Cấu hình')!;
  const row =
    config
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'Số ngày cảnh báo') + 1;
  config.setCell(row, 2, 'values', 'bảy');
  return emu;
}

/** Every sheet cell as the user sees it, Nhật ký aside: validateData must leave all of it alone. */
function everything(emu: Emulator): unknown {
  return emu.spreadsheet.sheets
    .filter((s) => s.name !== LOG.name)
    .map((s) =>
      Array.from({ length: s.getLastRow() }, (_, r) =>
        Array.from({ length: s.getLastColumn() }, (_, c) => {
          const x = s.cell(r + 1, c + 1);
          return [x.value instanceof Date ? x.value.getTime() : x.value, x.format, x.background, x.note];
        }),
      ),
    );
}

describe('validateData', () => {
  it('lists every data error with sheet, row, column and what is wrong, in one dialog', () => {
    const emu = fixtureEmulator();
    emu.run('validateData');
    expect(emu.ui.dialogs).toHaveLength(1);
    const lines = emu.dialogs.at(-1)!.split('\n');
    expect(lines.slice(1)).toEqual([
      '- Nhiệm vụ, dòng 3, cột «Mã»: mã «NV1» trùng với dòng 2.',
      '- Nhiệm vụ, dòng 4, cột «Lĩnh vực»: lĩnh vực «Văn hoá» không thuộc 7 lĩnh vực cải cách hành chính; hãy chọn trong danh sách.',
      '- Nhiệm vụ, dòng 5, cột «Hạn hoàn thành»: chưa có hạn hoàn thành; nếu là nhiệm vụ thường xuyên, hãy ghi «Thường xuyên».',
      '- Nhiệm vụ, dòng 6, cột «Hạn hoàn thành»: ngày «31/02/2023» không có thật.',
      '- Nhiệm vụ, dòng 6, cột «Email»: «chị» không phải là địa chỉ email.',
      '- Nhiệm vụ, dòng 6, cột «Email»: «Lan» không phải là địa chỉ email.',
      '- Nhiệm vụ, dòng 8, cột «Tiến độ (%)»: tiến độ «120» phải nằm trong khoảng 0–100.',
      '- Nhiệm vụ, dòng 8, cột «Lĩnh vực»: chưa chọn lĩnh vực.',
      '- Chỉ tiêu, dòng 2, cột «So sánh»: phép so sánh «≈» không hợp lệ; dùng ≥, >, ≤, < hoặc =.',
      '- Chỉ tiêu, dòng 3, cột «Tử số»: tử số (5) lớn hơn mẫu số (4).',
      '- Chỉ tiêu, dòng 3, cột «Mã»: mã «CT1» trùng với dòng 2.',
      '- Kỳ báo cáo, dòng 3, cột «Hạn gửi»: chưa nhập hạn gửi.',
      '- Kỳ báo cáo, dòng 3, cột «Mã kỳ»: mã «Q1» trùng với dòng 2.',
      expect.stringMatching(/^- Cấu hình, dòng \d+: Số ngày cảnh báo: giá trị «bảy» không hợp lệ/),
      expect.stringMatching(/^- Cấu hình, dòng \d+: Email nhắc việc: «không-phải-email» không phải là địa chỉ email\.$/),
    ]);
    expect(lines[0]).toBe('Tìm thấy 15 lỗi dữ liệu (Nhiệm vụ: 8, Chỉ tiêu: 3, Kỳ báo cáo: 2, Cấu hình: 2):');
  });

  it('logs the count in Nhật ký and writes nothing else', () => {
    const emu = fixtureEmulator();
    const before = everything(emu);
    const run = emu.run('validateData');
    expect(everything(emu)).toEqual(before);
    for (const m of ['Range.setValues', 'Range.setBackgrounds', 'Range.setNotes']) expect(run.calls.method(m)).toBe(0);
    const log = emu.spreadsheet.getSheetByName(LOG.name)!.getDataRange().getValues();
    expect(log.at(-1)!.slice(2)).toEqual([
      'Kiểm tra dữ liệu',
      'Tìm thấy 15 lỗi dữ liệu (Nhiệm vụ: 8, Chỉ tiêu: 3, Kỳ báo cáo: 2, Cấu hình: 2).',
    ]);
  });

  it('agrees with the status engine: every Lỗi dữ liệu row after a refresh is in the list', () => {
    const emu = fixtureEmulator();
    emu.run('refreshStatuses');
    emu.run('validateData');
    const listed = emu.dialogs.at(-1)!;
    for (const def of [TASKS, INDICATORS, PERIODS]) {
      const values = emu.spreadsheet.getSheetByName(def.name)!.getDataRange().getValues();
      const status = values[0]!.indexOf('Trạng thái');
      values.forEach((r, i) => {
        if (r[status] === 'Lỗi dữ liệu') expect(listed, `${def.name} ${i + 1}`).toContain(`- ${def.name}, dòng ${i + 1}, `);
      });
    }
  });

  it('summarises a long list with a count and says when there is nothing to fix', () => {
    const emu = emulatorWith({
      tasks: Array.from({ length: 45 }, (_, i) => ({
        Mã: `NV${i}`,
        'Lĩnh vực': AREA,
        'Nhiệm vụ': `V${i}`,
        'Hạn hoàn thành': `${i}/13/2023`,
      })),
    });
    emu.run('validateData');
    const lines = emu.dialogs.at(-1)!.split('\n');
    expect(lines[0]).toBe('Tìm thấy 45 lỗi dữ liệu (Nhiệm vụ: 45):');
    expect(lines).toHaveLength(1 + 30 + 1);
    expect(lines.at(-1)).toMatch(/^… và 15 lỗi khác\./);

    const clean = emulatorWith({ tasks: [{ Mã: 'NV1', 'Lĩnh vực': AREA, 'Nhiệm vụ': 'V', 'Hạn hoàn thành': 'Thường xuyên' }] });
    clean.run('validateData');
    expect(clean.dialogs.at(-1)).toMatch(/^Không tìm thấy lỗi dữ liệu nào/);
  });

  it('lists a missing sheet or header and goes on with the other sheets', () => {
    const emu = fixtureEmulator();
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(PERIODS.name)!);
    emu.spreadsheet.getSheetByName(INDICATORS.name)!.setCell(1, 4, 'values', 'So');
    emu.run('validateData');
    const text = emu.dialogs.at(-1)!;
    expect(text).toContain('- Chỉ tiêu: Trang tính «Chỉ tiêu» thiếu cột «So sánh»');
    expect(text).toContain('- Kỳ báo cáo: Không tìm thấy trang tính «Kỳ báo cáo»');
    expect(text).toContain('- Nhiệm vụ, dòng 3, cột «Mã»: mã «NV1» trùng với dòng 2.');
  });

  it('reads each sheet in one block: the same number of calls for 100 and 5,000 rows', () => {
    const counts = [100, 5_000].map((n) => {
      const emu = productEmulator();
      loadWorkbook(emu, generatedWorkbook(n));
      return emu.run('validateData').calls.count('spreadsheet');
    });
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(25);
  });

  it('reads the template without a single error', () => {
    const emu = productEmulator();
    emu.run('setupWorkbook');
    emu.run('loadSamplePlan');
    emu.run('validateData');
    expect(emu.dialogs.at(-1)).toMatch(/^Không tìm thấy lỗi dữ liệu nào/);
  });
});

describe('the checks', () => {
  it('matches an area by number, label or name, in any case and without diacritics', () => {
    for (const s of [
      '3',
      '3.',
      '3. Cải cách thủ tục hành chính',
      'cải cách thủ tục hành chính',
      'CAI CACH THU TUC HANH CHINH',
      ' 3 ',
    ]) {
      expect(matchArea(s), s).toBe(3);
    }
    expect(matchArea('Công tác chỉ đạo, điều hành, thông tin tuyên truyền và kiểm tra cải cách hành chính')).toBe(1);
    AREA_LABELS.forEach((label, i) => expect(matchArea(label)).toBe(i + 1));
    for (const s of ['', '8', '12', '3.5', 'Cải cách', 'Văn hoá', 'cải cách thể chếx']) expect(matchArea(s), s).toBeNull();
  });

  it('accepts addresses, alone or listed, and names each one that is not', () => {
    expect(badAddresses('a@xa.example, b.c@tinh.gov.vn;d@x.vn')).toEqual([]);
    expect(badAddresses('a@xa, @x.vn, chi.lan@, x@y.z.')).toEqual(['a@xa', '@x.vn', 'chi.lan@', 'x@y.z.']);
  });

  it('describes a finding in one Vietnamese line', () => {
    expect(describeFinding({ sheet: 'Nhiệm vụ', row: 4, column: 'Email', message: 'sai.' })).toBe(
      'Nhiệm vụ, dòng 4, cột «Email»: sai.',
    );
    expect(describeFinding({ sheet: 'Cấu hình', row: null, column: null, message: 'thiếu' })).toBe('Cấu hình: thiếu.');
  });
});
