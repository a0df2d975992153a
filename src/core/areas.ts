/**
 * The reform areas of Nghị quyết 76/NQ-CP as the plan numbers them (SPEC §1, `Lĩnh vực`). Reports
 * and the overview group by area in this order.
 */
import { foldDiacritics } from './text';

export const AREA_LABELS = [
  '1. Công tác chỉ đạo, điều hành',
  '2. Cải cách thể chế',
  '3. Cải cách thủ tục hành chính',
  '4. Cải cách tổ chức bộ máy',
  '5. Cải cách chế độ công vụ',
  '6. Cải cách tài chính công',
  '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
] as const;

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
