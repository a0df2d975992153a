/**
 * Settings from a plan's header and signature (docs/SPEC.md §8): `Cơ quan chủ quản`, `Cơ quan ban
 * hành`, `Ký hiệu cơ quan`, `Địa danh`, `Năm kế hoạch`, `Thẩm quyền ký`, `Chức vụ người ký`,
 * `Người ký`, `Nơi nhận`, `Căn cứ kế hoạch` (its number and date).
 */
import { allMatches, clean, fold } from './fold';

export interface SettingReading {
  label: string;
  value: string | number;
  source: string;
  doubt: string;
}

const UNIT = String.raw`(?:xa|phuong|thi\stran|dac\skhu|huyen|quan|thi\sxa|thanh\spho|tinh)`;
const IS_UPPER = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();
const BODY = /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|so |ban |van phong|dang uy|phong )/;

/** Body lines of the header: `ỦY BAN NHÂN DÂN` + `XÃ TÚ XUYÊN` on two lines make one body. */
function headerBodies(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const f = fold(line);
    if (!IS_UPPER(line) || /^(cong hoa|doc lap|ke hoach|so\s*:)/.test(f)) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && new RegExp(`^${UNIT}\\s`).test(f) && !new RegExp(`\\s${UNIT}\\s`).test(fold(prev))) {
      out[out.length - 1] = `${prev} ${line}`;
    } else if (BODY.test(f) || out.length) out.push(line);
  }
  return out.map((s) => s.replace(/[-–_\s]+$/, ''));
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());

/** `ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN` → `UBND xã Tú Xuyên`, the short form a plan's citation uses. */
function shortBody(body: string): string {
  const words = clean(body).split(' ');
  const f = words.map(fold);
  const skip = f[0] === 'ubnd' ? 1 : /^uy ban nhan dan$/.test(f.slice(0, 4).join(' ')) ? 4 : -1;
  if (skip < 0 || words.length <= skip + 1) return body;
  const unitLen = /^(thi tran|dac khu|thi xa|thanh pho)$/.test(f.slice(skip, skip + 2).join(' ')) ? 2 : 1;
  const unit = words
    .slice(skip, skip + unitLen)
    .join(' ')
    .toLowerCase();
  return `UBND ${unit} ${titleCase(words.slice(skip + unitLen).join(' '))}`.trim();
}

export interface DocumentParts {
  /** Lines before the plan's title (the header, often a two-column table). */
  head: string[];
  /** The title's lines (`KẾ HOẠCH`, `Cải cách hành chính … năm 2023`). */
  title: string[];
  /** Lines from `Nơi nhận` to the end (recipients and signature). */
  tail: string[];
}

/** The plan year: the title's, else the date line's, else the year the text names most. */
export function planYearOf(parts: DocumentParts, allText: string): number {
  const inTitle = /nam\s+(\d{4})/.exec(fold(parts.title.join(' ')));
  if (inTitle) return Number(inTitle[1]);
  const dated = /ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*(\d{4})/.exec(fold(parts.head.join(' ')));
  if (dated) return Number(dated[1]);
  const counts = new Map<number, number>();
  for (const m of allMatches(/\b(20\d{2})\b/g, allText)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best = new Date().getFullYear();
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && y > best)) [best, n] = [y, c];
  return best;
}

export function readSettings(parts: DocumentParts, planYear: number): SettingReading[] {
  const out: SettingReading[] = [];
  const add = (label: string, value: string | number, source: string, doubt = '') => {
    if (value !== '' && !out.some((s) => s.label === label)) out.push({ label, value, source, doubt });
  };
  const bodies = headerBodies(parts.head);
  const headText = parts.head.join('\n');
  if (bodies.length >= 2) add('Cơ quan chủ quản', bodies[0]!, headText);
  const issuer = bodies[bodies.length - 1] ?? '';
  if (issuer) add('Cơ quan ban hành', issuer, headText);
  const number = parts.head.map((l) => /^số\s*:?\s*(\S+)/i.exec(l)).find(Boolean);
  const symbol = number ? /-([\p{L}\d]+)\s*$/u.exec(number[1]!) : null;
  if (symbol) add('Ký hiệu cơ quan', symbol[1]!, number![0]);
  const dateLine = parts.head.find((l) => /,\s*ngay\s*\S+\s*thang\s*\S+\s*nam\s*\d{4}/.test(fold(l)));
  const place = dateLine ? /^(.+?),\s*ng/i.exec(dateLine) : null;
  if (place) add('Địa danh', clean(place[1]!), dateLine!);
  const titleText = parts.title.join(' ');
  add('Năm kế hoạch', planYear, titleText || headText, /nam\s+\d{4}/.test(fold(titleText)) ? '' : 'Tên kế hoạch không nêu năm.');

  // Signature block and recipients.
  const tail = parts.tail;
  const recipientsAt = tail.findIndex((l) => /^noi nhan/.test(fold(l)));
  const recipients: string[] = [];
  for (let i = recipientsAt + 1; recipientsAt >= 0 && i < tail.length && /^[-–•+]/.test(tail[i]!); i++) recipients.push(tail[i]!);
  if (recipients.length) add('Nơi nhận', recipients.map((l) => l.replace(/^[–•+]\s*/, '- ')).join('\n'), recipients.join('\n'));
  const signature = tail.filter(
    (l, i) => !(recipientsAt >= 0 && i > recipientsAt && i <= recipientsAt + recipients.length) && !/^noi nhan/.test(fold(l)),
  );
  const authority = signature.find((l) => /^(tm|kt|tl|tuq|q)\.\s*/.test(fold(l)) && IS_UPPER(l));
  if (authority) add('Thẩm quyền ký', authority, authority);
  const title = signature.find((l) => l !== authority && IS_UPPER(l) && /(chu tich|truong|giam doc|bi thu)/.test(fold(l)));
  if (title) add('Chức vụ người ký', title, title);
  const name = [...signature]
    .reverse()
    .find((l) => !IS_UPPER(l) && /^(\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*$/u.test(l) && !/^(da ky|noi nhan|luu)/.test(fold(l)));
  if (name) add('Người ký', name, name);

  // What the header lacks, inferred from the title and the signature.
  const unitInTitle = new RegExp(String.raw`\b(${UNIT})\s+(.+?)\s+(?:nam\s+\d{4}|giai\sdoan|$)`).exec(fold(titleText));
  if (unitInTitle) {
    const start = fold(titleText).indexOf(unitInTitle[2]!, unitInTitle.index + unitInTitle[1]!.length);
    const placeName = clean(titleText.slice(start, start + unitInTitle[2]!.length));
    const unitWord = titleText.slice(unitInTitle.index, unitInTitle.index + unitInTitle[1]!.length);
    add('Địa danh', placeName, titleText, 'Văn bản không có dòng địa danh, ngày tháng: lấy từ tên kế hoạch.');
    if (authority && /^tm\.\s*(uy ban nhan dan|ubnd)$/.test(fold(authority))) {
      add(
        'Cơ quan ban hành',
        `ỦY BAN NHÂN DÂN ${unitWord.toUpperCase()} ${placeName.toUpperCase()}`,
        `${titleText}\n${authority}`,
        'Văn bản không có phần tên cơ quan ở đầu trang: ghép từ dòng ký và tên kế hoạch.',
      );
    }
  }
  const issuerNow = out.find((s) => s.label === 'Cơ quan ban hành');
  if (issuerNow && /^(uy ban nhan dan|ubnd)/.test(fold(String(issuerNow.value)))) {
    add('Ký hiệu cơ quan', 'UBND', String(issuerNow.value), 'Văn bản không có số ký hiệu: lấy theo tên cơ quan ban hành.');
  }
  const dateParts = dateLine ? /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/.exec(fold(dateLine)) : null;
  if (number && dateParts && issuerNow) {
    const [d, m, y] = [dateParts[1], dateParts[2], dateParts[3]].map(Number) as [number, number, number];
    add(
      'Căn cứ kế hoạch',
      `Kế hoạch số ${number[1]} ngày ${d}/${m}/${y} của ${shortBody(String(issuerNow.value))}`,
      `${number[0]}\n${dateLine}`,
    );
  }
  return out;
}
