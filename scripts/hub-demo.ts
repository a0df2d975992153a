/**
 * `npm start -- --hub N`: the province hub over N generated commune workbooks (varied sizes, a few
 * broken on purpose), run locally in the emulator: setupHub, collectHub and its continuations,
 * then hubReport of one period. Writes out/cchc-tinh.xlsx and out/bao-cao-tong-hop-<code>.docx.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { province, provinceSpecs, runContinuations } from '../test/support/hub-workloads';
import { docxBuffer } from '../emulator/docx';
import { saveXlsx } from '../emulator/xlsx';
import { UNITS } from '../src/hub/contract';

export async function hubDemo(n: number, out: string, today: string, period = 'Q3'): Promise<void> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--hub must be a positive number of communes, got ${n}`);
  const emu = province(provinceSpecs(n), today);
  const first = emu.run('collectHub');
  console.log(emu.dialogs.at(-1));
  const continued = runContinuations(emu);
  console.log(`Thu thập: ${1 + continued} lần chạy; lần đầu ${first.calls.total()} lệnh gọi dịch vụ.`);
  const units = emu.spreadsheet.getSheetByName(UNITS.name)!.getDataRange().getValues();
  const status = units[0]!.indexOf(UNITS.columns.status.header);
  for (const row of units.slice(1))
    if (!String(row[status]).startsWith('Đã thu thập')) console.log(`- ${row[1]}: ${row[status]}`);
  const url = emu.run<string>('hubReport', [period], { as: 'editor' }).value;
  mkdirSync(out, { recursive: true });
  const xlsx = `${out}/cchc-tinh.xlsx`;
  await saveXlsx(emu.spreadsheet, xlsx);
  const docx = `${out}/bao-cao-tong-hop-${period}.docx`;
  writeFileSync(docx, await docxBuffer(emu.documentApp.openByUrl(url)));
  console.log(`Đã ghi ${xlsx} và ${docx}`);
}
