/**
 * What a service call costs on Apps Script, for turning the emulator's counts into an estimated
 * execution time. Every figure is a published measurement or a stated assumption; estimates are a
 * low–high range, and "fits" is judged on the high end.
 */
import type { CallCounter } from '../emulator/calls';

export interface Span {
  low: number;
  high: number;
}

export interface Cost {
  ms: Span;
  source: string;
}

/** Any service call (Spreadsheet, Lock, Properties, …): one bridge crossing, maybe a round trip. */
export const PER_CALL: Cost = {
  ms: { low: 1.5, high: 30 },
  source:
    'low: 1,000 × getRange(i, 1).getValue() took 3,064 ms, i.e. ~1.5 ms a call served by the look-ahead cache ' +
    '(bugbugnow.net, "GoogleAppsScriptのスプレッドシート処理を高速化する", 2019); high: flush() after each of 400 rows took ' +
    '~12 s, i.e. ~30 ms per real round trip (Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?")',
};

/** Each cell that a Range call reads or writes. */
export const PER_CELL: Cost = {
  ms: { low: 0.0125, high: 0.15 },
  source:
    'one setValues of 4,000 cells took < 50 ms queued and ~610 ms with flush() (Stack Overflow, ' +
    '"What is faster: ScriptDb or SpreadsheetApp?"): 0.0125–0.15 ms a cell',
};

/** Calls that do far more than a round trip. No published figure found: assumptions. */
export const SLOW_CALLS: Record<string, Cost> = {
  'DocumentApp.create': { ms: { low: 1_000, high: 3_000 }, source: 'assumption: creating a Google Doc, 1–3 s' },
  'Document.saveAndClose': { ms: { low: 300, high: 1_000 }, source: 'assumption: saving a Google Doc, 0.3–1 s' },
  'MailApp.sendEmail': { ms: { low: 300, high: 1_000 }, source: 'assumption: sending one mail, 0.3–1 s' },
  'GmailApp.sendEmail': { ms: { low: 300, high: 1_000 }, source: 'assumption: sending one mail, 0.3–1 s' },
  'SpreadsheetApp.openById': {
    ms: { low: 300, high: 1_500 },
    source: 'assumption: opening another spreadsheet (loading it server-side), 0.3–1.5 s',
  },
};

/** The script's own work measured here, scaled for Apps Script's shared servers. */
export const SCRIPT_SLOWDOWN: Cost = {
  ms: { low: 1, high: 3 },
  source: 'assumption: Apps Script runs the same V8 code 1–3× slower than this machine',
};

/** Execution time limits (Apps Script quotas: 6 min per execution, 30 s for simple triggers). */
export const LIMIT_MS = { execution: 360_000, simpleTrigger: 30_000 } as const;

/** Estimated Apps Script time of one execution from its counts and its measured script time. */
export function estimateMs(calls: CallCounter, scriptMs: number): Span {
  const at = (k: keyof Span) => {
    let ms = scriptMs * SCRIPT_SLOWDOWN.ms[k] + calls.total() * PER_CALL.ms[k];
    ms += (calls.cellsRead + calls.cellsWritten) * PER_CELL.ms[k];
    for (const [method, cost] of Object.entries(SLOW_CALLS)) ms += calls.method(method) * cost.ms[k];
    // Waits the models measured on the emulator's clock: Utilities.sleep, UrlFetch latency (the
    // latter at the assumptions of emulator/services/urlfetch.ts, DEFAULT_LATENCY).
    return ms + calls.waitMs;
  };
  return { low: at('low'), high: at('high') };
}

export type Fit = 'yes' | 'maybe' | 'no';

/** yes: even the high estimate fits; maybe: only the low one does; no: neither. */
export function fits(estimate: Span, limitMs: number): Fit {
  if (estimate.high <= limitMs) return 'yes';
  return estimate.low <= limitMs ? 'maybe' : 'no';
}
