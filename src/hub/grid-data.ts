/**
 * The parallel reader's request and response: one Sheets API `spreadsheets.get` per commune with
 * the grid data (effective values and number formats) of its four sheets. The number formats are
 * why it is not `values:batchGet`: a percent input reads by its format (docs/SPEC.md §2), and
 * values alone cannot tell 0.5 shown as 50% from 0.5. The grids come out as getValues and
 * getNumberFormats give them, so the commune rules read them unchanged.
 */
import { dayOfInstant, instantOfDay, type Offset } from '../core/days';
import type { Grid } from '../core/evaluate';
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../contract/sheets';
import type { CommuneSheets } from './summary';

const SHEETS = [CONFIG_SHEET, TASKS.name, INDICATORS.name, PERIODS.name] as const;
const FIELDS =
  'properties(timeZone),sheets(properties(title),data(rowData(values(effectiveValue,effectiveFormat(numberFormat(type,pattern))))))';

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function gridDataUrl(id: string): string {
  const ranges = SHEETS.map((s) => `ranges=${encodeURIComponent(quoteSheet(s))}`).join('&');
  return `https://sheets.googleapis.com/v4/spreadsheets/${encodeURIComponent(id)}?includeGridData=true&${ranges}&fields=${encodeURIComponent(FIELDS)}`;
}

interface CellData {
  effectiveValue?: { numberValue?: number; stringValue?: string; boolValue?: boolean; errorValue?: { type: string } };
  effectiveFormat?: { numberFormat?: { type: string; pattern?: string } };
}

export interface GridDataResponse {
  properties?: { timeZone?: string };
  sheets?: { properties: { title: string }; data?: { rowData?: { values?: CellData[] }[] }[] }[];
}

/** Sheets' error values by their API type, as getValues shows them. */
const ERROR_TEXT: Record<string, string> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  ERROR: '#ERROR!',
};

const DAY_MS = 86_400_000;
/** Serial day 0 of Sheets (30/12/1899) as a Day of src/core/days.ts: days since 1970-01-01. */
const SERIAL_EPOCH = -25_569;

/** A cell as getValues returns it: dates (serials formatted as a date) as the Date of that local time. */
function cellValue(cell: CellData, offsetMinutes: Offset): unknown {
  const v = cell.effectiveValue;
  if (!v) return '';
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type] ?? '#ERROR!';
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  const n = v.numberValue ?? '';
  const type = cell.effectiveFormat?.numberFormat?.type;
  if (typeof n === 'number' && (type === 'DATE' || type === 'DATE_TIME')) {
    const whole = Math.floor(n);
    return new Date(instantOfDay(whole + SERIAL_EPOCH, offsetMinutes) + Math.round((n - whole) * DAY_MS));
  }
  return n;
}

function toGrid(rows: { values?: CellData[] }[], offsetMinutes: Offset, withFormats: boolean): Grid {
  const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, c) => (r.values?.[c] ? cellValue(r.values[c]!, offsetMinutes) : '')),
  );
  if (!withFormats) return { values };
  const formats = rows.map((r) =>
    Array.from({ length: width }, (_, c) => r.values?.[c]?.effectiveFormat?.numberFormat?.pattern ?? ''),
  );
  return { values, formats };
}

/** The commune's sheets from one response; `offsetMinutes` is its time zone's offset now. */
export function sheetsFromGridData(body: GridDataResponse, offsetMinutes: Offset, now: number): CommuneSheets {
  const byTitle = new Map((body.sheets ?? []).map((s) => [s.properties.title, s.data?.[0]?.rowData ?? []]));
  const grid = (name: string, withFormats: boolean) => {
    const rows = byTitle.get(name);
    return rows ? toGrid(rows, offsetMinutes, withFormats) : null;
  };
  return {
    offsetMinutes,
    today: dayOfInstant(now, offsetMinutes),
    config: grid(CONFIG_SHEET, false)?.values ?? null,
    tasks: grid(TASKS.name, true),
    indicators: grid(INDICATORS.name, true),
    periods: grid(PERIODS.name, false),
  };
}
