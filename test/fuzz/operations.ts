/**
 * The operations the fuzz drives through the built bundle, one entry each: how to call it, how it
 * tells the user the outcome, and what it promises beyond the checks every operation gets
 * (test/fuzz/properties.ts). An operation whose feature has not landed answers "đang được xây
 * dựng"; that passes the general checks and is not a failure.
 */
import fc from 'fast-check';
import type { Emulator, ExecutionKind } from '../../emulator/index';
import { edit, type EditSpec, periodCode } from './arbitraries';
import { putCell } from './workbook';

export interface Step {
  op: string;
  /** generateReport's period code. */
  code?: string;
  /** onEdit: the user's edit that fired it. */
  edit?: EditSpec;
}

export interface FuzzOperation {
  /** The global function of the bundle. */
  fn: string;
  as: ExecutionKind;
  step: fc.Arbitrary<Step>;
  /**
   * How the outcome reaches the user: a dialog (menu items), a thrown Vietnamese message (functions
   * called from other scripts), or nothing visible (simple triggers).
   */
  reports: 'dialog' | 'thrown' | 'silent';
  /** `Nhật ký` rows per run: exactly one, or one at most. */
  logRows: 'one' | 'at most one';
  /** Whether, on a workbook with every sheet and header, a run must leave every data row with its status. */
  refreshesAll: boolean;
  /** Prepares the run (a user's edit first, for onEdit) and returns the arguments; null: skip. */
  prepare(emu: Emulator, step: Step): unknown[] | null;
}

/** Applies the user's edit to the model, as Sheets does before firing onEdit, and builds the event. */
function userEdit(emu: Emulator, e: EditSpec): unknown[] | null {
  const sheets = emu.spreadsheet.sheets;
  if (!sheets.length) return null;
  const sheet = sheets[e.sheet % sheets.length]!;
  const cells: unknown[] = [];
  for (let i = 0; i < e.numRows; i++) {
    for (let j = 0; j < e.numCols; j++) {
      const cell = e.cells[i * e.numCols + j]!;
      putCell(emu, sheet, e.row + i, e.col + j, { value: cell.value });
      cells.push(sheet.cell(e.row + i, e.col + j).value);
    }
  }
  sheet.ensureSize(e.row + e.numRows - 1, e.col + e.numCols - 1);
  const single = e.numRows === 1 && e.numCols === 1;
  return [{
    authMode: 'LIMITED',
    source: emu.spreadsheet,
    range: sheet.getRange(e.row, e.col, e.numRows, e.numCols),
    ...(single ? { value: cells[0] } : {}),
  }];
}

export const OPERATIONS: Record<string, FuzzOperation> = {
  refreshStatuses: {
    fn: 'refreshStatuses', as: 'menu', step: fc.constant({ op: 'refreshStatuses' }),
    reports: 'dialog', logRows: 'one', refreshesAll: true, prepare: () => [],
  },
  validateData: {
    fn: 'validateData', as: 'menu', step: fc.constant({ op: 'validateData' }),
    reports: 'dialog', logRows: 'one', refreshesAll: false, prepare: () => [],
  },
  generateReport: {
    fn: 'generateReport', as: 'editor', step: periodCode.map((code) => ({ op: 'generateReport', code })),
    reports: 'thrown', logRows: 'one', refreshesAll: false, prepare: (_emu, step) => [step.code],
  },
  onEdit: {
    fn: 'onEdit', as: 'simple', step: edit.map((e) => ({ op: 'onEdit', edit: e })),
    reports: 'silent', logRows: 'at most one', refreshesAll: false, prepare: (emu, step) => userEdit(emu, step.edit!),
  },
};

export const steps: fc.Arbitrary<Step[]> = fc.array(fc.oneof(...Object.values(OPERATIONS).map((o) => o.step)), { minLength: 1, maxLength: 3 });
