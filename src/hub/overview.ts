/**
 * `Tổng quan tỉnh` (docs/SPEC.md §10): communes collected, tasks by status, indicators and the
 * share met, and reports per period, as formulas over `Số liệu tổng hợp` (columns found by header
 * text), with a chart of tasks by status. It updates by itself after every collection.
 */
import { columnByHeader, type OverviewLayout } from '../core/overview';
import { STATUS, TASK_STATUSES } from '../contract/status';
import { HUB_INDICATOR_STATUSES, HUB_OVERVIEW_SHEET, HUB_PERIODS, SUMMARY_HEADERS, SUMMARY_SHEET } from './contract';
import { COLLECTED } from './units';

const col = (header: string) => columnByHeader(SUMMARY_SHEET, header);
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Period statuses the table counts (docs/SPEC.md §3). */
const REPORT_STATES = [STATUS.sent, STATUS.sentLate, STATUS.overdue] as const;

export function hubOverviewLayout(): OverviewLayout {
  const cells: string[][] = [];
  const width = REPORT_STATES.length + 1;
  const row = (...xs: string[]) => cells.push([...xs, ...Array.from({ length: width - xs.length }, () => '')]);
  row('TỔNG HỢP KẾT QUẢ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ CẤP XÃ');
  row(`Số liệu tự cập nhật theo trang «${SUMMARY_SHEET}» sau mỗi lần chạy CCHC tỉnh › Thu thập số liệu.`);
  row();
  row('1. Đơn vị');
  const unitsHeader = cells.length + 1;
  row('Chỉ số', 'Số đơn vị');
  const code = col(SUMMARY_HEADERS.code);
  row('Số đơn vị theo dõi', `=COUNTIF(${code},"<>")-1`);
  row(COLLECTED, `=COUNTIF(${col(SUMMARY_HEADERS.collection)},${str(COLLECTED)})`);
  row('Chưa thu thập được', `=B${cells.length - 1}-B${cells.length}`);
  row();
  row('2. Nhiệm vụ theo trạng thái');
  const taskHeader = cells.length + 1;
  row('Trạng thái', 'Số nhiệm vụ');
  TASK_STATUSES.forEach((s, i) => row(s, `=SUM(${col(SUMMARY_HEADERS.tasks[i]!)})`));
  row('Tổng số', `=SUM(B${taskHeader + 1}:B${cells.length})`);
  row();
  row('3. Chỉ tiêu');
  const indicatorHeader = cells.length + 1;
  row('Kết quả', 'Số chỉ tiêu');
  HUB_INDICATOR_STATUSES.forEach((s, i) => row(s, `=SUM(${col(SUMMARY_HEADERS.indicators[i]!)})`));
  const [met, missed] = [`B${indicatorHeader + 1}`, `B${indicatorHeader + 2}`];
  row('Tỷ lệ đạt', `=IF(${met}+${missed}=0,"",${met}/(${met}+${missed}))`);
  const shareRow = cells.length;
  row();
  row('4. Báo cáo của các đơn vị theo kỳ');
  const periodHeader = cells.length + 1;
  row('Kỳ', ...REPORT_STATES);
  for (const p of HUB_PERIODS) {
    const status = col(SUMMARY_HEADERS.period(p)[1]!);
    row(p, ...REPORT_STATES.map((s) => `=COUNTIF(${status},${str(s)})`));
  }
  return {
    name: HUB_OVERVIEW_SHEET,
    cells,
    boldRows: [1, unitsHeader, taskHeader, indicatorHeader, periodHeader],
    headerRows: [unitsHeader, taskHeader, indicatorHeader, periodHeader],
    widths: [300, ...REPORT_STATES.map(() => 120)],
    percent: { column: 2, fromRow: shareRow, toRow: shareRow },
    chart: {
      title: 'Nhiệm vụ của các đơn vị theo trạng thái',
      ranges: [`A${taskHeader}:B${taskHeader + TASK_STATUSES.length}`],
      row: periodHeader + HUB_PERIODS.length + 2,
      column: 1,
    },
  };
}
