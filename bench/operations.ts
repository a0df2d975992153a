/**
 * The operations the bench measures, one entry each: how to prepare a workbook (not measured),
 * how to run the global function once, and how to tell that the run did its job.
 */
import type { Emulator, Execution, ExecutionKind } from '../emulator/index';
import { UserModel } from '../emulator/services/session';
import type { SheetModel } from '../emulator/services/spreadsheet';
import { TASKS } from '../src/contract/sheets';
import { STATUS } from '../src/contract/status';

export interface Operation {
  label: string;
  /** The global function of the bundle that is run. */
  fn: string;
  as: ExecutionKind;
  /** Each run needs a freshly loaded workbook (a run changes what the next one would do). */
  freshEachRun: boolean;
  /** Also measured on the Tú Xuyên template. */
  onTemplate?: boolean;
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
  { label: 'dailyCheck', fn: 'dailyCheck', as: 'time', freshEachRun: true, onTemplate: true },
];
