/**
 * The fault fuzz in short (`npm run fuzz -- --faults` runs thousands): for each operation, a few
 * random workbooks, one transient service failure at a random call, then the re-run the user is
 * told to make; the end state must equal a clean run's (test/fuzz/faults.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workbook } from './fuzz/arbitraries';
import { FAULT_OPERATIONS, faultPlan, newFaultTally, runFaultCase } from './fuzz/faults';

const RUNS = Number(process.env.FAULT_RUNS ?? 6);

describe('fault fuzz: one transient failure, then the re-run, equals a clean run', () => {
  for (const op of Object.keys(FAULT_OPERATIONS)) {
    it(`${op} (${RUNS} cases)`, () => {
      const tally = newFaultTally();
      const plans = faultPlan.filter((p) => p.step.op === op);
      fc.assert(
        fc.property(workbook, plans, (spec, plan) => {
          const failures = runFaultCase(spec, plan, tally);
          if (failures.length) throw new Error(failures.slice(0, 5).join('\n'));
        }),
        { numRuns: RUNS, seed: 20230820 },
      );
      expect(tally.injected[FAULT_OPERATIONS[op]!.fn] ?? 0).toBeGreaterThan(0);
    });
  }
});
