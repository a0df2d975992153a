/** The product's report, as the bundle builds it in Google Docs, saved as .docx (scripts and tests). */
import { saveDocx } from '../../emulator/docx';
import type { Emulator } from '../../emulator/index';
import { LOG } from '../../src/contract/sheets';

/**
 * Runs `generateReport(code)` as the script editor or a trigger would (no UI) and saves the new
 * document as `<dir>/bao-cao-<code>.docx`.
 */
export async function saveReportDocx(emu: Emulator, code: string, dir: string) {
  const run = emu.run<string>('generateReport', [code], { as: 'editor' });
  const doc = emu.documentApp.openByUrl(run.value);
  const path = `${dir}/bao-cao-${code}.docx`;
  await saveDocx(doc, path);
  const log = emu.spreadsheet.getSheetByName(LOG.name)!.getDataRange().getValues();
  return { path, doc, url: run.value, documentCalls: run.calls.count('document'), message: String(log.at(-1)![3]) };
}
