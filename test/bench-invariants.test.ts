/**
 * What `npm run bench` relies on, checked without timing: no built operation's spreadsheet or
 * document calls, documents or mails grow with rows (SPEC §7), onEdit stays within 10 spreadsheet
 * calls, the naive baseline computes the same statuses as ours, and the cost model and cell
 * counting add up.
 */
import { describe, expect, it } from 'vitest';
import { CallCounter, rangeTraffic } from '../emulator/calls';
import { estimateMs, fits, PER_CALL, PER_CELL, SCRIPT_SLOWDOWN, SLOW_CALLS } from '../bench/costs';
import {
  CAPACITY_CALLS,
  type Measurement,
  measureNaive,
  measureOperation,
  steadySpreadsheetCalls,
  taskStatuses,
} from '../bench/measure';
import { IMPORT_20_PAGES, OPERATIONS } from '../bench/operations';
import { generated, newWorkbook } from '../bench/workloads';
import { REVIEW_SHEET } from '../src/core/import/review';

const SMALL = 600;
const LARGE = 2_000;

/** One run of the operation on a generated workbook; null when the feature has not landed. */
function once(label: string, rows: number): Measurement | null {
  const op = OPERATIONS.find((o) => o.label === label)!;
  const { measurement } = measureOperation(op, generated(rows), 1);
  if (measurement.outcome.kind === 'failed') throw new Error(`${label} failed: ${measurement.outcome.reason}`);
  return measurement.outcome.kind === 'ok' ? measurement : null;
}

const SPREADSHEET_KINDS = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range']);

/** Calls on spreadsheets, sheets and ranges by method ("Range.getValues": 7), capacity calls aside. */
function spreadsheetCalls(m: Measurement): Record<string, number> {
  const kept = ([k]: [string, number]) => SPREADSHEET_KINDS.has(k.split('.')[0]!) && !CAPACITY_CALLS.includes(k);
  return Object.fromEntries(Object.entries(m.calls.byMethod).filter(kept));
}

describe('spreadsheet and document calls, documents and mails do not grow with rows', () => {
  for (const op of OPERATIONS.filter((o) => (o.on ?? ['generated']).includes('generated'))) {
    it(`${op.label}: the same at ${SMALL} and ${LARGE} task rows`, (ctx) => {
      const small = once(op.label, SMALL);
      if (!small) return ctx.skip(`${op.fn} is not built yet`);
      const large = once(op.label, LARGE)!;
      expect(spreadsheetCalls(large)).toEqual(spreadsheetCalls(small));
      expect(steadySpreadsheetCalls(large)).toBe(steadySpreadsheetCalls(small));
      expect(large.calls.document).toBe(small.calls.document);
      expect([large.documents, large.mails]).toEqual([small.documents, small.mails]);
    });
  }

  // The first edit of an hour also reads `Cấu hình` (4 calls more): the bench shows both.
  it('onEdit of one cell, after the first edit of the hour, makes at most 10 spreadsheet calls', (ctx) => {
    const edit = once('onEdit, one cell', LARGE);
    if (!edit) return ctx.skip('onEdit is not built yet');
    expect(edit.calls.spreadsheet).toBeLessThanOrEqual(10);
  });
});

describe('the largest cell and document a run writes', () => {
  it('sees the longest cell text and the report document of generateReport', () => {
    const report = once('generateReport(Q3)', 300)!;
    // The report's period row gets the document's URL; the History rows quote indicator names.
    expect(report.largest!.cellChars).toBeGreaterThanOrEqual('https://docs.google.com/document/d/'.length);
    expect(report.largest!.documentChars).toBeGreaterThan(1_000);
  });

  it('counts only what the run wrote: the 20-page plan it reads is not a document it wrote', () => {
    const op = OPERATIONS.find((o) => o.label === IMPORT_20_PAGES)!;
    const { measurement, emulator } = measureOperation(op, newWorkbook(), 1);
    expect(measurement.outcome).toEqual({ kind: 'ok' });
    expect(measurement.largest!.documentChars).toBe(0);
    const review = emulator.spreadsheet.getSheetByName(REVIEW_SHEET)!.getDataRange().getValues();
    const longest = Math.max(...review.flat().map((v) => String(v).length));
    expect(measurement.largest!.cellChars).toBeGreaterThanOrEqual(longest);
  });
});

describe('naive baseline', () => {
  it('leaves the same task statuses and colours as refreshStatuses, one call per cell', () => {
    const w = generated(300);
    const { emulator: ours } = measureOperation(OPERATIONS.find((o) => o.fn === 'refreshStatuses')!, w, 1);
    expect(new Set(taskStatuses(ours)).size).toBe(7); // every task status occurs
    const naive = measureNaive(w, 1, ours);
    expect(naive.outcome).toEqual({ kind: 'ok' });
    // Per row: 5 getRange, 4 getValue, setValue, setBackground.
    expect(naive.calls.byMethod['Range.getValue']).toBeGreaterThanOrEqual(4 * 300);
    expect(naive.calls.byMethod['Range.setBackground']).toBe(300);
  });
});

describe('cost model', () => {
  it('counts the cells a Range call carries by its kind', () => {
    expect(rangeTraffic('getValues', 12)).toEqual([12, 0]);
    expect(rangeTraffic('getNotes', 12)).toEqual([12, 0]);
    expect(rangeTraffic('getValue', 12)).toEqual([1, 0]);
    expect(rangeTraffic('setBackgrounds', 12)).toEqual([0, 12]);
    expect(rangeTraffic('setValue', 12)).toEqual([0, 12]);
    expect(rangeTraffic('clearContent', 12)).toEqual([0, 12]);
    expect(rangeTraffic('getRow', 12)).toEqual([0, 0]);
  });

  it('adds script time, calls, cells and slow calls, each within its low–high span', () => {
    const calls = new CallCounter();
    for (let i = 0; i < 10; i++) calls.add('spreadsheet', 'Range.getValues');
    calls.add('document', 'DocumentApp.create');
    calls.addCells([1_000, 500]);
    const { low, high } = estimateMs(calls, 100);
    const at = (k: 'low' | 'high') =>
      100 * SCRIPT_SLOWDOWN.ms[k] + 11 * PER_CALL.ms[k] + 1_500 * PER_CELL.ms[k] + SLOW_CALLS['DocumentApp.create']!.ms[k];
    expect(low).toBeCloseTo(at('low'));
    expect(high).toBeCloseTo(at('high'));
  });

  it('says an execution fits only when even the high estimate is within the limit', () => {
    expect(fits({ low: 10, high: 20 }, 30)).toBe('yes');
    expect(fits({ low: 10, high: 40 }, 30)).toBe('maybe');
    expect(fits({ low: 31, high: 40 }, 30)).toBe('no');
  });
});
