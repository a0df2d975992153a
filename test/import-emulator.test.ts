/**
 * importPlan and confirmImport through the built bundle in the emulator (docs/SPEC.md §8): the
 * review sheet, Document calls that grow with the blocks, confirming twice, a workbook that
 * already holds tasks, a Word file, the menu's prompt, a failing service (the re-run repairs), text kept as text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../emulator/index';
import { FileModel } from '../emulator/services/drive';
import { markdownBlocks } from '../scripts/plan-blocks';
import { openAsGoogleDoc } from '../scripts/import-plan';
import { REVIEW_HEADERS, REVIEW_SHEET } from '../src/core/import/review';
import type { Block } from '../src/core/import/blocks';
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../src/contract/sheets';
import { PLAN_CASES } from './support/plan-score';

const SAMPLE = markdownBlocks(readFileSync(PLAN_CASES[0]!.file, 'utf8'));

function workbook(): Emulator {
  const emu = new Emulator();
  emu.setToday('2023-08-20');
  emu.spreadsheet.insertSheet('Trang tính1');
  emu.run('setupWorkbook');
  // The plan's own sheets start empty, as in a commune's new workbook.
  for (const name of [TASKS.name, INDICATORS.name]) {
    const sheet = emu.spreadsheet.getSheetByName(name)!;
    if (sheet.getLastRow() > 1) sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
  }
  return emu;
}

const values = (emu: Emulator, name: string) => emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
const column = (emu: Emulator, name: string, header: string) => {
  const [head, ...rows] = values(emu, name);
  const at = head!.indexOf(header);
  return rows.map((r) => r[at]).filter((v) => v !== '');
};

describe('importPlan', () => {
  it('writes the review sheet of the sample: every task, indicator, period and the settings', () => {
    const emu = workbook();
    const id = openAsGoogleDoc(emu, 'Kế hoạch CCHC 2023', SAMPLE);
    emu.run('importPlan', [id]);
    const [head, ...rows] = values(emu, REVIEW_SHEET);
    expect(head).toEqual([...REVIEW_HEADERS]);
    const kinds = rows.map((r) => r[0]);
    expect(kinds.filter((k) => k === 'Nhiệm vụ')).toHaveLength(34);
    expect(kinds.filter((k) => k === 'Chỉ tiêu')).toHaveLength(18);
    expect(kinds.filter((k) => k === 'Kỳ báo cáo')).toHaveLength(4);
    expect(rows.every((r) => r[REVIEW_HEADERS.indexOf('Nhập')] === true)).toBe(true);
    expect(emu.dialogs.at(-1)).toMatch(/34 nhiệm vụ, 18 chỉ tiêu, 4 kỳ báo cáo/);
    // It writes nothing else: the task sheet is still empty.
    expect(values(emu, TASKS.name)).toHaveLength(1);
  });

  it('makes Document calls in proportion to the blocks and parses a 20-page plan in under a second', () => {
    const emu = workbook();
    const one = emu.run('importPlan', [openAsGoogleDoc(emu, 'một', SAMPLE)]).calls.count('document');
    const long = [...SAMPLE, ...SAMPLE, ...SAMPLE, ...SAMPLE];
    const started = performance.now();
    const four = emu.run('importPlan', [openAsGoogleDoc(emu, 'bốn', long)]).calls.count('document');
    expect(performance.now() - started).toBeLessThan(1000);
    const children = emu.documentApp.documents.at(-1)!.getBody().getNumChildren();
    expect(four).toBeLessThanOrEqual(6 * children + 10);
    expect(four).toBeLessThanOrEqual(4 * one + 10);
  });

  it('explains in two steps how to open a Word file as a Google Doc, and writes nothing', () => {
    const emu = workbook();
    const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    emu.driveApp.addFile(
      new FileModel('wordfile12345', 'ke-hoach.docx', mime, 'https://drive.google.com/file/d/wordfile12345/view'),
    );
    emu.run('importPlan', ['https://drive.google.com/file/d/wordfile12345/view']);
    expect(emu.dialogs.at(-1)).toMatch(/tệp Word.*\(1\).*Lưu dưới dạng Google Tài liệu.*\(2\)/s);
    expect(emu.spreadsheet.getSheetByName(REVIEW_SHEET)).toBeNull();
  });

  it('asks for the document from the menu, and a cancelled prompt does nothing', () => {
    const emu = workbook();
    emu.run('importPlan', [], { as: 'menu' });
    expect(emu.spreadsheet.getSheetByName(REVIEW_SHEET)).toBeNull();
    emu.ui.promptTexts.push(`https://docs.google.com/document/d/${openAsGoogleDoc(emu, 'kh', SAMPLE)}/edit`);
    emu.run('importPlan', [], { as: 'menu' });
    expect(values(emu, REVIEW_SHEET).length).toBeGreaterThan(50);
  });
});

describe('confirmImport', () => {
  it('appends the ticked rows once, however often it is confirmed, and keeps the tasks already there', () => {
    const emu = workbook();
    const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const head = values(emu, TASKS.name)[0]!;
    const own = head.map(
      (h) =>
        ({
          Mã: 'NV3.05',
          'Lĩnh vực': '3. Cải cách thủ tục hành chính',
          'Nhiệm vụ': 'Việc của xã',
          'Hạn hoàn thành': 'Thường xuyên',
        })[String(h) as 'Mã'] ?? '',
    );
    tasks.getRange(2, 1, 1, head.length).setValues([own]);
    emu.run('importPlan', [openAsGoogleDoc(emu, 'kh', SAMPLE)]);
    // The user unticks one task.
    const review = emu.spreadsheet.getSheetByName(REVIEW_SHEET)!;
    review.getRange(2 + 1, REVIEW_HEADERS.indexOf('Nhập') + 1).setValue(false);
    emu.run('confirmImport');
    const names = column(emu, TASKS.name, 'Nhiệm vụ');
    expect(names[0]).toBe('Việc của xã');
    expect(names).toHaveLength(1 + 33);
    expect(column(emu, INDICATORS.name, 'Chỉ tiêu')).toHaveLength(18);
    const codes = column(emu, TASKS.name, 'Mã');
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('NV3.06');
    const after = JSON.stringify([
      values(emu, TASKS.name),
      values(emu, INDICATORS.name),
      values(emu, PERIODS.name),
      values(emu, CONFIG_SHEET),
    ]);
    emu.run('confirmImport');
    expect(
      JSON.stringify([
        values(emu, TASKS.name),
        values(emu, INDICATORS.name),
        values(emu, PERIODS.name),
        values(emu, CONFIG_SHEET),
      ]),
    ).toBe(after);
    expect(emu.dialogs.at(-1)).toMatch(/Đã nhập 0 nhiệm vụ, 0 chỉ tiêu/);
    // Importing the document again adds only the task unticked before: the other texts are already there.
    emu.run('importPlan', [openAsGoogleDoc(emu, 'kh', SAMPLE)]);
    emu.run('confirmImport');
    expect(column(emu, TASKS.name, 'Nhiệm vụ')).toHaveLength(1 + 34 - 0);
  });
});

describe('report tasks of an imported plan', () => {
  it('name their period in Kỳ báo cáo, so that sending the report completes them', () => {
    const emu = workbook();
    emu.run('importPlan', [openAsGoogleDoc(emu, 'kh', SAMPLE)]);
    emu.run('confirmImport');
    const [head, ...rows] = values(emu, TASKS.name);
    const name = head!.indexOf('Nhiệm vụ');
    const period = head!.indexOf('Kỳ báo cáo');
    const linked = rows.filter((r) => r[period] !== '').map((r) => [r[name], r[period]]);
    expect(linked.map(([, p]) => p)).toEqual(['Q1', 'H1', 'Q3', 'NAM']);
    for (const [n] of linked) expect(String(n)).toMatch(/^báo cáo .*gửi trước ngày/i);
    // The codes are periods the workbook has: no Lỗi dữ liệu for an unknown one.
    const status = head!.indexOf('Trạng thái');
    expect(rows.filter((r) => r[period] !== '').map((r) => r[status])).not.toContain('Lỗi dữ liệu');
  });
});

describe('confirmImport on a full sheet', () => {
  it('appends below a task sheet that has no spare rows left', () => {
    const emu = workbook();
    const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const head = values(emu, TASKS.name)[0]!.map(String);
    const own = Array.from({ length: tasks.getMaxRows() - 1 }, (_, i) =>
      head.map((h) => ({ Mã: `X${i + 1}`, 'Nhiệm vụ': `Việc ${i + 1}`, 'Hạn hoàn thành': 'Thường xuyên' })[h as 'Mã'] ?? ''),
    );
    tasks.load(own, 2);
    expect(tasks.getLastRow()).toBe(tasks.getMaxRows());
    emu.run('importPlan', [openAsGoogleDoc(emu, 'kh', SAMPLE)]);
    emu.run('confirmImport');
    expect(emu.dialogs.at(-1)).toMatch(/^Đã nhập 34 nhiệm vụ, 18 chỉ tiêu/);
    expect(column(emu, TASKS.name, 'Nhiệm vụ')).toHaveLength(own.length + 34);
  });
});

describe('confirmImport stopped by a failing service', () => {
  const state = (emu: Emulator) =>
    JSON.stringify([TASKS.name, INDICATORS.name, PERIODS.name, CONFIG_SHEET, REVIEW_SHEET].map((n) => values(emu, n)));
  const imported = () => {
    const emu = workbook();
    emu.run('importPlan', [openAsGoogleDoc(emu, 'kh', SAMPLE)]);
    return emu;
  };

  it('is repaired by the re-run, whichever call failed: the clean run rows, codes, marks and statuses, no row twice', () => {
    const clean = imported();
    const calls = clean.run('confirmImport').calls.total();
    const want = state(clean);
    for (let at = 1; at <= calls; at++) {
      const emu = imported();
      emu.faults.failAt(at, 'unavailable');
      emu.run('confirmImport');
      emu.faults.clear();
      if (state(emu) === want) continue;
      expect(emu.dialogs.at(-1), `call ${at}`).toMatch(/thử lại/);
      emu.run('confirmImport');
      expect(state(emu), `call ${at}`).toBe(want);
    }
  });

  it('says to try again when Drive fails while opening the document, not that the file is missing', () => {
    const emu = workbook();
    const id = openAsGoogleDoc(emu, 'kh', SAMPLE);
    emu.faults.failAt(1, 'unavailable');
    emu.run('importPlan', [id]);
    expect(emu.dialogs.at(-1)).toMatch(/thử lại/);
    expect(emu.dialogs.at(-1)).not.toMatch(/không tồn tại/);
  });
});

describe('text written by confirmImport', () => {
  it('stays text: a task `2023` in area `100`, an indicator unit `=1+1`', () => {
    const emu = workbook();
    emu.run('importPlan', [openAsGoogleDoc(emu, 'kh', SAMPLE)]);
    const review = emu.spreadsheet.getSheetByName(REVIEW_SHEET)!;
    const rows = values(emu, REVIEW_SHEET);
    const task = rows.findIndex((r) => r[0] === 'Nhiệm vụ') + 1;
    const indicator = rows.findIndex((r) => r[0] === 'Chỉ tiêu') + 1;
    const col = (h: string) => REVIEW_HEADERS.indexOf(h as (typeof REVIEW_HEADERS)[number]) + 1;
    review.getRange(task, col('Nội dung')).setValue("'2023");
    review.getRange(task, col('Lĩnh vực')).setValue("'100");
    review.getRange(indicator, col('Đơn vị tính')).setValue("'=1+1");
    emu.run('confirmImport');
    expect(column(emu, TASKS.name, 'Nhiệm vụ')[0]).toBe('2023');
    expect(column(emu, TASKS.name, 'Lĩnh vực')[0]).toBe('100');
    const units = emu.spreadsheet.getSheetByName(INDICATORS.name)!;
    const at = values(emu, INDICATORS.name)[0]!.indexOf('Đơn vị tính') + 1;
    expect(units.getRange(2, at).getValue()).toBe('=1+1');
    expect(units.getRange(2, at).getFormula()).toBe('');
  });
});

describe('import of random documents', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Cải cách thể chế',
      '- 100% hồ sơ đúng hạn',
      '- Rà soát văn bản (Quý II/2026).',
      '=SUM(A1)',
      '+ việc',
      'Nơi nhận:',
      'báo cáo năm: trước 20/11',
    ),
  );
  const block: fc.Arbitrary<Block> = fc.oneof(
    fc.record({
      kind: fc.constant('paragraph' as const),
      text,
      heading: fc.integer({ min: 0, max: 3 }),
      list: fc.option(fc.integer({ min: 0, max: 2 })),
    }),
    fc.record({
      kind: fc.constant('table' as const),
      rows: fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    }),
  );

  it('never shows an unexpected error, and confirming twice adds nothing', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 25 }), (blocks) => {
        const emu = workbook();
        emu.run('importPlan', [openAsGoogleDoc(emu, 'ngẫu nhiên', blocks)]);
        emu.run('confirmImport');
        const once = JSON.stringify([
          values(emu, TASKS.name),
          values(emu, INDICATORS.name),
          values(emu, PERIODS.name),
          values(emu, CONFIG_SHEET),
        ]);
        emu.run('confirmImport');
        const twice = JSON.stringify([
          values(emu, TASKS.name),
          values(emu, INDICATORS.name),
          values(emu, PERIODS.name),
          values(emu, CONFIG_SHEET),
        ]);
        expect(twice).toBe(once);
        for (const d of emu.dialogs) expect(d).not.toMatch(/không mong muốn/);
      }),
      { numRuns: 15 },
    );
  });
});
