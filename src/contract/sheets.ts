/**
 * The workbook contract of SPEC §1: sheet names, header texts, and which columns are inputs
 * (required or optional) and which the script computes. Columns are found by header text, never
 * by position (src/core/headers.ts).
 */

export interface ColumnDef {
  header: string;
  /** A missing required column stops the operation; an optional one reads as blank. */
  required: boolean;
  computed: boolean;
  /** A percent input (SPEC §2): its number format decides how a number reads. */
  percent?: true;
  /** Addresses, which a person smart chip may stand for (its value is then the person's name). */
  addresses?: true;
}

export interface SheetDef<K extends string = string> {
  name: string;
  columns: Record<K, ColumnDef>;
}

const input = (header: string, required = true): ColumnDef => ({ header, required, computed: false });
const optional = (header: string): ColumnDef => input(header, false);
const percent = (header: string): ColumnDef => ({ ...input(header), percent: true });
const computed = (header: string): ColumnDef => ({ header, required: true, computed: true });

export const TASKS = {
  name: 'Nhiệm vụ',
  columns: {
    code: optional('Mã'),
    area: optional('Lĩnh vực'),
    name: input('Nhiệm vụ'),
    lead: optional('Đơn vị chủ trì'),
    partners: optional('Đơn vị phối hợp'),
    owner: optional('Người phụ trách'),
    email: { ...optional('Email'), addresses: true },
    deadline: input('Hạn hoàn thành'),
    progress: percent('Tiến độ (%)'),
    completed: input('Ngày hoàn thành'),
    note: optional('Ghi chú'),
    /** What was done, in the staff's words: the report's narrative (docs/SPEC.md §1). */
    narrative: optional('Kết quả thực hiện'),
    /** A period code: this task is that period's report (docs/SPEC.md §3). */
    period: optional('Kỳ báo cáo'),
    status: computed('Trạng thái'),
  },
} satisfies SheetDef;

export const INDICATORS = {
  name: 'Chỉ tiêu',
  columns: {
    code: optional('Mã'),
    area: optional('Lĩnh vực'),
    name: input('Chỉ tiêu'),
    comparator: input('So sánh'),
    target: percent('Mục tiêu'),
    unit: input('Đơn vị tính'),
    numerator: input('Tử số'),
    denominator: input('Mẫu số'),
    actual: percent('Thực hiện'),
    note: optional('Ghi chú'),
    result: computed('Kết quả'),
    status: computed('Trạng thái'),
  },
} satisfies SheetDef;

export const PERIODS = {
  name: 'Kỳ báo cáo',
  columns: {
    code: input('Mã kỳ'),
    name: input('Tên kỳ'),
    due: input('Hạn gửi'),
    remindDays: optional('Nhắc trước (ngày)'),
    from: optional('Từ ngày'),
    to: optional('Đến ngày'),
    /** The day the signed report was sent, typed by staff. */
    sentOn: optional('Ngày gửi'),
    /** The period's proposals, for section V of the report. */
    proposals: optional('Kiến nghị'),
    status: computed('Trạng thái'),
    createdAt: computed('Ngày tạo báo cáo'),
    link: computed('Liên kết báo cáo'),
  },
} satisfies SheetDef;

export const LOG = {
  name: 'Nhật ký',
  headers: ['Thời gian', 'Người thực hiện', 'Thao tác', 'Kết quả'],
} as const;

/**
 * The `Lịch sử` sheet: every generated report appends one row per indicator, so that the next
 * report can state the change since the previous period. Every column is the script's.
 */
export const HISTORY = {
  name: 'Lịch sử',
  columns: {
    createdAt: computed('Ngày tạo báo cáo'),
    periodCode: computed('Mã kỳ'),
    periodName: computed('Tên kỳ'),
    code: computed('Mã chỉ tiêu'),
    name: computed('Chỉ tiêu'),
    unit: computed('Đơn vị tính'),
    result: computed('Kết quả'),
    status: computed('Trạng thái'),
  },
} satisfies SheetDef;

export const CONFIG_SHEET = 'Cấu hình';
export const OVERVIEW_SHEET = 'Tổng quan';

/** 0-based column of each key in a sheet's header row; -1 for an absent optional column. */
export type ColumnIndex<K extends string> = Record<K, number>;
