/**
 * The `Tổng quan` sheet (SPEC §1): per area, tasks by status and indicators met / not met / without
 * data, and the share met, as formulas over the status columns so that it stays live without the
 * script. Columns of the data sheets are found by their header text (MATCH on row 1), as the script
 * finds them.
 */
import { AREA_LABELS } from '../contract/lists';
import { INDICATORS, OVERVIEW_SHEET, TASKS } from '../contract/sheets';
import { INDICATOR_STATUSES, STATUS, TASK_STATUSES } from '../contract/status';

export interface OverviewLayout {
  name: string;
  /** Row by row, text or `=formula`. */
  cells: string[][];
  /** 1-based rows shown bold (titles, table headers, totals). */
  boldRows: number[];
  headerRows: number[];
  widths: number[];
  /** The share-met column (1-based) and its rows, formatted as a percentage. */
  percent: { column: number; fromRow: number; toRow: number };
  chart: { title: string; ranges: string[]; row: number; column: number };
}

const letter = (col: number) => String.fromCharCode(64 + col);
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A whole column of `sheet`, found by its header text in row 1. */
export function columnByHeader(sheet: string, header: string): string {
  const q = quoteSheet(sheet);
  return `OFFSET(${q}!$A:$A,0,MATCH(${str(header)},${q}!$1:$1,0)-1)`;
}

export const OTHER_AREA = 'Chưa rõ lĩnh vực';
export const TOTAL = 'Tổng cộng';
const ROW_TOTAL = 'Tổng số';
const SHARE_MET = 'Tỷ lệ đạt';

/**
 * One table: a header row, a row per area, a row for rows whose area is none of the seven, and a
 * total row. Area rows count with COUNTIFS on area and status; the total counts every row of that
 * status, whatever its area, so nothing goes missing from the totals.
 */
function table(
  def: typeof TASKS | typeof INDICATORS,
  statuses: readonly string[],
  headerRow: number,
  extra: (row: number) => string[],
): string[][] {
  const area = columnByHeader(def.name, def.columns.area.header);
  const status = columnByHeader(def.name, def.columns.status.header);
  const first = headerRow + 1;
  const last = headerRow + AREA_LABELS.length;
  const lastStatus = letter(statuses.length + 1);
  const sumRow = (r: number) => `=SUM(B${r}:${lastStatus}${r})`;
  const rows: string[][] = [['Lĩnh vực', ...statuses, ROW_TOTAL, ...extra(0)]];
  AREA_LABELS.forEach((label, i) => {
    const r = first + i;
    rows.push([
      label,
      ...statuses.map((_, j) => `=COUNTIFS(${area},$A${r},${status},${letter(j + 2)}$${headerRow})`),
      sumRow(r),
      ...extra(r),
    ]);
  });
  const other = last + 1;
  rows.push([
    OTHER_AREA,
    ...statuses.map((_, j) => {
      const c = letter(j + 2);
      return `=COUNTIF(${status},${c}$${headerRow})-SUM(${c}${first}:${c}${last})`;
    }),
    sumRow(other),
    ...extra(other),
  ]);
  const total = other + 1;
  rows.push([
    TOTAL,
    ...statuses.map((_, j) => `=COUNTIF(${status},${letter(j + 2)}$${headerRow})`),
    sumRow(total),
    ...extra(total),
  ]);
  return rows;
}

const TASK_HEADER_ROW = 5;
const INDICATOR_HEADER_ROW = TASK_HEADER_ROW + AREA_LABELS.length + 5; // after the totals, a blank row and a title

export function overviewLayout(): OverviewLayout {
  const blank = (n: number) => Array.from({ length: n }, () => '');
  const met = INDICATOR_STATUSES.indexOf(STATUS.met) + 2;
  const missed = INDICATOR_STATUSES.indexOf(STATUS.missed) + 2;
  const shareColumn = INDICATOR_STATUSES.length + 3;
  const share = (r: number) => {
    if (r === 0) return [SHARE_MET];
    const [m, x] = [`${letter(met)}${r}`, `${letter(missed)}${r}`];
    return [`=IF(${m}+${x}=0,"",${m}/(${m}+${x}))`];
  };
  const tasks = table(TASKS, TASK_STATUSES, TASK_HEADER_ROW, () => []);
  const indicators = table(INDICATORS, INDICATOR_STATUSES, INDICATOR_HEADER_ROW, share);
  const width = Math.max(tasks[0]!.length, indicators[0]!.length);
  const pad = (row: string[]) => [...row, ...blank(width - row.length)];
  const cells = [
    pad(['TỔNG QUAN THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH']),
    pad([
      `Số liệu tự cập nhật theo cột «Trạng thái» của trang «${TASKS.name}» và «${INDICATORS.name}»; trạng thái được tính lại khi sửa dữ liệu hoặc khi chạy CCHC › Cập nhật trạng thái. ${SHARE_MET}: số chỉ tiêu «${STATUS.met}» trên số chỉ tiêu đã có kết quả («${STATUS.met}» và «${STATUS.missed}»).`,
    ]),
    pad([]),
    pad([`1. Nhiệm vụ theo lĩnh vực và trạng thái`]),
    ...tasks.map(pad),
    pad([]),
    pad([`2. Chỉ tiêu theo lĩnh vực`]),
    ...indicators.map(pad),
  ];
  const taskTotal = TASK_HEADER_ROW + AREA_LABELS.length + 2;
  const indicatorTotal = INDICATOR_HEADER_ROW + AREA_LABELS.length + 2;
  return {
    name: OVERVIEW_SHEET,
    cells,
    boldRows: [
      1,
      TASK_HEADER_ROW - 1,
      TASK_HEADER_ROW,
      taskTotal,
      INDICATOR_HEADER_ROW - 1,
      INDICATOR_HEADER_ROW,
      indicatorTotal,
    ],
    headerRows: [TASK_HEADER_ROW, INDICATOR_HEADER_ROW],
    widths: [380, ...blank(width - 1).map(() => 110)],
    percent: { column: shareColumn, fromRow: INDICATOR_HEADER_ROW + 1, toRow: indicatorTotal },
    chart: {
      title: 'Chỉ tiêu theo lĩnh vực: đạt, chưa đạt, chưa có số liệu',
      ranges: [
        `A${INDICATOR_HEADER_ROW}:A${INDICATOR_HEADER_ROW + AREA_LABELS.length}`,
        `${letter(met)}${INDICATOR_HEADER_ROW}:${letter(INDICATOR_STATUSES.indexOf(STATUS.noData) + 2)}${INDICATOR_HEADER_ROW + AREA_LABELS.length}`,
      ],
      row: indicatorTotal + 2,
      column: 1,
    },
  };
}
