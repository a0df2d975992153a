/**
 * `onEdit(e)` (simple trigger): when an edit or paste touches input cells of `Nhiệm vụ` or
 * `Chỉ tiêu`, recomputes the computed cells of the touched rows only, with the same engine as
 * refreshStatuses. It reads the header row and the touched rows (number formats only where a
 * percent cell holds a number), and writes only what changed, so a one-row edit costs about ten
 * spreadsheet calls whatever the size of the sheet. Edits anywhere else change nothing.
 */
import { type Box, parseA1 } from '../core/a1';
import { UserError } from '../core/errors';
import {
  evaluateIndicatorGrid,
  evaluatePeriodGrid,
  evaluateTaskGrid,
  type Grid,
  type Outcome,
  resultColumn,
  statusColumn,
} from '../core/evaluate';
import { rowParsers } from '../core/rows';
import { type Clock, clockFor, reportLinks } from '../core/rules';
import { type ColumnIndex, CONFIG_SHEET, INDICATORS, locateColumns, PERIODS, type SheetDef, TASKS } from '../core/sheets';
import { cellText } from '../core/text';
import { STATUS, type Status } from '../core/status';
import { type Block, readStatusColumn, writeStatusColumn, writeValueColumn, zoneClock } from '../gas/book';
import { editContext } from '../gas/edit-context';
import { withDocumentLock } from '../gas/lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A simple trigger may run 30 s in all; waiting longer for the lock would end it mid-way. */
export const EDIT_LOCK_WAIT_MS = 10_000;

/** A background no status has: the status cell's colour is taken as unknown, so it gets written. */
const UNKNOWN_BACKGROUND = '?';

function touchesInput(def: SheetDef, cols: ColumnIndex<string>, box: Box): boolean {
  return Object.entries(def.columns).some(([key, col]) => {
    const c = cols[key]! + 1;
    return !col.computed && c >= box.column && c <= box.lastColumn;
  });
}

/**
 * Number formats of the touched rows, or undefined when no percent cell holds a number. When all
 * such cells lie in the edited range (typing a progress figure), that range's formats suffice.
 */
function readFormats(
  sheet: Sheet,
  edited: Range,
  box: Box,
  first: number,
  values: unknown[][],
  percentCols: number[],
): string[][] | undefined {
  const needed = values.flatMap((row, i) =>
    percentCols.filter((c) => c >= 0 && typeof row[c] === 'number').map((c) => [first + i, c + 1] as const),
  );
  if (!needed.length) return undefined;
  const width = values[0]!.length;
  if (needed.every(([r, c]) => r >= box.row && r <= box.lastRow && c >= box.column && c <= box.lastColumn)) {
    const f = edited.getNumberFormats();
    return values.map((_, i) => Array.from({ length: width }, (_, c) => f[first + i - box.row]?.[c + 1 - box.column] ?? ''));
  }
  return sheet.getRange(first, 1, values.length, width).getNumberFormats();
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

/** A report task's deadline and completion come from its period (one more read, only when needed). */
function periodLinks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, parsers: ReturnType<typeof rowParsers>, clock: Clock) {
  const values = ss.getSheetByName(PERIODS.name)?.getDataRange().getValues() ?? [];
  const found = locateColumns(PERIODS, values[0] ?? []);
  if (!found.ok) return null;
  return reportLinks(evaluatePeriodGrid({ values }, found.cols, parsers, clock).filter((o) => o !== null));
}

function recompute(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const edited = e.range;
  const sheet = edited.getSheet();
  const name = sheet.getName();
  if (name === CONFIG_SHEET) {
    editContext(e.source, true);
    return;
  }
  const def = name === TASKS.name ? TASKS : name === INDICATORS.name ? INDICATORS : null;
  if (!def) return;
  const box = parseA1(edited.getA1Notation());
  if (!box || box.lastRow < 2) return;
  const header = sheet.getSheetValues(1, 1, 1, -1)[0] ?? [];
  const found = locateColumns<string>(def, header);
  // A missing header is for refreshStatuses and validateData to explain; an edit writes nothing.
  if (!found.ok || !touchesInput(def, found.cols, box)) return;

  const first = Math.max(2, box.row);
  const values = sheet.getSheetValues(first, 1, box.lastRow - first + 1, header.length);
  const percentCols = Object.entries(def.columns)
    .filter(([, c]) => c.percent)
    .map(([k]) => found.cols[k]!);
  const formats = readFormats(sheet, edited, box, first, values, percentCols);
  const grid: Grid = { values: [header, ...values], formats: formats && [[], ...formats], firstRow: first };
  const block: Block<string> = { sheet, grid, cols: found.cols, rows: values.length };

  const context = editContext(e.source);
  const { offsetMinutes, today } = zoneClock(context.timeZone);
  const clock = clockFor(today, context.warningDays, context.planYear);
  const parsers = rowParsers({ offsetMinutes });

  withDocumentLock(() => {
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
  }, EDIT_LOCK_WAIT_MS);
}

export const EDIT_FAILED = 'CCHC chưa cập nhật được trạng thái của các dòng vừa sửa';

/** Never throws to the user: a failure becomes a toast (and a log entry for the administrator). */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  try {
    recompute(e);
  } catch (err) {
    const detail = err instanceof UserError ? err.message : err instanceof Error ? err.message : String(err);
    console.error(`onEdit: ${detail}`);
    try {
      e.source.toast(`${detail} Hãy chạy CCHC › Cập nhật trạng thái sau.`, EDIT_FAILED, 10);
    } catch {
      // Nothing more can be said from a simple trigger.
    }
  }
}
