/**
 * The shape of a plan template (src/sample/): the rows `setupWorkbook` fills into the sheets
 * it creates, keyed by the exact header texts of ./sheets.
 */
export type Cell = string | number;
export type Row = Record<string, Cell>;

export interface Template {
  config: [label: string, value: Cell][];
  tasks: Row[];
  indicators: Row[];
  periods: Row[];
}
