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

const BLANK_CELL: CellIn = { v: '', f: '' };

/** One typed row and what was wrong with its cells. */
interface ParsedRow<R> {
  value: Partial<R>;
  problems: Problem[];
}

/**
 * Parses rows into typed rows through a shape of cell schemas: from cells keyed by field, or from a
 * grid row with its columns found once (`at`). Each cell goes through its own schema (no zod object
 * per row: its per-row overhead cost more than the cells). A blank cell reads the same whatever its
 * format, so a schema whose blank result is a plain value parses a blank once, up front.
 */
function rowParser<S extends Record<string, z.ZodMiniType>>(shape: S, def: SheetDef) {
  const fields = Object.entries(shape).map(([key, schema]) => {
    const blank = schema.safeParse(BLANK_CELL);
    const reuse = blank.success && (blank.data === null || typeof blank.data !== 'object');
    return { key, schema, header: def.columns[key]!.header, reuse, blank: blank.data as unknown };
  });
  type Row = { [K in keyof S]: z.infer<S[K]> };
  /** Cells by column index (`at[j]` for field j, -1 when the column is absent: blank). */
  const parse = (values: readonly unknown[], formats: readonly string[] | undefined, at: readonly number[]) => {
    const value: Record<string, unknown> = {};
    const problems: Problem[] = [];
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j]!;
      const i = at[j]!;
      const v = i < 0 ? '' : values[i];
      if (f.reuse && isBlank(v)) {
        value[f.key] = f.blank;
        continue;
      }
      const r = f.schema.safeParse({ v, f: i < 0 ? '' : (formats?.[i] ?? '') });
      if (r.success) value[f.key] = r.data;
      else problems.push({ column: f.header, message: r.error.issues[0]?.message ?? 'giá trị không hợp lệ' });
    }
    return { value, problems } as ParsedRow<Row>;
  };
  const inOrder = fields.map((_, j) => j);
  return {
    cells: (cells: Record<string, CellIn>) =>
      parse(
        fields.map((f) => cells[f.key]!.v),
        fields.map((f) => cells[f.key]!.f),
        inOrder,
      ),
    /** A parser of grid rows whose columns are `cols`. */
    at: (cols: Readonly<Record<string, number>>) => {
      const at = fields.map((f) => cols[f.key] ?? -1);
      return (values: readonly unknown[], formats?: readonly string[]) => parse(values, formats, at);
    },
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
  const { percent, plain } = INDICATOR_PARSERS;
  const isPercent = (unit: unknown) => normalizeLabel(String(unit ?? '')) === '%';
  return {
    task: task.cells,
    taskRows: (cols: ColumnIndex<keyof typeof TASKS.columns>) => task.at(cols),
    /** Target and actual are percent points when the row's unit is `%`. */
    indicator: (cells: Record<string, CellIn>) => (isPercent(cells.unit?.v) ? percent : plain).cells(cells),
    indicatorRows: (cols: ColumnIndex<keyof typeof INDICATORS.columns>) => {
      const [inPercent, inPlain] = [percent.at(cols), plain.at(cols)];
      return (values: readonly unknown[], formats?: readonly string[]) =>
        (cols.unit >= 0 && isPercent(values[cols.unit]) ? inPercent : inPlain)(values, formats);
    },
    period: period.cells,
    periodRows: (cols: ColumnIndex<keyof typeof PERIODS.columns>) => period.at(cols),
  };
}
