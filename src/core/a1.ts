/** The cell box of an A1 notation as Range.getA1Notation() returns it ("B3", "B3:D7"). */
export interface Box {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

const letters = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function parseA1(a1: string): Box | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(a1.trim());
  if (!m) return null;
  const [c1, r1] = [letters(m[1]!), Number(m[2])];
  const [c2, r2] = m[3] ? [letters(m[3]), Number(m[4])] : [c1, r1];
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastColumn: Math.max(c1, c2) };
}
