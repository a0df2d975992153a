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
import { dateLine, formatNumber, lowerFirst, upperFirst } from '../src/core/report/format';
import { type HistoryEntry, parseHistory, previousResults } from '../src/core/report/history';
import {
  issuerInSentence,
  type Block,
  buildReport,
  changeText,
  findPeriod,
  nextDuePeriod,
  HEADINGS,
  OTHER_AREA_TITLE,
  RESULT_AREA_TITLES,
  recipientLines,
  type ReportInput,
  shortName,
} from '../src/core/report/model';
import { rowParsers } from '../src/core/rows';
import { reportLinks } from '../src/core/rules';
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
  const periods = present(evaluatePeriodGrid(p.grid, p.cols, parsers, clock));
  return {
    config,
    clock,
    tasks: present(evaluateTaskGrid(t.grid, t.cols, parsers, clock, reportLinks(periods))),
    indicators: present(evaluateIndicatorGrid(i.grid, i.cols, parsers)),
    periods,
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

  it('opens with the plan it answers to, states the data span, then the five sections in order', () => {
    const [opening, span] = report.body as { text: string }[];
    expect(opening!.text).toBe(
      'Thực hiện Kế hoạch cải cách hành chính năm 2023, Ủy ban nhân dân xã Tú Xuyên báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2023 như sau:',
    );
    expect(span!.text).toBe('Số liệu tính từ ngày 15/05/2023 đến ngày 15/08/2023.');
    expect(report.cutoff).toBe(dayFromYmd(2023, 8, 15));
    expect(texts(report.body, 'heading')).toEqual([
      HEADINGS.direction,
      HEADINGS.results,
      HEADINGS.assessment,
      HEADINGS.next,
      HEADINGS.proposals,
    ]);
    expect(texts(section(report.body, HEADINGS.assessment, HEADINGS.next), 'subheading')).toEqual([
      HEADINGS.strengths,
      HEADINGS.shortcomings,
      HEADINGS.causes,
    ]);
    const withBasis = buildReport(
      inputOf(reportWorkbook([...FULL_CONFIG, ['Căn cứ kế hoạch', 'Kế hoạch số 12/KH-UBND ngày 01/02/2023 của UBND xã']])),
      'Q3',
      [],
    );
    expect((withBasis.body[0] as { text: string }).text).toMatch(
      /^Thực hiện Kế hoạch số 12\/KH-UBND ngày 01\/02\/2023 của UBND xã, Ủy ban/,
    );
  });

  it('numbers areas 2–7 from 1 in section II, then 7. Nhiệm vụ, chỉ tiêu khác for rows of no known area', () => {
    expect(texts(section(report.body, HEADINGS.results, HEADINGS.assessment), 'subheading')).toEqual([
      ...RESULT_AREA_TITLES,
      OTHER_AREA_TITLE,
    ]);
    const ii = section(report.body, HEADINGS.results, HEADINGS.assessment);
    const empty = section(ii, '4. Cải cách chế độ công vụ', '5. Cải cách tài chính công');
    expect(empty.length).toBeGreaterThan(0);
    const finance = section(ii, '5. Cải cách tài chính công', RESULT_AREA_TITLES[5]);
    expect(texts(finance, 'paragraph')).toEqual(['Kế hoạch không giao nhiệm vụ, chỉ tiêu thuộc lĩnh vực này.']);
  });

  it('writes an area as prose: its figures, the staff’s results, its indicators in words with the decimal comma', () => {
    const data = reportWorkbook();
    const tasks = data.tasks!.map((t) =>
      t.Mã === 'NV9' ? { ...t, 'Kết quả thực hiện': 'rà soát 12 quy trình nội bộ, sửa đổi 3 quy trình' } : t,
    );
    const r = buildReport(inputOf({ ...data, tasks }), 'Q3', []);
    const tthc = section(r.body, RESULT_AREA_TITLES[1], RESULT_AREA_TITLES[2]);
    expect(texts(tthc, 'paragraph')[0]).toBe('Đã hoàn thành 1/2 nhiệm vụ (trong đó 1 trễ hạn); 1 nhiệm vụ đang thực hiện.');
    expect(texts(tthc, 'item')).toEqual([
      '- Rà soát 12 quy trình nội bộ, sửa đổi 3 quy trình.',
      '- Hồ sơ giải quyết đúng hạn: kết quả 99,5% (chỉ tiêu: trên 99%), đạt.',
    ]);
    expect(r.gaps.some((g) => g.includes('NV9'))).toBe(false);
  });

  it('names every overdue task and missed indicator in III.2, and their causes from Ghi chú or a placeholder', () => {
    const items = texts(section(report.body, HEADINGS.shortcomings, HEADINGS.causes), 'item').join('\n');
    for (const name of [...OVERDUE_TASKS, ...MISSED_INDICATORS]) expect(items).toContain(name);
    const causes = texts(section(report.body, HEADINGS.causes, HEADINGS.next), 'item');
    expect(causes.at(-1)).toMatch(/^- \[cần bổ sung: nguyên nhân của .*NV2.*\(cột «Ghi chú»\)\]$/);
    const data = reportWorkbook();
    const noted = buildReport(
      inputOf({ ...data, tasks: data.tasks!.map((t) => (t.Mã === 'NV2' ? { ...t, 'Ghi chú': 'thiếu máy quét' } : t)) }),
      'Q3',
      [],
    );
    expect(texts(section(noted.body, HEADINGS.causes, HEADINGS.next), 'item')).toContain(
      '- Nhiệm vụ “Số hóa hồ sơ thủ tục hành chính”: Thiếu máy quét.',
    );
  });

  it('lists in IV the open dated tasks up to the next period’s due date, earliest first; after the last period, to the end of the year', () => {
    const iv = section(report.body, HEADINGS.next, HEADINGS.proposals);
    expect(texts(iv, 'paragraph')[0]).toMatch(
      /^Tập trung hoàn thành \d+ nhiệm vụ có thời hạn đến ngày 20\/11\/2023 \(hạn gửi báo cáo năm 2023\):$/,
    );
    const due = texts(iv, 'item').map((t) => /hạn (\d{2}\/\d{2}\/\d{4})/.exec(t)?.[1] ?? 'quá hạn');
    const dated = due.filter((d) => d !== 'quá hạn').map((d) => d.split('/').reverse().join(''));
    expect([...dated].sort()).toEqual(dated);
    const year = buildReport(inputOf(reportWorkbook(), dayFromYmd(2023, 11, 25)), 'NAM', []);
    expect(texts(section(year.body, HEADINGS.next, HEADINGS.proposals), 'paragraph')[0]).toMatch(/đến hết năm 2023/);
  });

  it('says so when nothing is overdue or missed', () => {
    const r = buildReport(inputOf({ ...reportWorkbook(), tasks: [], indicators: [] }), 'Q3', []);
    expect(texts(section(r.body, HEADINGS.shortcomings, HEADINGS.causes), 'paragraph')).toEqual([
      'Đến ngày 15/08/2023, không có nhiệm vụ quá hạn và không có chỉ tiêu chưa đạt mục tiêu.',
    ]);
    expect(texts(section(r.body, HEADINGS.causes, HEADINGS.next), 'paragraph')).toEqual([
      'Không có tồn tại, hạn chế cần nêu nguyên nhân.',
    ]);
  });

  it('asks in a highlighted placeholder for exactly what staff must add, and counts it', () => {
    const all = [...report.body, ...report.annex].flatMap((b) => ('text' in b ? [b.text] : []));
    const asked = all.flatMap((t) => [...t.matchAll(/\[cần bổ sung: ([^\]]*)\]/g)].map((m) => m[1]));
    expect(asked).toEqual(report.gaps);
    expect(report.gaps).toEqual([
      'kết quả thực hiện của nhiệm vụ đã hoàn thành NV1 (cột «Kết quả thực hiện»)',
      'kết quả thực hiện của nhiệm vụ đã hoàn thành NV9 (cột «Kết quả thực hiện»)',
      'nguyên nhân của NV3, NV2, CT4, CT1 (cột «Ghi chú»)', // in the order of the areas
      'đề xuất, kiến nghị của kỳ (cột «Kiến nghị», trang «Kỳ báo cáo»)',
    ]);
  });

  it('needs no placeholder where the data gives the words', () => {
    const data = reportWorkbook();
    const filled = buildReport(
      inputOf({
        ...data,
        tasks: data.tasks!.map((t) => ({ ...t, 'Kết quả thực hiện': `kết quả của ${t.Mã}`, 'Ghi chú': `lý do ${t.Mã}` })),
        indicators: data.indicators!.map((i) => ({ ...i, 'Ghi chú': `lý do ${i.Mã}` })),
        periods: data.periods!.map((p) => ({ ...p, 'Kiến nghị': 'Đề nghị tập huấn.\nĐề nghị cấp máy quét.' })),
      }),
      'Q3',
      [],
    );
    expect(filled.gaps).toEqual([]);
    expect(texts(section(filled.body, HEADINGS.proposals), 'item')).toEqual(['- Đề nghị tập huấn.', '- Đề nghị cấp máy quét.']);
  });

  it('puts the annex on a new page: tasks then indicators, one table per area with fixed columns', () => {
    expect(report.annex[0]).toEqual({ kind: 'pageBreak' });
    expect(texts(report.annex, 'annexTitle')).toEqual([HEADINGS.annex]);
    expect(texts(report.annex, 'annexHeading')).toEqual([HEADINGS.annexTasks, HEADINGS.annexIndicators]);
    const tables = tablesOf(report.annex);
    const taskTables = tables.filter((t) => titles(t) === 'STT · Nhiệm vụ · Đơn vị chủ trì · Hạn · Ngày hoàn thành · Trạng thái');
    const indicatorTables = tables.filter((t) => titles(t) === 'STT · Chỉ tiêu · Mục tiêu · Kết quả · Đánh giá');
    expect(taskTables.length + indicatorTables.length).toBe(tables.length);
    expect(taskTables.reduce((n, t) => n + t.rows.length - 1, 0)).toBe(reportWorkbook().tasks!.length);
    const rows = taskTables.flatMap((t) => t.rows.slice(1));
    expect(rows).toContainEqual(['2', 'Rà soát quy trình nội bộ', 'Văn phòng', '01/07/2023', '05/07/2023', 'Hoàn thành trễ hạn']);
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

  it('is stated with each indicator of the next report', () => {
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
    const lines = texts(buildReport(inputOf(reportWorkbook()), 'Q3', history).body, 'item');
    expect(lines).toContain(
      '- Tỷ lệ hồ sơ trực tuyến toàn trình: kết quả 30% (chỉ tiêu: từ 50% trở lên), chưa đạt; tăng 10 điểm % so với 6 tháng đầu năm 2023.',
    );
    expect(lines).toContain(
      '- Hồ sơ giải quyết đúng hạn: kết quả 99,5% (chỉ tiêu: trên 99%), đạt; giảm 0,25 điểm % so với 6 tháng đầu năm 2023.',
    );
    expect(lines).toContain('- Chỉ số PAR INDEX tăng: chưa có số liệu (chỉ tiêu: từ 4 bậc trở lên).');
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

describe('the data cut-off (Đến ngày before today)', () => {
  const data = (completed: string): WorkbookData => ({
    ...reportWorkbook(),
    tasks: [
      {
        Mã: 'A',
        'Lĩnh vực': '2. Cải cách thể chế',
        'Nhiệm vụ': 'Việc A',
        'Hạn hoàn thành': '10/08/2023',
        'Ngày hoàn thành': completed,
      },
      { Mã: 'B', 'Lĩnh vực': '2. Cải cách thể chế', 'Nhiệm vụ': 'Việc B', 'Hạn hoàn thành': '18/08/2023' },
    ],
    indicators: [],
  });
  const statusAt = (r: ReturnType<typeof buildReport>, name: string) =>
    tablesOf(r.annex)
      .flatMap((t) => t.rows)
      .find((row) => row[1] === name)!
      .at(-1);

  it('counts a task completed after C as not completed at C, and one completed on or before C as completed', () => {
    // Q3 of the fixture ends on 15/08/2023; today is 20/08/2023.
    const after = buildReport(inputOf(data('17/08/2023')), 'Q3', []);
    expect(statusAt(after, 'Việc A')).toBe('Quá hạn');
    expect(after.figures.tasks['Quá hạn']).toBe(1);
    const before = buildReport(inputOf(data('09/08/2023')), 'Q3', []);
    expect(statusAt(before, 'Việc A')).toBe('Hoàn thành');
    const late = buildReport(inputOf(data('14/08/2023')), 'Q3', []);
    expect(statusAt(late, 'Việc A')).toBe('Hoàn thành trễ hạn');
  });

  it('does not count as overdue a task due after C, though it is overdue today', () => {
    const r = buildReport(inputOf(data('')), 'Q3', []);
    expect(statusAt(r, 'Việc B')).not.toBe('Quá hạn');
    const today = inputOf(data(''));
    expect(today.tasks.find((t) => t.row.code === 'B')!.status).toBe('Quá hạn');
  });

  it('is today when Đến ngày is blank or later than today', () => {
    expect(buildReport(inputOf(reportWorkbook()), 'NAM', []).cutoff).toBe(TODAY);
  });
});

describe('report tasks (Kỳ báo cáo)', () => {
  const withReportTasks = (sent: Record<string, string>): WorkbookData => ({
    ...reportWorkbook(),
    tasks: [
      ...reportWorkbook().tasks!,
      ...['Q1', 'H1', 'Q3'].map((code) => ({
        Mã: `BC${code}`,
        'Lĩnh vực': '1. Công tác chỉ đạo, điều hành',
        'Nhiệm vụ': `báo cáo ${code}`,
        'Hạn hoàn thành': '01/01/2023',
        'Kỳ báo cáo': code,
      })),
    ],
    periods: PERIODS_WITH_SENT(sent),
  });

  it('are completed by sending: a sent report says when, this report is never pending', () => {
    const r = buildReport(inputOf(withReportTasks({ Q1: '24/02/2023', H1: '29/05/2023' })), 'Q3', []);
    const items = texts(r.body, 'item');
    expect(items).toContain('- Đã gửi báo cáo kết quả cải cách hành chính quý I năm 2023 ngày 24/02/2023.');
    expect(items).toContain('- Đã gửi báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2023 ngày 29/05/2023 (trễ hạn).');
    const annexRow = tablesOf(r.annex)
      .flatMap((t) => t.rows)
      .find((row) => row[1] === 'Báo cáo Q3')!;
    expect(annexRow.at(-1)).toBe('Hoàn thành khi gửi báo cáo này');
    expect([...r.body].some((b) => 'text' in b && b.text.includes('BCQ3'))).toBe(false);
  });

  it('an unsent past report is overdue and named', () => {
    const r = buildReport(inputOf(withReportTasks({})), 'Q3', []);
    const shortcomings = texts(section(r.body, HEADINGS.shortcomings, HEADINGS.causes), 'item').join('\n');
    expect(shortcomings).toContain('- Báo cáo Q1 (hạn 25/02/2023, quá hạn');
    expect(shortcomings).toContain('- Báo cáo H1 (hạn');
  });
});

function PERIODS_WITH_SENT(sent: Record<string, string>): Row[] {
  return reportWorkbook().periods!.map((p) => ({ ...p, 'Ngày gửi': sent[String(p['Mã kỳ'])] ?? '' }));
}

describe('property: any workbook', () => {
  const dmy = (d: Day) => {
    const { year, month, day } = ymdOf(d);
    return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  };
  const start = dayFromYmd(2023, 1, 1);
  const taskArb = fc.record({
    area: fc.constantFrom(...AREA_LABELS, 'Khác', ''),
    deadline: fc.oneof(
      fc.constant('Thường xuyên'),
      fc.integer({ min: 0, max: 364 }).map((d) => dmy(start + d)),
    ),
    completed: fc.option(
      fc.integer({ min: 0, max: 231 }).map((d) => dmy(start + d)),
      { nil: '' },
    ),
    progress: fc.constantFrom('', 0, 30, 100),
    period: fc.constantFrom('', '', '', 'Q1', 'Q3'),
    narrative: fc.constantFrom('', 'đã làm'),
  });
  const indicatorArb = fc.record({
    area: fc.constantFrom(...AREA_LABELS, 'Khác'),
    target: fc.integer({ min: 0, max: 100 }),
    actual: fc.option(fc.integer({ min: 0, max: 100 }), { nil: '' }),
    comparator: fc.constantFrom('≥', '>', '≤', '<', '='),
  });

  it('names every overdue task and missed indicator, lists no row twice, never its own report task as pending, and adds up', () => {
    fc.assert(
      fc.property(
        fc.array(taskArb, { maxLength: 40 }),
        fc.array(indicatorArb, { maxLength: 20 }),
        fc.option(fc.constantFrom('24/02/2023', '01/03/2023'), { nil: '' }),
        (ts, is, sentQ1) => {
          const tasks = ts.map((t, k) => ({
            Mã: `T${k}`,
            'Lĩnh vực': t.area,
            'Nhiệm vụ': `Nhiệm vụ thứ ${k}`,
            'Hạn hoàn thành': t.deadline,
            'Ngày hoàn thành': t.completed,
            'Tiến độ (%)': t.progress,
            'Kỳ báo cáo': t.period,
            'Kết quả thực hiện': t.narrative,
          }));
          const indicators = is.map((i, k) => ({
            Mã: `I${k}`,
            'Lĩnh vực': i.area,
            'Chỉ tiêu': `Chỉ tiêu thứ ${k}`,
            'So sánh': i.comparator,
            'Mục tiêu': i.target,
            'Đơn vị tính': '%',
            'Thực hiện': i.actual,
          }));
          const input = inputOf({ ...reportWorkbook(), tasks, indicators, periods: PERIODS_WITH_SENT({ Q1: sentQ1 }) });
          const r = buildReport(input, 'Q3', []);
          const text = [...r.body, ...r.annex].flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
          const annexRows = tablesOf(r.annex).flatMap((t) => t.rows.slice(1).map((row) => row[1]!));
          const named = (code: string, name: string) => text.includes(`${code}:`) || annexRows.includes(name);
          const tasksTable = tablesOf(r.annex).filter((t) => t.columns.length === 6);
          const statusOf = new Map(tasksTable.flatMap((t) => t.rows.slice(1).map((row) => [row[1]!, row.at(-1)!])));
          for (const t of input.tasks) {
            const name = String(t.row.name).replace(/^n/, 'N');
            expect(annexRows.filter((n) => n === name)).toHaveLength(1);
            if (statusOf.get(name)?.startsWith('Quá hạn')) expect(named(t.row.code!, name)).toBe(true);
            if (t.row.period === 'Q3') {
              expect(statusOf.get(name)).toBe('Hoàn thành khi gửi báo cáo này');
              expect(texts(section(r.body, HEADINGS.next, HEADINGS.proposals), 'item').join('\n')).not.toContain(
                `${t.row.code}:`,
              );
            }
          }
          for (const i of input.indicators) {
            expect(annexRows.filter((n) => n === i.row.name)).toHaveLength(1);
            if (i.status === 'Chưa đạt') expect(named(i.row.code!, i.row.name!)).toBe(true);
          }
          const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
          expect(sum(r.figures.tasks)).toBe(input.tasks.length);
          expect(sum(r.figures.indicators)).toBe(input.indicators.length);
          expect(r.figures.indicators['Chưa đạt']).toBe(input.indicators.filter((i) => i.status === 'Chưa đạt').length);
          const overdueInAnnex = [...statusOf.values()].filter((s) => s.startsWith('Quá hạn')).length;
          expect(r.figures.tasks['Quá hạn']).toBe(overdueInAnnex);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('prose punctuation and names', () => {
  const ENDINGS = ['', '.', ';', ',', ':', '…', '. ', ' ;', '..', '!'];
  const words = fc.array(fc.constantFrom('rà', 'soát', 'văn', 'bản', 'QPPL', 'năm', '2023', 'xã', 'UBND', '(giai đoạn 1)'), {
    minLength: 1,
    maxLength: 40,
  });
  const cellText = fc.tuple(words, fc.constantFrom(...ENDINGS)).map(([w, end]) => `${w.join(' ')}${end}`);

  it('no item or paragraph has doubled punctuation or stray spaces, each item ends with one full stop, and III–IV name rows by text, never by code', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 6, maxLength: 6 }), (texts6) => {
        const data = reportWorkbook();
        const [name, note, narrative, indicatorName, indicatorNote, proposal] = texts6 as [
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        const tasks = data.tasks!.map((t) =>
          t.Mã === 'NV2'
            ? { ...t, 'Nhiệm vụ': name, 'Ghi chú': note }
            : t.Mã === 'NV9'
              ? { ...t, 'Kết quả thực hiện': narrative }
              : t,
        );
        const indicators = data.indicators!.map((i) =>
          i.Mã === 'CT1' ? { ...i, 'Chỉ tiêu': indicatorName, 'Ghi chú': indicatorNote } : i,
        );
        const periods = data.periods!.map((p) => ({ ...p, 'Kiến nghị': proposal }));
        const r = buildReport(inputOf({ ...data, tasks, indicators, periods }), 'Q3', []);
        for (const b of r.body) {
          if (!('text' in b) || b.text.startsWith('[')) continue;
          const t = b.text.replace(/\[cần bổ sung: [^\]]*\]/g, 'X');
          expect(t, t).not.toMatch(/[.;,:]\s*[.;,:]|\s[.;,:)]|\(\s|\s{2}|^\s|\s$|[.;,]\s*\(/);
          if (b.kind === 'item' && !b.text.includes('[cần bổ sung')) expect(t, t).toMatch(/(?:[^.]\.|[…!?])$/);
        }
        const prose = [...section(r.body, HEADINGS.assessment, HEADINGS.proposals)]
          .filter((b) => 'text' in b && !b.text.includes('[cần bổ sung'))
          .map((b) => ('text' in b ? b.text : ''))
          .join('\n');
        expect(prose).not.toMatch(/\b(NV|CT)\d+\b/);
        expect(prose).toContain(upperFirst(name.replace(/[\s.;,:]+$/, '').slice(0, 20)));
      }),
      { numRuns: 60 },
    );
  });

  it('cuts a long name at a word boundary with "…"', () => {
    const long =
      'Triển khai, thực hiện rà soát, đơn giản hóa TTHC nội bộ trong cơ quan hành chính nhà nước trên địa bàn huyện giai đoạn 2022 - 2025; bảo đảm các nội dung thực hiện trong năm 2023 hoàn thành theo đúng lộ trình.';
    const cut = shortName(long, 80);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toMatch(/[^\s,;]…$/);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long.charAt(cut.length - 1)).toMatch(/[\s,;]/);
    expect(shortName('Báo cáo quý I.')).toBe('Báo cáo quý I');
  });

  it('keeps the capitals of a period name that opens with an abbreviation, lowers a word', () => {
    expect(lowerFirst('Quý III năm 2023')).toBe('quý III năm 2023');
    expect(lowerFirst('Năm 2023')).toBe('năm 2023');
    expect(lowerFirst('CCHC quý III')).toBe('CCHC quý III');
  });
});

describe('the issuing body inside a sentence', () => {
  it('writes a name typed in capitals as a sentence writes it, the place and the field after Sở/Phòng/Bộ as names', () => {
    expect(issuerInSentence('ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN', 'Tú Xuyên')).toBe('Ủy ban nhân dân xã Tú Xuyên');
    expect(issuerInSentence('SỞ NỘI VỤ', 'Lạng Sơn')).toBe('Sở Nội vụ');
    expect(issuerInSentence('PHÒNG TÀI CHÍNH - KẾ HOẠCH', '')).toBe('Phòng Tài chính - Kế hoạch');
    expect(issuerInSentence('UBND xã Tú Xuyên', 'Tú Xuyên')).toBe('UBND xã Tú Xuyên');
  });
});
