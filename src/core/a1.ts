/** The cells of a range: first and last row and column, 1-based. */
export interface Box {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

const letters = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The box of an A1 notation as Range.getA1Notation() gives it: "B3", "B3:D7", and the open-ended
 * forms of whole columns and rows ("B:B", "B2:B", "3:3"), whose open end is Infinity. Null for
 * anything else.
 */
export function parseA1(a1: string): Box | null {
  const t = a1.trim().replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(t);
  if (rows) {
    const [r1, r2] = [Number(rows[1]), Number(rows[2])];
    return { row: Math.min(r1, r2), column: 1, lastRow: Math.max(r1, r2), lastColumn: Infinity };
  }
  const m = /^([A-Za-z]+)(\d+)?(?::([A-Za-z]+)(\d+)?)?$/.exec(t);
  if (!m || (m[4] && !m[2])) return null;
  const [c1, c2] = [letters(m[1]!), m[3] ? letters(m[3]) : letters(m[1]!)];
  const r1 = m[2] ? Number(m[2]) : 1;
  const r2 = m[4] ? Number(m[4]) : m[3] || !m[2] ? Infinity : r1;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastColumn: Math.max(c1, c2) };
}
