/**
 * Bundles src/ into two Apps Script projects exactly as `clasp push` sends them: one plain script
 * (no module syntax) whose exported entry points become top-level function declarations, plus the
 * manifest. The commune script goes to dist/ (`.clasp.json`), the province hub (docs/SPEC.md §10)
 * to dist-hub/ (`.clasp-hub.json`): clasp pushes every file under its rootDir, so the hub's
 * bundle lives beside dist/, never inside it, and each project receives only its own code and
 * its own manifest (only the hub may open other spreadsheets).
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { HISTORY_LAYOUT, SHEET_LAYOUTS } from '../src/contract/layout';
import { checkLayouts, checkTemplate } from '../sheets-templates/schema';
import { HISTORY, INDICATORS, PERIODS, TASKS } from '../src/contract/sheets';

export const GLOBAL_NAME = 'CCHC';
const root = fileURLToPath(new URL('..', import.meta.url));

interface Product {
  name: string;
  entry: string;
  /** Output folder: the rootDir of the product's clasp project file. */
  dir: string;
  manifest: string;
}

const PRODUCTS = {
  commune: { name: 'commune', entry: `${root}src/main.ts`, dir: `${root}dist`, manifest: `${root}appsscript.json` },
  hub: { name: 'hub', entry: `${root}src/hub-main.ts`, dir: `${root}dist-hub`, manifest: `${root}appsscript.hub.json` },
} as const satisfies Record<string, Product>;

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

/** Builds one product into its folder (emptied first). */
async function buildProduct(product: Product): Promise<{ bytes: number; entryPoints: string[] }> {
  const dist = product.dir;
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const result = await build({
    entryPoints: [product.entry],
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
    if (re.test(code)) throw new Error(`${product.name} Code.js contains ${what}, which Apps Script does not have`);
  }
  writeFileSync(`${dist}/Code.js`, code);
  copyFileSync(product.manifest, `${dist}/appsscript.json`);
  return { bytes: Buffer.byteLength(code), entryPoints: names };
}

type Built = Awaited<ReturnType<typeof buildProduct>>;

/** Both products. */
export async function buildAll(): Promise<Record<keyof typeof PRODUCTS, Built>> {
  // The template is bundled as data: a bad row or layout fails the build, not a user's setup.
  checkTemplate(JSON.parse(readFileSync(`${root}src/sample/tu-xuyen-2023.json`, 'utf8')));
  checkLayouts([...SHEET_LAYOUTS, HISTORY_LAYOUT], [TASKS, INDICATORS, PERIODS, HISTORY]);
  return { commune: await buildProduct(PRODUCTS.commune), hub: await buildProduct(PRODUCTS.hub) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildAll();
  for (const [name, { bytes, entryPoints: names }] of Object.entries(built)) {
    const dir = PRODUCTS[name as keyof typeof PRODUCTS].dir.slice(root.length);
    console.log(`${dir}/Code.js: ${bytes} bytes, ${names.length} entry points (${names.join(', ')})`);
  }
}
