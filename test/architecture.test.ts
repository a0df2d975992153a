/**
 * The layers of src/ and which way they may import (main → ops → gas → core → contract):
 * - src/contract and src/core never touch Apps Script (no global, no type of it);
 * - src/ops and src/main.ts call no Apps Script service or method themselves (they may hold a
 *   Spreadsheet as a value to pass to src/gas);
 * - no import points up: contract imports nothing else of src, core nothing of gas/ops/main, gas
 *   nothing of ops/main, ops nothing of main.
 * Read with the TypeScript compiler: a name counts as Apps Script when it resolves to a declaration
 * of @types/google-apps-script, however it is spelled or aliased.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Layer = 'contract' | 'core' | 'gas' | 'ops' | 'main';
const RANK: Record<Layer, number> = { contract: 0, core: 1, gas: 2, ops: 3, main: 4 };

function layerOf(rel: string): Layer | null {
  if (rel === 'src/main.ts' || rel === 'src/hub-main.ts') return 'main';
  const m = /^src\/(contract|core|gas|ops)\//.exec(rel);
  if (m) return m[1] as Layer;
  // The embedded sample plan is data: as pure as core, and below gas, ops and main.
  if (rel.startsWith('src/sample/')) return 'core';
  // The province hub keeps the same layers: src/hub/*.ts pure, src/hub/gas adapters, src/hub/ops operations.
  const hub = /^src\/hub\/(?:(gas|ops)\/)?[^/]+$/.exec(rel);
  return hub ? ((hub[1] as Layer | undefined) ?? 'core') : null;
}

const isAppsScript = (decl: ts.Declaration) => decl.getSourceFile().fileName.includes('/@types/google-apps-script/');
/** Declared by those types, but the script's standard logging rather than a service. */
const NOT_SERVICES = new Set(['console']);

function inTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return true;
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
  }
  return false;
}

/**
 * Every breach of the rules in src/, with `overlay` files (path relative to the repository → text)
 * added to or replacing those on disk.
 */
function violations(overlay: Record<string, string> = {}): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}tsconfig.src.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.src.json unreadable');
  const extra = new Map(Object.entries(overlay).map(([rel, text]) => [`${ROOT}${rel}`, text]));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, lang, ...rest) => {
    const text = extra.get(name);
    return text === undefined ? getSourceFile(name, lang, ...rest) : ts.createSourceFile(name, text, lang, true);
  };
  const fileExists = host.fileExists;
  host.fileExists = (name) => extra.has(name) || fileExists(name);
  const readFile = host.readFile;
  host.readFile = (name) => extra.get(name) ?? readFile(name);

  const program = ts.createProgram([...new Set([...parsed.fileNames, ...extra.keys()])], parsed.options, host);
  const checker = program.getTypeChecker();
  const out: string[] = [];

  for (const sf of program.getSourceFiles()) {
    const rel = sf.fileName.startsWith(ROOT) ? sf.fileName.slice(ROOT.length) : sf.fileName;
    const layer = layerOf(rel);
    if (!layer) continue;
    const at = (node: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
        const spec = (node.moduleSpecifier as ts.StringLiteral).text;
        const target = ts.resolveModuleName(spec, sf.fileName, parsed.options, host).resolvedModule?.resolvedFileName;
        const targetRel = target?.startsWith(ROOT) ? target.slice(ROOT.length) : null;
        const targetLayer = targetRel && layerOf(targetRel);
        if (targetLayer) {
          const up = RANK[targetLayer] > RANK[layer];
          const sideways = layer === 'contract' && targetLayer !== 'contract';
          if (up || sideways) out.push(`${at(node)} ${layer} imports ${targetLayer} (${spec})`);
        } else if (layer === 'contract' && spec.startsWith('.')) {
          out.push(`${at(node)} contract imports ${spec}`);
        }
      }
      if (ts.isIdentifier(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        if (resolved?.declarations?.some(isAppsScript) && !NOT_SERVICES.has(resolved.name)) {
          if (layer === 'core' || layer === 'contract') {
            out.push(`${at(node)} ${layer} uses Apps Script: ${node.text}`);
          } else if ((layer === 'ops' || layer === 'main') && !inTypePosition(node)) {
            const call = ts.isCallExpression(node.parent) && node.parent.expression === node;
            const method =
              ts.isPropertyAccessExpression(node.parent) &&
              node.parent.name === node &&
              ts.isCallExpression(node.parent.parent) &&
              node.parent.parent.expression === node.parent;
            const onConsole = method && ts.isIdentifier(node.parent.expression) && NOT_SERVICES.has(node.parent.expression.text);
            const global = resolved.declarations.some((d) => ts.isVariableDeclaration(d) || ts.isModuleDeclaration(d));
            if ((call || method || global) && !onConsole) out.push(`${at(node)} ${layer} calls Apps Script: ${node.text}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

describe('the layers of src/', () => {
  it('keep their rules today', () => {
    expect(violations()).toEqual([]);
  });

  it('the config that checks them exists and covers src', () => {
    const config = JSON.parse(readFileSync(`${ROOT}tsconfig.src.json`, 'utf8'));
    expect(config.include).toContain('src');
  });

  // Each rule, shown to fail on a planted breach (files that exist only in this test; all planted
  // at once, each under its own name, so that the program is built once).
  const planted: [string, Record<string, string>, RegExp][] = [
    [
      'core using a service',
      { 'src/core/planted.ts': 'export const name = () => SpreadsheetApp.getActive().getName();\n' },
      /src\/core\/planted\.ts:1 core uses Apps Script: SpreadsheetApp/,
    ],
    [
      'core using a global under another name',
      { 'src/core/planted.ts': 'const s = Session;\nexport const who = () => s.getActiveUser();\n' },
      /core uses Apps Script: Session/,
    ],
    [
      'contract using a service',
      { 'src/contract/planted.ts': 'export const lock = () => LockService.getDocumentLock();\n' },
      /contract uses Apps Script: LockService/,
    ],
    [
      'core naming an Apps Script type',
      { 'src/core/planted.ts': 'export type S = GoogleAppsScript.Spreadsheet.Sheet;\n' },
      /core uses Apps Script: GoogleAppsScript/,
    ],
    [
      'ops calling a global service',
      { 'src/ops/planted.ts': 'export const f = () => Utilities.formatDate(new Date(), "UTC", "Z");\n' },
      /src\/ops\/planted\.ts:1 ops calls Apps Script: Utilities/,
    ],
    [
      'ops calling a method of a spreadsheet it holds',
      {
        'src/ops/planted.ts':
          'type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;\nexport const f = (ss: Spreadsheet) => ss.getSheetByName("x");\n',
      },
      /src\/ops\/planted\.ts:2 ops calls Apps Script: getSheetByName/,
    ],
    [
      'core importing gas',
      { 'src/core/planted.ts': "import { alert } from '../gas/ui';\nexport const f = alert;\n" },
      /core imports gas/,
    ],
    [
      'core importing ops',
      { 'src/core/planted.ts': "import type { Done } from '../ops/run';\nexport type D = Done<void>;\n" },
      /core imports ops/,
    ],
    [
      'gas importing ops',
      { 'src/gas/planted.ts': "import { errorMessage } from '../ops/run';\nexport const f = errorMessage;\n" },
      /gas imports ops/,
    ],
    [
      'contract importing core',
      { 'src/contract/planted.ts': "import { normalizeLabel } from '../core/text';\nexport const f = normalizeLabel;\n" },
      /contract imports core/,
    ],
    [
      'contract importing outside src',
      {
        'src/contract/planted.ts':
          "import { checkTemplate } from '../../sheets-templates/schema';\nexport const f = checkTemplate;\n",
      },
      /contract imports \.\.\/\.\.\/sheets-templates\/schema/,
    ],
  ];
  const renamed = planted.map(([what, overlay, expected], i) => {
    const [[path, text]] = Object.entries(overlay) as [[string, string]];
    const name = path.replace('planted', `planted${i}`);
    return { what, overlay: { [name]: text }, expected: new RegExp(expected.source.replace('planted', `planted${i}`)) };
  });
  const found = violations(Object.assign({}, ...renamed.map((r) => r.overlay)));
  it.each(renamed)('fail on $what', ({ expected }) => {
    expect(
      found.some((v) => expected.test(v)),
      found.join('\n'),
    ).toBe(true);
  });
  it('find nothing else in the planted files', () => {
    expect(found.length).toBeGreaterThanOrEqual(planted.length);
    expect(found.filter((v) => !/\/planted\d+\.ts:/.test(v))).toEqual([]);
  });
});
