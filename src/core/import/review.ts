/**
 * The review sheet `Nhập kế hoạch` (docs/SPEC.md §8) as data: its header, the rows importPlan writes,
 * and what confirmImport makes of a ticked row. `Đã nhập` (after the contract's columns) holds the
 * code a row was imported as, so that confirming twice adds nothing.
 */
import { fitCell, normalizeLabel } from '../text';
import type { ImportItem } from './parse';

export const REVIEW_SHEET = 'Nhập kế hoạch';
export const REVIEW_HEADERS = [
  'Loại',
  'Lĩnh vực',
  'Nội dung',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Hạn hoàn thành',
  'So sánh',
  'Mục tiêu',
  'Đơn vị tính',
  'Nguồn',
  'Cần xem lại',
  'Nhập',
  'Đã nhập',
] as const;

export type ReviewColumn = (typeof REVIEW_HEADERS)[number];

/** One review row per item, in header order (`Nhập` ticked, `Đã nhập` blank). */
export function reviewRow(item: ImportItem): (string | number | boolean)[] {
  const content = item.kind === 'Cấu hình' ? `${item.content}: ${item.value}` : item.content;
  return [
    item.kind,
    item.area,
    fitCell(content),
    item.lead,
    item.partners,
    item.deadline,
    item.comparator,
    item.target,
    item.unit,
    fitCell(item.source),
    item.doubt,
    true,
    '',
  ];
}

/** Column index of each review header in a header row (−1 when absent). */
export function reviewColumns(header: readonly unknown[]): Record<ReviewColumn, number> {
  const at = header.map((h) => normalizeLabel(String(h ?? '')));
  return Object.fromEntries(REVIEW_HEADERS.map((h) => [h, at.indexOf(normalizeLabel(h))])) as Record<ReviewColumn, number>;
}

/** The next code of an area: `NV3.07` after the highest `NV3.nn`, `NV12` after `NV11` when there is no area. */
export function nextCode(prefix: 'NV' | 'CT', area: string, existing: readonly string[]): string {
  const n = /^([1-7])\./.exec(area)?.[1];
  const re = n ? new RegExp(`^${prefix}${n}\\.(\\d+)$`) : new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const code of existing) {
    const m = re.exec(code.trim().toUpperCase());
    if (m) max = Math.max(max, Number(m[1]));
  }
  const next = max + 1;
  return n ? `${prefix}${n}.${next < 10 ? '0' : ''}${next}` : `${prefix}${next}`;
}

/** `Q1: Quý I năm 2023` → code and name; a row without a code gets none. */
export function periodOf(content: string): { code: string; name: string } | null {
  const m = /^\s*([A-Za-z0-9]{1,10})\s*:\s*(.+)$/.exec(content);
  return m ? { code: m[1]!.toUpperCase(), name: m[2]!.trim() } : null;
}

/** `Cơ quan ban hành: ỦY BAN …` → label and value (a value may hold line breaks). */
export function settingOf(content: string): { label: string; value: string } | null {
  const i = content.indexOf(':');
  if (i < 1) return null;
  return { label: content.slice(0, i).trim(), value: content.slice(i + 1).trim() };
}
