/**
 * `npm start -- --import FILE`: the emulator opens a .docx, .md or .txt plan as a Google Doc (headings,
 * list items with their nesting, tables), runs the bundle's `importPlan` on it, and prints what it
 * found with the doubts; the review sheet `Nhập kế hoạch` then goes into the .xlsx with the rest.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Emulator } from '../emulator/index';
import type { Block } from '../src/core/import/blocks';
import { REVIEW_SHEET } from '../src/core/import/review';
import { planFileBlocks } from './plan-blocks';

/** `--import`: a readable .docx, .md or .txt file. */
export function checkPlanFile(path: string): string | undefined {
  if (!['.docx', '.md', '.txt'].includes(extname(path).toLowerCase())) return 'chỉ nhận tệp .docx, .md hoặc .txt';
  return existsSync(path) ? undefined : 'không tìm thấy tệp';
}

const HEADINGS = ['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6'];

/** A Google Doc in the emulator's Drive holding the blocks, as Docs would after opening the file. */
export function openAsGoogleDoc(emu: Emulator, name: string, blocks: readonly Block[]): string {
  const doc = emu.documentApp.create(name);
  const body = doc.getBody();
  for (const b of blocks) {
    if (b.kind === 'table') {
      const width = Math.max(1, ...b.rows.map((r) => r.length));
      if (b.rows.length) body.appendTable(b.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
    } else if (b.list !== null) body.appendListItem(b.text).setNestingLevel(Math.min(8, b.list));
    else body.appendParagraph(b.text).setHeading(HEADINGS[b.heading] ?? 'NORMAL');
  }
  // A new document starts with one empty paragraph; the file's content follows it.
  if (body.getNumChildren() > 1) body.getChild(0).removeFromParent();
  return doc.getId();
}

export async function importPlanFile(emu: Emulator, path: string): Promise<void> {
  const id = openAsGoogleDoc(emu, basename(path), await planFileBlocks(path));
  const run = emu.run('importPlan', [id]);
  console.log(`\n${emu.dialogs.at(-1)}`);
  const sheet = emu.spreadsheet.getSheetByName(REVIEW_SHEET);
  if (!sheet) return;
  const [header, ...rows] = sheet.getDataRange().getValues();
  const at = (h: string) => header!.map(String).indexOf(h);
  const cut = (s: unknown, n: number) => {
    const t = String(s ?? '').replace(/\s+/g, ' ');
    return t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n);
  };
  console.log(`\n${REVIEW_SHEET}`);
  for (const r of rows) {
    const line = [
      cut(r[at('Loại')], 10),
      cut(r[at('Lĩnh vực')], 3),
      cut(r[at('Nội dung')], 70),
      cut(r[at('Hạn hoàn thành')], 12),
      cut(`${r[at('So sánh')]} ${r[at('Mục tiêu')]} ${r[at('Đơn vị tính')]}`, 12),
    ];
    console.log(line.join(' │ '));
    if (r[at('Cần xem lại')]) console.log(`${' '.repeat(16)}⚠ ${r[at('Cần xem lại')]}`);
  }
  console.log(`\nDịch vụ Document: ${run.calls.count('document')} lệnh gọi để đọc văn bản.`);
}
