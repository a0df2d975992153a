/**
 * Throwaway Apps Script projects for emulator tests: plain source plus a manifest (the project's
 * own unless one is given), in one temporary folder per test file that is removed when the file's
 * tests end, so `npm test` leaves nothing behind.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';

export type ScratchBundle = (source: string, manifest?: object) => string;

/** Call once at a test file's top level; the returned function writes one bundle folder per call. */
export function scratchBundles(): ScratchBundle {
  const root = mkdtempSync(`${tmpdir()}/gas-`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return (source, manifest) => {
    const dir = mkdtempSync(`${root}/bundle-`);
    writeFileSync(`${dir}/Code.js`, source);
    if (manifest) writeFileSync(`${dir}/appsscript.json`, JSON.stringify(manifest));
    else copyFileSync(new URL('../../appsscript.json', import.meta.url), `${dir}/appsscript.json`);
    return dir;
  };
}
