/** Status texts and their cell colours (SPEC §3). */
export const STATUS = {
  error: 'Lỗi dữ liệu',
  doneLate: 'Hoàn thành trễ hạn',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
  dueSoon: 'Sắp đến hạn',
  inProgress: 'Đang thực hiện',
  notStarted: 'Chưa thực hiện',
  met: 'Đạt',
  missed: 'Chưa đạt',
  notApplicable: 'Không phát sinh',
  noData: 'Chưa có số liệu',
  reported: 'Đã tạo báo cáo',
  notDue: 'Chưa đến hạn',
  sent: 'Đã gửi',
  sentLate: 'Gửi trễ hạn',
} as const;

export type Status = (typeof STATUS)[keyof typeof STATUS];

export type TaskStatus =
  | typeof STATUS.error
  | typeof STATUS.doneLate
  | typeof STATUS.done
  | typeof STATUS.overdue
  | typeof STATUS.dueSoon
  | typeof STATUS.inProgress
  | typeof STATUS.notStarted;

export type IndicatorStatus =
  | typeof STATUS.error
  | typeof STATUS.notApplicable
  | typeof STATUS.noData
  | typeof STATUS.met
  | typeof STATUS.missed;

export type PeriodStatus =
  | typeof STATUS.error
  | typeof STATUS.sent
  | typeof STATUS.sentLate
  | typeof STATUS.reported
  | typeof STATUS.overdue
  | typeof STATUS.dueSoon
  | typeof STATUS.notDue;

/** What getBackgrounds() gives for a cell without fill (and for an explicit white one alike). */
export const NO_FILL_READ = '#ffffff';

const BACKGROUNDS: Partial<Record<Status, string>> = {
  [STATUS.overdue]: '#f4cccc',
  [STATUS.missed]: '#f4cccc',
  [STATUS.dueSoon]: '#fff2cc',
  [STATUS.doneLate]: '#fce5cd',
  [STATUS.done]: '#d9ead3',
  [STATUS.met]: '#d9ead3',
  [STATUS.reported]: '#d9ead3',
  [STATUS.sent]: '#d9ead3',
  [STATUS.sentLate]: '#fce5cd',
  [STATUS.error]: '#ea9999',
};

/** The status's fill, or null (no fill: a sheet's alternating colours show through). */
export function statusBackground(status: Status): string | null {
  return BACKGROUNDS[status] ?? null;
}

/** Task statuses in the order reports and the overview list them. */
export const TASK_STATUSES: readonly TaskStatus[] = [
  STATUS.done,
  STATUS.doneLate,
  STATUS.inProgress,
  STATUS.notStarted,
  STATUS.dueSoon,
  STATUS.overdue,
  STATUS.error,
];

export const INDICATOR_STATUSES: readonly IndicatorStatus[] = [
  STATUS.met,
  STATUS.missed,
  STATUS.noData,
  STATUS.notApplicable,
  STATUS.error,
];
