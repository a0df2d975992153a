/**
 * startNewYear refreshes the copy's statuses without reading its tasks back where it knows them
 * (no formulas): over random plans, the copy it leaves is one that a refreshStatuses of its own,
 * which reads every sheet afresh, does not change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import { personChip } from '../emulator/services/spreadsheet';
import { TASKS } from '../src/contract/sheets';
import { sheetChanges, workbookState } from './fuzz/workbook';
import { generatedWorkbook, headersOf, loadWorkbook, productEmulator, type Row } from './support/fixtures';

const T = TASKS.columns;
const HEADERS = headersOf(TASKS);

const day = fc.constantFrom('15/03/2023', '30/06/2023', '31/12/2023', '31/02/2023', '2023-10-01', ' 01/08/2023 ');
const cell: Record<string, fc.Arbitrary<unknown>> = {
  [T.name.header]: fc.constantFrom('Nhiệm vụ', '', '  ', 'Dòng 1\nDòng 2', '- gạch đầu dòng', '12'),
  [T.email.header]: fc.constantFrom('', 'a@xa.example', 'chị Lan', 'a@xa.example, b@'),
  [T.deadline.header]: fc.oneof(day, fc.constantFrom('Thường xuyên', ' thuong xuyen ', '', 'sớm')),
  [T.progress.header]: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom('', '50%', '100', 'abc', 0.5, 1, 1, 1.5)),
  [T.completed.header]: fc.oneof(day, fc.constantFrom('', '', 'hôm qua')),
  [T.note.header]: fc.constantFrom('', 'chờ kinh phí', '=1+1', "'quote"),
  [T.narrative.header]: fc.constantFrom('', 'Đã làm', '50%'),
  [T.period.header]: fc.constantFrom('', '', 'Q1', 'q3', 'X9'),
};

const task: fc.Arbitrary<Row> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 6, arbitrary: fc.record(cell) as fc.Arbitrary<Row> },
);

interface Plan {
  tasks: Row[];
  /** Progress cells (data row index) formatted as percent. */
  percent: number[];
  /** Data rows whose status cell has a user's note, and whose Email cell is a person chip. */
  notes: number[];
  chips: number[];
  /** A formula cell in one data row, or none. */
  formula: number | null;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  tasks: fc.array(task, { minLength: 1, maxLength: 14 }),
  percent: fc.array(fc.nat(13), { maxLength: 8 }),
  notes: fc.array(fc.nat(13), { maxLength: 2 }),
  chips: fc.array(fc.nat(13), { maxLength: 2 }),
  formula: fc.option(fc.nat(13), { freq: 4 }),
});

function install(p: Plan): Emulator {
  const emu = productEmulator();
  emu.setToday('2023-12-20');
  loadWorkbook(emu, { ...generatedWorkbook(5), tasks: p.tasks });
  const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
  const col = (h: string) => HEADERS.indexOf(h) + 1;
  const rows = p.tasks.length;
  for (const r of p.percent.filter((i) => i < rows)) sheet.setCell(r + 2, col(T.progress.header), 'formats', '0%');
  for (const r of p.notes.filter((i) => i < rows)) sheet.setCell(r + 2, col(T.status.header), 'notes', 'ghi chú riêng');
  for (const r of p.chips.filter((i) => i < rows)) sheet.putChip(r + 2, col(T.email.header), personChip('an@xa.example', 'An'));
  if (p.formula !== null && p.formula < rows) {
    sheet.setCell(p.formula + 2, col(T.narrative.header), 'formulas', '=1+1');
    sheet.setCell(p.formula + 2, col(T.narrative.header), 'values', 2);
  }
  return emu;
}

/** An emulator bound to a clone of `emu`'s last copy, at the same time. */
function boundToCopy(emu: Emulator): Emulator {
  const copy = emu.copies.at(-1)!;
  const fresh = productEmulator({ timeZone: copy.timeZone, locale: copy.locale });
  fresh.now = emu.now;
  fresh.spreadsheet.sheets.length = 0;
  for (const sheet of copy.sheets) fresh.spreadsheet.sheets.push(sheet.cloneInto(fresh.spreadsheet));
  return fresh;
}

const taskState = (emu: Emulator) => workbookState(emu).find((s) => s.name === TASKS.name)!;

describe('startNewYear leaves the copy refreshed', () => {
  it('a refreshStatuses on the copy, reading it afresh, changes no task cell', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const emu = install(p);
        emu.run('startNewYear');
        const fresh = boundToCopy(emu);
        const before = taskState(fresh);
        fresh.run('refreshStatuses');
        expect(sheetChanges(before, taskState(fresh))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
