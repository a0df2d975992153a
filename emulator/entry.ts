/**
 * How Sheets reads a value written into a cell, by the script (setValue, setValues, appendRow) or
 * typed by a user: strings are parsed as typed input in the spreadsheet's locale (numbers,
 * percentages, numeric dates, formulas; a leading apostrophe keeps text), other values are stored
 * as they are. Written from the Sheets documentation, not from the product's own parsers: a test
 * oracle must not be the code under test.
 */
import { AppsScriptError } from './errors';
import { localeRules } from './locale';
import { instantIn } from './zone';

export type CellValue = string | number | boolean | Date;

/** Google Sheets: "up to 50,000 characters in a single cell" (Files you can store in Google Drive). */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

export interface Entry {
  value: CellValue;
  formula?: string;
  format?: string;
}

export interface SheetContext {
  locale: string;
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day (no 31/02), checked with the calendar of Date itself. */
function isCalendarDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A typed numeric date in the locale's order, or ISO yyyy-mm-dd (read the same in every locale). */
function typedDate(s: string, ctx: SheetContext): Entry | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!iso && !local) return null;
  const rules = localeRules(ctx.locale);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : rules.dateOrder === 'DMY'
      ? [local![3], local![2], local![1]].map(Number)
      : [local![3], local![1], local![2]].map(Number);
  // Text that is not a real day (31/02/2023) stays text.
  if (!isCalendarDay(y!, m!, d!)) return null;
  const value = new Date(instantIn(ctx.timeZone, `${String(y).padStart(4, '0')}-${pad(m!)}-${pad(d!)}`));
  return { value, format: rules.dateOrder === 'DMY' ? 'dd/mm/yyyy' : 'm/d/yyyy' };
}

/** A typed number with the locale's decimal separator (no thousands separators), or a percentage. */
function typedNumber(s: string, ctx: SheetContext): Entry | null {
  const sep = localeRules(ctx.locale).decimal === ',' ? ',' : '\\.';
  const m = new RegExp(`^([+-]?\\d+(?:${sep}\\d+)?)\\s*(%?)$`).exec(s);
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  return m[2] ? { value: n / 100, format: '0%' } : { value: n };
}

function checkLength(s: string): void {
  if (s.length > MAX_CELL_CHARS) throw new AppsScriptError(CELL_TOO_LONG);
}

/** What a cell holds after `v` is written into it. */
export function entered(v: unknown, ctx: SheetContext, method = 'setValues'): Entry {
  if (v === null || v === undefined) return { value: '' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new AppsScriptError('Invalid argument: Invalid Date');
    return { value: new Date(v.getTime()), format: 'dd/MM/yyyy' };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new AppsScriptError(`Cannot set a non-finite number (${v}) in a cell.`);
    return { value: v };
  }
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') {
    checkLength(v);
    if (v.startsWith("'")) return { value: v.slice(1) };
    if (v.startsWith('=') && v.length > 1) return { value: '', formula: v };
    const s = v.trim();
    const parsed = typedNumber(s, ctx) ?? typedDate(s, ctx);
    if (parsed) return parsed;
    // Sheets reads other text that starts with + or - as a formula, and fails to parse it.
    if (/^[+-]/.test(v)) return { value: '#ERROR!', formula: `=${v}` };
    return { value: v };
  }
  throw new AppsScriptError(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
}

/** A note, as setNote/setNotes store it (same 50,000-character limit as a value). */
export function enteredNote(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const s = String(v);
  checkLength(s);
  return s;
}
