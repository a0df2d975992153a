/**
 * Measuring: an operation on a workload (median of several runs, calls and cells of one run, the
 * estimate), the naive baseline on the same workbook, and the bundle's size and cold start.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { CallCounter } from '../emulator/calls';
import { type Emulator, type Execution, ScriptError } from '../emulator/index';
import { SheetModel } from '../emulator/services/spreadsheet';
import { LOG, TASKS } from '../src/contract/sheets';
import { estimateMs, type Fit, fits, LIMIT_MS, type Span } from './costs';
import type { Operation } from './operations';
import { emulatorFor, type Workload, type WorkloadKind } from './workloads';

/**
 * What a menu function says while its feature is a stub ("… đang được xây dựng …"); a run that
 * makes no service call at all is taken for a stub as well.
 */
const NOT_BUILT = 'đang được xây dựng';
const FAILED_PREFIX = 'Không thực hiện được';

export type Outcome = { kind: 'ok' } | { kind: 'not built' } | { kind: 'failed'; reason: string };

export interface Measurement {
  label: string;
  kind: WorkloadKind;
  workload: string;
  rows: number;
  outcome: Outcome;
  runs: number;
  calls: {
    spreadsheet: number;
    document: number;
    other: number;
    byService: Record<string, number>;
    byMethod: Record<string, number>;
  };
  cells: { read: number; written: number };
  /**
   * The longest text the run wrote into one cell (value, formula or note) and the most characters
   * of a document it created or changed (body text, as the emulator counts it for its size check).
   */
  largest?: { cellChars: number; documentChars: number };
  documents: number;
  mails: number;
  /** Medians over the runs: the whole execution, and the script's own share (minus service models). */
  emulatorMs: number;
  scriptMs: number;
  estimateMs: Span;
  limitMs: number;
  fits: Fit;
}

/**
 * Calls that follow a sheet's capacity rather than the rows read: a sheet that runs out of rows
 * (a new one has 1,000) gets one block insert before an append.
 */
export const CAPACITY_CALLS: readonly string[] = ['Sheet.insertRowsAfter'];

/** Spreadsheet calls of one run, capacity calls aside. */
export function steadySpreadsheetCalls(m: Measurement): number {
  return m.calls.spreadsheet - CAPACITY_CALLS.reduce((n, k) => n + (m.calls.byMethod[k] ?? 0), 0);
}

/**
 * The longest text written into a cell while `tracking` is on. Every cell write of the emulator's
 * spreadsheets (setValue(s), setFormula(s), setNote(s), appendRow, on every spreadsheet, copies
 * included) ends in SheetModel.setCell, after the 50,000-character check: wrapping it sees them all.
 */
const cellWrites = { tracking: false, longest: 0 };
const TEXT_ATTRS: readonly string[] = ['values', 'formulas', 'notes'];
const setCell = SheetModel.prototype.setCell;
SheetModel.prototype.setCell = function (this: SheetModel, ...args: Parameters<SheetModel['setCell']>) {
  const [, , attr, v] = args;
  if (cellWrites.tracking && typeof v === 'string' && v.length > cellWrites.longest && TEXT_ATTRS.includes(attr))
    cellWrites.longest = v.length;
  setCell.apply(this, args);
};

/** Characters of each document's body, for telling which documents a run created or changed. */
function documentSizes(emu: Emulator): Map<object, number> {
  return new Map(emu.documentApp.documents.map((d) => [d, d.getBody().countedChars()]));
}

function largestWritten(before: Map<object, number>, emu: Emulator): number {
  let most = 0;
  for (const [doc, chars] of documentSizes(emu)) if (before.get(doc) !== chars) most = Math.max(most, chars);
  return most;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function summarise(
  label: string,
  w: Workload,
  outcome: Outcome,
  calls: CallCounter,
  times: { ms: number; scriptMs: number }[],
  limitMs: number,
  largest?: Measurement['largest'],
): Measurement {
  const spreadsheet = calls.count('spreadsheet');
  const document = calls.count('document');
  const scriptMs = median(times.map((t) => t.scriptMs));
  const estimate = estimateMs(calls, scriptMs);
  return {
    label,
    kind: w.kind,
    workload: w.label,
    rows: w.rows,
    outcome,
    runs: times.length,
    calls: {
      spreadsheet,
      document,
      other: calls.total() - spreadsheet - document,
      byService: Object.fromEntries(calls.byService),
      byMethod: Object.fromEntries(calls.byMethod),
    },
    cells: { read: calls.cellsRead, written: calls.cellsWritten },
    largest,
    documents: calls.method('DocumentApp.create'),
    mails: calls.method('MailApp.sendEmail') + calls.method('GmailApp.sendEmail'),
    emulatorMs: median(times.map((t) => t.ms)),
    scriptMs,
    estimateMs: estimate,
    limitMs,
    fits: fits(estimate, limitMs),
  };
}

function logResults(emu: Emulator): string[] {
  const sheet = emu.spreadsheet.getSheetByName(LOG.name);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const col = LOG.headers.indexOf('Kết quả');
  return sheet
    .getRange(2, 1, sheet.getLastRow() - 1, LOG.headers.length)
    .getValues()
    .map((r) => String(r[col]));
}

interface Run {
  exec: Execution;
  outcome: Outcome;
  ms: number;
  largest: NonNullable<Measurement['largest']>;
}

/** One execution of `op`, with the longest cell and the largest document it wrote. */
function execute(op: Operation, emu: Emulator, args: unknown[]): Omit<Run, 'outcome'> & { error?: ScriptError } {
  const documents = documentSizes(emu);
  cellWrites.longest = 0;
  cellWrites.tracking = true;
  const started = performance.now();
  let exec: Execution;
  let error: ScriptError | undefined;
  try {
    exec = emu.run(op.fn, args, { as: op.as });
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    error = e;
    exec = e.execution;
  } finally {
    cellWrites.tracking = false;
  }
  const ms = performance.now() - started;
  return { exec, ms, error, largest: { cellChars: cellWrites.longest, documentChars: largestWritten(documents, emu) } };
}

/** Runs `op` once and says whether it did its job (from its error, dialogs, log row and check). */
function runOnce(op: Operation, emu: Emulator, run: number): Run {
  const args = op.prepare?.(emu, run) ?? [];
  const dialogs = emu.dialogs.length;
  const logged = logResults(emu).length;
  const { exec, ms, error, largest } = execute(op, emu, args);
  if (error) {
    const outcome: Outcome = error.message.includes(NOT_BUILT)
      ? { kind: 'not built' }
      : { kind: 'failed', reason: error.message };
    return { exec, outcome, ms, largest };
  }
  const said = [...emu.dialogs.slice(dialogs), ...logResults(emu).slice(logged)];
  const failure = said.find((m) => m.startsWith(FAILED_PREFIX));
  let outcome: Outcome = { kind: 'ok' };
  if (said.some((m) => m.includes(NOT_BUILT)) || exec.calls.total() === 0) outcome = { kind: 'not built' };
  else if (failure) outcome = { kind: 'failed', reason: failure };
  else {
    const wrong = op.check?.(emu, exec, run);
    if (wrong) outcome = { kind: 'failed', reason: wrong };
  }
  return { exec, outcome, ms, largest };
}

/** Time one measurement may take (loading included) before it stops at fewer runs. */
export const BUDGET_MS = 10_000;

/**
 * Up to `runs` runs of `op` on `w`: it stops early when the operation is not built or fails, or
 * when BUDGET_MS is spent. Returns the last emulator too, for comparing with the naive script's.
 */
export function measureOperation(op: Operation, w: Workload, runs: number): { measurement: Measurement; emulator: Emulator } {
  const started = performance.now();
  let emu = emulatorFor(w);
  op.setup?.(emu);
  const times: { ms: number; scriptMs: number }[] = [];
  let first: Run | undefined;
  for (let run = 0; run < runs; run++) {
    if (run > 0 && op.freshEachRun) {
      emu = emulatorFor(w);
      op.setup?.(emu);
    }
    const r = runOnce(op, emu, run);
    times.push({ ms: r.ms, scriptMs: r.ms - r.exec.calls.serviceMs });
    first ??= r;
    if (r.outcome.kind !== 'ok' || performance.now() - started > BUDGET_MS) break;
  }
  const limit = op.as === 'simple' ? LIMIT_MS.simpleTrigger : LIMIT_MS.execution;
  const m = summarise(op.label, w, first!.outcome, first!.exec.calls, times, limit, first!.largest);
  return { measurement: m, emulator: emu };
}

const NAIVE_DIR = new URL('naive', import.meta.url).pathname;
const NAIVE_LABEL = 'naive refresh (cell by cell, tasks only)';

/** Status texts and backgrounds of the task sheet, for comparing two workbooks. */
export function taskStatuses(emu: Emulator): string[] {
  const range = emu.spreadsheet.getSheetByName(TASKS.name)!.getDataRange();
  const values = range.getValues();
  const backgrounds = range.getBackgrounds();
  const col = values[0]!.indexOf(TASKS.columns.status.header);
  return values.slice(1).map((r, i) => `${String(r[col])} ${backgrounds[i + 1]![col]}`);
}

/** The naive baseline on `w`; it must leave the same task statuses as `ours` does. */
export function measureNaive(w: Workload, runs: number, ours: Emulator): Measurement {
  const budgetStart = performance.now();
  const expected = taskStatuses(ours);
  const times: { ms: number; scriptMs: number }[] = [];
  let calls: CallCounter | undefined;
  let outcome: Outcome = { kind: 'ok' };
  for (let run = 0; run < runs; run++) {
    const emu = emulatorFor(w, NAIVE_DIR);
    const started = performance.now();
    const exec = emu.run('refreshNaive', [], { as: 'editor' });
    const ms = performance.now() - started;
    times.push({ ms, scriptMs: ms - exec.calls.serviceMs });
    calls ??= exec.calls;
    const got = taskStatuses(emu);
    const differ = got.filter((s, i) => s !== expected[i]).length;
    if (differ) outcome = { kind: 'failed', reason: `${differ} task statuses differ from refreshStatuses` };
    if (performance.now() - budgetStart > BUDGET_MS) break;
  }
  return summarise(NAIVE_LABEL, w, outcome, calls!, times, LIMIT_MS.execution);
}

export interface BundleFigures {
  /** The bundle's path from the repository's root ("dist/Code.js"). */
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Median time to compile and evaluate the bundle in a fresh context. */
  coldStartMs: number;
  coldStartRuns: number;
}

/**
 * The pushed code's size, and its cold start: what every execution pays before running anything.
 * Each run compiles a distinct source (a comment differs) so V8's compilation cache cannot help.
 */
export function measureBundle(root: string, path: string, runs = 20): BundleFigures {
  const code = readFileSync(`${root}${path}`, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const context = vm.createContext({});
    new vm.Script(`${code}\n// cold start ${i}`).runInContext(context);
    times.push(performance.now() - started);
  }
  return {
    path,
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code).length,
    coldStartMs: median(times),
    coldStartRuns: runs,
  };
}
