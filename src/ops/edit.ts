/**
 * `onEdit(e)` (simple trigger): when an edit or paste touches input cells of `Nhiệm vụ` or
 * `Chỉ tiêu`, recomputes the computed cells of the touched rows only, with the same engine as
 * refreshStatuses. It reads the header row and the touched rows (number formats only where a
 * percent cell holds a number), and writes only what changed, so a one-row edit costs about ten
 * spreadsheet calls whatever the size of the sheet. Edits anywhere else change nothing.
 */
import type { Box } from '../core/a1';
import { isTransient, transientMessage, UserError } from '../core/errors';
import {
  evaluateIndicatorGrid,
  evaluatePeriodGrid,
  evaluateTaskGrid,
  type Grid,
  type Outcome,
  resultColumn,
  statusColumn,
} from '../core/evaluate';
import type { rowParsers } from '../core/rows';
import { type Clock, reportLinks } from '../core/rules';
import { type ColumnIndex, CONFIG_SHEET, INDICATORS, PERIODS, type SheetDef, TASKS } from '../contract/sheets';
import { locateColumns } from '../core/headers';
import { cellText } from '../core/text';
import { STATUS, type Status } from '../contract/status';
import { type Block, readSheet, readStatusColumn, writeStatusColumn, writeValueColumn } from '../gas/book';
import { editedBox, editedSheet, readFormats, readHeader, readRows } from '../gas/edit';
import { editContext, refreshEditContext } from '../gas/edit-context';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';

/**
 * A simple trigger may run 30 s in all (Apps Script "Simple triggers: restrictions"). The lock is
 * waited for at most 5 s, and never past the point where the writes (about ten calls) would no
 * longer fit in what is left: reading a large paste may already have taken much of the budget.
 */
const EDIT_BUDGET_MS = 30_000;
export const EDIT_LOCK_WAIT_MS = 5_000;
const EDIT_WRITE_RESERVE_MS = 12_000;

/** A background no status has: the status cell's colour is taken as unknown, so it gets written. */
const UNKNOWN_BACKGROUND = '?';

function touchesInput(def: SheetDef, cols: ColumnIndex<string>, box: Box): boolean {
  return Object.entries(def.columns).some(([key, col]) => {
    const c = cols[key]! + 1;
    return !col.computed && c >= box.column && c <= box.lastColumn;
  });
}

/**
 * Writes the status cells of the window, reading only what cannot be known. Colours are read only
 * when the window holds blank rows (whose cells are left as they are); otherwise every status
 * cell's colour is written, since a user may have cleared it (a values-only paste). Notes are read
 * only when a note of ours may appear or go.
 */
function writeStatuses(block: Block<string>, col: number, outcomes: readonly (Outcome<unknown, Status> | null)[]): void {
  const old = block.grid.values.slice(1).map((r) => r[col]);
  const mayNote = outcomes.some((o) => o?.problems.length) || old.includes(STATUS.error);
  const column = readStatusColumn(block, col, {
    backgrounds: outcomes.includes(null) ? undefined : old.map(() => UNKNOWN_BACKGROUND),
    notes: mayNote ? undefined : old.map(() => ''),
  });
  writeStatusColumn(column, statusColumn(outcomes, column.now));
}

/** How long this edit may still wait for the lock, given when it started. */
function lockWait(startedAt: number, now: number): number {
  return Math.max(0, Math.min(EDIT_LOCK_WAIT_MS, startedAt + EDIT_BUDGET_MS - EDIT_WRITE_RESERVE_MS - now));
}

/** A report task's deadline and completion come from its period (one more read, only when needed). */
function periodLinks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, parsers: ReturnType<typeof rowParsers>, clock: Clock) {
  const values = readSheet(ss, PERIODS.name)?.grid.values ?? [];
  const found = locateColumns(PERIODS, values[0] ?? []);
  if (!found.ok) return null;
  return reportLinks(evaluatePeriodGrid({ values }, found.cols, parsers, clock).filter((o) => o !== null));
}

function recompute(e: GoogleAppsScript.Events.SheetsOnEdit, startedAt: number): void {
  const edited = editedSheet(e);
  const { name } = edited;
  if (name === CONFIG_SHEET) {
    refreshEditContext(e.source);
    return;
  }
  const def = name === TASKS.name ? TASKS : name === INDICATORS.name ? INDICATORS : null;
  if (!def) return;
  const box = editedBox(edited);
  if (box.lastRow < 2) return;
  const header = readHeader(edited);
  const found = locateColumns<string>(def, header);
  // A missing header is for refreshStatuses and validateData to explain; an edit writes nothing.
  if (!found.ok || !touchesInput(def, found.cols, box)) return;

  const first = Math.max(2, box.row);
  const values = readRows(edited, first, box.lastRow, header.length);
  const percentCols = Object.entries(def.columns)
    .filter(([, c]) => c.percent)
    .map(([k]) => found.cols[k]!);
  const formats = readFormats(edited, box, first, values, percentCols);
  const grid: Grid = { values: [header, ...values], formats: formats && [[], ...formats], firstRow: first };
  const block: Block<string> = { sheet: edited.sheet, grid, cols: found.cols, rows: values.length };

  const { clock, parsers } = editContext(e.source);

  withDocumentLock(
    () => {
      if (def === TASKS) {
        const cols = found.cols as ColumnIndex<keyof typeof TASKS.columns>;
        const linked = cols.period >= 0 && values.some((r) => cellText(r[cols.period]) !== '');
        const links = linked ? periodLinks(e.source, parsers, clock) : null;
        writeStatuses(block, cols.status, evaluateTaskGrid(grid, cols, parsers, clock, links));
        return;
      }
      const cols = found.cols as ColumnIndex<keyof typeof INDICATORS.columns>;
      const outcomes = evaluateIndicatorGrid(grid, cols, parsers);
      writeStatuses(block, cols.status, outcomes);
      writeValueColumn(
        block,
        cols.result,
        resultColumn(
          outcomes,
          values.map((r) => r[cols.result]),
        ),
      );
    },
    lockWait(startedAt, Date.now()),
  );
}

const EDIT_FAILED = 'CCHC chưa cập nhật được trạng thái của các dòng vừa sửa';

/** Never throws to the user: a failure becomes a toast (and a log entry for the administrator). */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  const startedAt = Date.now();
  try {
    recompute(e, startedAt);
  } catch (err) {
    const detail =
      err instanceof UserError
        ? err.message
        : isTransient(err)
          ? transientMessage(err)
          : err instanceof Error
            ? err.message
            : String(err);
    console.error(`onEdit: ${detail}`);
    try {
      toast(e.source, `${detail} Hãy chạy CCHC › Cập nhật trạng thái sau.`, EDIT_FAILED, 10);
    } catch {
      // Nothing more can be said from a simple trigger.
    }
  }
}
