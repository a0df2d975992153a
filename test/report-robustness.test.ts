/** A report that fails half-way, and drafts that would meet the 6-minute limit (SPEC §5, §6). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppsScriptError } from '../emulator/index';
import { ParagraphModel } from '../emulator/services/document';
import { emulatorWith, snapshotValues } from './helpers';
import { reportWorkbook } from './report-fixture';

afterEach(() => vi.restoreAllMocks());

describe('a rendering failure', () => {
  it('moves the half-made document to the trash and writes nothing into the period row', () => {
    const emu = emulatorWith(reportWorkbook());
    emu.run('refreshStatuses');
    const before = snapshotValues(emu);
    // The Document service fails at the annex's page break, after most of the body is written.
    vi.spyOn(ParagraphModel.prototype, 'appendPageBreak').mockImplementation(() => {
      throw new AppsScriptError('Service Documents failed while accessing document.');
    });
    expect(() => emu.run('generateReport', ['Q3'], { as: 'editor' })).toThrow('Service Documents failed');
    const [doc] = emu.documentApp.documents;
    expect(doc!.body.getText()).toContain('II. KẾT QUẢ THỰC HIỆN');
    expect(emu.driveApp.getFileById(doc!.getId()).isTrashed()).toBe(true);
    expect(snapshotValues(emu)).toEqual(before);
  });
});

describe('dailyCheck and the 6-minute limit', () => {
  it('starts no draft after 2.5 minutes; the next run makes it, and no period gets two', () => {
    // Every period due soon or overdue on 20/08 without a report: Q1, H1 and Q3 need a draft.
    const emu = emulatorWith({
      ...reportWorkbook(),
      config: [...reportWorkbook().config!, ['Email nhắc việc', 'vanphong@tuxuyen.example']],
    });
    // A slow Document service: one draft takes about two minutes of the run.
    emu.callCostMs.document = 300;
    const first = emu.run('dailyCheck', [], { as: 'time' });
    const drafted = () => emu.documentApp.documents.length;
    expect(drafted()).toBe(2);
    const log = () => String(emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues().at(-1)![3]);
    expect(log()).toMatch(/Dừng trước giới hạn thời gian chạy.*bản nháp kỳ Q3/);
    expect(first.calls.count('document')).toBeGreaterThan(0);
    emu.setToday('2023-08-21');
    emu.run('dailyCheck', [], { as: 'time' });
    expect(drafted()).toBe(3);
    emu.setToday('2023-08-22');
    emu.run('dailyCheck', [], { as: 'time' });
    expect(drafted()).toBe(3);
    const names = emu.documentApp.documents.map((d) => d.getName());
    expect(new Set(names).size).toBe(3);
  });
});
