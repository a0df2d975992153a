/**
 * Workbooks for tests and `npm start`: sheets written straight into the emulator's model (no
 * service calls), in the layout of SPEC §1.
 */
import { isValidYmd } from '../src/core/days';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, TASKS } from '../src/core/sheets';
import type { Emulator } from './index';
import type { SheetModel } from './services/spreadsheet';

export type Row = Record<string, unknown>;

export interface WorkbookData {
  config?: [string, unknown][];
  tasks?: Row[];
  indicators?: Row[];
  periods?: Row[];
}

export const headersOf = (def: { columns: Record<string, { header: string }> }) =>
  Object.values(def.columns).map((c) => c.header);

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Template dates are dd/mm/yyyy text; in a sheet they are Date cells. */
function cellFor(emu: Emulator, v: unknown): unknown {
  const m = typeof v === 'string' ? DMY.exec(v) : null;
  if (!m) return v ?? '';
  // Not a real day (31/02): keep the text, as a user's typo would stay text in Sheets.
  return isValidYmd(Number(m[3]), Number(m[2]), Number(m[1])) ? emu.date(`${m[3]}-${m[2]}-${m[1]}`) : v;
}

/** A sheet with `headers` in row 1 and one row per record (keys are header texts). */
export function putSheet(emu: Emulator, name: string, headers: readonly string[], rows: readonly Row[] = []): SheetModel {
  const sheet = emu.spreadsheet.getSheetByName(name) ?? emu.spreadsheet.insertSheet(name);
  sheet.load([headers, ...rows.map((r) => headers.map((h) => cellFor(emu, r[h])))]);
  const formats: Record<string, string> = {
    [TASKS.columns.deadline.header]: 'dd/mm/yyyy',
    [TASKS.columns.completed.header]: 'dd/mm/yyyy',
    [PERIODS.columns.due.header]: 'dd/mm/yyyy',
  };
  headers.forEach((h, c) => {
    sheet.setCell(1, c + 1, 'bold', true);
    const f = formats[h];
    if (f) for (let r = 2; r <= rows.length + 1; r++) sheet.setCell(r, c + 1, 'formats', f);
  });
  sheet.setFrozenRows(1);
  return sheet;
}

export function loadWorkbook(emu: Emulator, data: WorkbookData): void {
  const config = emu.spreadsheet.getSheetByName(CONFIG_SHEET) ?? emu.spreadsheet.insertSheet(CONFIG_SHEET);
  config.load([['Thông số', 'Giá trị'], ...(data.config ?? []).map(([k, v]) => [k, v ?? ''])]);
  putSheet(emu, TASKS.name, headersOf(TASKS), data.tasks);
  putSheet(emu, INDICATORS.name, headersOf(INDICATORS), data.indicators);
  putSheet(emu, PERIODS.name, headersOf(PERIODS), data.periods);
  putSheet(emu, LOG.name, LOG.headers);
}
