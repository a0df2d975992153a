/**
 * Every global function of the bundle as Apps Script starts it (menu, simple trigger, time-driven
 * trigger, another script), on a workbook where each has real work to do: statuses to change, a
 * period due soon with reminder addresses, owners with tasks due. Shared by the least-privilege
 * and concurrency tests, which must cover every entry point (the list is checked against the
 * bundle's own).
 */
import { readFileSync } from 'node:fs';
import { userEdit } from '../../emulator/edits';
import { generatedWorkbook } from '../support/fixtures';
import type { Emulator, ExecutionKind } from '../../emulator/index';
import { columnLetters } from '../../emulator/services/spreadsheet';
import { openAsGoogleDoc } from '../../scripts/import-plan';
import { TASKS } from '../../src/contract/sheets';
import { paragraph } from '../../src/core/import/blocks';
import { emulatorWith } from '../helpers';

export interface EntryPoint {
  fn: string;
  as: ExecutionKind;
  /** What a user does first, outside the script (for onEdit: typing into a cell). */
  userAction?(emu: Emulator): void;
  /** Starts it as Apps Script would; throws ScriptError as emu.run does. */
  start(emu: Emulator): void;
}

const run = (fn: string, as: ExecutionKind, args: unknown[] = []): EntryPoint => ({
  fn,
  as,
  start: (emu) => void emu.run(fn, args, { as }),
});

/** The first task's progress cell. */
function progressCell(emu: Emulator): string {
  const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
  return `${columnLetters(sheet.getDataRange().getValues()[0]!.indexOf(TASKS.columns.progress.header) + 1)}2`;
}

/** A progress figure typed into the first task, then onEdit as Sheets fires it. */
const EDIT: EntryPoint = {
  fn: 'onEdit',
  as: 'simple',
  userAction: (emu) => void userEdit(emu, TASKS.name, progressCell(emu), '45%', { trigger: false }),
  start: (emu) => {
    const range = emu.spreadsheet.getSheetByName(TASKS.name)!.getRange(progressCell(emu));
    emu.run('onEdit', [{ authMode: 'LIMITED', triggerUid: '', source: emu.spreadsheet, range, value: range.getValue() }], {
      as: 'simple',
    });
  },
};

/** The plan's Google Doc, which the user has before the import: a task section with one task. */
const planDocs = new WeakMap<Emulator, string>();
const IMPORT: EntryPoint = {
  fn: 'importPlan',
  as: 'menu',
  userAction: (emu) =>
    void planDocs.set(
      emu,
      openAsGoogleDoc(emu, 'Kế hoạch', [
        paragraph('II. NHIỆM VỤ, GIẢI PHÁP'),
        paragraph('1. Cải cách thể chế'),
        paragraph('Rà soát văn bản quy phạm pháp luật (Quý IV/2023).', 0, 0),
      ]),
    ),
  start: (emu) => void emu.run('importPlan', [planDocs.get(emu)], { as: 'menu' }),
};

export const ENTRY_POINTS: readonly EntryPoint[] = [
  run('onOpen', 'simple'),
  run('setupWorkbook', 'menu'),
  run('loadSamplePlan', 'menu'),
  run('refreshStatuses', 'menu'),
  run('validateData', 'menu'),
  IMPORT,
  run('confirmImport', 'menu'),
  EDIT,
  run('generateReport', 'editor', ['H1']),
  run('reportQ1', 'menu'),
  run('reportH1', 'menu'),
  run('reportQ3', 'menu'),
  run('reportYear', 'menu'),
  run('reportNextDue', 'menu'),
  run('installTriggers', 'menu'),
  run('dailyCheck', 'time'),
  run('checkInstallation', 'menu'),
  run('removeTriggers', 'menu'),
  run('startNewYear', 'menu'),
];

export const REMINDER_ADDRESS = 'vanphong@tuxuyen.example';

/** 20/08/2023: Q3 (due 25/08) is due soon, owners have tasks due soon or overdue. */
export function busyWorkbook(bundleDir?: string): Emulator {
  const data = generatedWorkbook(40);
  return emulatorWith(
    {
      ...data,
      config: [...data.config!, ['Email nhắc việc', REMINDER_ADDRESS], ['Địa danh', 'Tú Xuyên'], ['Người ký', 'Hoàng Thị Hoàn']],
    },
    '2023-08-20',
    bundleDir ? { bundleDir } : {},
  );
}

/** The global functions the build put at the top level of dist/Code.js. */
export function bundleGlobals(code = readFileSync(new URL('../../dist/Code.js', import.meta.url), 'utf8')): string[] {
  return [...code.matchAll(/^function (\w+)\(\.\.\.args\)/gm)].map((m) => m[1]!).sort();
}
