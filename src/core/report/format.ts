/** How numbers, dates and targets are written in a report (Vietnamese conventions, NĐ 30/2020). */
import { type Day, formatDmy, ymdOf } from '../days';
import type { Deadline } from '../cells';
import { round2 } from '../numbers';
import { CONTINUOUS } from '../../contract/lists';

/** Shown wherever a value the report needs is missing, so the gap is visible and fixable. */
export const PLACEHOLDER = '…';

export const orPlaceholder = (s: string | undefined): string => oneLine(s) || PLACEHOLDER;

/**
 * The date line: days 1–9 and months 1–2 take a leading zero (NĐ 30/2020, Phụ lục I):
 * `Tú Xuyên, ngày 05 tháng 02 năm 2024`, `ngày 20 tháng 8 năm 2023`.
 */
export function dateLine(place: string, day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${orPlaceholder(place)}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** 1234.5 → "1.234,5": decimal comma, dot between thousands, at most 2 decimals. */
export function formatNumber(n: number): string {
  const r = round2(n);
  const [int, frac] = Math.abs(r).toFixed(2).replace(/0+$/, '').replace(/\.$/, '').split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${r < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A number with its unit: "90%", "4 bậc", "12". */
export function withUnit(n: number, unit: string): string {
  const u = unit.trim();
  if (!u) return formatNumber(n);
  return u === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${u}`;
}

export function deadlineText(deadline: Deadline | undefined): string {
  if (!deadline) return PLACEHOLDER;
  return deadline.kind === 'date' ? formatDmy(deadline.day) : CONTINUOUS;
}

/** "báo cáo quý I" → "Báo cáo quý I" (a task or indicator as a table cell or list item). */
export function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** "Quý III năm 2023" → "quý III năm 2023" (a period name inside a sentence); "CCHC …", "Q3" keep their capitals. */
export function lowerFirst(s: string): string {
  if (/^\p{Lu}[\p{Lu}\d]/u.test(s)) return s;
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Any run of whitespace, line breaks included, as one space: document lines never break inside a cell's text. */
export function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, ending with `…` when cut. */
export function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}
