/** The targets of issue #6, judged on one bench run's figures. */
import { type BundleFigures, CAPACITY_CALLS, type Measurement, steadySpreadsheetCalls } from './measure';
import type { Target } from './report';

const int = (n: number) => Math.round(n).toLocaleString('en-US');

const BUNDLE_LIMIT = 200 * 1024;
const COLD_START_LIMIT_MS = 50;
const REFRESH_CALL_LIMIT = 40;
const REFRESH_50K_LIMIT_MS = 1_000;
const NAIVE_FACTOR = 100;
const ON_EDIT_CALL_LIMIT = 10;
const SERVICES = ['spreadsheet', 'document', 'other'] as const;

export interface TargetInput {
  measurements: readonly Measurement[];
  naive: readonly Measurement[];
  bundle: BundleFigures;
  /** Reporting periods and distinct task-owner addresses of the template. */
  template: { periods: number; owners: number };
}

type Built = Measurement & { outcome: { kind: 'ok' } };
const ok = (m: Measurement | undefined): m is Built => m?.outcome.kind === 'ok';
const unknown = (text: string, detail: string): Target => ({ text, met: null, detail });

export function judgeTargets({ measurements, naive, bundle, template }: TargetInput): Target[] {
  const of = (label: string) => measurements.filter((m) => m.label === label && !m.workload.includes('template'));
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

  out.push({
    text: `bundle ≤ 200 KB`,
    met: bundle.bytes <= BUNDLE_LIMIT,
    detail: `${int(bundle.bytes / 1024)} KB (${int(bundle.gzipBytes / 1024)} KB gzip)`,
  });
  out.push({
    text: `cold start < ${COLD_START_LIMIT_MS} ms`,
    met: bundle.coldStartMs < COLD_START_LIMIT_MS,
    detail: `${bundle.coldStartMs.toFixed(1)} ms`,
  });

  const onTemplate = measurements.find((m) => m.label === 'dailyCheck' && m.workload.includes('template'));
  const mailLimit = template.periods + template.owners;
  const dailyText = `dailyCheck on the template: documents ≤ ${template.periods} periods, mails ≤ ${template.periods} periods + ${template.owners} owners`;
  if (ok(onTemplate)) {
    const met = onTemplate.documents <= template.periods && onTemplate.mails <= mailLimit;
    out.push({ text: dailyText, met, detail: `${onTemplate.documents} documents, ${onTemplate.mails} mails` });
  } else out.push(unknown(dailyText, onTemplate?.outcome.kind === 'failed' ? 'fails (see table)' : 'chưa có'));

  for (const label of [...new Set(measurements.map((m) => m.label))]) {
    const built = of(label).filter(ok);
    if (built.length < 2) continue;
    const distinct = (f: (m: Built) => string | number) => [...new Set(built.map(f))];
    const calls = {
      spreadsheet: steadySpreadsheetCalls,
      document: (m: Built) => m.calls.document,
      other: (m: Built) => m.calls.other,
    };
    const growing = SERVICES.filter((k) => distinct(calls[k]).length > 1);
    const outputs = distinct((m) => `${m.documents} / ${m.mails}`);
    const sizes = built.map((m) => m.workload).join(', ');
    const capacity = Math.max(...built.map((m) => m.calls.spreadsheet - steadySpreadsheetCalls(m)));
    let detail = growing.length
      ? `${growing.join(' and ')} calls grow: ${growing.map((k) => distinct((m) => int(calls[k](m))).join(' → ')).join('; ')} over ${sizes} rows`
      : `${steadySpreadsheetCalls(built[0]!)} spreadsheet, ${built[0]!.calls.document} document, ${built[0]!.calls.other} other calls at ${sizes} rows`;
    if (capacity) detail += ` (plus up to ${capacity} ${CAPACITY_CALLS.join(', ')} where a sheet outgrows its rows)`;
    if (outputs.length > 1) detail += `; docs / mails ${outputs.join(' → ')}`;
    out.push({
      text: `${label}: service calls, documents and mails constant in rows`,
      met: growing.length === 0 && outputs.length === 1,
      detail,
    });
  }
  return out;
}
