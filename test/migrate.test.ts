/**
 * `setupWorkbook` on a workbook made by the previous version (docs/SPEC.md §4): the optional
 * headers and `Cấu hình` labels it lacks are appended at the end, once, through the numbered
 * migration recorded in document properties; no user cell moves or changes.
 */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import { SCHEMA_PROPERTY, SCHEMA_VERSION } from '../src/contract/migrations';
import { CONFIG_LABELS } from '../src/contract/settings';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, TASKS } from '../src/contract/sheets';
import { headersOf, productEmulator, putSheet } from './support/fixtures';

const NEW_TASK = [TASKS.columns.narrative.header, TASKS.columns.period.header];
const NEW_PERIOD = [PERIODS.columns.sentOn.header, PERIODS.columns.proposals.header];
const NEW_LABELS: string[] = [CONFIG_LABELS.planBasis, CONFIG_LABELS.reportTemplate];

/** The previous version's setupWorkbook, then a year of use: user columns, data and formatting. */
function previousVersionWorkbook(): Emulator {
  const emu = productEmulator();
  emu.setToday('2023-08-20');
  const oldTasks = headersOf(TASKS).filter((h) => !NEW_TASK.includes(h));
  // The office added a column in the middle and one at the end.
  const taskHeaders = [...oldTasks.slice(0, 3), 'Ghi chú của văn phòng', ...oldTasks.slice(3), 'Số văn bản'];
  const tasks = putSheet(emu, TASKS.name, taskHeaders, [
    {
      Mã: 'NV1',
      'Nhiệm vụ': 'Rà soát thủ tục',
      'Hạn hoàn thành': '25/08/2023',
      'Ghi chú của văn phòng': 'gấp',
      'Số văn bản': '12/KH',
    },
    { Mã: 'NV2', 'Nhiệm vụ': 'Số hóa hồ sơ', 'Hạn hoàn thành': 'Thường xuyên', 'Tiến độ (%)': 40 },
  ]);
  tasks.setCell(2, 4, 'backgrounds', '#123456');
  tasks.setCell(3, 3, 'notes', 'ghi chú của người dùng');
  putSheet(emu, INDICATORS.name, headersOf(INDICATORS), []);
  const periods = putSheet(
    emu,
    PERIODS.name,
    [...headersOf(PERIODS).filter((h) => !NEW_PERIOD.includes(h)), 'Người trình'],
    [{ 'Mã kỳ': 'Q3', 'Tên kỳ': 'Quý III năm 2023', 'Hạn gửi': '25/08/2023', 'Người trình': 'Chánh VP' }],
  );
  periods.setCell(2, 2, 'bold', true);
  const oldLabels = Object.values(CONFIG_LABELS).filter((l) => !NEW_LABELS.includes(l));
  putSheet(
    emu,
    CONFIG_SHEET,
    ['Thông số', 'Giá trị', 'Hướng dẫn'],
    oldLabels.map((l) => ({ 'Thông số': l, 'Giá trị': l === CONFIG_LABELS.year ? 2023 : '' })),
  );
  putSheet(emu, LOG.name, LOG.headers);
  return emu;
}

/** Every cell of a sheet: value, format, background, note, bold. */
function cells(emu: Emulator, name: string): unknown[][] {
  const s = emu.spreadsheet.getSheetByName(name)!;
  return Array.from({ length: s.getLastRow() }, (_, r) =>
    Array.from({ length: s.getLastColumn() }, (_, c) => {
      const x = s.cell(r + 1, c + 1);
      return [x.value instanceof Date ? x.value.getTime() : x.value, x.format, x.background, x.note, x.bold];
    }),
  );
}

const lastLog = (emu: Emulator) => String(emu.spreadsheet.getSheetByName(LOG.name)!.getDataRange().getValues().at(-1)![3]);
const SHEETS = [TASKS.name, PERIODS.name, CONFIG_SHEET, INDICATORS.name];

describe('setupWorkbook on a workbook of the previous version', () => {
  it('appends the missing optional headers and labels at the end; every user cell stays where and as it was', () => {
    const emu = previousVersionWorkbook();
    const before = Object.fromEntries(SHEETS.map((n) => [n, cells(emu, n)]));
    emu.run('setupWorkbook');
    const message = lastLog(emu);
    for (const name of SHEETS) {
      const after = cells(emu, name);
      const was = before[name]!;
      // The old block is unchanged, cell for cell.
      expect(
        after.slice(0, was.length).map((r) => r.slice(0, was[0]!.length)),
        name,
      ).toEqual(was);
    }
    const header = (name: string) => emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues()[0]!;
    expect(header(TASKS.name).slice(-3)).toEqual(['Số văn bản', ...NEW_TASK]);
    expect(header(PERIODS.name).slice(-3)).toEqual(['Người trình', ...NEW_PERIOD]);
    expect(header(INDICATORS.name)).toEqual(headersOf(INDICATORS));
    // The new columns are empty below their header.
    const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!.getDataRange().getValues();
    expect(tasks.slice(1).map((r) => r.slice(-2))).toEqual([
      ['', ''],
      ['', ''],
    ]);
    const labels = emu.spreadsheet
      .getSheetByName(CONFIG_SHEET)!
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    expect(labels.slice(-2)).toEqual(NEW_LABELS);
    expect(emu.properties.document.data.get(SCHEMA_PROPERTY)).toBe(String(SCHEMA_VERSION));
    expect(message).toContain('Đã nâng cấp bảng tính lên phiên bản 2');
    expect(message).toContain(`- «${PERIODS.name}»: «Ngày gửi», «Kiến nghị».`);

    // Running setup again appends nothing.
    const once = Object.fromEntries(SHEETS.map((n) => [n, cells(emu, n)]));
    emu.run('setupWorkbook');
    for (const name of SHEETS) expect(cells(emu, name), name).toEqual(once[name]);
    expect(lastLog(emu)).not.toContain('nâng cấp');
  });

  it('runs its migration once: a header the office removed afterwards is not added back', () => {
    const emu = previousVersionWorkbook();
    emu.run('setupWorkbook');
    const sheet = emu.spreadsheet.getSheetByName(PERIODS.name)!;
    sheet.getRange(1, sheet.getLastColumn()).setValue(''); // the office cleared the Kiến nghị header
    const before = cells(emu, PERIODS.name);
    emu.run('setupWorkbook');
    expect(cells(emu, PERIODS.name)).toEqual(before);
  });

  it('after the upgrade, a typed Ngày gửi counts: the period is sent', () => {
    const emu = previousVersionWorkbook();
    emu.run('setupWorkbook');
    const sheet = emu.spreadsheet.getSheetByName(PERIODS.name)!;
    const header = sheet.getDataRange().getValues()[0]!;
    sheet.getRange(2, header.indexOf('Ngày gửi') + 1).setValue(emu.date('2023-08-19'));
    emu.run('refreshStatuses');
    expect(sheet.getRange(2, header.indexOf('Trạng thái') + 1).getValue()).toBe('Đã gửi');
  });
});
