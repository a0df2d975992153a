/** The plan that `setupWorkbook` fills in, embedded in the bundle. */
import data from './tu-xuyen-2023.json';
import type { Template } from '../src/contract/template';

/** Checked against the schema by scripts/build.ts before it is bundled. */
export const TEMPLATE = data as unknown as Template;
