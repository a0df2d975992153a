/** The status rules of SPEC §3, applied in order; the first rule that applies wins. */
import type { Comparator } from '../contract/lists';
import { type Day, lastDayOfYear, ymdOf } from './days';
import { round2, shiftDecimal } from './numbers';
import type { IndicatorRow, PeriodRow, Problem, TaskRow } from './rows';
import { INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import { type IndicatorStatus, type PeriodStatus, STATUS, type TaskStatus } from '../contract/status';
import { fitCell, normalizeLabel, quote } from './text';

export interface Clock {
  /** T: today in the spreadsheet's time zone. */
  today: Day;
  /** W: `Số ngày cảnh báo`. */
  warningDays: number;
  /** `Năm kế hoạch`: continuous tasks are due on 31/12 of it. */
  planYear: number;
}

/** The clock of one operation; a blank `Năm kế hoạch` means the year of today. */
export function clockFor(today: Day, warningDays: number, planYear: number | null): Clock {
  return { today, warningDays, planYear: planYear ?? ymdOf(today).year };
}

export interface Parsed<R> {
  value: Partial<R>;
  problems: Problem[];
}

export interface Evaluation<S> {
  status: S;
  problems: Problem[];
}

const T = TASKS.columns;

export function taskDueDay(row: Pick<TaskRow, 'deadline'>, planYear: number): Day {
  return row.deadline?.kind === 'date' ? row.deadline.day : lastDayOfYear(planYear);
}

export function evaluateTask({ value: row, problems: parsed }: Parsed<TaskRow>, clock: Clock): Evaluation<TaskStatus> {
  const problems = [...parsed];
  if (!row.name && !parsed.some((p) => p.column === T.name.header)) {
    problems.push({ column: T.name.header, message: 'chưa nhập nội dung nhiệm vụ' });
  }
  const progress = row.progress ?? null;
  if (progress !== null && (progress < 0 || progress > 100)) {
    problems.push({ column: T.progress.header, message: `tiến độ ${quote(progress)} phải nằm trong khoảng 0–100` });
  }
  const completed = row.completed ?? null;
  if (completed !== null && completed > clock.today) {
    problems.push({ column: T.completed.header, message: 'ngày hoàn thành sau ngày hôm nay' });
  }
  if (problems.length) return { status: STATUS.error, problems };

  const deadline = row.deadline!;
  if (completed !== null && deadline.kind === 'date' && completed > deadline.day) {
    return { status: STATUS.doneLate, problems };
  }
  if (completed !== null || progress === 100) return { status: STATUS.done, problems };
  const left = taskDueDay(row as TaskRow, clock.planYear) - clock.today;
  if (left < 0) return { status: STATUS.overdue, problems };
  if (left <= clock.warningDays) return { status: STATUS.dueSoon, problems };
  if (progress !== null && progress > 0) return { status: STATUS.inProgress, problems };
  return { status: STATUS.notStarted, problems };
}

// A Map, not an object: a typed `valueOf` or `constructor` must not find Object.prototype's members.
const COMPARATORS = new Map<string, Comparator>([
  ['≥', '≥'],
  ['>=', '≥'],
  ['>', '>'],
  ['≤', '≤'],
  ['<=', '≤'],
  ['<', '<'],
  ['=', '='],
]);

export function parseComparator(s: string): Comparator | null {
  return COMPARATORS.get(s.replace(/\s+/g, '')) ?? null;
}

export function compare(result: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '≥':
      return result >= target;
    case '>':
      return result > target;
    case '≤':
      return result <= target;
    case '<':
      return result < target;
    case '=':
      return result === target;
  }
}

export interface IndicatorEvaluation extends Evaluation<IndicatorStatus> {
  /** R rounded to 2 decimals, or null when there is none (or the row is in error). */
  result: number | null;
}

const I = INDICATORS.columns;

export function evaluateIndicator({ value: row, problems: parsed }: Parsed<IndicatorRow>): IndicatorEvaluation {
  const problems = [...parsed];
  const bad = (column: string, message: string) => problems.push({ column, message });
  const failed = (column: string) => parsed.some((p) => p.column === column);

  if (!row.name && !failed(I.name.header)) bad(I.name.header, 'chưa nhập nội dung chỉ tiêu');
  const comparator = parseComparator(row.comparator ?? '');
  if (!comparator) {
    bad(
      I.comparator.header,
      row.comparator
        ? `phép so sánh ${quote(row.comparator)} không hợp lệ; dùng ≥, >, ≤, < hoặc =`
        : 'chưa chọn phép so sánh (≥, >, ≤, <, =)',
    );
  }
  const target = row.target ?? null;
  if (target === null && !failed(I.target.header)) bad(I.target.header, 'chưa nhập mục tiêu (phải là số)');
  const numerator = row.numerator ?? null;
  const denominator = row.denominator ?? null;
  if ((numerator === null) !== (denominator === null) && !failed(I.numerator.header) && !failed(I.denominator.header)) {
    const missing = numerator === null ? I.numerator.header : I.denominator.header;
    bad(missing, 'phải nhập cả Tử số và Mẫu số, hoặc để trống cả hai');
  }
  for (const [key, value] of [
    ['target', target],
    ['numerator', numerator],
    ['denominator', denominator],
    ['actual', row.actual ?? null],
  ] as const) {
    if (value !== null && value < 0) bad(I[key].header, `số âm ${quote(value)} không hợp lệ`);
  }
  if (numerator !== null && denominator !== null && numerator > denominator) {
    bad(I.numerator.header, `tử số (${numerator}) lớn hơn mẫu số (${denominator})`);
  }
  if (problems.length) return { status: STATUS.error, problems, result: null };

  if (denominator === 0) return { status: STATUS.notApplicable, problems, result: null };
  const raw = numerator !== null && denominator !== null ? shiftDecimal(numerator / denominator, 2) : (row.actual ?? null);
  if (raw === null) return { status: STATUS.noData, problems, result: null };
  const result = round2(raw);
  return { status: compare(result, comparator!, target!) ? STATUS.met : STATUS.missed, problems, result };
}

const P = PERIODS.columns;
const DEFAULT_REMIND_DAYS = 10;

/**
 * `tracksSending`: the sheet has a `Ngày gửi` column. Without it a workbook keeps the rules it had
 * before that column existed: a report link settles the period even after its due date.
 */
export function evaluatePeriod(
  { value: row, problems: parsed }: Parsed<PeriodRow>,
  today: Day,
  tracksSending = true,
): Evaluation<PeriodStatus> {
  const problems = [...parsed];
  const failed = (column: string) => parsed.some((p) => p.column === column);
  if (!row.code && !failed(P.code.header)) problems.push({ column: P.code.header, message: 'chưa nhập mã kỳ' });
  if (row.due == null && !failed(P.due.header)) problems.push({ column: P.due.header, message: 'chưa nhập hạn gửi' });
  const remind = row.remindDays ?? null;
  if (remind !== null && (remind < 0 || !Number.isInteger(remind))) {
    problems.push({ column: P.remindDays.header, message: `số ngày nhắc trước ${quote(remind)} phải là số nguyên không âm` });
  }
  if (row.from != null && row.to != null && row.from > row.to) {
    problems.push({ column: P.to.header, message: 'đến ngày sớm hơn từ ngày' });
  }
  const sentOn = row.sentOn ?? null;
  if (sentOn !== null && sentOn > today) {
    problems.push({ column: P.sentOn.header, message: 'ngày gửi sau ngày hôm nay' });
  }
  if (problems.length) return { status: STATUS.error, problems };
  const due = row.due!;
  if (sentOn !== null) return { status: sentOn <= due ? STATUS.sent : STATUS.sentLate, problems };
  if (row.link && !tracksSending) return { status: STATUS.reported, problems };
  const left = due - today;
  if (left < 0) return { status: STATUS.overdue, problems };
  if (row.link) return { status: STATUS.reported, problems };
  if (left <= (remind ?? DEFAULT_REMIND_DAYS)) return { status: STATUS.dueSoon, problems };
  return { status: STATUS.notDue, problems };
}

/** What a task that is a period's report takes from that period (docs/SPEC.md §3). */
export interface ReportLink {
  due: Day | null;
  sentOn: Day | null;
}

/** `Kỳ báo cáo` rows by normalised `Mã kỳ` (the first row of a code wins). */
export function reportLinks(periods: readonly { row: Partial<PeriodRow> }[]): Map<string, ReportLink> {
  const out = new Map<string, ReportLink>();
  for (const { row } of periods) {
    const code = normalizeLabel(row.code ?? '');
    if (code && !out.has(code)) out.set(code, { due: row.due ?? null, sentOn: row.sentOn ?? null });
  }
  return out;
}

/**
 * A task whose `Kỳ báo cáo` names a period is that period's report: unless its own completion date
 * is set, it is completed when the period's `Ngày gửi` is, and its deadline is the `Hạn gửi`. A
 * code that names no period is a data error of the task.
 */
export function linkReportTask(parsed: Parsed<TaskRow>, links: ReadonlyMap<string, ReportLink>): Parsed<TaskRow> {
  const code = parsed.value.period ?? '';
  if (!code) return parsed;
  const link = links.get(normalizeLabel(code));
  if (!link) {
    const known = [...links.keys()].map((k) => k.toUpperCase()).join(', ');
    const message = `không có kỳ báo cáo mã ${quote(code)} trong trang «${PERIODS.name}»${known ? ` (các mã có: ${known})` : ''}`;
    return { value: parsed.value, problems: [...parsed.problems, { column: T.period.header, message }] };
  }
  const value = { ...parsed.value };
  if (link.due !== null) value.deadline = { kind: 'date', day: link.due };
  if (value.completed == null && link.sentOn !== null) value.completed = link.sentOn;
  return { value, problems: parsed.problems };
}

/** The note the script puts on a `Lỗi dữ liệu` cell. */
export function problemNote(problems: readonly Problem[]): string {
  return fitCell(['Lỗi dữ liệu:', ...problems.map((p) => `- Cột «${p.column}»: ${p.message}.`)].join('\n'));
}
