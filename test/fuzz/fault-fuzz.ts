/** `npm run fuzz -- --faults`: the fault fuzz of ./faults.ts on many cases, with its figures. */
import fc from 'fast-check';
import { workbook } from './arbitraries';
import { faultPlan, newFaultTally, runFaultCase } from './faults';

const list = (m: Record<string, number>) =>
  Object.entries(m)
    .sort()
    .map(([op, n]) => `${op} ${n}`)
    .join(', ') || 'none';

/** Runs `numRuns` cases, prints the figures (and the shrunk counterexample); returns the exit code. */
export function runFaultFuzz(numRuns: number, seed?: number): number {
  const tally = newFaultTally();
  const started = Date.now();
  const property = fc.property(workbook, faultPlan, (spec, plan) => {
    if (tally.cases % 500 === 499) console.log(`… ${tally.cases + 1} cases, ${Math.round((Date.now() - started) / 1000)} s`);
    const failures = runFaultCase(spec, plan, tally);
    if (failures.length) throw new Error(failures.join('\n'));
  });
  const details = fc.check(property, { numRuns, ...(seed === undefined ? {} : { seed }) });
  console.log(
    [
      `fault fuzz: ${details.numRuns} cases (seed ${details.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `faults injected: ${list(tally.injected)}`,
      `runs the fault stopped, then run again: ${list(tally.retried)}`,
      `faults absorbed (the run finished anyway): ${list(tally.absorbed)}`,
      `documents and mails of the clean runs compared: ${tally.documents} / ${tally.mails}`,
      `differences from clean runs: ${details.failed ? 1 : 0}`,
    ].join('\n'),
  );
  if (!details.failed) return 0;
  console.log(
    `\nCounterexample (after ${details.numShrinks} shrinks):\n${JSON.stringify(details.counterexample).slice(0, 3000)}\n\n${details.errorInstance}`,
  );
  return 1;
}
