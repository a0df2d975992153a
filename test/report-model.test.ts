/** The report model (src/core/report), built directly from typed rows: content, order, placeholders. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headersOf, type Row, type WorkbookData } from './support/fixtures';
import { parseConfig } from '../src/core/config';
import { type Day, dayFromYmd, ymdOf } from '../src/core/days';
import { UserError } from '../src/core/errors';
import { evaluateIndicatorGrid, evaluatePeriodGrid, evaluateTaskGrid } from '../src/core/evaluate';
import { AREA_LABELS } from '../src/contract/lists';
import { matchArea } from '../src/core/areas';
import { folderIdOf } from '../src/core/report/folder';
import { dateLine, formatNumber } from '../src/core/report/format';
import { type HistoryEntry, parseHistory, previousResults } from '../src/core/report/history';
import {
  type Block,
  buildReport,
  changeText,
  findPeriod,
  nextDuePeriod,
  recipientLines,
  type ReportInput,
} from '../src/core/report/model';
import { rowParsers } from '../src/core/rows';
import { INDICATORS, PERIODS, type SheetDef, TASKS } from '../src/contract/sheets';
import { locateColumns } from '../src/core/headers';
import { FULL_CONFIG, MISSED_INDICATORS, OVERDUE_TASKS, reportWorkbook } from './report-fixture';

const TODAY = dayFromYmd(2023, 8, 20);

function grid<K extends string>(def: SheetDef<K>, rows: readonly Row[] = []) {
  const headers = headersOf(def);
  const found = locateColumns(def, headers);
  if (!found.ok) throw new Error('bad headers');
  return { grid: { values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))] }, cols: found.cols };
}

const present = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);

/** What a refresh would hand the report, computed from the same rows without the emulator. */
function inputOf(data: WorkbookData, today: Day = TODAY): ReportInput {
  const parsers = rowParsers({ offsetMinutes: 420 });
  const { config } = parseConfig([['Năm kế hoạch', 2023], ...(data.config ?? [])]);
  const clock = { today, warningDays: 7, planYear: 2023 };
  const t = grid(TASKS, data.tasks);
  const i = grid(INDICATORS, data.indicators);
  const p = grid(PERIODS, data.periods);
  return {
    config,
    clock,
    tasks: present(evaluateTaskGrid(t.grid, t.cols, parsers, clock)),
    indicators: present(evaluateIndicatorGrid(i.grid, i.cols, parsers)),
    periods: present(evaluatePeriodGrid(p.grid, p.cols, parsers, clock)),
  };
}

const texts = (blocks: Block[], kind: Block['kind']) =>
  blocks.filter((b) => b.kind === kind).map((b) => ('text' in b ? b.text : ''));

type TableBlock = Extract<Block, { kind: 'table' }>;
const tablesOf = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const titles = (t: TableBlock) => t.columns.map((c) => c.title).join(' · ');

/** The blocks between two headings (exclusive). */
function section(blocks: Block[], from: string, to?: string): Block[] {
  const start = blocks.findIndex((b) => 'text' in b && b.text.startsWith(from));
  const end = to ? blocks.findIndex((b) => 'text' in b && b.text.startsWith(to)) : blocks.length;
  return blocks.slice(start + 1, end);
}

describe('date line (NĐ 30)', () => {
  it('pads days 1–9 and months 1–2 only', () => {
    expect(dateLine('Tú Xuyên', dayFromYmd(2024, 2, 5))).toBe('Tú Xuyên, ngày 05 tháng 02 năm 2024');
    expect(dateLine('Tú Xuyên', dayFromYmd(2023, 8, 20))).toBe('Tú Xuyên, ngày 20 tháng 8 năm 2023');
    expect(dateLine('Tú Xuyên', dayFromYmd(2023, 1, 31))).toBe('Tú Xuyên, ngày 31 tháng 01 năm 2023');
    expect(dateLine('Tú Xuyên', dayFromYmd(2023, 12, 9))).toBe('Tú Xuyên, ngày 09 tháng 12 năm 2023');
    expect(dateLine('', dayFromYmd(2023, 3, 1))).toBe('…, ngày 01 tháng 3 năm 2023');
  });

  it('states every day of 2000–2100 so that it reads back as the same day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(2000, 1, 1), max: dayFromYmd(2100, 12, 31) }), (day) => {
        const m = /^X, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$/.exec(dateLine('X', day))!;
        const { year, month, day: d } = ymdOf(day);
        expect([Number(m[1]), Number(m[2]), Number(m[3])]).toEqual([d, month, year]);
        expect(m[2]!.length).toBe(month <= 2 ? 2 : String(month).length);
      }),
    );
  });
});

describe('numbers', () => {
  it('use a decimal comma and dots between thousands', () => {
    expect(formatNumber(66.67)).toBe('66,67');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1000000)).toBe('1.000.000');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(-2.5)).toBe('-2,5');
    expect(formatNumber(1.005)).toBe('1,01');
  });

  it('read back as the value rounded to 2 decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const back = Number(formatNumber(n).replace(/\./g, '').replace(',', '.'));
        expect(Math.abs(back - n)).toBeLessThanOrEqual(0.005 + Math.abs(n) * 1e-12);
      }),
    );
  });
});

describe('areas of Nghị quyết 76', () => {
  it('match by number or by full name, in any case, with or without diacritics', () => {
    expect(matchArea('1. Công tác chỉ đạo, điều hành')).toBe(1);
    expect(matchArea('Cải cách thể chế')).toBe(2);
    expect(matchArea('3) cai cach thu tuc hanh chinh')).toBe(3);
    expect(matchArea('CẢI CÁCH TỔ CHỨC BỘ MÁY')).toBe(4);
    expect(matchArea('6 Cải cách tài chính công')).toBe(6);
    expect(matchArea(AREA_LABELS[6])).toBe(7);
    // A shortened name is not matched: the overview's COUNTIFS would not count it either.
    expect(matchArea('Chính quyền số')).toBeNull();
    expect(matchArea('Phong trào thi đua')).toBeNull();
    expect(matchArea('')).toBeNull();
    expect(matchArea('12. Khác')).toBeNull();
  });
});

describe('Thư mục báo cáo', () => {
  it('takes a folder URL or id; blank means the spreadsheet’s folder', () => {
    expect(folderIdOf('https://drive.google.com/drive/folders/1AbCdEfGhIjK_lm-no?usp=sharing')).toBe('1AbCdEfGhIjK_lm-no');
    expect(folderIdOf('https://drive.google.com/drive/u/0/folders/1AbCdEfGhIjK')).toBe('1AbCdEfGhIjK');
    expect(folderIdOf('https://drive.google.com/open?id=1AbCdEfGhIjK')).toBe('1AbCdEfGhIjK');
    expect(folderIdOf(' 1AbCdEfGhIjK ')).toBe('1AbCdEfGhIjK');
    expect(folderIdOf('  ')).toBeNull();
    expect(() => folderIdOf('Báo cáo năm nay')).toThrow(UserError);
    expect(() => folderIdOf('Báo cáo năm nay')).toThrow(/Thư mục báo cáo/);
  });
});

describe('Nơi nhận', () => {
  it('gives each line its dash and ends with “- Lưu: VT.” once', () => {
    expect(recipientLines(['Phòng Nội vụ;', '- CT, PCT UBND xã;'])).toEqual([
      '- Phòng Nội vụ;',
      '- CT, PCT UBND xã;',
      '- Lưu: VT.',
    ]);
    expect(recipientLines(['- Phòng Nội vụ;', '- Lưu: VT, VP.'])).toEqual(['- Phòng Nội vụ;', '- Lưu: VT, VP.']);
    expect(recipientLines(['- Phòng Nội vụ;', '-  luu vt'])).toEqual(['- Phòng Nội vụ;', '- luu vt']);
    expect(recipientLines([])).toEqual(['- …;', '- Lưu: VT.']);
  });
});

describe('periods', () => {
  const { periods } = inputOf(reportWorkbook());

  it('are found by code in any case; an unknown code is refused with the known ones', () => {
    expect(findPeriod(periods, ' q3 ').row.name).toBe('Quý III năm 2023');
    expect(() => findPeriod(periods, 'Q4')).toThrow(
      'Không có kỳ báo cáo mã «Q4» trong trang «Kỳ báo cáo». Các mã kỳ hiện có: Q1, H1, Q3, NAM.',
    );
    expect(() => findPeriod([], 'Q3')).toThrow(/chưa có kỳ báo cáo nào/);
  });

  it('next due is the first due today or later, else the last one', () => {
    expect(nextDuePeriod(periods, TODAY).row.code).toBe('Q3');
    expect(nextDuePeriod(periods, dayFromYmd(2023, 8, 25)).row.code).toBe('Q3');
    expect(nextDuePeriod(periods, dayFromYmd(2023, 8, 26)).row.code).toBe('NAM');
    expect(nextDuePeriod(periods, dayFromYmd(2023, 12, 1)).row.code).toBe('NAM');
    expect(() => nextDuePeriod([], TODAY)).toThrow(UserError);
  });
});

describe('buildReport', () => {
  const report = buildReport(inputOf(reportWorkbook()), 'q3', []);

  it('fills the header, title and summary from Cấu hình and the period', () => {
    expect(report.name).toBe('Báo cáo CCHC Quý III năm 2023 - ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN');
    expect(report.period).toEqual({ code: 'Q3', name: 'Quý III năm 2023', sheetRow: 4 });
    expect(report.header).toEqual({
      superior: 'UBND HUYỆN VĂN QUAN',
      issuer: 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN',
      number: 'Số:    /BC-UBND',
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      dateLine: 'Tú Xuyên, ngày 20 tháng 8 năm 2023',
    });
    expect(report.summary).toBe('Kết quả thực hiện công tác cải cách hành chính quý III năm 2023');
    expect(report.recipients).toEqual(['- Phòng Nội vụ;', '- CT, PCT UBND xã;', '- Lưu: VT.']);
    expect(report.signature).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', signer: 'Hoàng Thị Hoàn' });
    expect(report.missingConfig).toEqual([]);
    expect(report.dataErrors).toBe(1);
  });

  it('has sections I, II, III in order, with the overall figures and the data period first', () => {
    expect(texts(report.body, 'heading')).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
    ]);
    expect(texts(section(report.body, 'I.'), 'paragraph').slice(0, 4)).toEqual([
      'Số liệu tính từ ngày 15/05/2023 đến ngày 15/08/2023.',
      'Kế hoạch cải cách hành chính năm 2023 có 10 nhiệm vụ và 5 chỉ tiêu; kết quả đến ngày 20/08/2023 như sau:',
      'Về nhiệm vụ: hoàn thành 1; hoàn thành trễ hạn 1; đang thực hiện 1; chưa thực hiện 3; sắp đến hạn 1; quá hạn 2; lỗi dữ liệu 1.',
      'Về chỉ tiêu: đạt 1; chưa đạt 2; chưa có số liệu 1; không phát sinh 1. Tỷ lệ chỉ tiêu đạt: 33,33% (1/3 chỉ tiêu đã có số liệu đánh giá).',
    ]);
  });

  it('groups by the seven areas in the order of Nghị quyết 76, whatever the sheet order, then the rest', () => {
    expect(texts(section(report.body, 'I.', 'II.'), 'subheading')).toEqual([...AREA_LABELS, '8. Nhiệm vụ, chỉ tiêu khác']);
    const area2 = section(report.body, AREA_LABELS[1], AREA_LABELS[2]);
    expect(area2.map((b) => b.kind)).toEqual(['label', 'table', 'label', 'table']);
    expect(area2[1]).toMatchObject({ rows: [['Văn bản QPPL ban hành đúng trình tự', '≥ 100%', '90%', 'Chưa đạt']] });
    expect(area2[3]).toMatchObject({
      rows: [
        ['Rà soát văn bản quy phạm pháp luật', 'Văn phòng', '01/08/2023', 'Quá hạn'],
        ['Dòng có ngày sai', 'Văn phòng', '…', 'Lỗi dữ liệu'],
      ],
    });
    expect(section(report.body, AREA_LABELS[3], AREA_LABELS[4])).toEqual([
      { kind: 'paragraph', text: 'Kế hoạch không giao nhiệm vụ, chỉ tiêu thuộc lĩnh vực này.' },
    ]);
    const other = section(report.body, '8.', 'II.');
    expect(other).toEqual([
      { kind: 'label', text: 'a) Nhiệm vụ' },
      expect.objectContaining({ rows: [['Nhiệm vụ ngoài bảy lĩnh vực', 'Văn phòng', '01/09/2023', 'Chưa thực hiện']] }),
    ]);
  });

  it('writes each table with its fixed columns, dates dd/mm/yyyy and the state of each row', () => {
    const tables = report.body.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    const rows = tables.flatMap((t) => t.rows);
    expect(tables.map((t) => t.columns.map((c) => c.title).join(' · '))).toContain('Chỉ tiêu · Mục tiêu · Kết quả · Đánh giá');
    expect(tables.map((t) => t.columns.map((c) => c.title).join(' · '))).toContain(
      'Nhiệm vụ · Đơn vị chủ trì · Hạn · Trạng thái',
    );
    for (const t of tables) expect(t.columns.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 9);
    expect(rows).toContainEqual(['Ban hành kế hoạch CCHC năm 2023', 'Văn phòng', '15/01/2023', 'Hoàn thành (10/01/2023)']);
    expect(rows).toContainEqual(['Rà soát quy trình nội bộ', 'Văn phòng', '01/07/2023', 'Hoàn thành trễ hạn (05/07/2023)']);
    expect(rows).toContainEqual(['Số hóa hồ sơ thủ tục hành chính', 'Văn phòng', '30/06/2023', 'Quá hạn (60%)']);
    expect(rows).toContainEqual(['Tuyên truyền về cải cách hành chính', 'Văn phòng', 'Thường xuyên', 'Đang thực hiện (30%)']);
    expect(rows).toContainEqual(['Hồ sơ giải quyết đúng hạn', '> 99%', '99,5%', 'Đạt']);
    expect(rows).toContainEqual(['Chỉ số PAR INDEX tăng', '≥ 4 bậc', '', 'Chưa có số liệu']);
    expect(rows).toContainEqual(['Vi phạm được xử lý', '≥ 100%', '', 'Không phát sinh']);
  });

  it('names every overdue task and every missed indicator in section II, each list as one table', () => {
    const ii = section(report.body, 'II.', 'III.');
    expect(ii.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph', 'table']);
    expect(texts(ii, 'paragraph')).toEqual(['Có 2 nhiệm vụ quá hạn chưa hoàn thành:', 'Có 2 chỉ tiêu chưa đạt mục tiêu:']);
    const [overdue, missed] = tablesOf(ii);
    expect(titles(overdue!)).toBe('Nhiệm vụ · Đơn vị chủ trì · Hạn · Trạng thái');
    expect(overdue!.rows).toEqual([
      ['Rà soát văn bản quy phạm pháp luật', 'Văn phòng', '01/08/2023', 'Quá hạn'],
      ['Số hóa hồ sơ thủ tục hành chính', 'Văn phòng', '30/06/2023', 'Quá hạn (60%)'],
    ]);
    expect(titles(missed!)).toBe('Chỉ tiêu · Mục tiêu · Kết quả');
    expect(missed!.rows).toEqual([
      ['Văn bản QPPL ban hành đúng trình tự', '≥ 100%', '90%'],
      ['Tỷ lệ hồ sơ trực tuyến toàn trình', '≥ 50%', '30%'],
    ]);
    for (const t of [overdue!, missed!]) expect(t.columns.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 9);
    const named = [...overdue!.rows, ...missed!.rows].map((r) => r[0]);
    for (const name of [...OVERDUE_TASKS, ...MISSED_INDICATORS]) expect(named).toContain(name);
  });

  it('lists in section III the open tasks due up to the next period’s due date, earliest first, as one table', () => {
    const iii = section(report.body, 'III.');
    expect(iii.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph', 'paragraph', 'paragraph']);
    expect(texts(iii, 'paragraph')).toEqual([
      'Tập trung hoàn thành 5 nhiệm vụ có thời hạn đến ngày 20/11/2023 (hạn gửi báo cáo năm 2023):',
      'Tiếp tục thực hiện 1 nhiệm vụ thường xuyên theo Kế hoạch.',
      'Có giải pháp khắc phục đối với 2 chỉ tiêu chưa đạt nêu tại Mục II.',
      'Thu thập, cập nhật số liệu của 1 chỉ tiêu chưa có số liệu.',
    ]);
    const [open] = tablesOf(iii);
    expect(titles(open!)).toBe('Nhiệm vụ · Đơn vị chủ trì · Hạn · Trạng thái');
    expect(open!.rows).toEqual([
      ['Số hóa hồ sơ thủ tục hành chính', 'Văn phòng', '30/06/2023', 'Quá hạn (60%)'],
      ['Rà soát văn bản quy phạm pháp luật', 'Văn phòng', '01/08/2023', 'Quá hạn'],
      ['Công khai thủ tục hành chính', 'Văn phòng', '25/08/2023', 'Sắp đến hạn (50%)'],
      ['Nhiệm vụ ngoài bảy lĩnh vực', 'Văn phòng', '01/09/2023', 'Chưa thực hiện'],
      ['Đánh giá, xếp loại công chức', 'Văn phòng', '30/10/2023', 'Chưa thực hiện'],
    ]);
  });

  it('runs section III to the end of the plan year after the last period', () => {
    const year = buildReport(inputOf(reportWorkbook()), 'NAM', []);
    const iii = section(year.body, 'III.');
    expect(texts(iii, 'paragraph')[0]).toBe('Tập trung hoàn thành 6 nhiệm vụ có thời hạn đến hết năm 2023:');
    expect(tablesOf(iii)[0]!.rows).toContainEqual(['Tập huấn nghiệp vụ cuối năm', 'Văn phòng', '15/12/2023', 'Chưa thực hiện']);
    expect(year.summary).toBe('Kết quả thực hiện công tác cải cách hành chính năm 2023');
  });

  it('says so when nothing is overdue or missed', () => {
    const clean = buildReport(inputOf({ ...reportWorkbook(), tasks: [], indicators: [] }), 'Q3', []);
    expect(texts(section(clean.body, 'II.', 'III.'), 'paragraph')).toEqual([
      'Đến ngày 20/08/2023, không có nhiệm vụ quá hạn và không có chỉ tiêu chưa đạt mục tiêu.',
    ]);
  });

  it('records one history row per indicator', () => {
    expect(report.history).toHaveLength(5);
    expect(report.history[0]).toEqual({
      createdAt: TODAY,
      periodCode: 'Q3',
      periodName: 'Quý III năm 2023',
      code: 'CT1',
      name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
      unit: '%',
      result: 30,
      status: 'Chưa đạt',
    });
    expect(report.history[2]).toMatchObject({ code: 'CT3', result: null, status: 'Chưa có số liệu' });
  });
});

describe('missing Cấu hình values', () => {
  it('are named, and shown as a visible … in the document', () => {
    const report = buildReport(
      inputOf(
        reportWorkbook([
          ['Cơ quan chủ quản', ''],
          ['Địa danh', 'Tú Xuyên'],
        ]),
      ),
      'Q3',
      [],
    );
    expect(report.missingConfig).toEqual([
      'Cơ quan ban hành',
      'Ký hiệu cơ quan',
      'Thẩm quyền ký',
      'Chức vụ người ký',
      'Người ký',
      'Nơi nhận',
    ]);
    expect(report.name).toBe('Báo cáo CCHC Quý III năm 2023 - …');
    expect(report.header).toMatchObject({ superior: '', issuer: '…', number: 'Số:    /BC-…' });
    expect(report.signature).toEqual({ authority: '…', title: '…', signer: '…' });
  });

  it('never print undefined, NaN or null, whatever the rows and settings hold', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -5, max: 200 }),
      fc.constantFrom('Thường xuyên', '31/02/2023', '10/08/2023', '50%', '≥', '<'),
    );
    const row = (headers: string[]) =>
      fc.record(Object.fromEntries(headers.map((h) => [h, cell])) as Record<string, fc.Arbitrary<unknown>>);
    const labels = FULL_CONFIG.map(([l]) => l);
    fc.assert(
      fc.property(
        fc.subarray(labels),
        fc.array(row(headersOf(TASKS)), { maxLength: 6 }),
        fc.array(row(headersOf(INDICATORS)), { maxLength: 6 }),
        (kept, tasks, indicators) => {
          const config = FULL_CONFIG.filter(([l]) => kept.includes(l));
          const report = buildReport(inputOf({ config, tasks, indicators, periods: reportWorkbook().periods }), 'Q3', []);
          const shown = JSON.stringify({ ...report, history: undefined });
          expect(shown).not.toMatch(/undefined|NaN|null|\[object/);
          expect(report.missingConfig).toEqual(labels.filter((l) => l !== 'Cơ quan chủ quản' && !kept.includes(l)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Lịch sử: change since the previous period', () => {
  const entry = (periodCode: string, code: string, result: number | null, periodName = periodCode): HistoryEntry => ({
    periodCode,
    periodName,
    code,
    name: code,
    unit: '%',
    result,
    status: '',
  });
  const dues = new Map<string, Day | null>([
    ['q1', 10],
    ['h1', 20],
    ['q3', 30],
    ['nam', 40],
  ]);

  it('takes the latest earlier period, its last report, and ignores this period and unknown ones', () => {
    const history = [
      entry('Q1', 'CT1', 10),
      entry('H1', 'CT1', 20),
      entry('H1', 'CT1', 25, 'H1 (lần 2)'),
      entry('Q3', 'CT1', 99),
      entry('Cũ', 'CT1', 1),
      entry('NAM', 'CT1', 70),
      entry('Q1', 'CT2', 5),
      entry('H1', 'CT2', null),
    ];
    const previous = previousResults(history, dues, { code: 'q3', due: 30 });
    expect(previous.get('mã:ct1')).toEqual({ periodName: 'H1 (lần 2)', result: 25, due: 20 });
    expect(previous.get('mã:ct2')).toMatchObject({ periodName: 'Q1', result: 5 });
    expect(previousResults(history, dues, { code: 'Q3', due: null }).size).toBe(0);
  });

  it('is worded in điểm % for percentages and in the unit otherwise', () => {
    expect(changeText(35, { periodName: '6 tháng đầu năm 2023', result: 30 }, '%')).toBe(
      'tăng 5 điểm % so với 6 tháng đầu năm 2023',
    );
    expect(changeText(27.5, { periodName: 'Quý I năm 2023', result: 30 }, '%')).toBe('giảm 2,5 điểm % so với quý I năm 2023');
    expect(changeText(3, { periodName: 'Quý I', result: 1 }, 'bậc')).toBe('tăng 2 bậc so với quý I');
    expect(changeText(30, { periodName: 'Quý I', result: 30 }, '%')).toBe('không đổi so với quý I');
  });

  it('shows in the Đánh giá column of the next report', () => {
    const history = parseHistory([
      [
        'Ngày tạo báo cáo',
        'Mã kỳ',
        'Tên kỳ',
        'Mã chỉ tiêu',
        'Chỉ tiêu',
        'Đơn vị tính',
        'Kết quả',
        'Trạng thái',
        'Ghi chú của tôi',
      ],
      ['', 'H1', '6 tháng đầu năm 2023', 'CT1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', 20, 'Chưa đạt', 'x'],
      ['', 'H1', '6 tháng đầu năm 2023', 'CT2', 'Hồ sơ giải quyết đúng hạn', '%', '99,75', 'Đạt', ''],
      ['', 'H1', '6 tháng đầu năm 2023', 'CT3', 'Chỉ số PAR INDEX tăng', 'bậc', '', 'Chưa có số liệu', ''],
    ]);
    const rows = buildReport(inputOf(reportWorkbook()), 'Q3', history).body.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(rows).toContainEqual([
      'Tỷ lệ hồ sơ trực tuyến toàn trình',
      '≥ 50%',
      '30%',
      'Chưa đạt; tăng 10 điểm % so với 6 tháng đầu năm 2023',
    ]);
    expect(rows).toContainEqual([
      'Hồ sơ giải quyết đúng hạn',
      '> 99%',
      '99,5%',
      'Đạt; giảm 0,25 điểm % so với 6 tháng đầu năm 2023',
    ]);
    expect(rows).toContainEqual(['Chỉ số PAR INDEX tăng', '≥ 4 bậc', '', 'Chưa có số liệu']);
  });

  it('refuses a Lịch sử sheet that lost a header', () => {
    expect(() =>
      parseHistory([
        ['Mã kỳ', 'Kết quả'],
        ['Q1', 1],
      ]),
    ).toThrow(/Lịch sử.*thiếu cột «Ngày tạo báo cáo»/);
  });
});
