/**
 * `npm run fuzz [-- --runs 10000] [--seed 123] [--faults]`: the fuzz properties of test/fuzz/ on many
 * random workbooks through the built bundle in the emulator (npm test runs a few dozen of the same);
 * with `--faults`, the fault fuzz of test/fuzz/faults.ts instead.
 * Prints what was checked; on a failure, the shrunk counterexample and exit code 1.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { workbook } from '../test/fuzz/arbitraries';
import { runFaultFuzz } from '../test/fuzz/fault-fuzz';
import { steps } from '../test/fuzz/operations';
import { newTally, runCase } from '../test/fuzz/properties';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' }, faults: { type: 'boolean', default: false } },
});
const numRuns = Number(args.runs);
if (args.faults) process.exit(runFaultFuzz(numRuns, args.seed === undefined ? undefined : Number(args.seed)));
const tally = newTally();
const started = Date.now();
let executed = 0;

const property = fc.property(workbook, steps, (spec, plan) => {
  executed++;
  if (executed % 1000 === 0) console.log(`… ${executed} cases, ${Math.round((Date.now() - started) / 1000)} s`);
  const failures = runCase(spec, plan, tally);
  if (failures.length) throw new Error(failures.join('\n'));
});

const details = fc.check(property, { numRuns, ...(args.seed ? { seed: Number(args.seed) } : {}) });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  [
    `fuzz: ${details.numRuns} cases (seed ${details.seed}) in ${seconds} s`,
    `steps: ${Object.entries(tally.steps)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}; ${tally.stopped} stopped with a message`,
    `cells compared before/after a step: ${tally.cellsCompared}; data rows checked for one valid status: ${tally.rowsWithStatus}`,
    `report documents checked: ${tally.documents}; mails checked: ${tally.mails}`,
    `${Object.entries(tally.own)
      .map(([what, n]) => `${what}: ${n}`)
      .join('; ')}`,
    `failures: ${details.failed ? 1 : 0}`,
  ].join('\n'),
);
if (details.failed) {
  console.log(
    `\nCounterexample (after ${details.numShrinks} shrinks):\n${JSON.stringify(details.counterexample)}\n\n${details.errorInstance}`,
  );
  process.exit(1);
}
