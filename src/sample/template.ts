/** The plan that `setupWorkbook` fills in, embedded in the bundle. */
import data from './tu-xuyen-2023.json';
import type { Template } from '../contract/template';

/** Checked against sheets-templates/schema.ts by scripts/build.ts before it is bundled. */
export const TEMPLATE = data as unknown as Template;
