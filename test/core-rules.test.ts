/**
 * The status rules of SPEC §3 on rows as read (SPEC §2): tasks, indicators, periods, the note on
 * `Lỗi dữ liệu` cells and the status colours. Expectations come from the SPEC: literal cases at
 * the edges, and small oracles written straight from the SPEC's rule lists for the properties.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rowParsers, TASK_INPUTS, INDICATOR_INPUTS, PERIOD_INPUTS } from '../src/core/rows';
import { type Clock, evaluateIndicator, evaluatePeriod, evaluateTask, problemNote } from '../src/core/rules';
import { evaluateIndicatorGrid, evaluatePeriodGrid, evaluateTaskGrid } from '../src/core/evaluate';
import { INDICATORS, PERIODS, type SheetDef, TASKS } from '../src/contract/sheets';
import { locateColumns } from '../src/core/headers';
import { statusBackground, type Status } from '../src/contract/status';
import type { CellIn } from '../src/core/cells';

const MS_PER_DAY = 86_400_000;
const HCM = 7 * 60;
const parsers = rowParsers({ offsetMinutes: HCM });

/** Day number of a dd/mm/yyyy date (SPEC writes dates that way). */
const D = (dmy: string) => {
  const [d, m, y] = dmy.split('/').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
};
const dmyOf = (day: number) => {
  const t = new Date(day * MS_PER_DAY);
  return `${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${t.getUTCFullYear()}`;
};
/** A Date cell as Sheets returns it: local midnight in Asia/Ho_Chi_Minh. */
const dateCell = (day: number) => new Date(day * MS_PER_DAY - HCM * 60_000);

// Status texts, as SPEC §3 writes them.
const S = {
  error: 'Lỗi dữ liệu',
  doneLate: 'Hoàn thành trễ hạn',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
  dueSoon: 'Sắp đến hạn',
  inProgress: 'Đang thực hiện',
  notStarted: 'Chưa thực hiện',
  met: 'Đạt',
  missed: 'Chưa đạt',
  notApplicable: 'Không phát sinh',
  noData: 'Chưa có số liệu',
  reported: 'Đã tạo báo cáo',
  notDue: 'Chưa đến hạn',
} as const;
const TASK_STATUSES = [S.error, S.doneLate, S.done, S.overdue, S.dueSoon, S.inProgress, S.notStarted];
const INDICATOR_STATUSES = [S.error, S.notApplicable, S.noData, S.met, S.missed];
const PERIOD_STATUSES = [S.error, S.reported, S.overdue, S.dueSoon, S.notDue, 'Đã gửi', 'Gửi trễ hạn'];

/** Cells of one row given by SPEC header text; every other input column is blank. */
function cellsBy(
  def: SheetDef,
  keys: readonly string[],
  byHeader: Record<string, unknown>,
  formats: Record<string, string> = {},
) {
  const out: Record<string, CellIn> = {};
  for (const k of keys) {
    const h = def.columns[k]!.header;
    out[k] = { v: h in byHeader ? byHeader[h] : '', f: formats[h] ?? '' };
  }
  for (const h of Object.keys(byHeader)) {
    if (!keys.some((k) => def.columns[k]!.header === h)) throw new Error(`test typo: no input column ${h}`);
  }
  return out;
}

const T0 = D('20/08/2023');
const clock: Clock = { today: T0, warningDays: 7, planYear: 2023 };

function task(byHeader: Record<string, unknown>, c: Clock = clock, formats: Record<string, string> = {}) {
  return evaluateTask(parsers.task(cellsBy(TASKS, TASK_INPUTS, { 'Nhiệm vụ': 'Nhiệm vụ thử', ...byHeader }, formats)), c);
}
function indicator(byHeader: Record<string, unknown>, formats: Record<string, string> = {}) {
  return evaluateIndicator(
    parsers.indicator(cellsBy(INDICATORS, INDICATOR_INPUTS, { 'Chỉ tiêu': 'Chỉ tiêu thử', ...byHeader }, formats)),
  );
}
function period(byHeader: Record<string, unknown>, today = T0) {
  return evaluatePeriod(
    parsers.period(cellsBy(PERIODS, PERIOD_INPUTS, { 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III', ...byHeader })),
    today,
  );
}

// ---------------------------------------------------------------------------------------------
describe('tasks (SPEC §3, T = 20/08/2023, W = 7)', () => {
  it('deadline today → Sắp đến hạn', () => {
    expect(task({ 'Hạn hoàn thành': '20/08/2023' }).status).toBe(S.dueSoon);
  });

  it('deadline T+W → Sắp đến hạn; T+W+1 → Chưa thực hiện / Đang thực hiện by progress', () => {
    expect(task({ 'Hạn hoàn thành': '27/08/2023' }).status).toBe(S.dueSoon);
    expect(task({ 'Hạn hoàn thành': '27/08/2023', 'Tiến độ (%)': 30 }).status).toBe(S.dueSoon);
    expect(task({ 'Hạn hoàn thành': '28/08/2023', 'Tiến độ (%)': 0 }).status).toBe(S.notStarted);
    expect(task({ 'Hạn hoàn thành': '28/08/2023' }).status).toBe(S.notStarted);
    expect(task({ 'Hạn hoàn thành': '28/08/2023', 'Tiến độ (%)': 30 }).status).toBe(S.inProgress);
    expect(task({ 'Hạn hoàn thành': '28/08/2023', 'Tiến độ (%)': '30%' }).status).toBe(S.inProgress);
    expect(task({ 'Hạn hoàn thành': '28/08/2023', 'Tiến độ (%)': 0.3 }, clock, { 'Tiến độ (%)': '0%' }).status).toBe(
      S.inProgress,
    );
  });

  it('deadline T-1 → Quá hạn, whatever the progress below 100', () => {
    expect(task({ 'Hạn hoàn thành': '19/08/2023' }).status).toBe(S.overdue);
    expect(task({ 'Hạn hoàn thành': '19/08/2023', 'Tiến độ (%)': 99 }).status).toBe(S.overdue);
    expect(task({ 'Hạn hoàn thành': dateCell(D('19/08/2023')) }).status).toBe(S.overdue);
  });

  it('a Date deadline at local midnight counts as its calendar day', () => {
    expect(task({ 'Hạn hoàn thành': dateCell(T0) }).status).toBe(S.dueSoon);
    expect(task({ 'Hạn hoàn thành': dateCell(T0 + 8) }).status).toBe(S.notStarted);
  });

  it('completion after the deadline → Hoàn thành trễ hạn; on or before it → Hoàn thành', () => {
    expect(task({ 'Hạn hoàn thành': '20/07/2023', 'Ngày hoàn thành': '25/07/2023' }).status).toBe(S.doneLate);
    expect(task({ 'Hạn hoàn thành': '20/07/2023', 'Ngày hoàn thành': '21/07/2023', 'Tiến độ (%)': 100 }).status).toBe(S.doneLate);
    expect(task({ 'Hạn hoàn thành': '20/07/2023', 'Ngày hoàn thành': '20/07/2023' }).status).toBe(S.done);
    expect(task({ 'Hạn hoàn thành': '20/07/2023', 'Ngày hoàn thành': '2023-07-19' }).status).toBe(S.done);
    expect(task({ 'Hạn hoàn thành': '30/09/2023', 'Ngày hoàn thành': dateCell(T0) }).status).toBe(S.done);
    expect(task({ 'Hạn hoàn thành': '30/09/2023', 'Ngày hoàn thành': '20/08/2023', 'Tiến độ (%)': 40 }).status).toBe(S.done);
  });

  it('completion after today → Lỗi dữ liệu, naming `Ngày hoàn thành`', () => {
    const out = task({ 'Hạn hoàn thành': '30/09/2023', 'Ngày hoàn thành': '21/08/2023' });
    expect(out.status).toBe(S.error);
    expect(out.problems.map((p) => p.column)).toContain('Ngày hoàn thành');
    expect(problemNote(out.problems)).toContain('Ngày hoàn thành');
    // Rule 1 wins over rule 2.
    expect(task({ 'Hạn hoàn thành': '01/08/2023', 'Ngày hoàn thành': '21/08/2023' }).status).toBe(S.error);
  });

  it('progress 100 without a completion date → Hoàn thành, even past the deadline', () => {
    expect(task({ 'Hạn hoàn thành': '30/09/2023', 'Tiến độ (%)': 100 }).status).toBe(S.done);
    expect(task({ 'Hạn hoàn thành': '01/01/2023', 'Tiến độ (%)': '100%' }).status).toBe(S.done);
    expect(task({ 'Hạn hoàn thành': '01/01/2023', 'Tiến độ (%)': 1 }, clock, { 'Tiến độ (%)': '0%' }).status).toBe(S.done);
  });

  it('progress outside 0–100 → Lỗi dữ liệu, naming `Tiến độ (%)`', () => {
    for (const p of [101, -1, '101%', 100.5, 1.01]) {
      const out = task({ 'Hạn hoàn thành': '30/09/2023', 'Tiến độ (%)': p }, clock, p === 1.01 ? { 'Tiến độ (%)': '0%' } : {});
      expect(out.status, String(p)).toBe(S.error);
      expect(out.problems.map((x) => x.column)).toEqual(['Tiến độ (%)']);
      expect(problemNote(out.problems)).toContain('Tiến độ (%)');
    }
  });

  it('unreadable inputs → Lỗi dữ liệu with a note naming the column', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ 'Hạn hoàn thành': '31/02/2023' }, 'Hạn hoàn thành'],
      [{ 'Hạn hoàn thành': 'cuối năm' }, 'Hạn hoàn thành'],
      [{ 'Hạn hoàn thành': '30/09/2023', 'Tiến độ (%)': 'một nửa' }, 'Tiến độ (%)'],
      [{ 'Hạn hoàn thành': '30/09/2023', 'Tiến độ (%)': true }, 'Tiến độ (%)'],
      [{ 'Hạn hoàn thành': '30/09/2023', 'Ngày hoàn thành': '32/07/2023' }, 'Ngày hoàn thành'],
      [{ 'Hạn hoàn thành': '30/09/2023', 'Ngày hoàn thành': 'Thường xuyên' }, 'Ngày hoàn thành'],
    ];
    for (const [row, column] of cases) {
      const out = task(row);
      expect(out.status, JSON.stringify(row)).toBe(S.error);
      expect(out.problems.map((p) => p.column)).toContain(column);
      const note = problemNote(out.problems);
      expect(note).toContain(column);
      expect(note).toMatch(/^Lỗi dữ liệu/);
    }
  });

  it('the note lists every problem of the row', () => {
    const out = task({ 'Hạn hoàn thành': '31/02/2023', 'Tiến độ (%)': 150 });
    expect(out.status).toBe(S.error);
    const note = problemNote(out.problems);
    expect(note).toContain('Hạn hoàn thành');
    expect(note).toContain('Tiến độ (%)');
  });

  it('W = 0: only a deadline today is Sắp đến hạn', () => {
    const c0 = { ...clock, warningDays: 0 };
    expect(task({ 'Hạn hoàn thành': '20/08/2023' }, c0).status).toBe(S.dueSoon);
    expect(task({ 'Hạn hoàn thành': '21/08/2023' }, c0).status).toBe(S.notStarted);
  });

  describe('continuous tasks (Thường xuyên or blank) are due 31/12 of the plan year', () => {
    const at = (dmy: string, warningDays = 7): Clock => ({ today: D(dmy), warningDays, planYear: 2023 });
    for (const deadline of ['Thường xuyên', 'THUONG XUYEN', '']) {
      it(`«${deadline}»`, () => {
        expect(task({ 'Hạn hoàn thành': deadline }, at('28/12/2023')).status).toBe(S.dueSoon);
        expect(task({ 'Hạn hoàn thành': deadline }, at('24/12/2023')).status).toBe(S.dueSoon);
        expect(task({ 'Hạn hoàn thành': deadline }, at('31/12/2023')).status).toBe(S.dueSoon);
        expect(task({ 'Hạn hoàn thành': deadline }, at('23/12/2023')).status).toBe(S.notStarted);
        expect(task({ 'Hạn hoàn thành': deadline, 'Tiến độ (%)': 60 }, at('23/12/2023')).status).toBe(S.inProgress);
        expect(task({ 'Hạn hoàn thành': deadline }, at('01/01/2024')).status).toBe(S.overdue);
        expect(task({ 'Hạn hoàn thành': deadline, 'Tiến độ (%)': 90 }, at('15/03/2024')).status).toBe(S.overdue);
      });
    }

    it('a completion date on a continuous task is never "trễ hạn"', () => {
      expect(task({ 'Hạn hoàn thành': 'Thường xuyên', 'Ngày hoàn thành': '05/01/2024' }, at('10/01/2024')).status).toBe(S.done);
      expect(task({ 'Hạn hoàn thành': '', 'Ngày hoàn thành': '05/01/2024' }, at('10/01/2024')).status).toBe(S.done);
      expect(task({ 'Hạn hoàn thành': 'Thường xuyên', 'Ngày hoàn thành': '01/03/2023' }, at('10/03/2023')).status).toBe(S.done);
    });

    it('the plan year decides the day', () => {
      const c = { today: D('28/12/2024'), warningDays: 7, planYear: 2024 };
      expect(task({ 'Hạn hoàn thành': 'Thường xuyên' }, c).status).toBe(S.dueSoon);
      expect(task({ 'Hạn hoàn thành': 'Thường xuyên' }, { ...c, planYear: 2025 }).status).toBe(S.notStarted);
      expect(task({ 'Hạn hoàn thành': 'Thường xuyên' }, { ...c, planYear: 2023 }).status).toBe(S.overdue);
    });
  });

  describe('against an oracle written from the SPEC rule list', () => {
    type In = { deadline: number | 'continuous'; progress: number | null; completed: number | null };
    function specStatus(x: In, c: Clock): string {
      if (x.progress !== null && (x.progress < 0 || x.progress > 100)) return S.error;
      if (x.completed !== null && x.completed > c.today) return S.error;
      if (x.completed !== null && x.deadline !== 'continuous' && x.completed > x.deadline) return S.doneLate;
      if (x.completed !== null || x.progress === 100) return S.done;
      const due = x.deadline === 'continuous' ? Date.UTC(c.planYear, 11, 31) / MS_PER_DAY : x.deadline;
      if (c.today > due) return S.overdue;
      if (due - c.today >= 0 && due - c.today <= c.warningDays) return S.dueSoon;
      if (x.progress !== null && x.progress > 0) return S.inProgress;
      return S.notStarted;
    }
    const dayNear = (center: number) => fc.integer({ min: center - 40, max: center + 40 });

    it('statuses match for dates written every accepted way and progress every accepted way', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: D('01/01/2023'), max: D('28/02/2024') }),
          fc.integer({ min: 0, max: 15 }),
          fc.option(fc.oneof(dayNear(D('01/08/2023')), dayNear(D('31/12/2023'))), { nil: 'continuous' as const }),
          fc.constantFrom('dmy', 'd/m', 'iso', 'date', 'cont-text', 'blank'),
          fc.option(
            fc.oneof(
              fc.integer({ min: -5, max: 105 }),
              fc.integer({ min: 0, max: 1000 }).map((k) => k / 10),
            ),
            { nil: null },
          ),
          fc.constantFrom('number', 'text%', 'fraction'),
          fc.option(fc.integer({ min: -60, max: 10 }), { nil: null }),
          fc.constantFrom('dmy', 'date'),
          (today, W, deadlineDay, dForm, progress, pForm, completedOffset, cForm) => {
            const c: Clock = { today, warningDays: W, planYear: 2023 };
            const deadline: number | 'continuous' =
              deadlineDay === 'continuous' || dForm === 'cont-text' || dForm === 'blank' ? 'continuous' : deadlineDay;
            const completed = completedOffset === null ? null : today + completedOffset;
            const cells: Record<string, unknown> = {};
            const formats: Record<string, string> = {};
            if (deadline === 'continuous') cells['Hạn hoàn thành'] = dForm === 'blank' ? '' : 'Thường xuyên';
            else {
              const [dd, mm, yy] = dmyOf(deadline).split('/');
              cells['Hạn hoàn thành'] =
                dForm === 'dmy'
                  ? `${dd}/${mm}/${yy}`
                  : dForm === 'd/m'
                    ? `${Number(dd)}/${Number(mm)}/${yy}`
                    : dForm === 'iso'
                      ? `${yy}-${mm}-${dd}`
                      : dateCell(deadline);
            }
            if (progress !== null) {
              if (pForm === 'number') cells['Tiến độ (%)'] = progress;
              else if (pForm === 'text%') cells['Tiến độ (%)'] = `${String(progress).replace('.', ',')}%`;
              else {
                cells['Tiến độ (%)'] = progress / 100;
                formats['Tiến độ (%)'] = '0.0%';
              }
            }
            if (completed !== null) cells['Ngày hoàn thành'] = cForm === 'dmy' ? dmyOf(completed) : dateCell(completed);
            const out = task(cells, c, formats);
            expect(out.status).toBe(specStatus({ deadline, progress, completed }, c));
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('indicators (SPEC §3)', () => {
  const pct = { 'Đơn vị tính': '%' };

  it('R = Tử số / Mẫu số × 100, rounded to 2 decimals', () => {
    const out = indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 80, 'Tử số': 9, 'Mẫu số': 10 });
    expect(out).toMatchObject({ status: S.met, result: 90 });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 50, 'Tử số': 1, 'Mẫu số': 3 }).result).toBe(33.33);
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 50, 'Tử số': 1, 'Mẫu số': 8 }).result).toBe(12.5);
  });

  it('a result that meets the target only at 2 decimals is Đạt (2/3 = 66.67 ≥ 66.67)', () => {
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 66.67, 'Tử số': 2, 'Mẫu số': 3 })).toMatchObject({
      status: S.met,
      result: 66.67,
    });
    expect(indicator({ ...pct, 'So sánh': '>=', 'Mục tiêu': '66,67%', 'Tử số': '2', 'Mẫu số': '3' })).toMatchObject({
      status: S.met,
      result: 66.67,
    });
    expect(indicator({ ...pct, 'So sánh': '=', 'Mục tiêu': 66.67, 'Tử số': 2, 'Mẫu số': 3 }).status).toBe(S.met);
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 66.68, 'Tử số': 2, 'Mẫu số': 3 }).status).toBe(S.missed);
    expect(indicator({ ...pct, 'So sánh': '>', 'Mục tiêu': 66.67, 'Tử số': 2, 'Mẫu số': 3 }).status).toBe(S.missed);
  });

  it('99.995 rounds to 100 and meets "= 100"', () => {
    expect(indicator({ ...pct, 'So sánh': '=', 'Mục tiêu': 100, 'Tử số': 19999, 'Mẫu số': 20000 })).toMatchObject({
      status: S.met,
      result: 100,
    });
    expect(indicator({ ...pct, 'So sánh': '=', 'Mục tiêu': 100, 'Thực hiện': 99.995 })).toMatchObject({
      status: S.met,
      result: 100,
    });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Thực hiện': 99.994 })).toMatchObject({
      status: S.missed,
      result: 99.99,
    });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 66.67, 'Thực hiện': 66.665 })).toMatchObject({
      status: S.met,
      result: 66.67,
    });
  });

  it('0/0 → Không phát sinh', () => {
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Tử số': 0, 'Mẫu số': 0 })).toMatchObject({
      status: S.notApplicable,
      result: null,
    });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Tử số': '0', 'Mẫu số': '0', 'Thực hiện': 50 }).status).toBe(
      S.notApplicable,
    );
  });

  it('0 out of n is a real result of 0', () => {
    expect(indicator({ ...pct, 'So sánh': '≤', 'Mục tiêu': 5, 'Tử số': 0, 'Mẫu số': 12 })).toMatchObject({
      status: S.met,
      result: 0,
    });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 5, 'Tử số': 0, 'Mẫu số': 12 })).toMatchObject({
      status: S.missed,
      result: 0,
    });
  });

  it('Tử số > Mẫu số → Lỗi dữ liệu naming Tử số', () => {
    const out = indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Tử số': 5, 'Mẫu số': 4 });
    expect(out.status).toBe(S.error);
    expect(out.result).toBeNull();
    expect(problemNote(out.problems)).toContain('Tử số');
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Tử số': 1, 'Mẫu số': 0 }).status).toBe(S.error);
  });

  it('only one of Tử số / Mẫu số → Lỗi dữ liệu', () => {
    for (const row of [{ 'Tử số': 5 }, { 'Mẫu số': 5 }, { 'Tử số': 0 }, { 'Mẫu số': 0 }, { 'Tử số': 5, 'Thực hiện': 50 }]) {
      const out = indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, ...row });
      expect(out.status, JSON.stringify(row)).toBe(S.error);
      const note = problemNote(out.problems);
      expect(note.includes('Tử số') || note.includes('Mẫu số')).toBe(true);
    }
  });

  it('a negative number → Lỗi dữ liệu naming its column', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ 'Tử số': -1, 'Mẫu số': 4 }, 'Tử số'],
      [{ 'Tử số': -4, 'Mẫu số': -2 }, 'Mẫu số'],
      [{ 'Thực hiện': -5 }, 'Thực hiện'],
      [{ 'Thực hiện': '-5%' }, 'Thực hiện'],
    ];
    for (const [row, column] of cases) {
      const out = indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, ...row });
      expect(out.status, JSON.stringify(row)).toBe(S.error);
      expect(problemNote(out.problems)).toContain(column);
    }
    const target = indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': -10, 'Thực hiện': 5 });
    expect(target.status).toBe(S.error);
    expect(problemNote(target.problems)).toContain('Mục tiêu');
  });

  it('unknown or missing comparator → Lỗi dữ liệu naming So sánh', () => {
    for (const cmp of ['=>', '=<', '==', '≠', 'lớn hơn', 'x', '']) {
      const out = indicator({ ...pct, 'So sánh': cmp, 'Mục tiêu': 100, 'Thực hiện': 100 });
      expect(out.status, cmp).toBe(S.error);
      expect(problemNote(out.problems)).toContain('So sánh');
    }
  });

  it('blank or non-numeric target → Lỗi dữ liệu naming Mục tiêu', () => {
    for (const target of ['', 'cao', '100 hồ sơ', true]) {
      const out = indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': target, 'Thực hiện': 100 });
      expect(out.status, String(target)).toBe(S.error);
      expect(problemNote(out.problems)).toContain('Mục tiêu');
    }
  });

  it('>= is ≥ and <= is ≤ (spaces around the sign do not matter)', () => {
    for (const [a, b] of [
      ['>=', '≥'],
      ['<=', '≤'],
      [' >= ', '≥'],
      ['< =', '≤'],
    ] as const) {
      for (const actual of [49, 50, 51, 50.004, 49.996]) {
        const x = indicator({ ...pct, 'So sánh': a, 'Mục tiêu': 50, 'Thực hiện': actual });
        const y = indicator({ ...pct, 'So sánh': b, 'Mục tiêu': 50, 'Thực hiện': actual });
        expect(x.status).toBe(y.status);
        expect(x.status).not.toBe(S.error);
      }
    }
    expect(indicator({ ...pct, 'So sánh': '<=', 'Mục tiêu': 5, 'Thực hiện': 5 }).status).toBe(S.met);
    expect(indicator({ ...pct, 'So sánh': '<', 'Mục tiêu': 5, 'Thực hiện': 5 }).status).toBe(S.missed);
    expect(indicator({ ...pct, 'So sánh': '<', 'Mục tiêu': 5, 'Thực hiện': 4.99 }).status).toBe(S.met);
    expect(indicator({ ...pct, 'So sánh': '≤', 'Mục tiêu': 5, 'Thực hiện': 5.01 }).status).toBe(S.missed);
  });

  it('no result → Chưa có số liệu', () => {
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100 })).toMatchObject({ status: S.noData, result: null });
    expect(indicator({ 'Đơn vị tính': 'hồ sơ', 'So sánh': '≥', 'Mục tiêu': 10 }).status).toBe(S.noData);
  });

  it('Thực hiện is the result when there is no Tử số / Mẫu số', () => {
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Thực hiện': '90%' })).toMatchObject({
      status: S.missed,
      result: 90,
    });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 90, 'Thực hiện': 0.95 }, { 'Thực hiện': '0%' })).toMatchObject({
      status: S.met,
      result: 95,
    });
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 0.8, 'Thực hiện': 85 }, { 'Mục tiêu': '0%' })).toMatchObject({
      status: S.met,
      result: 85,
    });
    expect(indicator({ 'Đơn vị tính': 'văn bản', 'So sánh': '≥', 'Mục tiêu': 10, 'Thực hiện': 12 })).toMatchObject({
      status: S.met,
      result: 12,
    });
    expect(indicator({ 'Đơn vị tính': 'văn bản', 'So sánh': '>', 'Mục tiêu': 10, 'Thực hiện': '10' })).toMatchObject({
      status: S.missed,
      result: 10,
    });
  });

  it('Tử số / Mẫu số win over Thực hiện when both are given', () => {
    expect(indicator({ ...pct, 'So sánh': '≥', 'Mục tiêu': 100, 'Tử số': 1, 'Mẫu số': 2, 'Thực hiện': 100 })).toMatchObject({
      status: S.missed,
      result: 50,
    });
  });

  it('property: integer Tử số ≤ Mẫu số against a 2-decimal target, compared at 2 decimals (half up)', () => {
    const cmps = {
      '≥': (a: bigint, b: bigint) => a >= b,
      '>=': (a: bigint, b: bigint) => a >= b,
      '>': (a: bigint, b: bigint) => a > b,
      '≤': (a: bigint, b: bigint) => a <= b,
      '<=': (a: bigint, b: bigint) => a <= b,
      '<': (a: bigint, b: bigint) => a < b,
      '=': (a: bigint, b: bigint) => a === b,
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...(Object.keys(cmps) as (keyof typeof cmps)[])),
        ([n, d], t, cmp) => {
          // Exact R in hundredths, rounded half up: floor((2·n·10⁴ + d) / 2d).
          const hundredths = (2n * BigInt(n) * 10_000n + BigInt(d)) / (2n * BigInt(d));
          const out = indicator({ ...pct, 'So sánh': cmp, 'Mục tiêu': t / 100, 'Tử số': n, 'Mẫu số': d });
          expect(out.result).toBe(Number(hundredths) / 100);
          expect(out.status).toBe(cmps[cmp](hundredths, BigInt(t)) ? S.met : S.missed);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('periods (SPEC §3, T = 20/08/2023)', () => {
  it('link present → Đã tạo báo cáo until the due date; past due and not sent → Quá hạn', () => {
    const link = 'https://docs.google.com/document/d/x';
    expect(period({ 'Hạn gửi': '25/08/2023', 'Liên kết báo cáo': link }).status).toBe(S.reported);
    expect(period({ 'Hạn gửi': '25/05/2023', 'Liên kết báo cáo': link }).status).toBe(S.overdue);
  });

  it('Ngày gửi on or before the due date → Đã gửi, after it → Gửi trễ hạn, after today → Lỗi dữ liệu', () => {
    expect(period({ 'Hạn gửi': '25/05/2023', 'Ngày gửi': '25/05/2023' }).status).toBe('Đã gửi');
    expect(period({ 'Hạn gửi': '25/05/2023', 'Ngày gửi': '29/05/2023' }).status).toBe('Gửi trễ hạn');
    expect(period({ 'Hạn gửi': '25/08/2023', 'Ngày gửi': '21/08/2023' }).status).toBe(S.error);
    expect(period({ 'Hạn gửi': '25/08/2023', 'Ngày gửi': 'hôm qua' }).status).toBe(S.error);
  });

  it('without a Ngày gửi column a link settles the period even past due, as before', () => {
    const headers = ['Mã kỳ', 'Tên kỳ', 'Hạn gửi', 'Trạng thái', 'Ngày tạo báo cáo', 'Liên kết báo cáo'];
    const cols = locateColumns(PERIODS, headers);
    if (!cols.ok) throw new Error(cols.missing.join());
    const grid = { values: [headers, ['H1', '6 tháng', '25/05/2023', '', '', 'https://docs.google.com/document/d/abc']] };
    expect(evaluatePeriodGrid(grid, cols.cols, parsers, { today: T0 })[0]!.status).toBe(S.reported);
  });

  it('past due → Quá hạn; due − T ≤ 10 (blank Nhắc trước) → Sắp đến hạn; otherwise Chưa đến hạn', () => {
    expect(period({ 'Hạn gửi': '19/08/2023' }).status).toBe(S.overdue);
    expect(period({ 'Hạn gửi': '20/08/2023' }).status).toBe(S.dueSoon);
    expect(period({ 'Hạn gửi': '25/08/2023' }).status).toBe(S.dueSoon);
    expect(period({ 'Hạn gửi': '30/08/2023' }).status).toBe(S.dueSoon);
    expect(period({ 'Hạn gửi': '31/08/2023' }).status).toBe(S.notDue);
    expect(period({ 'Hạn gửi': '20/11/2023' }).status).toBe(S.notDue);
    expect(period({ 'Hạn gửi': dateCell(D('30/08/2023')) }).status).toBe(S.dueSoon);
  });

  it('Nhắc trước (ngày) sets the window', () => {
    expect(period({ 'Hạn gửi': '23/08/2023', 'Nhắc trước (ngày)': 3 }).status).toBe(S.dueSoon);
    expect(period({ 'Hạn gửi': '24/08/2023', 'Nhắc trước (ngày)': 3 }).status).toBe(S.notDue);
    expect(period({ 'Hạn gửi': '20/08/2023', 'Nhắc trước (ngày)': 0 }).status).toBe(S.dueSoon);
    expect(period({ 'Hạn gửi': '21/08/2023', 'Nhắc trước (ngày)': 0 }).status).toBe(S.notDue);
    expect(period({ 'Hạn gửi': '19/09/2023', 'Nhắc trước (ngày)': '30' }).status).toBe(S.dueSoon);
  });

  it('unreadable values → Lỗi dữ liệu naming the column', () => {
    for (const [row, column] of [
      [{ 'Hạn gửi': '31/02/2023' }, 'Hạn gửi'],
      [{ 'Hạn gửi': 'cuối tháng' }, 'Hạn gửi'],
      [{ 'Hạn gửi': '25/08/2023', 'Nhắc trước (ngày)': 'mười' }, 'Nhắc trước (ngày)'],
      [{ 'Hạn gửi': '25/08/2023', 'Từ ngày': '40/01/2023' }, 'Từ ngày'],
    ] as [Record<string, unknown>, string][]) {
      const out = period(row);
      expect(out.status, JSON.stringify(row)).toBe(S.error);
      expect(problemNote(out.problems)).toContain(column);
    }
  });

  it('the link is read from `Liên kết báo cáo` on the grid', () => {
    const headers = ['Mã kỳ', 'Tên kỳ', 'Hạn gửi', 'Nhắc trước (ngày)', 'Trạng thái', 'Ngày tạo báo cáo', 'Liên kết báo cáo'];
    const grid = {
      values: [
        headers,
        ['Q1', 'Quý I', '25/02/2023', '', 'Quá hạn', '', ''],
        ['H1', '6 tháng', '25/05/2023', '', '', '20/05/2023', 'https://docs.google.com/document/d/abc'],
        ['', '', '', '', '', '', ''],
        ['Q3', 'Quý III', '25/08/2023', '', '', '', ''],
        ['NAM', 'Năm', '20/11/2023', '', '', '', ''],
      ],
    };
    const cols = locateColumns(PERIODS, headers);
    if (!cols.ok) throw new Error(cols.missing.join());
    const out = evaluatePeriodGrid(grid, cols.cols, parsers, { today: T0 });
    expect(out.map((o) => o?.status ?? null)).toEqual([S.overdue, S.reported, null, S.dueSoon, S.notDue]);
    expect(out[1]!.sheetRow).toBe(3);
  });

  it('property: statuses follow the SPEC rule list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        fc.boolean(),
        fc.constantFrom('dmy', 'date'),
        (offset, remind, linked, form) => {
          const due = T0 + offset;
          const row: Record<string, unknown> = { 'Hạn gửi': form === 'dmy' ? dmyOf(due) : dateCell(due) };
          if (remind !== null) row['Nhắc trước (ngày)'] = remind;
          if (linked) row['Liên kết báo cáo'] = 'https://docs.google.com/document/d/x';
          const expected = T0 > due ? S.overdue : linked ? S.reported : due - T0 <= (remind ?? 10) ? S.dueSoon : S.notDue;
          expect(period(row).status).toBe(expected);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('whole grids', () => {
  const headers = ['Cột riêng', 'Mã', 'Nhiệm vụ', 'Hạn hoàn thành', 'Tiến độ (%)', 'Ngày hoàn thành', 'Trạng thái'];
  const cols = locateColumns(TASKS, headers);
  if (!cols.ok) throw new Error(cols.missing.join());

  it('one bad row does not stop the others; blank rows are left alone', () => {
    const grid = {
      values: [
        headers,
        ['x', 'A', 'Quá hạn', '01/08/2023', '', '', ''],
        ['x', 'B', 'Sai', '31/02/2023', '', '', ''],
        ['', '', '', '', '', '', 'Cũ'],
        ['', 'D', 'Xong', 'Thường xuyên', 1, '', ''],
      ],
      formats: [[], [], [], [], ['', '', '', '', '0%', '', '']],
    };
    const out = evaluateTaskGrid(grid, cols.cols, parsers, clock);
    expect(out.map((o) => o?.status ?? null)).toEqual([S.overdue, S.error, null, S.done]);
    expect(problemNote(out[1]!.problems)).toContain('Hạn hoàn thành');
  });

  it('a row holding an invalid Date is a data error and the other rows go on', () => {
    const grid = {
      values: [
        headers,
        ['', 'A', 'Việc A', '01/08/2023', new Date(NaN), '', ''],
        ['', 'B', 'Việc B', new Date(NaN), '', '', ''],
        ['', 'C', 'Việc C', '01/08/2023', '', '', ''],
      ],
    };
    const out = evaluateTaskGrid(grid, cols.cols, parsers, clock);
    expect(out.map((o) => o?.status)).toEqual([S.error, S.error, S.overdue]);
    expect(problemNote(out[0]!.problems)).toContain('Tiến độ (%)');
    expect(problemNote(out[1]!.problems)).toContain('Hạn hoàn thành');
  });

  it('indicator grid: result and status per row', () => {
    const ih = ['Chỉ tiêu', 'So sánh', 'Mục tiêu', 'Đơn vị tính', 'Tử số', 'Mẫu số', 'Thực hiện', 'Kết quả', 'Trạng thái'];
    const icols = locateColumns(INDICATORS, ih);
    if (!icols.ok) throw new Error(icols.missing.join());
    const out = evaluateIndicatorGrid(
      {
        values: [
          ih,
          ['Tỷ lệ', '>=', 66.67, '%', 2, 3, '', '', ''],
          ['Tỷ lệ 2', '≥', 100, '%', '', '', '90%', '', ''],
          ['Tỷ lệ 3', '≥', 100, '%', 0, 0, '', '', ''],
          ['Tỷ lệ 4', '≥', 100, '%', 5, 4, '', '', ''],
        ],
      },
      icols.cols,
      parsers,
    );
    expect(out.map((o) => [o?.status, o?.result])).toEqual([
      [S.met, 66.67],
      [S.missed, 90],
      [S.notApplicable, null],
      [S.error, null],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('any row', () => {
  const stringifiable = (v: unknown) => {
    try {
      String(v);
      return true;
    } catch {
      return false;
    }
  };
  const cellValue = fc.oneof(
    fc.anything().filter(stringifiable),
    fc.date({ noInvalidDate: true }),
    fc.date({ min: new Date(Date.UTC(2022, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true }),
    fc.double(),
    fc.integer({ min: -10, max: 200 }).map(String),
    fc.integer({ min: -10, max: 200 }).map((n) => `${n}%`),
    fc.double({ min: -1, max: 2, noNaN: true }).map((n) => `${n} %`.replace('.', ',')),
    fc.constantFrom(
      '',
      ' ',
      'Thường xuyên',
      'thuong xuyen',
      '31/02/2023',
      '20/08/2023',
      '2023-08-25',
      '≥',
      '>=',
      '=',
      '<',
      '%',
      'abc',
    ),
  );
  const formatValue = fc.constantFrom('', '0%', '0.00%', '@', 'dd/mm/yyyy', '#,##0');
  const rowOf = (keys: readonly string[]) =>
    fc
      .tuple(...keys.map(() => fc.record({ v: cellValue, f: formatValue })))
      .map((cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i]!])));
  const clockArb = fc.record({
    today: fc.integer({ min: D('01/01/2022'), max: D('31/12/2024') }),
    warningDays: fc.integer({ min: 0, max: 30 }),
    planYear: fc.integer({ min: 2022, max: 2024 }),
  });

  it('a task row: exactly one SPEC status, never throws, Lỗi dữ liệu iff problems, deterministic', () => {
    fc.assert(
      fc.property(rowOf(TASK_INPUTS), clockArb, (cells, c) => {
        const out = evaluateTask(parsers.task(cells), c);
        expect(TASK_STATUSES).toContain(out.status);
        expect(out.status === S.error).toBe(out.problems.length > 0);
        for (const p of out.problems) expect(Object.values(TASKS.columns).map((x) => x.header)).toContain(p.column);
        expect(evaluateTask(parsers.task(cells), c)).toEqual(out);
      }),
      { numRuns: 200 },
    );
  });

  it('an indicator row: exactly one SPEC status, never throws, Lỗi dữ liệu iff problems, deterministic', () => {
    const unit = fc.record({ v: fc.constantFrom('%', ' % ', 'hồ sơ', ''), f: fc.constant('') });
    fc.assert(
      fc.property(rowOf(INDICATOR_INPUTS), unit, fc.boolean(), (cells, u, withUnit) => {
        const row = withUnit ? { ...cells, unit: u } : cells;
        const out = evaluateIndicator(parsers.indicator(row));
        expect(INDICATOR_STATUSES).toContain(out.status);
        expect(out.status === S.error).toBe(out.problems.length > 0);
        if (out.status === S.met || out.status === S.missed) {
          expect(typeof out.result).toBe('number');
          expect(Math.round((out.result as number) * 100) / 100).toBe(out.result);
        } else {
          expect(out.result).toBeNull();
        }
        expect(evaluateIndicator(parsers.indicator(row))).toEqual(out);
      }),
      { numRuns: 200 },
    );
  });

  it('a period row: exactly one SPEC status, never throws, Lỗi dữ liệu iff problems, deterministic', () => {
    fc.assert(
      fc.property(rowOf(PERIOD_INPUTS), clockArb, (cells, c) => {
        const out = evaluatePeriod(parsers.period(cells), c.today);
        expect(PERIOD_STATUSES).toContain(out.status);
        expect(out.status === S.error).toBe(out.problems.length > 0);
        expect(evaluatePeriod(parsers.period(cells), c.today)).toEqual(out);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('statusBackground (SPEC §3 colours)', () => {
  const SPEC_COLOURS: [Status, string][] = [
    [S.overdue, '#f4cccc'],
    [S.missed, '#f4cccc'],
    [S.dueSoon, '#fff2cc'],
    [S.doneLate, '#fce5cd'],
    [S.done, '#d9ead3'],
    [S.met, '#d9ead3'],
    [S.reported, '#d9ead3'],
    [S.error, '#ea9999'],
    [S.inProgress, '#ffffff'],
    [S.notStarted, '#ffffff'],
    [S.notApplicable, '#ffffff'],
    [S.noData, '#ffffff'],
    [S.notDue, '#ffffff'],
  ];
  // "#ffffff" is written as no fill (null), which getBackgrounds reads as #ffffff: a sheet's
  // alternating colours then still show.
  it.each(SPEC_COLOURS)('%s → %s', (status, colour) => {
    const fill = statusBackground(status);
    expect(fill === null ? '#ffffff' : fill.toLowerCase()).toBe(colour);
    if (colour === '#ffffff') expect(fill).toBeNull();
  });
});
