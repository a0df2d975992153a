/**
 * One commune's row of `Số liệu tổng hợp` (docs/SPEC.md §10), computed from the commune's sheets
 * with the commune script's own parsers and rules (src/core/evaluate.ts), as of today in the
 * commune's time zone. Pure: the sequential reader (SpreadsheetApp) and the parallel one (the
 * Sheets API through UrlFetchApp) both end here, so a status means the same in both products.
 */
import { parseConfig } from '../core/config';
import { makeContext } from '../core/context';
import type { Day, Offset } from '../core/days';
import { evaluateIndicatorGrid, evaluatePeriodGrid, evaluateTaskGrid, type Grid } from '../core/evaluate';
import { locateColumns } from '../core/headers';
import { type ColumnIndex, INDICATORS, PERIODS, type SheetDef, TASKS } from '../contract/sheets';
import { STATUS, TASK_STATUSES } from '../contract/status';
import { normalizeLabel } from '../core/text';
import { HUB_INDICATOR_STATUSES, HUB_PERIODS } from './contract';

/** What a reader got from one commune workbook: raw sheet grids (header row first), or null when absent. */
export interface CommuneSheets {
  offsetMinutes: Offset;
  today: Day;
  config: readonly (readonly unknown[])[] | null;
  tasks: Grid | null;
  indicators: Grid | null;
  periods: Grid | null;
}

export interface PeriodSummary {
  link: string;
  /** The period's status by the rules of §3 (`Đã gửi`, `Gửi trễ hạn`, `Quá hạn`, …), or blank when the commune has no such period. */
  status: string;
  proposals: string;
}

export interface CommuneSummary {
  issuer: string;
  tasks: Record<string, number>;
  taskTotal: number;
  indicators: Record<string, number>;
  /** Met over measured (met + not met), as in the commune's overview; null when nothing is measured. */
  shareMet: number | null;
  /** Overdue tasks and overdue reports. */
  overdue: number;
  /** Rows whose status is `Lỗi dữ liệu`. */
  errors: number;
  periods: Record<string, PeriodSummary>;
}

/** Why a commune could not be summarised: a sheet or required header is missing. */
export class Unreadable extends Error {}

function located<K extends string>(def: SheetDef<K>, grid: Grid | null): ColumnIndex<K> {
  if (!grid) throw new Unreadable(`thiếu trang «${def.name}»`);
  const found = locateColumns(def, grid.values[0] ?? []);
  if (!found.ok) throw new Unreadable(`trang «${def.name}» thiếu cột ${found.missing.map((h) => `«${h}»`).join(', ')}`);
  return found.cols;
}

const tally = (keys: readonly string[], statuses: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  for (const s of statuses) if (s in out) out[s]!++;
  return out;
};

/** Throws Unreadable when a sheet or required header is missing; bad rows only count as errors. */
export function summarizeCommune(sheets: CommuneSheets): CommuneSummary {
  const taskCols = located(TASKS, sheets.tasks);
  const indicatorCols = located(INDICATORS, sheets.indicators);
  const periodCols = located(PERIODS, sheets.periods);
  // The commune's own context, as its script builds it for an execution (docs/SPEC.md §2, §3).
  const { config, clock, parsers } = makeContext(sheets, sheets.config ? parseConfig(sheets.config) : null);
  const present = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
  const tasks = present(evaluateTaskGrid(sheets.tasks!, taskCols, parsers, clock));
  const indicators = present(evaluateIndicatorGrid(sheets.indicators!, indicatorCols, parsers));
  const periods = present(evaluatePeriodGrid(sheets.periods!, periodCols, parsers, clock));

  const byCode: Record<string, PeriodSummary> = {};
  for (const code of HUB_PERIODS) {
    const p = periods.find((o) => normalizeLabel(o.row.code ?? '') === normalizeLabel(code));
    // `Kiến nghị` is optional (older workbooks lack it): absent, it reads as blank.
    byCode[code] = { link: p?.row.link ?? '', status: p?.status ?? '', proposals: (p?.row.proposals ?? '').trim() };
  }
  const indicatorCounts = tally(
    HUB_INDICATOR_STATUSES,
    indicators.map((o) => o.status),
  );
  const measured = indicatorCounts[STATUS.met]! + indicatorCounts[STATUS.missed]!;
  const all = [...tasks, ...indicators, ...periods];
  return {
    issuer: config.issuer,
    tasks: tally(
      TASK_STATUSES,
      tasks.map((o) => o.status),
    ),
    taskTotal: tasks.length,
    indicators: indicatorCounts,
    shareMet: measured ? indicatorCounts[STATUS.met]! / measured : null,
    overdue: all.filter((o) => o.status === STATUS.overdue).length,
    errors: all.filter((o) => o.status === STATUS.error).length,
    periods: byCode,
  };
}
