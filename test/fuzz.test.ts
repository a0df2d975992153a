/**
 * The quick fuzz run of `npm test` (a few seconds); `npm run fuzz` runs the same properties on
 * 10,000 cases and more (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { workbook } from './fuzz/arbitraries';
import { steps } from './fuzz/operations';
import { runCase } from './fuzz/properties';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

describe('fuzz: random workbooks through every operation', () => {
  it(`keeps inputs, reports no unhandled error, gives every row one status, is deterministic (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(workbook, steps, (spec, plan) => {
        const failures = runCase(spec, plan);
        if (failures.length) throw new Error(failures.slice(0, 10).join('\n'));
      }),
      { numRuns: RUNS },
    );
  });
});
