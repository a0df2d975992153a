/**
 * The workbook's schema versions (docs/SPEC.md §4, "When the contract grows" in docs): each step
 * names the optional headers and `Cấu hình` labels that its version added. `setupWorkbook` runs the
 * steps a workbook has not had yet, in order, and records the version reached in document
 * properties. A step only appends what is missing at the end, so running it again adds nothing.
 * Version 1 is the layout before the first step.
 */
import { CONFIG_LABELS } from './settings';
import { PERIODS, TASKS } from './sheets';

export const SCHEMA_PROPERTY = 'cchc.schema';

export interface Migration {
  version: number;
  /** Headers to append to each sheet's header row when absent. */
  columns: { sheet: string; headers: string[] }[];
  /** Labels to append to `Cấu hình` column A when absent. */
  configLabels: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    columns: [
      { sheet: TASKS.name, headers: [TASKS.columns.narrative.header, TASKS.columns.period.header] },
      { sheet: PERIODS.name, headers: [PERIODS.columns.sentOn.header, PERIODS.columns.proposals.header] },
    ],
    configLabels: [CONFIG_LABELS.planBasis, CONFIG_LABELS.reportTemplate],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
