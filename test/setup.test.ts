/** setupWorkbook through the built bundle in the emulator (docs/SPEC.md §1, §4). */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import { productEmulator, headersOf, putSheet } from './support/fixtures';
import type { SheetModel } from '../emulator/services/spreadsheet';
import { DataValidationBuilderModel } from '../emulator/services/validation';
import { CONFIG_LAYOUT, DATE_FORMAT, SHEET_LAYOUTS, TASKS_LAYOUT } from '../src/contract/layout';
import { TEMPLATE } from '../src/sample/template';
import { AREA_LABELS } from '../src/contract/lists';
import { CONFIG_SHEET, INDICATORS, LOG, OVERVIEW_SHEET, PERIODS, TASKS } from '../src/contract/sheets';
import { snapshotValues } from './helpers';

const ORDER = [OVERVIEW_SHEET, TASKS.name, INDICATORS.name, PERIODS.name, CONFIG_SHEET, LOG.name];

function freshEmulator(): Emulator {
  const emu = productEmulator();
  emu.setToday('2023-08-20');
  emu.spreadsheet.insertSheet('Trang tính1'); // what a new spreadsheet holds
  return emu;
}

const sheet = (emu: Emulator, name: string) => emu.spreadsheet.getSheetByName(name)!;
const headerRow = (s: SheetModel) => s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
const col = (s: SheetModel, header: string) => (headerRow(s) as unknown[]).indexOf(header) + 1;

/** Everything a user sees of a sheet: values, formulas, formats, colours, notes, bold, validation. */
function fullState(emu: Emulator): unknown {
  return emu.spreadsheet.sheets
    .filter((s) => s.name !== LOG.name)
    .map((s) => ({
      name: s.name,
      frozen: s.frozenRows,
      widths: [...s.columnWidths],
      protections: s.protections.map((p) => [p.type, p.range.getA1Notation(), p.description, p.warningOnly]),
      charts: s.charts.map((c) => [c.type, c.ranges.map((r) => r.getA1Notation())]),
      cells: Array.from({ length: s.getLastRow() }, (_, r) =>
        Array.from({ length: s.getLastColumn() }, (_, c) => {
          const x = s.cell(r + 1, c + 1);
          return [
            x.value instanceof Date ? x.value.getTime() : x.value,
            x.formula,
            x.format,
            x.background,
            x.note,
            x.bold,
            x.validation?.criteria ?? null,
          ];
        }),
      ),
    }));
}

describe('setupWorkbook then loadSamplePlan on a new spreadsheet', () => {
  const emu = freshEmulator();
  const run = emu.run('setupWorkbook');
  const setupMessage = emu.dialogs.at(-1)!;
  const sample = emu.run('loadSamplePlan');

  it('creates the six sheets in the template order and removes the empty sheet the spreadsheet came with', () => {
    expect(emu.spreadsheet.sheets.map((s) => s.name)).toEqual(ORDER);
    expect(setupMessage).toContain('Đã xoá trang tính trống «Trang tính1» có sẵn khi tạo bảng tính.');
  });

  it("writes each sheet's header row in the layout order, bold, coloured and frozen", () => {
    for (const layout of SHEET_LAYOUTS) {
      const s = sheet(emu, layout.name);
      expect(headerRow(s)).toEqual(layout.columns.map((c) => c.header));
      expect(s.frozenRows).toBe(1);
      expect(s.cell(1, 1).bold).toBe(true);
      layout.columns.forEach((c, i) => expect(s.getColumnWidth(i + 1), c.header).toBe(c.width));
    }
    expect(headerRow(sheet(emu, TASKS.name))).toEqual(headersOf(TASKS));
  });

  it('fills the whole plan: every task, indicator, period and setting of the template', () => {
    const tasks = sheet(emu, TASKS.name);
    expect(tasks.getLastRow() - 1).toBe(TEMPLATE.tasks.length);
    expect(sheet(emu, INDICATORS.name).getLastRow() - 1).toBe(TEMPLATE.indicators.length);
    expect(sheet(emu, PERIODS.name).getLastRow() - 1).toBe(TEMPLATE.periods.length);
    expect(sheet(emu, CONFIG_SHEET).getLastRow() - 1).toBe(TEMPLATE.config.length);
    // Row by row, word for word: each template task is the sheet row of the same index.
    const values = tasks.getDataRange().getValues();
    TEMPLATE.tasks.forEach((t, i) => {
      for (const h of ['Mã', 'Lĩnh vực', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Ghi chú'])
        expect(values[i + 1]![col(tasks, h) - 1], `${t['Mã']} ${h}`).toBe(t[h]);
    });
  });

  it('stores deadlines as Date cells in dd/mm/yyyy and keeps "Thường xuyên" as text', () => {
    const tasks = sheet(emu, TASKS.name);
    const due = col(tasks, 'Hạn hoàn thành');
    const q1 = TEMPLATE.tasks.findIndex((t) => t['Hạn hoàn thành'] === '25/02/2023') + 2;
    expect(tasks.cell(q1, due).value).toEqual(emu.date('2023-02-25'));
    expect(tasks.cell(q1, due).format).toBe(DATE_FORMAT);
    expect(tasks.getRange(q1, due).getDisplayValue()).toBe('25/02/2023');
    expect(tasks.cell(2, due).value).toBe('Thường xuyên');
    const periods = sheet(emu, PERIODS.name);
    expect(periods.cell(2, col(periods, 'Hạn gửi')).value).toEqual(emu.date('2023-02-25'));
  });

  it('keeps text that starts like a formula as text (the recipients list starts with "-")', () => {
    const config = sheet(emu, CONFIG_SHEET);
    const values = config.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'Nơi nhận');
    expect(values[row]![1]).toBe(TEMPLATE.config.find(([l]) => l === 'Nơi nhận')![1]);
    expect(config.cell(row + 1, 2).formula).toBe('');
    expect(values[0]).toEqual(CONFIG_LAYOUT.columns.map((c) => c.header));
    expect(values.slice(1).every((r) => String(r[2]).length > 10)).toBe(true);
  });

  it('puts the validation lists on Lĩnh vực, So sánh and Đơn vị tính, rejecting only where the list is the contract', () => {
    const tasks = sheet(emu, TASKS.name);
    const area = tasks.cell(500, col(tasks, 'Lĩnh vực')).validation!;
    expect(area.getCriteriaValues()[0]).toEqual([...AREA_LABELS]);
    expect(area.getAllowInvalid()).toBe(false);
    const indicators = sheet(emu, INDICATORS.name);
    expect(indicators.cell(2, col(indicators, 'So sánh')).validation!.getCriteriaValues()[0]).toEqual(['≥', '>', '≤', '<', '=']);
    const unit = indicators.cell(2, col(indicators, 'Đơn vị tính')).validation!;
    expect(unit.getCriteriaValues()[0]).toEqual(['%', 'bậc']);
    expect(unit.getAllowInvalid()).toBe(true);
    expect(tasks.cell(1, col(tasks, 'Lĩnh vực')).validation).toBeNull(); // not on the header
  });

  it('protects the computed columns with a warning only, and Nhật ký and Tổng quan as sheets', () => {
    const tasks = sheet(emu, TASKS.name);
    expect(tasks.getProtections('RANGE').map((p) => [p.range.getA1Notation(), p.warningOnly])).toEqual([['N1:N1000', true]]);
    const indicators = sheet(emu, INDICATORS.name);
    expect(indicators.getProtections('RANGE').map((p) => p.range.getA1Notation())).toEqual(['K1:K1000', 'L1:L1000']);
    expect(sheet(emu, PERIODS.name).getProtections('RANGE')).toHaveLength(3);
    for (const name of [LOG.name, OVERVIEW_SHEET]) {
      const [p] = sheet(emu, name).getProtections('SHEET');
      expect(p?.warningOnly, name).toBe(true);
    }
  });

  it('reports what each created or filled in Vietnamese, and logs it', () => {
    expect(setupMessage).toContain('Đã tạo 6 trang tính');
    expect(setupMessage).toContain(`«${TASKS.name}»: chưa có nhiệm vụ`);
    expect(setupMessage).toContain(`«${PERIODS.name}»: 4 kỳ báo cáo năm 2023`);
    const message = emu.dialogs.at(-1)!;
    expect(message).toContain(`${TEMPLATE.tasks.length} nhiệm vụ, ${TEMPLATE.indicators.length} chỉ tiêu, 4 kỳ báo cáo`);
    const log = sheet(emu, LOG.name).getDataRange().getValues();
    expect(log[0]).toEqual([...LOG.headers]);
    expect(log).toHaveLength(3);
    expect(log[1]![2]).toBe('Thiết lập bảng tính');
    expect(log[1]![3]).toBe(setupMessage);
    expect(log[2]![2]).toBe('Nạp kế hoạch mẫu');
    expect(log[2]![3]).toBe(message);
  });

  it('makes a number of calls that depends on the sheets, not the rows: one setValues per sheet', () => {
    expect(run.calls.method('Range.setValues')).toBe(ORDER.length);
    expect(run.calls.method('Sheet.appendRow')).toBe(1); // the Nhật ký row
    expect(run.calls.method('Spreadsheet.insertSheet')).toBe(ORDER.length);
    // Under 300 for the sheets, and under 20 to look once at the sheet the spreadsheet came with.
    expect(run.calls.count('spreadsheet')).toBeLessThan(320);
    // The sample: a bounded number of writes whatever its size.
    expect(sample.calls.method('Range.setValues')).toBeLessThanOrEqual(4);
  });
});

describe('the sheet a new spreadsheet comes with', () => {
  // Each is one thing a person may have done to it; any of them keeps the sheet.
  const touches: [string, (s: SheetModel) => void][] = [
    ['a value', (s) => s.getRange('C7').setValue('x')],
    ['a formula', (s) => s.getRange('A1').setFormula('=1+1')],
    ['a note', (s) => s.getRange('Z1000').setNote('ghi chú')],
    ['a background', (s) => s.getRange('B2').setBackground('#ffff00')],
    ['a number format', (s) => s.getRange('D4').setNumberFormat('0.00')],
    ['bold text', (s) => s.getRange('E5').setFontWeight('bold')],
    ['a validation rule', (s) => s.getRange('C3').setDataValidation(new DataValidationBuilderModel().requireCheckbox().build())],
    ['a frozen row', (s) => s.setFrozenRows(1)],
    ['a protection', (s) => s.getRange('A1').protect()],
  ];

  it.each(touches)('is kept, with nothing said of it, when it holds %s', (_, touch) => {
    const emu = freshEmulator();
    touch(sheet(emu, 'Trang tính1'));
    emu.run('setupWorkbook');
    expect(emu.spreadsheet.sheets.map((s) => s.name)).toEqual([...ORDER, 'Trang tính1']);
    expect(emu.dialogs.at(-1)).not.toContain('Đã xoá');
  });

  it('is kept when the workbook already had a sheet of ours', () => {
    const emu = freshEmulator();
    putSheet(emu, CONFIG_SHEET, ['Thông số', 'Giá trị'], []);
    emu.run('setupWorkbook');
    expect(emu.spreadsheet.getSheetByName('Trang tính1')).not.toBeNull();
  });
});

describe('setupWorkbook on a half-filled workbook', () => {
  function halfFilled(): Emulator {
    const emu = freshEmulator();
    const headers = ['Ghi chú riêng', ...headersOf(TASKS).filter((h) => h !== 'Trạng thái')];
    const tasks = putSheet(emu, TASKS.name, headers, [
      { 'Ghi chú riêng': 'của tôi', 'Nhiệm vụ': 'Việc đã có', 'Hạn hoàn thành': '01/09/2023', 'Tiến độ (%)': 40 },
      {},
      { 'Nhiệm vụ': '=SUM(1,2)', 'Hạn hoàn thành': 'Thường xuyên' },
    ]);
    tasks.setCell(2, 2, 'backgrounds', '#123456');
    tasks.setCell(2, 3, 'notes', 'ghi chú của người dùng');
    putSheet(emu, CONFIG_SHEET, ['Thông số', 'Giá trị'], [{ 'Thông số': 'Năm kế hoạch', 'Giá trị': 2024 }]);
    return emu;
  }

  it('creates only the missing sheets and leaves every existing sheet, row, value and format as it is', () => {
    const emu = halfFilled();
    const before = fullState(emu) as { name: string }[];
    emu.run('setupWorkbook');
    const after = fullState(emu) as { name: string }[];
    for (const name of [TASKS.name, 'Trang tính1']) {
      expect(
        after.find((s) => s.name === name),
        name,
      ).toEqual(before.find((s) => s.name === name));
    }
    // Cấu hình keeps every cell; the labels of the schema migration are appended below them.
    type State = { name: string; cells: unknown[][][] };
    const [configBefore, configAfter] = [before, after].map((st) => st.find((s) => s.name === CONFIG_SHEET) as State);
    expect({ ...configAfter, cells: configAfter!.cells.slice(0, configBefore!.cells.length) }).toEqual(configBefore);
    expect(configAfter!.cells.slice(configBefore!.cells.length).map((r) => r.map((c) => c[0]))).toEqual([
      ['Căn cứ kế hoạch', ''],
      ['Mẫu báo cáo', ''],
    ]);
    // Existing sheets keep their places; new ones follow the template sheet before them.
    expect(emu.spreadsheet.sheets.map((s) => s.name)).toEqual([
      OVERVIEW_SHEET,
      'Trang tính1',
      TASKS.name,
      INDICATORS.name,
      PERIODS.name,
      CONFIG_SHEET,
      LOG.name,
    ]);
    // The user's Nhiệm vụ stays the user's; the new Chỉ tiêu starts empty.
    expect(sheet(emu, TASKS.name).getLastRow()).toBe(4);
    expect(sheet(emu, INDICATORS.name).getLastRow()).toBe(1);
  });

  it('names the kept sheets and the required column a kept sheet lacks', () => {
    const emu = halfFilled();
    emu.run('setupWorkbook');
    const message = emu.dialogs.at(-1)!;
    expect(message).toContain('Đã tạo 4 trang tính');
    expect(message).toContain('Giữ nguyên các trang tính đã có: «Nhiệm vụ», «Cấu hình».');
    expect(message).toMatch(/Lưu ý: «Nhiệm vụ» \(thiếu cột «Trạng thái» ở dòng tiêu đề: hãy thêm lại\)\./);
  });

  it('runs twice without changing anything but appending to Nhật ký, and adds no second chart', () => {
    const emu = halfFilled();
    emu.run('setupWorkbook');
    const once = fullState(emu);
    const values = snapshotValues(emu);
    emu.run('setupWorkbook');
    expect(fullState(emu)).toEqual(once);
    expect(snapshotValues(emu)).toEqual(values);
    expect(sheet(emu, OVERVIEW_SHEET).charts).toHaveLength(1);
    expect(emu.dialogs.at(-1)).toContain('không thay đổi gì');
    expect(emu.dialogs.at(-1)).toContain('Lưu ý: «Nhiệm vụ» (thiếu cột «Trạng thái»');
    expect(sheet(emu, LOG.name).getLastRow()).toBe(3);
  });

  it('says so and writes nothing when another run holds the lock', () => {
    const emu = halfFilled();
    emu.locks.heldElsewhereFor = 60_000;
    const before = fullState(emu);
    emu.run('setupWorkbook');
    expect(fullState(emu)).toEqual(before);
    expect(emu.dialogs.at(-1)).toMatch(/chưa xong sau 30 giây/);
  });
});

describe('the template sheet layout', () => {
  it('formats the date columns of Nhiệm vụ down to the last row of the sheet', () => {
    const emu = freshEmulator();
    emu.run('setupWorkbook');
    const tasks = sheet(emu, TASKS.name);
    for (const c of TASKS_LAYOUT.columns.filter((x) => x.format)) {
      expect(tasks.cell(tasks.getMaxRows(), col(tasks, c.header)).format, c.header).toBe(c.format);
    }
  });
});
