/**
 * Runs the schema migrations a workbook has not had (src/contract/migrations.ts): appends the
 * missing headers after the last used column of each sheet, the missing `Cấu hình` labels after
 * its last row, and records the version reached. It never moves, renames or fills a user's column:
 * the only cells written are the new header cells (and the new labels with their hints).
 */
import { CONFIG_LAYOUT, SHEET_LAYOUTS } from '../contract/layout';
import { MIGRATIONS, SCHEMA_PROPERTY } from '../contract/migrations';
import { CONFIG_HINTS, CONFIG_LABELS, type ConfigKey } from '../contract/settings';
import { CONFIG_SHEET } from '../contract/sheets';
import { missingTexts, schemaVersion } from '../core/migrate';
import { appendColumns } from './sheet-builder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Migrated {
  from: number;
  to: number;
  /** What was appended, per sheet. */
  added: { sheet: string; texts: string[] }[];
}

const HINT_BY_LABEL = new Map<string, string>(
  Object.entries(CONFIG_LABELS).map(([k, label]) => [label, CONFIG_HINTS[k as ConfigKey]]),
);

export function migrateWorkbook(ss: Spreadsheet): Migrated {
  const props = PropertiesService.getDocumentProperties();
  const from = schemaVersion(props.getProperty(SCHEMA_PROPERTY));
  const added: Migrated['added'] = [];
  let to = from;
  for (const step of MIGRATIONS) {
    if (step.version <= from) continue;
    for (const { sheet: name, headers } of step.columns) {
      const sheet = ss.getSheetByName(name);
      const layout = SHEET_LAYOUTS.find((l) => l.name === name);
      if (!sheet || !layout) continue;
      const width = sheet.getLastColumn();
      const missing = missingTexts(width ? sheet.getRange(1, 1, 1, width).getValues()[0]! : [], headers);
      if (!missing.length) continue;
      appendColumns(
        sheet,
        width,
        missing.map((h) => layout.columns.find((c) => c.header === h) ?? { header: h, width: 120 }),
      );
      added.push({ sheet: name, texts: missing });
    }
    const config = ss.getSheetByName(CONFIG_SHEET);
    if (config && step.configLabels.length) {
      const rows = config.getLastRow();
      const labels = rows
        ? config
            .getRange(1, 1, rows, 1)
            .getValues()
            .map((r) => r[0])
        : [];
      const missing = missingTexts(labels, step.configLabels);
      if (missing.length) {
        const width = Math.min(Math.max(config.getLastColumn(), 2), CONFIG_LAYOUT.columns.length);
        const cells = missing.map((l) => [l, '', HINT_BY_LABEL.get(l) ?? ''].slice(0, width));
        config.getRange(rows + 1, 1, cells.length, width).setValues(cells);
        added.push({ sheet: CONFIG_SHEET, texts: missing });
      }
    }
    to = step.version;
    props.setProperty(SCHEMA_PROPERTY, String(to));
  }
  return { from, to, added };
}
