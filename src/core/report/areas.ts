/**
 * The seven reform areas of Nghị quyết 76/NQ-CP, in the order reports group by (SPEC §1).
 * Interim copy until the shared `core/areas.ts` lands; the matcher is lenient on numbering,
 * case, diacritics and shortened names.
 */
import { foldDiacritics } from '../text';

export const AREAS = [
  '1. Công tác chỉ đạo, điều hành',
  '2. Cải cách thể chế',
  '3. Cải cách thủ tục hành chính',
  '4. Cải cách tổ chức bộ máy',
  '5. Cải cách chế độ công vụ',
  '6. Cải cách tài chính công',
  '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
] as const;

/** A phrase that only one area's name contains, diacritics folded. */
const KEYS: readonly RegExp[] = [
  /chi dao/, /the che/, /thu tuc/, /to chuc|bo may/, /cong vu/, /tai chinh/, /chinh quyen|dien tu|chuyen doi so/,
];

/** Index (0–6) of the area a `Lĩnh vực` cell names, or null when it names none of them. */
export function areaIndex(label: string): number | null {
  const folded = foldDiacritics(label);
  const numbered = /^([1-7])(?:[.)]|\s|$)/.exec(folded);
  if (numbered) return Number(numbered[1]) - 1;
  const i = KEYS.findIndex((re) => re.test(folded));
  return i < 0 ? null : i;
}
