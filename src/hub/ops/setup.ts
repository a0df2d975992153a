/**
 * `setupHub` (docs/SPEC.md §10): creates the hub's missing sheets (`Cấu hình` with the province's
 * report header, `Đơn vị`, `Số liệu tổng hợp`, `Tổng quan tỉnh`, `Nhật ký`); an existing sheet is
 * kept as it is, so setting up twice changes nothing and adds no second chart.
 */
import type { SheetLayout } from '../../contract/layout';
import { CONFIG_LABELS } from '../../contract/settings';
import { CONFIG_SHEET, LOG } from '../../contract/sheets';
import { createOverview, createSheet } from '../../gas/sheet-builder';
import { existingSheet } from '../../gas/workbook';
import type { Done } from '../../ops/run';
import { HUB_OVERVIEW_SHEET, SUMMARY_SHEET, UNITS } from '../contract';
import { createSummarySheet, MODE_LABEL, MODES } from '../gas/hub-book';
import { hubOverviewLayout } from '../overview';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The settings the province's report prints, and how to collect. */
const CONFIG_KEYS = [
  'superior',
  'issuer',
  'abbreviation',
  'place',
  'year',
  'signAuthority',
  'signerTitle',
  'signer',
  'recipients',
  'reportFolder',
  'reportTemplate',
] as const;
const CONFIG_ROWS: string[][] = [
  ['Thông số', 'Giá trị'],
  ...CONFIG_KEYS.map((k) => [CONFIG_LABELS[k], '']),
  [MODE_LABEL, MODES.parallel],
];

const layout = (name: string, headers: readonly string[], width: number, extra: Partial<SheetLayout> = {}): SheetLayout => ({
  name,
  columns: headers.map((header) => ({ header, width })),
  fill: 'none',
  computed: [],
  protectSheet: false,
  ...extra,
});

const U = Object.values(UNITS.columns);

export function setupHubOperation(ss: Spreadsheet): Done<string[]> {
  const created: string[] = [];
  const lines: string[] = [];
  const add = (name: string, what: string, make: (position: number) => void) => {
    if (existingSheet(ss, name, false)) return;
    make(created.length);
    created.push(name);
    lines.push(`- «${name}»: ${what}.`);
  };
  add(HUB_OVERVIEW_SHEET, 'số liệu toàn tỉnh và biểu đồ, tự cập nhật', () =>
    createOverview(ss, HUB_OVERVIEW_SHEET, hubOverviewLayout()),
  );
  add(UNITS.name, 'danh sách xã, phường: nhập mã, tên và liên kết bảng tính của từng đơn vị', (at) => {
    const headers = U.map((c) => c.header);
    createSheet(ss, at, layout(UNITS.name, headers, 180, { computed: U.filter((c) => c.computed).map((c) => c.header) }), [
      headers,
    ]);
  });
  add(SUMMARY_SHEET, 'mỗi đơn vị một dòng, do CCHC tỉnh › Thu thập số liệu ghi', (at) => createSummarySheet(ss, at));
  add(CONFIG_SHEET, 'thông số của báo cáo tỉnh', (at) =>
    createSheet(ss, at, layout(CONFIG_SHEET, CONFIG_ROWS[0]!, 320), CONFIG_ROWS),
  );
  add(LOG.name, 'nhật ký thao tác', (at) =>
    createSheet(ss, at, layout(LOG.name, LOG.headers, 200, { protectSheet: true }), [[...LOG.headers]]),
  );
  const message = created.length
    ? [
        `Đã tạo ${created.length} trang tính:`,
        ...lines,
        `Tiếp theo: nhập các đơn vị vào trang «${UNITS.name}», rồi chạy CCHC tỉnh › Thu thập số liệu các đơn vị.`,
      ].join('\n')
    : 'Bảng tính tổng hợp đã có đủ các trang tính; không thay đổi gì.';
  return { value: created, message };
}
