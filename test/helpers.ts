/** Shared set-up for integration tests: an emulator on the built bundle with a small workbook. */
import type { Emulator, EmulatorOptions } from '../emulator/index';
import { LOG } from '../src/contract/sheets';
import { productEmulator, loadWorkbook, type WorkbookData } from './support/fixtures';

export function emulatorWith(data: WorkbookData, today = '2023-08-20', options: EmulatorOptions = {}): Emulator {
  const emu = productEmulator(options);
  emu.setToday(today);
  loadWorkbook(emu, { ...data, config: [['Năm kế hoạch', 2023], ['Số ngày cảnh báo', 7], ...(data.config ?? [])] });
  return emu;
}

/**
 * Every cell value of every sheet but the append-only `Nhật ký`, for "nothing else changed"
 * assertions; `except` names the columns (by header) an operation may write.
 */
export function snapshotValues(emu: Emulator, except: Record<string, string[]> = {}): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of emu.spreadsheet.sheets) {
    if (sheet.name === LOG.name) continue;
    const values = sheet.getDataRange().getValues();
    const header = values[0] ?? [];
    const skip = new Set((except[sheet.name] ?? []).map((h) => header.indexOf(h)));
    out[sheet.name] = values.map((r) => r.map((v, i) => (skip.has(i) ? '<computed>' : v instanceof Date ? v.toISOString() : v)));
  }
  return out;
}
