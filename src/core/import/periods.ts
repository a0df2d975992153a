/**
 * The reporting clause of a plan (docs/SPEC.md §8): `báo cáo quý I: gửi trước ngày 25/02/2023;
 * báo cáo 6 tháng: gửi trước ngày 25/5/2023; …` → the periods `Q1`, `H1`, `Q3`, `NAM` and their due
 * dates (the plan year when the date has none).
 */
import { type PeriodCode, periodNameOf } from '../../contract/lists';
import { type Day, dayFromYmd, isValidYmd } from '../days';
import { allMatches, clean, fold } from './fold';

export interface PeriodReading {
  code: PeriodCode;
  name: string;
  due: Day;
  /** The words of the clause for this period, as written. */
  text: string;
}

const CLAUSE =
  /bao cao\s+(quy\s*(?:iv|iii|ii|i|[1-4])(?![a-z])|6 thang(?: dau nam)?|sau thang(?: dau nam)?|9 thang(?: dau nam)?|(?:hang |ca )?nam)(?:\s+\d{4})?\s*[:,-]?\s*(?:(?:gui|nop)(?:\s+[^;)]{0,40}?)?\s+)?(?:truoc|cham nhat|han)(?:\s+(?:vao\s+)?ngay)?\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/g;

function codeOf(what: string): PeriodCode {
  if (/^quy\s*(i|1)$/.test(what)) return 'Q1';
  if (/^quy\s*(ii|2)$|^(6|sau) thang/.test(what)) return 'H1';
  if (/^quy\s*(iii|3)$|^9 thang/.test(what)) return 'Q3';
  return 'NAM';
}

/** Every period the text's reporting clause names, in order; one per code (the first wins). */
export function readPeriods(text: string, planYear: number): PeriodReading[] {
  const f = fold(text);
  const out: PeriodReading[] = [];
  for (const m of allMatches(CLAUSE, f)) {
    const code = codeOf(m[1]!.replace(/^(hang|ca) /, ''));
    const year = m[4] ? Number(m[4]) : planYear;
    const d = Number(m[2]);
    const mo = Number(m[3]);
    if (!isValidYmd(year, mo, d) || out.some((p) => p.code === code)) continue;
    out.push({
      code,
      name: periodNameOf(code, planYear),
      due: dayFromYmd(year, mo, d),
      text: clean(text.slice(m.index!, m.index! + m[0].length)),
    });
  }
  return out;
}

/**
 * The text without its reporting schedule: the parenthesis (or trailing clause) that lists the
 * periods goes, and so does the clause that announces it (`định kỳ báo cáo …`), which the periods'
 * own tasks now carry.
 */
export function withoutSchedule(text: string): string {
  const f = fold(text);
  const first = f.search(/bao cao\s+(?:quy|6 thang|sau thang|9 thang|nam)/);
  if (first < 0) return text;
  const open = f.lastIndexOf('(', first);
  let cut = open >= 0 && f.slice(open, first).length < 20 ? open : first;
  const announce = f.slice(0, cut).search(/;\s*(?:dinh ky )?bao cao[^;]*$/);
  if (announce >= 0) cut = announce;
  const rest = clean(text.slice(0, cut)).replace(/[;,:]\s*$/, '');
  // What only announces the schedule ("Tổng hợp, báo cáo kết quả định kỳ:") is the schedule's own tasks.
  return /:\s*$/.test(text.slice(0, cut)) && /bao cao/.test(fold(rest)) ? '' : rest;
}
