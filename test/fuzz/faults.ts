/**
 * The fault fuzz (`npm run fuzz -- --faults`): Apps Script's services fail now and then in the
 * middle of an operation. For a workbook and an operation:
 * 1. a clean run on one copy gives the call count and the final state;
 * 2. on a second copy one call, picked at random, fails with one of Apps Script's transient errors;
 * 3. when the user was told to try again, the operation runs again (the user re-runs it; for the
 *    daily trigger, its next run on the same day);
 * 4. the final state must equal the clean run's: every cell and attribute of every sheet but
 *    `Nhật ký` (which rightly holds one more line per run), the documents in Drive not in the bin
 *    (name, folder, every paragraph with its attributes), the outbox, the document properties (the
 *    reminder ledger) and the triggers. Documents are named by their rank in content order among those
 *    not in the bin, so a re-made report equals the clean one though Drive gave it another id.
 * The faulted run must also have shown no "unexpected error", no English, and, whenever it did not
 * finish, a Vietnamese message saying to try again; a menu item never throws.
 */
import fc from 'fast-check';
import type { Emulator, Execution } from '../../emulator/index';
import { ScriptError } from '../../emulator/index';
import type { FaultKind } from '../../emulator/faults';
import { LOG } from '../../src/contract/sheets';
import { type FuzzOperation, OPERATIONS, type Step } from './operations';
import { planDoc, reviewSpec } from './plan-docs';
import { vietnameseProblems } from './vietnamese';
import { install, type WorkbookSpec, workbookState } from './workbook';

/** Menu items the plain fuzz does not drive, run here too: each writes what a fault may cut short. */
const MENU_ONLY = (fn: string): FuzzOperation => ({
  fn,
  as: 'menu',
  step: fc.constant({ op: fn }),
  reports: 'dialog',
  logRows: 'one',
  writesComputed: true,
  refreshes: 'never',
  appendsTo: [],
  prepare: () => ({ args: [] }),
});

export const FAULT_OPERATIONS: Record<string, FuzzOperation> = {
  ...OPERATIONS,
  setupWorkbook: MENU_ONLY('setupWorkbook'),
  installTriggers: MENU_ONLY('installTriggers'),
  reportNextDue: MENU_ONLY('reportNextDue'),
  // Always a plan imported first: a fault then falls among the rows and marks confirmImport writes.
  confirmImport: {
    ...OPERATIONS.confirmImport!,
    step: fc
      .record({ review: reviewSpec, doc: planDoc })
      .map(({ review, doc }) => ({ op: 'confirmImport', review, importDoc: { target: 'id' as const, doc } })),
  },
};

export interface FaultPlan {
  step: Step;
  /** Picks the failing call: 1 + at mod (the clean run's call count). */
  at: number;
  kind: FaultKind;
}

export const faultPlan: fc.Arbitrary<FaultPlan> = fc.record({
  step: fc.oneof(...Object.values(FAULT_OPERATIONS).map((o) => o.step)),
  at: fc.nat(),
  kind: fc.constantFrom<FaultKind>('failed', 'unavailable', 'quota', 'email-quota'),
});

/** What a fault fuzz run counted, for the closing figures. */
export interface FaultTally {
  cases: number;
  /** Faults injected, by operation. */
  injected: Record<string, number>;
  /** Runs the fault stopped (the user was told to try again), by operation. */
  retried: Record<string, number>;
  /** Faults the operation absorbed (it finished anyway), by operation. */
  absorbed: Record<string, number>;
  /** Documents and mails of the clean runs, compared with the faulted ones. */
  documents: number;
  mails: number;
}

export const newFaultTally = (): FaultTally => ({
  cases: 0,
  injected: {},
  retried: {},
  absorbed: {},
  documents: 0,
  mails: 0,
});

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

export const TRY_AGAIN = /thử lại|lần chạy sau/;
const UNEXPECTED = 'lỗi không mong muốn';

interface Outcome {
  /** Dialogs, toasts, the thrown message and the new `Nhật ký` line. */
  seen: string[];
  thrown: string | undefined;
  calls: number;
}

/** The `Kết quả` cells of `Nhật ký` (the log line is what a trigger run leaves for the user). */
function logLines(emu: Emulator): string[] {
  const sheet = emu.spreadsheet.sheets.find((s) => s.name === LOG.name);
  return sheet ? sheet.values.slice(1).map((r) => String(r?.[3] ?? '')) : [];
}

function runOnce(emu: Emulator, op: FuzzOperation, args: unknown[]): Outcome {
  const dialogs = emu.dialogs.length;
  const toasts = emu.spreadsheet.toasts.length;
  const logged = logLines(emu).length;
  let thrown: string | undefined;
  let execution: Execution<unknown>;
  try {
    execution = emu.run(op.fn, args, { as: op.as });
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    thrown = e.message;
    execution = e.execution;
  }
  const seen = [
    ...emu.dialogs.slice(dialogs),
    ...emu.spreadsheet.toasts.slice(toasts),
    ...(thrown === undefined ? [] : [thrown]),
    ...logLines(emu).slice(logged),
  ];
  return { seen, thrown, calls: execution.calls.total() };
}

/** Everything a run leaves that a user or the next run sees, with documents named by their order. */
export function finalState(emu: Emulator): string {
  // By content, not by the order Drive made them in: a re-run may make a period's report after another's.
  const live = emu.documentApp.documents
    .filter((d) => !d.file.trashed)
    .map((d) => ({
      id: d.id,
      content: JSON.stringify({
        name: d.getName(),
        folder: d.file.parent?.name ?? null,
        paragraphs: d.body.paragraphs().map((p) => [p.style(), p.styledRuns()]),
      }),
    }))
    .sort((a, b) => (a.content < b.content ? -1 : a.content > b.content ? 1 : 0));
  const docs = live.map((d) => d.content);
  const state = {
    sheets: workbookState(emu).filter((s) => s.name !== LOG.name),
    docs,
    // Each mail exactly once; the order is not the user's concern (a re-run sends what failed last).
    outbox: emu.mail.outbox.map(({ at: _at, ...m }) => JSON.stringify(m)).sort(),
    // Every file in Drive not in the bin (a copied workbook too), by name and type.
    files: emu.driveApp.files
      .filter((f) => !f.trashed)
      .map((f) => `${f.mimeType} ${f.name} in ${f.parent?.name ?? ''}`)
      .sort(),
    properties: [...emu.properties.document.data].sort(),
    triggers: emu.triggers.all.map((t) => JSON.stringify(t.spec)).sort(),
  };
  let text = JSON.stringify(state);
  live.forEach((d, i) => {
    text = text.split(d.id).join(`live-document-${i + 1}`);
  });
  // A link to a document in the bin stays visible as such.
  for (const d of emu.documentApp.documents) if (d.file.trashed) text = text.split(d.id).join('document-in-the-bin');
  return text;
}

/** The first difference between two final states, as a short excerpt of each. */
function firstDifference(clean: string, faulted: string): string {
  let i = 0;
  while (i < clean.length && clean[i] === faulted[i]) i++;
  const from = Math.max(0, i - 120);
  return `clean: …${clean.slice(from, i + 120)}…\nfaulted: …${faulted.slice(from, i + 120)}…`;
}

function messageProblems(text: string): string[] {
  const out: string[] = [];
  if (text.toLowerCase().includes(UNEXPECTED)) out.push(`an unexpected error was shown: ${JSON.stringify(text)}`);
  const problems = vietnameseProblems(text.normalize('NFC'));
  if (problems.length) out.push(`not Vietnamese (${problems.join('; ')}): ${JSON.stringify(text)}`);
  return out;
}

/**
 * One fault case; returns the differences from the clean run and the broken promises (empty: it
 * passes).
 */
export function runFaultCase(spec: WorkbookSpec, plan: FaultPlan, tally: FaultTally = newFaultTally()): string[] {
  const op = FAULT_OPERATIONS[plan.step.op]!;
  const cleanEmu = install(spec);
  const cleanArgs = op.prepare(cleanEmu, plan.step);
  if (!cleanArgs) return [];
  const documents = cleanEmu.documentApp.documents.length;
  const mails = cleanEmu.mail.outbox.length;
  const clean = runOnce(cleanEmu, op, cleanArgs.args);
  const index = 1 + (plan.at % clean.calls);

  const emu = install(spec);
  const prepared = op.prepare(emu, plan.step)!;
  emu.faults.failAt(index, plan.kind);
  const faulted = runOnce(emu, op, prepared.args);
  emu.faults.clear();
  tally.cases++;
  tally.documents += cleanEmu.documentApp.documents.length - documents;
  tally.mails += cleanEmu.mail.outbox.length - mails;
  bump(tally.injected, op.fn);

  const failures: string[] = [];
  const at = `${op.fn}, call ${index}/${clean.calls} failing (${plan.kind})`;
  if (faulted.thrown !== undefined && op.reports !== 'thrown') failures.push(`${at}: threw ${JSON.stringify(faulted.thrown)}`);
  for (const text of faulted.seen) failures.push(...messageProblems(text).map((p) => `${at}: ${p}`));

  // The user re-runs what the fault stopped, having been told so (a message the clean run did not show).
  const told = faulted.seen.some((t) => TRY_AGAIN.test(t) && !clean.seen.includes(t));
  const finished = finalState(emu) === finalState(cleanEmu);
  if (told) {
    bump(tally.retried, op.fn);
    runOnce(emu, op, prepared.args);
  } else {
    bump(tally.absorbed, op.fn);
    if (!finished) failures.push(`${at}: stopped without telling the user to try again: ${JSON.stringify(faulted.seen)}`);
  }
  const want = finalState(cleanEmu);
  const got = finalState(emu);
  if (got !== want)
    failures.push(`${at}: ${told ? 'after the re-run, ' : ''}the final state differs\n${firstDifference(want, got)}`);
  return failures;
}
