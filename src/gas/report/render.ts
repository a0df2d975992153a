/**
 * Renders a report model into a Google Doc in the layout of Nghị định 30/2020/NĐ-CP (docs/SPEC.md
 * §5). A new Doc is Letter size, Arial 11, so every attribute the layout relies on is set here.
 * Each paragraph costs two calls (append, style) and each table a handful whatever its number of
 * rows (appended from a 2-D array, styled through editAsText); the model caps paragraphs and rows.
 *
 * DocumentApp has no paragraph borders, so the two header rules are inline images of one black
 * pixel stretched to a line 1 px high (Body.appendHorizontalRule would span the whole cell).
 */
import { discardDocument, newReportDocument } from '../drive';
import { GAP_OPEN, RECIPIENTS_TITLE, type Block, type ReportDocument, type TableColumn } from '../../core/report/model';

type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Table = GoogleAppsScript.Document.Table;
type Attributes = Record<number, unknown>;

const MM = 72 / 25.4;
/** A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, in points. */
export const PAGE = { width: 210 * MM, height: 297 * MM, top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FONT = 'Times New Roman';
/** First-line indent of body paragraphs: 1 cm (NĐ 30 allows 1–1.27 cm). */
const INDENT = 10 * MM;

interface Style {
  size: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'LEFT' | 'CENTER' | 'JUSTIFY';
  firstLine?: number;
  before?: number;
  after?: number;
  line?: number;
}

const STYLES = {
  agency: { size: 13, align: 'CENTER', line: 1 },
  agencyBold: { size: 13, bold: true, align: 'CENTER', line: 1 },
  nation: { size: 13, bold: true, align: 'CENTER', line: 1 },
  motto: { size: 14, bold: true, align: 'CENTER', line: 1 },
  number: { size: 13, align: 'CENTER', before: 8, line: 1 },
  date: { size: 14, italic: true, align: 'CENTER', before: 8, line: 1 },
  title: { size: 14, bold: true, align: 'CENTER', before: 18 },
  summary: { size: 14, bold: true, align: 'CENTER', after: 12 },
  heading: { size: 14, bold: true, align: 'JUSTIFY', firstLine: INDENT, before: 6, after: 6 },
  subheading: { size: 14, bold: true, align: 'JUSTIFY', firstLine: INDENT, after: 6 },
  paragraph: { size: 14, align: 'JUSTIFY', firstLine: INDENT, after: 6 },
  item: { size: 14, align: 'JUSTIFY', firstLine: INDENT, after: 6 },
  annexTitle: { size: 14, bold: true, align: 'CENTER', after: 6 },
  annexHeading: { size: 14, bold: true, align: 'LEFT', before: 6, after: 6 },
  annexArea: { size: 13, bold: true, align: 'LEFT', before: 6, after: 3 },
  rule: { size: 2, align: 'CENTER', line: 1 },
  cell: { size: 12 },
  spacer: { size: 6, line: 1 },
  recipientsTitle: { size: 12, bold: true, italic: true, align: 'LEFT', before: 12, line: 1 },
  recipient: { size: 11, align: 'LEFT', line: 1 },
  authority: { size: 14, bold: true, align: 'CENTER', before: 12, line: 1 },
  signHead: { size: 14, bold: true, align: 'CENTER', line: 1 },
  signer: { size: 14, bold: true, align: 'CENTER', before: 80, line: 1 },
} satisfies Record<string, Style>;

function textAttributes(s: Style): Attributes {
  const A = DocumentApp.Attribute;
  return {
    [A.FONT_FAMILY]: FONT,
    [A.FONT_SIZE]: s.size,
    [A.BOLD]: s.bold ?? false,
    [A.ITALIC]: s.italic ?? false,
    [A.UNDERLINE]: false,
  };
}

/** Every text and paragraph attribute, so that nothing is left to the Doc's defaults. */
function attributes(s: Style): Attributes {
  const A = DocumentApp.Attribute;
  return {
    ...textAttributes(s),
    [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment[s.align ?? 'LEFT'],
    [A.INDENT_FIRST_LINE]: s.firstLine ?? 0,
    [A.INDENT_START]: 0,
    [A.INDENT_END]: 0,
    [A.SPACING_BEFORE]: s.before ?? 0,
    [A.SPACING_AFTER]: s.after ?? 0,
    [A.LINE_SPACING]: s.line ?? 1.15,
  };
}

function paragraph(body: Body | GoogleAppsScript.Document.TableCell, text: string, style: Style) {
  return body.appendParagraph(text).setAttributes(attributes(style));
}

/** Placeholders `[cần bổ sung: …]` highlighted yellow, so none is missed before signing. */
function highlightGaps(p: GoogleAppsScript.Document.Paragraph, text: string): void {
  let at = text.indexOf(GAP_OPEN);
  while (at >= 0) {
    const end = text.indexOf(']', at);
    p.editAsText().setBackgroundColor(at, end < 0 ? text.length - 1 : end, HIGHLIGHT);
    at = text.indexOf(GAP_OPEN, at + 1);
  }
}

const HIGHLIGHT = '#ffff00';
/** A PNG of one black pixel: stretched, it draws the header rules. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

/** Lengths of the rules in points: a third of the agency column, and as long as the motto. */
const RULE = { agency: 0.38 * 0.4, motto: 190 };

function rule(cell: GoogleAppsScript.Document.TableCell, widthPt: number): void {
  const blob = Utilities.newBlob(Utilities.base64Decode(PIXEL_PNG), 'image/png', 'duong-ke.png');
  // InlineImage sizes are in pixels (96 per inch).
  cell
    .getChild(0)
    .asParagraph()
    .appendInlineImage(blob)
    .setWidth(Math.round((widthPt * 96) / 72))
    .setHeight(1);
}

/** Docs ends a section with a paragraph, so an appended table brings an empty one after it. */
function styleSpacerAfter(table: Table): void {
  const next = table.getNextSibling();
  if (next) next.setAttributes(attributes(STYLES.spacer));
}

function setColumnWidths(table: Table, shares: readonly number[]): void {
  shares.forEach((share, i) => table.setColumnWidth(i, share * TEXT_WIDTH));
}

/** Lays out a borderless block: no vertical cell padding, each cell's one paragraph styled. */
function styleCells(table: Table, styles: readonly (readonly Style[])[]): void {
  const A = DocumentApp.Attribute;
  table.setBorderWidth(0);
  styles.forEach((row, r) =>
    row.forEach((style, c) => {
      const cell = table.getCell(r, c);
      cell.setAttributes({ [A.PADDING_TOP]: 0, [A.PADDING_BOTTOM]: 0 });
      cell.getChild(0).setAttributes(attributes(style));
    }),
  );
}

/** The borderless two-column header: agency on the left, national title and date on the right. */
function headerBlock(body: Body, report: ReportDocument): void {
  const { superior, issuer, number, nation, motto, dateLine } = report.header;
  const left = superior ? [superior, issuer] : [issuer, ''];
  const table = body.insertTable(0, [
    [left[0]!, nation],
    [left[1]!, motto],
    ['', ''],
    [number, dateLine],
  ]);
  setColumnWidths(table, [0.38, 0.62]);
  styleCells(table, [
    [superior ? STYLES.agency : STYLES.agencyBold, STYLES.nation],
    [superior ? STYLES.agencyBold : STYLES.agency, STYLES.motto],
    [STYLES.rule, STYLES.rule],
    [STYLES.number, STYLES.date],
  ]);
  rule(table.getCell(2, 0), RULE.agency * TEXT_WIDTH);
  rule(table.getCell(2, 1), RULE.motto);
}

/** `rows` starts with the header row (bold). */
function dataTable(body: Body, columns: readonly TableColumn[], rows: readonly string[][]): void {
  const table = body.appendTable(rows.map((r) => [...r]));
  table.setBorderWidth(0.5);
  table.editAsText().setAttributes(textAttributes(STYLES.cell));
  table.getRow(0).editAsText().setBold(true);
  setColumnWidths(
    table,
    columns.map((c) => c.share),
  );
  styleSpacerAfter(table);
}

function bodyBlock(body: Body, block: Block): void {
  if (block.kind === 'table') dataTable(body, block.columns, block.rows);
  else if (block.kind === 'pageBreak') paragraph(body, '', STYLES.spacer).appendPageBreak();
  else {
    const p = paragraph(body, block.text, STYLES[block.kind]);
    if (block.text.includes(GAP_OPEN)) highlightGaps(p, block.text);
  }
}

/** `Nơi nhận` on the left and the signature block centred in the right half, side by side. */
function closingBlock(body: Body, report: ReportDocument): void {
  const { authority, title, signer } = report.signature;
  const table = body.appendTable([[RECIPIENTS_TITLE, authority]]);
  setColumnWidths(table, [0.5, 0.5]);
  styleCells(table, [[STYLES.recipientsTitle, STYLES.authority]]);
  const recipients = table.getCell(0, 0);
  for (const line of report.recipients) paragraph(recipients, line, STYLES.recipient);
  const signature = table.getCell(0, 1);
  paragraph(signature, title, STYLES.signHead);
  paragraph(signature, signer, STYLES.signer);
  styleSpacerAfter(table);
}

/**
 * The report as a new document in `folder` (a copy of `Mẫu báo cáo` when `template` names one);
 * its URL. `record` writes where the report is recorded (the hub records nothing but its log
 * row, written after); should rendering or recording fail part-way, the document goes to the
 * trash. Both the commune report and the province hub's report come through here.
 */
export function createReportDocument(
  report: ReportDocument,
  folder: GoogleAppsScript.Drive.Folder,
  template: string,
  record?: (url: string) => void,
): string {
  const doc = newReportDocument(report.name, folder, template);
  try {
    const url = doc.getUrl();
    renderReport(report, doc);
    record?.(url);
    return url;
  } catch (e) {
    discardDocument(doc.getId());
    throw e;
  }
}

/** Renders into `doc`: a new document, or a copy of `Mẫu báo cáo` (its header kept, its body cleared). */
function renderReport(report: ReportDocument, doc: Document): void {
  const body = doc.getBody();
  body.clear();
  const A = DocumentApp.Attribute;
  body.setAttributes({
    [A.PAGE_WIDTH]: PAGE.width,
    [A.PAGE_HEIGHT]: PAGE.height,
    [A.MARGIN_TOP]: PAGE.top,
    [A.MARGIN_BOTTOM]: PAGE.bottom,
    [A.MARGIN_LEFT]: PAGE.left,
    [A.MARGIN_RIGHT]: PAGE.right,
  });
  // A new Doc has one empty paragraph: it becomes the title, and the header table goes above it.
  const title = body.getParagraphs()[0]!;
  title.setText(report.title);
  title.setAttributes(attributes(STYLES.title));
  headerBlock(body, report);
  paragraph(body, report.summary, STYLES.summary);
  for (const block of report.body) bodyBlock(body, block);
  closingBlock(body, report);
  for (const block of report.annex) bodyBlock(body, block);
  doc.saveAndClose();
  keepAndRepeat(doc.getId(), report);
}

const KEPT: ReadonlySet<Block['kind']> = new Set(['heading', 'subheading', 'annexTitle', 'annexHeading', 'annexArea']);

/**
 * Headings kept with what follows and table header rows repeated on each page: DocumentApp has
 * neither, the Docs API has both (paragraphStyle.keepWithNext, pinTableHeaderRows), so one
 * `Documents.get` and one `batchUpdate` set them, whatever the number of rows.
 */
function keepAndRepeat(id: string, report: ReportDocument): void {
  const kept = new Set<string>();
  // The data tables are known by their first header cell (the layout tables start otherwise).
  const tableHeads = new Set<string>();
  for (const b of [...report.body, ...report.annex]) {
    // Headings, and lines that introduce a list (ending with a colon).
    if ('text' in b && (KEPT.has(b.kind) || b.text.endsWith(':'))) kept.add(b.text);
    if (b.kind === 'table' && b.rows[0]?.[0]) tableHeads.add(b.rows[0][0]);
  }
  const docs = Docs!.Documents!;
  const content = docs.get(id).body?.content ?? [];
  // pinTableHeaderRows is newer than the type package.
  const requests: object[] = [];
  const textOf = (p: GoogleAppsScript.Docs.Schema.Paragraph | undefined) =>
    (p?.elements ?? [])
      .map((e) => e.textRun?.content ?? '')
      .join('')
      .replace(/\n$/, '');
  for (const el of content) {
    if (el.paragraph && kept.has(textOf(el.paragraph))) {
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: el.startIndex, endIndex: el.endIndex },
          paragraphStyle: { keepWithNext: true },
          fields: 'keepWithNext',
        },
      });
    }
    const first = el.table?.tableRows?.[0]?.tableCells?.[0]?.content?.[0]?.paragraph;
    if (el.table && tableHeads.has(textOf(first))) {
      requests.push({ pinTableHeaderRows: { tableStartLocation: { index: el.startIndex }, pinnedHeaderRowsCount: 1 } });
    }
  }
  if (requests.length) docs.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);
}
