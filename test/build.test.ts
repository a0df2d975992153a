/** What `clasp push` sends: dist/ as Apps Script loads it (SPEC §4, §7). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const code = readFileSync(new URL('Code.js', dist), 'utf8');

const GLOBALS = [
  'onOpen',
  'onEdit',
  'setupWorkbook',
  'loadSamplePlan',
  'startNewYear',
  'refreshStatuses',
  'validateData',
  'importPlan',
  'confirmImport',
  'reportQ1',
  'reportH1',
  'reportQ3',
  'reportYear',
  'reportNextDue',
  'installTriggers',
  'removeTriggers',
  'generateReport',
  'checkInstallation',
  'dailyCheck',
];

describe('the pushed bundle', () => {
  it('holds exactly Code.js and the manifest', () => {
    expect(readdirSync(dist).sort()).toEqual(['Code.js', 'appsscript.json']);
  });

  it('declares every global function of SPEC §4 at top level', () => {
    for (const name of GLOBALS) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('uses no Node or browser API and no module syntax', () => {
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\.|\bsetTimeout\(|\bwindow\.|\bdocument\./);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('loads in a context with only ECMAScript built-ins, calling no service at load time', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of GLOBALS) expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
  });

  it('has a V8 manifest in Asia/Ho_Chi_Minh with explicit scopes and Stackdriver logging', () => {
    const manifest = JSON.parse(readFileSync(new URL('appsscript.json', dist), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Ho_Chi_Minh', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
  });
});

describe('the architecture', () => {
  it('keeps src/core free of Apps Script globals', () => {
    const dir = new URL('../src/core/', import.meta.url);
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(text, f).not.toMatch(
        /\b(SpreadsheetApp|DocumentApp|DriveApp|MailApp|ScriptApp|PropertiesService|LockService|Session|Utilities|HtmlService)\./,
      );
    }
  });
});

describe('the type check of src/ (tsconfig.src.json)', () => {
  /** Diagnostics of a snippet compiled with the options src/ is checked with. */
  function diagnose(snippet: string): string[] {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const parsed = ts.getParsedCommandLineOfConfigFile(
      `${root}tsconfig.src.json`,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    );
    if (!parsed) throw new Error('tsconfig.src.json unreadable');
    const name = `${root}src/core/snippet.ts`;
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (file, lang, ...rest) =>
      file === name ? ts.createSourceFile(file, snippet, lang) : getSourceFile(file, lang, ...rest);
    const program = ts.createProgram([name], parsed.options, host);
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === name)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('rejects built-ins newer than ES2019, which Apps Script may lack', () => {
    expect(diagnose('export const last = [1, 2].at(-1);\n').join('\n')).toMatch(/Property 'at' does not exist/);
    expect(diagnose("export const s = 'a-b'.replaceAll('-', '');\n").join('\n')).toMatch(/replaceAll/);
  });

  it('reads an index as possibly absent', () => {
    expect(diagnose('export const f = (xs: number[]): number => xs[0];\n').join('\n')).toMatch(/undefined/);
  });

  it('accepts the same code written for ES2019', () => {
    expect(diagnose('export const f = (xs: number[]): number | undefined => xs[xs.length - 1];\n')).toEqual([]);
  });
});
