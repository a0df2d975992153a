/**
 * The fuzz properties, checked after every step of a case:
 * - no input cell, user column, user sheet or user format changes: the only changes allowed are
 *   the computed columns' cells of data rows (value; status colour and the script's own note) on
 *   sheets that have every required header, rows appended to `Nhật ký` (and to `Lịch sử` by a
 *   report), and text written by the script is never a formula;
 * - no unhandled error reaches the user: no exception out of a menu item or trigger, no
 *   "Đã xảy ra lỗi không mong muốn" anywhere, every message Vietnamese;
 * - every non-blank row gets exactly one valid status, with its colour (after refreshStatuses on a
 *   complete workbook and after a report), a second refresh changes nothing, and onEdit computes
 *   the edited rows as refreshStatuses does;
 * - a report document links nothing; a mail goes only to addresses in the workbook and carries no
 *   user markup;
 * - the same input always gives the same output: the steps replayed on a fresh emulator end in the
 *   same workbook and the same messages.
 */
import type { Emulator } from '../../emulator/index';
import { ScriptError } from '../../emulator/index';
import { INDICATORS, LOG, PERIODS, type SheetDef, TASKS } from '../../src/contract/sheets';
import {
  INDICATOR_STATUSES,
  NO_FILL_READ,
  STATUS,
  type Status,
  statusBackground,
  TASK_STATUSES,
} from '../../src/contract/status';
import { type Edited, type FuzzOperation, OPERATIONS, type Step } from './operations';
import { vietnameseProblems } from './vietnamese';
import {
  cellAt,
  DATA_SHEETS,
  install,
  isBlankValue,
  lastContentRow,
  type SheetState,
  sheetChanges,
  type WorkbookSpec,
  type WorkbookState,
  workbookState,
} from './workbook';

const UNEXPECTED = 'Đã xảy ra lỗi không mong muốn';
const OWN_NOTE = 'Lỗi dữ liệu:';

const PERIOD_STATUSES: readonly Status[] = [
  STATUS.error,
  STATUS.reported,
  STATUS.overdue,
  STATUS.dueSoon,
  STATUS.notDue,
  STATUS.sent,
  STATUS.sentLate,
];
const VALID_STATUSES: Record<string, readonly Status[]> = {
  [TASKS.name]: TASK_STATUSES,
  [INDICATORS.name]: INDICATOR_STATUSES,
  [PERIODS.name]: PERIOD_STATUSES,
};

/**
 * What each computed column's cells may have changed on a data row, by field. A formula a user put
 * there may be replaced by the computed value (never by another formula).
 */
const WRITABLE: Record<string, readonly string[]> = {
  status: ['value', 'formula', 'background', 'note'],
  result: ['value', 'formula'],
  createdAt: ['value', 'formula', 'format'],
  link: ['value', 'formula'],
};

const normalise = (h: unknown) =>
  String(h ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A data sheet as the script should see it: its contract columns found by header text. */
interface Layout {
  def: SheetDef;
  /** Column (1-based) of each contract field present; the leftmost header wins. */
  cols: Map<string, number>;
  complete: boolean;
}

function layoutOf(state: SheetState, def: SheetDef): Layout {
  const cols = new Map<string, number>();
  (state.cells[0] ?? []).forEach((cell, i) => {
    const key = Object.keys(def.columns).find((k) => normalise(def.columns[k]!.header) === normalise(cell.value));
    if (key && !cols.has(key)) cols.set(key, i + 1);
  });
  const complete = Object.entries(def.columns).every(([k, c]) => !c.required || cols.has(k));
  return { def, cols, complete };
}

function isDataRow(state: SheetState, layout: Layout, r: number): boolean {
  for (const [key, c] of layout.cols) {
    if (!layout.def.columns[key]!.computed && !isBlankValue(cellAt(state, r, c).value)) return true;
  }
  return false;
}

const isComplete = (state: WorkbookState) =>
  DATA_SHEETS.every((def) => {
    const s = state.find((x) => x.name === def.name);
    return s !== undefined && layoutOf(s, def).complete;
  });

const where = (sheet: string, r: number, c: number) => `«${sheet}»!R${r}C${c}`;
const show = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…` : v);

function messageProblems(kind: string, text: string): string[] {
  const out: string[] = [];
  if (text.includes(UNEXPECTED)) out.push(`${kind}: unexpected error: ${show(text)}`);
  // Messages may echo user text in any normal form; the script's own text is checked for NFC in the source.
  const problems = vietnameseProblems(text.normalize('NFC'));
  if (problems.length) out.push(`${kind} is not Vietnamese with diacritics (${problems.join('; ')}): ${show(text)}`);
  return out;
}

/**
 * A sheet the script appends to: rows up to the last one with content stay as they are, new rows
 * hold no formula. Returns the failures and the appended rows (the header, on a new sheet, excluded).
 */
function checkAppendOnly(before: SheetState | undefined, after: SheetState): { failures: string[]; rows: number[] } {
  const failures: string[] = [];
  const last = lastContentRow(before);
  const appended = new Set<number>();
  for (const ch of sheetChanges(before, after)) {
    if (ch.row <= last)
      failures.push(`${where(after.name, ch.row, ch.col)} ${ch.attr} rewritten: ${show(ch.before)} → ${show(ch.after)}`);
    else appended.add(ch.row);
    if (ch.attr === 'formula' && ch.after !== '')
      failures.push(`${where(after.name, ch.row, ch.col)} became a formula: ${show(ch.after)}`);
  }
  if (last === 0) appended.delete(1);
  return { failures, rows: [...appended].sort((a, b) => a - b) };
}

function checkLog(before: SheetState | undefined, after: SheetState, logRows: FuzzOperation['logRows']): string[] {
  const { failures, rows } = checkAppendOnly(before, after);
  if (lastContentRow(before) === 0) {
    const header = after.cells[0]!.slice(0, LOG.headers.length).map((c) => c.value);
    if (JSON.stringify(header) !== JSON.stringify(LOG.headers))
      failures.push(`«${LOG.name}» made with a wrong header: ${show(header)}`);
  }
  if (rows.length > 1 || (logRows === 'one' && rows.length !== 1))
    failures.push(`«${LOG.name}»: ${rows.length} new rows, expected ${logRows}`);
  for (const r of rows) {
    const cells = after.cells[r - 1]!;
    if (!String(cells[0]?.value).startsWith('Date:'))
      failures.push(`${where(LOG.name, r, 1)} is not a date: ${show(cells[0]?.value)}`);
    cells.forEach((c, i) => {
      if (i > 0 && typeof c.value !== 'string') failures.push(`${where(LOG.name, r, i + 1)} is no longer text: ${show(c.value)}`);
    });
    for (const i of [2, 3]) failures.push(...messageProblems(where(LOG.name, r, i + 1), String(cells[i]?.value ?? '')));
  }
  return failures;
}

/** Changes to a data or user sheet that are not the script's to make. */
function checkSheet(before: SheetState, after: SheetState, writesComputed: boolean, allows?: FuzzOperation['allows']): string[] {
  const out: string[] = [];
  const def = DATA_SHEETS.find((d) => d.name === after.name);
  const layout = def ? layoutOf(before, def) : undefined;
  const computedAt = new Map<number, string>();
  if (writesComputed && layout?.complete)
    for (const [k, c] of layout.cols) if (layout.def.columns[k]!.computed) computedAt.set(c, k);
  const layoutOfSheet = (x: SheetState) => JSON.stringify([x.frozenRows, x.columnWidths, x.protections, x.charts]);
  if (layoutOfSheet(before) !== layoutOfSheet(after))
    out.push(`«${after.name}»: frozen rows, column widths, protections or charts changed`);
  for (const ch of sheetChanges(before, after)) {
    const at = where(ch.sheet, ch.row, ch.col);
    if (allows?.(ch, before)) {
      if (ch.attr === 'formula' && ch.after !== '') out.push(`${at} became a formula: ${show(ch.after)}`);
      continue;
    }
    const key = computedAt.get(ch.col);
    if (key === undefined || ch.row < 2 || !isDataRow(before, layout!, ch.row) || !WRITABLE[key]!.includes(ch.attr)) {
      out.push(`${at} ${ch.attr} changed: ${show(ch.before)} → ${show(ch.after)}`);
      continue;
    }
    if (ch.attr === 'formula' && ch.after !== '') out.push(`${at} became a formula: ${show(ch.after)}`);
    if (ch.attr === 'note' && ch.after !== '') {
      if (!String(ch.after).startsWith(OWN_NOTE)) out.push(`${at} a note that is not the script's: ${show(ch.after)}`);
      out.push(...messageProblems(`note ${at}`, String(ch.after)));
    }
    if (ch.attr === 'note' && ch.before !== '' && !String(ch.before).startsWith(OWN_NOTE))
      out.push(`${at} a user's note removed: ${show(ch.before)}`);
  }
  return out;
}

/** Data rows of a sheet (in `before`) that have one valid status, its colour and the right note in `after`. */
function checkStatuses(
  before: WorkbookState,
  after: WorkbookState,
  rows?: (def: SheetDef, r: number) => boolean,
): { failures: string[]; checked: number } {
  const failures: string[] = [];
  let checked = 0;
  for (const def of DATA_SHEETS) {
    const b = before.find((s) => s.name === def.name)!;
    const a = after.find((s) => s.name === def.name)!;
    const layout = layoutOf(b, def);
    const status = layout.cols.get('status')!;
    const result = layout.cols.get('result');
    for (let r = 2; r <= b.cells.length; r++) {
      if (!isDataRow(b, layout, r) || (rows && !rows(def, r))) continue;
      checked++;
      const cell = cellAt(a, r, status);
      const at = where(def.name, r, status);
      if (!VALID_STATUSES[def.name]!.includes(cell.value as Status)) {
        failures.push(`${at}: not a valid status: ${show(cell.value)}`);
        continue;
      }
      // No fill (null) reads as white, as in Sheets.
      if (cell.background !== (statusBackground(cell.value as Status) ?? NO_FILL_READ))
        failures.push(`${at}: colour ${cell.background} does not match ${show(cell.value)}`);
      const prior = cellAt(b, r, status).note;
      const usersNote = prior !== '' && !prior.startsWith(OWN_NOTE);
      if (usersNote && cell.note !== prior) failures.push(`${at}: a user's note replaced`);
      if (!usersNote && (cell.value === STATUS.error) !== cell.note.startsWith(OWN_NOTE))
        failures.push(`${at}: note ${show(cell.note)} does not match ${show(cell.value)}`);
      if (result !== undefined) {
        const v = cellAt(a, r, result).value;
        const measured = cell.value === STATUS.met || cell.value === STATUS.missed;
        const ok = measured
          ? typeof v === 'number' &&
            Number.isFinite(v) &&
            Math.abs(Math.round(v * 100) - v * 100) < 1e-6 * Math.max(1, Math.abs(v))
          : v === '';
        if (!ok) failures.push(`${where(def.name, r, result)}: result ${show(v)} does not match ${show(cell.value)}`);
      }
    }
  }
  return { failures, checked };
}

/** Counts for the fuzz report: what the properties were checked on. */
export interface Tally {
  steps: Record<string, number>;
  /** Cells whose every attribute was compared before and after a step. */
  cellsCompared: number;
  /** Data rows whose status was checked after a refresh, a report or an edit. */
  rowsWithStatus: number;
  /** Steps that stopped with a message (missing sheet or header, unknown period, …). */
  stopped: number;
  /** Report documents and mails checked. */
  documents: number;
  mails: number;
  /** Operations' own counts (rows the importer read and appended). */
  own: Record<string, number>;
}

export const newTally = (): Tally => ({
  steps: {},
  cellsCompared: 0,
  rowsWithStatus: 0,
  stopped: 0,
  documents: 0,
  mails: 0,
  own: {},
});

interface StepResult {
  failures: string[];
  /** What the user saw: new dialogs, toasts, and the thrown message. */
  seen: string[];
}

const computedOnly = (state: WorkbookState) => state.filter((s) => s.name !== LOG.name);

/** A second refresh on a refreshed workbook writes no computed cell. */
function checkIdempotent(emu: Emulator): string[] {
  const before = workbookState(emu);
  const { calls } = emu.run('refreshStatuses');
  const writes = ['Range.setValues', 'Range.setBackgrounds', 'Range.setNotes'].map((m) => calls.method(m));
  const out: string[] = [];
  if (writes.some((n) => n > 0)) out.push(`a second refresh still wrote (values/backgrounds/notes: ${writes.join('/')})`);
  if (JSON.stringify(computedOnly(workbookState(emu))) !== JSON.stringify(computedOnly(before)))
    out.push('a second refresh changed the result');
  return out;
}

/**
 * After onEdit, refreshStatuses changes no value in the rows the edit touched: they were computed
 * alike. Colours and notes are left out: to stay near ten calls an edit takes a status cell's colour
 * and note to be those of its old status, so a cell whose colour or note a user changed by hand
 * (pasted values, cleared formatting) is put right by the next refresh, not by the edit.
 */
function checkEditAgrees(emu: Emulator, edited: Edited, before: WorkbookState): string[] {
  const def: SheetDef | undefined = [TASKS, INDICATORS].find((d) => d.name === edited.sheet);
  if (!def || !isComplete(before)) return [];
  const afterEdit = workbookState(emu);
  emu.run('refreshStatuses');
  const afterRefresh = workbookState(emu);
  const b = afterEdit.find((s) => s.name === def.name)!;
  const layout = layoutOf(b, def);
  const inputs = [...layout.cols].filter(([k]) => !def.columns[k]!.computed).map(([, c]) => c);
  if (!inputs.some((c) => c >= edited.col && c <= edited.lastCol)) return [];
  const computed = new Set([...layout.cols].filter(([k]) => def.columns[k]!.computed).map(([, c]) => c));
  return sheetChanges(b, afterRefresh.find((s) => s.name === def.name)!)
    .filter((ch) => ch.row >= Math.max(2, edited.row) && ch.row <= edited.lastRow && computed.has(ch.col) && ch.attr === 'value')
    .map(
      (ch) =>
        `onEdit left ${where(ch.sheet, ch.row, ch.col)} ${ch.attr} ${show(ch.before)} where refreshStatuses writes ${show(ch.after)}`,
    );
}

/** Report documents made in this step: user text stays text, nothing is a link. */
function checkDocuments(emu: Emulator, known: number): string[] {
  const out: string[] = [];
  for (const doc of emu.documentApp.documents.slice(known)) {
    for (const p of doc.body.paragraphs()) {
      for (const run of p.styledRuns()) {
        if (run.attrs.LINK_URL) out.push(`document «${doc.getName()}» links ${show(run.text)} to ${show(run.attrs.LINK_URL)}`);
      }
    }
  }
  return out;
}

const LOGGED_FAILURE = 'Không thực hiện được:';

/** The `Kết quả` of the row a step appended to `Nhật ký`, if it appended one. */
function newLogLine(before: WorkbookState, after: WorkbookState): string | undefined {
  const b = before.find((s) => s.name === LOG.name);
  const a = after.find((s) => s.name === LOG.name);
  if (!a) return undefined;
  const row = checkAppendOnly(b, a).rows[0];
  return row === undefined ? undefined : String(cellAt(a, row, 4).value);
}

/** Mails sent in this step: only to addresses the workbook holds, user text escaped in HTML. */
function checkMails(emu: Emulator, known: number, before: WorkbookState): string[] {
  const out: string[] = [];
  // A person chip holds its address in its link (mailto:), not in the cell's value.
  const chips = emu.spreadsheet.sheets.flatMap((s) => s.chips.flat().map((c) => c?.url.toLowerCase() ?? ''));
  const cells = [...before.flatMap((s) => s.cells.flat().map((c) => String(c.value).toLowerCase())), ...chips].join(' ');
  for (const m of emu.mail.outbox.slice(known)) {
    for (const to of [...m.to, ...m.cc, ...m.bcc])
      if (!cells.includes(to.toLowerCase())) out.push(`mail to ${show(to)}, an address not in the workbook`);
    if (/<(script|a\s+href="(?!https:\/\/docs\.google\.com\/))/i.test(m.htmlBody ?? ''))
      out.push(`mail HTML carries user markup: ${show(m.htmlBody)}`);
    if (/[\r\n]/.test(`${m.subject}${m.name ?? ''}`)) out.push(`mail subject or sender name spans lines: ${show(m.subject)}`);
    out.push(...messageProblems('mail subject', m.subject));
  }
  return out;
}

function runStep(emu: Emulator, step: Step, tally: Tally): StepResult | null {
  const op = OPERATIONS[step.op]!;
  const prepared = op.prepare(emu, step);
  if (!prepared) return null;
  const before = workbookState(emu);
  const dialogs = emu.ui.dialogs.length;
  const toasts = emu.spreadsheet.toasts.length;
  const documents = emu.documentApp.documents.length;
  const mails = emu.mail.outbox.length;
  let thrown: string | undefined;
  try {
    emu.run(op.fn, prepared.args, { as: op.as });
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    thrown = e.message;
  }
  const after = workbookState(emu);
  const shown = emu.dialogs.slice(dialogs);
  const seen = [...shown, ...emu.spreadsheet.toasts.slice(toasts), ...(thrown === undefined ? [] : [thrown])];
  const failures: string[] = [];
  tally.steps[step.op] = (tally.steps[step.op] ?? 0) + 1;
  tally.cellsCompared += before.reduce((n, sheet) => n + sheet.cells.reduce((m, row) => m + row.length, 0), 0);
  // Logged operations log their failures as such; onEdit reports them in a toast.
  const logged = newLogLine(before, after);
  const succeeded =
    thrown === undefined &&
    (op.logRows === 'one'
      ? logged !== undefined && !logged.startsWith(LOGGED_FAILURE)
      : emu.spreadsheet.toasts.length === toasts);
  if (!succeeded) tally.stopped++;

  if (thrown !== undefined && op.reports !== 'thrown') failures.push(`${op.fn} threw: ${show(thrown)}`);
  if (op.reports === 'dialog' && shown.length !== 1) failures.push(`${op.fn}: ${shown.length} dialogs, expected one`);
  for (const text of seen) failures.push(...messageProblems(`${op.fn} said`, text));

  for (const s of before) if (!after.some((a) => a.name === s.name)) failures.push(`sheet «${s.name}» deleted`);
  for (const a of after) {
    const b = before.find((s) => s.name === a.name);
    if (a.name === LOG.name) failures.push(...checkLog(b, a, op.logRows));
    else if (op.appendsTo.includes(a.name)) failures.push(...checkAppendOnly(b, a).failures);
    else if (op.owns?.includes(a.name)) failures.push(...checkSheet(b ?? { ...a, cells: [] }, a, false, () => true));
    else if (!b) failures.push(`sheet «${a.name}» created`);
    else failures.push(...checkSheet(b, a, op.writesComputed, op.allows));
  }
  if (op.check)
    failures.push(...op.check({ emu, before, after, succeeded, count: (k, n) => void (tally.own[k] = (tally.own[k] ?? 0) + n) }));

  const complete = isComplete(before);
  if (op.refreshes === 'always' && !complete) {
    const missing = DATA_SHEETS.filter((def) => {
      const s = before.find((x) => x.name === def.name);
      return !s || !layoutOf(s, def).complete;
    });
    if (!missing.some((def) => shown[0]?.includes(`«${def.name}»`)))
      failures.push(`${op.fn} did not name the incomplete sheet: ${show(shown[0])}`);
  }
  if ((op.refreshes === 'always' && complete) || (op.refreshes === 'on success' && succeeded)) {
    if (!succeeded) failures.push(`${op.fn} failed on a complete workbook: ${show(seen[0])}`);
    const statuses = checkStatuses(before, after);
    failures.push(...statuses.failures);
    tally.rowsWithStatus += statuses.checked;
    failures.push(...checkIdempotent(emu));
  }
  if (prepared.edited && succeeded) failures.push(...checkEditAgrees(emu, prepared.edited, before));
  tally.mails += emu.mail.outbox.length - mails;
  failures.push(...checkMails(emu, mails, before));
  if (emu.documentApp.documents.length > documents) {
    tally.documents += emu.documentApp.documents.length - documents;
    failures.push(...checkDocuments(emu, documents));
  }
  return { failures, seen };
}

/** Runs the steps on a fresh emulator; returns every failure (empty: the case passes). */
export function runCase(spec: WorkbookSpec, steps: readonly Step[], tally: Tally = newTally()): string[] {
  const play = (counts: Tally) => {
    const emu = install(spec);
    const results = steps.map((s) => runStep(emu, s, counts));
    return { emu, results };
  };
  const first = play(tally);
  const failures = first.results.flatMap((r, i) => (r ? r.failures.map((f) => `step ${i + 1} (${steps[i]!.op}): ${f}`) : []));
  const second = play(newTally());
  if (JSON.stringify(workbookState(second.emu)) !== JSON.stringify(workbookState(first.emu)))
    failures.push('a replay on the same input ended in a different workbook');
  if (JSON.stringify(second.results.map((r) => r?.seen)) !== JSON.stringify(first.results.map((r) => r?.seen)))
    failures.push('a replay on the same input showed different messages');
  return failures;
}
