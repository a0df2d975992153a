/**
 * The province's consolidated report (docs/SPEC.md §10) as a ReportDocument
 * (src/core/report/model.ts), so the commune report's renderer lays it out per §5: the province's
 * header and signature, sections I–V (collection, figures over all communes, the ranking, the
 * communes whose report for the period is missing or late, the communes' own proposals), then the
 * ranking table as an annex on a new page. Pure: it reads `Số liệu tổng hợp` as rows.
 */
import type { Config } from '../core/config';
import type { Day } from '../core/days';
import { UserError } from '../core/errors';
import {
  issuerInSentence,
  letterhead,
  missingConfig,
  type ReportDocument,
  type TableColumn,
  TEXT_LIST_MAX,
} from '../core/report/model';
import { cut, formatNumber, lowerFirst, oneLine, orPlaceholder, PLACEHOLDER } from '../core/report/format';
import { STATUS, TASK_STATUSES } from '../contract/status';
import { periodNameOf } from '../contract/lists';
import { cellText, normalizeLabel } from '../core/text';
import { HUB_INDICATOR_STATUSES, HUB_PERIODS, SUMMARY_HEADERS, SUMMARY_SHEET } from './contract';
import { COLLECTED } from './units';

export interface HubRow {
  code: string;
  name: string;
  collection: string;
  tasks: Record<string, number>;
  taskTotal: number;
  indicators: Record<string, number>;
  overdue: number;
  periods: Record<string, { link: string; status: string; proposals: string }>;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Rows of `Số liệu tổng hợp` (header first), columns found by header text. */
export function hubRows(values: readonly (readonly unknown[])[]): HubRow[] {
  const header = (values[0] ?? []).map((h) => normalizeLabel(cellText(h)));
  const at = (h: string) => header.indexOf(normalizeLabel(h));
  const missing = [SUMMARY_HEADERS.code, SUMMARY_HEADERS.name, SUMMARY_HEADERS.collection].filter((h) => at(h) < 0);
  if (missing.length)
    throw new UserError(
      `Trang «${SUMMARY_SHEET}» thiếu cột ${missing.map((h) => `«${h}»`).join(', ')}: hãy chạy CCHC tỉnh › Thu thập số liệu.`,
    );
  const H = SUMMARY_HEADERS;
  return values
    .slice(1)
    .filter((r) => cellText(r[at(H.code)]) || cellText(r[at(H.name)]))
    .map((r) => {
      const get = (h: string) => (at(h) >= 0 ? r[at(h)] : '');
      return {
        code: cellText(get(H.code)),
        name: cellText(get(H.name)),
        collection: cellText(get(H.collection)),
        tasks: Object.fromEntries(TASK_STATUSES.map((s, i) => [s, num(get(H.tasks[i]!))])),
        taskTotal: num(get(H.taskTotal)),
        indicators: Object.fromEntries(HUB_INDICATOR_STATUSES.map((s, i) => [s, num(get(H.indicators[i]!))])),
        overdue: num(get(H.overdue)),
        periods: Object.fromEntries(
          HUB_PERIODS.map((p) => {
            const [link, status, proposals] = H.period(p).map((h) => cellText(get(h)));
            return [p, { link: link!, status: status!, proposals: proposals! }];
          }),
        ),
      };
    });
}

/** The hub report: what the renderer lays out, and what the dialog says about it. */
export interface HubReport extends ReportDocument {
  period: { code: string; name: string };
  /** Labels of `Cấu hình` values the report needed and did not find (shown as `…`). */
  missingConfig: string[];
}

const RANKING_COLUMNS: readonly TableColumn[] = [
  { title: 'Hạng', share: 0.08 },
  { title: 'Đơn vị', share: 0.32 },
  { title: 'Nhiệm vụ hoàn thành', share: 0.17 },
  { title: 'Nhiệm vụ quá hạn', share: 0.13 },
  { title: 'Chỉ tiêu đạt', share: 0.13 },
  { title: 'Báo cáo kỳ', share: 0.17 },
];
const LATE_COLUMNS: readonly TableColumn[] = [
  { title: 'STT', share: 0.08 },
  { title: 'Đơn vị', share: 0.42 },
  { title: 'Tình trạng báo cáo', share: 0.5 },
];
const HUB_HEADINGS = {
  collection: 'I. TÌNH HÌNH TỔNG HỢP SỐ LIỆU',
  results: 'II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ',
  ranking: 'III. XẾP HẠNG CÁC ĐƠN VỊ',
  late: (periodName: string) => `IV. ĐƠN VỊ CHƯA GỬI HOẶC GỬI TRỄ BÁO CÁO ${periodName.toLocaleUpperCase('vi')}`,
  proposals: 'V. ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ',
  annex: 'PHỤ LỤC',
  annexRanking: 'Bảng xếp hạng kết quả cải cách hành chính của các đơn vị cấp xã',
} as const;
/** Communes named at the top of the ranking in section III (the annex has them all). */
const LEADERS = 3;
/**
 * Characters of one commune's `Kiến nghị` quoted in section V: a cell holds up to 50,000, and 150
 * communes of those would pass a Google Doc's ~1.02 million (docs/SPEC.md §7); the rest is cut.
 */
const PROPOSAL_MAX = 1000;

const done = (r: HubRow) => (r.tasks[STATUS.done] ?? 0) + (r.tasks[STATUS.doneLate] ?? 0);
const share = (part: number, whole: number) => (whole ? part / whole : 0);
const percent = (part: number, whole: number) => `${formatNumber(share(part, whole) * 100)}%`;
const measured = (r: HubRow) => (r.indicators[STATUS.met] ?? 0) + (r.indicators[STATUS.missed] ?? 0);
const label = (r: HubRow) => cut(oneLine(r.name) || oneLine(r.code) || PLACEHOLDER, 200);
const notCollected = (r: HubRow) => cut(oneLine(r.collection), 300) || 'chưa thu thập';

/**
 * The ranking: share of tasks completed (on time or late), then share of measured indicators met,
 * then fewer overdue tasks; equal figures share a rank. Communes not collected are not ranked.
 */
function rankCommunes(rows: readonly HubRow[]): { row: HubRow; rank: number }[] {
  const key = (r: HubRow) => [share(done(r), r.taskTotal), share(r.indicators[STATUS.met] ?? 0, measured(r)), -r.overdue];
  const sorted = rows
    .filter((r) => r.collection === COLLECTED)
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i]! - a.key[i]!;
      return label(a.row).localeCompare(label(b.row), 'vi');
    });
  let rank = 0;
  return sorted.map((x, i) => {
    if (i === 0 || x.key.some((k, j) => k !== sorted[i - 1]!.key[j])) rank = i + 1;
    return { row: x.row, rank };
  });
}

/**
 * Missing or late, by the period statuses of docs/SPEC.md §3: sent after the due date, overdue and
 * not sent, no such period, a date error, or not collected. `Đã gửi`, a draft not yet due and a
 * period not yet due are neither.
 */
function reportState(r: HubRow, code: string): string | null {
  if (r.collection !== COLLECTED) return `Chưa tổng hợp được số liệu (${notCollected(r)})`;
  const s = r.periods[code]?.status ?? '';
  if (!s) return `Bảng tính của đơn vị không có kỳ ${code}`;
  if (s === STATUS.sentLate) return STATUS.sentLate;
  if (s === STATUS.overdue) return 'Quá hạn, chưa gửi báo cáo';
  if (s === STATUS.error) return 'Ngày gửi không hợp lệ (Lỗi dữ liệu)';
  return null;
}

export function buildHubReport(
  config: Config,
  rows: readonly HubRow[],
  periodCode: string,
  today: Day,
  todayYear: number,
): HubReport {
  const code = HUB_PERIODS.find((p) => normalizeLabel(p) === normalizeLabel(periodCode));
  if (!code) throw new UserError(`Không có kỳ báo cáo mã «${periodCode}». Các mã kỳ: ${HUB_PERIODS.join(', ')}.`);
  if (!rows.length) throw new UserError(`Trang «${SUMMARY_SHEET}» chưa có số liệu: hãy chạy CCHC tỉnh › Thu thập số liệu trước.`);
  const periodName = periodNameOf(code, config.year ?? todayYear);
  const issuer = orPlaceholder(config.issuer);
  const collected = rows.filter((r) => r.collection === COLLECTED);
  const sum = (f: (r: HubRow) => number) => collected.reduce((n, r) => n + f(r), 0);
  const tasks = sum((r) => r.taskTotal);
  const completed = sum(done);
  const late = sum((r) => r.tasks[STATUS.doneLate] ?? 0);
  const overdue = sum((r) => r.tasks[STATUS.overdue] ?? 0);
  const met = sum((r) => r.indicators[STATUS.met] ?? 0);
  const measuredAll = sum(measured);
  const noData = sum((r) => r.indicators[STATUS.noData] ?? 0);
  const failed = rows.filter((r) => r.collection !== COLLECTED);
  const ranking = rankCommunes(rows);
  const lateRows = rows.map((r) => ({ r, state: reportState(r, code) })).filter((x) => x.state);
  const proposals = collected.filter((r) => oneLine(r.periods[code]?.proposals));
  // Names only: section IV gives each one's reason.
  const failedNames = failed.slice(0, TEXT_LIST_MAX).map(label);
  if (failed.length > TEXT_LIST_MAX) failedNames.push(`${failed.length - TEXT_LIST_MAX} đơn vị khác`);
  const leaders = ranking
    .slice(0, LEADERS)
    .map(({ row, rank }) => `${label(row)} (hạng ${rank}, hoàn thành ${percent(done(row), row.taskTotal)} nhiệm vụ)`);

  const body: ReportDocument['body'] = [
    {
      kind: 'paragraph',
      text: `Thực hiện chế độ báo cáo công tác cải cách hành chính, ${issuerInSentence(issuer, config.place)} tổng hợp kết quả thực hiện công tác cải cách hành chính ${lowerFirst(periodName)} của ${rows.length} đơn vị cấp xã như sau:`,
    },
    { kind: 'heading', text: HUB_HEADINGS.collection },
    {
      kind: 'paragraph',
      text: failed.length
        ? `Đã tổng hợp số liệu của ${collected.length}/${rows.length} đơn vị; ${failed.length} đơn vị chưa tổng hợp được: ${failedNames.join(', ')} (lý do nêu tại mục IV).`
        : `Đã tổng hợp số liệu của đủ ${rows.length}/${rows.length} đơn vị.`,
    },
    { kind: 'heading', text: HUB_HEADINGS.results },
    {
      kind: 'paragraph',
      text: `Các đơn vị đã hoàn thành ${completed}/${tasks} nhiệm vụ (${percent(completed, tasks)}; trong đó ${late} nhiệm vụ hoàn thành trễ hạn); ${overdue} nhiệm vụ quá hạn chưa hoàn thành.`,
    },
    {
      kind: 'paragraph',
      text: measuredAll
        ? `Có ${met}/${measuredAll} chỉ tiêu đã có kết quả đạt (${percent(met, measuredAll)}); ${noData} chỉ tiêu chưa có số liệu.`
        : `Chưa có chỉ tiêu nào có kết quả; ${noData} chỉ tiêu chưa có số liệu.`,
    },
    { kind: 'heading', text: HUB_HEADINGS.ranking },
    {
      kind: 'paragraph',
      text: ranking.length
        ? `Xếp theo tỷ lệ nhiệm vụ đã hoàn thành, rồi tỷ lệ chỉ tiêu đạt trên số chỉ tiêu đã có kết quả, rồi số nhiệm vụ quá hạn (ít hơn xếp trên). Dẫn đầu: ${leaders.join('; ')}. Bảng xếp hạng ${ranking.length} đơn vị tại Phụ lục.`
        : 'Chưa có đơn vị nào tổng hợp được số liệu để xếp hạng.',
    },
    { kind: 'heading', text: HUB_HEADINGS.late(periodName) },
    lateRows.length
      ? {
          kind: 'table',
          columns: LATE_COLUMNS,
          rows: [LATE_COLUMNS.map((c) => c.title), ...lateRows.map((x, i) => [String(i + 1), label(x.r), x.state!])],
        }
      : { kind: 'paragraph', text: 'Không có đơn vị nào gửi trễ hoặc quá hạn chưa gửi báo cáo kỳ này.' },
    { kind: 'heading', text: HUB_HEADINGS.proposals },
    ...(proposals.length
      ? proposals.map((r) => ({
          kind: 'item' as const,
          text: `- ${label(r)}: ${cut(oneLine(r.periods[code]!.proposals), PROPOSAL_MAX)}`,
        }))
      : [{ kind: 'paragraph' as const, text: 'Các đơn vị chưa có đề xuất, kiến nghị trong kỳ.' }]),
  ];

  const annex: ReportDocument['annex'] = ranking.length
    ? [
        { kind: 'pageBreak' },
        { kind: 'annexTitle', text: HUB_HEADINGS.annex },
        { kind: 'annexHeading', text: HUB_HEADINGS.annexRanking },
        {
          kind: 'table',
          columns: RANKING_COLUMNS,
          rows: [
            RANKING_COLUMNS.map((c) => c.title),
            ...ranking.map(({ row, rank }) => [
              String(rank),
              label(row),
              `${done(row)}/${row.taskTotal} (${percent(done(row), row.taskTotal)})`,
              String(row.tasks[STATUS.overdue] ?? 0),
              measured(row) ? `${row.indicators[STATUS.met] ?? 0}/${measured(row)}` : '-',
              row.periods[code]?.status || '-',
            ]),
          ],
        },
      ]
    : [];

  return {
    name: `Báo cáo tổng hợp CCHC ${periodName} - ${issuer}`,
    period: { code, name: periodName },
    ...letterhead(config, today),
    summary: `Tổng hợp kết quả thực hiện công tác cải cách hành chính ${lowerFirst(periodName)} của các đơn vị cấp xã`,
    body,
    annex,
    missingConfig: missingConfig(config),
  };
}
