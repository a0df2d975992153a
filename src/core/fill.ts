/**
 * The rows `setupWorkbook` writes into a sheet it creates: the header row of the layout, then the
 * template's rows in header order. Dates of date columns become Date cells (midnight in the
 * spreadsheet's zone); text is kept as text even when it starts like a formula (`- Phòng Nội vụ;`).
 */
import { type ColumnLayout, DATE_FORMAT, type SheetLayout } from '../contract/layout';
import { CONFIG_HINTS, CONFIG_LABELS, type ConfigKey } from '../contract/settings';
import type { Cell, Row, Template } from '../contract/template';
import { parseDay } from './cells';
import { instantOfDay, type Offset } from './days';
import { asCellText, cellText, normalizeLabel } from './text';

export type Written = string | number | Date;

function cellFor(col: ColumnLayout, v: Cell | undefined, offsetMinutes: Offset): Written {
  if (v === undefined || v === '') return '';
  if (typeof v === 'number') return v;
  if (col.format === DATE_FORMAT) {
    const day = parseDay(v, offsetMinutes);
    if (typeof day === 'number') return new Date(instantOfDay(day, offsetMinutes));
  }
  return asCellText(v);
}

const KEY_OF_LABEL = new Map<string, ConfigKey>(Object.entries(CONFIG_LABELS).map(([k, label]) => [label, k as ConfigKey]));

/** Template rows of the sheet a layout describes. */
export function templateRows(layout: SheetLayout, template: Template): Row[] {
  switch (layout.fill) {
    case 'tasks':
      return template.tasks;
    case 'indicators':
      return template.indicators;
    case 'periods':
      return template.periods;
    case 'config': {
      const [label, value, hint] = layout.columns.map((c) => c.header);
      return template.config.map(([l, v]) => ({ [label!]: l, [value!]: v, [hint!]: CONFIG_HINTS[KEY_OF_LABEL.get(l)!] }));
    }
    case 'none':
      return [];
  }
}

/** Header row, then one row per template row; columns the template leaves out stay blank. */
export function sheetGrid(layout: SheetLayout, rows: readonly Row[], offsetMinutes: Offset): Written[][] {
  const headers = layout.columns.map((c) => c.header);
  return [headers, ...rows.map((r) => layout.columns.map((c) => cellFor(c, r[c.header], offsetMinutes)))];
}

/**
 * Template rows laid under an existing header row (a sheet `setupWorkbook` made, whose columns a
 * user may have moved or added to): each header cell that names a column of the layout gets that
 * column's cell; `own` marks the header cells that do not (a user's columns, left to them).
 */
export function rowsUnderHeader(
  header: readonly unknown[],
  layout: SheetLayout,
  rows: readonly Row[],
  offsetMinutes: Offset,
): { rows: Written[][]; own: boolean[] } {
  const cols = header.map((h) => layout.columns.find((c) => normalizeLabel(c.header) === normalizeLabel(cellText(h))));
  return {
    rows: rows.map((r) => cols.map((c) => (c ? cellFor(c, r[c.header], offsetMinutes) : ''))),
    own: cols.map((c) => c === undefined),
  };
}
