/**
 * Parsing one sheet row into a typed row. Every field goes through its zod cell schema; the
 * problems (column header + Vietnamese message) are collected, never thrown, so one bad cell
 * marks its row `Lỗi dữ liệu` and the other rows go on.
 */
import type * as z from 'zod/mini';
import { type CellIn, type Deadline, dayCell, deadlineCell, numberCell, percentCell, textCell } from './cells';
import type { Day, Offset } from './days';
import { type ColumnIndex, INDICATORS, PERIODS, type SheetDef, TASKS } from '../contract/sheets';
import { isBlank, normalizeLabel } from './text';

export interface Problem {
  /** Header text of the column at fault. */
  column: string;
  message: string;
}

export interface ParseContext {
  /** Offset of the spreadsheet's time zone from UTC, in minutes (per instant where it varies). */
  offsetMinutes: Offset;
}

type Keys<D> = D extends SheetDef<infer K> ? K : never;

/** Cells of one row keyed by column; absent optional columns read as blank. */
export function rowCells<K extends string>(
  cols: ColumnIndex<K>,
  values: readonly unknown[],
  formats: readonly string[] | undefined,
  keys: readonly K[],
): Record<K, CellIn> {
  const out = {} as Record<K, CellIn>;
  for (const k of keys) {
    const i = cols[k];
    out[k] = i < 0 ? { v: '', f: '' } : { v: values[i], f: formats?.[i] ?? '' };
  }
  return out;
}

export function isBlankRow(cells: Record<string, CellIn>): boolean {
  return Object.values(cells).every((c) => isBlank(c.v));
}

const BLANK_CELL: CellIn = { v: '', f: '' };

/**
 * A row parser over a shape of cell schemas. Each cell goes through its own schema (no zod object
 * per row: its per-row overhead cost more than the cells). A blank cell reads the same whatever
 * its format, so a schema whose blank result is a plain value parses a blank once, up front.
 */
function rowParser<S extends Record<string, z.ZodMiniType>>(shape: S, def: SheetDef) {
  const fields = Object.entries(shape).map(([key, schema]) => {
    const blank = schema.safeParse(BLANK_CELL);
    const reuse = blank.success && (blank.data === null || typeof blank.data !== 'object');
    return { key, schema, header: def.columns[key]!.header, reuse, blank: blank.data as unknown };
  });
  type Row = { [K in keyof S]: z.infer<S[K]> };
  return (cells: Record<string, CellIn>): { value: Partial<Row>; problems: Problem[] } => {
    const value: Record<string, unknown> = {};
    const problems: Problem[] = [];
    for (const f of fields) {
      const cell = cells[f.key]!;
      if (f.reuse && isBlank(cell.v)) {
        value[f.key] = f.blank;
        continue;
      }
      const r = f.schema.safeParse(cell);
      if (r.success) value[f.key] = r.data;
      else problems.push({ column: f.header, message: r.error.issues[0]?.message ?? 'giá trị không hợp lệ' });
    }
    return { value: value as Partial<Row>, problems };
  };
}

export interface TaskRow {
  code: string;
  area: string;
  name: string;
  lead: string;
  partners: string;
  owner: string;
  email: string;
  deadline: Deadline;
  progress: number | null;
  completed: Day | null;
  note: string;
  narrative: string;
  period: string;
}

export const TASK_INPUTS = [
  'code',
  'area',
  'name',
  'lead',
  'partners',
  'owner',
  'email',
  'deadline',
  'progress',
  'completed',
  'note',
  'narrative',
  'period',
] as const satisfies readonly Keys<typeof TASKS>[];

const taskShape = (ctx: ParseContext) => ({
  code: textCell,
  area: textCell,
  name: textCell,
  lead: textCell,
  partners: textCell,
  owner: textCell,
  email: textCell,
  deadline: deadlineCell(ctx.offsetMinutes),
  progress: percentCell,
  completed: dayCell(ctx.offsetMinutes),
  note: textCell,
  narrative: textCell,
  period: textCell,
});

export interface IndicatorRow {
  code: string;
  area: string;
  name: string;
  comparator: string;
  target: number | null;
  unit: string;
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  note: string;
}

export const INDICATOR_INPUTS = [
  'code',
  'area',
  'name',
  'comparator',
  'target',
  'unit',
  'numerator',
  'denominator',
  'actual',
  'note',
] as const satisfies readonly Keys<typeof INDICATORS>[];

/** Target and actual are percent points when the unit is `%` (SPEC §2). */
const indicatorShape = (percent: boolean) => {
  const measure = percent ? percentCell : numberCell;
  return {
    code: textCell,
    area: textCell,
    name: textCell,
    comparator: textCell,
    target: measure,
    unit: textCell,
    numerator: numberCell,
    denominator: numberCell,
    actual: measure,
    note: textCell,
  };
};
const INDICATOR_PARSERS = {
  percent: rowParser(indicatorShape(true), INDICATORS),
  plain: rowParser(indicatorShape(false), INDICATORS),
};

export interface PeriodRow {
  code: string;
  name: string;
  due: Day | null;
  remindDays: number | null;
  from: Day | null;
  to: Day | null;
  sentOn: Day | null;
  proposals: string;
  link: string;
}

export const PERIOD_INPUTS = [
  'code',
  'name',
  'due',
  'remindDays',
  'from',
  'to',
  'sentOn',
  'proposals',
  'link',
] as const satisfies readonly Keys<typeof PERIODS>[];

const periodShape = (ctx: ParseContext) => ({
  code: textCell,
  name: textCell,
  due: dayCell(ctx.offsetMinutes),
  remindDays: numberCell,
  from: dayCell(ctx.offsetMinutes),
  to: dayCell(ctx.offsetMinutes),
  sentOn: dayCell(ctx.offsetMinutes),
  proposals: textCell,
  link: textCell,
});

/** Parsers built once per operation (schemas depend on the time zone only). */
export function rowParsers(ctx: ParseContext) {
  const task = rowParser(taskShape(ctx), TASKS);
  const period = rowParser(periodShape(ctx), PERIODS);
  return {
    task,
    indicator: (cells: Record<string, CellIn>) => {
      const percent = normalizeLabel(String(cells.unit?.v ?? '')) === '%';
      return INDICATOR_PARSERS[percent ? 'percent' : 'plain'](cells);
    },
    period,
  };
}
