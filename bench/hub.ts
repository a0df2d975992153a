/**
 * `npm run bench:hub`: collectHub over a province of generated commune workbooks, each read path
 * (sequential SpreadsheetApp, parallel Sheets API through UrlFetchApp.fetchAll) at each size.
 * The emulator's clock is driven by the high end of the cost model (bench/costs.ts: every call,
 * every cell, opening a spreadsheet, fetch latency, quota waits, the script's own time × 3), so the hub's own time budget
 * reacts as it would on Apps Script's slow days. Reports, per path and size: service calls per
 * commune (marginal: a run over 2 communes minus a run over 1), executions of the round, the
 * longest execution's estimate, the round's total, and the sequential ÷ parallel ratio.
 *   npm run bench:hub -- --communes 200 --sizes 50,5000
 * `--update` writes the table to bench/hub-results.md and every figure to bench/hub-results.json;
 * `--out file` writes the figures elsewhere.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { CallCounter } from '../emulator/calls';
import type { Emulator, Execution } from '../emulator/index';
import { buildAll } from '../scripts/build';
import { CONFIG_SHEET } from '../src/contract/sheets';
import { UNITS } from '../src/hub/contract';
import { MODE_LABEL, MODES } from '../src/hub/gas/hub-book';
import { CONTINUE_AFTER_MS, CONTINUE_HANDLER } from '../src/hub/ops/collect';
import { COLLECTED } from '../src/hub/units';
import { estimateMs, LIMIT_MS, PER_CALL, PER_CELL, SCRIPT_SLOWDOWN, SLOW_CALLS, type Span } from './costs';
import { province } from '../test/support/hub-workloads';

const { values: args } = parseArgs({
  options: {
    communes: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '50,5000' },
    out: { type: 'string' },
    update: { type: 'boolean', default: false },
  },
});
const communes = Number(args.communes);
const sizes = args.sizes!.split(',').map(Number);
type Mode = keyof typeof MODES;

/** Sets the emulator's clock to the high end of the cost model. */
function slowAsAppsScript(emu: Emulator): void {
  for (const s of ['spreadsheet', 'properties', 'script', 'lock', 'utilities', 'urlfetch', 'session'] as const)
    emu.callCostMs[s] = PER_CALL.ms.high;
  emu.cellCostMs = PER_CELL.ms.high;
  emu.scriptTimeScale = SCRIPT_SLOWDOWN.ms.high;
  emu.methodCostMs['SpreadsheetApp.openById'] = SLOW_CALLS['SpreadsheetApp.openById']!.ms.high;
}

function setup(n: number, rows: number, mode: Mode): Emulator {
  const emu = province(Array.from({ length: n }, () => ({ rows })));
  const config = emu.spreadsheet.getSheetByName(CONFIG_SHEET)!;
  const r = config
    .getDataRange()
    .getValues()
    .findIndex((x) => x[0] === MODE_LABEL);
  config.setCell(r + 1, 2, 'values', MODES[mode]);
  slowAsAppsScript(emu);
  return emu;
}

interface Run {
  exec: Execution;
  estimate: Span;
}

function measured(emu: Emulator, fn: string, as: 'menu' | 'time'): Run {
  const started = performance.now();
  const exec = emu.run(fn, [], { as });
  const scriptMs = performance.now() - started - exec.calls.serviceMs;
  return { exec, estimate: estimateMs(exec.calls, scriptMs) };
}

/** Calls one more commune costs: a round over 2 communes minus a round over 1. */
function marginalCalls(rows: number, mode: Mode): { total: number; byMethod: Record<string, number> } {
  const calls = (n: number): CallCounter => measured(setup(n, rows, mode), 'collectHub', 'menu').exec.calls;
  const [one, two] = [calls(1), calls(2)];
  const byMethod: Record<string, number> = {};
  for (const [m, k] of two.byMethod) if (k - one.method(m)) byMethod[m] = k - one.method(m);
  return { total: two.total() - one.total(), byMethod };
}

interface Round {
  mode: Mode;
  rows: number;
  perCommune: { total: number; byMethod: Record<string, number> };
  executions: { calls: number; estimate: Span; communes: number }[];
  collected: number;
  /** Sum of the executions' high estimates, and with the trigger delays between them. */
  busyMs: number;
  elapsedMs: number;
  emulatorSeconds: number;
}

function round(rows: number, mode: Mode): Round {
  const started = performance.now();
  const emu = setup(communes, rows, mode);
  const executions: Round['executions'] = [];
  const collectedNow = () =>
    emu.spreadsheet
      .getSheetByName(UNITS.name)!
      .getDataRange()
      .getValues()
      .filter((r) => String(r[4]).startsWith(COLLECTED)).length;
  let before = 0;
  let fn = 'collectHub';
  let as: 'menu' | 'time' = 'menu';
  for (let i = 0; i < 100; i++) {
    const run = measured(emu, fn, as);
    const now = collectedNow();
    executions.push({ calls: run.exec.calls.total(), estimate: run.estimate, communes: now - before });
    before = now;
    const next = emu.triggers.all.find((t) => t.spec.handler === CONTINUE_HANDLER);
    if (!next) break;
    emu.now = Math.max(emu.now, next.spec.schedule!.at!);
    [fn, as] = [CONTINUE_HANDLER, 'time'];
  }
  const busyMs = executions.reduce((n, e) => n + e.estimate.high, 0);
  return {
    mode,
    rows,
    perCommune: marginalCalls(rows, mode),
    executions,
    collected: collectedNow(),
    busyMs,
    elapsedMs: busyMs + (executions.length - 1) * CONTINUE_AFTER_MS,
    emulatorSeconds: (performance.now() - started) / 1000,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
await buildAll();
const rounds: Round[] = [];
for (const rows of sizes)
  for (const mode of ['sequential', 'parallel'] as const) {
    process.stderr.write(`collectHub × ${communes} communes × ${rows} rows, ${mode}…\n`);
    const r = round(rows, mode);
    rounds.push(r);
    process.stderr.write(
      `  ${r.executions.length} executions, ${r.collected} collected, ${r.emulatorSeconds.toFixed(0)} s here\n`,
    );
  }

const lines = [
  `## collectHub over ${communes} communes (estimates at the high end of bench/costs.ts)`,
  '',
  "| rows per commune | read path | calls per commune | executions | longest execution (est.) | fits 5 min | round: executions' time | round: until done (with 1-min trigger gaps) | collected |",
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const r of rounds) {
  const longest = Math.max(...r.executions.map((e) => e.estimate.high));
  lines.push(
    `| ${r.rows.toLocaleString('en-US')} | ${r.mode} | ${r.perCommune.total} | ${r.executions.length} | ${s(longest)} | ${longest <= 300_000 ? 'yes' : 'NO'} | ${s(r.busyMs)} | ${s(r.elapsedMs)} | ${r.collected}/${communes} |`,
  );
}
lines.push(
  '',
  "| rows per commune | sequential ÷ parallel (executions' time) | sequential ÷ parallel (until done) |",
  '| --- | --- | --- |',
);
for (const rows of sizes) {
  const [seq, par] = (['sequential', 'parallel'] as const).map((m) => rounds.find((r) => r.rows === rows && r.mode === m)!);
  lines.push(
    `| ${rows.toLocaleString('en-US')} | ×${(seq!.busyMs / par!.busyMs).toFixed(1)} | ×${(seq!.elapsedMs / par!.elapsedMs).toFixed(1)} |`,
  );
}
lines.push('', 'Calls per commune, by method:');
for (const r of rounds) lines.push(`- ${r.mode}, ${r.rows} rows: ${JSON.stringify(r.perCommune.byMethod)}`);
lines.push(
  '',
  `Limit per execution: Apps Script stops one at ${LIMIT_MS.execution / 60_000} min; the hub starts no read after 4 min.`,
);
// Calls are exact; the estimates include this machine's script time (× 3), which moves with its load.
lines.push(
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? ''} (load average ${os.loadavg()[0]!.toFixed(1)}), Node ${process.version}; ` +
    `calls per commune are exact; the estimates include the script's own time measured here (× 3), so they move with the load.`,
);
const markdown = lines.join('\n');
console.log(markdown);
const json = `${JSON.stringify(rounds, null, 2)}\n`;
if (args.update) {
  writeFileSync(new URL('hub-results.md', import.meta.url), `${markdown}\n`);
  writeFileSync(new URL('hub-results.json', import.meta.url), json);
}
if (args.out) writeFileSync(args.out, json);
