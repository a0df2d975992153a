/**
 * Accuracy of the plan importer against hand-made expectations (docs/SPEC.md §8): which expected
 * tasks and indicators it found (recall), which of its items are not expected (precision), and for
 * the items found, the area, the deadline, the comparator and target. Used by `npm run import:score`
 * and by the test that keeps the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFileBlocks } from '../../scripts/plan-blocks';
import { fold } from '../../src/core/import/fold';
import { type ImportItem, parsePlan } from '../../src/core/import/parse';

export interface ExpectedTask {
  area: string;
  text: string;
  deadline: string;
}
export interface ExpectedIndicator {
  area: string;
  text: string;
  comparator: string;
  target: number;
  unit: string;
}
export interface ExpectedPlan {
  tasks: ExpectedTask[];
  indicators: ExpectedIndicator[];
  periods: { code: string; due: string }[];
  settings: Record<string, string | number>;
}

export interface Miss {
  kind: 'Nhiệm vụ' | 'Chỉ tiêu';
  what: 'không tìm thấy' | 'thừa' | 'sai lĩnh vực' | 'sai hạn' | 'sai so sánh/mục tiêu';
  expected: string;
  found: string;
}

export interface Score {
  plan: string;
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  area: number;
  deadline: number;
  target: number;
  periods: string;
  settings: string;
  misses: Miss[];
}

const words = (s: string) => new Set(fold(s).match(/[a-z0-9]+/g) ?? []);

/** Dice overlap of the two texts' words. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

const SAME = 0.6;

/** Greedy best-first matching of expected to found texts above the threshold. */
function match<E extends { text: string }>(expected: E[], found: ImportItem[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  expected.forEach((e, i) =>
    found.forEach((f, j) => {
      const s = similarity(e.text, f.content);
      if (s >= SAME) pairs.push([s, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, i, j] of pairs) {
    if (out.has(i) || used.has(j)) continue;
    out.set(i, j);
    used.add(j);
  }
  return out;
}

const short = (s: string) => (s.length > 70 ? `${s.slice(0, 70)}…` : s);
const ratio = (a: number, b: number) => (b ? a / b : 1);

export function scoreItems(plan: string, items: ImportItem[], expected: ExpectedPlan): Score {
  const tasks = items.filter((i) => i.kind === 'Nhiệm vụ');
  const indicators = items.filter((i) => i.kind === 'Chỉ tiêu');
  const taskMatch = match(expected.tasks, tasks);
  const indicatorMatch = match(expected.indicators, indicators);
  const misses: Miss[] = [];
  let areaRight = 0;
  let deadlineRight = 0;
  let targetRight = 0;
  expected.tasks.forEach((e, i) => {
    const j = taskMatch.get(i);
    if (j === undefined)
      return void misses.push({ kind: 'Nhiệm vụ', what: 'không tìm thấy', expected: short(e.text), found: '' });
    const f = tasks[j]!;
    if (f.area === e.area) areaRight++;
    else
      misses.push({
        kind: 'Nhiệm vụ',
        what: 'sai lĩnh vực',
        expected: `${short(e.text)} → ${e.area}`,
        found: f.area || '(trống)',
      });
    if (fold(f.deadline) === fold(e.deadline)) deadlineRight++;
    else misses.push({ kind: 'Nhiệm vụ', what: 'sai hạn', expected: `${short(e.text)} → ${e.deadline}`, found: f.deadline });
  });
  expected.indicators.forEach((e, i) => {
    const j = indicatorMatch.get(i);
    if (j === undefined)
      return void misses.push({ kind: 'Chỉ tiêu', what: 'không tìm thấy', expected: short(e.text), found: '' });
    const f = indicators[j]!;
    if (f.area === e.area) areaRight++;
    else
      misses.push({
        kind: 'Chỉ tiêu',
        what: 'sai lĩnh vực',
        expected: `${short(e.text)} → ${e.area}`,
        found: f.area || '(trống)',
      });
    if (f.comparator === e.comparator && f.target === e.target) targetRight++;
    else
      misses.push({
        kind: 'Chỉ tiêu',
        what: 'sai so sánh/mục tiêu',
        expected: `${short(e.text)} → ${e.comparator} ${e.target}`,
        found: `${f.comparator} ${f.target}`,
      });
  });
  const usedTasks = new Set(taskMatch.values());
  const usedIndicators = new Set(indicatorMatch.values());
  tasks.forEach((f, j) => {
    if (!usedTasks.has(j)) misses.push({ kind: 'Nhiệm vụ', what: 'thừa', expected: '', found: short(f.content) });
  });
  indicators.forEach((f, j) => {
    if (!usedIndicators.has(j)) misses.push({ kind: 'Chỉ tiêu', what: 'thừa', expected: '', found: short(f.content) });
  });
  const matched = taskMatch.size + indicatorMatch.size;
  const periods = items.filter((i) => i.kind === 'Kỳ báo cáo');
  const periodsRight = expected.periods.filter((p) => periods.some((f) => f.code === p.code && f.deadline === p.due)).length;
  const settingLabels = Object.keys(expected.settings);
  const settingsRight = settingLabels.filter((label) =>
    items.some((i) => i.kind === 'Cấu hình' && i.content === label && String(i.value) === String(expected.settings[label])),
  ).length;
  return {
    plan,
    expected: expected.tasks.length + expected.indicators.length,
    found: tasks.length + indicators.length,
    matched,
    recall: ratio(matched, expected.tasks.length + expected.indicators.length),
    precision: ratio(matched, tasks.length + indicators.length),
    area: ratio(areaRight, matched),
    deadline: ratio(deadlineRight, taskMatch.size),
    target: ratio(targetRight, indicatorMatch.size),
    periods: `${periodsRight}/${expected.periods.length}`,
    settings: `${settingsRight}/${settingLabels.length}`,
    misses,
  };
}

const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'plans');

/** The sample's hand-made template as expectations: every task, indicator, period, and the settings a plan's text can give. */
export function templateExpectations(): ExpectedPlan {
  const t = JSON.parse(readFileSync(join(ROOT, 'src', 'sample', 'tu-xuyen-2023.json'), 'utf8')) as {
    config: [string, string | number][];
    tasks: Record<string, string>[];
    indicators: Record<string, string | number>[];
    periods: Record<string, string>[];
  };
  // Defaults and addresses are the workbook's, not the document's.
  const notInDocument = new Set(['Số ngày cảnh báo', 'Email nhắc việc', 'Thư mục báo cáo']);
  return {
    tasks: t.tasks.map((r) => ({ area: r['Lĩnh vực']!, text: r['Nhiệm vụ']!, deadline: r['Hạn hoàn thành']! })),
    indicators: t.indicators.map((r) => ({
      area: String(r['Lĩnh vực']),
      text: String(r['Chỉ tiêu']),
      comparator: String(r['So sánh']),
      target: Number(r['Mục tiêu']),
      unit: String(r['Đơn vị tính']),
    })),
    periods: t.periods.map((p) => ({ code: p['Mã kỳ']!, due: p['Hạn gửi']! })),
    settings: Object.fromEntries(t.config.filter(([k, v]) => v !== '' && !notInDocument.has(k))),
  };
}

export interface PlanCase {
  name: string;
  file: string;
  expected: () => ExpectedPlan;
}

export const PLAN_CASES: PlanCase[] = [
  {
    name: 'Tú Xuyên 2023 (mẫu)',
    file: join(ROOT, 'sheets-templates', 'sources', 'ke-hoach-cchc-tu-xuyen-2023.md'),
    expected: templateExpectations,
  },
  ...['muc-tieu-nhiem-vu-2026.md', 'phu-luc-bang-2026.docx', 'danh-so-chu-cai-2025.txt'].map((file) => ({
    name: file,
    file: join(FIXTURE_DIR, file),
    expected: () => JSON.parse(readFileSync(join(FIXTURE_DIR, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as ExpectedPlan,
  })),
];

export async function scorePlan(c: PlanCase): Promise<Score> {
  const { items } = parsePlan(await planFileBlocks(c.file));
  return scoreItems(c.name, items, c.expected());
}
