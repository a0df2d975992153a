/**
 * The periodic report as data (SPEC §5): header fields, the summary line, the body as a list of
 * blocks (sections, per-area tables, lists), recipients and signature. Pure: the Google Doc
 * renderer and the tests both read this model.
 */
import { CONFIG_LABELS, type ConfigKey } from '../../contract/settings';
import type { Config } from '../config';
import { type Day, formatDmy, lastDayOfYear } from '../days';
import { UserError } from '../errors';
import type { Outcome } from '../evaluate';
import { round2 } from '../numbers';
import type { IndicatorRow, PeriodRow, TaskRow } from '../rows';
import { parseComparator, taskDueDay } from '../rules';
import { PERIODS } from '../../contract/sheets';
import {
  type IndicatorStatus,
  type PeriodStatus,
  STATUS,
  type Status,
  TASK_STATUSES,
  type TaskStatus,
} from '../../contract/status';
import { foldDiacritics, normalizeLabel } from '../text';
import { AREA_LABELS } from '../../contract/lists';
import { matchArea } from '../areas';
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
  clock: { today: Day; planYear: number };
  tasks: readonly Task[];
  indicators: readonly Indicator[];
  periods: readonly Period[];
}

export interface TableColumn {
  title: string;
  /** Share of the text width (the shares of a table add up to 1). */
  share: number;
}

export type Block =
  | { kind: 'heading' | 'subheading' | 'label' | 'paragraph'; text: string }
  | { kind: 'table'; columns: readonly TableColumn[]; rows: string[][] };

export interface Report {
  /** The Google Doc's name. */
  name: string;
  period: { code: string; name: string; sheetRow: number };
  header: { superior: string; issuer: string; number: string; nation: string; motto: string; dateLine: string };
  title: string;
  summary: string;
  body: Block[];
  recipients: string[];
  signature: { authority: string; title: string; signer: string };
  /** Labels of `Cấu hình` values the report needed and did not find (shown as `…`). */
  missingConfig: string[];
  /** Rows of `Lỗi dữ liệu` among the tasks and indicators reported. */
  dataErrors: number;
  /** What this report appends to `Lịch sử`. */
  history: HistoryRow[];
}

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_TITLE = 'Nơi nhận:';

export const INDICATOR_COLUMNS: readonly TableColumn[] = [
  { title: 'Chỉ tiêu', share: 0.46 },
  { title: 'Mục tiêu', share: 0.15 },
  { title: 'Kết quả', share: 0.15 },
  { title: 'Đánh giá', share: 0.24 },
];
export const TASK_COLUMNS: readonly TableColumn[] = [
  { title: 'Nhiệm vụ', share: 0.47 },
  { title: 'Đơn vị chủ trì', share: 0.18 },
  { title: 'Hạn', share: 0.14 },
  { title: 'Trạng thái', share: 0.21 },
];
/** Section II lists missed indicators against their targets (all of them are `Chưa đạt`). */
export const MISSED_COLUMNS: readonly TableColumn[] = [
  { title: 'Chỉ tiêu', share: 0.6 },
  { title: 'Mục tiêu', share: 0.2 },
  { title: 'Kết quả', share: 0.2 },
];

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

function missingConfig(config: Config): string[] {
  return REQUIRED_CONFIG.filter((k) => {
    const v = config[k];
    return Array.isArray(v) ? v.length === 0 : !String(v).trim();
  }).map((k) => CONFIG_LABELS[k]);
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

const taskName = (t: Task) => upperFirst(oneLine(t.row.name)) || PLACEHOLDER;
const indicatorName = (i: Indicator) => upperFirst(oneLine(i.row.name)) || PLACEHOLDER;

function taskState(t: Task): string {
  const { completed, progress } = t.row;
  if ((t.status === STATUS.done || t.status === STATUS.doneLate) && completed != null)
    return `${t.status} (${formatDmy(completed)})`;
  const open: Status[] = [STATUS.inProgress, STATUS.dueSoon, STATUS.overdue];
  if (open.includes(t.status) && progress) return `${t.status} (${formatNumber(progress)}%)`;
  return t.status;
}

function targetText(i: Indicator): string {
  const { target, unit = '', comparator = '' } = i.row;
  if (target == null) return PLACEHOLDER;
  return `${parseComparator(comparator) ?? comparator} ${withUnit(target, unit)}`.trim();
}

const resultText = (i: Indicator) => (i.result == null ? '' : withUnit(i.result, i.row.unit ?? ''));

/** "tăng 5 điểm % so với quý I năm 2023", for a result next to the previous period's. */
export function changeText(current: number, previous: Previous, unit: string): string {
  const delta = round2(current - previous.result);
  const since = `so với ${lowerFirst(previous.periodName)}`;
  if (delta === 0) return `không đổi ${since}`;
  const amount = unit.trim() === '%' ? `${formatNumber(Math.abs(delta))} điểm %` : withUnit(Math.abs(delta), unit);
  return `${delta > 0 ? 'tăng' : 'giảm'} ${amount} ${since}`;
}

interface Area {
  title: string;
  tasks: Task[];
  indicators: Indicator[];
}

/** The seven areas in order, then one group for rows whose `Lĩnh vực` names none of them. */
function byArea(tasks: readonly Task[], indicators: readonly Indicator[]): Area[] {
  const areas: Area[] = AREA_LABELS.map((title) => ({ title, tasks: [], indicators: [] }));
  const other: Area = { title: `${AREA_LABELS.length + 1}. Nhiệm vụ, chỉ tiêu khác`, tasks: [], indicators: [] };
  const home = (label: string | undefined) => {
    const area = matchArea(label ?? '');
    return area === null ? other : areas[area - 1]!;
  };
  for (const t of tasks) home(t.row.area).tasks.push(t);
  for (const i of indicators) home(i.row.area).indicators.push(i);
  return other.tasks.length || other.indicators.length ? [...areas, other] : areas;
}

const count = <S>(xs: readonly { status: S }[], s: S) => xs.filter((x) => x.status === s).length;

function overallFigures(input: ReportInput, period: Period): Block[] {
  const { tasks, indicators, clock } = input;
  const { from, to } = period.row;
  const out: Block[] = [];
  if (from != null || to != null) {
    const text =
      from == null
        ? `Số liệu tính đến ngày ${formatDmy(to!)}.`
        : `Số liệu tính từ ngày ${formatDmy(from)} đến ngày ${formatDmy(to ?? clock.today)}.`;
    out.push({ kind: 'paragraph', text });
  }
  out.push({
    kind: 'paragraph',
    text: `Kế hoạch cải cách hành chính năm ${clock.planYear} có ${tasks.length} nhiệm vụ và ${indicators.length} chỉ tiêu; kết quả đến ngày ${formatDmy(clock.today)} như sau:`,
  });
  const taskParts = TASK_STATUSES.filter((s) => s !== STATUS.error || count(tasks, s)).map(
    (s) => `${lowerFirst(s)} ${count(tasks, s)}`,
  );
  out.push({ kind: 'paragraph', text: `Về nhiệm vụ: ${taskParts.join('; ')}.` });
  const met = count(indicators, STATUS.met);
  const missed = count(indicators, STATUS.missed);
  const parts = [`đạt ${met}`, `chưa đạt ${missed}`, `chưa có số liệu ${count(indicators, STATUS.noData)}`];
  for (const s of [STATUS.notApplicable, STATUS.error] as const)
    if (count(indicators, s)) parts.push(`${lowerFirst(s)} ${count(indicators, s)}`);
  const share =
    met + missed
      ? ` Tỷ lệ chỉ tiêu đạt: ${formatNumber((met / (met + missed)) * 100)}% (${met}/${met + missed} chỉ tiêu đã có số liệu đánh giá).`
      : '';
  out.push({ kind: 'paragraph', text: `Về chỉ tiêu: ${parts.join('; ')}.${share}` });
  return out;
}

/** Tasks as one table: however many there are, the document appends it in one call. */
const taskTable = (tasks: readonly Task[]): Block => ({
  kind: 'table',
  columns: TASK_COLUMNS,
  rows: tasks.map((t) => [taskName(t), oneLine(t.row.lead), deadlineText(t.row.deadline), taskState(t)]),
});

function areaBlocks(area: Area, previous: Map<string, Previous>): Block[] {
  const out: Block[] = [{ kind: 'subheading', text: area.title }];
  if (!area.tasks.length && !area.indicators.length) {
    out.push({ kind: 'paragraph', text: 'Kế hoạch không giao nhiệm vụ, chỉ tiêu thuộc lĩnh vực này.' });
    return out;
  }
  const letters = 'ab';
  let n = 0;
  if (area.indicators.length) {
    out.push({ kind: 'label', text: `${letters[n++]}) Chỉ tiêu` });
    out.push({
      kind: 'table',
      columns: INDICATOR_COLUMNS,
      rows: area.indicators.map((i) => {
        const before = previous.get(indicatorKey(i.row));
        const change = before && i.result != null ? `; ${changeText(i.result, before, i.row.unit ?? '')}` : '';
        return [indicatorName(i), targetText(i), resultText(i), `${i.status}${change}`];
      }),
    });
  }
  if (area.tasks.length) {
    out.push({ kind: 'label', text: `${letters[n]}) Nhiệm vụ` });
    out.push(taskTable(area.tasks));
  }
  return out;
}

function shortcomings(areas: readonly Area[], today: Day): Block[] {
  const overdue = areas.flatMap((a) => a.tasks).filter((t) => t.status === STATUS.overdue);
  const missed = areas.flatMap((a) => a.indicators).filter((i) => i.status === STATUS.missed);
  const out: Block[] = [{ kind: 'heading', text: 'II. TỒN TẠI, HẠN CHẾ' }];
  if (overdue.length) {
    out.push({ kind: 'paragraph', text: `Có ${overdue.length} nhiệm vụ quá hạn chưa hoàn thành:` });
    out.push(taskTable(overdue));
  }
  if (missed.length) {
    out.push({ kind: 'paragraph', text: `Có ${missed.length} chỉ tiêu chưa đạt mục tiêu:` });
    out.push({
      kind: 'table',
      columns: MISSED_COLUMNS,
      rows: missed.map((i) => [indicatorName(i), targetText(i), resultText(i)]),
    });
  }
  if (!overdue.length && !missed.length) {
    out.push({
      kind: 'paragraph',
      text: `Đến ngày ${formatDmy(today)}, không có nhiệm vụ quá hạn và không có chỉ tiêu chưa đạt mục tiêu.`,
    });
  }
  return out;
}

const OPEN: readonly TaskStatus[] = [STATUS.overdue, STATUS.dueSoon, STATUS.inProgress, STATUS.notStarted];

/**
 * Open tasks with a dated deadline up to the next period's due date (end of the plan year after
 * the last period), earliest first. Continuous tasks are counted, not listed: every period has them.
 */
function nextSteps(input: ReportInput, areas: readonly Area[], period: Period): Block[] {
  const { periods, clock } = input;
  const due = period.row.due ?? null;
  const next =
    due === null
      ? undefined
      : periods.filter((p) => p.row.due != null && p.row.due > due).sort((a, b) => a.row.due! - b.row.due!)[0];
  const cutoff = next?.row.due ?? lastDayOfYear(clock.planYear);
  const open = areas.flatMap((a) => a.tasks).filter((t) => OPEN.includes(t.status));
  const dated = open
    .filter((t) => t.row.deadline?.kind === 'date' && taskDueDay(t.row as TaskRow, clock.planYear) <= cutoff)
    .sort((a, b) => taskDueDay(a.row as TaskRow, clock.planYear) - taskDueDay(b.row as TaskRow, clock.planYear));
  const continuous = open.filter((t) => t.row.deadline?.kind !== 'date').length;

  const out: Block[] = [{ kind: 'heading', text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI' }];
  const until = next
    ? `đến ngày ${formatDmy(cutoff)} (hạn gửi báo cáo ${lowerFirst(oneLine(next.row.name) || next.row.code || '')})`
    : `đến hết năm ${clock.planYear}`;
  if (dated.length) {
    out.push({ kind: 'paragraph', text: `Tập trung hoàn thành ${dated.length} nhiệm vụ có thời hạn ${until}:` });
    out.push(taskTable(dated));
  } else {
    out.push({ kind: 'paragraph', text: `Không có nhiệm vụ nào còn dở dang có thời hạn ${until}.` });
  }
  if (continuous) out.push({ kind: 'paragraph', text: `Tiếp tục thực hiện ${continuous} nhiệm vụ thường xuyên theo Kế hoạch.` });
  const indicators = areas.flatMap((a) => a.indicators);
  const missed = count(indicators, STATUS.missed);
  if (missed) out.push({ kind: 'paragraph', text: `Có giải pháp khắc phục đối với ${missed} chỉ tiêu chưa đạt nêu tại Mục II.` });
  const noData = count(indicators, STATUS.noData);
  if (noData) out.push({ kind: 'paragraph', text: `Thu thập, cập nhật số liệu của ${noData} chỉ tiêu chưa có số liệu.` });
  return out;
}

export function buildReport(input: ReportInput, periodCode: string, history: readonly HistoryEntry[]): Report {
  const { config, clock } = input;
  const period = findPeriod(input.periods, periodCode);
  const code = period.row.code!;
  const periodName = oneLine(period.row.name) || code;
  const issuer = orPlaceholder(config.issuer);
  const areas = byArea(input.tasks, input.indicators);
  const dueByCode = new Map(input.periods.map((p) => [normalizeLabel(p.row.code ?? ''), p.row.due ?? null]));
  const previous = previousResults(history, dueByCode, { code, due: period.row.due ?? null });

  return {
    name: `Báo cáo CCHC ${periodName} - ${issuer}`,
    period: { code, name: periodName, sheetRow: period.sheetRow },
    header: {
      superior: oneLine(config.superior),
      issuer,
      number: `Số:    /BC-${orPlaceholder(config.abbreviation)}`,
      nation: NATION,
      motto: MOTTO,
      dateLine: dateLine(config.place, clock.today),
    },
    title: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác cải cách hành chính ${lowerFirst(periodName)}`,
    body: [
      { kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN' },
      ...overallFigures(input, period),
      ...areas.flatMap((a) => areaBlocks(a, previous)),
      ...shortcomings(areas, clock.today),
      ...nextSteps(input, areas, period),
    ],
    recipients: recipientLines(config.recipients),
    signature: {
      authority: orPlaceholder(config.signAuthority),
      title: orPlaceholder(config.signerTitle),
      signer: orPlaceholder(config.signer),
    },
    missingConfig: missingConfig(config),
    dataErrors: count(input.tasks, STATUS.error) + count(input.indicators, STATUS.error),
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
