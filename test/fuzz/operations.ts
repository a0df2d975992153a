/**
 * The operations the fuzz drives through the built bundle, one entry each: how to call it, how it
 * tells the user the outcome, what it may write, and what it promises beyond the checks every
 * operation gets (test/fuzz/properties.ts). A new operation is one more entry here.
 */
import fc from 'fast-check';
import { userEdit } from '../../emulator/edits';
import type { Emulator, ExecutionKind } from '../../emulator/index';
import { columnLetters } from '../../emulator/services/spreadsheet';
import { edit, type EditSpec, periodCode } from './arbitraries';
import { materialise, type CellChange, type SheetState, type WorkbookState } from './workbook';
import { INDICATORS, TASKS } from '../../src/contract/sheets';
import { IMPORT_OPERATIONS } from './import-ops';
import type { ImportSpec, ReviewSpec } from './plan-docs';

function hasDataRows(emu: Emulator, name: string): boolean {
  const sheet = emu.spreadsheet.getSheetByName(name);
  return (
    !!sheet &&
    sheet
      .getDataRange()
      .getValues()
      .slice(1)
      .some((r) => r.some((v) => v !== '' && v !== null))
  );
}

export interface Step {
  op: string;
  /** generateReport's period code. */
  code?: string;
  /** onEdit: the user's edit that fires it. */
  edit?: EditSpec;
  /** importPlan: the document and how the user names it (confirmImport: a plan imported first). */
  importDoc?: ImportSpec;
  /** confirmImport: what the user changed in the review sheet. */
  review?: ReviewSpec;
}

/** The sheet and block of cells a user edited (for onEdit's own check). */
export interface Edited {
  sheet: string;
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

export interface FuzzOperation {
  /** The global function of the bundle. */
  fn: string;
  as: ExecutionKind;
  step: fc.Arbitrary<Step>;
  /**
   * How the outcome reaches the user: a dialog (menu items), a thrown Vietnamese message (functions
   * called from other scripts), or at most a toast (simple triggers).
   */
  reports: 'dialog' | 'thrown' | 'silent';
  /** `Nhật ký` rows per run: exactly one, or one at most. */
  logRows: 'one' | 'at most one';
  /** Whether it may write the computed columns of data sheets. */
  writesComputed: boolean;
  /**
   * When a run must leave every data row with its status: always (on a workbook with every sheet
   * and header; otherwise it names what is missing), when it succeeded, or never.
   */
  refreshes: 'always' | 'on success' | 'never';
  /** Sheets of its own it may create and append rows to. */
  appendsTo: readonly string[];
  /** Sheets that are its own: it may create and rewrite them (never with a formula). */
  owns?: readonly string[];
  /** Changes to a sheet it may make beyond the computed columns (never a formula); its check looks at them. */
  allows?(change: CellChange, before: SheetState): boolean;
  /** Its own promises, checked after the run. */
  check?(run: {
    emu: Emulator;
    before: WorkbookState;
    after: WorkbookState;
    succeeded: boolean;
    /** Adds to a figure of the fuzz report. */
    count(what: string, n: number): void;
  }): string[];
  /** Prepares the run (the user's edit, for onEdit) and returns the arguments; null: skip the step. */
  prepare(emu: Emulator, step: Step): { args: unknown[]; edited?: Edited } | null;
}

/** Types the edit into the sheet as the Sheets editor does (without the trigger), then builds the event. */
function typeEdit(emu: Emulator, e: EditSpec): { args: unknown[]; edited: Edited } | null {
  const sheets = emu.spreadsheet.sheets;
  if (!sheets.length) return null;
  const sheet = sheets[e.sheet % sheets.length]!;
  const a1 = `${columnLetters(e.col)}${e.row}:${columnLetters(e.col + e.numCols - 1)}${e.row + e.numRows - 1}`;
  const input = Array.from({ length: e.numRows }, (_, i) =>
    Array.from({ length: e.numCols }, (_, j) => materialise(emu, e.cells[i * e.numCols + j]!)),
  );
  if (!userEdit(emu, sheet.name, a1, input, { trigger: false }).accepted) return null;
  // Sheets may report the edit as a whole column or row (a column pasted or cleared).
  const [c1, c2] = [columnLetters(e.col), columnLetters(e.col + e.numCols - 1)];
  const reported = {
    box: a1,
    column: `${c1}:${c2}`,
    row: `${e.row}:${e.row + e.numRows - 1}`,
    columnFrom: `${c1}${e.row}:${c2}`,
  }[e.shape ?? 'box'];
  const range = sheet.getRange(reported);
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const event = {
    authMode: 'LIMITED',
    triggerUid: '',
    source: emu.spreadsheet,
    range,
    ...(single ? { value: range.getValue() } : {}),
  };
  const edited = {
    sheet: sheet.name,
    row: range.getRow(),
    col: range.getColumn(),
    lastRow: range.getLastRow(),
    lastCol: range.getLastColumn(),
  };
  return { args: [event], edited };
}

export const OPERATIONS: Record<string, FuzzOperation> = {
  refreshStatuses: {
    fn: 'refreshStatuses',
    as: 'menu',
    step: fc.constant({ op: 'refreshStatuses' }),
    reports: 'dialog',
    logRows: 'one',
    writesComputed: true,
    refreshes: 'always',
    appendsTo: [],
    prepare: () => ({ args: [] }),
  },
  validateData: {
    fn: 'validateData',
    as: 'menu',
    step: fc.constant({ op: 'validateData' }),
    reports: 'dialog',
    logRows: 'one',
    writesComputed: false,
    refreshes: 'never',
    appendsTo: [],
    prepare: () => ({ args: [] }),
  },
  generateReport: {
    fn: 'generateReport',
    as: 'editor',
    step: periodCode.map((code) => ({ op: 'generateReport', code })),
    reports: 'thrown',
    logRows: 'one',
    writesComputed: true,
    refreshes: 'on success',
    appendsTo: ['Lịch sử'],
    prepare: (_emu, step) => ({ args: [step.code] }),
  },
  dailyCheck: {
    fn: 'dailyCheck',
    as: 'time',
    step: fc.constant({ op: 'dailyCheck' }),
    reports: 'thrown',
    logRows: 'one',
    writesComputed: true,
    refreshes: 'on success',
    appendsTo: ['Lịch sử'],
    prepare: () => ({ args: [] }),
  },
  startNewYear: {
    fn: 'startNewYear',
    as: 'menu',
    step: fc.constant({ op: 'startNewYear' }),
    reports: 'dialog',
    logRows: 'one',
    // The copy is prepared; this workbook gets nothing but its Nhật ký row.
    writesComputed: false,
    refreshes: 'never',
    appendsTo: [],
    prepare: () => ({ args: [] }),
  },
  loadSamplePlan: {
    fn: 'loadSamplePlan',
    as: 'menu',
    step: fc.constant({ op: 'loadSamplePlan' }),
    reports: 'dialog',
    logRows: 'one',
    writesComputed: false,
    refreshes: 'never',
    appendsTo: [],
    // Only where it must refuse (tasks or indicators present): there it writes nothing. Filling an
    // empty workbook is its purpose, checked in test/new-year.test.ts.
    prepare: (emu) => (hasDataRows(emu, TASKS.name) || hasDataRows(emu, INDICATORS.name) ? { args: [] } : null),
  },
  onEdit: {
    fn: 'onEdit',
    as: 'simple',
    step: edit.map((e) => ({ op: 'onEdit', edit: e })),
    reports: 'silent',
    logRows: 'at most one',
    writesComputed: true,
    refreshes: 'never',
    appendsTo: [],
    prepare: (emu, step) => typeEdit(emu, step.edit!),
  },
  ...IMPORT_OPERATIONS,
};

const anyStep = fc.oneof(...Object.values(OPERATIONS).map((o) => o.step));

/** An import as users do it: the document read, maybe something else, confirmed once or twice. */
const importSession: fc.Arbitrary<Step[]> = fc
  .tuple(
    OPERATIONS.importPlan!.step,
    fc.option(anyStep, { freq: 3 }),
    OPERATIONS.confirmImport!.step.map(({ importDoc: _, ...s }) => s),
    fc.option(OPERATIONS.confirmImport!.step, { freq: 3 }),
  )
  .map((s) => s.filter((x): x is Step => x !== null));

export const steps: fc.Arbitrary<Step[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(anyStep, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: importSession },
);
