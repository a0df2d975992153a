/**
 * Bad input gets a clear answer and nothing is lost (docs/SPEC.md §1, §2): over random workbooks — shuffled
 * and extra columns, noisy headers, blank rows, numbers and dates as text, Dates, stray spaces,
 * line breaks, emoji — setupWorkbook, refreshStatuses, validateData and onEdit never change an
 * input cell and never throw to the user.
 */
import fc from 'fast-check';
import { MIGRATIONS } from '../src/contract/migrations';
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import { productEmulator, generatedWorkbook, loadWorkbook, putSheet, type Row } from './support/fixtures';
import type { Emulator } from '../emulator/index';
import { INDICATORS, LOG, OVERVIEW_SHEET, PERIODS, type SheetDef, TASKS } from '../src/contract/sheets';
import { locateColumns } from '../src/core/headers';

const DEFS: SheetDef[] = [TASKS, INDICATORS, PERIODS];

const noisyHeader = (h: string) => fc.constantFrom(h, h.toUpperCase(), `  ${h} `, h.replace(' ', '\n'), h.toLowerCase());

const cellValue = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.constantFrom('Thường xuyên', 'thuong xuyen', '  THƯỜNG XUYÊN ', '1. Công tác chỉ đạo, điều hành', '3', 'Văn hoá'),
  fc.constantFrom('≥', '>=', '<', '≈', '%', 'bậc', '50%', '50 %', '1.234,5', '1,234.5', '12,5', 'abc'),
  fc.constantFrom('25/02/2023', '5/3/2023', '2023-08-01', '31/02/2023', '32/13/2023', '01/08/2023 '),
  fc.constantFrom('a@xa.example', 'chị Lan', 'a@xa.example, b@', '- gạch đầu dòng', '+84 912', '@mention', '=SUM(1;2)'),
  fc.constantFrom('Dòng 1\nDòng 2', 'Nhiệm vụ 🚀 số hoá ✅', 'x'.repeat(300), 'Ô gộp\n\n\n'),
  fc.integer({ min: -5, max: 150 }),
  fc.double({ min: -1, max: 200, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: Date.parse('2022-06-01'), max: Date.parse('2024-06-01') }).map((ms) => new Date(ms)),
);

interface SheetCase {
  headers: string[];
  rows: unknown[][];
}

/** A data sheet: its headers shuffled with user columns among them, and rows of anything. */
function sheetCase(def: SheetDef): fc.Arbitrary<SheetCase> {
  const own = Object.values(def.columns).map((c) => c.header);
  return fc
    .record({
      headers: fc.tuple(...own.map(noisyHeader)),
      extra: fc.array(fc.constantFrom('Ghi chú riêng', 'Cột 🙂', 'Người nhập', ''), { maxLength: 3 }),
      order: fc.array(fc.nat(), { minLength: own.length + 3, maxLength: own.length + 3 }),
      rows: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 5, arbitrary: fc.array(cellValue, { minLength: own.length + 3, maxLength: own.length + 3 }) },
        ),
        { maxLength: 25 },
      ),
    })
    .map(({ headers, extra, order, rows }) => {
      const all = [...headers, ...extra];
      const keyed = all
        .map((h, i) => [order[i]!, h] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, h]) => h);
      return { headers: keyed, rows: rows.map((r) => (r ? r.slice(0, keyed.length) : [])) };
    });
}

function build(cases: SheetCase[], config: [string, unknown][]): Emulator {
  const emu = productEmulator();
  emu.setToday('2023-08-20');
  loadWorkbook(emu, { config });
  DEFS.forEach((def, i) => {
    const { headers, rows } = cases[i]!;
    const sheet = emu.spreadsheet.getSheetByName(def.name)!;
    sheet.values.length = 0;
    sheet.formats.length = 0;
    sheet.load([headers, ...rows]);
  });
  return emu;
}

/**
 * Every cell of every sheet but Nhật ký and Tổng quan (the script's own: a log and formulas over the
 * statuses), with the computed columns of the data sheets masked.
 */
function inputs(emu: Emulator): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of emu.spreadsheet.sheets) {
    if (sheet.name === LOG.name || sheet.name === OVERVIEW_SHEET) continue;
    const values = sheet.getDataRange().getValues();
    const def = DEFS.find((d) => d.name === sheet.name);
    const masked = new Set<number>();
    if (def) {
      const found = locateColumns(def, values[0] ?? []);
      if (found.ok)
        for (const [k, c] of Object.entries(def.columns)) if (c.computed) masked.add((found.cols as Record<string, number>)[k]!);
    }
    out[sheet.name] = values.map((r) =>
      r.map((v, i) => (masked.has(i) ? '<computed>' : v instanceof Date ? `D${v.getTime()}` : v)),
    );
  }
  return out;
}

const MIGRATION_TEXTS = new Set<unknown>([
  '',
  ...MIGRATIONS.flatMap((m) => [...m.columns.flatMap((c) => c.headers), ...m.configLabels]),
]);

/**
 * Every cell that was there is as it was; anything beyond the old rows and columns is what the
 * schema migration of setupWorkbook appends (its headers and labels) or blank.
 */
function keptWhereItWas(after: Record<string, unknown[][]>, before: Record<string, unknown[][]>, label: string): void {
  for (const [name, old] of Object.entries(before)) {
    const now = after[name]!;
    const width = Math.max(0, ...old.map((r) => r.length));
    expect(
      now.slice(0, old.length).map((r) => r.slice(0, width)),
      `${label} ${name}`,
    ).toEqual(old.map((r) => [...r, ...Array(width - r.length).fill('')]));
    const beyond = [...now.slice(0, old.length).flatMap((r) => r.slice(width)), ...now.slice(old.length).flat()];
    expect(
      beyond.filter((v) => !MIGRATION_TEXTS.has(v)),
      `${label} ${name}`,
    ).toEqual([]);
  }
}

const configCase = fc.array(
  fc.tuple(fc.constantFrom('Năm kế hoạch', 'Số ngày cảnh báo', 'Email nhắc việc', 'Nơi nhận', 'Không rõ'), cellValue),
  { maxLength: 6 },
);

describe('random workbooks', () => {
  it('menu operations never change an input cell and never throw', () => {
    fc.assert(
      fc.property(fc.tuple(...DEFS.map(sheetCase)), configCase, (cases, config) => {
        const emu = build(cases, config);
        const before = inputs(emu);
        for (const fn of ['refreshStatuses', 'validateData', 'setupWorkbook', 'refreshStatuses']) {
          emu.run(fn);
          expect(emu.dialogs.at(-1), fn).toBeTruthy();
          // setupWorkbook only adds sheets (Tổng quan) and the migration's headers and labels.
          keptWhereItWas(inputs(emu), before, fn);
        }
        expect(emu.dialogs.join('\n')).not.toMatch(/lỗi không mong muốn/);
      }),
      { numRuns: 25 },
    );
  });

  it('onEdit never changes a cell but the computed ones, and never throws', () => {
    fc.assert(
      fc.property(
        fc.tuple(...DEFS.map(sheetCase)),
        fc.constantFrom(TASKS.name, INDICATORS.name, PERIODS.name, 'Cấu hình'),
        fc.record({
          row: fc.integer({ min: 1, max: 30 }),
          col: fc.integer({ min: 1, max: 14 }),
          rows: fc.integer({ min: 1, max: 4 }),
          cols: fc.integer({ min: 1, max: 3 }),
        }),
        cellValue,
        (cases, sheetName, box, value) => {
          const emu = build(cases, []);
          emu.run('refreshStatuses');
          const letter = (n: number) => String.fromCharCode(64 + n);
          const a1 = `${letter(box.col)}${box.row}:${letter(box.col + box.cols - 1)}${box.row + box.rows - 1}`;
          const out = userEdit(emu, sheetName, a1, value, { trigger: false });
          const before = inputs(emu); // the user's edit is in; now only onEdit runs
          const range = emu.spreadsheet.getSheetByName(sheetName)!.getRange(a1);
          const event = { range, source: emu.spreadsheet, authMode: 'LIMITED' };
          expect(out.accepted).toBe(true);
          emu.run('onEdit', [event], { as: 'simple' });
          expect(inputs(emu)).toEqual(before);
          expect(emu.spreadsheet.toasts).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('5,000 rows with noise: every operation and a 200-row paste keep every input cell', () => {
    const data = generatedWorkbook(5_000);
    const noise = ['', '  ', 'Dòng 1\nDòng 2 🚀', '12,5', '31/02/2023', new Date(Date.parse('2023-05-05T03:00:00Z'))];
    const tasks: Row[] = data.tasks!.map((t, i) =>
      i % 7 === 3 ? {} : i % 11 === 0 ? { ...t, 'Tiến độ (%)': noise[i % noise.length] } : t,
    );
    const emu = productEmulator();
    emu.setToday('2023-08-20');
    loadWorkbook(emu, { ...data, tasks });
    putSheet(emu, 'Ghi chép riêng', ['A', 'B'], [{ A: 'của tôi', B: 1 }]);
    const before = inputs(emu);
    for (const fn of ['setupWorkbook', 'refreshStatuses', 'validateData']) {
      emu.run(fn);
      keptWhereItWas(inputs(emu), before, fn);
    }
    const paste = Array.from({ length: 200 }, (_, i) => [noise[i % noise.length], i % 3 ? 'Thường xuyên' : '01/08/2023']);
    const out = userEdit(emu, TASKS.name, 'G1000:H1199', paste, { trigger: false });
    const pasted = inputs(emu);
    const range = emu.spreadsheet.getSheetByName(TASKS.name)!.getRange('G1000:H1199');
    const run = emu.run('onEdit', [{ range, source: emu.spreadsheet, authMode: 'LIMITED' }], { as: 'simple' });
    expect(out.accepted).toBe(true);
    expect(inputs(emu)).toEqual(pasted);
    // First edit of the hour (Cấu hình read), formats, blank rows (colours read), notes: all of it, once.
    expect(run.calls.count('spreadsheet')).toBeLessThanOrEqual(18);
  });
});
