/**
 * Lead and partner bodies named in running text (docs/SPEC.md §8): `Văn phòng chủ trì, phối hợp với
 * Công chức Tư pháp`, `Giao Văn phòng … thực hiện`, `(Chủ trì: …; phối hợp: …)`.
 */
import { clean, fold } from './fold';

/** Words a body's name starts with (`Văn phòng …`, `Công chức Tư pháp`, `UBND …`, `Các đơn vị …`). */
export const BODY_START =
  /^(?:cac |cho )?(?:van phong|phong |ban |cong chuc|uy ban|ubnd|hdnd|hoi |doan |trung tam|truong |tram |cong an|quan su|chi huy|mat tran|uy ban mat tran|co quan|don vi|cc |trang thong tin|bo phan|to |thanh vien|chu tich|pho chu tich|nganh)/;

export interface Bodies {
  lead: string;
  partners: string;
}

const VERB = String.raw`(?:tham\smuu|thuc\shien|to\schuc|trien\skhai|xay\sdung|theo\sdoi|huong\sdan|ra\ssoat|kiem\stra|bao\scao|de\sxuat|cap\snhat|[.;:(]|$)`;

/** Bodies the text names, '' where it names none. */
export function bodiesInText(text: string): Bodies {
  const f = fold(text);
  const slice = (m: RegExpExecArray, group: number) => {
    const start = m.index + m[0].indexOf(m[group]!);
    return clean(text.slice(start, start + m[group]!.length)).replace(/[,;]$/, '');
  };
  let lead = '';
  let partners = '';
  const labelled = /chu tri\s*:\s*([^;)]+)/.exec(f);
  if (labelled) lead = slice(labelled, 1);
  const labelledPartners = /phoi hop\s*:\s*([^;)]+)/.exec(f);
  if (labelledPartners) partners = slice(labelledPartners, 1);
  if (!lead) {
    const given = new RegExp(String.raw`(?:^|[\s(])giao\s(?:cho\s)?(.{3,80}?)\s+(?:chu\stri|${VERB})`).exec(f);
    const before = /(?:^|;\s*)(?:[-+•*]\s*)?([^,;:]{3,80}?)\s+chu tri(?:[,\s]|$)/.exec(f);
    const inParens = /\(([^()]{3,80}?)\s+chu tri[^()]*\)/.exec(f);
    const m = [given, inParens, before].find((c) => c && BODY_START.test(c[1]!) && !/[;:]/.test(c[1]!));
    if (m) lead = slice(m, 1);
  }
  if (lead && !partners) {
    const m = new RegExp(String.raw`chu\stri,?\s+phoi\shop(?:\schat\sche)?(?:\svoi)?\s+(.{3,120}?)\s*${VERB}`).exec(f);
    if (m) partners = slice(m, 1);
  }
  return { lead, partners };
}
