/**
 * Every message a user can see (dialogs, toasts, notes, `Nhật ký`, mails, report text) is
 * Vietnamese with full diacritics, in NFC (docs/maintainers.md › Quality rules). The messages are collected from the source:
 * every string literal and template text in src/ that reads as words (it has a space or a
 * non-ASCII letter), leaving out module names, type literals and the few code strings listed
 * below. Quoted user values «…», placeholders, URLs, addresses and numbers are not words.
 * What the fuzz sees at run time is checked with the same rule (test/fuzz/properties.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { vietnameseProblems, wordsOf } from './fuzz/vietnamese';

const SRC = new URL('../src/', import.meta.url);

/** Code strings with spaces and no diacritics that no user reads as a sentence. */
const NOT_MESSAGES = new Set([
  'dd/mm/yyyy HH:mm:ss', // the number format of `Nhật ký` timestamps
  'Times New Roman', // the report's font
  '[object Date]', // a type tag
  'Invalid Date', // how JavaScript shows a Date that is not one; only ever quoted «…» as a cell's value
]);

interface Literal {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: URL): URL[] {
  return readdirSync(dir).flatMap((name) => {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) return sourceFiles(new URL(`${name}/`, dir));
    return name.endsWith('.ts') ? [url] : [];
  });
}

/** String literals and template texts (`${…}` as «…») outside imports and types. */
function literalsOf(url: URL): Literal[] {
  const file = url.pathname.slice(SRC.pathname.length);
  const source = ts.createSourceFile(file, readFileSync(url, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Literal[] = [];
  const add = (node: ts.Node, text: string) =>
    out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node))
      add(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('«…»'));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Reads as words: a space, or a letter outside ASCII (a one-word Vietnamese label). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, control characters included
const readsAsWords = (s: string) => /\s/.test(s.trim()) || /[^\x00-\x7f]/.test(s.replace(/«…»/g, ''));

const literals = sourceFiles(SRC).flatMap(literalsOf);
const messages = literals.filter((l) => readsAsWords(l.text) && wordsOf(l.text).length > 0 && !NOT_MESSAGES.has(l.text));

describe('user-visible texts in src/', () => {
  it('are found in every layer that talks to users', () => {
    const files = new Set(messages.map((m) => m.file.split('/')[0]));
    expect([...files].sort()).toEqual(expect.arrayContaining(['core', 'gas', 'main.ts', 'ops']));
    expect(messages.length).toBeGreaterThan(150);
  });

  it('are Vietnamese with full diacritics, in NFC', () => {
    const bad = messages.flatMap((m) => {
      const problems = vietnameseProblems(m.text);
      return problems.length ? [`${m.file}:${m.line} ${JSON.stringify(m.text)}: ${problems.join('; ')}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('leave out only the code strings listed, each of which is still in the source', () => {
    const texts = new Set(literals.map((l) => l.text));
    expect([...NOT_MESSAGES].filter((t) => !texts.has(t))).toEqual([]);
  });
});

describe('the message rule', () => {
  it.each([
    ['Đã cập nhật trạng thái.', []],
    ['Không tìm thấy trang tính «Sheet not found». Hãy chạy CCHC › Thiết lập bảng tính.', []],
    ['Liên kết: https://docs.google.com/document/d/abc/edit', []],
    ['Sheet «Nhiệm vụ» not found. Please run setup.', ['English words: Sheet, not, found, Please', 'no Vietnamese diacritics']],
    ['Da cap nhat trang thai', ['no Vietnamese diacritics']],
    ['Đã cập nhật'.normalize('NFD'), ['not NFC']],
    ['Lỗi: Cannot read properties of undefined', ['English words: Cannot, of, undefined']],
  ])('%j → %j', (text, problems) => {
    expect(vietnameseProblems(text)).toEqual(problems);
  });
});
