/**
 * The reform area a heading or a sentence is about, by meaning (docs/SPEC.md §8): the seven areas of
 * Nghị quyết 76/NQ-CP and the words plans use for them.
 */
import { AREA_LABELS } from '../../contract/lists';
import { type AreaNumber, matchArea } from '../areas';
import { fold } from './fold';

const MEANINGS: [RegExp, AreaNumber][] = [
  [
    /truc tuyen|so hoa|chinh quyen dien tu|chinh quyen so|chinh phu dien tu|chinh phu so|chuyen doi so|hien dai hoa (?:nen )?hanh chinh|ung dung cong nghe thong tin/,
    7,
  ],
  [/tai chinh cong|co che tai chinh|quan ly tai chinh|tu chu tai chinh/, 6],
  [/che do cong vu|cong vu, cong chuc|doi ngu can bo|can bo, cong chuc|cong chuc, vien chuc/, 5],
  [/to chuc bo may|bo may hanh chinh|sap xep bo may/, 4],
  [/thu tuc hanh chinh|\btthc\b|mot cua/, 3],
  [/ho so/, 3],
  [/the che|van ban quy pham|\bqppl\b|xay dung va thi hanh phap luat/, 2],
  [/chi dao,? dieu hanh|tuyen truyen|kiem tra (?:cong tac )?cai cach|cong tac chi dao/, 1],
];

/**
 * The area a heading or sentence is about: its name, else the first area in this order whose words
 * it uses (e-government words decide first: "hồ sơ … giải quyết trực tuyến" is about e-government).
 */
export function areaByMeaning(text: string): AreaNumber | null {
  const body = text.replace(/^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*/i, '');
  const direct = /^\d/.test(body) ? null : matchArea(body);
  if (direct) return direct;
  const f = fold(text);
  return MEANINGS.find(([re]) => re.test(f))?.[1] ?? null;
}

export const areaLabel = (area: AreaNumber | null): string => (area ? (AREA_LABELS[area - 1] ?? '') : '');
