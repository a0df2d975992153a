/**
 * Bundles src/ into dist/ exactly as `clasp push` sends it: one plain script (no module syntax)
 * whose exported entry points become top-level function declarations, plus the manifest.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { SHEET_LAYOUTS } from '../src/contract/layout';
import { checkLayouts, checkTemplate } from '../sheets-templates/schema';
import { INDICATORS, PERIODS, TASKS } from '../src/contract/sheets';

export const GLOBAL_NAME = 'CCHC';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const bundlePath = `${dist}/Code.js`;

/** Things Apps Script does not have; any of them in the bundle is a build error. */
const FORBIDDEN: [RegExp, string][] = [
  [/\brequire\(/, 'require('],
  [/\bprocess\./, 'process.'],
  [/\bBuffer\./, 'Buffer.'],
  [/\bsetTimeout\(/, 'setTimeout('],
  [/^\s*(import|export)\s/m, 'module syntax'],
];

/** Exported functions of the bundle, found by running it in an empty context. */
function entryPoints(code: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(code, context);
  const api = (context as Record<string, Record<string, unknown>>)[GLOBAL_NAME]!;
  return Object.keys(api)
    .filter((k) => typeof api[k] === 'function')
    .sort();
}

export async function buildBundle(): Promise<{ bytes: number; entryPoints: string[] }> {
  // The template is bundled as data: a bad row or layout fails the build, not a user's setup.
  checkTemplate(JSON.parse(readFileSync(`${root}sheets-templates/tu-xuyen-2023.json`, 'utf8')));
  checkLayouts(SHEET_LAYOUTS, [TASKS, INDICATORS, PERIODS]);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const result = await build({
    entryPoints: [`${root}src/main.ts`],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
    minifySyntax: true,
    // checkInstallation shows the version (docs/SPEC.md §9).
    define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version) },
    write: false,
  });
  const body = result.outputFiles[0]!.text;
  const names = entryPoints(body);
  const footer = names.map((n) => `function ${n}(...args) { return ${GLOBAL_NAME}.${n}(...args); }`).join('\n');
  const code = `${body}\n// Apps Script calls only top-level function declarations.\n${footer}\n`;
  for (const [re, what] of FORBIDDEN) {
    if (re.test(code)) throw new Error(`dist/Code.js contains ${what}, which Apps Script does not have`);
  }
  writeFileSync(bundlePath, code);
  copyFileSync(`${root}appsscript.json`, `${dist}/appsscript.json`);
  return { bytes: Buffer.byteLength(code), entryPoints: names };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { bytes, entryPoints: names } = await buildBundle();
  console.log(`dist/Code.js: ${bytes} bytes, ${names.length} entry points (${names.join(', ')})`);
}
