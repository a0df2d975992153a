/**
 * A plan document as the importer sees it (docs/SPEC.md §8): a list of blocks in document order,
 * the same whether it came from a Google Doc, a Word file or a text file.
 */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** 0 for body text, 1–6 for a heading (a title counts as 1). */
  heading: number;
  /** Nesting level of a list item (0 = top), or null when the paragraph is not a list item. */
  list: number | null;
}

export interface TableBlock {
  kind: 'table';
  /** Cell text, row by row; rows may have different lengths (merged cells). */
  rows: string[][];
}

export type Block = ParagraphBlock | TableBlock;

export const paragraph = (text: string, heading = 0, list: number | null = null): ParagraphBlock => ({
  kind: 'paragraph',
  text,
  heading,
  list,
});

export const table = (rows: string[][]): TableBlock => ({ kind: 'table', rows });
