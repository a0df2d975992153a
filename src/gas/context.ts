/** The per-execution context (src/core/context.ts), read from the spreadsheet once. */
import { CONFIG_SHEET } from '../contract/sheets';
import { linkValue, notAddresses, notFolderLink } from '../core/chips';
import { parseConfig, type Settings } from '../core/config';
import type { ConfigKey } from '../contract/settings';
import { type Context, makeContext, type Zone, zoneAt } from '../core/context';
import { zoneOffsets } from '../core/days';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A time zone, now: its offset and today's calendar day in it. */
export function zoneOf(timeZone: string): Zone {
  const now = new Date();
  return zoneAt(now.getTime(), Utilities.formatDate(now, timeZone, 'Z'), zoneOffsets(timeZone));
}

/** The spreadsheet's own time zone, now. */
export function readZone(ss: Spreadsheet): Zone {
  return zoneOf(ss.getSpreadsheetTimeZone());
}

/** Settings whose cell may hold a smart chip, and how a value that is not a chip's reads. */
const CHIP_SETTINGS: readonly [ConfigKey, (v: unknown) => boolean][] = [
  ['reportFolder', notFolderLink],
  ['reminderEmails', notAddresses],
];

/**
 * `Cấu hình` in one read; null when the workbook has no such sheet. A chip in `Thư mục báo cáo` or
 * `Email nhắc việc` reads as its title: the value column's links are read then (one more call).
 */
export function readSettings(ss: Spreadsheet): Settings | null {
  const sheet = ss.getSheetByName(CONFIG_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const settings = parseConfig(values);
  const rows = new Set<number>();
  for (const [key, notChipValue] of CHIP_SETTINGS) {
    const row = settings.rows[key];
    if (row !== undefined && notChipValue(values[row - 1]?.[1])) rows.add(row - 1);
  }
  if (!rows.size) return settings;
  const links = sheet
    .getRange(1, 2, values.length, 1)
    .getRichTextValues()
    .map((r) => r[0]?.getLinkUrl() ?? null);
  return parseConfig(values.map((r, i) => (rows.has(i) && links[i] ? [r[0], linkValue(links[i]!), ...r.slice(2)] : r)));
}

/** The context of this execution; a caller that read the zone already (before the lock) passes it. */
export function readContext(ss: Spreadsheet, zone: Zone = readZone(ss)): Context {
  return makeContext(zone, readSettings(ss));
}
