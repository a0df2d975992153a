/**
 * The plan importer's pure core (docs/SPEC.md §8): time expressions, targets, areas, bodies, the
 * reporting clause and the parser on documents it has never seen. Expected days come from
 * Date.UTC, never from the functions under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaByMeaning } from '../src/core/import/areas';
import { type Block, paragraph, table } from '../src/core/import/blocks';
import { bodiesInText } from '../src/core/import/bodies';
import { findTargets, readIndicators } from '../src/core/import/indicators';
import { parsePlan } from '../src/core/import/parse';
import { readPeriods, withoutSchedule } from '../src/core/import/periods';
import { deadlineInText, parseTimeText, showDeadline } from '../src/core/import/time';

const day = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
const lastOfMonth = (y: number, m: number) => day(y, m + 1, 1) - 1;
const ROMAN = ['I', 'II', 'III', 'IV'];
const year = fc.integer({ min: 2000, max: 2099 });

describe('time expressions', () => {
  it('a quarter ends on its last day, in any writing', () => {
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('Quý %q/%y', 'quý %q năm %y', 'QUÝ %q - %y', 'Trong Quý %q/%y'),
        (y, q, form) => {
          const text = form.replace('%q', ROMAN[q - 1]!).replace('%y', String(y));
          expect(parseTimeText(text, 2023)?.deadline).toBe(lastOfMonth(y, q * 3));
        },
      ),
    );
  });

  it('a month ends on its last day; a date is that day; no year means the plan year', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(parseTimeText(`tháng ${m}/${y}`, 2023)?.deadline).toBe(lastOfMonth(y, m));
        expect(parseTimeText(`Trong tháng ${m}`, y)?.deadline).toBe(lastOfMonth(y, m));
        expect(parseTimeText(`Trước ngày ${d}/${m}/${y}`, 2023)?.deadline).toBe(day(y, m, d));
        expect(parseTimeText(`trước ${d}/${m}`, y)?.deadline).toBe(day(y, m, d));
        expect(parseTimeText(`ngày ${d} tháng ${m} năm ${y}`, 2023)?.deadline).toBe(day(y, m, d));
      }),
    );
  });

  it('reads continuous, half-year, whole-year and range forms', () => {
    for (const t of ['Thường xuyên', 'THƯỜNG XUYÊN', 'thuong xuyen', 'Hằng năm'])
      expect(parseTimeText(t, 2026)?.deadline).toBe('continuous');
    expect(parseTimeText('6 tháng đầu năm', 2026)?.deadline).toBe(day(2026, 6, 30));
    expect(parseTimeText('Năm 2026', 2025)?.deadline).toBe(day(2026, 12, 31));
    expect(parseTimeText('Cả năm', 2026)?.deadline).toBe(day(2026, 12, 31));
    expect(parseTimeText('Tháng 3-6/2026', 2026)).toEqual({ deadline: day(2026, 6, 30), doubt: '' });
    expect(parseTimeText('Quý I, II/2026', 2026)?.deadline).toBe(day(2026, 6, 30));
    expect(parseTimeText('Quý II/2027', 2026)?.doubt).toMatch(/năm 2027/);
    expect(parseTimeText('giai đoạn sau', 2026)).toBeNull();
    expect(showDeadline(day(2026, 3, 5))).toBe('05/03/2026');
  });

  it('takes a deadline from running text only where the text sets one', () => {
    expect(deadlineInText('Ban hành kế hoạch (hoàn thành trong Quý I/2026).', 2026)?.deadline).toBe(day(2026, 3, 31));
    expect(deadlineInText('Rà soát văn bản; thời gian hoàn thành: tháng 9/2026.', 2026)?.deadline).toBe(day(2026, 9, 30));
    expect(deadlineInText('gửi kết quả trước 15/6.', 2026)?.deadline).toBe(day(2026, 6, 15));
    // A year named in passing is not a deadline.
    expect(deadlineInText('Xây dựng kế hoạch kiểm soát TTHC năm 2023;', 2023)).toBeNull();
    expect(deadlineInText('bảo đảm các nội dung thực hiện trong năm 2023 hoàn thành theo đúng tiến độ.', 2023)).toBeNull();
    expect(deadlineInText('Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng', 2023)).toBeNull();
  });
});

describe('targets', () => {
  const PHRASES: [string, string][] = [
    ['%p% hồ sơ', '≥'],
    ['đạt tối thiểu %p%', '≥'],
    ['ít nhất %p%', '≥'],
    ['từ %p% trở lên', '≥'],
    ['trên %p%', '>'],
    ['không quá %p%', '≤'],
    ['dưới %p%', '<'],
  ];

  it('reads comparator and percent target from every phrase', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.constantFrom(...PHRASES), (p, [phrase, comparator]) => {
        const text = `Tỷ lệ hồ sơ ${phrase.replace('%p', String(p))} được giải quyết đúng hạn`;
        const [t, ...more] = findTargets(text);
        expect(more).toEqual([]);
        expect(t).toMatchObject({ comparator, target: p, unit: '%' });
      }),
    );
  });

  it('two targets in one sentence make two indicators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (a, b) => {
        const got = readIndicators(`Số hóa kết quả giải quyết TTHC đạt tỷ lệ tối thiểu tương ứng là ${a}%, ${b}%`, 2023);
        expect(got.map((g) => [g.comparator, g.target])).toEqual([
          ['≥', a],
          ['≥', b],
        ]);
        expect(got[0]!.doubt).not.toBe('');
      }),
    );
    const split = readIndicators('Cắt giảm tối thiểu 20% số quy định và cắt giảm tối thiểu 25% chi phí tuân thủ.', 2023);
    expect(split.map((s) => [s.text, s.target])).toEqual([
      ['Cắt giảm tối thiểu 20% số quy định', 20],
      ['cắt giảm tối thiểu 25% chi phí tuân thủ.', 25],
    ]);
  });

  it('reads counted targets and leaves references alone', () => {
    expect(findTargets('Chỉ số CCHC tăng từ 4 bậc trở lên')).toMatchObject([{ comparator: '≥', target: 4, unit: 'bậc' }]);
    expect(findTargets('Tổ chức ít nhất 02 lớp tập huấn')).toMatchObject([{ comparator: '≥', target: 2, unit: 'lớp' }]);
    expect(findTargets('theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018')).toEqual([]);
    expect(findTargets('cắt giảm tối thiểu 30% thời gian đối với TTHC có thời hạn từ 03 ngày trở lên')).toMatchObject([
      { target: 30, unit: '%' },
    ]);
  });

  it('leaves out a target for a later year and says so', () => {
    const got = readIndicators('Đạt tối thiểu 60%; đảm bảo lộ trình đến năm 2025, 100% hồ sơ được số hóa.', 2023);
    expect(got.map((g) => g.target)).toEqual([60]);
    expect(got[0]!.doubt).toMatch(/2025/);
  });
});

describe('areas, bodies, reporting clause', () => {
  it('matches areas by meaning', () => {
    expect(areaByMeaning('1. Công tác chỉ đạo, điều hành, thông tin tuyên truyền và kiểm tra CCHC')).toBe(1);
    expect(areaByMeaning('II. CẢI CÁCH THỂ CHẾ')).toBe(2);
    expect(areaByMeaning('3.2. Nhiệm vụ cải cách thủ tục hành chính')).toBe(3);
    expect(areaByMeaning('Cải cách tổ chức bộ máy hành chính nhà nước')).toBe(4);
    expect(areaByMeaning('Cải cách chế độ công vụ')).toBe(5);
    expect(areaByMeaning('Cải cách tài chính công')).toBe(6);
    expect(areaByMeaning('Đẩy mạnh chuyển đổi số')).toBe(7);
    expect(areaByMeaning('Văn phòng thống kê xã')).toBeNull();
  });

  it('finds lead and partners in a sentence', () => {
    expect(bodiesInText('Văn phòng HĐND và UBND chủ trì, phối hợp với Công chức Tư pháp thực hiện rà soát.')).toEqual({
      lead: 'Văn phòng HĐND và UBND',
      partners: 'Công chức Tư pháp',
    });
    expect(bodiesInText('Giao Phòng Nội vụ tham mưu tổ chức kiểm tra.').lead).toBe('Phòng Nội vụ');
    expect(bodiesInText('các nhiệm vụ CCHC trọng tâm được giao chủ trì năm 2023').lead).toBe('');
  });

  it('reads the reporting clause and takes it out of the task', () => {
    const text =
      'Xây dựng kế hoạch; định kỳ báo cáo kết quả theo quy định. (báo cáo quý I: gửi trước ngày 25/02/2023; báo cáo 6 tháng: gửi trước ngày 25/5/2023; báo cáo Quý III: gửi trước ngày 25/8/2023; báo cáo năm: gửi trước ngày 20/11/2023).';
    expect(readPeriods(text, 2023).map((p) => [p.code, showDeadline(p.due)])).toEqual([
      ['Q1', '25/02/2023'],
      ['H1', '25/05/2023'],
      ['Q3', '25/08/2023'],
      ['NAM', '20/11/2023'],
    ]);
    expect(withoutSchedule(text)).toBe('Xây dựng kế hoạch');
  });
});

describe('parsePlan', () => {
  it('reads list items under task sections, indicators, a task table, settings', () => {
    const blocks: Block[] = [
      paragraph('ỦY BAN NHÂN DÂN TỈNH A\nỦY BAN NHÂN DÂN XÃ B\nSố: 5/KH-UBND'),
      paragraph('B, ngày 02 tháng 01 năm 2026'),
      paragraph('KẾ HOẠCH'),
      paragraph('Cải cách hành chính năm 2026'),
      paragraph('I. NHIỆM VỤ'),
      paragraph('1. Cải cách thể chế'),
      paragraph('Rà soát văn bản quy phạm pháp luật (Quý II/2026).', 0, 0),
      paragraph('2. Chỉ tiêu', 0, null),
      paragraph('Trên 98% hồ sơ TTHC được giải quyết đúng hạn.', 0, 0),
      paragraph('PHỤ LỤC'),
      table([
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian'],
        ['I', 'CẢI CÁCH TÀI CHÍNH CÔNG', '', '', ''],
        ['1', 'Công khai ngân sách', 'Kế toán', 'Văn phòng', 'Tháng 6/2026'],
      ]),
    ];
    const { year, items } = parsePlan(blocks);
    expect(year).toBe(2026);
    const rows = items.map((i) => [
      i.kind,
      i.area.slice(0, 2),
      i.content,
      i.deadline,
      i.lead,
      i.partners,
      i.comparator,
      i.target,
    ]);
    expect(rows.filter((r) => r[0] !== 'Cấu hình')).toEqual([
      ['Nhiệm vụ', '2.', 'Rà soát văn bản quy phạm pháp luật (Quý II/2026).', '30/06/2026', 'UBND xã', '', '', ''],
      ['Chỉ tiêu', '3.', 'Trên 98% hồ sơ TTHC được giải quyết đúng hạn.', '', '', '', '>', 98],
      ['Nhiệm vụ', '6.', 'Công khai ngân sách', '30/06/2026', 'Kế toán', 'Văn phòng', '', ''],
    ]);
    const settings = Object.fromEntries(items.filter((i) => i.kind === 'Cấu hình').map((i) => [i.content, i.value]));
    expect(settings).toMatchObject({
      'Cơ quan chủ quản': 'ỦY BAN NHÂN DÂN TỈNH A',
      'Cơ quan ban hành': 'ỦY BAN NHÂN DÂN XÃ B',
      'Ký hiệu cơ quan': 'UBND',
      'Địa danh': 'B',
      'Năm kế hoạch': 2026,
      'Căn cứ kế hoạch': 'Kế hoạch số 5/KH-UBND ngày 2/1/2026 của UBND xã B',
    });
  });

  it('never throws on arbitrary documents, and every item is well formed', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        'I. NHIỆM VỤ',
        'a) Chỉ tiêu:',
        '- 100% hồ sơ',
        'Quý V/20',
        'trước ngày 31/02',
        'Nơi nhận:',
        'KẾ HOẠCH',
        '+ ',
        '(báo cáo năm: trước 99/99)',
      ),
    );
    const block = fc.oneof(
      fc.record({
        kind: fc.constant('paragraph' as const),
        text,
        heading: fc.integer({ min: 0, max: 6 }),
        list: fc.option(fc.integer({ min: 0, max: 3 })),
      }),
      fc.record({ kind: fc.constant('table' as const), rows: fc.array(fc.array(text, { maxLength: 5 }), { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        const { items } = parsePlan(blocks);
        for (const i of items) {
          expect(['Nhiệm vụ', 'Chỉ tiêu', 'Kỳ báo cáo', 'Cấu hình']).toContain(i.kind);
          if (i.kind === 'Nhiệm vụ') expect(i.deadline).toMatch(/^(Thường xuyên|\d{2}\/\d{2}\/\d{4})$/);
          if (i.kind === 'Chỉ tiêu') expect(Number.isFinite(i.target)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
