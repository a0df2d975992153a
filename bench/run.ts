/**
 * `npm run bench`: builds dist/ and dist-hub/, then runs every operation of OPERATIONS through the
 * emulator on generated workbooks of 100 … 50,000 task rows (dailyCheck also on the template;
 * loadSamplePlan and the importer on a new workbook), with the naive cell-by-cell refresh measured
 * alongside. Progress goes to stderr, the markdown report to stdout,
 * every figure to out/bench-results.json, or with --update to the committed bench/results.json.
 *   npm run bench -- --sizes 100,1000 --out /tmp/results.json
 *   npm run bench -- --update
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAll } from '../scripts/build';
import { LIMIT_MS, PER_CALL, PER_CELL, SCRIPT_SLOWDOWN, SLOW_CALLS } from './costs';
import { BUDGET_MS, type Measurement, measureBundle, measureNaive, measureOperation } from './measure';
import { OPERATIONS } from './operations';
import { bundleTable, costNotes, NOT_BUILT_MARK, table, targetList } from './report';
import { judgeTargets } from './targets';
import { generated, newWorkbook, SIZES, template, TODAY } from './workloads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    out: { type: 'string' },
    update: { type: 'boolean', default: false },
  },
});
// A casual run leaves the committed results alone; only --update replaces them.
const outPath = args.out ?? `${ROOT}${args.update ? 'bench/results.json' : 'out/bench-results.json'}`;
const sizes = args.sizes ? args.sizes.split(',').map(Number) : [...SIZES];
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--sizes must be positive integers, got ${args.sizes}`);
// ICU may report the zone by its older canonical name.
if (!['Asia/Ho_Chi_Minh', 'Asia/Saigon'].includes(Intl.DateTimeFormat().resolvedOptions().timeZone)) {
  throw new Error('Run with TZ=Asia/Ho_Chi_Minh (npm run bench sets it): dates in the emulator follow the process zone.');
}

/** Median of 5 runs, of 3 at the largest size (each run there reloads 50,000 rows). */
const runsFor = (rows: number) => (rows >= 50_000 ? 3 : 5);

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
const progress = (message: string) => process.stderr.write(`[${elapsed()} s] ${message}\n`);

function summary(m: Measurement): string {
  if (m.outcome.kind === 'not built') return NOT_BUILT_MARK;
  if (m.outcome.kind === 'failed') return `FAILED: ${m.outcome.reason}`;
  return `${m.calls.spreadsheet} spreadsheet calls, ${m.emulatorMs.toFixed(0)} ms (median of ${m.runs})`;
}

progress('building dist/ and dist-hub/');
await buildAll();
const bundles = ['dist/Code.js', 'dist-hub/Code.js'].map((path) => measureBundle(ROOT, path));
for (const b of bundles) progress(`${b.path}: ${b.bytes} bytes, ${b.gzipBytes} gzip, cold start ${b.coldStartMs.toFixed(1)} ms`);

const workloads = sizes.map(generated);
const templateWorkload = template();
const newWorkload = newWorkbook();
const measurements: Measurement[] = [];
const naive: Measurement[] = [];
for (const op of OPERATIONS) {
  const on = op.on ?? ['generated'];
  const targets = [
    ...(on.includes('new') ? [newWorkload] : []),
    ...(on.includes('generated') ? workloads.filter((w) => w.rows >= (op.minRows ?? 0)) : []),
    ...(on.includes('template') ? [templateWorkload] : []),
  ];
  for (const w of targets) {
    progress(`${op.label} × ${w.label} rows`);
    const { measurement, emulator } = measureOperation(op, w, runsFor(w.rows));
    measurements.push(measurement);
    progress(`  ${summary(measurement)}`);
    if (op.fn === 'refreshStatuses' && measurement.outcome.kind === 'ok' && w.kind === 'generated') {
      progress(`naive refresh × ${w.label} rows`);
      const baseline = measureNaive(w, runsFor(w.rows), emulator);
      naive.push(baseline);
      progress(`  ${summary(baseline)}`);
    }
  }
}

const owners = new Set((templateWorkload.data.tasks ?? []).map((t) => String(t['Email'] ?? '').trim()).filter(Boolean));
const targets = judgeTargets({
  measurements,
  naive,
  bundles,
  template: { periods: templateWorkload.data.periods?.length ?? 0, owners: owners.size },
});
const isRefresh = (m: Measurement) => m.label === 'refreshStatuses';
const rows = [...measurements.filter(isRefresh), ...naive, ...measurements.filter((m) => !isRefresh(m))];
const benchSeconds = (performance.now() - started) / 1000;
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? '',
  platform: `${os.platform()} ${os.arch()}`,
  /** Other work on the machine skews the times (not the counts): the 1-, 5- and 15-minute loads at the end. */
  loadAverage: os.loadavg().map((n) => Number(n.toFixed(1))),
};

const report = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine.cpus} × ${machine.cpu} (load average ${machine.loadAverage.join(', ')} at the end), Node ${machine.node}, in ${benchSeconds.toFixed(0)} s; today = ${TODAY}. ` +
    `Calls, cells and characters are exact (those of one run); times are medians of ${runsFor(1)} runs (${runsFor(50_000)} at 50,000 rows; fewer once a measurement has taken ${BUDGET_MS / 1000} s, marked) and noisy on a shared machine. ` +
    `Indicators are a fifth of the task rows; the naive script refreshes the task sheet only and must leave the same statuses.`,
  '',
  table(rows, naive),
  '',
  bundleTable(bundles),
  '',
  'Targets (bench/targets.ts):',
  '',
  targetList(targets),
  '',
  costNotes(),
].join('\n');
process.stdout.write(`${report}\n`);

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(
  outPath,
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      today: TODAY,
      machine,
      benchSeconds,
      costModel: {
        perCall: PER_CALL,
        perCell: PER_CELL,
        slowCalls: SLOW_CALLS,
        scriptSlowdown: SCRIPT_SLOWDOWN,
        limitsMs: LIMIT_MS,
      },
      bundles,
      measurements,
      naive,
      targets,
    },
    null,
    2,
  )}\n`,
);
progress(`wrote ${outPath}`);

if ([...measurements, ...naive].some((m) => m.outcome.kind === 'failed')) process.exitCode = 1;
