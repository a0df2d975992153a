/** The emulator behaves as Apps Script does, errors included: a kinder fake would hide bugs. */
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Emulator, ScriptError } from '../emulator/index';

/** A throwaway bundle: plain Apps Script source plus the project's manifest. */
function bundle(source: string, manifest?: object): string {
  const dir = mkdtempSync(`${tmpdir()}/gas-`);
  writeFileSync(`${dir}/Code.js`, source);
  if (manifest) writeFileSync(`${dir}/appsscript.json`, JSON.stringify(manifest));
  else copyFileSync(new URL('../appsscript.json', import.meta.url), `${dir}/appsscript.json`);
  return dir;
}

function emulatorFor(source: string, manifest?: object): Emulator {
  const emu = new Emulator({ bundleDir: bundle(source, manifest) });
  emu.spreadsheet.insertSheet('S');
  return emu;
}

describe('emulator', () => {
  it("rejects setValues whose size differs from the range, with Apps Script's message", () => {
    const emu = emulatorFor(
      `function f() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange(1, 1, 2, 2).setValues([[1, 2]]); }`,
    );
    expect(() => emu.run('f')).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('rejects a range of zero rows', () => {
    const emu = emulatorFor(`function f() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange(2, 1, 0, 1); }`);
    expect(() => emu.run('f')).toThrow('The number of rows in the range must be at least 1.');
  });

  it('refuses getUi() in a time-driven run but allows it from a menu', () => {
    const emu = emulatorFor(`function f() { SpreadsheetApp.getUi().alert('Xin chào'); }`);
    expect(() => emu.run('f', [], { as: 'time' })).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    emu.run('f', [], { as: 'menu' });
    expect(emu.dialogs).toEqual(['Xin chào']);
  });

  it('gives a simple trigger no active user', () => {
    const emu = emulatorFor(`function onOpen() { return Session.getActiveUser().getEmail(); }`);
    expect(emu.run('onOpen', [], { as: 'simple' }).value).toBe('');
    expect(emu.run('onOpen', [], { as: 'menu' }).value).toBe(emu.user);
  });

  it('refuses a call whose OAuth scope the manifest does not list', () => {
    const emu = emulatorFor(`function f() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }`, {
      timeZone: 'Asia/Ho_Chi_Minh',
      oauthScopes: ['https://www.googleapis.com/auth/script.container.ui'],
    });
    expect(() => emu.run('f')).toThrow(/Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet/);
  });

  it('times out a lock held elsewhere: tryLock false after the wait, waitLock throws', () => {
    const emu = emulatorFor(`
      function tryIt() { return LockService.getDocumentLock().tryLock(30000); }
      function waitIt() { LockService.getDocumentLock().waitLock(1000); }`);
    emu.locks.heldElsewhereFor = 60_000;
    const t0 = emu.now;
    expect(emu.run('tryIt').value).toBe(false);
    expect(emu.now - t0).toBe(30_000);
    expect(() => emu.run('waitIt')).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  it('gives the script its own realm: Dates, Arrays and Errors pass instanceof, and no Node globals', () => {
    const emu = emulatorFor(`
      function f() {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S');
        sheet.getRange(1, 1).setValue(new Date(2023, 0, 5));
        const v = sheet.getRange(1, 1).getValues();
        let err; try { sheet.getRange(0, 1); } catch (e) { err = e; }
        return [v[0][0] instanceof Date, Array.isArray(v) && v instanceof Array, err instanceof Error,
          typeof require, typeof process, typeof setTimeout, typeof Buffer];
      }`);
    expect(emu.run('f').value).toEqual([true, true, true, 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it("runs each call as a fresh execution whose clock is the emulator's", () => {
    const emu = emulatorFor(`var counter = 0; function f() { counter++; return [counter, new Date().getTime(), Date.now()]; }`);
    emu.setToday('2023-02-25', 7);
    expect(emu.run('f').value).toEqual([1, Date.parse('2023-02-25T07:00:00+07:00'), Date.parse('2023-02-25T07:00:00+07:00')]);
    expect((emu.run('f').value as number[])[0]).toBe(1);
  });

  it('counts calls per method and per service', () => {
    const emu = emulatorFor(
      `function f() { const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S'); s.getRange(1,1).getValue(); s.getRange(1,2).getValue(); }`,
    );
    const { calls } = emu.run('f');
    expect(calls.method('Range.getValue')).toBe(2);
    expect(calls.method('Sheet.getRange')).toBe(2);
    expect(calls.count('spreadsheet')).toBe(6);
  });

  it('stores text typed like a formula as a formula, and apostrophe-prefixed text as text', () => {
    const emu = emulatorFor(
      `function f() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange(1, 1, 1, 3).setValues([['=1+1', "'=1+1", '50%']]); }`,
    );
    emu.run('f');
    const sheet = emu.spreadsheet.getSheetByName('S')!;
    expect(sheet.cell(1, 1).formula).toBe('=1+1');
    expect(sheet.cell(1, 2)).toMatchObject({ value: '=1+1', formula: '' });
    expect(sheet.cell(1, 3)).toMatchObject({ value: 0.5, format: '0%' });
  });

  it('reports a script exception as a ScriptError carrying the calls made', () => {
    const emu = emulatorFor(`function f() { SpreadsheetApp.getActiveSpreadsheet(); throw new Error('hỏng'); }`);
    try {
      emu.run('f');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScriptError);
      expect((e as ScriptError).execution.calls.method('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    }
  });
});
