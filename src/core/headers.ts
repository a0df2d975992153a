/** Finding the contract's columns in a header row by their text, never by position (SPEC §1). */
import type { ColumnIndex, SheetDef } from '../contract/sheets';
import { normalizeLabel } from './text';

export type HeaderLookup<K extends string> = { ok: true; cols: ColumnIndex<K> } | { ok: false; missing: string[] };

/**
 * Finds each column of `def` in the header row by its text, ignoring case, surrounding spaces
 * and line breaks. Optional columns that are absent get index -1. When a header appears twice
 * the first (leftmost) wins.
 */
export function locateColumns<K extends string>(def: SheetDef<K>, headerRow: readonly unknown[]): HeaderLookup<K> {
  const positions = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = normalizeLabel(String(h ?? ''));
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const cols = {} as ColumnIndex<K>;
  const missing: string[] = [];
  for (const key of Object.keys(def.columns) as K[]) {
    const col = def.columns[key];
    const at = positions.get(normalizeLabel(col.header));
    if (at === undefined && col.required) missing.push(col.header);
    cols[key] = at ?? -1;
  }
  return missing.length ? { ok: false, missing } : { ok: true, cols };
}

/** The missing headers of a lookup, for a message: «A», «B». */
export const headerList = (missing: readonly string[]) => missing.map((h) => `«${h}»`).join(', ');
