/**
 * Reading a `Lĩnh vực` cell as one of the seven reform areas of src/contract/lists.ts (SPEC §1).
 * Reports and the overview group by area in that order.
 */
import { AREA_LABELS } from '../contract/lists';
import { foldDiacritics } from './text';

export type AreaNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const NAMES = AREA_LABELS.map((label) => foldDiacritics(label.replace(/^\d+\.\s*/, '')));

/**
 * The area a `Lĩnh vực` cell names, or null: its number (`3`, `3.`, `3. Cải cách …`) or its name
 * in any case, with or without diacritics, possibly followed by more words ("Công tác chỉ đạo,
 * điều hành, thông tin tuyên truyền …" as the plan's heading reads).
 */
export function matchArea(text: string): AreaNumber | null {
  const s = foldDiacritics(text);
  const numbered = /^([1-7])[.)]?(?:\s|$)/.exec(s);
  if (numbered) return Number(numbered[1]) as AreaNumber;
  const i = NAMES.findIndex((name) => s === name || (s.startsWith(name) && /^[\s,.;:-]/.test(s.slice(name.length))));
  return i < 0 ? null : ((i + 1) as AreaNumber);
}
