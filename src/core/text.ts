/** Text helpers shared by header matching, value parsing and everything the script writes. */

/** NFC, whitespace (incl. line breaks, NBSP) folded to one space, trimmed, lower case. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** normalizeLabel without Vietnamese diacritics ("Thường xuyên" → "thuong xuyen"). */
export function foldDiacritics(s: string): string {
  return normalizeLabel(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function cellText(v: unknown): string {
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (v === null || v === undefined) return '';
  return show(v).normalize('NFC').trim();
}

/** Any cell value as text, never throwing (an invalid Date has no ISO form). */
function show(v: unknown): string {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** Dates may come from another realm (the emulator, Apps Script), so no instanceof. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Text written into a cell that Sheets would otherwise read as a formula (= + - @) gets the
 * apostrophe prefix, which Sheets stores as "this is text" and does not show.
 */
export function asCellText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

/**
 * A text cell written back unchanged: the apostrophe prefix wherever Sheets would read the text as
 * something else (formula, number, percent, date, boolean, error) or drop a leading apostrophe.
 */
export function asLiteralText(s: string): string {
  const t = s.trim();
  return /^[=+\-@'#]|\d|^(true|false)$/i.test(t) ? `'${s}` : s;
}

/** Sheets holds at most 50,000 characters in a cell; a longer write throws. */
export const CELL_MAX_CHARS = 50_000;

/** Text cut to fit one cell, marked with "…" where it was cut. */
export function fitCell(s: string, max = CELL_MAX_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Short quotation of a user value for messages: long cells are cut, line breaks shown as spaces. */
export function quote(v: unknown): string {
  const s = show(v).replace(/\s+/g, ' ').trim();
  return `«${s.length > 40 ? `${s.slice(0, 40)}…` : s}»`;
}
