/**
 * Matching Vietnamese text without diacritics while keeping positions: `fold` maps each character
 * to one character (ệ → e, Đ → d, – → -), so an index found in the folded text is an index in the original.
 */
const cache = new Map<string, string>();

function foldChar(c: string): string {
  let out = cache.get(c);
  if (out === undefined && /[\u2010-\u2015\u2212]/.test(c)) out = '-';
  if (out === undefined) {
    const base = c
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/đ/g, 'd');
    out = base.length === 1 ? base : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    cache.set(c, out);
  }
  return out;
}

/** Lower case without diacritics, same length as `s` (NFC input, as `clean` makes it). */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s[i]!);
  return out;
}

const SUPERSCRIPT_DIGITS = /[\u00b9\u00b2\u00b3\u2070-\u2079]/g;

/** NFC, footnote marks (¹ ² ³) removed, whitespace folded to single spaces, trimmed. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(SUPERSCRIPT_DIGITS, '').replace(/\s+/g, ' ').trim();
}

/** Clean, keeping line breaks (header and signature blocks are read line by line). */
export function cleanLines(s: string): string[] {
  return s
    .normalize('NFC')
    .split(/[\r\n\v\u2028]+/)
    .map(clean)
    .filter(Boolean);
}

/** Every match of a global regex, as String.prototype.matchAll gives them (ES2020, not in the bundle's ES2019). */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(s); m; m = g.exec(s)) {
    out.push(m);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}
