/**
 * Saves an emulated Google Doc, as the bundle built it, as .docx (the `docx` library): page size
 * and margins, paragraphs with the attributes in force (set, or Google Docs' defaults), tables with
 * their column widths and borders. What it shows is what Apps Script would have produced.
 */
import {
  AlignmentType,
  Header,
  ImageRun,
  PageBreak,
  PageNumber,
  BorderStyle,
  Document,
  type IBorderOptions,
  type IRunOptions,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { writeFileSync } from 'node:fs';
import { type DocumentModel, ParagraphModel, type TableCellModel, TableModel } from './services/document';

const twips = (pt: number) => Math.round(pt * 20);

const ALIGN = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
} as const;

const VERTICAL = { TOP: VerticalAlignTable.TOP, CENTER: VerticalAlignTable.CENTER, BOTTOM: VerticalAlignTable.BOTTOM } as const;

function runOptions(attrs: Record<string, unknown>): IRunOptions {
  const highlight = attrs.BACKGROUND_COLOR ? String(attrs.BACKGROUND_COLOR).replace('#', '') : '';
  return {
    ...(highlight ? { shading: { fill: highlight, type: 'clear' as const, color: 'auto' } } : {}),
    font: String(attrs.FONT_FAMILY),
    size: Math.round(Number(attrs.FONT_SIZE) * 2),
    bold: Boolean(attrs.BOLD),
    italics: Boolean(attrs.ITALIC),
    ...(attrs.UNDERLINE ? { underline: {} } : {}),
    color: String(attrs.FOREGROUND_COLOR).replace('#', ''),
  };
}

function paragraph(p: ParagraphModel): Paragraph {
  const s = p.style() as {
    HORIZONTAL_ALIGNMENT: keyof typeof ALIGN;
    INDENT_FIRST_LINE: number;
    INDENT_START: number;
    INDENT_END: number;
    SPACING_BEFORE: number;
    SPACING_AFTER: number;
    LINE_SPACING: number;
  };
  const runs = p.styledRuns();
  return new Paragraph({
    alignment: ALIGN[s.HORIZONTAL_ALIGNMENT],
    indent: { firstLine: twips(s.INDENT_FIRST_LINE), left: twips(s.INDENT_START), right: twips(s.INDENT_END) },
    spacing: {
      before: twips(s.SPACING_BEFORE),
      after: twips(s.SPACING_AFTER),
      line: Math.round(240 * s.LINE_SPACING),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: p.keepWithNext,
    keepLines: p.keepWithNext,
    // The paragraph mark takes the last run's style: it sets the height of an empty paragraph.
    run: runOptions(runs.at(-1)!.attrs),
    children: [
      ...(p.pageBreak ? [new PageBreak()] : []),
      ...runs.filter((r) => r.text).map((r) => new TextRun({ text: r.text, ...runOptions(r.attrs) })),
      // InlineImage sizes are pixels at 96 per inch, as ImageRun's.
      ...p.images.map(
        (img) => new ImageRun({ type: 'png', data: img.bytes, transformation: { width: img.width, height: img.height } }),
      ),
    ],
  });
}

function cell(c: TableCellModel, width: number): TableCell {
  const pad = (k: string) => twips(c.effective(k) as number);
  return new TableCell({
    width: { size: twips(width), type: WidthType.DXA },
    margins: {
      top: pad('PADDING_TOP'),
      bottom: pad('PADDING_BOTTOM'),
      left: pad('PADDING_LEFT'),
      right: pad('PADDING_RIGHT'),
      marginUnitType: WidthType.DXA,
    },
    verticalAlign: VERTICAL[c.effective('VERTICAL_ALIGNMENT') as keyof typeof VERTICAL],
    children: blocks(c.children, width - (c.effective('PADDING_LEFT') as number) - (c.effective('PADDING_RIGHT') as number)),
  });
}

function table(t: TableModel, available: number): Table {
  const widths = t.widths(available);
  const border = t.effective('BORDER_WIDTH') as number;
  const side: IBorderOptions =
    border > 0
      ? {
          style: BorderStyle.SINGLE,
          size: Math.max(2, Math.round(border * 8)),
          color: String(t.effective('BORDER_COLOR')).replace('#', ''),
        }
      : { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twips(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(twips),
    borders: { top: side, bottom: side, left: side, right: side, insideHorizontal: side, insideVertical: side },
    rows: t.rows().map(
      (r, i) =>
        new TableRow({
          tableHeader: i < t.pinnedHeaderRows,
          cantSplit: true,
          children: r.cells().map((c, j) => cell(c, widths[j]!)),
        }),
    ),
  });
}

function blocks(children: readonly unknown[], available: number): (Paragraph | Table)[] {
  return children.map((el) => {
    if (el instanceof ParagraphModel) return paragraph(el);
    if (el instanceof TableModel) return table(el, available);
    throw new Error(`docx export: unsupported element ${String((el as { type?: string }).type)}`);
  });
}

/**
 * The page-number header of NĐ 30/2020 (centred, Times New Roman 13, none on page 1): what the
 * office's `Mẫu báo cáo` holds, and what the local .docx always has (docs/SPEC.md §5).
 */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: 'Times New Roman', size: 26 })],
      }),
    ],
  });
}

export async function docxBuffer(doc: DocumentModel): Promise<Buffer> {
  const body = doc.body;
  const pt = (k: string) => twips(body.effective(k) as number);
  const file = new Document({
    title: doc.getName(),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: pt('PAGE_WIDTH'), height: pt('PAGE_HEIGHT') },
            margin: {
              top: pt('MARGIN_TOP'),
              bottom: pt('MARGIN_BOTTOM'),
              left: pt('MARGIN_LEFT'),
              right: pt('MARGIN_RIGHT'),
              header: twips(28),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
        children: blocks(body.children, body.textWidth()),
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** Saves an emulated document as a .docx file. */
export async function saveDocx(doc: DocumentModel, path: string): Promise<void> {
  writeFileSync(path, await docxBuffer(doc));
}
