/**
 * How `setupWorkbook` lays out each sheet it creates (SPEC §1): header order, column widths,
 * number formats, validation lists and which columns wrap. Header texts come from ./sheets; the
 * overview sheet's layout is in src/core/overview.ts.
 */
import { AREA_LABELS, COMPARATOR_SYMBOLS, PERIOD_CODES, UNITS } from './lists';
import { CONFIG_HEADERS } from './settings';
import { CONFIG_SHEET, HISTORY, INDICATORS, LOG, PERIODS, TASKS } from './sheets';

/** The one date pattern: date cells' number format (messages and reports write dates alike). */
export const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy HH:mm:ss';
/** The overview's share of indicators met. */
export const SHARE_FORMAT = '0.0%';
export const HEADER_BACKGROUND = '#d9e2f3';

/** A data validation rule on the data cells of a column. */
export type Validation =
  | { kind: 'list'; values: readonly string[]; strict: boolean; help: string }
  | { kind: 'number'; min: number; max: number; strict: boolean; help: string }
  | { kind: 'date'; strict: boolean; help: string };

export interface ColumnLayout {
  header: string;
  width: number;
  format?: string;
  validation?: Validation;
  wrap?: boolean;
}

/** Which template rows fill the sheet when setup creates it. */
export type Fill = 'config' | 'tasks' | 'indicators' | 'periods' | 'none';

export interface SheetLayout {
  name: string;
  columns: readonly ColumnLayout[];
  fill: Fill;
  /** Headers of the columns the script computes: protected with a warning only. */
  computed: readonly string[];
  /** The whole sheet is the script's (Nhật ký): protected with a warning only. */
  protectSheet: boolean;
}

const T = TASKS.columns;
const I = INDICATORS.columns;
const P = PERIODS.columns;

const AREA_LIST: Validation = {
  kind: 'list',
  values: AREA_LABELS,
  strict: true,
  help: 'Chọn một trong 7 lĩnh vực cải cách hành chính.',
};

/**
 * Date columns flag (not refuse) what is not a date: a day typed in another locale's order stays
 * text and gets the flag with this help (docs/SPEC.md §2). The deadline also takes `Thường xuyên`.
 */
const DAY_ONLY: Validation = { kind: 'date', strict: false, help: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 25/12/2023.' };
const DEADLINE_DATE: Validation = {
  kind: 'date',
  strict: false,
  help: 'Nhập ngày theo dạng ngày/tháng/năm (ví dụ 25/12/2023) hoặc «Thường xuyên».',
};

const computedOf = (def: { columns: Record<string, { header: string; computed: boolean }> }) =>
  Object.values(def.columns)
    .filter((c) => c.computed)
    .map((c) => c.header);

export const TASKS_LAYOUT: SheetLayout = {
  name: TASKS.name,
  fill: 'tasks',
  computed: computedOf(TASKS),
  protectSheet: false,
  columns: [
    { header: T.code.header, width: 70 },
    { header: T.area.header, width: 200, validation: AREA_LIST, wrap: true },
    { header: T.name.header, width: 420, wrap: true },
    { header: T.lead.header, width: 160, wrap: true },
    { header: T.partners.header, width: 160, wrap: true },
    { header: T.owner.header, width: 140 },
    { header: T.email.header, width: 180 },
    { header: T.deadline.header, width: 110, format: DATE_FORMAT, validation: DEADLINE_DATE },
    {
      header: T.progress.header,
      width: 90,
      validation: {
        kind: 'number',
        min: 0,
        max: 100,
        strict: false,
        help: 'Tiến độ tính bằng phần trăm, từ 0 đến 100 (ví dụ 50 hoặc 50%).',
      },
    },
    { header: T.completed.header, width: 110, format: DATE_FORMAT, validation: DAY_ONLY },
    { header: T.note.header, width: 260, wrap: true },
    { header: T.narrative.header, width: 320, wrap: true },
    {
      header: T.period.header,
      width: 90,
      validation: {
        kind: 'list',
        values: PERIOD_CODES,
        strict: false,
        help: 'Chỉ điền ở nhiệm vụ là báo cáo định kỳ: mã kỳ (Q1, H1, Q3, NAM) ở trang «Kỳ báo cáo». Gửi báo cáo (nhập Ngày gửi) là hoàn thành nhiệm vụ.',
      },
    },
    { header: T.status.header, width: 140 },
  ],
};

export const INDICATORS_LAYOUT: SheetLayout = {
  name: INDICATORS.name,
  fill: 'indicators',
  computed: computedOf(INDICATORS),
  protectSheet: false,
  columns: [
    { header: I.code.header, width: 70 },
    { header: I.area.header, width: 200, validation: AREA_LIST, wrap: true },
    { header: I.name.header, width: 420, wrap: true },
    {
      header: I.comparator.header,
      width: 80,
      validation: {
        kind: 'list',
        values: COMPARATOR_SYMBOLS,
        strict: true,
        help: 'Chọn phép so sánh kết quả với mục tiêu: ≥, >, ≤, < hoặc =.',
      },
    },
    { header: I.target.header, width: 90 },
    {
      header: I.unit.header,
      width: 90,
      validation: {
        kind: 'list',
        values: UNITS,
        strict: false,
        help: 'Đơn vị tính của mục tiêu; với «%», nhập Mục tiêu và Thực hiện theo phần trăm (ví dụ 95).',
      },
    },
    { header: I.numerator.header, width: 80 },
    { header: I.denominator.header, width: 80 },
    { header: I.actual.header, width: 90 },
    { header: I.note.header, width: 320, wrap: true },
    { header: I.result.header, width: 90 },
    { header: I.status.header, width: 140 },
  ],
};

export const PERIODS_LAYOUT: SheetLayout = {
  name: PERIODS.name,
  fill: 'periods',
  computed: computedOf(PERIODS),
  protectSheet: false,
  columns: [
    { header: P.code.header, width: 70 },
    { header: P.name.header, width: 200 },
    { header: P.due.header, width: 110, format: DATE_FORMAT, validation: DAY_ONLY },
    { header: P.remindDays.header, width: 120 },
    { header: P.from.header, width: 110, format: DATE_FORMAT, validation: DAY_ONLY },
    { header: P.to.header, width: 110, format: DATE_FORMAT, validation: DAY_ONLY },
    { header: P.sentOn.header, width: 110, format: DATE_FORMAT, validation: DAY_ONLY },
    { header: P.proposals.header, width: 360, wrap: true },
    { header: P.status.header, width: 140 },
    { header: P.createdAt.header, width: 130, format: DATE_FORMAT },
    { header: P.link.header, width: 320 },
  ],
};

export const CONFIG_LAYOUT: SheetLayout = {
  name: CONFIG_SHEET,
  fill: 'config',
  computed: [],
  protectSheet: false,
  columns: [
    { header: CONFIG_HEADERS[0], width: 170 },
    { header: CONFIG_HEADERS[1], width: 360, wrap: true },
    { header: CONFIG_HEADERS[2], width: 420, wrap: true },
  ],
};

const LOG_LAYOUT: SheetLayout = {
  name: LOG.name,
  fill: 'none',
  computed: [],
  protectSheet: true,
  columns: [
    { header: LOG.headers[0], width: 150, format: DATE_TIME_FORMAT },
    { header: LOG.headers[1], width: 200 },
    { header: LOG.headers[2], width: 180 },
    { header: LOG.headers[3], width: 600, wrap: true },
  ],
};

const H = HISTORY.columns;

/** `Lịch sử`: not made by setup but by the first report (src/gas/report/history.ts), laid out alike. */
export const HISTORY_LAYOUT: SheetLayout = {
  name: HISTORY.name,
  fill: 'none',
  computed: computedOf(HISTORY),
  protectSheet: false,
  columns: [
    { header: H.createdAt.header, width: 130, format: DATE_FORMAT },
    { header: H.periodCode.header, width: 70 },
    { header: H.periodName.header, width: 200 },
    { header: H.code.header, width: 90 },
    { header: H.name.header, width: 420, wrap: true },
    { header: H.unit.header, width: 90 },
    { header: H.result.header, width: 90 },
    { header: H.status.header, width: 140 },
  ],
};

/** The data sheets in the order setup creates them (the overview goes first, before these). */
export const SHEET_LAYOUTS: readonly SheetLayout[] = [TASKS_LAYOUT, INDICATORS_LAYOUT, PERIODS_LAYOUT, CONFIG_LAYOUT, LOG_LAYOUT];
