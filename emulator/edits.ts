/**
 * A user typing or pasting into the sheet, as the Sheets editor does it: data validation that
 * rejects input refuses the whole edit; a warning-only protection asks first (the user confirms);
 * text becomes numbers, percentages and dates in the spreadsheet's locale (emulator/entry.ts); then
 * the simple trigger onEdit(e) runs with e.range, e.value and e.oldValue (single cell only).
 */
import { entered } from './entry';
import type { Emulator, Execution } from './index';
import { localeRules } from './locale';
import type { RangeModel } from './services/spreadsheet';

export interface EditOutcome {
  /** False when a validation rule that rejects input refused the entry (nothing changed). */
  accepted: boolean;
  /** What Sheets would say: the rule's help text, or the warning of a protected range. */
  messages: string[];
  /** The onEdit execution, when the edit went in. */
  execution?: Execution;
}

/**
 * Types `input` (one value for every cell, or a grid the size of the range) into `a1` of a sheet.
 * Options: `trigger: false` skips onEdit (as an edit by another script would).
 */
export function userEdit(
  emu: Emulator,
  sheetName: string,
  a1: string,
  input: unknown,
  options: { trigger?: boolean } = {},
): EditOutcome {
  const sheet = emu.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}`);
  const range: RangeModel = sheet.getRange(a1);
  const grid = Array.isArray(input)
    ? (input as unknown[][])
    : Array.from({ length: range.numRows }, () => Array.from({ length: range.numColumns }, () => input));
  if (grid.length !== range.numRows || grid.some((r) => r.length !== range.numColumns))
    throw new Error('input does not fit the range');

  const messages: string[] = [];
  const ss = emu.spreadsheet;
  const entries = grid.map((row) => row.map((v) => entered(v, ss)));
  const words = localeRules(ss.locale);
  for (let i = 0; i < range.numRows; i++) {
    for (let j = 0; j < range.numColumns; j++) {
      const rule = sheet.cell(range.row + i, range.column + j).validation;
      if (rule && !rule.accepts(entries[i]![j]!.value)) {
        messages.push(rule.helpText || words.invalidEntry);
        if (!rule.allowInvalid) return { accepted: false, messages };
      }
    }
  }
  for (const p of sheet.protections) {
    const hit = entries.some((row, i) => row.some((_, j) => p.covers(range.row + i, range.column + j)));
    if (hit && p.warningOnly) messages.push(p.description || words.protectedWarning);
  }

  const single = range.numRows === 1 && range.numColumns === 1;
  const oldValue = single ? sheet.cell(range.row, range.column).value : '';
  entries.forEach((row, i) =>
    row.forEach((e, j) => {
      const [r, c] = [range.row + i, range.column + j];
      sheet.setCell(r, c, 'values', e.value);
      sheet.setCell(r, c, 'formulas', e.formula);
      if (e.format && !sheet.cell(r, c).format) sheet.setCell(r, c, 'formats', e.format);
    }),
  );
  if (options.trigger === false) return { accepted: true, messages };

  const event: Record<string, unknown> = { range, source: emu.spreadsheet, authMode: 'LIMITED', triggerUid: '' };
  if (single) {
    event.value = sheet.cell(range.row, range.column).value;
    if (oldValue !== '') event.oldValue = oldValue;
  }
  return { accepted: true, messages, execution: emu.run('onEdit', [event], { as: 'simple' }) };
}
