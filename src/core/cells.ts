/**
 * The boundary where untrusted cell values become typed values. Each cell schema takes the value
 * as Sheets returns it plus the cell's number format, and either yields a typed value or a
 * Vietnamese message that says what is wrong (SPEC §2).
 */
import * as z from 'zod/mini';
import { type Day, dayFromYmd, dayOfInstant, isValidYmd, type Offset } from './days';
import { shiftDecimal } from './numbers';
import { cellText, foldDiacritics, isBlank, isDate, quote } from './text';
import { CONTINUOUS } from '../contract/lists';

/** One cell as read: its value and its number format ('' when unknown). */
export interface CellIn {
  v: unknown;
  f: string;
}

export type Deadline = { kind: 'date'; day: Day } | { kind: 'continuous' };

class Invalid {
  constructor(readonly message: string) {}
}

/** A zod schema over one cell from a plain parse function that returns a value or Invalid. */
function cellSchema<T>(parse: (cell: CellIn) => T | Invalid) {
  // A bare transform (no z.custom in front): its refinement pass costs more than the parse itself.
  return z.transform((input: unknown, ctx) => {
    const cell = input as CellIn;
    const out = parse(cell);
    if (out instanceof Invalid) {
      ctx.issues.push({ code: 'custom', message: out.message, input: cell.v });
      return z.NEVER;
    }
    return out;
  });
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A date cell: a Date, `dd/mm/yyyy`, `d/m/yyyy` or `yyyy-mm-dd`; blank → null. */
export function parseDay(v: unknown, offsetMinutes: Offset): Day | null | Invalid {
  if (isBlank(v)) return null;
  if (isDate(v)) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? new Invalid('ngày không hợp lệ') : dayOfInstant(ms, offsetMinutes);
  }
  if (typeof v === 'string') {
    const s = v.trim();
    let ymd: [number, number, number] | undefined;
    let m = DMY.exec(s);
    if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
    else if ((m = YMD.exec(s))) ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (ymd) {
      return isValidYmd(...ymd) ? dayFromYmd(...ymd) : new Invalid(`ngày ${quote(v)} không có thật`);
    }
  }
  return new Invalid(`không đọc được ngày ${quote(v)}; hãy nhập ngày dạng dd/mm/yyyy`);
}

const CONTINUOUS_FOLDED = foldDiacritics(CONTINUOUS);

/** A deadline: a date, or `Thường xuyên` / blank for a continuous task. */
export function parseDeadline(v: unknown, offsetMinutes: Offset): Deadline | Invalid {
  if (typeof v === 'string' && foldDiacritics(v) === CONTINUOUS_FOLDED) return { kind: 'continuous' };
  const day = parseDay(v, offsetMinutes);
  if (day instanceof Invalid) return day;
  return day === null ? { kind: 'continuous' } : { kind: 'date', day };
}

const NUMBER_TEXT = [
  { re: /^[+-]?\d+([.,]\d+)?$/, clean: (s: string) => s.replace(',', '.') },
  { re: /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/, clean: (s: string) => s.replace(/\./g, '').replace(',', '.') },
  { re: /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/, clean: (s: string) => s.replace(/,/g, '') },
];

/**
 * A number cell; blank → null. With `percent`, the value is in percent points: 50, "50%",
 * "50 %" and 0.5 in a cell formatted as percent all read as 50.
 */
export function parseNumber(cell: CellIn, percent: boolean): number | null | Invalid {
  const { v, f } = cell;
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    const n = percent && f.includes('%') ? shiftDecimal(v, 2) : v;
    return Number.isFinite(n) ? n : new Invalid(`giá trị ${quote(v)} không phải là số hữu hạn`);
  }
  if (typeof v === 'string') {
    let s = v.replace(/\s+/g, '');
    const hasPercent = s.endsWith('%');
    if (hasPercent) s = s.slice(0, -1);
    for (const form of NUMBER_TEXT) {
      if (form.re.test(s)) {
        const n = Number(form.clean(s));
        if (Number.isFinite(n)) return n;
      }
    }
  }
  return new Invalid(`giá trị ${quote(v)} không phải là số`);
}

export const textCell = cellSchema((c) => cellText(c.v));
export const numberCell = cellSchema((c) => parseNumber(c, false));
export const percentCell = cellSchema((c) => parseNumber(c, true));
export const dayCell = (offsetMinutes: Offset) => cellSchema((c) => parseDay(c.v, offsetMinutes));
export const deadlineCell = (offsetMinutes: Offset) => cellSchema((c) => parseDeadline(c.v, offsetMinutes));

export { Invalid };
