/**
 * Parsing one sheet row into a typed row. Every field goes through its zod cell schema; the
 * problems (column header + Vietnamese message) are collected, never thrown, so one bad cell
 * marks its row `Lỗi dữ liệu` and the other rows go on.
 */
import * as z from 'zod/mini';
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

function parseWith<T>(
  schema: z.ZodMiniType<T>,
  def: SheetDef,
  cells: Record<string, CellIn>,
): { value: Partial<T>; problems: Problem[] } {
  const res = schema.safeParse(cells);
  if (res.success) return { value: res.data, problems: [] };
  // Parse field by field so that the good fields still come through next to the bad ones.
  const value: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const shape = (schema as unknown as { def: { shape: Record<string, z.ZodMiniType> } }).def.shape;
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const r = fieldSchema.safeParse(cells[key]);
    if (r.success) value[key] = r.data;
    else problems.push({ column: def.columns[key]!.header, message: r.error.issues[0]?.message ?? 'giá trị không hợp lệ' });
  }
  return { value: value as Partial<T>, problems };
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

const taskSchema = (ctx: ParseContext) =>
  z.object({
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
const indicatorSchema = (percent: boolean) => {
  const measure = percent ? percentCell : numberCell;
  return z.object({
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
  });
};
const INDICATOR_SCHEMAS = { percent: indicatorSchema(true), plain: indicatorSchema(false) };

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

const periodSchema = (ctx: ParseContext) =>
  z.object({
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
  const task = taskSchema(ctx);
  const period = periodSchema(ctx);
  return {
    task: (cells: Record<string, CellIn>) => parseWith(task, TASKS, cells),
    indicator: (cells: Record<string, CellIn>) => {
      const percent = normalizeLabel(String(cells.unit?.v ?? '')) === '%';
      return parseWith(INDICATOR_SCHEMAS[percent ? 'percent' : 'plain'], INDICATORS, cells);
    },
    period: (cells: Record<string, CellIn>) => parseWith(period, PERIODS, cells),
  };
}
