/**
 * The emulator is a generic fake Apps Script: it must not import the product (a test oracle must
 * not be the code under test) nor know the product's words outside comments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const EMULATOR = join(ROOT, 'emulator');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers of static imports, dynamic imports and re-exports. */
function specifiers(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
  ))
    out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** Code without comments, so that an example in a comment is allowed. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Words only the product knows: its sheet names, status texts, its organisation. */
const PRODUCT_WORDS = [
  'Nhiệm vụ',
  'Chỉ tiêu',
  'Cấu hình',
  'Nhật ký',
  'Tổng quan',
  'Kỳ báo cáo',
  'Hoàn thành',
  'Trễ hạn',
  'CCHC',
  'tuxuyen',
  'generateReport',
  'refreshStatuses',
];

function violations(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const spec of specifiers(code)) {
      const target = spec.startsWith('.') ? resolve(file, '..', spec) : spec;
      const rel = relative(ROOT, target);
      if (rel === 'src' || rel.startsWith('src/') || rel.startsWith('test/') || rel.startsWith('scripts/'))
        found.push(`${relative(ROOT, file)} imports ${spec}`);
    }
    const bare = withoutComments(code);
    for (const w of PRODUCT_WORDS) if (bare.includes(w)) found.push(`${relative(ROOT, file)} names "${w}"`);
  }
  return found;
}

describe('emulator independence', () => {
  it('no file of emulator/ imports src/, test/ or scripts/, or names the product outside comments', () => {
    const files = sources(EMULATOR);
    expect(files.length).toBeGreaterThan(10);
    expect(violations(files)).toEqual([]);
  });
});
