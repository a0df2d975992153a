/**
 * What `setupWorkbook` writes into a new workbook (docs/SPEC.md §8): no tasks or indicators, every
 * setting's label with a blank value except the plan year and the warning window, and the four
 * periods of the plan year at the Ministry of Home Affairs' default cut-offs and due dates.
 */
import { type PeriodCode, periodNameOf } from '../contract/lists';
import { CONFIG_LABELS, type ConfigKey, DEFAULT_WARNING_DAYS } from '../contract/settings';
import { PERIODS } from '../contract/sheets';
import { dayFromYmd, formatDmy } from './days';
import type { Cell, Row, Template } from '../contract/template';

const P = PERIODS.columns;
/** Days before the due date that a period counts as due soon (SPEC §3: blank reads as 10). */
const REMIND_DAYS = 10;

const dmy = (day: number, month: number, year: number) => formatDmy(dayFromYmd(year, month, day));

/** `Q1`, `H1`, `Q3`, `NAM` of plan year `n`: data from 15/12 of the year before to the 14th of the cut-off month. */
function defaultPeriods(n: number): Row[] {
  const period = (code: PeriodCode, from: string, to: string, due: string): Row => ({
    [P.code.header]: code,
    [P.name.header]: periodNameOf(code, n),
    [P.due.header]: due,
    [P.remindDays.header]: REMIND_DAYS,
    [P.from.header]: from,
    [P.to.header]: to,
  });
  const yearStart = dmy(15, 12, n - 1);
  return [
    period('Q1', yearStart, dmy(14, 3, n), dmy(20, 3, n)),
    period('H1', yearStart, dmy(14, 6, n), dmy(20, 6, n)),
    period('Q3', dmy(15, 6, n), dmy(14, 9, n), dmy(20, 9, n)),
    period('NAM', yearStart, dmy(14, 12, n), dmy(20, 12, n)),
  ];
}

/** The values `setupWorkbook` gives the settings; every other label starts blank. */
export function defaultSettings(n: number): Partial<Record<ConfigKey, Cell>> {
  return { year: n, warningDays: DEFAULT_WARNING_DAYS };
}

/** The empty plan of year `n`, in the shape of a template. */
export function emptyPlan(n: number): Template {
  const defaults = defaultSettings(n);
  return {
    config: (Object.keys(CONFIG_LABELS) as ConfigKey[]).map((k) => [CONFIG_LABELS[k], defaults[k] ?? '']),
    tasks: [],
    indicators: [],
    periods: defaultPeriods(n),
  };
}
