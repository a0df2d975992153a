/**
 * Columns are found by header text, never by position (SPEC §1): case, surrounding spaces and
 * line breaks inside the header cell do not matter; users add and reorder columns; a missing
 * required header is named exactly as the SPEC writes it.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { INDICATORS, PERIODS, type SheetDef, TASKS } from '../src/contract/sheets';
import { locateColumns } from '../src/core/headers';

// Header texts exactly as SPEC §1 lists them (inputs, then computed).
const SPEC_TASKS = [
  'Mã',
  'Lĩnh vực',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Người phụ trách',
  'Email',
  'Hạn hoàn thành',
  'Tiến độ (%)',
  'Ngày hoàn thành',
  'Ghi chú',
  'Kết quả thực hiện',
  'Kỳ báo cáo',
  'Trạng thái',
];
const SPEC_INDICATORS = [
  'Mã',
  'Lĩnh vực',
  'Chỉ tiêu',
  'So sánh',
  'Mục tiêu',
  'Đơn vị tính',
  'Tử số',
  'Mẫu số',
  'Thực hiện',
  'Ghi chú',
  'Kết quả',
  'Trạng thái',
];
const SPEC_PERIODS = [
  'Mã kỳ',
  'Tên kỳ',
  'Hạn gửi',
  'Nhắc trước (ngày)',
  'Từ ngày',
  'Đến ngày',
  'Ngày gửi',
  'Kiến nghị',
  'Trạng thái',
  'Ngày tạo báo cáo',
  'Liên kết báo cáo',
];

const headersOf = (def: SheetDef) => Object.values(def.columns).map((c) => c.header);
const keyOf = (def: SheetDef, header: string) => Object.keys(def.columns).find((k) => def.columns[k]!.header === header)!;

/** What a user might do to a header cell: case, NFD, spaces/NBSP/line breaks around and inside. */
function messUp(header: string, upper: boolean[], inner: string[], pre: string, post: string, nfd: boolean): string {
  const words = header.split(' ');
  let s = words.map((w, i) => w + (i < words.length - 1 ? (inner[i % inner.length] ?? ' ') : '')).join('');
  s = [...s].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');
  s = pre + s + post;
  return nfd ? s.normalize('NFD') : s;
}

describe('the sheet definitions use the SPEC header texts', () => {
  it.each([
    ['Nhiệm vụ', TASKS, SPEC_TASKS],
    ['Chỉ tiêu', INDICATORS, SPEC_INDICATORS],
    ['Kỳ báo cáo', PERIODS, SPEC_PERIODS],
  ] as const)('%s', (name, def, spec) => {
    expect(def.name).toBe(name);
    expect([...headersOf(def)].sort()).toEqual([...spec].sort());
  });

  it('the columns the status rules need are required', () => {
    const required = (def: SheetDef) =>
      Object.values(def.columns)
        .filter((c) => c.required)
        .map((c) => c.header);
    expect(required(TASKS)).toEqual(
      expect.arrayContaining(['Nhiệm vụ', 'Hạn hoàn thành', 'Tiến độ (%)', 'Ngày hoàn thành', 'Trạng thái']),
    );
    expect(required(INDICATORS)).toEqual(
      expect.arrayContaining([
        'Chỉ tiêu',
        'So sánh',
        'Mục tiêu',
        'Đơn vị tính',
        'Tử số',
        'Mẫu số',
        'Thực hiện',
        'Kết quả',
        'Trạng thái',
      ]),
    );
    expect(required(PERIODS)).toEqual(
      expect.arrayContaining(['Mã kỳ', 'Tên kỳ', 'Hạn gửi', 'Trạng thái', 'Ngày tạo báo cáo', 'Liên kết báo cáo']),
    );
    // SPEC: `Từ ngày`, `Đến ngày` are optional.
    expect(PERIODS.columns.from.required).toBe(false);
    expect(PERIODS.columns.to.required).toBe(false);
  });
});

describe('locateColumns', () => {
  it('finds every column in template order', () => {
    const res = locateColumns(TASKS, SPEC_TASKS);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    SPEC_TASKS.forEach((h, i) => expect(res.cols[keyOf(TASKS, h) as keyof typeof res.cols]).toBe(i));
  });

  it('ignores case, surrounding spaces, line breaks and NBSP inside the header, and NFD vs NFC', () => {
    const row = [
      '  MÃ ',
      'lĩnh VỰC',
      'NHIỆM VỤ\n',
      'Đơn vị\nchủ trì',
      'đơn  vị\r\nphối hợp',
      'Người\u00a0phụ\u00a0trách',
      ' email ',
      'Hạn hoàn thành'.normalize('NFD'),
      'Tiến độ\n(%)',
      '\tNgày hoàn thành\t',
      'GHI CHÚ'.normalize('NFD'),
      'trạng thái',
    ];
    const res = locateColumns(TASKS, row);
    expect(res).toEqual({
      ok: true,
      cols: {
        code: 0,
        area: 1,
        name: 2,
        lead: 3,
        partners: 4,
        owner: 5,
        email: 6,
        deadline: 7,
        progress: 8,
        completed: 9,
        note: 10,
        narrative: -1,
        period: -1,
        status: 11,
      },
    });
  });

  it('keeps working with extra user columns and a shuffled order', () => {
    const row = [
      'Cột của tôi',
      'Trạng thái',
      '',
      'Ngày hoàn thành',
      'Nhiệm vụ',
      42,
      null,
      'Tiến độ (%)',
      'Hạn hoàn thành',
      'Ghi chú riêng',
    ];
    const res = locateColumns(TASKS, row);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.cols.status).toBe(1);
    expect(res.cols.completed).toBe(3);
    expect(res.cols.name).toBe(4);
    expect(res.cols.progress).toBe(7);
    expect(res.cols.deadline).toBe(8);
  });

  it('absent optional columns are -1', () => {
    const res = locateColumns(TASKS, ['Nhiệm vụ', 'Hạn hoàn thành', 'Tiến độ (%)', 'Ngày hoàn thành', 'Trạng thái']);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    for (const k of Object.keys(TASKS.columns) as (keyof typeof TASKS.columns)[]) {
      if (!TASKS.columns[k].required) expect(res.cols[k]).toBe(-1);
    }
    const periods = locateColumns(PERIODS, ['Mã kỳ', 'Tên kỳ', 'Hạn gửi', 'Trạng thái', 'Ngày tạo báo cáo', 'Liên kết báo cáo']);
    expect(periods.ok).toBe(true);
    if (periods.ok) {
      expect(periods.cols.from).toBe(-1);
      expect(periods.cols.to).toBe(-1);
      expect(periods.cols.remindDays).toBe(-1);
    }
  });

  it('lists every missing required header by its exact SPEC text', () => {
    const res = locateColumns(TASKS, ['Mã', 'Nhiệm vụ', 'Ghi chú']);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const expected = Object.values(TASKS.columns)
      .filter((c) => c.required && !['Nhiệm vụ'].includes(c.header))
      .map((c) => c.header);
    expect([...res.missing].sort()).toEqual([...expected].sort());
    expect(res.missing).toEqual(expect.arrayContaining(['Hạn hoàn thành', 'Tiến độ (%)', 'Ngày hoàn thành', 'Trạng thái']));
    for (const h of res.missing) expect(SPEC_TASKS).toContain(h);
  });

  it('an empty header row misses all required headers of each sheet', () => {
    for (const [def, spec] of [
      [TASKS, SPEC_TASKS],
      [INDICATORS, SPEC_INDICATORS],
      [PERIODS, SPEC_PERIODS],
    ] as const) {
      const res = locateColumns(def as SheetDef, []);
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      const required = Object.values((def as SheetDef).columns)
        .filter((c) => c.required)
        .map((c) => c.header);
      expect([...res.missing].sort()).toEqual([...required].sort());
      for (const h of res.missing) expect(spec).toContain(h);
    }
  });

  it('a header that is only close is not taken for the real one', () => {
    const res = locateColumns(PERIODS, ['Mã', 'Tên kỳ', 'Hạn gửi báo cáo', 'Trạng thái', 'Ngày tạo báo cáo', 'Liên kết báo cáo']);
    expect(res.ok).toBe(false);
    if (!res.ok) expect([...res.missing].sort()).toEqual(['Hạn gửi', 'Mã kỳ']);
  });

  it('a duplicated header maps to the first (leftmost) one', () => {
    const row = ['Nhiệm vụ', 'Trạng thái', 'Hạn hoàn thành', 'Tiến độ (%)', 'Ngày hoàn thành', 'NHIỆM VỤ', ' trạng thái '];
    const res = locateColumns(TASKS, row);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.cols.name).toBe(0);
    expect(res.cols.status).toBe(1);
  });

  it('property: shuffled, noisy headers plus extra columns map each key to its column', () => {
    for (const [def, spec] of [
      [TASKS, SPEC_TASKS],
      [INDICATORS, SPEC_INDICATORS],
      [PERIODS, SPEC_PERIODS],
    ] as const) {
      const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
      const known = new Set(spec.map(norm));
      const ws = fc
        .array(fc.constantFrom(' ', '\n', '\r\n', '\u00a0', '\t'), { minLength: 1, maxLength: 3 })
        .map((a) => a.join(''));
      const edge = fc.array(fc.constantFrom(' ', '\n', '\u00a0'), { maxLength: 2 }).map((a) => a.join(''));
      const noisy = (h: string) =>
        fc
          .record({
            upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
            inner: fc.array(ws, { minLength: 1, maxLength: 4 }),
            pre: edge,
            post: edge,
            nfd: fc.boolean(),
          })
          .map(({ upper, inner, pre, post, nfd }) => ({ header: h, cell: messUp(h, upper, inner, pre, post, nfd) }));
      const extra = fc
        .oneof(fc.string(), fc.constantFrom('Cột riêng', 'Ghi chú 2', 'Mã số', 'Trạng thái cũ', ''), fc.integer())
        .filter((v) => !known.has(norm(String(v))))
        .map((v) => ({ header: null as string | null, cell: v as unknown }));

      fc.assert(
        fc.property(
          fc.tuple(...spec.map(noisy)),
          fc.array(extra, { maxLength: 6 }),
          fc.array(fc.nat(), { minLength: spec.length + 6, maxLength: spec.length + 6 }),
          (headers, extras, order) => {
            const cells = [...headers, ...extras];
            // A permutation from random sort keys.
            const row = cells
              .map((c, i) => ({ c, k: order[i]! }))
              .sort((a, b) => a.k - b.k)
              .map((x) => x.c);
            const res = locateColumns(
              def as SheetDef,
              row.map((x) => x.cell),
            );
            expect(res.ok).toBe(true);
            if (!res.ok) return;
            for (const h of spec) {
              expect(res.cols[keyOf(def as SheetDef, h)]).toBe(row.findIndex((x) => x.header === h));
            }
          },
        ),
        { numRuns: 60 },
      );
    }
  });
});
