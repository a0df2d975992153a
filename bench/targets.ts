/**
 * The targets of issue #6, of the fidelity issue (no cell over 50,000 characters, no document over
 * 1,000,000) and of the importer's issue (a 20-page plan), judged on one bench run's figures.
 */
import { MAX_CELL_CHARS } from '../emulator/entry';
import { MAX_DOCUMENT_CHARS } from '../emulator/services/document';
import { type BundleFigures, CAPACITY_CALLS, type Measurement, steadySpreadsheetCalls } from './measure';
import { IMPORT_20_PAGES, IMPORT_SAMPLE, PLAN_20_PAGES, SAMPLE_PLAN } from './operations';
import type { Target } from './report';

const int = (n: number) => Math.round(n).toLocaleString('en-US');

const BUNDLE_LIMIT = 200 * 1024;
const COLD_START_LIMIT_MS = 50;
const REFRESH_CALL_LIMIT = 40;
const REFRESH_50K_LIMIT_MS = 1_000;
const NAIVE_FACTOR = 100;
const ON_EDIT_CALL_LIMIT = 10;
const SERVICES = ['spreadsheet', 'document', 'other'] as const;
const IMPORT_LIMIT_MS = 1_000;
/**
 * Rows from which a report's and a digest's lists are full (docs/SPEC.md §5: past a few hundred
 * rows the lists end with "… và N nhiệm vụ khác"): below, fewer items make fewer Document calls.
 */
const CAPS_FULL_ROWS = 1_000;
/** Document calls the importer may make per block of the plan (the importer's tests allow 6 + 10). */
const IMPORT_CALLS_PER_BLOCK = 6;

export interface TargetInput {
  measurements: readonly Measurement[];
  naive: readonly Measurement[];
  bundles: readonly BundleFigures[];
  /** Reporting periods and distinct task-owner addresses of the template. */
  template: { periods: number; owners: number };
}

type Built = Measurement & { outcome: { kind: 'ok' } };
const ok = (m: Measurement | undefined): m is Built => m?.outcome.kind === 'ok';
const unknown = (text: string, detail: string): Target => ({ text, met: null, detail });

export function judgeTargets({ measurements, naive, bundles, template }: TargetInput): Target[] {
  const of = (label: string) => measurements.filter((m) => m.label === label && m.kind === 'generated');
  const refresh = of('refreshStatuses');
  const out: Target[] = [];

  const first = refresh[0];
  const last = refresh.at(-1);
  const callsText = `refreshStatuses: the same spreadsheet calls at ${first?.workload ?? '100'} and ${last?.workload ?? '50,000'} rows, ≤ ${REFRESH_CALL_LIMIT}`;
  if (ok(first) && ok(last)) {
    const [a, b] = [first.calls.spreadsheet, last.calls.spreadsheet];
    out.push({ text: callsText, met: a === b && b <= REFRESH_CALL_LIMIT, detail: `${a} and ${b}` });
  } else out.push(unknown(callsText, 'not measured'));

  const big = refresh.find((m) => m.rows === 50_000);
  const bigText = `refreshStatuses: 50,000 rows in under 1 s in the emulator`;
  if (ok(big)) {
    const over = big.emulatorMs - REFRESH_50K_LIMIT_MS;
    const split = `script ${int(big.scriptMs)} ms + emulator service models ${int(big.emulatorMs - big.scriptMs)} ms`;
    out.push({
      text: bigText,
      met: over < 0,
      detail: `${int(big.emulatorMs)} ms (${split})${over < 0 ? '' : `: missed by ${int(over)} ms`}`,
    });
  } else out.push(unknown(bigText, 'not measured'));

  const tenK = refresh.find((m) => m.rows === 10_000);
  const naiveTenK = naive.find((m) => m.rows === 10_000);
  const naiveText = `refreshStatuses: ≥ ${NAIVE_FACTOR}× fewer spreadsheet calls than the naive script at 10,000 rows`;
  if (ok(tenK) && ok(naiveTenK)) {
    const factor = naiveTenK.calls.spreadsheet / tenK.calls.spreadsheet;
    out.push({
      text: naiveText,
      met: factor >= NAIVE_FACTOR,
      detail: `${int(factor)}× (${int(naiveTenK.calls.spreadsheet)} vs ${tenK.calls.spreadsheet})`,
    });
  } else out.push(unknown(naiveText, 'not measured'));

  const edits = of('onEdit, one cell');
  const editText = `onEdit, one cell: ≤ ${ON_EDIT_CALL_LIMIT} spreadsheet calls`;
  if (edits.length && edits.every(ok)) {
    const most = Math.max(...edits.map((m) => m.calls.spreadsheet));
    out.push({
      text: editText,
      met: most <= ON_EDIT_CALL_LIMIT,
      detail: edits.map((m) => `${m.calls.spreadsheet} at ${m.workload}`).join(', '),
    });
  } else out.push(unknown(editText, edits.some((m) => m.outcome.kind === 'failed') ? 'fails (see table)' : 'chưa có'));

  for (const bundle of bundles) {
    out.push({
      text: `\`${bundle.path}\` ≤ 200 KB`,
      met: bundle.bytes <= BUNDLE_LIMIT,
      detail: `${int(bundle.bytes / 1024)} KB (${int(bundle.gzipBytes / 1024)} KB gzip)`,
    });
    out.push({
      text: `\`${bundle.path}\` cold start < ${COLD_START_LIMIT_MS} ms`,
      met: bundle.coldStartMs < COLD_START_LIMIT_MS,
      detail: `${bundle.coldStartMs.toFixed(1)} ms`,
    });
  }

  out.push(...sizeTargets(measurements), importTarget(measurements));

  const onTemplate = measurements.find((m) => m.label === 'dailyCheck' && m.kind === 'template');
  const mailLimit = template.periods + template.owners;
  const dailyText = `dailyCheck on the template: documents ≤ ${template.periods} periods, mails ≤ ${template.periods} periods + ${template.owners} owners`;
  if (ok(onTemplate)) {
    const met = onTemplate.documents <= template.periods && onTemplate.mails <= mailLimit;
    out.push({ text: dailyText, met, detail: `${onTemplate.documents} documents, ${onTemplate.mails} mails` });
  } else out.push(unknown(dailyText, onTemplate?.outcome.kind === 'failed' ? 'fails (see table)' : 'chưa có'));

  for (const label of [...new Set(measurements.map((m) => m.label))]) {
    const built = of(label).filter(ok);
    if (built.length < 2) continue;
    const distinct = (ms: readonly Built[], f: (m: Built) => string | number) => [...new Set(ms.map(f))];
    const calls = {
      spreadsheet: steadySpreadsheetCalls,
      document: (m: Built) => m.calls.document,
      other: (m: Built) => m.calls.other,
    };
    const outputs = (m: Built) => `${m.documents} / ${m.mails}`;
    const sizes = (ms: readonly Built[]) => ms.map((m) => m.workload).join(', ');
    const growingIn = (ms: readonly Built[]) => SERVICES.filter((k) => distinct(ms, calls[k]).length > 1);
    const trend = (ks: readonly (keyof typeof calls)[]) =>
      ks.map((k) => `${k} ${distinct(built, (m) => int(calls[k](m))).join(' → ')}`).join('; ');
    // Past its caps a report or a digest lists no more items: where the smallest workbook has
    // fewer, the calls are judged on the sizes where every list is full.
    const full = built.filter((m) => m.rows >= CAPS_FULL_ROWS);
    const strict = growingIn(built).length === 0;
    const judged = strict || full.length < 2 ? built : full;
    const growing = growingIn(judged);
    const first = judged[0]!;
    let detail = growing.length
      ? `calls grow: ${trend(growing)} over ${sizes(built)} rows`
      : `${int(steadySpreadsheetCalls(first))} spreadsheet, ${int(first.calls.document)} document, ${int(first.calls.other)} other calls at ${sizes(judged)} rows`;
    if (!growing.length && !strict) detail += ` (fewer below, where its lists are not full: ${trend(growingIn(built))})`;
    const capacity = Math.max(...built.map((m) => m.calls.spreadsheet - steadySpreadsheetCalls(m)));
    if (capacity) detail += ` (plus up to ${capacity} ${CAPACITY_CALLS.join(', ')} where a sheet outgrows its rows)`;
    if (distinct(built, outputs).length > 1) detail += `; docs / mails ${distinct(built, outputs).join(' → ')}`;
    out.push({
      text: `${label}: service calls, documents and mails constant in rows${judged === full ? ` from ${int(CAPS_FULL_ROWS)}` : ''}`,
      met: growing.length === 0 && distinct(built, outputs).length === 1,
      detail,
    });
  }
  return out;
}

/** The emulator's messages for a cell or a document over Google's limits. */
const TOO_LONG = [`${MAX_CELL_CHARS} characters in a single cell`, `maximum size of ${MAX_DOCUMENT_CHARS} characters`];

/**
 * No operation writes a cell over 50,000 characters or a document over 1,000,000: the largest of
 * every measurement, and ✗ too when a run stopped on one of those limits in the emulator.
 */
function sizeTargets(measurements: readonly Measurement[]): Target[] {
  const stopped = measurements.filter(
    (m) => m.outcome.kind === 'failed' && TOO_LONG.some((t) => m.outcome.kind === 'failed' && m.outcome.reason.includes(t)),
  );
  const measured = measurements.filter((m) => m.largest);
  const most = (k: 'cellChars' | 'documentChars') =>
    measured.reduce<Measurement | undefined>((a, m) => (a && a.largest![k] >= m.largest![k] ? a : m), undefined);
  const judge = (k: 'cellChars' | 'documentChars', limit: number, what: string): Target => {
    const top = most(k);
    const over = measured.filter((m) => m.largest![k] > limit);
    const failed = stopped.map(
      (m) => `${m.label} at ${m.workload} stopped: ${m.outcome.kind === 'failed' ? m.outcome.reason : ''}`,
    );
    const detail = top
      ? `longest ${int(top.largest![k])} (${top.label} at ${top.workload} rows)${[...over.map((m) => `; ${m.label} at ${m.workload}: ${int(m.largest![k])}`), ...failed.map((f) => `; ${f}`)].join('')}`
      : 'not measured';
    return {
      text: `no operation writes ${what} over ${int(limit)} characters`,
      met: top ? over.length === 0 && stopped.length === 0 : null,
      detail,
    };
  };
  return [judge('cellChars', MAX_CELL_CHARS, 'a cell'), judge('documentChars', MAX_DOCUMENT_CHARS, 'a document')];
}

/**
 * The importer's issue: importPlan of a 20-page plan (four copies of the sample) makes Document
 * calls proportional to its blocks at most, and parses in under 1 s, on a new workbook.
 */
function importTarget(measurements: readonly Measurement[]): Target {
  const text = `${IMPORT_20_PAGES} on a new workbook: ≤ ${IMPORT_CALLS_PER_BLOCK} Document calls a block, no more than 4 × the sample's, under ${int(IMPORT_LIMIT_MS)} ms in the emulator`;
  const at = (label: string) => measurements.find((m) => m.label === label && m.kind === 'new');
  const [long, sample] = [at(IMPORT_20_PAGES), at(IMPORT_SAMPLE)];
  if (!ok(long) || !ok(sample)) return unknown(text, 'not measured');
  const blocks = PLAN_20_PAGES.length;
  const perBlock = long.calls.document / blocks;
  const linear = long.calls.document <= 4 * sample.calls.document;
  return {
    text,
    met: perBlock <= IMPORT_CALLS_PER_BLOCK && linear && long.emulatorMs < IMPORT_LIMIT_MS,
    detail:
      `${int(long.calls.document)} calls for ${blocks} blocks (${perBlock.toFixed(1)} a block; the sample: ${int(sample.calls.document)} for ${SAMPLE_PLAN.length}), ` +
      `${int(long.emulatorMs)} ms (script ${int(long.scriptMs)} ms)`,
  };
}
