/**
 * Reads a plan's Google Doc as the importer's blocks (docs/SPEC.md §8). A few calls per body child
 * (type, text, heading or nesting) and one per table cell: the calls grow with the blocks, no worse.
 */
import { isTransient, UserError } from '../core/errors';
import { type Block, paragraph, table } from '../core/import/blocks';

const WORD_MIME = /officedocument\.wordprocessingml|msword/;
const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';
const HEADINGS: Record<string, number> = {
  TITLE: 1,
  HEADING1: 1,
  HEADING2: 2,
  HEADING3: 3,
  HEADING4: 4,
  HEADING5: 5,
  HEADING6: 6,
};

/** A Drive id from a document link or an id as typed. */
export function documentIdOf(input: string): string | null {
  const s = input.trim();
  const m = /\/d\/([\w-]{10,})/.exec(s) ?? /[?&]id=([\w-]{10,})/.exec(s);
  if (m) return m[1]!;
  return /^[\w-]{10,}$/.test(s) ? s : null;
}

export function readPlanDocument(input: string): { name: string; blocks: Block[] } {
  const id = documentIdOf(input);
  if (!id)
    throw new UserError(
      `«${input}» không phải đường liên kết hay mã của một Google Tài liệu. Hãy dán đường liên kết của văn bản kế hoạch.`,
    );
  let file: GoogleAppsScript.Drive.File;
  try {
    file = DriveApp.getFileById(id);
  } catch (e) {
    // A service failing this once is not a missing file: the user is told to try again.
    if (isTransient(e)) throw e;
    throw new UserError(
      'Không mở được văn bản kế hoạch: tệp không tồn tại hoặc tài khoản của bạn không có quyền xem. Hãy kiểm tra đường liên kết hoặc xin quyền xem tệp.',
    );
  }
  const mime = file.getMimeType();
  if (WORD_MIME.test(mime)) {
    throw new UserError(
      `«${file.getName()}» là tệp Word. Hãy (1) mở tệp trong Google Drive và chọn Tệp › Lưu dưới dạng Google Tài liệu, rồi (2) chạy lại CCHC › Nhập kế hoạch từ văn bản với đường liên kết của bản Google Tài liệu vừa tạo.`,
    );
  }
  if (mime !== GOOGLE_DOC_MIME)
    throw new UserError(`«${file.getName()}» không phải Google Tài liệu hay tệp Word, nên không đọc được kế hoạch từ đó.`);
  const body = DocumentApp.openById(id).getBody();
  const blocks: Block[] = [];
  const n = body.getNumChildren();
  for (let i = 0; i < n; i++) {
    const child = body.getChild(i);
    const type = child.getType();
    if (type === DocumentApp.ElementType.PARAGRAPH) {
      const p = child.asParagraph();
      blocks.push(paragraph(p.getText(), HEADINGS[String(p.getHeading())] ?? 0));
    } else if (type === DocumentApp.ElementType.LIST_ITEM) {
      const li = child.asListItem();
      blocks.push(paragraph(li.getText(), 0, li.getNestingLevel()));
    } else if (type === DocumentApp.ElementType.TABLE) {
      const t = child.asTable();
      const rows: string[][] = [];
      const numRows = t.getNumRows();
      for (let r = 0; r < numRows; r++) {
        const row = t.getRow(r);
        const cells: string[] = [];
        const numCells = row.getNumCells();
        for (let c = 0; c < numCells; c++) cells.push(row.getCell(c).getText());
        rows.push(cells);
      }
      blocks.push(table(rows));
    }
  }
  return { name: file.getName(), blocks };
}
