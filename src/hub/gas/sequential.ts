/**
 * Reading one commune workbook through SpreadsheetApp, with the commune script's own readers
 * (src/gas/book.ts): 19 service calls whatever its size. Used for every commune when the parallel
 * path is off, and as the fallback for a commune the parallel path could not settle.
 */
import { UserError } from '../../core/errors';
import { CONFIG_SHEET, INDICATORS, PERIODS, TASKS } from '../../contract/sheets';
import { readBlock } from '../../gas/book';
import { readZone } from '../../gas/context';
import { type CommuneSheets, summarizeCommune, Unreadable } from '../summary';
import { reasonOf, REASONS, type UnitOutcome } from '../units';

/** Opens the workbook (it is only ever read) and summarises it; every failure becomes a reason. */
export function collectSequential(id: string): UnitOutcome {
  let sheets: CommuneSheets;
  try {
    const ss = SpreadsheetApp.openById(id);
    const { offsetMinutes, today } = readZone(ss);
    const config = ss.getSheetByName(CONFIG_SHEET);
    sheets = {
      offsetMinutes,
      today,
      config: config ? config.getDataRange().getValues() : null,
      tasks: readBlock(ss, TASKS, true).grid,
      indicators: readBlock(ss, INDICATORS, true).grid,
      periods: readBlock(ss, PERIODS, false).grid,
    };
  } catch (e) {
    // readBlock names the missing sheet or header; its advice that follows is for the commune's menu.
    if (e instanceof UserError) return { ok: false, reason: REASONS.unreadable(e.message.split('. ')[0]!.replace(/\.$/, '')) };
    return { ok: false, reason: reasonOf(e instanceof Error ? e.message : String(e)) };
  }
  try {
    return { ok: true, summary: summarizeCommune(sheets) };
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, reason: REASONS.unreadable(e.message) };
    throw e;
  }
}
