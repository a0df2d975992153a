/**
 * The `Cấu hình` sheet (SPEC §1): label in column A, value in column B. Labels are matched like
 * headers (case, spaces, line breaks); `Số ngày cảnh báo` defaults to 7; `Nơi nhận` is one
 * recipient per line; `Email nhắc việc` is a comma-separated list.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CONFIG_LABELS } from '../src/contract/settings';
import { parseConfig } from '../src/core/config';

// Labels exactly as SPEC §1 lists them.
const SPEC_LABELS = [
  'Cơ quan chủ quản',
  'Cơ quan ban hành',
  'Ký hiệu cơ quan',
  'Địa danh',
  'Năm kế hoạch',
  'Thẩm quyền ký',
  'Chức vụ người ký',
  'Người ký',
  'Nơi nhận',
  'Số ngày cảnh báo',
  'Email nhắc việc',
  'Thư mục báo cáo',
  'Mẫu báo cáo',
  'Căn cứ kế hoạch',
];

const TU_XUYEN: [string, unknown][] = [
  ['Cơ quan chủ quản', 'UBND HUYỆN VĂN QUAN'],
  ['Cơ quan ban hành', 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN'],
  ['Ký hiệu cơ quan', 'UBND'],
  ['Địa danh', 'Tú Xuyên'],
  ['Năm kế hoạch', 2023],
  ['Thẩm quyền ký', 'TM. ỦY BAN NHÂN DÂN'],
  ['Chức vụ người ký', 'CHỦ TỊCH'],
  ['Người ký', 'Hoàng Thị Hoàn'],
  ['Nơi nhận', '- Phòng Nội vụ;\n- TT HĐND xã;\n- Lưu: VT.'],
  ['Số ngày cảnh báo', 7],
  ['Email nhắc việc', 'vanphong@tuxuyen.gov.vn, chutich@tuxuyen.gov.vn'],
  ['Thư mục báo cáo', ''],
];

describe('parseConfig', () => {
  it('knows every label of the SPEC', () => {
    expect([...Object.values(CONFIG_LABELS)].sort()).toEqual([...SPEC_LABELS].sort());
  });

  it('reads the Tú Xuyên settings', () => {
    const { config, problems } = parseConfig(TU_XUYEN);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      superior: 'UBND HUYỆN VĂN QUAN',
      issuer: 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN',
      abbreviation: 'UBND',
      place: 'Tú Xuyên',
      year: 2023,
      signAuthority: 'TM. ỦY BAN NHÂN DÂN',
      signerTitle: 'CHỦ TỊCH',
      signer: 'Hoàng Thị Hoàn',
      recipients: ['- Phòng Nội vụ;', '- TT HĐND xã;', '- Lưu: VT.'],
      warningDays: 7,
      reminderEmails: ['vanphong@tuxuyen.gov.vn', 'chutich@tuxuyen.gov.vn'],
      reportFolder: '',
      reportTemplate: '',
      planBasis: '',
    });
  });

  it('matches labels ignoring case, surrounding spaces, line breaks, NBSP and NFD', () => {
    const rows: [string, unknown][] = [
      ['  năm KẾ HOẠCH ', '2024'],
      ['SỐ NGÀY\nCẢNH BÁO', 10],
      ['địa\u00a0danh', 'Văn Quan'],
      ['Người ký'.normalize('NFD'), 'Nguyễn Văn A'],
      ['\tcơ quan ban hành\t', 'UBND XÃ X'],
    ];
    const { config, problems } = parseConfig(rows);
    expect(problems).toEqual([]);
    expect(config.year).toBe(2024);
    expect(config.warningDays).toBe(10);
    expect(config.place).toBe('Văn Quan');
    expect(config.signer).toBe('Nguyễn Văn A');
    expect(config.issuer).toBe('UBND XÃ X');
  });

  it('property: any case/whitespace noise on a label still finds it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(' ', '  ', '\n', '\u00a0', '\r\n'),
        fc.constantFrom('', ' ', '\n '),
        fc.boolean(),
        fc.integer({ min: 0, max: 365 }),
        (upper, inner, edge, nfd, w) => {
          let label = [...'Số ngày cảnh báo']
            .map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase()))
            .join('');
          label = edge + label.split(' ').join(inner) + edge;
          const { config, problems } = parseConfig([
            ['Tiêu đề', 'Giá trị'],
            [nfd ? label.normalize('NFD') : label, w],
          ]);
          expect(problems).toEqual([]);
          expect(config.warningDays).toBe(w);
        },
      ),
    );
  });

  it('defaults: Số ngày cảnh báo 7, blanks elsewhere, no problems', () => {
    for (const rows of [[], [['Số ngày cảnh báo', '']], [['Số ngày cảnh báo', '   ']], [['Số ngày cảnh báo']]] as unknown[][][]) {
      const { config, problems } = parseConfig(rows);
      expect(problems).toEqual([]);
      expect(config.warningDays).toBe(7);
      expect(config.year).toBeNull();
      expect(config.recipients).toEqual([]);
      expect(config.reminderEmails).toEqual([]);
      expect(config.superior).toBe('');
      expect(config.reportFolder).toBe('');
    }
  });

  it('`Cơ quan chủ quản` may be blank, or a province (two-level government)', () => {
    expect(parseConfig([['Cơ quan chủ quản', '']]).config.superior).toBe('');
    expect(parseConfig([['Cơ quan chủ quản', 'UBND TỈNH LẠNG SƠN']]).config.superior).toBe('UBND TỈNH LẠNG SƠN');
  });

  it('reads numbers written as text', () => {
    const { config, problems } = parseConfig([
      ['Năm kế hoạch', ' 2025 '],
      ['Số ngày cảnh báo', '14'],
    ]);
    expect(problems).toEqual([]);
    expect(config.year).toBe(2025);
    expect(config.warningDays).toBe(14);
    expect(parseConfig([['Số ngày cảnh báo', 0]]).config.warningDays).toBe(0);
  });

  it('a bad Số ngày cảnh báo gives a problem naming the label and its row, and falls back to 7', () => {
    for (const bad of ['bảy', 'abc', -1, 2.5, '7 ngày', true]) {
      const rows: unknown[][] = [
        ['Tham số', 'Giá trị'],
        ['Năm kế hoạch', 2023],
        ['Số ngày cảnh báo', bad],
      ];
      const { config, problems } = parseConfig(rows);
      expect(config.warningDays, String(bad)).toBe(7);
      expect(config.year).toBe(2023);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.row).toBe(3);
      expect(problems[0]!.column).toContain('Số ngày cảnh báo');
      expect(problems[0]!.message).toContain(String(bad));
    }
  });

  it('a bad Năm kế hoạch gives a problem naming the label and its row, and is left unset', () => {
    for (const bad of ['năm nay', 'abc', 2023.5]) {
      const { config, problems } = parseConfig([
        ['Địa danh', 'Tú Xuyên'],
        ['Cơ quan ban hành', 'UBND'],
        ['Năm kế hoạch', bad],
      ]);
      expect(config.year, String(bad)).toBeNull();
      expect(config.place).toBe('Tú Xuyên');
      expect(problems).toHaveLength(1);
      expect(problems[0]!.row).toBe(3);
      expect(problems[0]!.column).toContain('Năm kế hoạch');
    }
  });

  it('two bad values give two problems, each on its own row', () => {
    const { problems } = parseConfig([
      ['Số ngày cảnh báo', 'x'],
      ['Năm kế hoạch', 'y'],
    ]);
    expect(
      problems
        .map((p) => [p.row, p.column.includes('Số ngày cảnh báo') ? 'W' : p.column.includes('Năm kế hoạch') ? 'Y' : '?'])
        .sort(),
    ).toEqual([
      [1, 'W'],
      [2, 'Y'],
    ]);
  });

  it('Nơi nhận: one recipient per line, blank lines and surrounding spaces dropped', () => {
    const { config } = parseConfig([['Nơi nhận', '  - Phòng Nội vụ;\r\n\n- UBND huyện;  \n   \n- Lưu: VT.\n']]);
    expect(config.recipients).toEqual(['- Phòng Nội vụ;', '- UBND huyện;', '- Lưu: VT.']);
  });

  it('Email nhắc việc: split on commas and semicolons, spaces dropped', () => {
    expect(parseConfig([['Email nhắc việc', 'a@x.vn,b@y.vn']]).config.reminderEmails).toEqual(['a@x.vn', 'b@y.vn']);
    expect(parseConfig([['Email nhắc việc', ' a@x.vn ; b@y.vn ,c@z.vn ']]).config.reminderEmails).toEqual([
      'a@x.vn',
      'b@y.vn',
      'c@z.vn',
    ]);
    expect(parseConfig([['Email nhắc việc', 'a@x.vn;;, b@y.vn,']]).config.reminderEmails).toEqual(['a@x.vn', 'b@y.vn']);
    expect(parseConfig([['Email nhắc việc', 'a@x.vn']]).config.reminderEmails).toEqual(['a@x.vn']);
  });

  it('property: any list of addresses joined by , or ; reads back', () => {
    const address = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/), fc.stringMatching(/^[a-z]{1,8}\.(vn|gov\.vn|com)$/))
      .map(([u, d]) => `${u}@${d}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(address, fc.constantFrom(',', ';', ', ', ' ; ', ',\n')), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const text = parts.map(([a, sep], i) => a + (i < parts.length - 1 ? sep : '')).join('');
          expect(parseConfig([['Email nhắc việc', text]]).config.reminderEmails).toEqual(parts.map(([a]) => a));
        },
      ),
    );
  });

  it('unknown labels are ignored; the first of a repeated label wins', () => {
    const { config, problems } = parseConfig([
      ['Ghi chú của văn phòng', 'bất kỳ'],
      ['Người ký', 'Người thứ nhất'],
      ['Người ký', 'Người thứ hai'],
      ['', 'giá trị không nhãn'],
    ]);
    expect(problems).toEqual([]);
    expect(config.signer).toBe('Người thứ nhất');
  });

  it('never throws on odd cells', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...SPEC_LABELS), fc.string(), fc.integer()),
            fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true })),
          ),
        ),
        (rows) => {
          const { config, problems } = parseConfig(rows);
          expect(Number.isInteger(config.warningDays) && config.warningDays >= 0).toBe(true);
          for (const p of problems)
            expect(p.row === null || (Number.isInteger(p.row) && p.row >= 1 && p.row <= rows.length)).toBe(true);
        },
      ),
    );
  });
});
