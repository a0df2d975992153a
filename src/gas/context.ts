/** The per-execution context (src/core/context.ts), read from the spreadsheet once. */
import { CONFIG_SHEET } from '../contract/sheets';
import { parseConfig, type Settings } from '../core/config';
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

/** `Cấu hình` in one read; null when the workbook has no such sheet. */
export function readSettings(ss: Spreadsheet): Settings | null {
  const sheet = ss.getSheetByName(CONFIG_SHEET);
  return sheet ? parseConfig(sheet.getDataRange().getValues()) : null;
}

/** The context of this execution; a caller that read the zone already (before the lock) passes it. */
export function readContext(ss: Spreadsheet, zone: Zone = readZone(ss)): Context {
  return makeContext(zone, readSettings(ss));
}
