/** The emulator behaves as Apps Script does, errors included: a kinder fake would hide bugs. */
import { describe, expect, it } from 'vitest';
import { Emulator, ScriptError } from '../emulator/index';
import type { ServiceObject } from '../emulator/realm';
import { surfaceOf } from '../emulator/surface';
import { scratchBundles } from './support/scratch-bundle';

const bundle = scratchBundles();

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

/** Every method a host object's class chain defines (the script must see only Apps Script's). */
function hostMethods(obj: ServiceObject): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    for (const k of Object.getOwnPropertyNames(p))
      if (k !== 'constructor' && typeof obj[k as keyof typeof obj] === 'function') names.add(k);
  return [...names];
}

describe("the script sees only Apps Script's members", () => {
  const source = `
    function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S'); }
    function objects() {
      var body = DocumentApp.create('d').getBody();
      var table = body.appendTable([['a']]);
      return { Sheet: sheet(), Range: sheet().getRange(1, 1), Spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
        Body: body, Paragraph: body.getParagraphs()[0], Table: table, TableCell: table.getCell(0, 0),
        DriveApp: DriveApp, EmbeddedChartBuilder: sheet().newChart() };
    }
    function types(names) {
      var all = objects(), out = {};
      for (var kind in names) out[kind] = names[kind].map(function (n) { return typeof all[kind][n] + (n in all[kind] ? ' in' : ''); });
      return out;
    }
    function callHelper(expression) {
      var s = sheet(), r = s.getRange(1, 1), d = DriveApp;
      try {
        if (expression === 's.cell') s.cell(1, 1);
        if (expression === 's.setCell') s.setCell(1, 1, 'values', 'x');
        if (expression === 's.load') s.load([['x']]);
        if (expression === 's.putChip') s.putChip(1, 1, { kind: 'file', title: 't', url: 'u' });
        if (expression === 's.valueAt') s.valueAt(1, 1);
        if (expression === 'r.read') r.read();
        if (expression === 'd.addFolder') d.addFolder('x');
        return 'no error';
      } catch (e) {
        return (e instanceof TypeError ? 'TypeError' : e.name) + ': ' + e.message;
      }
    }
    function tamper() {
      var s = sheet();
      s.name = 'Renamed';
      return [s.getName(), Object.keys(s).length, String(s), Object.getPrototypeOf(s) === Object.prototype];
    }
    function chartTitle() { return typeof sheet().newChart().setTitle + ' ' + typeof sheet().newChart().asBarChart().setTitle; }`;

  it.each(['s.cell', 's.setCell', 's.load', 's.putChip', 's.valueAt', 'r.read', 'd.addFolder'])(
    'calling the host-only helper %s throws "TypeError: … is not a function" and counts no call',
    (expression) => {
      const emu = emulatorFor(source);
      const exec = emu.run('callHelper', [expression]);
      expect(exec.value).toBe(`TypeError: ${expression} is not a function`);
      const method = expression.replace(/^s\./, 'Sheet.').replace(/^r\./, 'Range.').replace(/^d\./, 'DriveApp.');
      expect(exec.calls.method(method)).toBe(0);
    },
  );

  it("every host method is either on the kind's Apps Script list (a function there) or absent", () => {
    const emu = emulatorFor(source);
    const hosts = emu.run<Record<string, ServiceObject>>('objects').value;
    const names = Object.fromEntries(Object.entries(hosts).map(([kind, obj]) => [kind, hostMethods(obj)]));
    const seen = emu.run<Record<string, string[]>>('types', [names]).value;
    // Not vacuous: these models do carry host-side helpers.
    for (const kind of ['Sheet', 'Range', 'Body', 'Table', 'DriveApp'])
      expect(
        names[kind]!.filter((n) => !surfaceOf(kind).has(n)),
        kind,
      ).not.toEqual([]);
    for (const [kind, list] of Object.entries(names)) {
      const surface = surfaceOf(kind);
      list.forEach((n, i) =>
        expect(`${kind}.${n}: ${seen[kind]![i]}`).toBe(`${kind}.${n}: ${surface.has(n) ? 'function in' : 'undefined'}`),
      );
    }
  });

  it('host code keeps the full API', () => {
    const emu = emulatorFor(source);
    const sheet = emu.spreadsheet.getSheetByName('S')!;
    sheet.setCell(1, 1, 'values', 'x');
    expect(sheet.valueAt(1, 1)).toBe('x');
  });

  it("the script cannot change a model's fields or reach its prototype; objects print as their class", () => {
    const emu = emulatorFor(source);
    expect(emu.run('tamper').value).toEqual(['S', 0, 'Sheet', true]);
    expect(emu.spreadsheet.getSheetByName('S')).toBeDefined();
  });

  it('setTitle is on the bar chart builder that asBarChart() returns, not on newChart()', () => {
    expect(emulatorFor(source).run('chartTitle').value).toBe('undefined function');
  });

  it('an object kind without a list is an emulator bug, reported on the host', () => {
    // SlidesApp is an Apps Script service the emulator does not model.
    expect(() => surfaceOf('SlidesApp')).toThrow(/lists no members for SlidesApp/);
  });
});
