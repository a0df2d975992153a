/**
 * Blocks → a Word file (the `docx` library), so a fixture plan written as text can be kept as the
 * .docx a commune would send, with real headings, bulleted lists and tables.
 */
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Block } from '../../src/core/import/blocks';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

export async function blocksToDocx(blocks: readonly Block[]): Promise<Buffer> {
  const children = blocks.map((b) => {
    if (b.kind === 'table') {
      const width = Math.max(...b.rows.map((r) => r.length));
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map(
          (r) =>
            new TableRow({
              children: Array.from(
                { length: width },
                (_, i) => new TableCell({ children: (r[i] ?? '').split('\n').map((line) => new Paragraph(line)) }),
              ),
            }),
        ),
      });
    }
    return new Paragraph({
      text: b.text,
      ...(b.heading ? { heading: HEADINGS[b.heading - 1] } : {}),
      ...(b.list !== null ? { numbering: { reference: 'dash', level: b.list } } : {}),
    });
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'dash',
          levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.BULLET, text: '-' })),
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
