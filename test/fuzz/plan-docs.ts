/**
 * fast-check arbitraries for the plan importer (docs/SPEC.md §8): plan documents as a commune
 * might send them (headings, paragraphs, nested list items, task tables under any of the usual
 * headers, the header and signature, the reporting clause) mixed with hostile text (formula-like
 * `=…`, HTML, 10,000-character paragraphs, NFD Vietnamese, emoji) and empty documents; how the
 * user names the document to `importPlan`; what the user does to the review sheet before
 * `confirmImport`.
 */
import fc from 'fast-check';
import type { Block } from '../../src/core/import/blocks';
import { HOSTILE_TEXT } from './arbitraries';

const nfd = (s: string) => s.normalize('NFD');

const SECTIONS = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'II. NHIỆM VỤ, GIẢI PHÁP',
  'II. NHIỆM VỤ TRỌNG TÂM',
  '1. Cải cách thể chế',
  '2. Cải cách thủ tục hành chính',
  '3. Cải cách tổ chức bộ máy hành chính nhà nước',
  '4. Cải cách chế độ công vụ',
  '5. Cải cách tài chính công',
  '6. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
  'Công tác chỉ đạo, điều hành',
  'Công tác tuyên truyền',
  'III. TỔ CHỨC THỰC HIỆN',
  'PHỤ LỤC NHIỆM VỤ',
  'Chuyển đổi số',
];

const TASK_LINES = [
  'Rà soát văn bản quy phạm pháp luật do xã ban hành (Quý II/2023).',
  'Tổ chức tuyên truyền về cải cách hành chính, thường xuyên.',
  'Công chức Văn phòng - Thống kê chủ trì, phối hợp với Công an xã thực hiện trước ngày 15/12/2023.',
  'Giao Công chức Tư pháp - Hộ tịch cập nhật thủ tục hành chính trong tháng 6.',
  'Kiểm tra công tác cải cách hành chính năm 2023.',
  'Đánh giá mức độ hài lòng của người dân 6 tháng đầu năm.',
  'Niêm yết công khai thủ tục hành chính trước 25/5.',
];

const INDICATOR_LINES = [
  '100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.',
  'Trên 99% văn bản được ký số.',
  'Tối thiểu 60% hồ sơ được nộp trực tuyến.',
  'Tỷ lệ hài lòng từ 90% trở lên.',
  'Không quá 2% hồ sơ trễ hạn.',
  'Chỉ số cải cách hành chính tăng 2 bậc.',
  'Tỷ lệ hồ sơ trực tuyến toàn trình và một phần tương ứng là 60%, 55%.',
];

const HEADER_LINES = [
  'ỦY BAN NHÂN DÂN HUYỆN MỸ ĐỨC',
  'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN',
  'Số: 12/KH-UBND',
  'Tú Xuyên, ngày 10 tháng 01 năm 2023',
  'KẾ HOẠCH Cải cách hành chính năm 2023',
  'Căn cứ Kế hoạch số 25/KH-UBND ngày 05/01/2023 của UBND huyện',
  'CHỦ TỊCH',
  'Hoàng Thị Hoàn',
  'Nơi nhận:',
  'Báo cáo quý I trước ngày 15/3, báo cáo 6 tháng trước 15/6, báo cáo năm trước ngày 20/11.',
  'Định kỳ báo cáo kết quả về UBND huyện (báo cáo quý I: gửi trước ngày 25/02/2023; báo cáo 6 tháng: gửi trước ngày 25/5/2023; báo cáo Quý III: gửi trước ngày 25/8/2023; báo cáo năm: gửi trước ngày 20/11/2023).',
  'Báo cáo năm: trước 20/11',
];

const EXTRA_TEXT = [
  '📌 Việc gấp 🚀 (Quý III)',
  '👨‍👩‍👧 Tổ công tác',
  '<b>Rà soát</b> <i>thủ tục</i>',
  '<table><tr><td>x</td></tr></table>',
  '= 100% hồ sơ',
  '=SUM(A1:A9) trong tháng 6',
  '2023',
  '15/12/2023',
  'TRUE',
  '#REF!',
  '50%',
  '',
  ' ',
  '\t',
  'x'.repeat(10_000),
  `Rà soát ${'thủ tục hành chính '.repeat(600)}`.slice(0, 10_000),
  nfd('ệ').repeat(3_334),
];

const variants = (s: string) => fc.constantFrom(s, nfd(s), s.toUpperCase(), `  ${s}  `);

/** One line of a plan: mostly plausible, sometimes hostile, sometimes a plausible line with hostile text around it. */
export const planText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TASK_LINES, ...INDICATOR_LINES).chain(variants) },
  { weight: 1, arbitrary: fc.constantFrom(...SECTIONS, ...HEADER_LINES).chain(variants) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT, ...EXTRA_TEXT) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_TEXT, '- ', '+ ', 'a) '), fc.constantFrom(...TASK_LINES, ...INDICATOR_LINES))
      .map(([a, b]) => `${a}${b}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

const TABLE_HEADERS = [
  ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'],
  ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian'],
  ['Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn'],
  ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Đơn vị tính'],
  ['Cột 1', 'Cột 2'],
];

const cell = fc.oneof(
  { weight: 3, arbitrary: planText },
  {
    weight: 2,
    arbitrary: fc.constantFrom('1', '2', 'Văn phòng HĐND và UBND', 'Công an xã', 'Quý IV/2023', 'Thường xuyên', 'Kế hoạch', ''),
  },
);

const tableBlock: fc.Arbitrary<Block> = fc
  .tuple(
    fc.constantFrom(...TABLE_HEADERS).chain((h) =>
      fc.constantFrom(
        h,
        h.map(nfd),
        h.map((x) => x.toUpperCase()),
      ),
    ),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 6 }),
  )
  .map(([header, rows]) => ({ kind: 'table', rows: [header, ...rows] }));

export const planBlock: fc.Arbitrary<Block> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...SECTIONS).chain(variants), fc.integer({ min: 1, max: 6 }))
      .map(([text, heading]): Block => ({ kind: 'paragraph', text, heading, list: null })),
  },
  { weight: 3, arbitrary: planText.map((text): Block => ({ kind: 'paragraph', text, heading: 0, list: null })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(planText, fc.integer({ min: 0, max: 8 }))
      .map(([text, list]): Block => ({ kind: 'paragraph', text, heading: 0, list })),
  },
  { weight: 1, arbitrary: tableBlock },
);

/** A plan's Google Doc: its name and its blocks (an empty document now and then). */
export interface PlanDocSpec {
  name: string;
  blocks: Block[];
}

export const planDoc: fc.Arbitrary<PlanDocSpec> = fc.record({
  name: fc.constantFrom('Kế hoạch CCHC 2023', nfd('Kế hoạch cải cách hành chính'), 'KH 12 📄', '=1+1', '<b>kế hoạch</b>'),
  blocks: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Block[]>([]) },
    {
      weight: 6,
      // Most plans open with a task section, so that there is something to import.
      arbitrary: fc
        .tuple(fc.boolean(), fc.array(planBlock, { maxLength: 18 }))
        .map(([section, blocks]) => [
          ...(section ? [{ kind: 'paragraph', text: 'II. NHIỆM VỤ, GIẢI PHÁP', heading: 0, list: null } as Block] : []),
          ...blocks,
        ]),
    },
  ),
});

/**
 * How the user names the document: its id or its link (the document exists), an id nothing in
 * Drive has, a Word file, another kind of file, text that is no link at all.
 */
export type DocTarget = 'id' | 'link' | 'missing' | 'word' | 'pdf' | 'not a link';

export interface ImportSpec {
  target: DocTarget;
  doc: PlanDocSpec;
}

export const importSpec: fc.Arbitrary<ImportSpec> = fc.record({
  target: fc.constantFrom<DocTarget>('id', 'id', 'id', 'link', 'missing', 'word', 'pdf', 'not a link'),
  doc: planDoc,
});

/** What the user does to `Nhập kế hoạch` before confirming: untick some rows, retype a cell. */
export interface ReviewSpec {
  /** Data rows (1-based, modulo the rows there are) whose `Nhập` box the user unticks. */
  untick: number[];
  /** A cell the user retypes: data row (modulo), a review column by header, the new text. */
  retype: { row: number; header: string; value: string } | null;
}

export const reviewSpec: fc.Arbitrary<ReviewSpec> = fc.record({
  untick: fc.array(fc.nat(40), { maxLength: 4 }),
  retype: fc.option(
    fc.record({
      row: fc.nat(40),
      header: fc.constantFrom('Loại', 'Lĩnh vực', 'Nội dung', 'Hạn hoàn thành', 'Mục tiêu', 'Đơn vị chủ trì', 'Nhập', 'Đã nhập'),
      value: fc.oneof(
        planText,
        fc.constantFrom('Nhiệm vụ', 'Chỉ tiêu', 'Kỳ báo cáo', 'Cấu hình', '3. Cải cách thủ tục hành chính', 'Năm kế hoạch: 2024'),
        fc.constantFrom('Q5: Quý V năm 2023', 'Người ký: =1+1', '100', 'NV1.01'),
      ),
    }),
    { freq: 2 },
  ),
});
