/**
 * Local readers that turn a plan file into the importer's blocks (docs/SPEC.md §8), the way the
 * Apps Script side reads a Google Doc: `.md` (headings `#`, lists `-`/`*` with nesting by indent,
 * `|` tables), `.txt` (one paragraph per line, tab-separated rows as tables) and `.docx` (through
 * mammoth's HTML: headings, nested lists, tables). Used by `npm start -- --import` and the tests,
 * never by the pushed bundle.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { type Block, paragraph, table } from '../src/core/import/blocks';

const inline = (s: string) =>
  s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_[\]()#+\-.!|])/g, '$1');

export function markdownBlocks(source: string): Block[] {
  const out: Block[] = [];
  let para: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (para.length) out.push(paragraph(inline(para.join('\n'))));
    para = [];
    if (rows.length) out.push(table(rows));
    rows = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    if (trimmed.startsWith('|')) {
      if (para.length) {
        out.push(paragraph(inline(para.join('\n'))));
        para = [];
      }
      if (/^\|[\s:|-]+\|$/.test(trimmed)) continue;
      rows.push(
        trimmed
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => inline(c.trim().replace(/<br\s*\/?>/g, '\n'))),
      );
      continue;
    }
    if (rows.length) flush();
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (heading || bullet) {
      flush();
      if (heading) out.push(paragraph(inline(heading[2]!), heading[1]!.length));
      else out.push(paragraph(inline(bullet![2]!), 0, Math.floor(bullet![1]!.replace(/\t/g, '  ').length / 2)));
      continue;
    }
    para.push(trimmed);
  }
  flush();
  return out;
}

function textBlocks(source: string): Block[] {
  const out: Block[] = [];
  let rows: string[][] = [];
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    if (rows.length) out.push(table(rows));
    rows = [];
    if (line.trim()) out.push(paragraph(line.trim()));
  }
  if (rows.length) out.push(table(rows));
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10))
      : (ENTITIES[e] ?? m),
  );

/** mammoth's HTML (h1–h6, p, ul/ol/li, table/tr/td, br, inline tags) → blocks. */
function htmlBlocks(html: string): Block[] {
  const out: Block[] = [];
  const tokens = html.match(/<[^>]+>|[^<]+/g) ?? [];
  let text = '';
  let heading = 0;
  let listDepth = 0;
  let inItem = 0;
  let tableDepth = 0;
  let rows: string[][] = [];
  let cell: string[] | null = null;
  const emit = () => {
    const t = decode(text).trim();
    text = '';
    if (tableDepth > 0) {
      if (cell && t) cell.push(t);
      return;
    }
    if (t) out.push(paragraph(t, heading, inItem > 0 ? listDepth - 1 : null));
  };
  for (const token of tokens) {
    if (!token.startsWith('<')) {
      text += token;
      continue;
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (!m) continue;
    const [close, tag] = [m[1] === '/', m[2]!.toLowerCase()];
    if (tag === 'br') text += '\n';
    else if (/^h[1-6]$/.test(tag)) {
      if (close) {
        emit();
        heading = 0;
      } else {
        emit();
        heading = Number(tag[1]);
      }
    } else if (tag === 'p') emit();
    else if (tag === 'ul' || tag === 'ol') {
      emit();
      listDepth += close ? -1 : 1;
    } else if (tag === 'li') {
      emit();
      inItem += close ? -1 : 1;
    } else if (tag === 'table') {
      emit();
      tableDepth += close ? -1 : 1;
      if (close && tableDepth === 0) {
        out.push(table(rows));
        rows = [];
      }
    } else if (tag === 'tr' && !close && tableDepth === 1) rows.push([]);
    else if ((tag === 'td' || tag === 'th') && tableDepth === 1) {
      if (!close) cell = [];
      else {
        emit();
        rows[rows.length - 1]?.push((cell ?? []).join('\n'));
        cell = null;
      }
    }
  }
  emit();
  return out;
}

async function docxBlocks(buffer: Buffer): Promise<Block[]> {
  const { value } = await mammoth.convertToHtml({ buffer });
  return htmlBlocks(value);
}

/** Reads a plan file by its extension. */
export async function planFileBlocks(path: string): Promise<Block[]> {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return docxBlocks(readFileSync(path));
  const source = readFileSync(path, 'utf8');
  if (ext === '.md') return markdownBlocks(source);
  if (ext === '.txt') return textBlocks(source);
  throw new Error(`Không đọc được tệp «${path}»: chỉ nhận .docx, .md hoặc .txt.`);
}
