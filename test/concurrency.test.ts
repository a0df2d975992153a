/**
 * Two operations at once (docs/SPEC.md §1, docs/maintainers.md › Quality rules). Every writing entry point takes the document lock first; when
 * another execution holds it past the wait, the operation writes nothing at all (sheets, `Nhật ký`,
 * documents, Drive, mail, triggers, properties) and says so in Vietnamese: a dialog from the menu,
 * a toast from onEdit, the thrown message from generateReport and from dailyCheck (Apps Script
 * mails a failed trigger run's message to the trigger's owner; the next run catches up, since
 * reminders are recorded only when sent). With `emu.locks.meanwhile` a second execution starts
 * while the first holds the lock, as when a user clicks a menu item during the daily run.
 */
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import { type Emulator, ScriptError } from '../emulator/index';
import { columnLetters } from '../emulator/services/spreadsheet';
import { TASKS } from '../src/contract/sheets';
import { EDIT_CONTEXT_KEY } from '../src/gas/edit-context';
import { EDIT_LOCK_WAIT_MS } from '../src/ops/edit';
import { busyWorkbook, ENTRY_POINTS } from './fuzz/entry-points';
import { vietnameseProblems } from './fuzz/vietnamese';
import { workbookState } from './fuzz/workbook';

/**
 * Everything an operation can change, for "nothing was written" comparisons. onEdit's cache of
 * settings (a document property) is left out: it is derived from `Cấu hình`, written before the
 * lock is asked for, and racing runs write the same value.
 */
function everything(emu: Emulator) {
  const { [EDIT_CONTEXT_KEY]: _cache, ...documentProperties } = emu.properties.document.getProperties();
  return JSON.stringify({
    sheets: workbookState(emu),
    documents: emu.documentApp.documents.map((d) => d.id),
    files: emu.driveApp.files.map((f) => [f.id, f.name, f.parent?.id, f.trashed]),
    mail: emu.mail.outbox,
    triggers: emu.triggers.all.map((t) => t.spec),
    properties: [documentProperties, emu.properties.script.getProperties(), emu.properties.user.getProperties()],
  });
}

/** What the user was told by one start of an entry point: new dialogs and toasts, or what it threw. */
function told(emu: Emulator, start: () => void): string[] {
  const dialogs = emu.ui.dialogs.length;
  const toasts = emu.spreadsheet.toasts.length;
  const out: string[] = [];
  try {
    start();
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    out.push(e.message);
  }
  return [...out, ...emu.dialogs.slice(dialogs), ...emu.spreadsheet.toasts.slice(toasts)];
}

const BUSY = /đang ghi vào bảng tính và chưa xong sau (\d+) giây\. Chưa có gì được ghi; vui lòng thử lại/;
const WRITERS = ENTRY_POINTS.filter((e) => e.fn !== 'onOpen');

function taskCell(emu: Emulator, header: string, row: number): string {
  const values = emu.spreadsheet.getSheetByName(TASKS.name)!.getDataRange().getValues();
  return `${columnLetters(values[0]!.indexOf(header) + 1)}${row}`;
}

describe('an operation that cannot take the document lock', () => {
  it.each(WRITERS.map((e) => [e.fn, e] as const))('%s writes nothing and says to try again', (_fn, entry) => {
    const emu = busyWorkbook();
    entry.userAction?.(emu);
    emu.locks.heldElsewhereFor = 45_000;
    const before = everything(emu);
    const start = emu.now;
    const messages = told(emu, () => entry.start(emu));

    expect(everything(emu)).toBe(before);
    expect(messages).toHaveLength(1);
    const [message] = messages as [string];
    expect(message).toMatch(BUSY);
    expect(vietnameseProblems(message)).toEqual([]);
    // One wait, as long as the message says (onEdit waits less: a simple trigger has 30 s in all).
    const seconds = Number(BUSY.exec(message)![1]);
    expect(emu.locks.waits).toEqual([seconds * 1000]);
    expect(emu.now - start).toBe(seconds * 1000);
    expect(seconds).toBe(entry.fn === 'onEdit' ? EDIT_LOCK_WAIT_MS / 1000 : 30);
  });

  it('does not keep onOpen from building the menu', () => {
    const emu = busyWorkbook();
    emu.locks.heldElsewhereFor = Infinity;
    emu.run('onOpen', [], { as: 'simple' });
    expect(emu.ui.menus.map((m) => m.name)).toEqual(['CCHC']);
    expect(emu.locks.waits).toEqual([]);
  });

  it('runs once the other execution lets go within the wait', () => {
    const emu = busyWorkbook();
    emu.locks.heldElsewhereFor = 20_000;
    const messages = told(emu, () => emu.run('refreshStatuses'));
    expect(messages[0]).toMatch(/^Đã cập nhật trạng thái\./);
  });
});

describe('two executions at once', () => {
  it('a menu refresh while dailyCheck runs: the refresh waits, gives up and writes nothing; the check finishes as if alone', () => {
    const alone = busyWorkbook();
    alone.locks.meanwhile = () => void (alone.now += 30_000);
    alone.run('dailyCheck', [], { as: 'time' });

    const emu = busyWorkbook();
    let during: string[] = [];
    let whileHeld = '';
    emu.locks.meanwhile = () => {
      whileHeld = everything(emu);
      during = told(emu, () => emu.run('refreshStatuses'));
      expect(everything(emu)).toBe(whileHeld);
    };
    emu.run('dailyCheck', [], { as: 'time' });

    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(BUSY);
    expect(everything(emu)).toBe(everything(alone));
    expect(emu.mail.outbox.length).toBeGreaterThan(0);
  });

  it('onEdit during a report: the typed value stays, onEdit gives up with a toast, the report covers the edit', () => {
    const emu = busyWorkbook();
    let toast: string[] = [];
    emu.locks.meanwhile = () => {
      toast = told(emu, () => userEdit(emu, TASKS.name, taskCell(emu, TASKS.columns.progress.header, 3), '100%'));
    };
    const report = told(emu, () => emu.run('reportQ1'));

    expect(toast).toHaveLength(1);
    expect(toast[0]).toMatch(BUSY);
    expect(toast[0]).toMatch(/Hãy chạy CCHC › Cập nhật trạng thái sau\.$/);
    expect(report[0]).toMatch(/^Đã tạo báo cáo/);
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    expect(sheet.getRange(taskCell(emu, TASKS.columns.progress.header, 3)).getValue()).toBe(1);
    // The report refreshed after the edit went in: nothing is left stale.
    expect(emu.run('refreshStatuses').calls.method('Range.setValues')).toBe(0);
  });

  it('dailyCheck while a user makes a report: the check sends nothing, and the next run sends what is due', () => {
    const emu = busyWorkbook();
    let thrown: string[] = [];
    emu.locks.meanwhile = () => {
      thrown = told(emu, () => emu.run('dailyCheck', [], { as: 'time' }));
    };
    emu.run('reportQ1');
    expect(thrown[0]).toMatch(BUSY);
    expect(emu.mail.outbox).toEqual([]);

    emu.advanceDays(0.25);
    emu.run('dailyCheck', [], { as: 'time' });
    expect(emu.mail.outbox.length).toBeGreaterThan(0);
  });

  it('two users refreshing at once: the second is told to try again, the first completes', () => {
    const emu = busyWorkbook();
    let second: string[] = [];
    emu.locks.meanwhile = () => {
      second = told(emu, () => emu.run('refreshStatuses'));
    };
    const first = told(emu, () => emu.run('refreshStatuses'));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatch(BUSY);
    expect(first).toEqual([second[0], expect.stringMatching(/^Đã cập nhật trạng thái\./)]);
    expect(emu.locks.timeouts).toBe(1);
  });
});
