/**
 * The importer's measured accuracy is kept (docs/SPEC.md §8): on the sample's source plan recall of
 * the template's tasks and indicators ≥ 95%, area ≥ 95%, deadline ≥ 90%, comparator and target ≥ 90%;
 * on the fixture plans recall ≥ 90%. The .docx fixture reads as the text it was written from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownBlocks, planFileBlocks } from '../scripts/plan-blocks';
import { parsePlan } from '../src/core/import/parse';
import { FIXTURE_DIR, PLAN_CASES, scorePlan } from './support/plan-score';

describe('import accuracy', () => {
  it('on the sample meets the contract', async () => {
    const s = await scorePlan(PLAN_CASES[0]!);
    expect(s.expected).toBe(52);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.area).toBeGreaterThanOrEqual(0.95);
    expect(s.deadline).toBeGreaterThanOrEqual(0.9);
    expect(s.target).toBeGreaterThanOrEqual(0.9);
    expect(s.periods).toBe('4/4');
  });

  it.each(PLAN_CASES.slice(1))('on $name finds at least 90%', async (c) => {
    const s = await scorePlan(c);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the .docx fixture as the text it was made from', async () => {
    const fromDocx = await planFileBlocks(join(FIXTURE_DIR, 'phu-luc-bang-2026.docx'));
    expect(fromDocx).toEqual(markdownBlocks(readFileSync(join(FIXTURE_DIR, 'phu-luc-bang-2026.md'), 'utf8')));
  });

  it('parses a 20-page plan in well under a second', async () => {
    const one = await planFileBlocks(PLAN_CASES[0]!.file);
    // The sample is about 5 pages: four of it in a row.
    const blocks = [...one, ...one, ...one, ...one];
    const started = performance.now();
    const { items } = parsePlan(blocks);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(items.length).toBeGreaterThan(52);
  });
});
