/**
 * The shape of a plan template (src/sample/tu-xuyen-2023.json), checked when the bundle is built
 * (scripts/build.ts): rows keyed by the exact header texts of SPEC §1, areas from the seven labels,
 * dates as real dd/mm/yyyy days, and every row readable by the status engine without a data error.
 */
import * as z from 'zod/mini';
import { AREA_LABELS, type Comparator, COMPARATOR_SYMBOLS, CONTINUOUS } from '../src/contract/lists';
import type { Row, Template } from '../src/contract/template';
import { parseDay } from '../src/core/cells';
import { CONFIG_LABELS } from '../src/contract/settings';
import { evaluateIndicatorGrid, evaluatePeriodGrid, evaluateTaskGrid } from '../src/core/evaluate';
import { dayFromYmd } from '../src/core/days';
import { type Problem, rowParsers } from '../src/core/rows';
import { INDICATORS, PERIODS, type SheetDef, TASKS } from '../src/contract/sheets';
import { locateColumns } from '../src/core/headers';
import { normalizeLabel } from '../src/core/text';

// Messages in English for the build log (zod/mini ships without them).
z.config(z.locales.en());

const text = z
  .string()
  .check(z.refine((s) => s === s.trim() && s === s.normalize('NFC'), 'text must be NFC without surrounding spaces'));
const required = text.check(z.minLength(1));
const blank = z.literal('');
const dmy = z.string().check(
  z.regex(/^\d{2}\/\d{2}\/\d{4}$/, 'date must be dd/mm/yyyy'),
  z.refine((s) => typeof parseDay(s, 0) === 'number', 'date must be a real calendar day'),
);
const number = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const area = z.enum(AREA_LABELS);

/** A strict row schema over the input headers of `def`, from field schemas keyed by column key. */
function rowSchema<K extends string>(def: SheetDef<K>, fields: Partial<Record<K, z.ZodMiniType>>) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [key, col] of Object.entries(def.columns) as [K, SheetDef['columns'][string]][]) {
    if (!col.computed) shape[col.header] = fields[key] ?? text;
  }
  return z.strictObject(shape);
}

const taskRow = rowSchema(TASKS, {
  code: required,
  area,
  name: required,
  lead: required,
  deadline: z.union([z.literal(CONTINUOUS), dmy]),
  progress: z.union([blank, number(0, 100)]),
  completed: z.union([blank, dmy]),
});

const indicatorRow = rowSchema(INDICATORS, {
  code: required,
  area,
  name: required,
  comparator: z.enum(COMPARATOR_SYMBOLS as [Comparator, ...Comparator[]]),
  target: z.union([blank, number(0, 1e9)]),
  unit: required,
  numerator: z.union([blank, number(0, 1e9)]),
  denominator: z.union([blank, number(0, 1e9)]),
  actual: z.union([blank, number(0, 1e9)]),
});

const periodRow = rowSchema(PERIODS, {
  code: required,
  name: required,
  due: dmy,
  remindDays: z.union([blank, z.int().check(z.gte(0), z.lte(365))]),
  from: z.union([blank, dmy]),
  to: z.union([blank, dmy]),
  sentOn: z.union([blank, dmy]),
});

const configRow = z.tuple([z.enum(Object.values(CONFIG_LABELS)), z.union([text, z.number()])]);

const TemplateSchema = z.strictObject({
  config: z
    .array(configRow)
    .check(
      z.refine(
        (rows) => Object.values(CONFIG_LABELS).every((l) => rows.filter((r) => r[0] === l).length === 1),
        'config must list every label of SPEC §1 once',
      ),
    ),
  tasks: z.array(taskRow).check(z.minLength(1)),
  indicators: z.array(indicatorRow).check(z.minLength(1)),
  periods: z.array(periodRow).check(z.minLength(1)),
});

type Evaluate = (grid: { values: unknown[][] }, cols: never) => ({ problems: Problem[] } | null)[];

/**
 * What the status engine finds wrong in the template's rows, read as a sheet with the template's
 * header row. `excused` lets a row through a problem the plan explains (a target it does not give).
 */
function problemsOf(
  rows: readonly Row[],
  def: SheetDef,
  evaluate: Evaluate,
  excused: (row: Row, p: Problem) => boolean = () => false,
): string[] {
  const headers = Object.values(def.columns).map((c) => c.header);
  const found = locateColumns(def, headers);
  if (!found.ok) return [`${def.name}: missing ${found.missing.join(', ')}`];
  const outcomes = evaluate({ values: [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))] }, found.cols as never);
  return outcomes.flatMap((o, i) => {
    const left = (o?.problems ?? []).filter((p) => !excused(rows[i]!, p));
    return left.length ? [`${def.name} row ${i + 1}: ${left.map((p) => `${p.column}: ${p.message}`).join('; ')}`] : [];
  });
}

const I = INDICATORS.columns;
/** "Where the plan gives no figure, leave the cell blank and say so in Ghi chú." */
const targetNotGiven = (row: Row, p: Problem) =>
  p.column === I.target.header && row[I.target.header] === '' && row[I.note.header] !== '';

/** The template, or an Error listing everything wrong with it. */
export function checkTemplate(data: unknown): Template {
  const parsed = TemplateSchema.safeParse(data);
  if (!parsed.success) throw new Error(`Invalid template:\n${z.prettifyError(parsed.error)}`);
  const template = parsed.data as Template;
  const issues: string[] = [];
  for (const [kind, rows] of [
    ['tasks', template.tasks],
    ['indicators', template.indicators],
    ['periods', template.periods],
  ] as const) {
    const key = kind === 'periods' ? PERIODS.columns.code.header : TASKS.columns.code.header;
    const codes = rows.map((r) => String(r[key]));
    const dup = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (dup.length) issues.push(`${kind}: duplicate codes ${[...new Set(dup)].join(', ')}`);
  }
  const parsers = rowParsers({ offsetMinutes: 0 });
  // Far in the future, so that no completion date in the template counts as "after today".
  const clock = { today: dayFromYmd(2999, 12, 31), warningDays: 7, planYear: 2999 };
  // A task's `Kỳ báo cáo` must name one of the template's periods.
  const links = new Map(
    template.periods.map((p) => [normalizeLabel(String(p[PERIODS.columns.code.header])), { due: null, sentOn: null }]),
  );
  issues.push(
    ...problemsOf(template.tasks, TASKS, (g, cols) => evaluateTaskGrid(g, cols, parsers, clock, links)),
    ...problemsOf(template.indicators, INDICATORS, (g, cols) => evaluateIndicatorGrid(g, cols, parsers), targetNotGiven),
    ...problemsOf(template.periods, PERIODS, (g, cols) => evaluatePeriodGrid(g, cols, parsers, clock)),
  );
  if (issues.length) throw new Error(`Invalid template:\n${issues.join('\n')}`);
  return template;
}

/** Each data sheet's layout lists exactly the headers of its contract, once each. */
export function checkLayouts(
  layouts: readonly { name: string; columns: readonly { header: string }[] }[],
  defs: readonly SheetDef[],
): void {
  for (const def of defs) {
    const layout = layouts.find((l) => l.name === def.name);
    const want = Object.values(def.columns)
      .map((c) => c.header)
      .sort();
    const have = (layout?.columns ?? []).map((c) => c.header).sort();
    if (JSON.stringify(want) !== JSON.stringify(have)) {
      throw new Error(`Layout of ${def.name} must list exactly ${want.join(', ')}; it lists ${have.join(', ')}`);
    }
  }
}
