/** The bench's markdown: one table of every measurement, the bundles, the targets, the cost model. */
import { LIMIT_MS, PER_CALL, PER_CELL, SCRIPT_SLOWDOWN, SLOW_CALLS, type Span } from './costs';
import type { BundleFigures, Measurement } from './measure';

/** What the table says for an operation whose feature has not landed yet. */
export const NOT_BUILT_MARK = 'chưa có';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));

function seconds(n: number): string {
  const s = n / 1000;
  return s < 10 ? s.toFixed(1) : int(s);
}

const span = (s: Span) => `${seconds(s.low)}–${seconds(s.high)} s`;
const limitLabel = (limitMs: number) => (limitMs === LIMIT_MS.simpleTrigger ? '30 s' : '6 min');

/** ours ÷ naive, written so that smaller-is-better reads at a glance: "1/1,400" or "×1.7". */
function ratio(ours: number, naive: number): string {
  if (ours <= 0 || naive <= 0) return '—';
  const r = ours / naive;
  const n = (x: number) => (x < 10 ? x.toFixed(1) : int(x));
  return r < 1 ? `1/${n(1 / r)}` : `×${n(r)}`;
}

function versusNaive(m: Measurement, naive: Measurement | undefined): string {
  if (naive?.outcome.kind !== 'ok') return '';
  return `calls ${ratio(m.calls.spreadsheet, naive.calls.spreadsheet)} · emulator time ${ratio(m.emulatorMs, naive.emulatorMs)} · est. time ${ratio(m.estimateMs.high, naive.estimateMs.high)}`;
}

/** "7: lock 3, session 2, ui 1, utilities 1": the calls other than Spreadsheet and Document, per service. */
function otherCalls(m: Measurement): string {
  const rest = Object.entries(m.calls.byService)
    .filter(([k]) => k !== 'spreadsheet' && k !== 'document')
    .sort(([a], [b]) => a.localeCompare(b));
  return rest.length ? `${int(m.calls.other)}: ${rest.map(([k, n]) => `${k} ${int(n)}`).join(', ')}` : '0';
}

const HEADER = [
  'operation',
  'task rows',
  'spreadsheet calls',
  'document calls',
  'other calls, by service',
  'cells read / written',
  'longest cell / largest document written (chars)',
  'docs / mails',
  'emulator ms',
  'est. Apps Script',
  'fits',
  'ours vs naive',
];

function row(m: Measurement, naive?: Measurement): string[] {
  const head = [m.label, m.workload];
  if (m.outcome.kind === 'not built') return [...head, NOT_BUILT_MARK, ...HEADER.slice(3).map(() => '')];
  if (m.outcome.kind === 'failed') return [...head, `FAILED: ${m.outcome.reason}`, ...HEADER.slice(3).map(() => '')];
  const fit = { yes: '✓', maybe: '? only if fast', no: '✗' }[m.fits];
  const largest = m.largest
    ? `${int(m.largest.cellChars)} / ${m.largest.documentChars ? int(m.largest.documentChars) : '—'}`
    : '';
  return [
    ...head,
    int(m.calls.spreadsheet),
    int(m.calls.document),
    otherCalls(m),
    `${int(m.cells.read)} / ${int(m.cells.written)}`,
    largest,
    `${m.documents} / ${m.mails}`,
    `${ms(m.emulatorMs)}${m.runs < 3 ? ` (${m.runs} run${m.runs > 1 ? 's' : ''})` : ''}`,
    span(m.estimateMs),
    `${fit} ${limitLabel(m.limitMs)}`,
    m.label === 'refreshStatuses' ? versusNaive(m, naive) : '',
  ];
}

export function table(measurements: readonly Measurement[], naive: readonly Measurement[]): string {
  const naiveAt = (rows: number) => naive.find((n) => n.rows === rows);
  const lines = [HEADER, HEADER.map(() => '---'), ...measurements.map((m) => row(m, naiveAt(m.rows)))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export interface Target {
  text: string;
  /** true: met; false: missed; null: cannot be judged yet (feature or size missing). */
  met: boolean | null;
  detail: string;
}

const mark = (t: Target) => (t.met === null ? '–' : t.met ? '✓' : '✗');

export function targetList(targets: readonly Target[]): string {
  return targets.map((t) => `- ${mark(t)} ${t.text}: ${t.detail}`).join('\n');
}

export function bundleTable(bundles: readonly BundleFigures[]): string {
  const lines = [
    '| bundle | bytes | gzip | cold start (compile + evaluate in a fresh context) |',
    '| --- | --- | --- | --- |',
    ...bundles.map(
      (b) =>
        `| \`${b.path}\` | ${int(b.bytes)} | ${int(b.gzipBytes)} | ${b.coldStartMs.toFixed(1)} ms (median of ${b.coldStartRuns}) |`,
    ),
  ];
  return lines.join('\n');
}

export function costNotes(): string {
  const slow = Object.entries(SLOW_CALLS).map(([m, c]) => `\`${m}\` +${seconds(c.ms.low)}–${seconds(c.ms.high)} s (${c.source})`);
  return [
    `Estimated Apps Script time = script ms × ${SCRIPT_SLOWDOWN.ms.low}–${SCRIPT_SLOWDOWN.ms.high} + calls × ${PER_CALL.ms.low}–${PER_CALL.ms.high} ms + cells × ${PER_CELL.ms.low}–${PER_CELL.ms.high} ms + slow calls; "fits" judges the high end against 6 min (30 s for the simple trigger onEdit).`,
    `- per call: ${PER_CALL.source}`,
    `- per cell: ${PER_CELL.source}`,
    `- script: ${SCRIPT_SLOWDOWN.source}`,
    `- slow calls: ${slow.join('; ')}`,
  ].join('\n');
}
