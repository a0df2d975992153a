/**
 * The periodic report as data (docs/SPEC.md §5), in the outline of the Ministry of Home Affairs'
 * CCHC reports: an opening sentence, I. direction, II. results per area (prose made of counts, the
 * staff's `Kết quả thực hiện` and indicator values in words), III. assessment with causes, IV. the
 * way forward, V. proposals, then the annex tables on a new page. Statuses are as of the cut-off
 * date. Where only staff can give the words, the text holds a `[cần bổ sung: …]` placeholder.
 * Pure: the Google Doc renderer, the .docx export and the tests all read this model.
 */
import { CONFIG_LABELS, type ConfigKey } from '../../contract/settings';
import type { Config } from '../config';
import { type Day, formatDmy, lastDayOfYear } from '../days';
import { UserError } from '../errors';
import type { Outcome } from '../evaluate';
import { round2 } from '../numbers';
import type { IndicatorRow, PeriodRow, TaskRow } from '../rows';
import { type Clock, parseComparator, taskDueDay } from '../rules';
import { type Comparator, AREA_LABELS, CONTINUOUS } from '../../contract/lists';
import { PERIODS, TASKS } from '../../contract/sheets';
import {
  INDICATOR_STATUSES,
  type IndicatorStatus,
  type PeriodStatus,
  STATUS,
  TASK_STATUSES,
  type TaskStatus,
} from '../../contract/status';
import { foldDiacritics, normalizeLabel } from '../text';
import { matchArea } from '../areas';
import { cutoffOf, type TaskAtCutoff, taskAtCutoff } from './cutoff';
import {
  dateLine,
  deadlineText,
  formatNumber,
  lowerFirst,
  oneLine,
  orPlaceholder,
  PLACEHOLDER,
  upperFirst,
  withUnit,
} from './format';
import { type HistoryEntry, type HistoryRow, indicatorKey, type Previous, previousResults } from './history';

type Task = Outcome<TaskRow, TaskStatus>;
type Indicator = Outcome<IndicatorRow, IndicatorStatus>;
type Period = Outcome<PeriodRow, PeriodStatus>;

/** What a refresh computed (the `Snapshot` of ops/refresh.ts satisfies this). */
export interface ReportInput {
  config: Config;
  clock: Clock;
  tasks: readonly Task[];
  indicators: readonly Indicator[];
  periods: readonly Period[];
}

export interface TableColumn {
  title: string;
  /** Share of the text width (the shares of a table add up to 1). */
  share: number;
}

/**
 * `heading` (I.–V.), `subheading` (1., 2. …) and `annexHeading` are kept with what follows; a
 * table's first row (its header) repeats on every page.
 */
export type Block =
  | { kind: 'heading' | 'subheading' | 'paragraph' | 'item' | 'annexTitle' | 'annexHeading' | 'annexArea'; text: string }
  | { kind: 'table'; columns: readonly TableColumn[]; rows: string[][] }
  | { kind: 'pageBreak' };

export interface Figures {
  tasks: Record<TaskStatus, number>;
  indicators: Record<IndicatorStatus, number>;
}

/**
 * What the renderer lays out (src/gas/report/render.ts): the NĐ 30 header, title and summary, the
 * body, `Nơi nhận` beside the signature, then the annex. The commune report and the province
 * hub's report (src/hub/report.ts) are both one of these.
 */
export interface ReportDocument {
  /** The Google Doc's name. */
  name: string;
  header: { superior: string; issuer: string; number: string; nation: string; motto: string; dateLine: string };
  title: string;
  summary: string;
  body: Block[];
  recipients: string[];
  signature: { authority: string; title: string; signer: string };
  /** After the signature; it starts with a `pageBreak` block when it has content. */
  annex: Block[];
}

export interface Report extends ReportDocument {
  period: { code: string; name: string; sheetRow: number };
  /** C: statuses are as of this day. */
  cutoff: Day;
  /** Labels of `Cấu hình` values the report needed and did not find (shown as `…`). */
  missingConfig: string[];
  /** What each `[cần bổ sung: …]` placeholder asks staff to add, in document order. */
  gaps: string[];
  /** Task and indicator counts per status as of C (they add up to the workbook's rows). */
  figures: Figures;
  /** Rows of `Lỗi dữ liệu` among the tasks and indicators reported. */
  dataErrors: number;
  /** What this report appends to `Lịch sử`. */
  history: HistoryRow[];
}

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_TITLE = 'Nơi nhận:';
export const HEADINGS = {
  direction: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
  results: 'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
  assessment: 'III. ĐÁNH GIÁ CHUNG',
  strengths: '1. Ưu điểm',
  shortcomings: '2. Tồn tại, hạn chế',
  causes: '3. Nguyên nhân',
  next: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
  proposals: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
  annex: 'PHỤ LỤC',
  annexTasks: 'Phụ lục I. Kết quả thực hiện nhiệm vụ',
  annexIndicators: 'Phụ lục II. Kết quả thực hiện chỉ tiêu',
} as const;

/** Areas 2–7 as section II numbers them. */
export const RESULT_AREA_TITLES = [
  '1. Cải cách thể chế',
  '2. Cải cách thủ tục hành chính',
  '3. Cải cách tổ chức bộ máy',
  '4. Cải cách chế độ công vụ',
  '5. Cải cách tài chính công',
  '6. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
] as const;
export const OTHER_AREA_TITLE = '7. Nhiệm vụ, chỉ tiêu khác';

/** Phụ lục I: one row per task, grouped by area (docs/SPEC.md §5). */
const ANNEX_TASK_COLUMNS: readonly TableColumn[] = [
  { title: 'STT', share: 0.07 },
  { title: 'Nhiệm vụ', share: 0.32 },
  { title: 'Đơn vị chủ trì', share: 0.16 },
  // dd/mm/yyyy at 12 pt (about 55 pt) on one line, inside the cell's padding.
  { title: 'Hạn', share: 0.15 },
  { title: 'Ngày hoàn thành', share: 0.15 },
  { title: 'Trạng thái', share: 0.15 },
];
/** Phụ lục II: one row per indicator, grouped by area. */
const ANNEX_INDICATOR_COLUMNS: readonly TableColumn[] = [
  { title: 'STT', share: 0.07 },
  { title: 'Chỉ tiêu', share: 0.48 },
  { title: 'Mục tiêu', share: 0.14 },
  { title: 'Kết quả', share: 0.12 },
  { title: 'Đánh giá', share: 0.19 },
];

/** Characters of a task or indicator named in the prose of III and IV. */
const NAME_MAX = 120;
/** Rows named in the text of one list (overdue, missed, next steps); the rest are counted. */
export const TEXT_LIST_MAX = 10;
/** `Kết quả thực hiện` items and indicators stated per area; the rest are counted. */
const RESULTS_PER_AREA_MAX = 15;
/** Rows of each annex table; the rest are counted in a closing row (the Doc stays far below 1 M characters). */
export const ANNEX_ROWS_MAX = 300;
/** A placeholder's text starts with this (the renderer highlights each one). */
export const GAP_OPEN = '[cần bổ sung: ';

/** `Cấu hình` values the document prints; `Cơ quan chủ quản` may be blank (SPEC §1). */
const REQUIRED_CONFIG: readonly ConfigKey[] = [
  'issuer',
  'abbreviation',
  'place',
  'signAuthority',
  'signerTitle',
  'signer',
  'recipients',
];

export function periodCodes(periods: readonly Period[]): string[] {
  return [...new Set(periods.map((p) => p.row.code ?? '').filter(Boolean))];
}

/** The period with this `Mã kỳ` (any case); an unknown code is refused with the known ones. */
export function findPeriod(periods: readonly Period[], code: string): Period {
  const want = normalizeLabel(code);
  const hit = want ? periods.find((p) => normalizeLabel(p.row.code ?? '') === want) : undefined;
  if (hit) return hit;
  const known = periodCodes(periods);
  const sheet = `«${PERIODS.name}»`;
  throw new UserError(
    known.length
      ? `Không có kỳ báo cáo mã «${code}» trong trang ${sheet}. Các mã kỳ hiện có: ${known.join(', ')}.`
      : `Trang ${sheet} chưa có kỳ báo cáo nào: hãy nhập Mã kỳ, Tên kỳ và Hạn gửi rồi tạo lại báo cáo.`,
  );
}

/** The period whose due date is next (today included); after the last one, the last one. */
export function nextDuePeriod(periods: readonly Period[], today: Day): Period {
  const dated = periods.filter((p) => p.row.code && p.row.due != null).sort((a, b) => a.row.due! - b.row.due!);
  const next = dated.find((p) => p.row.due! >= today) ?? dated[dated.length - 1];
  if (!next) throw new UserError(`Trang «${PERIODS.name}» chưa có kỳ báo cáo nào có Mã kỳ và Hạn gửi.`);
  return next;
}

/** The `Cấu hình` labels a report needs and the sheet leaves blank (named in the dialog; the draft prints `…`). */
export function missingConfig(config: Config): string[] {
  return REQUIRED_CONFIG.filter((k) => {
    const v = config[k];
    return Array.isArray(v) ? v.length === 0 : !String(v).trim();
  }).map((k) => CONFIG_LABELS[k]);
}

/** The NĐ 30 header, title, `Nơi nhận` and signature of a report issued under `Cấu hình` on `today`. */
export function letterhead(config: Config, today: Day): Pick<ReportDocument, 'header' | 'title' | 'recipients' | 'signature'> {
  return {
    header: {
      superior: oneLine(config.superior),
      issuer: orPlaceholder(config.issuer),
      number: `Số:    /BC-${orPlaceholder(config.abbreviation)}`,
      nation: NATION,
      motto: MOTTO,
      dateLine: dateLine(config.place, today),
    },
    title: 'BÁO CÁO',
    recipients: recipientLines(config.recipients),
    signature: {
      authority: orPlaceholder(config.signAuthority),
      title: orPlaceholder(config.signerTitle),
      signer: orPlaceholder(config.signer),
    },
  };
}

/** `Nơi nhận` lines, each with its dash, ending with `- Lưu: VT.` when the list lacks it. */
export function recipientLines(lines: readonly string[]): string[] {
  const out = lines
    .map(oneLine)
    .filter(Boolean)
    .map((l) => `- ${l.replace(/^[-–•+]\s*/, '')}`);
  if (!out.length) out.push(`- ${PLACEHOLDER};`);
  if (!out.some((l) => /^- luu\b/.test(foldDiacritics(l)))) out.push('- Lưu: VT.');
  return out;
}

/** "tăng 5 điểm % so với quý I năm 2023", for a result next to the previous period's. */
export function changeText(current: number, previous: Previous, unit: string): string {
  const delta = round2(current - previous.result);
  const since = `so với ${lowerFirst(previous.periodName)}`;
  if (delta === 0) return `không đổi ${since}`;
  const amount = unit.trim() === '%' ? `${formatNumber(Math.abs(delta))} điểm %` : withUnit(Math.abs(delta), unit);
  return `${delta > 0 ? 'tăng' : 'giảm'} ${amount} ${since}`;
}

// ---- areas and counts ----

interface Area {
  /** 1–7 for the plan's areas, 8 for rows of no known area. */
  number: number;
  title: string;
  tasks: TaskAtCutoff[];
  indicators: Indicator[];
}

/** The seven areas in order, then one group for rows whose `Lĩnh vực` names none of them. */
function byArea(tasks: readonly TaskAtCutoff[], indicators: readonly Indicator[]): Area[] {
  const areas: Area[] = AREA_LABELS.map((label, i) => ({
    number: i + 1,
    title: i === 0 ? label : RESULT_AREA_TITLES[i - 1]!,
    tasks: [],
    indicators: [],
  }));
  const other: Area = { number: 8, title: OTHER_AREA_TITLE, tasks: [], indicators: [] };
  const home = (label: string | undefined) => {
    const area = matchArea(label ?? '');
    return area === null ? other : areas[area - 1]!;
  };
  for (const t of tasks) home(t.row.area).tasks.push(t);
  for (const i of indicators) home(i.row.area).indicators.push(i);
  return other.tasks.length || other.indicators.length ? [...areas, other] : areas;
}

const count = <S>(xs: readonly { status: S }[], s: S) => xs.filter((x) => x.status === s).length;
const isDone = (t: Task) => t.status === STATUS.done || t.status === STATUS.doneLate;
const isContinuous = (t: Task) => t.row.deadline?.kind !== 'date';
const OPEN: readonly TaskStatus[] = [STATUS.overdue, STATUS.dueSoon, STATUS.inProgress, STATUS.notStarted];
const isOpen = (t: Task) => OPEN.includes(t.status);
/** A row's code, for placeholders that send staff to the workbook (the signed prose names rows by text). */
const codeOf = (r: { row: { code?: string; name?: string } }) => oneLine(r.row.code) || `«${shortName(r.row.name, 60)}»`;

/** A text's own closing punctuation, dropped before "(…)", ":" or a full stop is appended. */
const TRAILING = /[\s.;,:]+$/;
const bare = (s: string | undefined) => oneLine(s).replace(TRAILING, '');

/** At most `max` characters, cut at a word boundary with "…" (what follows in the cell is in the annex). */
export function shortName(s: string | undefined, max = NAME_MAX): string {
  const t = bare(s);
  if (t.length <= max) return t;
  const head = t.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head.slice(0, max - 1)).replace(TRAILING, '')}…`;
}

/** A task or indicator named in the prose: its text, first letter upper-case, cut to NAME_MAX. */
const nameOf = (r: { row: { name?: string } }, max = NAME_MAX) => upperFirst(shortName(r.row.name, max)) || PLACEHOLDER;

/** A sentence from a cell: first letter upper-case, ending with one full stop (or its own "…", "!", "?"). */
function sentence(s: string | undefined): string {
  const t = upperFirst(bare(s));
  return /[!?…]$/.test(t) ? t : `${t}.`;
}

/** "NV1.01, NV1.02 và 3 nhiệm vụ khác"; names, which hold commas, are joined by "; ". */
function namedList(items: readonly string[], noun: string, max = TEXT_LIST_MAX, join = ', '): string {
  const shown = items.slice(0, max).join(join);
  return items.length > max ? `${shown} và ${items.length - max} ${noun} khác` : shown;
}

class Gaps {
  readonly items: string[] = [];
  /** A placeholder in the text, and its request in the list the dialog counts. */
  ask(what: string): string {
    this.items.push(what);
    return `${GAP_OPEN}${what}]`;
  }
}

// ---- indicators in words ----

const COMPARATOR_WORDS: Record<Comparator, (v: string) => string> = {
  '≥': (v) => `từ ${v} trở lên`,
  '>': (v) => `trên ${v}`,
  '≤': (v) => `không quá ${v}`,
  '<': (v) => `dưới ${v}`,
  '=': (v) => `bằng ${v}`,
};

function targetWords(i: Indicator): string {
  const { target, unit = '', comparator = '' } = i.row;
  const c = parseComparator(comparator);
  if (target == null || !c) return PLACEHOLDER;
  const value = withUnit(target, unit);
  return c === '≥' && unit.trim() === '%' && target === 100 ? value : COMPARATOR_WORDS[c](value);
}

/** "Tỷ lệ … : đạt 99,5% (chỉ tiêu: trên 99%), đạt; tăng 2 điểm % so với quý I năm 2023." */
function indicatorSentence(i: Indicator, previous: Map<string, Previous>): string {
  const name = upperFirst(bare(i.row.name)) || PLACEHOLDER;
  const target = `chỉ tiêu: ${targetWords(i)}`;
  switch (i.status) {
    case STATUS.met:
    case STATUS.missed: {
      const before = previous.get(indicatorKey(i.row));
      const change = before ? `; ${changeText(i.result!, before, i.row.unit ?? '')}` : '';
      const verdict = i.status === STATUS.met ? 'đạt' : 'chưa đạt';
      return `${name}: kết quả ${withUnit(i.result!, i.row.unit ?? '')} (${target}), ${verdict}${change}.`;
    }
    case STATUS.notApplicable:
      return `${name}: trong kỳ không phát sinh (${target}).`;
    case STATUS.noData:
      return `${name}: chưa có số liệu (${target}).`;
    default:
      return `${name}: số liệu chưa hợp lệ, cần kiểm tra lại trong bảng theo dõi.`;
  }
}

// ---- section I and II: one area ----

/** "Đã hoàn thành 5/12 nhiệm vụ (trong đó 1 trễ hạn); 4 nhiệm vụ thường xuyên đang tiếp tục thực hiện; …" */
function figuresSentence(tasks: readonly TaskAtCutoff[]): string {
  const done = tasks.filter(isDone).length;
  const late = count(tasks, STATUS.doneLate);
  const parts = [`Đã hoàn thành ${done}/${tasks.length} nhiệm vụ${late ? ` (trong đó ${late} trễ hạn)` : ''}`];
  const continuing = tasks.filter((t) => isOpen(t) && t.status !== STATUS.overdue && isContinuous(t)).length;
  if (continuing) parts.push(`${continuing} nhiệm vụ thường xuyên đang tiếp tục thực hiện`);
  const dated = tasks.filter((t) => !isContinuous(t));
  const inProgress = dated.filter((t) => t.status === STATUS.inProgress || t.status === STATUS.dueSoon).length;
  if (inProgress) parts.push(`${inProgress} nhiệm vụ đang thực hiện`);
  const notStarted = count(dated, STATUS.notStarted);
  if (notStarted) parts.push(`${notStarted} nhiệm vụ chưa đến hạn, chưa triển khai`);
  const overdue = count(tasks, STATUS.overdue);
  if (overdue) parts.push(`${overdue} nhiệm vụ quá hạn chưa hoàn thành`);
  const errors = count(tasks, STATUS.error);
  if (errors) parts.push(`${errors} nhiệm vụ có số liệu chưa hợp lệ`);
  return `${parts.join('; ')}.`;
}

/** A past period's report task that is done: sending the report is its result. */
const sentReport = (t: TaskAtCutoff) => !!t.row.period && !t.isThisReport && isDone(t) && t.row.completed != null;

function sentReportSentence(t: TaskAtCutoff, periodNames: ReadonlyMap<string, string>): string {
  const name = periodNames.get(normalizeLabel(t.row.period ?? '')) ?? t.row.period!;
  const late = t.status === STATUS.doneLate ? ' (trễ hạn)' : '';
  return `Đã gửi báo cáo kết quả cải cách hành chính ${lowerFirst(name)} ngày ${formatDmy(t.row.completed!)}${late}.`;
}

function areaBlocks(
  area: Area,
  previous: Map<string, Previous>,
  periodNames: ReadonlyMap<string, string>,
  gaps: Gaps,
  heading = true,
): Block[] {
  const out: Block[] = heading ? [{ kind: 'subheading', text: area.title }] : [];
  if (!area.tasks.length && !area.indicators.length) {
    out.push({ kind: 'paragraph', text: 'Kế hoạch không giao nhiệm vụ, chỉ tiêu thuộc lĩnh vực này.' });
    return out;
  }
  if (area.tasks.length) {
    out.push({ kind: 'paragraph', text: figuresSentence(area.tasks) });
    const withResult = area.tasks.filter((t) => oneLine(t.row.narrative) && !t.completedLater && t.status !== STATUS.error);
    for (const t of withResult.slice(0, RESULTS_PER_AREA_MAX)) out.push({ kind: 'item', text: `- ${sentence(t.row.narrative)}` });
    if (withResult.length > RESULTS_PER_AREA_MAX) {
      out.push({
        kind: 'item',
        text: `- Kết quả của ${withResult.length - RESULTS_PER_AREA_MAX} nhiệm vụ khác được ghi tại cột «${TASKS.columns.narrative.header}» của bảng theo dõi.`,
      });
    }
    for (const t of area.tasks.filter((t) => sentReport(t) && !oneLine(t.row.narrative))) {
      out.push({ kind: 'item', text: `- ${sentReportSentence(t, periodNames)}` });
    }
    const silent = area.tasks.filter((t) => isDone(t) && !t.isThisReport && !sentReport(t) && !oneLine(t.row.narrative));
    if (silent.length) {
      const codes = namedList(silent.map(codeOf), 'nhiệm vụ');
      out.push({
        kind: 'item',
        text: `- ${gaps.ask(`kết quả thực hiện của nhiệm vụ đã hoàn thành ${codes} (cột «${TASKS.columns.narrative.header}»)`)}`,
      });
    }
  }
  if (area.indicators.length) {
    out.push({ kind: 'paragraph', text: 'Kết quả thực hiện các chỉ tiêu:' });
    // Missed ones first, so that a cut list still names them.
    const shown = [...area.indicators].sort((x, y) => Number(y.status === STATUS.missed) - Number(x.status === STATUS.missed));
    for (const i of shown.slice(0, RESULTS_PER_AREA_MAX)) out.push({ kind: 'item', text: `- ${indicatorSentence(i, previous)}` });
    if (shown.length > RESULTS_PER_AREA_MAX) {
      out.push({ kind: 'item', text: `- Kết quả của ${shown.length - RESULTS_PER_AREA_MAX} chỉ tiêu khác: xem Phụ lục II.` });
    }
  }
  return out;
}

// ---- section III ----

function overdueLine(t: TaskAtCutoff, cutoff: Day, planYear: number): string {
  const due = taskDueDay(t.row as TaskRow, planYear);
  return `- ${nameOf(t)} (hạn ${deadlineText(t.row.deadline)}, quá hạn ${cutoff - due} ngày).`;
}

function missedLine(i: Indicator): string {
  return `- ${nameOf(i)}: kết quả ${withUnit(i.result!, i.row.unit ?? '')} (chỉ tiêu: ${targetWords(i)}).`;
}

/** "Nhiệm vụ “Rà soát văn bản…”": the subject of a cause. */
function subjectOf(r: TaskAtCutoff | Indicator): string {
  return `${'isThisReport' in r ? 'Nhiệm vụ' : 'Chỉ tiêu'} “${upperFirst(shortName(r.row.name, 80)) || PLACEHOLDER}”`;
}

function assessment(areas: readonly Area[], cutoff: Day, planYear: number, gaps: Gaps): Block[] {
  const tasks = areas.flatMap((a) => a.tasks);
  const indicators = areas.flatMap((a) => a.indicators);
  const done = tasks.filter(isDone).length;
  const onTime = count(tasks, STATUS.done);
  const met = count(indicators, STATUS.met);
  const measured = met + count(indicators, STATUS.missed);
  const out: Block[] = [
    { kind: 'heading', text: HEADINGS.assessment },
    { kind: 'subheading', text: HEADINGS.strengths },
  ];
  const strengths = [
    `Đến ngày ${formatDmy(cutoff)}, đã hoàn thành ${done}/${tasks.length} nhiệm vụ, trong đó ${onTime} nhiệm vụ đúng hạn`,
  ];
  const continuing = tasks.filter((t) => isOpen(t) && t.status !== STATUS.overdue && isContinuous(t)).length;
  if (continuing) strengths.push(`${continuing} nhiệm vụ thường xuyên được duy trì thực hiện`);
  strengths.push(
    measured
      ? `${met}/${measured} chỉ tiêu đã có số liệu đạt mục tiêu (${formatNumber((met / measured) * 100)}%)`
      : 'chưa có chỉ tiêu nào có số liệu đánh giá',
  );
  out.push({ kind: 'paragraph', text: `${strengths.join('; ')}.` });

  const overdue = tasks.filter((t) => t.status === STATUS.overdue);
  const missed = indicators.filter((i) => i.status === STATUS.missed);
  out.push({ kind: 'subheading', text: HEADINGS.shortcomings });
  if (!overdue.length && !missed.length) {
    out.push({
      kind: 'paragraph',
      text: `Đến ngày ${formatDmy(cutoff)}, không có nhiệm vụ quá hạn và không có chỉ tiêu chưa đạt mục tiêu.`,
    });
  } else {
    const parts = [];
    if (overdue.length) parts.push(`${overdue.length} nhiệm vụ quá hạn chưa hoàn thành`);
    if (missed.length) parts.push(`${missed.length} chỉ tiêu chưa đạt mục tiêu`);
    out.push({ kind: 'paragraph', text: `Đến ngày ${formatDmy(cutoff)}, còn ${parts.join(' và ')}:` });
    const named = [...overdue.map((t) => overdueLine(t, cutoff, planYear)), ...missed.map(missedLine)];
    for (const line of named.slice(0, TEXT_LIST_MAX)) out.push({ kind: 'item', text: line });
    if (named.length > TEXT_LIST_MAX) {
      out.push({
        kind: 'item',
        text: `- Và ${named.length - TEXT_LIST_MAX} nhiệm vụ, chỉ tiêu khác (xem Phụ lục I, Phụ lục II).`,
      });
    }
  }

  out.push({ kind: 'subheading', text: HEADINGS.causes });
  const rows = [...overdue, ...missed];
  if (!rows.length) {
    out.push({ kind: 'paragraph', text: 'Không có tồn tại, hạn chế cần nêu nguyên nhân.' });
    return out;
  }
  const explained = rows.filter((r) => oneLine(r.row.note));
  for (const r of explained.slice(0, TEXT_LIST_MAX))
    out.push({ kind: 'item', text: `- ${subjectOf(r)}: ${sentence(r.row.note)}` });
  if (explained.length > TEXT_LIST_MAX) {
    out.push({
      kind: 'item',
      text: `- Nguyên nhân của ${explained.length - TEXT_LIST_MAX} trường hợp khác: xem cột «Ghi chú» của bảng theo dõi.`,
    });
  }
  const unexplained = rows.filter((r) => !oneLine(r.row.note));
  if (unexplained.length) {
    const codes = namedList(unexplained.map(codeOf), 'trường hợp');
    out.push({ kind: 'item', text: `- ${gaps.ask(`nguyên nhân của ${codes} (cột «Ghi chú»)`)}` });
  }
  return out;
}

// ---- section IV ----

function nextSteps(input: ReportInput, areas: readonly Area[], period: Period): Block[] {
  const { periods, clock } = input;
  const due = period.row.due ?? null;
  const next =
    due === null
      ? undefined
      : periods.filter((p) => p.row.due != null && p.row.due > due).sort((a, b) => a.row.due! - b.row.due!)[0];
  const until = next?.row.due ?? lastDayOfYear(clock.planYear);
  const tasks = areas.flatMap((a) => a.tasks);
  const open = tasks.filter((t) => isOpen(t) && !t.isThisReport);
  const dueDay = (t: TaskAtCutoff) => taskDueDay(t.row as TaskRow, clock.planYear);
  const dated = open.filter((t) => !isContinuous(t) && dueDay(t) <= until).sort((a, b) => dueDay(a) - dueDay(b));
  const continuing = open.filter(isContinuous).length;

  const out: Block[] = [{ kind: 'heading', text: HEADINGS.next }];
  const when = next
    ? `đến ngày ${formatDmy(until)} (hạn gửi báo cáo ${lowerFirst(oneLine(next.row.name) || next.row.code || '')})`
    : `đến hết năm ${clock.planYear}`;
  if (dated.length) {
    out.push({ kind: 'paragraph', text: `Tập trung hoàn thành ${dated.length} nhiệm vụ có thời hạn ${when}:` });
    for (const t of dated.slice(0, TEXT_LIST_MAX)) {
      const state = t.status === STATUS.overdue ? 'đã quá hạn' : `hạn ${deadlineText(t.row.deadline)}`;
      out.push({ kind: 'item', text: `- ${nameOf(t)} (${state}).` });
    }
    if (dated.length > TEXT_LIST_MAX) {
      out.push({ kind: 'item', text: `- Và ${dated.length - TEXT_LIST_MAX} nhiệm vụ khác (xem Phụ lục I).` });
    }
  } else {
    out.push({ kind: 'paragraph', text: `Không có nhiệm vụ có thời hạn nào còn dở dang ${when}.` });
  }
  if (continuing) out.push({ kind: 'paragraph', text: `Tiếp tục thực hiện ${continuing} nhiệm vụ thường xuyên theo Kế hoạch.` });
  const indicators = areas.flatMap((a) => a.indicators);
  const missed = indicators.filter((i) => i.status === STATUS.missed);
  if (missed.length) {
    out.push({
      kind: 'paragraph',
      text: `Có giải pháp để đạt mục tiêu đối với ${missed.length} chỉ tiêu chưa đạt: ${listOfNames(missed)}.`,
    });
  }
  const noData = indicators.filter((i) => i.status === STATUS.noData);
  if (noData.length) {
    out.push({
      kind: 'paragraph',
      text: `Thu thập, cập nhật số liệu của ${noData.length} chỉ tiêu chưa có số liệu: ${listOfNames(noData)}.`,
    });
  }
  return out;
}

/** "“Tỷ lệ hồ sơ…”; “Văn bản…” và 2 chỉ tiêu khác" inside a sentence. */
function listOfNames(indicators: readonly Indicator[]): string {
  return namedList(
    indicators.map((i) => `“${upperFirst(shortName(i.row.name, 80)) || PLACEHOLDER}”`),
    'chỉ tiêu',
    TEXT_LIST_MAX,
    '; ',
  );
}

// ---- section V ----

function proposals(period: Period, gaps: Gaps): Block[] {
  const out: Block[] = [{ kind: 'heading', text: HEADINGS.proposals }];
  const lines = (period.row.proposals ?? '')
    .split(/\r?\n/)
    .map((l) => oneLine(l).replace(/^[-–•+]\s*/, ''))
    .filter(Boolean);
  if (!lines.length) {
    out.push({
      kind: 'paragraph',
      text: gaps.ask(`đề xuất, kiến nghị của kỳ (cột «${PERIODS.columns.proposals.header}», trang «${PERIODS.name}»)`),
    });
  } else if (lines.length === 1) {
    out.push({ kind: 'paragraph', text: sentence(lines[0]) });
  } else {
    for (const l of lines) out.push({ kind: 'item', text: `- ${sentence(l)}` });
  }
  return out;
}

// ---- annex ----

function taskState(t: TaskAtCutoff): string {
  if (t.isThisReport) return 'Hoàn thành khi gửi báo cáo này';
  if (isContinuous(t) && isOpen(t) && t.status !== STATUS.overdue) {
    return t.row.progress ? `${CONTINUOUS} (${formatNumber(t.row.progress)}%)` : CONTINUOUS;
  }
  const progress = t.row.progress;
  if (isOpen(t) && progress) return `${t.status} (${formatNumber(progress)}%)`;
  return t.status;
}

/**
 * An annex as one table per area (its title kept with the table, the header row repeated), at
 * most ANNEX_ROWS_MAX rows in all: when cut, each area's first row and the rows the text must name
 * (`keep`) go first, and a closing row counts the rest.
 */
function annexTables<R>(
  columns: readonly TableColumn[],
  areas: readonly Area[],
  rowsOf: (a: Area) => readonly R[],
  cells: (r: R) => string[],
  keep: (r: R) => boolean,
  noun: string,
): Block[] {
  const all = areas.flatMap((a) => rowsOf(a));
  let chosen = new Set(all);
  if (all.length > ANNEX_ROWS_MAX) {
    // Every area keeps its table (so the document's shape does not depend on which rows are cut).
    const firsts = areas.map((a) => rowsOf(a)[0]).filter((r): r is R => r !== undefined);
    chosen = new Set();
    for (const r of [...firsts, ...all.filter(keep), ...all]) {
      if (chosen.size >= ANNEX_ROWS_MAX) break;
      chosen.add(r);
    }
  }
  const out: Block[] = [];
  let last: string[][] | null = null;
  for (const a of areas) {
    const items = rowsOf(a).filter((r) => chosen.has(r));
    if (!items.length) continue;
    const label = a.number <= 7 ? AREA_LABELS[a.number - 1]! : `${a.number}. ${OTHER_AREA_TITLE.replace(/^\d+\.\s*/, '')}`;
    last = [columns.map((c) => c.title), ...items.map((r, i) => [String(i + 1), ...cells(r)])];
    out.push({ kind: 'annexArea', text: label }, { kind: 'table', columns, rows: last });
  }
  const left = all.length - chosen.size;
  if (left && last) last.push(['', `… và ${left} ${noun} khác (xem bảng tính)`, ...columns.slice(2).map(() => '')]);
  if (!out.length) out.push({ kind: 'paragraph', text: `Kế hoạch không có ${noun} nào.` });
  return out;
}

function annexBlocks(areas: readonly Area[]): Block[] {
  const tasks = annexTables(
    ANNEX_TASK_COLUMNS,
    areas,
    (a) => a.tasks,
    (t) => [
      upperFirst(oneLine(t.row.name)) || PLACEHOLDER,
      oneLine(t.row.lead),
      deadlineText(t.row.deadline),
      t.row.completed != null && isDone(t) ? formatDmy(t.row.completed) : '',
      taskState(t),
    ],
    (t) => t.status === STATUS.overdue,
    'nhiệm vụ',
  );
  const indicators = annexTables(
    ANNEX_INDICATOR_COLUMNS,
    areas,
    (a) => a.indicators,
    (i) => [
      upperFirst(oneLine(i.row.name)) || PLACEHOLDER,
      i.row.target == null
        ? PLACEHOLDER
        : `${parseComparator(i.row.comparator ?? '') ?? ''} ${withUnit(i.row.target, i.row.unit ?? '')}`.trim(),
      i.result == null ? '' : withUnit(i.result, i.row.unit ?? ''),
      i.status,
    ],
    (i) => i.status === STATUS.missed,
    'chỉ tiêu',
  );
  return [
    { kind: 'pageBreak' },
    { kind: 'annexTitle', text: HEADINGS.annex },
    { kind: 'annexHeading', text: HEADINGS.annexTasks },
    ...tasks,
    { kind: 'annexHeading', text: HEADINGS.annexIndicators },
    ...indicators,
  ];
}

// ---- the report ----

/** "ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN" → "Ủy ban nhân dân xã Tú Xuyên" inside a sentence (the place keeps its capitals). */
export function issuerInSentence(issuer: string, place: string): string {
  const s = oneLine(issuer);
  if (!s || s !== s.toLocaleUpperCase('vi')) return s;
  let out = s.toLocaleLowerCase('vi');
  const p = oneLine(place);
  if (p) out = out.split(p.toLocaleLowerCase('vi')).join(p);
  // "SỞ NỘI VỤ" → "Sở Nội vụ", "PHÒNG TÀI CHÍNH - KẾ HOẠCH" → "Phòng Tài chính - Kế hoạch": the fields
  // after Sở, Bộ, Phòng are names.
  if (/^(sở|bộ|phòng) /.test(out))
    out = out.replace(/(^(?:sở|bộ|phòng) | - )(\S)/g, (_, lead: string, c: string) => lead + c.toLocaleUpperCase('vi'));
  return upperFirst(out);
}

function figures(tasks: readonly TaskAtCutoff[], indicators: readonly Indicator[]): Figures {
  const t = {} as Record<TaskStatus, number>;
  for (const s of TASK_STATUSES) t[s] = count(tasks, s);
  const i = {} as Record<IndicatorStatus, number>;
  for (const s of INDICATOR_STATUSES) i[s] = count(indicators, s);
  return { tasks: t, indicators: i };
}

export function buildReport(input: ReportInput, periodCode: string, history: readonly HistoryEntry[]): Report {
  const { config, clock } = input;
  const period = findPeriod(input.periods, periodCode);
  const code = period.row.code!;
  const periodName = oneLine(period.row.name) || code;
  const issuer = orPlaceholder(config.issuer);
  const cutoff = cutoffOf(period, clock.today);
  const tasks = input.tasks.map((t) => taskAtCutoff(t, clock, cutoff, code));
  const areas = byArea(tasks, input.indicators);
  const dueByCode = new Map(input.periods.map((p) => [normalizeLabel(p.row.code ?? ''), p.row.due ?? null]));
  const previous = previousResults(history, dueByCode, { code, due: period.row.due ?? null });
  const gaps = new Gaps();
  const periodNames = new Map(input.periods.map((p) => [normalizeLabel(p.row.code ?? ''), oneLine(p.row.name) || p.row.code!]));

  const basis = oneLine(config.planBasis) || `Kế hoạch cải cách hành chính năm ${clock.planYear}`;
  const from = period.row.from ?? null;
  const span = from === null ? `đến ngày ${formatDmy(cutoff)}` : `từ ngày ${formatDmy(from)} đến ngày ${formatDmy(cutoff)}`;
  const [direction, ...results] = areas;
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện ${basis}, ${issuerInSentence(issuer, config.place)} báo cáo kết quả thực hiện công tác cải cách hành chính ${lowerFirst(periodName)} như sau:`,
    },
    { kind: 'paragraph', text: `Số liệu tính ${span}.` },
    { kind: 'heading', text: HEADINGS.direction },
    ...areaBlocks(direction!, previous, periodNames, gaps, false),
    { kind: 'heading', text: HEADINGS.results },
    ...results.flatMap((a) => areaBlocks(a, previous, periodNames, gaps)),
    ...assessment(areas, cutoff, clock.planYear, gaps),
    ...nextSteps(input, areas, period),
    ...proposals(period, gaps),
  ];

  return {
    name: `Báo cáo CCHC ${periodName} - ${issuer}`,
    period: { code, name: periodName, sheetRow: period.sheetRow },
    cutoff,
    ...letterhead(config, clock.today),
    summary: `Kết quả thực hiện công tác cải cách hành chính ${lowerFirst(periodName)}`,
    body,
    annex: annexBlocks(areas),
    missingConfig: missingConfig(config),
    gaps: gaps.items,
    figures: figures(tasks, input.indicators),
    dataErrors: count(tasks, STATUS.error) + count(input.indicators, STATUS.error),
    history: input.indicators.map((i) => ({
      createdAt: clock.today,
      periodCode: code,
      periodName,
      code: i.row.code ?? '',
      name: oneLine(i.row.name),
      unit: i.row.unit ?? '',
      result: i.result ?? null,
      status: i.status,
    })),
  };
}
