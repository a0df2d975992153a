/**
 * `collectHub` (docs/SPEC.md §10): reads every commune of `Đơn vị` and writes its row of
 * `Số liệu tổng hợp` and its `Trạng thái thu thập`. It never writes to a commune workbook. One
 * execution works for at most BUDGET_MS, keeps its place in the document properties, and leaves a
 * one-off trigger that continues a minute later until every commune is done.
 */
import { withDocumentLock } from '../../gas/lock';
import { appendLog } from '../../gas/log';
import type { Done } from '../../ops/run';
import { BATCH_SIZE, oauthToken, QUOTA_WINDOW_MS, requestBatch, settleBatch } from '../gas/parallel';
import { continueAfter, deleteHandlerTriggers, endRound, loadRound, type RoundState, saveRound, sleep } from '../gas/round';
import { collectSequential } from '../gas/sequential';
import { clearSummaryBelow, readMode, readUnits, writeSummaryRows, writeUnitColumns } from '../gas/hub-book';
import { REASONS, spreadsheetIdOf, summaryRow, type Unit, type UnitOutcome, unitStatus } from '../units';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** No new read starts after this much of an execution (Apps Script stops one at 6 minutes). */
export const BUDGET_MS = 4 * 60_000;
export const CONTINUE_HANDLER = 'collectHubContinue';
export const CONTINUE_AFTER_MS = 60_000;
export const COLLECT_ACTION = 'Thu thập số liệu các đơn vị';

export interface CollectResult {
  /** Communes read in this execution. */
  read: number;
  total: number;
  /** True when the round is over (every commune done). */
  finished: boolean;
}

/** Communes whose link settles them without a read (blank or not a spreadsheet link). */
function linkOutcome(unit: Unit): UnitOutcome | string {
  if (!unit.link) return { ok: false, reason: REASONS.noLink };
  return spreadsheetIdOf(unit.link) ?? { ok: false, reason: REASONS.badLink };
}

/** Reads from units[from] on while time allows; returns an outcome per commune read, in order. */
function readUnitsFrom(units: readonly Unit[], from: number, started: number, parallel: boolean): UnitOutcome[] {
  const out: UnitOutcome[] = [];
  const left = () => BUDGET_MS - (Date.now() - started);
  let i = from;
  if (parallel) {
    const token = oauthToken();
    let batchAt = 0;
    let batchMs = 0;
    // A batch waits for the quota window of the one before: it starts only if that wait and a
    // batch as long as the last one still fit in the budget.
    const waitFor = () => (batchAt ? Math.max(0, batchAt + QUOTA_WINDOW_MS - Date.now()) : 0);
    while (i < units.length && left() > waitFor() + batchMs) {
      const wait = waitFor();
      if (wait) sleep(wait);
      const batch = units.slice(i, i + BATCH_SIZE).map(linkOutcome);
      const ids = batch.filter((b): b is string => typeof b === 'string');
      batchAt = Date.now();
      let responses: ReturnType<typeof requestBatch>;
      try {
        responses = requestBatch(ids, token);
      } catch {
        // UrlFetch itself refused (its daily quota): the rest of this execution reads one by one.
        return [...out, ...readUnitsFrom(units, i, started, false)];
      }
      const results = settleBatch(ids, responses);
      batchMs = Date.now() - batchAt;
      let k = 0;
      // A 429 (quota) leaves the rest of the batch for the next one, after the quota window.
      for (const b of batch) {
        const r = typeof b === 'string' ? results[k++]! : b;
        if ('retry' in r) break;
        out.push(r);
        i++;
      }
    }
    return out;
  }
  while (i < units.length && left() > 0) {
    const link = linkOutcome(units[i]!);
    out.push(typeof link === 'string' ? collectSequential(link) : link);
    i++;
  }
  return out;
}

function timestamps(n: number): Date[] {
  const now = new Date();
  return Array.from({ length: n }, () => now);
}

/** Rows first..last of a run of units, gaps (blank rows of `Đơn vị`) left blank. */
function block<T>(units: readonly Unit[], values: readonly T[], blank: T): { first: number; rows: T[] } {
  if (!units.length) return { first: 2, rows: [] };
  const first = units[0]!.sheetRow;
  const rows: T[] = Array.from({ length: units[units.length - 1]!.sheetRow - first + 1 }, () => blank);
  units.forEach((u, i) => (rows[u.sheetRow - first] = values[i]!));
  return { first, rows };
}

export function collectOperation(ss: Spreadsheet): Done<CollectResult> {
  const started = Date.now();
  const { units, cols } = readUnits(ss);
  const state: RoundState = loadRound() ?? { next: 0, startedAt: started, collected: 0, failed: 0 };
  const from = Math.min(state.next, units.length);
  const outcomes = readUnitsFrom(units, from, started, readMode(ss) === 'parallel');
  const done = units.slice(from, from + outcomes.length);

  return withDocumentLock(() => {
    const summary = block(
      done,
      done.map((u, i) => summaryRow(u, outcomes[i]!)),
      [] as unknown[],
    );
    const width = summary.rows.find((r) => r.length)?.length ?? 0;
    writeSummaryRows(
      ss,
      summary.first,
      summary.rows.map((r) => (r.length ? r : Array.from({ length: width }, () => ''))),
    );
    const statuses = block(
      done,
      outcomes.map((o) => unitStatus(o)),
      '' as unknown,
    );
    const times = block(done, timestamps(done.length), '' as unknown);
    writeUnitColumns(ss, cols, statuses.first, statuses.rows, times.rows);

    state.next = from + outcomes.length;
    state.collected += outcomes.filter((o) => o.ok).length;
    state.failed += outcomes.filter((o) => !o.ok).length;
    const finished = state.next >= units.length;
    deleteHandlerTriggers(CONTINUE_HANDLER);
    if (finished) {
      endRound();
      clearSummaryBelow(ss, units.length ? units[units.length - 1]!.sheetRow : 1);
    } else {
      saveRound(state);
      continueAfter(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
    }
    const lines = [
      `Lần chạy này đọc ${outcomes.length} đơn vị; đã xong ${state.next}/${units.length} đơn vị của lượt thu thập.`,
      `Thu thập được ${state.collected} đơn vị; ${state.failed} đơn vị không đọc được (xem cột «Trạng thái thu thập» của trang «Đơn vị»).`,
      finished ? 'Lượt thu thập đã xong.' : 'Phần còn lại sẽ tự tiếp tục sau khoảng 1 phút.',
    ];
    const message = lines.join('\n');
    appendLog(ss, COLLECT_ACTION, message);
    return { value: { read: outcomes.length, total: units.length, finished }, message };
  });
}
