/**
 * DocumentApp: documents whose body holds paragraphs and tables, with text attributes (per run),
 * paragraph attributes, page size and margins. A new document has Google Docs' defaults — Letter
 * page, 1-inch margins, one empty paragraph, Arial 11 — so a script must set every attribute it
 * relies on. Like Docs, a document section and a table cell always end with a paragraph: appending
 * a table adds an empty paragraph after it, and that last paragraph cannot be removed.
 */
import { ServiceObject } from '../realm';
import type { DriveAppModel } from './drive';
import { FileModel, MIME } from './drive';
import { AppsScriptError } from '../errors';
import { BlobModel } from './utilities';

type Attrs = Record<string, unknown>;

/**
 * Google Docs holds about 1.02 million characters ("Files you can store in Google Drive"); the
 * emulator refuses edits past 1,000,000 characters of body text (stricter: paragraph breaks count).
 */
export const MAX_DOCUMENT_CHARS = 1_000_000;
export const DOCUMENT_TOO_LARGE = `The document would exceed the maximum size of ${MAX_DOCUMENT_CHARS} characters.`;

const keys = <K extends string>(...names: K[]) => Object.fromEntries(names.map((n) => [n, n])) as { [P in K]: P };

const TEXT = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
] as const;
const PARAGRAPH = [
  'HORIZONTAL_ALIGNMENT',
  'INDENT_START',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'LINE_SPACING',
  'SPACING_BEFORE',
  'SPACING_AFTER',
  'HEADING',
  'LEFT_TO_RIGHT',
] as const;
const PAGE = ['PAGE_WIDTH', 'PAGE_HEIGHT', 'MARGIN_TOP', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT'] as const;
const TABLE = ['BORDER_WIDTH', 'BORDER_COLOR'] as const;
const CELL = [
  'WIDTH',
  'PADDING_TOP',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'VERTICAL_ALIGNMENT',
  'BACKGROUND_COLOR',
] as const;
const ROW = ['MINIMUM_HEIGHT'] as const;

/** DocumentApp.Attribute: as on Apps Script, an attribute used as an object key reads as its name. */
export const ATTRIBUTE = keys(...TEXT, ...PARAGRAPH, ...PAGE, ...TABLE, ...CELL, ...ROW);
export const HORIZONTAL_ALIGNMENT = keys('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const VERTICAL_ALIGNMENT = keys('TOP', 'CENTER', 'BOTTOM');
export const PARAGRAPH_HEADING = keys(
  'NORMAL',
  'TITLE',
  'SUBTITLE',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
);
export const ELEMENT_TYPE = keys('BODY_SECTION', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TEXT');

/** What a new Google Doc uses where nothing was set. */
export const DEFAULTS = {
  text: {
    FONT_FAMILY: 'Arial',
    FONT_SIZE: 11,
    BOLD: false,
    ITALIC: false,
    UNDERLINE: false,
    STRIKETHROUGH: false,
    FOREGROUND_COLOR: '#000000',
  } as Attrs,
  paragraph: {
    HORIZONTAL_ALIGNMENT: 'LEFT',
    INDENT_START: 0,
    INDENT_END: 0,
    INDENT_FIRST_LINE: 0,
    LINE_SPACING: 1.15,
    SPACING_BEFORE: 0,
    SPACING_AFTER: 0,
    HEADING: 'NORMAL',
  } as Attrs,
  page: { PAGE_WIDTH: 612, PAGE_HEIGHT: 792, MARGIN_TOP: 72, MARGIN_BOTTOM: 72, MARGIN_LEFT: 72, MARGIN_RIGHT: 72 } as Attrs,
  table: { BORDER_WIDTH: 1, BORDER_COLOR: '#000000' } as Attrs,
  cell: { PADDING_TOP: 5, PADDING_BOTTOM: 5, PADDING_LEFT: 5, PADDING_RIGHT: 5, VERTICAL_ALIGNMENT: 'TOP' } as Attrs,
};

const ENUMS: Record<string, Record<string, string>> = {
  HORIZONTAL_ALIGNMENT,
  VERTICAL_ALIGNMENT,
  HEADING: PARAGRAPH_HEADING,
};
const BOOLEAN = new Set<string>(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'LEFT_TO_RIGHT']);
const STRING = new Set<string>(['FONT_FAMILY', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL', 'BORDER_COLOR']);

function checkValue(key: string, v: unknown): void {
  if (v === null) return;
  const ok = ENUMS[key]
    ? typeof v === 'string' && v in ENUMS[key]!
    : BOOLEAN.has(key)
      ? typeof v === 'boolean'
      : STRING.has(key)
        ? typeof v === 'string'
        : typeof v === 'number' && Number.isFinite(v) && v >= 0 && (key !== 'FONT_SIZE' || v > 0);
  if (!ok) throw new AppsScriptError(`Invalid argument: ${key}`);
}

/** The entries of `attrs` among `allowed`, checked; null values mean "unset". */
function pick(attrs: Attrs, allowed: readonly string[]): Attrs {
  const out: Attrs = {};
  for (const k of allowed) {
    if (!(k in attrs)) continue;
    checkValue(k, attrs[k]);
    out[k] = attrs[k];
  }
  return out;
}

function merge(into: Attrs, changes: Attrs): void {
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete into[k];
    else into[k] = v;
  }
}

function signatureError(owner: string, method: string, args: unknown[]): AppsScriptError {
  const types = args.map((a) => (Array.isArray(a) ? 'object' : typeof a)).join(',');
  return new AppsScriptError(`The parameters (${types}) don't match the method signature for DocumentApp.${owner}.${method}.`);
}

/** Any element of a document body (for the Docs API model). */
export type ElementModelLike = ElementModel;

abstract class ElementModel extends ServiceObject {
  readonly service = 'document' as const;
  abstract readonly type: keyof typeof ELEMENT_TYPE;
  parent: ElementModel | null = null;
  children: ElementModel[] = [];
  /** This element's own attributes, as set (unset ones are absent). */
  protected own: Attrs = {};

  /**
   * On a body: the length of its text, kept up to date by every edit (guardGrowth) so that the
   * size check does not re-read the document on each insert; undefined after a removal, when it
   * is recounted once.
   */
  private chars: number | undefined;

  private root(): ElementModel {
    let root: ElementModel = this;
    while (root.parent) root = root.parent;
    return root;
  }

  /**
   * Refuses an edit that adds `added` characters (exactly: the change of the body text's length)
   * if it would take the document this element belongs to past its size limit, else counts them.
   */
  protected guardGrowth(added: number): void {
    const root = this.root();
    if (root.type !== 'BODY_SECTION') return;
    const chars = root.chars ?? root.getText().length;
    if (chars + added > MAX_DOCUMENT_CHARS) throw new AppsScriptError(DOCUMENT_TOO_LARGE);
    root.chars = chars + added;
  }

  /** Host-side: the body text's length as counted for the size check (see `chars`). */
  countedChars(): number {
    const root = this.root();
    root.chars ??= root.getText().length;
    return root.chars;
  }

  /** Text left the document: its length is recounted at the next check. */
  protected uncount(): void {
    this.root().chars = undefined;
  }

  getType() {
    return this.type;
  }
  getParent() {
    return this.parent;
  }
  getNumChildren() {
    return this.children.length;
  }

  getChild(index: number) {
    const child = this.children[index];
    if (!Number.isInteger(index) || index < 0 || !child) {
      throw new AppsScriptError(
        `Child index (${index}) must be less than the number of child elements (${this.children.length}).`,
      );
    }
    return child;
  }

  getChildIndex(child: ElementModel) {
    const i = this.children.indexOf(child);
    if (i < 0) throw new AppsScriptError('Element does not contain the specified child element.');
    return i;
  }

  getNextSibling() {
    return this.sibling(1);
  }
  getPreviousSibling() {
    return this.sibling(-1);
  }

  private sibling(step: number): ElementModel | null {
    if (!this.parent) return null;
    return this.parent.children[this.parent.children.indexOf(this) + step] ?? null;
  }

  removeFromParent() {
    const parent = this.parent;
    if (!parent) return this;
    const siblings = parent.children;
    if (
      this instanceof ParagraphModel &&
      siblings.at(-1) === this &&
      (parent instanceof BodyModel || parent instanceof TableCellModel)
    ) {
      throw new AppsScriptError(
        `Can't remove the last paragraph in a ${parent instanceof BodyModel ? 'document section' : 'table cell'}.`,
      );
    }
    parent.uncount();
    siblings.splice(siblings.indexOf(this), 1);
    this.parent = null;
    return this;
  }

  asParagraph() {
    return this.cast(ParagraphModel);
  }
  asTable() {
    return this.cast(TableModel);
  }
  asListItem() {
    return this.cast(ListItemModel);
  }

  private cast<T extends ElementModel>(type: abstract new (...a: never[]) => T): T {
    if (!(this instanceof type)) throw new AppsScriptError(`Cannot cast ${this.type} element to the requested type.`);
    return this as unknown as T;
  }

  /** Paragraphs inside this element, in document order (host-side and for text edits). */
  paragraphs(): ParagraphModel[] {
    return this.children.flatMap((c) => c.paragraphs());
  }

  getText(): string {
    return this.children.map((c) => c.getText()).join('\n');
  }

  editAsText() {
    return new TextModel(this.paragraphs());
  }

  /** Attribute names this element keeps itself (text attributes go to its paragraphs' text). */
  protected ownKeys(): readonly string[] {
    return [];
  }

  setAttributes(attrs: Attrs) {
    if (!attrs || typeof attrs !== 'object') throw signatureError(this.kind, 'setAttributes', [attrs]);
    merge(this.own, pick(attrs, this.ownKeys()));
    const text = pick(attrs, TEXT);
    if (Object.keys(text).length) for (const p of this.paragraphs()) p.styleText(0, p.getText().length, text, true);
    return this;
  }

  getAttributes(): Attrs {
    const out: Attrs = {};
    for (const k of this.ownKeys()) out[k] = this.own[k] ?? null;
    return out;
  }

  /** Host-side: the value in force (set, or Google Docs' default). */
  effective(key: string): unknown {
    const all = { ...DEFAULTS.page, ...DEFAULTS.table, ...DEFAULTS.cell, ...DEFAULTS.paragraph };
    return this.own[key] ?? all[key] ?? null;
  }
}

interface Run {
  text: string;
  attrs: Attrs;
}

/** An image in a paragraph, after its text; sizes in pixels, as Apps Script gives them. */
export class InlineImageModel extends ServiceObject {
  readonly kind = 'InlineImage';
  readonly service = 'document' as const;

  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
    public width: number,
    public height: number,
  ) {
    super();
  }

  getWidth() {
    return this.width;
  }
  getHeight() {
    return this.height;
  }
  setWidth(px: number) {
    checkValue('WIDTH', px);
    this.width = px;
    return this;
  }
  setHeight(px: number) {
    checkValue('WIDTH', px);
    this.height = px;
    return this;
  }
}

/** Body.appendPageBreak: a paragraph holding a page break. */
export class PageBreakModel extends ServiceObject {
  readonly kind = 'PageBreak';
  readonly service = 'document' as const;
}

export class ParagraphModel extends ElementModel {
  readonly kind: string = 'Paragraph';
  readonly type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH';
  runs: Run[] = [];
  images: InlineImageModel[] = [];
  /** Holds a page break (Body.appendPageBreak). */
  pageBreak = false;
  /** Docs API paragraphStyle.keepWithNext (DocumentApp cannot set it). */
  keepWithNext = false;
  /** Text attributes of the paragraph mark: what text typed into the empty paragraph gets. */
  mark: Attrs = {};

  constructor(text = '') {
    super();
    if (text) this.runs.push({ text, attrs: {} });
  }

  protected override ownKeys() {
    return PARAGRAPH;
  }
  override paragraphs(): ParagraphModel[] {
    return [this];
  }
  override getText() {
    return this.runs.map((r) => r.text).join('');
  }

  /** Keeps the style of the first character; returns nothing, as on Apps Script. */
  setText(text: string): void {
    if (typeof text !== 'string') throw signatureError(this.kind, 'setText', [text]);
    this.guardGrowth(text.length - this.getText().length);
    const attrs = { ...(this.runs[0]?.attrs ?? this.mark) };
    this.runs = text ? [{ text, attrs }] : [];
    this.mark = attrs;
  }

  appendPageBreak() {
    this.pageBreak = true;
    return new PageBreakModel();
  }

  appendInlineImage(blob: BlobModel) {
    if (!(blob instanceof BlobModel)) throw signatureError(this.kind, 'appendInlineImage', [blob]);
    const type = blob.getContentType() ?? '';
    if (!/^image\/(png|jpeg|gif)$/.test(type)) throw new AppsScriptError('Invalid image data.');
    // A PNG's size is in its IHDR chunk.
    const w = type === 'image/png' ? blob.bytes.readUInt32BE(16) : 1;
    const h = type === 'image/png' ? blob.bytes.readUInt32BE(20) : 1;
    const image = new InlineImageModel(blob.bytes, type, w, h);
    this.images.push(image);
    return image;
  }

  appendText(text: string) {
    if (typeof text !== 'string') throw signatureError(this.kind, 'appendText', [text]);
    this.guardGrowth(text.length);
    const start = this.getText().length;
    this.runs.push({ text, attrs: { ...(this.runs.at(-1)?.attrs ?? this.mark) } });
    return new TextModel([this], start, start + text.length - 1);
  }

  setAlignment(a: string) {
    return this.setAttributes({ HORIZONTAL_ALIGNMENT: a });
  }
  getAlignment() {
    return this.own.HORIZONTAL_ALIGNMENT ?? null;
  }
  setIndentFirstLine(pt: number) {
    return this.setAttributes({ INDENT_FIRST_LINE: pt });
  }
  setIndentStart(pt: number) {
    return this.setAttributes({ INDENT_START: pt });
  }
  setSpacingBefore(pt: number) {
    return this.setAttributes({ SPACING_BEFORE: pt });
  }
  setSpacingAfter(pt: number) {
    return this.setAttributes({ SPACING_AFTER: pt });
  }
  setLineSpacing(m: number) {
    return this.setAttributes({ LINE_SPACING: m });
  }
  setHeading(h: string) {
    return this.setAttributes({ HEADING: h });
  }
  getHeading() {
    return this.own.HEADING ?? 'NORMAL';
  }

  override getAttributes(): Attrs {
    const out = super.getAttributes();
    for (const k of TEXT) {
      const values = new Set((this.runs.length ? this.runs.map((r) => r.attrs) : [this.mark]).map((a) => a[k] ?? null));
      out[k] = values.size === 1 ? [...values][0] : null;
    }
    return out;
  }

  /** Applies text attributes to characters [from, to); `whole` also restyles the paragraph mark. */
  styleText(from: number, to: number, attrs: Attrs, whole: boolean): void {
    const out: Run[] = [];
    let at = 0;
    for (const run of this.runs) {
      const end = at + run.text.length;
      const cuts = [at, Math.min(Math.max(from, at), end), Math.min(Math.max(to, at), end), end];
      for (let i = 0; i < 3; i++) {
        if (cuts[i + 1]! <= cuts[i]!) continue;
        const attrsHere = { ...run.attrs };
        if (i === 1) merge(attrsHere, attrs);
        out.push({ text: run.text.slice(cuts[i]! - at, cuts[i + 1]! - at), attrs: attrsHere });
      }
      at = end;
    }
    this.runs = out;
    if (whole) merge(this.mark, attrs);
  }

  /** Host-side: paragraph attributes in force. */
  style(): Attrs {
    return { ...DEFAULTS.paragraph, ...this.own };
  }

  /** Host-side: runs with the text attributes in force (the mark's, for an empty paragraph). */
  styledRuns(): { text: string; attrs: Attrs }[] {
    const runs = this.runs.length ? this.runs : [{ text: '', attrs: this.mark }];
    return runs.map((r) => ({ text: r.text, attrs: { ...DEFAULTS.text, ...r.attrs } }));
  }
}

/** A list item: a paragraph with a nesting level (0 = top), as Docs keeps bulleted and numbered lists. */
export class ListItemModel extends ParagraphModel {
  override readonly kind = 'ListItem';
  override readonly type = 'LIST_ITEM';
  private nesting = 0;

  getNestingLevel() {
    return this.nesting;
  }
  setNestingLevel(level: number) {
    if (!Number.isInteger(level) || level < 0 || level > 8) throw new AppsScriptError(`Invalid argument: nestingLevel`);
    this.nesting = level;
    return this;
  }
}

/** DocumentApp's Text: the characters [start, end] (inclusive, as Apps Script counts) of some paragraphs. */
export class TextModel extends ServiceObject {
  readonly kind = 'Text';
  readonly service = 'document' as const;

  constructor(
    private readonly paras: ParagraphModel[],
    private readonly start = 0,
    private readonly end?: number,
  ) {
    super();
  }

  getText() {
    const all = this.paras.map((p) => p.getText()).join('\n');
    return all.slice(this.start, this.end === undefined ? undefined : this.end + 1);
  }

  /** (attrs) for all of this text, or (startOffset, endOffsetInclusive, attrs). */
  setAttributes(...args: unknown[]) {
    const [from, to, attrs] = args.length >= 3 ? [args[0] as number, args[1] as number, args[2]] : [0, undefined, args[0]];
    if (!attrs || typeof attrs !== 'object') throw signatureError('Text', 'setAttributes', args);
    const length = this.getText().length;
    const last = to === undefined ? length - 1 : to;
    if (!Number.isInteger(from) || !Number.isInteger(last) || from < 0 || (length > 0 && last >= length) || from > last + 1) {
      throw new AppsScriptError(`Invalid argument: offsets ${from}..${to}`);
    }
    const text = pick(attrs as Attrs, TEXT);
    const whole = args.length < 3 && this.end === undefined;
    let base = -this.start;
    for (const p of this.paras) {
      const n = p.getText().length;
      if (base + n >= from && base <= last + 1) p.styleText(Math.max(0, from - base), Math.min(n, last + 1 - base), text, whole);
      base += n + 1;
    }
    return this;
  }

  private set(key: string, args: unknown[]) {
    return args.length >= 3 ? this.setAttributes(args[0], args[1], { [key]: args[2] }) : this.setAttributes({ [key]: args[0] });
  }

  setBold(...args: unknown[]) {
    return this.set('BOLD', args);
  }
  setItalic(...args: unknown[]) {
    return this.set('ITALIC', args);
  }
  setUnderline(...args: unknown[]) {
    return this.set('UNDERLINE', args);
  }
  setFontSize(...args: unknown[]) {
    return this.set('FONT_SIZE', args);
  }
  setFontFamily(...args: unknown[]) {
    return this.set('FONT_FAMILY', args);
  }
  setForegroundColor(...args: unknown[]) {
    return this.set('FOREGROUND_COLOR', args);
  }
  setBackgroundColor(...args: unknown[]) {
    return this.set('BACKGROUND_COLOR', args);
  }
}

abstract class ContainerModel extends ElementModel {
  private checkText(method: string, text: unknown): string {
    if (typeof text !== 'string') throw signatureError(this.kind, method, [text]);
    return text;
  }

  private insertAt(index: number, el: ElementModel): void {
    if (!Number.isInteger(index) || index < 0 || index > this.children.length) {
      throw new AppsScriptError(
        `Index (${index}) must be less than or equal to the number of child elements (${this.children.length}).`,
      );
    }
    // Children are joined by a line break: the first child of an empty container adds none.
    this.guardGrowth(el.getText().length + (this.children.length ? 1 : 0));
    el.parent = this;
    this.children.splice(index, 0, el);
    if (this.children.at(-1) === el && el instanceof TableModel) this.insertAt(this.children.length, new ParagraphModel());
  }

  appendParagraph(text: string) {
    return this.paragraphAt('appendParagraph', this.children.length, text);
  }
  insertParagraph(index: number, text: string) {
    return this.paragraphAt('insertParagraph', index, text);
  }

  private paragraphAt(method: string, index: number, text: string) {
    const p = new ParagraphModel(this.checkText(method, text));
    this.insertAt(index, p);
    return p;
  }

  appendListItem(text: string) {
    const item = new ListItemModel(this.checkText('appendListItem', text));
    this.insertAt(this.children.length, item);
    return item;
  }

  appendTable(cells?: unknown) {
    return this.tableAt('appendTable', this.children.length, cells);
  }
  insertTable(index: number, cells?: unknown) {
    return this.tableAt('insertTable', index, cells);
  }

  private tableAt(method: string, index: number, cells: unknown) {
    const grid = cells === undefined ? [['']] : cells;
    if (!Array.isArray(grid) || !grid.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))) {
      throw signatureError(this.kind, method, [cells]);
    }
    const width = grid[0]?.length ?? 0;
    if (!width || grid.some((r) => r.length !== width))
      throw new AppsScriptError('Invalid argument: cells (every row needs the same number of cells, at least one)');
    const table = new TableModel(grid as string[][]);
    this.insertAt(index, table);
    return table;
  }

  removeChild(child: ElementModel) {
    this.getChildIndex(child);
    return child.removeFromParent();
  }

  getParagraphs() {
    return this.paragraphs();
  }
  getTables() {
    return this.children.filter((c): c is TableModel => c instanceof TableModel);
  }

  clear() {
    this.uncount();
    this.children = [];
    this.insertAt(0, new ParagraphModel());
    return this;
  }
}

export class BodyModel extends ContainerModel {
  readonly kind = 'Body';
  readonly type = 'BODY_SECTION';

  constructor() {
    super();
    this.appendParagraph('');
  }

  appendPageBreak() {
    const p = this.appendParagraph('');
    p.pageBreak = true;
    return new PageBreakModel();
  }

  protected override ownKeys() {
    return PAGE;
  }

  getPageWidth() {
    return this.effective('PAGE_WIDTH');
  }
  getPageHeight() {
    return this.effective('PAGE_HEIGHT');
  }
  getMarginTop() {
    return this.effective('MARGIN_TOP');
  }
  getMarginBottom() {
    return this.effective('MARGIN_BOTTOM');
  }
  getMarginLeft() {
    return this.effective('MARGIN_LEFT');
  }
  getMarginRight() {
    return this.effective('MARGIN_RIGHT');
  }
  setPageWidth(pt: number) {
    return this.setAttributes({ PAGE_WIDTH: pt });
  }
  setPageHeight(pt: number) {
    return this.setAttributes({ PAGE_HEIGHT: pt });
  }
  setMarginTop(pt: number) {
    return this.setAttributes({ MARGIN_TOP: pt });
  }
  setMarginBottom(pt: number) {
    return this.setAttributes({ MARGIN_BOTTOM: pt });
  }
  setMarginLeft(pt: number) {
    return this.setAttributes({ MARGIN_LEFT: pt });
  }
  setMarginRight(pt: number) {
    return this.setAttributes({ MARGIN_RIGHT: pt });
  }

  /** Host-side: the width between the margins, in points. */
  textWidth(): number {
    return (
      (this.effective('PAGE_WIDTH') as number) -
      (this.effective('MARGIN_LEFT') as number) -
      (this.effective('MARGIN_RIGHT') as number)
    );
  }
}

export class TableCellModel extends ContainerModel {
  readonly kind = 'TableCell';
  readonly type = 'TABLE_CELL';

  constructor(text: string) {
    super();
    this.appendParagraph(text);
  }

  protected override ownKeys() {
    return CELL;
  }
  getParentRow() {
    return this.parent;
  }
  getParentTable() {
    return this.parent?.getParent() ?? null;
  }
  getWidth() {
    return this.own.WIDTH ?? null;
  }
  setWidth(pt: number) {
    return this.setAttributes({ WIDTH: pt });
  }
  setPaddingTop(pt: number) {
    return this.setAttributes({ PADDING_TOP: pt });
  }
  setPaddingBottom(pt: number) {
    return this.setAttributes({ PADDING_BOTTOM: pt });
  }
  setPaddingLeft(pt: number) {
    return this.setAttributes({ PADDING_LEFT: pt });
  }
  setPaddingRight(pt: number) {
    return this.setAttributes({ PADDING_RIGHT: pt });
  }
  setVerticalAlignment(a: string) {
    return this.setAttributes({ VERTICAL_ALIGNMENT: a });
  }
  setBackgroundColor(c: string) {
    return this.setAttributes({ BACKGROUND_COLOR: c });
  }
}

export class TableRowModel extends ElementModel {
  readonly kind = 'TableRow';
  readonly type = 'TABLE_ROW';

  constructor(texts: readonly string[]) {
    super();
    this.children = texts.map((t) => Object.assign(new TableCellModel(t), { parent: this }));
  }

  protected override ownKeys() {
    return ROW;
  }
  override getText() {
    return this.children.map((c) => c.getText()).join('\t');
  }
  getNumCells() {
    return this.children.length;
  }
  getCell(i: number) {
    return this.getChild(i) as TableCellModel;
  }
  getParentTable() {
    return this.parent;
  }
  cells(): TableCellModel[] {
    return this.children as TableCellModel[];
  }
}

export class TableModel extends ElementModel {
  readonly kind = 'Table';
  readonly type = 'TABLE';
  /** Docs API pinnedHeaderRowsCount: rows repeated at the top of every page (DocumentApp cannot set it). */
  pinnedHeaderRows = 0;
  /** Column widths in points; unset columns share what is left of the text width. */
  readonly columnWidths = new Map<number, number>();

  constructor(cells: readonly (readonly string[])[]) {
    super();
    this.children = cells.map((r) => Object.assign(new TableRowModel(r), { parent: this }));
  }

  protected override ownKeys() {
    return TABLE;
  }
  getNumRows() {
    return this.children.length;
  }
  getRow(i: number) {
    return this.getChild(i) as TableRowModel;
  }
  getCell(r: number, c: number) {
    return this.getRow(r).getCell(c);
  }
  getBorderWidth() {
    return this.effective('BORDER_WIDTH');
  }
  setBorderWidth(pt: number) {
    return this.setAttributes({ BORDER_WIDTH: pt });
  }
  setBorderColor(c: string) {
    return this.setAttributes({ BORDER_COLOR: c });
  }
  getColumnWidth(i: number) {
    this.checkColumn(i);
    return this.columnWidths.get(i) ?? null;
  }

  setColumnWidth(i: number, pt: number) {
    this.checkColumn(i);
    checkValue('WIDTH', pt);
    this.columnWidths.set(i, pt);
    return this;
  }

  private checkColumn(i: number): void {
    const n = this.rows()[0]?.getNumCells() ?? 0;
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new AppsScriptError(`Column index (${i}) must be less than the number of columns (${n}).`);
  }

  rows(): TableRowModel[] {
    return this.children as TableRowModel[];
  }

  /** Host-side: every column's width in points, as Docs lays the table out in `available` points. */
  widths(available: number): number[] {
    const n = this.rows()[0]?.getNumCells() ?? 0;
    const set = [...this.columnWidths.values()].reduce((a, b) => a + b, 0);
    const free = Math.max(0, available - set) / Math.max(1, n - this.columnWidths.size);
    return Array.from({ length: n }, (_, i) => this.columnWidths.get(i) ?? free);
  }
}

/** A Google Doc; its name is its Drive file's name. */
/**
 * The page header as an office prepares it by hand in Docs (Chèn › Số trang, "different first
 * page"): DocumentApp can neither insert a page-number field nor set a different first page.
 */
export interface HeaderModel {
  pageNumbers: boolean;
  differentFirstPage: boolean;
}

export class DocumentModel extends ServiceObject {
  readonly kind = 'Document';
  readonly service = 'document' as const;
  body = new BodyModel();
  header: HeaderModel | null = null;
  closed = false;

  constructor(readonly file: FileModel) {
    super();
  }

  get id() {
    return this.file.id;
  }
  getId() {
    return this.file.id;
  }
  getName() {
    return this.file.name;
  }
  setName(name: string) {
    this.file.setName(name);
    return this;
  }
  getUrl() {
    return this.file.url;
  }
  getBody() {
    return this.body;
  }
  saveAndClose() {
    this.closed = true;
  }
}

export class DocumentAppModel extends ServiceObject {
  readonly kind = 'DocumentApp';
  readonly service = 'document' as const;
  readonly Attribute = ATTRIBUTE;
  readonly HorizontalAlignment = HORIZONTAL_ALIGNMENT;
  readonly VerticalAlignment = VERTICAL_ALIGNMENT;
  readonly ParagraphHeading = PARAGRAPH_HEADING;
  readonly ElementType = ELEMENT_TYPE;
  readonly documents: DocumentModel[] = [];

  constructor(private readonly drive: DriveAppModel) {
    super();
  }

  /** A new document in the root of My Drive, as DocumentApp.create makes it. */
  create(name: string) {
    if (typeof name !== 'string') throw signatureError('DocumentApp', 'create', [name]);
    const id = this.drive.newId('doc');
    const file = this.drive.addFile(new FileModel(id, name, MIME.document, `https://docs.google.com/document/d/${id}/edit`));
    file.copyContent = (from, to) => this.copy(from, to);
    const doc = new DocumentModel(file);
    this.documents.push(doc);
    return doc;
  }

  /** File.makeCopy of a document: the copy has the same header and a deep copy of the body. */
  private copy(from: FileModel, to: FileModel): void {
    const source = this.documents.find((d) => d.file === from)!;
    const doc = new DocumentModel(to);
    doc.header = source.header && { ...source.header };
    // The template's body is text the report replaces: its paragraphs' text is enough.
    const texts = source.body.children.map((c) => c.getText());
    doc.body
      .getChild(0)
      .asParagraph()
      .setText(texts[0] ?? '');
    for (const t of texts.slice(1)) doc.body.appendParagraph(t);
    this.documents.push(doc);
  }

  openById(id: string) {
    const doc = this.documents.find((d) => d.id === id);
    if (!doc)
      throw new AppsScriptError(
        'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
      );
    return doc;
  }

  openByUrl(url: string) {
    const m = /\/document\/d\/([\w-]+)/.exec(String(url));
    if (!m) throw new AppsScriptError('Invalid argument: url');
    return this.openById(m[1]!);
  }
}
