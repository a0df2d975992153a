/**
 * Sentences with a measurable target (docs/SPEC.md §8, indicators): `100% …`, `trên 99%`,
 * `tối thiểu 60%`, `ít nhất`, `từ … trở lên`, `không quá`, `dưới`, `tăng … bậc`, and two targets in
 * one sentence (`tương ứng là 60%, 55%`, or two clauses joined by `và` / `;`) → two indicators.
 */
import { allMatches, clean, fold } from './fold';

export type Comparator = '≥' | '>' | '≤' | '<' | '=';

export interface Target {
  comparator: Comparator;
  target: number;
  /** `%` or the word after the number (`bậc`, `ngày`, `lớp`). */
  unit: string;
  /** Span in the text, comparator words included. */
  start: number;
  end: number;
}

const NUM = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
const WORDS: [RegExp, Comparator][] = [
  [/(?:toi thieu|it nhat|khong duoi|khong thap hon|khong it hon|tu)$/, '≥'],
  [/(?:tren|hon|vuot|cao hon|lon hon)$/, '>'],
  [/(?:khong qua|khong vuot qua|toi da|khong cao hon|khong lon hon)$/, '≤'],
  [/(?:duoi|it hon|thap hon|nho hon)$/, '<'],
  [/(?:bang|dung)$/, '='],
];

const num = (s: string) => Number(s.replace(',', '.'));

/** The comparator that the words just before a number say, and where those words start. */
function comparatorBefore(f: string, at: number): { comparator: Comparator; start: number } | null {
  const before = f.slice(Math.max(0, at - 40), at).replace(/\s+$/, '');
  const trimmedStart = at - (f.slice(Math.max(0, at - 40), at).length - before.length);
  const stripped = before.replace(/\s*(?:muc|ty le|con so|khoang)$/, '');
  for (const [re, comparator] of WORDS) {
    const m = re.exec(stripped);
    if (m) return { comparator, start: trimmedStart - (before.length - m.index) };
  }
  return null;
}

/** Numbers that are dates, years, document numbers or part of a name, not targets. */
function isReference(text: string, start: number, end: number): boolean {
  // The original text, not the folded one: "số" (number) and "sơ" (hồ sơ) fold alike.
  const before = text.slice(Math.max(0, start - 6), start).toLowerCase();
  const after = text.slice(end, end + 2);
  return /[/\d]$|số\s*$|ngày\s*$|năm\s*$|khoản\s*$|điều\s*$|mục\s*$/.test(before) || /^\s*[/-]\s*\d|^\d/.test(after);
}

/** Every target stated in `text`, in order. Percent targets win over counted ones in the same text. */
export function findTargets(text: string): Target[] {
  const f = fold(text);
  const found: Target[] = [];
  // tương ứng là 60%, 55% · lần lượt là 60% và 55%
  const respectively = new RegExp(
    String.raw`(?:tuong\sung|lan\sluot)(?:\s+la)?\s*:?\s*(${NUM}\s*%(?:\s*(?:,|;|va)\s*${NUM}\s*%)+)`,
    'g',
  );
  for (const m of allMatches(respectively, f)) {
    const before = comparatorBefore(f, m.index!);
    const values = m[1]!.match(/\d{1,3}(?:[.,]\d{1,2})?/g)!;
    const start = before?.start ?? m.index!;
    for (const v of values) {
      found.push({ comparator: before?.comparator ?? '≥', target: num(v), unit: '%', start, end: m.index! + m[0].length });
    }
  }
  const covered = (i: number) => found.some((t) => i >= t.start && i < t.end);
  // tăng (từ) 4 bậc (trở lên) · giảm ít nhất 10%
  for (const m of allMatches(
    new RegExp(
      String.raw`(?:tang|giam|cai\sthien)\s+(?:(?:it\snhat|toi\sthieu|tu)\s+)?${NUM}\s*(bac|%|diem|hang)(?:\s+tro\slen)?`,
      'g',
    ),
    f,
  )) {
    const at = m.index!;
    if (covered(at)) continue;
    found.push({
      comparator: '≥',
      target: num(m[1]!),
      unit: m[2] === '%' ? '%' : text.slice(at + m[0].indexOf(m[2]!), at + m[0].indexOf(m[2]!) + m[2]!.length),
      start: at,
      end: at + m[0].length,
    });
  }
  // a number with a unit: 99% · 02 lớp · 15 ngày
  for (const m of allMatches(new RegExp(String.raw`${NUM}\s*(%|[a-z]+(?=[\s,.;:)]|$))(\s+tro\slen)?`, 'g'), f)) {
    const at = m.index!;
    const end = at + m[0].length;
    if (covered(at) || isReference(text, at, at + m[1]!.length)) continue;
    const isPercent = m[2] === '%';
    const before = comparatorBefore(f, at);
    const orMore = Boolean(m[3]);
    if (!isPercent && !before && !orMore) continue;
    const value = num(m[1]!);
    if (isPercent && value > 100 && !before) continue;
    let comparator: Comparator = before?.comparator ?? '≥';
    if (orMore) comparator = '≥';
    const unit = isPercent ? '%' : text.slice(at + m[0].indexOf(m[2]!), at + m[0].indexOf(m[2]!) + m[2]!.length);
    found.push({ comparator, target: value, unit, start: before?.start ?? at, end });
  }
  found.sort((a, b) => a.start - b.start);
  return found.some((t) => t.unit === '%') ? found.filter((t) => t.unit === '%' || /bac|diem|hang/.test(fold(t.unit))) : found;
}

export interface IndicatorReading {
  text: string;
  comparator: Comparator;
  target: number;
  unit: string;
  doubt: string;
}

/** A later year that a clause aims at (`đến năm 2025`, `giai đoạn 2026-2030`), or 0. */
function laterYear(f: string, planYear: number): number {
  let latest = 0;
  for (const m of allMatches(/(?:den|trong|vao)\s+nam\s+(\d{4})|giai doan\s+\d{4}\s*-\s*(\d{4})/g, f)) {
    const y = Number(m[1] ?? m[2]);
    if (y > planYear && y > latest) latest = y;
  }
  return latest;
}

const stripJoin = (s: string) =>
  clean(s)
    .replace(/^(?:va|và|,|;)\s+/i, '')
    .replace(/[;,]\s*$/, '');

/**
 * The indicators an item states: one per target, its own clause as text. A clause that aims at a
 * year after the plan's is left out, and the indicator before it says so.
 */
export function readIndicators(text: string, planYear: number): IndicatorReading[] {
  const out: IndicatorReading[] = [];
  const clauses = text.split(/;\s+|\.\s+(?=[A-ZÀ-Ỹ0-9])/);
  const dropped: string[] = [];
  for (const rawClause of clauses) {
    const clause = rawClause.trim();
    if (!clause) continue;
    const targets = findTargets(clause);
    if (!targets.length) continue;
    const f = fold(clause);
    const later = laterYear(f.slice(0, targets[0]!.start + 1), planYear);
    if (later) {
      dropped.push(`«${clause}» (mục tiêu đến năm ${later}, không nhập cho năm ${planYear})`);
      continue;
    }
    const groups = new Map<number, Target[]>();
    for (const t of targets) groups.set(t.start, [...(groups.get(t.start) ?? []), t]);
    const negated = /khong (?:co|de)\s/.test(f) ? 'Câu phủ định («không có …»): xem lại so sánh và mục tiêu.' : '';
    const starts = [...groups.keys()];
    starts.forEach((start, i) => {
      const group = groups.get(start)!;
      // A clause with several targets is cut before each next target's verb phrase (at `và` / `,`).
      const from = i === 0 ? 0 : cutPoint(f, groups.get(starts[i - 1]!)![0]!.end, start);
      const to = i === starts.length - 1 ? clause.length : cutPoint(f, group[0]!.end, starts[i + 1]!);
      const piece = starts.length === 1 ? clause : stripJoin(clause.slice(from, to));
      for (const t of group) {
        out.push({
          text: group.length > 1 ? clause : piece,
          comparator: t.comparator,
          target: t.target,
          unit: t.unit,
          doubt: [
            negated,
            group.length > 1
              ? `Một câu nêu ${group.length} mục tiêu (${group.map((g) => `${g.target}${g.unit === '%' ? '%' : ` ${g.unit}`}`).join(', ')}) mà không tách nội dung: xem lại nội dung của từng chỉ tiêu.`
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        });
      }
    });
  }
  if (dropped.length && out.length) {
    const last = out[out.length - 1]!;
    last.doubt = [last.doubt, `Phần còn lại của câu không được nhập: ${dropped.join('; ')}.`].filter(Boolean).join(' ');
  }
  return out;
}

/** Where to cut between a target ending at `from` and the next starting at `to`: the last `và` or comma. */
function cutPoint(f: string, from: number, to: number): number {
  const between = f.slice(from, to);
  const i = Math.max(between.lastIndexOf(' va '), between.lastIndexOf(', '));
  return i < 0 ? to : from + i;
}
