/**
 * fast-check arbitraries for whole workbooks as users leave them: headers shuffled and renamed by
 * case, spaces and line breaks, users' own columns, blank and half-filled rows, every date and
 * percent form, text in number columns, huge and negative numbers, 10,000-character cells,
 * Vietnamese in NFC and NFD, emoji, formula-like text, formulas, user formatting and notes.
 */
import fc from 'fast-check';
import { CONFIG_LABELS } from '../../src/contract/settings';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, type SheetDef, TASKS } from '../../src/contract/sheets';
import { STATUS } from '../../src/contract/status';
import type { CellSpec, ChipSpec, ColumnSpec, SheetSpec, ValueSpec, WorkbookSpec } from './workbook';

const nfd = (s: string) => s.normalize('NFD');
const pad = (n: number) => String(n).padStart(2, '0');

const VIETNAMESE = [
  'Nhiệm vụ',
  'Rà soát, đánh giá thủ tục hành chính',
  'Văn phòng HĐND và UBND',
  'Công chức Tư pháp - Hộ tịch',
  'Tú Xuyên',
  'Ủy ban nhân dân xã',
  'Đạt',
  'Quá hạn',
  'Hoàng Thị Hoàn',
  'Chính quyền số',
];

/** Text that must reach the sheet, a note, a log line, a mail or a document as text and nothing else. */
export const HOSTILE_TEXT = [
  '=1+1',
  '=HYPERLINK("https://evil.example";"bấm vào đây")',
  '=IMPORTXML("https://evil.example";"//a")',
  '+84 912 345 678',
  '+SUM(1;2)',
  '-',
  '- Phòng Nội vụ',
  '-1+2',
  '@mention',
  "'=1+1",
  '<b>đậm</b>',
  '<script>alert(1)</script>',
  '<a href="https://evil.example">bấm</a>',
  'a & b < c > d',
  '{{name}}',
  'https://evil.example/x',
  'javascript:alert(1)',
];

/**
 * Long cells, up to Sheets' 50,000 characters (a longer cell cannot be stored): near the limit,
 * any text that quotes them whole would overflow the cell it is written to.
 */
const LONG_TEXT = [
  'Nhiệm vụ rất dài '.repeat(600).slice(0, 10_000),
  'x'.repeat(10_000),
  nfd('ệ').repeat(3_334),
  'a@'.repeat(24_999),
  'Tên người phụ trách '.repeat(2_500),
  'y'.repeat(50_000),
];

const variantsOf = (s: string) => fc.constantFrom(s, nfd(s), s.toUpperCase(), ` ${s} `, s.toLowerCase());

const textValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VIETNAMESE).chain(variantsOf) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom('📌 Việc gấp 🚀', '👨‍👩‍👧 Tổ công tác', '🇻🇳') },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\u00a0', '\t ') },
);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Calendar days, mostly around the 2023 plan, sometimes far away. */
const dayValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.date({ min: new Date('2022-06-01'), max: new Date('2024-06-30'), noInvalidDate: true }).map(isoDay),
  },
  {
    weight: 1,
    arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map(isoDay),
  },
);

/** Dates as text in the accepted forms and in forms that must be refused (31/02, 13th month, …). */
const dateText = fc
  .tuple(
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 13 }),
    fc.oneof(fc.integer({ min: 2022, max: 2024 }), fc.integer({ min: 1, max: 9999 })),
  )
  .chain(([d, m, y]) =>
    fc.constantFrom(
      `${pad(d)}/${pad(m)}/${y}`,
      `${d}/${m}/${y}`,
      `${y}-${pad(m)}-${pad(d)}`,
      ` ${d}/${m}/${y} `,
      `${d}-${m}-${y}`,
      `${d}.${m}.${y}`,
      `${pad(d)}/${pad(m)}/${String(y).slice(-2)}`,
    ),
  );

const CONTINUOUS = [
  'Thường xuyên',
  'thường xuyên',
  'THƯỜNG XUYÊN',
  'Thuong xuyen',
  nfd('Thường xuyên'),
  '  thường   xuyên ',
  'Thường\nxuyên',
];

const dateValue: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 6, arbitrary: dayValue.map((day) => ({ day })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2999-12-31') }).map((instant) => ({ instant })),
  },
  { weight: 3, arbitrary: dateText },
  { weight: 1, arbitrary: fc.constantFrom(...CONTINUOUS) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 80_000 }) },
  { weight: 1, arbitrary: textValue },
);

const deadlineValue: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: dateValue },
  { weight: 1, arbitrary: fc.constantFrom(...CONTINUOUS) },
);

const plainNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 100, 1e308, -1e308, 5e-324, 0.1 + 0.2, 66.665, 1.005, 99.995, 2 ** 53, 1e21) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const NUMBER_TEXT = [
  '50%',
  '50 %',
  ' 7 ',
  '1.234,5',
  '1,234.5',
  '12,5',
  '-3',
  '+3',
  'năm mươi',
  '1e3',
  '0x10',
  '١٢',
  '５０',
  '100%%',
  '%',
  '50%abc',
  '∞',
  'NaN',
  'Infinity',
  '1 000',
  '00100',
  '.5',
  '5.',
];

const NUMBER_FORMATS = ['0%', '0.00%', '#,##0', '@', '0.###############', 'dd/mm/yyyy'];

const numberCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 6, arbitrary: plainNumber.map((value) => ({ value })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.double({ min: 0, max: 1.5, noNaN: true }), fc.constantFrom(...NUMBER_FORMATS))
      .map(([value, format]) => ({ value, format })),
  },
  { weight: 3, arbitrary: fc.oneof(plainNumber.map(String), fc.constantFrom(...NUMBER_TEXT)).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value })) },
  { weight: 1, arbitrary: dateValue.map((value) => ({ value })) },
  { weight: 1, arbitrary: textValue.map((value) => ({ value })) },
);

const COMPARATORS = ['≥', '>=', '>', '≤', '<=', '<', '=', ' ≥ ', '==', '=>', '≧', '⩾', '', 'lớn hơn', '> ='];
const UNITS = ['%', ' % ', '%\n', 'người', 'hồ sơ', '', 'TTHC', 'phần trăm', '％'];
const PERIOD_CODES = ['Q1', 'H1', 'Q3', 'NAM', 'q1', ' Q3 ', 'Q4', ''];
const EMAILS = [
  'vanphong@tuxuyen.example',
  'A@XA.EXAMPLE, b@xa.example',
  'không có',
  '=HYPERLINK("mailto:x@evil.example")',
  '<b>x@evil.example</b>',
];
const AREAS = [
  '1. Công tác chỉ đạo, điều hành',
  '3. Cải cách thủ tục hành chính',
  '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
  'Khác',
];

/** `arb` once in `n` draws, undefined otherwise. */
const onceIn = <T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const textCell = (values: fc.Arbitrary<ValueSpec>) => values.map((value): CellSpec => ({ value }));
const oneOfText = (list: readonly string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: textValue });

const PRIOR_STATUS_NOTES = ['', 'Lỗi dữ liệu:\n- Cột «X»: cũ.', 'ghi chú của tôi', '=1+1'];
const COLOURS = ['#ff0000', '#00ff00', '#abcdef', '#ffffff', '#ea9999'];

/**
 * What a computed cell may hold before the script runs: blank, an old status, text Sheets would
 * read as something else if it were typed again, a number, a formula; a colour; a user's note.
 */
const priorComputed: fc.Arbitrary<CellSpec> = fc
  .record(
    {
      value: fc.oneof(
        fc.constant(''),
        fc.constantFrom(...Object.values(STATUS)),
        plainNumber,
        fc.boolean(),
        fc.constantFrom('cũ', '=1+1', '+1', '-', '@x', "'x", '50%', '007', '2023-01-05', '1/2/2023', 'TRUE', '#N/A'),
      ),
      background: fc.constantFrom(...COLOURS),
      note: fc.constantFrom(...PRIOR_STATUS_NOTES),
    },
    { requiredKeys: ['value'] },
  )
  .chain((cell) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(cell) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<CellSpec>(
          { ...cell, value: '', formula: '=""' },
          { ...cell, value: 'Quá hạn', formula: '=IF(TRUE,"Quá hạn")' },
        ),
      },
    ),
  );

const priorLink: fc.Arbitrary<CellSpec> = fc
  .oneof(
    { weight: 6, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('https://docs.google.com/document/d/abc/edit', 'đã gửi', '=HYPERLINK("x")') },
  )
  .map((value) => ({ value }));

/** Values for each field of the data sheets (computed ones: what may be there beforehand). */
const FIELDS: Record<string, Record<string, fc.Arbitrary<CellSpec>>> = {
  [TASKS.name]: {
    code: textCell(oneOfText(['NV1', 'NV 2', '1.1'])),
    area: textCell(oneOfText(AREAS)),
    name: textCell(textValue),
    lead: textCell(textValue),
    partners: textCell(textValue),
    owner: textCell(textValue),
    email: textCell(oneOfText(EMAILS)),
    deadline: textCell(deadlineValue),
    progress: numberCell,
    completed: textCell(dateValue),
    note: textCell(textValue),
    narrative: textCell(textValue),
    period: textCell(oneOfText(PERIOD_CODES)),
    status: priorComputed,
  },
  [INDICATORS.name]: {
    code: textCell(oneOfText(['CT1', 'CT 2'])),
    area: textCell(oneOfText(AREAS)),
    name: textCell(textValue),
    comparator: textCell(oneOfText(COMPARATORS)),
    target: numberCell,
    unit: textCell(oneOfText(UNITS)),
    numerator: numberCell,
    denominator: numberCell,
    actual: numberCell,
    note: textCell(textValue),
    result: priorComputed,
    status: priorComputed,
  },
  [PERIODS.name]: {
    code: textCell(oneOfText(PERIOD_CODES)),
    name: textCell(textValue),
    due: textCell(dateValue),
    remindDays: numberCell,
    from: textCell(dateValue),
    to: textCell(dateValue),
    sentOn: textCell(dateValue),
    proposals: textCell(textValue),
    status: priorComputed,
    createdAt: textCell(fc.oneof(fc.constant(''), dateValue)),
    link: priorLink,
  },
};

const day = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map((d): CellSpec => ({ value: { day: isoDay(d) } }));
const blank: fc.Arbitrary<CellSpec> = fc.constant({ value: '' });
const percent: fc.Arbitrary<CellSpec> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((value) => ({ value })),
  fc.integer({ min: 0, max: 100 }).map((n) => ({ value: `${n}%` })),
  fc.integer({ min: 0, max: 100 }).map((n) => ({ value: n / 100, format: '0%' })),
);

/**
 * Values a careful user enters, so that rows reach every status and not only `Lỗi dữ liệu`
 * (fields left out here take their general values).
 */
const WELL_FORMED: Record<string, Record<string, fc.Arbitrary<CellSpec>>> = {
  [TASKS.name]: {
    name: textCell(fc.constantFrom(...VIETNAMESE)),
    email: textCell(fc.constantFrom('motcua@tuxuyen.example', 'TUPHAP@tuxuyen.example', ' noivu@tuxuyen.example ')),
    deadline: fc.oneof(
      { weight: 5, arbitrary: day('2022-06-01', '2024-06-30') },
      { weight: 1, arbitrary: textCell(fc.constantFrom(...CONTINUOUS)) },
    ),
    progress: fc.oneof(blank, percent),
    completed: fc.oneof({ weight: 3, arbitrary: blank }, { weight: 1, arbitrary: day('2022-01-01', '2024-06-30') }),
  },
  [INDICATORS.name]: {
    name: textCell(fc.constantFrom(...VIETNAMESE)),
    comparator: textCell(fc.constantFrom('≥', '>=', '>', '≤', '<=', '<', '=')),
    target: fc.integer({ min: 0, max: 100 }).map((value) => ({ value })),
    unit: textCell(fc.constantFrom('%', 'người')),
    numerator: fc.oneof(
      { weight: 1, arbitrary: blank },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }).map((value) => ({ value })) },
    ),
    denominator: fc.oneof(
      { weight: 1, arbitrary: blank },
      { weight: 1, arbitrary: fc.constant({ value: 0 }) },
      { weight: 3, arbitrary: fc.integer({ min: 20, max: 50 }).map((value) => ({ value })) },
    ),
    actual: fc.oneof(blank, percent),
  },
  [PERIODS.name]: {
    code: textCell(fc.constantFrom('Q1', 'H1', 'Q3', 'NAM')),
    name: textCell(fc.constantFrom('Quý I năm 2023', '6 tháng đầu năm 2023')),
    due: day('2022-06-01', '2024-06-30'),
    remindDays: fc.oneof(
      blank,
      fc.integer({ min: 0, max: 30 }).map((value) => ({ value })),
    ),
    from: fc.oneof({ weight: 3, arbitrary: blank }, { weight: 1, arbitrary: day('2023-01-01', '2023-06-30') }),
    to: fc.oneof({ weight: 3, arbitrary: blank }, { weight: 1, arbitrary: day('2023-03-01', '2023-12-31') }),
  },
};

/** A user's formatting, note or formula on an input cell, which the script must keep. */
const decorated = (cell: fc.Arbitrary<CellSpec>): fc.Arbitrary<CellSpec> =>
  fc.oneof(
    { weight: 16, arbitrary: cell },
    {
      weight: 3,
      arbitrary: fc
        .tuple(cell, fc.constantFrom(...COLOURS), fc.constantFrom('ghi chú', '', '=1+1'), fc.boolean())
        .map(([c, background, note, bold]) => ({ ...c, background, note, bold })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<CellSpec>(
        { value: { day: '2023-08-20' }, formula: '=TODAY()' },
        { value: 4, formula: '=2*2' },
        { value: '', formula: '=""' },
        { value: 'Đạt', formula: '=IF(TRUE,"Đạt","")' },
        { value: '#N/A', formula: '=MATCH("x",A1:A2,0)' },
        { value: '#ERROR!', formula: '=IF(TRUE;"Đạt";"")' },
      ),
    },
  );

const HEADER_VARIANTS: ((h: string) => string)[] = [
  (h) => h,
  (h) => h.toUpperCase(),
  (h) => h.toLowerCase(),
  (h) => `  ${h} `,
  (h) => h.replace(' ', '\n'),
  (h) => nfd(h),
  (h) => h.replace(' ', '\u00a0'),
  (h) => h.replace(' ', ' \r\n '),
];

const USER_COLUMNS = [
  'Ghi chú riêng',
  'Người cập nhật',
  'Cột phụ',
  '=SUM(A:A)',
  '📎 Tệp đính kèm',
  '',
  'Trạng thái cũ',
  'Hạn',
  'Mã số',
];

interface ColumnValues {
  any: fc.Arbitrary<CellSpec>;
  wellFormed: fc.Arbitrary<CellSpec>;
}

/** A row: blank, well-formed, half-filled or filled with anything. */
const rowOf = (columns: ColumnValues[]) =>
  fc
    .constantFrom('blank', 'well-formed', 'well-formed', 'well-formed', 'sparse', 'full')
    .chain((kind): fc.Arbitrary<(CellSpec | null)[]> => {
      if (kind === 'blank') return fc.constant(columns.map(() => null));
      if (kind === 'sparse') return fc.tuple(...columns.map((c) => fc.option(c.any, { freq: 2 })));
      return fc.tuple(...columns.map((c) => (kind === 'full' ? c.any : c.wellFormed).map((x): CellSpec | null => x)));
    });

/** A data sheet: some optional columns, rarely a required one missing, user columns, shuffled. */
function dataSheet(def: SheetDef): fc.Arbitrary<SheetSpec> {
  const keys = Object.keys(def.columns);
  const required = keys.filter((k) => def.columns[k]!.required);
  const optional = keys.filter((k) => !def.columns[k]!.required);
  const fields = FIELDS[def.name]!;
  return fc
    .tuple(fc.subarray(optional), onceIn(25, fc.constantFrom(...required)))
    .chain(([opt, dropped]) => {
      const present = [...required.filter((k) => k !== dropped), ...opt];
      return fc
        .tuple(
          fc.tuple(...present.map((k) => fc.constantFrom(...HEADER_VARIANTS).map((v) => v(def.columns[k]!.header)))),
          fc.array(fc.constantFrom(...USER_COLUMNS), { maxLength: 3 }),
          onceIn(4, fc.constantFrom(...present)),
        )
        .chain(([headers, users, duplicate]) => {
          const cols: ColumnSpec[] = [
            ...present.map((key, i) => ({ header: headers[i]!, key })),
            ...users.map((header) => ({ header, key: null })),
          ];
          return fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length }).map((shuffled) =>
            // A second column under a contract header, right of the first: the user's, never written.
            duplicate ? [...shuffled, { header: def.columns[duplicate]!.header, key: null }] : shuffled,
          );
        });
    })
    .chain((columns) => {
      const values = columns.map((c): ColumnValues => {
        if (!c.key) return { any: decorated(textCell(textValue)), wellFormed: decorated(textCell(textValue)) };
        if (def.columns[c.key]!.computed) return { any: fields[c.key]!, wellFormed: fields[c.key]! };
        return { any: decorated(fields[c.key]!), wellFormed: decorated(WELL_FORMED[def.name]![c.key] ?? fields[c.key]!) };
      });
      return fc.array(rowOf(values), { maxLength: 8 }).map((rows): SheetSpec => ({ name: def.name, columns, rows }));
    });
}

const CONFIG_VALUES: Partial<Record<keyof typeof CONFIG_LABELS, fc.Arbitrary<ValueSpec>>> = {
  year: fc.constantFrom<ValueSpec>(2023, '2023', 2022, 2024, 1999, 2101, 'abc', 2023.5, '', { day: '2023-01-01' }, '2 023'),
  warningDays: fc.constantFrom<ValueSpec>(7, '7', 0, -1, 365, 366, 'bảy', 3.5, '', '1e2', true),
  reminderEmails: oneOfText(EMAILS),
  recipients: fc.constantFrom('- Phòng Nội vụ;\n- Lưu: VT.', '=1+1', ''),
};

const configRow = fc
  .oneof(
    {
      weight: 5,
      arbitrary: fc.constantFrom(...(Object.keys(CONFIG_LABELS) as (keyof typeof CONFIG_LABELS)[])).chain((key) =>
        fc.tuple(
          fc.constantFrom(...HEADER_VARIANTS).map((v) => v(CONFIG_LABELS[key])),
          CONFIG_VALUES[key] ?? textValue,
        ),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(textValue, textValue) },
  )
  .map(([label, value]): (CellSpec | null)[] => [{ value: label }, { value }]);

const configSheet: fc.Arbitrary<SheetSpec> = fc.array(configRow, { maxLength: 14 }).map((rows) => ({
  name: CONFIG_SHEET,
  columns: [
    { header: 'Thông số', key: null },
    { header: 'Giá trị', key: null },
  ],
  rows,
}));

const logSheet: fc.Arbitrary<SheetSpec> = fc
  .array(fc.tuple(...LOG.headers.map(() => fc.option(textCell(textValue), { freq: 3 }))), { maxLength: 3 })
  .map((rows) => ({ name: LOG.name, columns: LOG.headers.map((header) => ({ header, key: null })), rows }));

const userSheet: fc.Arbitrary<SheetSpec> = fc
  .array(fc.tuple(decorated(textCell(textValue)), decorated(numberCell)), { maxLength: 3 })
  .map((rows) => ({
    name: 'Ghi chép riêng',
    columns: [
      { header: 'Việc', key: null },
      { header: 'Số', key: null },
    ],
    rows,
  }));

const EMPTY = (name: string): SheetSpec => ({ name, columns: [], rows: [] });

/** Rarely absent or empty: then the operation must stop with a message and write nothing. */
const maybe = (name: string, sheet: fc.Arbitrary<SheetSpec>) =>
  fc.oneof(
    { weight: 40, arbitrary: sheet },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(EMPTY(name)) },
  );

const chip: fc.Arbitrary<ChipSpec> = fc.record({
  sheet: fc.nat(),
  row: fc.integer({ min: 1, max: 10 }),
  col: fc.integer({ min: 1, max: 14 }),
  kind: fc.constantFrom('person' as const, 'file' as const),
});

export const workbook: fc.Arbitrary<WorkbookSpec> = fc
  .record({
    timeZone: fc.oneof(
      { weight: 8, arbitrary: fc.constant('Asia/Ho_Chi_Minh') },
      { weight: 1, arbitrary: fc.constantFrom('America/Los_Angeles', 'Europe/Paris', 'Pacific/Kiritimati', 'UTC') },
    ),
    locale: fc.oneof(
      { weight: 4, arbitrary: fc.constant('vi_VN' as const) },
      { weight: 1, arbitrary: fc.constant('en_US' as const) },
    ),
    chips: fc.array(chip, { maxLength: 2 }),
    today: fc.date({ min: new Date('2022-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map(isoDay),
    hour: fc.integer({ min: 0, max: 23 }),
    config: maybe(CONFIG_SHEET, configSheet),
    tasks: maybe(TASKS.name, dataSheet(TASKS)),
    indicators: maybe(INDICATORS.name, dataSheet(INDICATORS)),
    periods: maybe(PERIODS.name, dataSheet(PERIODS)),
    log: fc.option(logSheet, { freq: 8 }),
    user: fc.option(userSheet, { freq: 3 }),
  })
  .map(({ timeZone, locale, chips, today, hour, ...sheets }) => ({
    timeZone,
    locale,
    chips,
    today,
    hour,
    sheets: [sheets.config, sheets.tasks, sheets.indicators, sheets.periods, sheets.log, sheets.user].filter(
      (s): s is SheetSpec => s !== null,
    ),
  }));

/** A user's edit: new content in a block of cells of one sheet, before onEdit runs. */
export interface EditSpec {
  /** How Sheets reports the range to onEdit: as typed, or open-ended (a whole column or row). */
  shape: 'box' | 'column' | 'row' | 'columnFrom';
  sheet: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** Row by row, numRows × numCols of them. */
  cells: ValueSpec[];
}

export const edit: fc.Arbitrary<EditSpec> = fc.record({
  shape: fc.oneof(
    { weight: 6, arbitrary: fc.constant('box' as const) },
    { weight: 1, arbitrary: fc.constantFrom('column' as const, 'row' as const, 'columnFrom' as const) },
  ),
  sheet: fc.nat(),
  row: fc.integer({ min: 1, max: 10 }),
  col: fc.integer({ min: 1, max: 14 }),
  numRows: fc.integer({ min: 1, max: 3 }),
  numCols: fc.integer({ min: 1, max: 2 }),
  cells: fc.array(
    fc.oneof(textValue, plainNumber, fc.constantFrom(...NUMBER_TEXT), dateValue, fc.constantFrom(...COMPARATORS, ...UNITS)),
    { minLength: 6, maxLength: 6 },
  ),
});

export const periodCode: fc.Arbitrary<string> = oneOfText(PERIOD_CODES);
