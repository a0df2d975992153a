/**
 * Apps Script's limits and rules that the emulator models, each pinned on a throwaway script (no
 * product code): docs/apps-script-fidelity.md lists them with their sources.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import { CELL_TOO_LONG, MAX_CELL_CHARS } from '../emulator/entry';
import { type EmulatorOptions, Emulator, MAX_SIMPLE_TRIGGER_MS, ScriptError } from '../emulator/index';
import { DOCUMENT_TOO_LARGE, DocumentAppModel, MAX_DOCUMENT_CHARS } from '../emulator/services/document';
import { DriveAppModel } from '../emulator/services/drive';
import { fileChip, personChip } from '../emulator/services/spreadsheet';
import { scratchBundles } from './support/scratch-bundle';

const bundle = scratchBundles();

function emulatorFor(source: string, options: EmulatorOptions = {}): Emulator {
  const emu = new Emulator({ bundleDir: bundle(source), ...options });
  emu.spreadsheet.insertSheet('S');
  return emu;
}

const SHEET = `function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S'); }`;

describe('a cell holds at most 50,000 characters', () => {
  const emu = emulatorFor(`${SHEET}
    function write(how, n) {
      var s = new Array(n + 1).join('x'), r = sheet().getRange(1, 1);
      if (how === 'setValue') r.setValue(s);
      if (how === 'setValues') sheet().getRange(1, 1, 1, 2).setValues([['kept?', s]]);
      if (how === 'appendRow') sheet().appendRow([s]);
      if (how === 'setNote') r.setNote(s);
      if (how === 'setNotes') r.setNotes([[s]]);
      if (how === 'setFormula') r.setFormula('="' + s.slice(3) + '"');
    }`);
  for (const how of ['setValue', 'setValues', 'appendRow', 'setNote', 'setNotes', 'setFormula']) {
    it(`${how}: ${MAX_CELL_CHARS} characters go in, one more throws as Sheets does`, () => {
      emu.run('write', [how, MAX_CELL_CHARS]);
      expect(() => emu.run('write', [how, MAX_CELL_CHARS + 1])).toThrow(CELL_TOO_LONG);
    });
  }
  it('a setValues that fails writes no cell of the range', () => {
    emu.spreadsheet.getSheetByName('S')!.getRange(1, 1).setValue('before');
    expect(() => emu.run('write', ['setValues', MAX_CELL_CHARS + 1])).toThrow(CELL_TOO_LONG);
    expect(emu.spreadsheet.getSheetByName('S')!.getRange(1, 1).getValue()).toBe('before');
  });
});

describe('a Google Doc holds at most 1,000,000 characters (stricter than Docs’ ~1.02 million)', () => {
  const emu = emulatorFor(`
    function grow(chunks, size) {
      var body = DocumentApp.create('d').getBody(), s = new Array(size + 1).join('y');
      for (var i = 0; i < chunks; i++) body.appendParagraph(s);
      return body.getText().length;
    }
    function growText(size) {
      var p = DocumentApp.create('d').getBody().appendParagraph('');
      p.appendText(new Array(size + 1).join('y'));
    }`);
  it('appendParagraph up to the limit works; past it throws', () => {
    // Each paragraph adds its text and one paragraph break.
    expect(emu.run('grow', [10, 99_998]).value).toBe(10 * 99_999);
    expect(() => emu.run('grow', [11, 99_998])).toThrow(DOCUMENT_TOO_LARGE);
  });
  it('appendText past the limit throws', () => {
    expect(() => emu.run('growText', [MAX_DOCUMENT_CHARS + 1])).toThrow(DOCUMENT_TOO_LARGE);
  });

  // The check keeps a running count instead of re-reading the body on each edit.
  const edit = fc.oneof(
    fc.record({ op: fc.constant('append' as const), text: fc.string({ maxLength: 8 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
    fc.record({
      op: fc.constant('table' as const),
      cells: fc.array(fc.array(fc.string({ maxLength: 4 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ op: fc.constant('cell' as const), text: fc.string({ maxLength: 8 }) }),
    fc.record({ op: fc.constant('setText' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
    fc.record({ op: fc.constant('appendText' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
    fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
    fc.constant({ op: 'clear' as const }),
  );
  it('the counted length is the body text’s length after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const body = new DocumentAppModel(new DriveAppModel()).create('d').getBody();
        for (const e of edits) {
          const paras = body.getParagraphs();
          const para = 'at' in e ? paras[e.at % paras.length]! : undefined;
          if (e.op === 'append') body.appendParagraph(e.text);
          if (e.op === 'insert') body.insertParagraph(e.at % (body.getNumChildren() + 1), e.text);
          if (e.op === 'table') body.appendTable(e.cells);
          if (e.op === 'cell') body.getTables().at(-1)?.getCell(0, 1).appendParagraph(e.text);
          if (e.op === 'setText') para!.setText(e.text);
          if (e.op === 'appendText') para!.appendText(e.text);
          // The last paragraph of a body or cell cannot go: a refused removal keeps the count too.
          if (e.op === 'remove') {
            try {
              para!.removeFromParent();
            } catch (err) {
              expect(String(err)).toMatch(/Can't remove the last paragraph/);
            }
          }
          if (e.op === 'clear') body.clear();
          expect(body.countedChars()).toBe(body.getText().length);
        }
      }),
    );
  });
});

describe('run time: a simple trigger stops after 30 seconds, other executions after 6 minutes', () => {
  const emu = emulatorFor(`${SHEET} function onOpen() { for (var i = 0; i < 40; i++) sheet().getRange(1, 1).getValue(); }`);
  emu.callCostMs.spreadsheet = 1000;
  it('40 one-second calls kill a simple trigger but not a menu run', () => {
    expect(MAX_SIMPLE_TRIGGER_MS).toBe(30_000);
    expect(() => emu.run('onOpen', [], { as: 'simple' })).toThrow('Exceeded maximum execution time');
    expect(() => emu.run('onOpen', [], { as: 'menu' })).not.toThrow();
  });
});

describe("the spreadsheet's locale and time zone", () => {
  const source = `function locale() { var ss = SpreadsheetApp.getActive(); return [ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]; }
    function setLocale(l) { SpreadsheetApp.getActive().setSpreadsheetLocale(l); }
    function setZone(z) { SpreadsheetApp.getActive().setSpreadsheetTimeZone(z); }
    function newSheet() { return SpreadsheetApp.getActive().insertSheet().getName(); }`;
  it('a new spreadsheet is en_US in the manifest zone; both can be set; bad values throw', () => {
    const emu = emulatorFor(source);
    expect(emu.run('locale').value).toEqual(['en_US', 'Asia/Ho_Chi_Minh']);
    emu.run('setLocale', ['vi_VN']);
    emu.run('setZone', ['Europe/Paris']);
    expect(emu.run('locale').value).toEqual(['vi_VN', 'Europe/Paris']);
    expect(() => emu.run('setZone', ['Mars/Olympus'])).toThrow('Invalid argument: timeZone');
    expect(() => emu.run('setLocale', ['xx'])).toThrow('Invalid argument: locale');
  });
  it("a new sheet is named in the locale's words", () => {
    expect(emulatorFor(source).run('newSheet').value).toBe('Sheet2');
    expect(emulatorFor(source, { locale: 'vi_VN' }).run('newSheet').value).toBe('Trang tính2');
  });
  it('typed 05/02/2023 is 2 May in en_US and 5 February in vi_VN; the decimal separator follows the locale', () => {
    const typed = (locale: string, text: string) => {
      const emu = emulatorFor(source, { locale });
      userEdit(emu, 'S', 'A1', text, { trigger: false });
      return emu.spreadsheet.getSheetByName('S')!.cell(1, 1).value;
    };
    expect(typed('en_US', '05/02/2023')).toEqual(new Date('2023-05-02T00:00:00+07:00'));
    expect(typed('vi_VN', '05/02/2023')).toEqual(new Date('2023-02-05T00:00:00+07:00'));
    expect(typed('vi_VN', '2023-02-05')).toEqual(new Date('2023-02-05T00:00:00+07:00'));
    expect(typed('vi_VN', '31/02/2023')).toBe('31/02/2023');
    expect(typed('vi_VN', '12,5')).toBe(12.5);
    expect(typed('vi_VN', '12.5')).toBe('12.5');
    expect(typed('en_US', '12.5')).toBe(12.5);
    expect(typed('en_US', '12,5')).toBe('12,5');
  });
  it('every valid day typed in the locale order reads back as that day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const emu = emulatorFor(source, { locale: 'vi_VN' });
        userEdit(emu, 'S', 'A1', `${day}/${m}/${y}`, { trigger: false });
        const v = emu.spreadsheet.getSheetByName('S')!.cell(1, 1).value as Date;
        const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(v);
        expect(ymd).toBe(`${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }),
      { numRuns: 30 },
    );
  });
});

describe('smart chips', () => {
  it("a person or file chip reads as its title; the rich text value's link is mailto: or the file's URL", () => {
    const emu = emulatorFor(`${SHEET}
      function read() { var r = sheet().getRange(1, 1, 1, 3); return [r.getValues()[0], r.getDisplayValues()[0],
        r.getRichTextValues()[0].map(function (t) { return t && t.getLinkUrl(); })]; }
      function overwrite() { sheet().getRange(1, 1).setValue('plain'); return sheet().getRange(1, 1).getRichTextValue().getLinkUrl(); }`);
    const sheet = emu.spreadsheet.getSheetByName('S')!;
    sheet.putChip(1, 1, personChip('an@example.com', 'Nguyễn Văn An'));
    sheet.putChip(1, 2, fileChip('Báo cáo quý', 'https://docs.google.com/document/d/abc/edit'));
    sheet.putChip(1, 3, personChip('binh@example.com'));
    expect(emu.run('read').value).toEqual([
      ['Nguyễn Văn An', 'Báo cáo quý', 'binh@example.com'],
      ['Nguyễn Văn An', 'Báo cáo quý', 'binh@example.com'],
      ['mailto:an@example.com', 'https://docs.google.com/document/d/abc/edit', 'mailto:binh@example.com'],
    ]);
    expect(emu.run('overwrite').value).toBeNull();
  });
});

describe('a script outside its container', () => {
  it('getDocumentLock() and getActiveSpreadsheet() return null when the script is not bound', () => {
    const emu =
      emulatorFor(`function f() { return [LockService.getDocumentLock() === null, SpreadsheetApp.getActiveSpreadsheet() === null,
      LockService.getScriptLock() === null]; }`);
    expect(emu.run('f', [], { bound: false }).value).toEqual([true, true, false]);
    expect(emu.run('f').value).toEqual([false, false, false]);
  });
});

describe('transient faults at a chosen service call', () => {
  const source = `${SHEET}
    function work() { var r = sheet().getRange(1, 1); r.setValue(1); var d = DocumentApp.create('x');
      d.getBody().appendParagraph('p'); MailApp.sendEmail('a@example.com', 's', 'b'); return r.getValue(); }`;
  it("throws Apps Script's messages", () => {
    const emu = emulatorFor(source);
    const total = emu.run('work').calls.total();
    expect(total).toBe(9);
    const cases: [number, 'failed' | 'unavailable' | 'quota' | 'email-quota', string][] = [
      [3, 'failed', `Service Spreadsheets failed while accessing document with id ${emu.spreadsheet.id}.`],
      [6, 'unavailable', 'Service unavailable: Documents'],
      [5, 'quota', 'Service invoked too many times for one day: docs create.'],
      [8, 'email-quota', 'Service invoked too many times for one day: email.'],
    ];
    for (const [at, kind, message] of cases) {
      emu.faults.failAt(at, kind);
      expect(() => emu.run('work')).toThrow(message);
    }
  });
  it('any call index can fail, and the execution stops right there', () => {
    const emu = emulatorFor(source);
    const total = emu.run('work').calls.total();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: total }), (at) => {
        emu.faults.failAt(at, 'unavailable');
        try {
          emu.run('work');
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(ScriptError);
          expect((e as ScriptError).message).toMatch(/^Service unavailable: /);
          expect((e as ScriptError).execution.calls.total()).toBe(at);
        }
        // The fault is spent: the next run succeeds.
        expect(emu.run('work').calls.total()).toBe(total);
      }),
      { numRuns: 20 },
    );
  });
  it('a predicate fails every matching call until cleared', () => {
    const emu = emulatorFor(source);
    emu.faults.when((call) => (call.method === 'MailApp.sendEmail' ? 'email-quota' : null));
    expect(() => emu.run('work')).toThrow('Service invoked too many times for one day: email.');
    expect(() => emu.run('work')).toThrow('Service invoked too many times for one day: email.');
    emu.faults.clear();
    expect(emu.run('work').value).toBe(1);
  });
});

describe('stricter conversions and shapes', () => {
  const emu = emulatorFor(`${SHEET}
    function jagged() { sheet().getRange(1, 1, 2, 2).setValues([[1, 2], [3]]); }
    function fn() { sheet().getRange(1, 1).setValue(function () {}); }
    function badDate() { sheet().getRange(1, 1).setValue(new Date(NaN)); }
    function kinds() { var r = sheet().getRange(1, 1, 1, 5); r.setValues([[null, true, 3.5, new Date(0), "'007"]]); return r.getValues()[0]; }`);
  it('a jagged array, a function and an invalid Date are refused', () => {
    expect(() => emu.run('jagged')).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => emu.run('fn')).toThrow(/don't match the method signature for SpreadsheetApp.Range.setValue/);
    expect(() => emu.run('badDate')).toThrow('Invalid argument: Invalid Date');
  });
  it('null becomes an empty cell, booleans, numbers and Dates stay, an apostrophe keeps text', () => {
    expect(emu.run('kinds').value).toEqual(['', true, 3.5, new Date(0), '007']);
  });
});

describe('URL fetch: 20,000 calls a day per user', () => {
  it('the call past the daily quota throws; the next day fetches again', () => {
    const emu = emulatorFor(`
      function get() {
        var token = ScriptApp.getOAuthToken();
        var url = 'https://sheets.googleapis.com/v4/spreadsheets/' + SpreadsheetApp.getActiveSpreadsheet().getId();
        return UrlFetchApp.fetch(url, { headers: { Authorization: 'Bearer ' + token }, muteHttpExceptions: true }).getResponseCode();
      }`);
    const manifest = JSON.parse(readFileSync(new URL('../appsscript.json', import.meta.url), 'utf8'));
    manifest.oauthScopes.push(
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets',
    );
    Object.assign(emu.manifest, manifest);
    // Spend the day's quota on the host side, as if 20,000 fetches had run earlier today.
    for (let i = 0; i < 20_000; i++) emu.remote.countFetch(emu.user, emu.now);
    expect(() => emu.run('get')).toThrow('Service invoked too many times for one day: urlfetch.');
    emu.advanceDays(1);
    // The request goes out again (this throwaway spreadsheet is not in the emulated Drive: 404).
    expect(emu.run('get').value).toBe(404);
  });
});
