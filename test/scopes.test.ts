/**
 * Least privilege (docs/maintainers.md › Quality rules): appsscript.json lists exactly the OAuth scopes the script uses.
 * - Dynamic: every entry point runs in the emulator as Apps Script starts it; the emulator refuses a
 *   call whose scope is missing (the operation then fails) and records the scopes used, which
 *   must be all the manifest lists.
 * - Static: the services the bundle names must each have a scope in the manifest, every scope must
 *   belong to a service the bundle names, and a broad scope needs a call that the narrow one does
 *   not allow.
 * Also: no secrets in the repository, and mail goes only to addresses the workbook holds.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, ScriptError } from '../emulator/index';
import { GLOBAL_SCOPES, SCOPES } from '../emulator/scopes';
import { CONFIG_SHEET, LOG, TASKS } from '../src/contract/sheets';
import { bundleGlobals, busyWorkbook, ENTRY_POINTS, REMINDER_ADDRESS } from './fuzz/entry-points';

const ROOT = new URL('..', import.meta.url);
const code = readFileSync(new URL('dist/Code.js', ROOT), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('appsscript.json', ROOT), 'utf8')) as { oauthScopes: string[] };

interface Outcome {
  emu: Emulator;
  /** Every message of every run: dialogs, thrown errors, `Nhật ký` results. */
  messages: string[];
}

/** All entry points in turn on one workbook; with `manifestScopes`, on a copy of the bundle with that manifest. */
function runEverything(manifestScopes?: string[]): Outcome {
  let bundleDir: string | undefined;
  if (manifestScopes) {
    bundleDir = mkdtempSync(`${tmpdir()}/cchc-scopes-`);
    copyFileSync(new URL('dist/Code.js', ROOT), `${bundleDir}/Code.js`);
    writeFileSync(`${bundleDir}/appsscript.json`, JSON.stringify({ ...manifest, oauthScopes: manifestScopes }));
  }
  const emu = busyWorkbook(bundleDir);
  // The emulator has read the bundle: the copy is not needed any more.
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  const messages: string[] = [];
  for (const entry of ENTRY_POINTS) {
    try {
      entry.userAction?.(emu);
      entry.start(emu);
    } catch (e) {
      if (!(e instanceof ScriptError)) throw e;
      messages.push(`${entry.fn}: ${e.message}`);
    }
  }
  messages.push(...emu.dialogs);
  const log = emu.spreadsheet.getSheetByName(LOG.name)!.getDataRange().getValues();
  messages.push(...log.slice(1).map((r) => String(r[3])));
  return { emu, messages };
}

const PERMISSION = /permission/i;

/** Scopes the manifest of that run lists and no call needed. */
const unusedScopes = ({ emu }: Outcome) => emu.manifest.oauthScopes!.filter((s) => !emu.scopesUsed.has(s));

describe('least privilege: the manifest scopes', () => {
  let real: Outcome;
  beforeAll(() => {
    real = runEverything();
  });

  it('cover every global function of the bundle', () => {
    expect(ENTRY_POINTS.map((e) => e.fn).sort()).toEqual(bundleGlobals(code));
  });

  it('are enough: no entry point is refused a call', () => {
    expect(real.messages.filter((m) => PERMISSION.test(m))).toEqual([]);
    // The run reached every service: documents in a folder, mail, a trigger made and removed.
    expect(real.emu.documentApp.documents.length).toBeGreaterThan(0);
    expect(real.emu.mail.outbox.length).toBeGreaterThan(0);
    expect(real.emu.allCalls.method('ScriptApp.newTrigger')).toBe(1);
    expect(real.emu.allCalls.method('File.moveTo')).toBeGreaterThan(0);
  });

  it('are all used: every scope the manifest lists was needed by some call', () => {
    expect(unusedScopes(real)).toEqual([]);
  });

  it('would catch an unused scope and a missing one', () => {
    const gmail = 'https://www.googleapis.com/auth/gmail.send';
    expect(unusedScopes(runEverything([...manifest.oauthScopes, gmail]))).toEqual([gmail]);
    const missing = runEverything(manifest.oauthScopes.filter((s) => s !== SCOPES.drive));
    expect(missing.messages.some((m) => m.includes(`Required permissions: ${SCOPES.drive}`))).toBe(true);
  });

  it('match the services the bundle names (static scan of dist/Code.js)', () => {
    const named = [
      ...new Set(
        [
          ...code.matchAll(
            /\b([A-Z][A-Za-z]*(?:App|Service)|Session|Utilities|Logger|Browser|XmlService|Jdbc|Maps|LanguageApp)\./g,
          ),
        ].map((m) => m[1]!),
      ),
    ];
    expect(
      named.filter((g) => !(g in GLOBAL_SCOPES)),
      'services the emulator does not model',
    ).toEqual([]);
    const possible = new Set(named.flatMap((g) => GLOBAL_SCOPES[g]!));
    expect(
      manifest.oauthScopes.filter((s) => !possible.has(s)),
      'scopes no named service can use',
    ).toEqual([]);
    for (const g of named) {
      const scopes = GLOBAL_SCOPES[g]!;
      if (scopes.length)
        expect(
          scopes.some((s) => manifest.oauthScopes.includes(s)),
          `${g} has no scope in the manifest`,
        ).toBe(true);
    }
  });

  it('are the narrow ones wherever the narrow one allows every call made', () => {
    const has = (s: string) => manifest.oauthScopes.includes(s);
    // The bound spreadsheet only: no other spreadsheet is opened or created.
    expect(has(SCOPES.spreadsheetsCurrent)).toBe(true);
    expect(has(SCOPES.spreadsheets)).toBe(/SpreadsheetApp\.(open|openById|openByUrl|create)\(/.test(code));
    // drive.readonly would do unless a file is moved, created, trashed or shared.
    expect(has(SCOPES.drive)).toBe(
      /\.(moveTo|setTrashed|createFile|createFolder|makeCopy|addEditors?|addViewers?|setSharing)\(/.test(code),
    );
    // HTML dialogs and sidebars are what script.container.ui is for; alerts and menus need no scope.
    expect(has(SCOPES.containerUi)).toBe(/\.(showModalDialog|showModelessDialog|showSidebar)\(/.test(code));
  });
});

describe('no secrets, no recipients outside the workbook', () => {
  it('keeps no keys, tokens or passwords in the repository', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('package-lock.json'));
    const SECRET =
      /-----BEGIN [A-Z ]*PRIVATE KEY-----|AIza[0-9A-Za-z_-]{35}|ya29\.[0-9A-Za-z_-]{20,}|"client_secret"\s*:|\b(password|passwd|api[_-]?key|secret)\s*[:=]\s*['"][^'"]{6,}/i;
    const hits = files.filter((f) => SECRET.test(readFileSync(new URL(f, ROOT), 'utf8')));
    expect(hits).toEqual([]);
    expect(files).not.toContain('.clasp.json'); // each maintainer's own script id stays untracked
  });

  it('hard-codes no address in the pushed code', () => {
    expect(code.match(/[\w.%+-]+@[\w-]+\.[\w.]{2,}/g) ?? []).toEqual([]);
  });

  it('sends mail only to addresses written in `Cấu hình` or `Nhiệm vụ`', () => {
    const emu = busyWorkbook();
    emu.run('dailyCheck', [], { as: 'time' });
    const cells = [CONFIG_SHEET, TASKS.name].flatMap((name) =>
      emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues().flat().map(String),
    );
    const known = new Set(
      cells
        .join(' ')
        .toLowerCase()
        .match(/[\w.%+-]+@[\w-]+\.[\w.]+/g),
    );
    const sentTo = emu.mail.outbox.flatMap((m) => [...m.to, ...m.cc, ...m.bcc]);
    expect(sentTo).toContain(REMINDER_ADDRESS);
    expect(sentTo.filter((a) => !known.has(a.toLowerCase()))).toEqual([]);
  });
});
