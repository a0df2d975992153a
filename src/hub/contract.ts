/**
 * The hub workbook's contract (docs/SPEC.md §10): sheet names, headers, and which columns the hub
 * computes. Columns are found by header text, as in the commune workbook (§1).
 */
import type { SheetDef } from '../contract/sheets';
import { STATUS, TASK_STATUSES } from '../contract/status';
import { PERIOD_CODES } from '../contract/lists';

const input = (header: string, required = true) => ({ header, required, computed: false });
const computed = (header: string) => ({ header, required: true, computed: true });

export const UNITS = {
  name: 'Đơn vị',
  columns: {
    code: input('Mã đơn vị'),
    name: input('Tên đơn vị'),
    link: input('Liên kết bảng tính'),
    email: input('Email đầu mối', false),
    status: computed('Trạng thái thu thập'),
    updatedAt: computed('Cập nhật lúc'),
  },
} satisfies SheetDef;

export const SUMMARY_SHEET = 'Số liệu tổng hợp';
export const HUB_OVERVIEW_SHEET = 'Tổng quan tỉnh';

/** The periods the hub follows: the four that `setupWorkbook` gives every commune (§8). */
export const HUB_PERIODS = PERIOD_CODES;

/** Indicator statuses the hub counts (§10: met / not met / without data). */
export const HUB_INDICATOR_STATUSES = [STATUS.met, STATUS.missed, STATUS.noData] as const;

export const SUMMARY_HEADERS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  collection: 'Trạng thái thu thập',
  tasks: TASK_STATUSES.map((s) => `Nhiệm vụ: ${s}`),
  taskTotal: 'Tổng số nhiệm vụ',
  indicators: HUB_INDICATOR_STATUSES.map((s) => `Chỉ tiêu: ${s}`),
  shareMet: 'Tỷ lệ chỉ tiêu đạt',
  overdue: 'Số việc quá hạn',
  errors: 'Số dòng lỗi dữ liệu',
  period: (code: string) => [`${code}: Liên kết báo cáo`, `${code}: Tình trạng`, `${code}: Kiến nghị`],
} as const;

export function summaryHeaderRow(): string[] {
  const H = SUMMARY_HEADERS;
  return [
    H.code,
    H.name,
    H.collection,
    ...H.tasks,
    H.taskTotal,
    ...H.indicators,
    H.shareMet,
    H.overdue,
    H.errors,
    ...HUB_PERIODS.flatMap((p) => H.period(p)),
  ];
}
