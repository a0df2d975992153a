/** The workbooks the bench runs on: generated ones of n task rows, and the Tú Xuyên template. */
import { readFileSync } from 'node:fs';
import type { Emulator } from '../emulator/index';
import { productEmulator, generatedWorkbook, loadWorkbook, type WorkbookData } from '../test/support/fixtures';

/** "Today" of every run: Q1 and H1 are overdue without a report, Q3 is due in 5 days. */
export const TODAY = '2023-08-20';

export const SIZES = [100, 1_000, 10_000, 50_000] as const;

export interface Workload {
  label: string;
  /** Task rows (indicators are a fifth of that in generated workbooks). */
  rows: number;
  data: WorkbookData;
}

/** A generated workbook; it gets a reminder address so that dailyCheck has someone to mail. */
export function generated(rows: number): Workload {
  const data = generatedWorkbook(rows);
  data.config = [...(data.config ?? []), ['Email nhắc việc', 'vanphong@xa.example']];
  return { label: rows.toLocaleString('en-US'), rows, data };
}

/**
 * The Tú Xuyên template as an office fills it in: the template leaves the addresses blank, so each
 * task gets its area's owner (one address per area) and `Email nhắc việc` gets the office.
 */
export function template(): Workload {
  const data = JSON.parse(readFileSync(new URL('../src/sample/tu-xuyen-2023.json', import.meta.url), 'utf8')) as WorkbookData;
  data.config = (data.config ?? []).map(([k, v]) => [k, k === 'Email nhắc việc' ? 'vanphong@tuxuyen.example' : v]);
  data.tasks = (data.tasks ?? []).map((t) => ({ ...t, Email: `linhvuc${String(t['Lĩnh vực']).charAt(0)}@tuxuyen.example` }));
  const rows = data.tasks.length;
  return { label: `${rows} (template)`, rows, data };
}

/** A fresh emulator on `bundleDir` (default: dist/) holding the workload, clock at TODAY. */
export function emulatorFor(w: Workload, bundleDir?: string): Emulator {
  const emu = productEmulator(bundleDir ? { bundleDir } : {});
  emu.setToday(TODAY);
  loadWorkbook(emu, w.data);
  return emu;
}
