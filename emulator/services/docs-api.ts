/**
 * The Docs advanced service (`Docs`, Google Docs API v1), as much as scripts use where DocumentApp
 * has no method: `Documents.get` (the body's structure with Docs' indexes) and
 * `Documents.batchUpdate` with `updateParagraphStyle` (keepWithNext) and `pinTableHeaderRows`.
 * Indexes follow the API: the body starts at 1, a paragraph spans its text and its newline, a
 * table, each row and each cell open with one index and the table closes with one.
 */
import { ServiceObject } from '../realm';
import { type DocumentAppModel, type ElementModelLike, ParagraphModel, TableModel } from './document';
import { AppsScriptError } from '../errors';

interface Located {
  start: number;
  end: number;
  element: ParagraphModel | TableModel;
}

function structure(children: readonly ElementModelLike[], start: number, out: Located[]): { content: unknown[]; end: number } {
  const content: unknown[] = [];
  let at = start;
  for (const el of children) {
    if (el instanceof ParagraphModel) {
      const text = `${el.getText()}\n`;
      content.push({ startIndex: at, endIndex: at + text.length, paragraph: { elements: [{ textRun: { content: text } }] } });
      out.push({ start: at, end: at + text.length, element: el });
      at += text.length;
    } else if (el instanceof TableModel) {
      const tableStart = at;
      at += 1;
      const tableRows = el.rows().map((row) => {
        at += 1;
        const tableCells = row.cells().map((cell) => {
          at += 1;
          const inner = structure(cell.children, at, out);
          at = inner.end;
          return { content: inner.content };
        });
        return { tableCells };
      });
      at += 1;
      content.push({ startIndex: tableStart, endIndex: at, table: { rows: tableRows.length, tableRows } });
      out.push({ start: tableStart, end: at, element: el });
    }
  }
  return { content, end: at };
}

class DocumentsModel extends ServiceObject {
  readonly kind = 'Documents';
  readonly service = 'document' as const;

  constructor(private readonly documentApp: DocumentAppModel) {
    super();
  }

  private locate(id: string): Located[] {
    const doc = this.documentApp.openById(id);
    const out: Located[] = [];
    structure(doc.body.children, 1, out);
    return out;
  }

  get(id: string) {
    const doc = this.documentApp.openById(id);
    return { documentId: id, title: doc.getName(), body: { content: structure(doc.body.children, 1, []).content } };
  }

  batchUpdate(resource: { requests?: Record<string, Record<string, unknown>>[] }, id: string) {
    const located = this.locate(id);
    const at = (index: unknown) => located.find((l) => l.start === index);
    for (const request of resource?.requests ?? []) {
      const [type, body] = Object.entries(request)[0] ?? [];
      if (type === 'updateParagraphStyle') {
        const range = body!.range as { startIndex: number; endIndex: number };
        const style = body!.paragraphStyle as { keepWithNext?: boolean };
        if (body!.fields !== 'keepWithNext')
          throw new AppsScriptError(`Docs emulator: unsupported fields ${String(body!.fields)}`);
        const hits = located.filter(
          (l) => l.element instanceof ParagraphModel && l.start < range.endIndex && l.end > range.startIndex,
        );
        if (!hits.length) throw new AppsScriptError('Invalid requests[0].updateParagraphStyle: range out of bounds.');
        for (const h of hits) (h.element as ParagraphModel).keepWithNext = Boolean(style.keepWithNext);
      } else if (type === 'pinTableHeaderRows') {
        const where = body!.tableStartLocation as { index: number };
        const hit = at(where.index);
        if (!(hit?.element instanceof TableModel))
          throw new AppsScriptError('Invalid requests[0].pinTableHeaderRows: no table starts at the given location.');
        hit.element.pinnedHeaderRows = Number(body!.pinnedHeaderRowsCount);
      } else {
        throw new AppsScriptError(`Docs emulator: unsupported request ${String(type)}`);
      }
    }
    return { documentId: id, replies: (resource?.requests ?? []).map(() => ({})) };
  }
}

/** The `Docs` global of a project that enables the Docs advanced service. */
export class DocsServiceModel extends ServiceObject {
  readonly kind = 'Docs';
  readonly service = 'document' as const;
  readonly Documents: DocumentsModel;

  constructor(documentApp: DocumentAppModel) {
    super();
    this.Documents = new DocumentsModel(documentApp);
  }
}
