/**
 * Vietnamese time expressions of a plan (docs/SPEC.md §8, deadlines): `Thường xuyên`, `Quý II/2026`,
 * `6 tháng đầu năm`, `tháng 6/2026`, `trong tháng 6`, `trước ngày 15/12/2026`, `trước 25/5` (the plan
 * year), `năm 2026`, `cả năm`. Quarters and months end on their last day.
 */
import { CONTINUOUS } from '../../contract/lists';
import { type Day, dayFromYmd, formatDmy, isValidYmd } from '../days';
import { fold } from './fold';

export type Deadline = 'continuous' | Day;

export interface TimeReading {
  deadline: Deadline;
  /** Why the reading is uncertain (Vietnamese), or '' when sure. */
  doubt: string;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER = '(iv|iii|ii|i|[1-4])(?![a-z0-9])';
const YEAR = String.raw`(?:\s*(?:\/|-|nam)\s*(\d{4}))?`;
const CONTINUOUS_WORDS = /thuong xuyen|lien tuc|hang (?:nam|quy|thang|tuan)|dinh ky|suot nam/;

const lastOfMonth = (year: number, month: number): Day => dayFromYmd(year, month + 1, 1) - 1;

interface Point {
  day: Day;
  year: number;
}

/** Every time point of a time expression, each at the last day it names. */
function points(f: string, planYear: number): Point[] {
  const out: Point[] = [];
  let rest = f;
  const take = (re: RegExp, read: (m: RegExpExecArray) => Point[]) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      out.push(...read(m));
      return ' '.repeat(String(args[0]).length);
    });
  };
  const yearOf = (y: string | undefined) => (y ? Number(y) : planYear);
  // ngày 15 tháng 12 năm 2026
  take(/ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?/g, (m) => date(Number(m[1]), Number(m[2]), yearOf(m[3])));
  // Quý I, II/2026 · Quý III năm 2026 · Quý I - Quý II
  take(
    new RegExp(String.raw`quy\s*${QUARTER}((?:\s*(?:,|-|va|den)\s*(?:quy\s*)?(?:iv|iii|ii|i|[1-4])(?![a-z0-9]))*)${YEAR}`, 'g'),
    (m) => {
      const more = (m[2] ?? '').match(/(iv|iii|ii|i|[1-4])(?![a-z0-9])/g) ?? [];
      const q = Math.max(ROMAN[m[1]!]!, ...more.map((r) => ROMAN[r]!));
      const y = yearOf(m[3]);
      return [{ day: lastOfMonth(y, q * 3), year: y }];
    },
  );
  take(/(6|sau) thang (dau|cuoi) nam(?:\s*(\d{4}))?/g, (m) => {
    const y = yearOf(m[3]);
    return [{ day: m[2] === 'dau' ? lastOfMonth(y, 6) : lastOfMonth(y, 12), year: y }];
  });
  take(/(9|chin) thang(?: dau nam)?(?:\s*(?:nam\s*)?(\d{4}))?/g, (m) => {
    const y = yearOf(m[2]);
    return [{ day: lastOfMonth(y, 9), year: y }];
  });
  // tháng 6/2026 · tháng 3-6/2026 · trong tháng 6 · tháng 6 năm 2026
  take(/thang\s*(\d{1,2})(?:\s*(?:-|den)\s*(?:thang\s*)?(\d{1,2}))?(?:\s*(?:\/|nam)\s*(\d{4}))?/g, (m) => {
    const month = Number(m[2] ?? m[1]);
    const y = yearOf(m[3]);
    return month >= 1 && month <= 12 ? [{ day: lastOfMonth(y, month), year: y }] : [];
  });
  // 15/12/2026 · 25/5 · 15-12-2026 · 15.12.2026
  take(/(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/])/g, (m) =>
    date(Number(m[1]), Number(m[3]), yearOf(m[4])),
  );
  take(/(?:ca|trong|suot) nam(?!\s*\d)/g, () => [{ day: lastOfMonth(planYear, 12), year: planYear }]);
  take(/nam\s*(\d{4})/g, (m) => {
    const y = Number(m[1]);
    return [{ day: lastOfMonth(y, 12), year: y }];
  });
  return out;
}

function date(d: number, m: number, y: number): Point[] {
  return isValidYmd(y, m, d) ? [{ day: dayFromYmd(y, m, d), year: y }] : [];
}

/**
 * A whole time expression, as a plan's time column holds it. Several points (a range, a list of
 * quarters) give the latest. Null when nothing in it reads as a time.
 */
export function parseTimeText(text: string, planYear: number): TimeReading | null {
  const f = fold(text);
  const found = points(f, planYear);
  if (!found.length) return CONTINUOUS_WORDS.test(f) ? { deadline: 'continuous', doubt: '' } : null;
  const latest = found.reduce((a, b) => (b.day > a.day ? b : a));
  const doubts: string[] = [];
  if (latest.year !== planYear) doubts.push(`Thời hạn thuộc năm ${latest.year}, không phải năm kế hoạch ${planYear}.`);
  const distinct = new Set(found.map((p) => p.day)).size;
  if (distinct > 1 && !/den|-|tu /.test(f)) doubts.push('Văn bản nêu nhiều mốc thời gian; đã lấy mốc muộn nhất.');
  if (CONTINUOUS_WORDS.test(f)) doubts.push('Văn bản vừa nêu thường xuyên vừa nêu mốc thời gian; đã lấy mốc thời gian.');
  return { deadline: latest.day, doubt: doubts.join(' ') };
}

/** Phrases of running text that set a deadline (a task's own sentence, not a mention of a year). */
const IN_TEXT = [
  /(?:thoi gian(?: hoan thanh| thuc hien)?|thoi han(?: hoan thanh)?|tien do(?: hoan thanh)?)\s*:\s*([^;)]+)/,
  /(?:truoc ngay|truoc|cham nhat(?: (?:vao )?ngay)?|han chot)\s+((?:quy|thang|ngay|\d)[^;,)]*)/,
  /(?:hoan thanh|xong)\s+(?:trong|vao|truoc)\s+((?:quy|thang|nam|6 thang|9 thang)[^;,)]*)/,
  /trong\s+((?:quy\s*(?:iv|iii|ii|i|[1-4])(?![a-z])|thang\s*\d|6 thang dau nam)[^;,)]*)/,
  /\(\s*((?:quy|thang|truoc|thuong xuyen|nam \d{4})[^()]*)\)\s*[.;]?\s*$/,
];

/** A deadline stated in a task's own text, or null. */
export function deadlineInText(text: string, planYear: number): TimeReading | null {
  const f = fold(text);
  for (const re of IN_TEXT) {
    const m = re.exec(f);
    if (!m) continue;
    const reading = parseTimeText(m[1]!, planYear);
    if (reading) return reading;
  }
  return null;
}

/** `Thường xuyên` or dd/mm/yyyy, as the `Hạn hoàn thành` column holds it. */
export function showDeadline(d: Deadline): string {
  return d === 'continuous' ? CONTINUOUS : formatDmy(d);
}
