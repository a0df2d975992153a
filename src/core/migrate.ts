/** Which headers or labels a migration step still has to append (docs/SPEC.md §4). */
import { normalizeLabel } from './text';

/** The wanted texts absent from `present` (matched as headers are: case, spaces, line breaks). */
export function missingTexts(present: readonly unknown[], wanted: readonly string[]): string[] {
  const have = new Set(present.map((v) => normalizeLabel(String(v ?? ''))));
  return wanted.filter((w) => !have.has(normalizeLabel(w)));
}

/** The schema version recorded in document properties; a workbook without one is version 1. */
export function schemaVersion(recorded: string | null): number {
  const n = Number(recorded);
  return recorded && Number.isInteger(n) && n >= 1 ? n : 1;
}
