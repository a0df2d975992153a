/**
 * The operations the bench measures, one entry each: how to prepare a workbook (not measured),
 * how to run the global function once, and how to tell that the run did its job.
 */
import { readFileSync } from 'node:fs';
import type { Emulator, Execution, ExecutionKind } from '../emulator/index';
import { UserModel } from '../emulator/services/session';
import type { SheetModel } from '../emulator/services/spreadsheet';
import { openAsGoogleDoc } from '../scripts/import-plan';
import { markdownBlocks } from '../scripts/plan-blocks';
import { REVIEW_SHEET } from '../src/core/import/review';
import { INDICATORS, TASKS } from '../src/contract/sheets';
import { STATUS } from '../src/contract/status';
import { PLAN_CASES } from '../test/support/plan-score';
import type { WorkloadKind } from './workloads';

export interface Operation {
  label: string;
  /** The global function of the bundle that is run. */
  fn: string;
  as: ExecutionKind;
  /** Each run needs a freshly loaded workbook (a run changes what the next one would do). */
  freshEachRun: boolean;
  /** The workbooks it is measured on (default: the generated ones). */
  on?: readonly WorkloadKind[];
  /** Smallest workbook the operation makes sense on. */
  minRows?: number;
  /** Once per loaded workbook, not measured. */
  setup?(emu: Emulator): void;
  /** Before each run, not measured: changes the workbook and returns the run's arguments. */
  prepare?(emu: Emulator, run: number): unknown[];
  /** Why the run did not do its job, or null when it did. */
  check?(emu: Emulator, exec: Execution, run: number): string | null;
}

const T = TASKS.columns;

function taskSheet(emu: Emulator): { sheet: SheetModel; col: (header: string) => number } {
  const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  return { sheet, col: (h) => header.indexOf(h) + 1 };
}

/**
 * Generated rows without a completion date (every fifth row has one): setting their progress to
 * 100 must make them `Hoàn thành`. The run number moves the edit so runs do not repeat.
 */
function editableRow(emu: Emulator, run: number): number {
  const rows = taskSheet(emu).sheet.getLastRow() - 1;
  const i = (Math.floor(rows / 2) + run * 7) % (rows - 1);
  return (i % 5 === 0 ? i + 1 : i) + 2;
}

const PASTE_ROWS = 500;

/** First sheet row of the paste of run `run`: the block moves down with each run. */
function pasteStart(emu: Emulator, run: number): number {
  const rows = taskSheet(emu).sheet.getLastRow() - 1;
  return 2 + ((run * PASTE_ROWS) % Math.max(1, rows - PASTE_ROWS + 1));
}

/** The edit event Apps Script passes to a simple onEdit trigger. */
function editEvent(emu: Emulator, range: unknown, values?: { value: string; oldValue: string }) {
  return { authMode: 'LIMITED', triggerUid: '', user: new UserModel(''), source: emu.spreadsheet, range, ...values };
}

function statusesOf(emu: Emulator, firstRow: number, rows: number): unknown[] {
  const { sheet, col } = taskSheet(emu);
  return sheet
    .getRange(firstRow, col(T.status.header), rows, 1)
    .getValues()
    .map((r) => r[0]);
}

const refreshFirst = (emu: Emulator) => {
  emu.run('refreshStatuses');
};

/** Types 100 into the progress cell of an editable row; returns onEdit's arguments. */
function typeProgress(emu: Emulator, run: number): unknown[] {
  return typeProgressAt(emu, editableRow(emu, run));
}

function typeProgressAt(emu: Emulator, row: number): unknown[] {
  const { sheet, col } = taskSheet(emu);
  const range = sheet.getRange(row, col(T.progress.header));
  const oldValue = String(range.getValue());
  range.setValue(100);
  return [editEvent(emu, range, { value: '100', oldValue })];
}

function typedRowDone(emu: Emulator, _exec: Execution, run: number): string | null {
  const [status] = statusesOf(emu, editableRow(emu, run), 1);
  return status === STATUS.done ? null : `the edited row shows «${String(status)}», not «${STATUS.done}»`;
}

/**
 * A refreshed workbook that has seen one edit already (onEdit keeps what it needs for an hour).
 * That edit is in the second data row, away from the measured ones in the middle of the sheet.
 */
const refreshAndEditOnce = (emu: Emulator) => {
  refreshFirst(emu);
  emu.run('onEdit', typeProgressAt(emu, 3), { as: 'simple' });
};

/**
 * The sample plan (about 5 pages) as the importer reads a Google Doc, and a 20-page plan made of
 * four copies of it, as the importer's tests make one. Each block is one child of the body.
 */
export const SAMPLE_PLAN = markdownBlocks(readFileSync(PLAN_CASES[0]!.file, 'utf8'));
export const PLAN_20_PAGES = [...SAMPLE_PLAN, ...SAMPLE_PLAN, ...SAMPLE_PLAN, ...SAMPLE_PLAN];
export const IMPORT_20_PAGES = 'importPlan, 20-page plan';
export const IMPORT_SAMPLE = 'importPlan, sample plan (5 pages)';

const rowsOf = (emu: Emulator, name: string) => emu.spreadsheet.getSheetByName(name)!.getLastRow() - 1;
const lastDialog = (emu: Emulator) => emu.dialogs.at(-1) ?? '';

/** The review sheet and the dialog that counts what was read. */
function reviewWritten(emu: Emulator): string | null {
  const review = emu.spreadsheet.getSheetByName(REVIEW_SHEET);
  if (!review || review.getLastRow() < 2) return `no «${REVIEW_SHEET}» rows`;
  return /^Đã đọc .*\d+ nhiệm vụ/.test(lastDialog(emu)) ? null : `dialog: ${lastDialog(emu).slice(0, 120)}`;
}

/** The sample's 34 tasks and 18 indicators appended by confirmImport (the copies are the same texts). */
const IMPORTED = { tasks: 34, indicators: 18 };
const importedRows = new WeakMap<Emulator, { tasks: number; indicators: number }>();

export const OPERATIONS: readonly Operation[] = [
  { label: 'refreshStatuses', fn: 'refreshStatuses', as: 'menu', freshEachRun: true },
  {
    label: 'onEdit, one cell',
    fn: 'onEdit',
    as: 'simple',
    freshEachRun: false,
    setup: refreshAndEditOnce,
    prepare: typeProgress,
    check: typedRowDone,
  },
  {
    label: 'onEdit, one cell, first edit of the hour',
    fn: 'onEdit',
    as: 'simple',
    freshEachRun: true,
    setup: refreshFirst,
    prepare: typeProgress,
    check: typedRowDone,
  },
  {
    label: `onEdit, paste of ${PASTE_ROWS} rows`,
    fn: 'onEdit',
    as: 'simple',
    freshEachRun: false,
    minRows: PASTE_ROWS,
    setup: refreshAndEditOnce,
    prepare(emu, run) {
      const { sheet, col } = taskSheet(emu);
      const width = col(T.status.header) - 1;
      const range = sheet.getRange(pasteStart(emu, run), 1, PASTE_ROWS, width);
      const progress = col(T.progress.header) - 1;
      range.setValues(range.getValues().map((row) => row.map((v, c) => (c === progress ? 100 : v))));
      return [editEvent(emu, range)];
    },
    check(emu, _exec, run) {
      const start = pasteStart(emu, run);
      const { sheet, col } = taskSheet(emu);
      const completed = sheet.getRange(start, col(T.completed.header), PASTE_ROWS, 1).getValues();
      const wrong = statusesOf(emu, start, PASTE_ROWS).filter((s, i) => completed[i]![0] === '' && s !== STATUS.done);
      return wrong.length ? `${wrong.length} pasted rows at 100% do not show «${STATUS.done}»` : null;
    },
  },
  { label: 'validateData', fn: 'validateData', as: 'menu', freshEachRun: false },
  {
    label: 'generateReport(Q3)',
    fn: 'generateReport',
    as: 'editor',
    freshEachRun: true,
    prepare: () => ['Q3'],
    check: (_emu, exec) => (typeof exec.value === 'string' && exec.value !== '' ? null : 'no document URL returned'),
  },
  { label: 'dailyCheck', fn: 'dailyCheck', as: 'time', freshEachRun: true, on: ['generated', 'template'] },
  {
    label: 'checkInstallation',
    fn: 'checkInstallation',
    as: 'menu',
    freshEachRun: false,
    // With the daily trigger installed, every check runs to its end.
    setup: (emu) => {
      emu.run('installTriggers');
    },
    check: (emu) => (/^Kiểm tra cài đặt: /.test(lastDialog(emu)) ? null : `dialog: ${lastDialog(emu).slice(0, 120)}`),
  },
  {
    label: 'startNewYear',
    fn: 'startNewYear',
    as: 'menu',
    freshEachRun: false,
    check(emu, exec) {
      const copy = emu.copies.at(-1);
      if (typeof exec.value !== 'string' || !copy) return 'no new workbook';
      const tasks = copy.getSheetByName(TASKS.name)!.getLastRow() - 1;
      return tasks > 0 ? null : 'the new workbook has no tasks';
    },
  },
  {
    label: 'loadSamplePlan',
    fn: 'loadSamplePlan',
    as: 'menu',
    freshEachRun: true,
    on: ['new'],
    check: (emu) =>
      rowsOf(emu, TASKS.name) === IMPORTED.tasks ? null : `${rowsOf(emu, TASKS.name)} task rows, not ${IMPORTED.tasks}`,
  },
  {
    label: IMPORT_SAMPLE,
    fn: 'importPlan',
    as: 'menu',
    freshEachRun: false,
    on: ['new'],
    prepare: (emu) => [openAsGoogleDoc(emu, 'Kế hoạch CCHC', SAMPLE_PLAN)],
    check: reviewWritten,
  },
  {
    label: IMPORT_20_PAGES,
    fn: 'importPlan',
    as: 'menu',
    freshEachRun: false,
    on: ['generated', 'new'],
    prepare: (emu) => [openAsGoogleDoc(emu, 'Kế hoạch CCHC 20 trang', PLAN_20_PAGES)],
    check: reviewWritten,
  },
  {
    label: 'confirmImport (after importPlan, 20-page plan)',
    fn: 'confirmImport',
    as: 'menu',
    // A second confirmation adds nothing: each run confirms a fresh import.
    freshEachRun: true,
    on: ['generated', 'new'],
    setup(emu) {
      emu.run('importPlan', [openAsGoogleDoc(emu, 'Kế hoạch CCHC 20 trang', PLAN_20_PAGES)]);
      importedRows.set(emu, { tasks: rowsOf(emu, TASKS.name), indicators: rowsOf(emu, INDICATORS.name) });
    },
    check(emu) {
      const before = importedRows.get(emu)!;
      const added = {
        tasks: rowsOf(emu, TASKS.name) - before.tasks,
        indicators: rowsOf(emu, INDICATORS.name) - before.indicators,
      };
      return added.tasks === IMPORTED.tasks && added.indicators === IMPORTED.indicators
        ? null
        : `added ${added.tasks} tasks and ${added.indicators} indicators, not ${IMPORTED.tasks} and ${IMPORTED.indicators}`;
    },
  },
];
