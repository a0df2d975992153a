/**
 * `npm start` as a user types it: scripts/start.ts in a child process. A wrong option ends it with
 * exit code 2 and one Vietnamese line on stderr, nothing on stdout, no stack trace, no file written.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const scratch = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  wroteOut: boolean;
}

function start(args: string[]): Promise<Outcome> {
  const out = join(scratch, String(Math.random()).slice(2));
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/start.ts', '--out', out, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr, wroteOut: existsSync(out) });
    });
  });
}

const CASES: [args: string[], line: RegExp][] = [
  [['--today', '2023-02-30'], /^Giá trị không hợp lệ cho --today: "2023-02-30" \(ngày này không có trên lịch\)\.$/],
  [['--today', 'garbage'], /^Giá trị không hợp lệ cho --today: "garbage" \(cần một ngày dạng yyyy-mm-dd/],
  [['--today=2023-13-01'], /--today: "2023-13-01" \(ngày này không có trên lịch\)/],
  [['--report', 'Q5'], /^Không có kỳ báo cáo "Q5" cho --report\. Các mã kỳ: Q1, H1, Q3, NAM\.$/],
  [
    ['--verbose'],
    /^Không có tùy chọn --verbose\. Các tùy chọn: --today yyyy-mm-dd, --report MÃ_KỲ, --out THƯ_MỤC, --import TỆP, --hub SỐ_XÃ, --demo\.$/,
  ],
  [['--hub', '0'], /^Giá trị không hợp lệ cho --hub: "0" \(cần một số nguyên dương\)\.$/],
  [['--today'], /^Tùy chọn --today cần một giá trị: --today yyyy-mm-dd\.$/],
  [['--demo=yes'], /^Tùy chọn --demo không nhận giá trị\.$/],
  [['Q3'], /^Không hiểu "Q3": mỗi giá trị phải đi sau tùy chọn của nó\./],
];

describe('npm start options', () => {
  // The cases run at once: each is a tsx start-up of about a second.
  const outcomes = Promise.all(CASES.map(([args]) => start(args)));

  it.each(CASES.map((c, i) => [c[0].join(' '), i] as const))('%s: exit 2, one Vietnamese line', async (_, i) => {
    const outcome = (await outcomes)[i]!;
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    const lines = outcome.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(CASES[i]![1]);
    expect(lines[0]!.normalize('NFC')).toBe(lines[0]);
    expect(outcome.wroteOut).toBe(false);
  });

  it('runs with valid options: exit 0, statuses as of that day, the workbook written', async () => {
    const outcome = await start(['--today', '2023-03-01']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Hôm nay: 2023-03-01');
    expect(outcome.stdout).toMatch(/Đã ghi .*cchc-tracker\.xlsx/);
    expect(outcome.wroteOut).toBe(true);
  });

  it('--demo starts from the workbook filled in up to Q3: tasks done, a period sent', async () => {
    const outcome = await start(['--demo']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Đã nhập bảng tính mẫu đã điền đến quý III');
    expect(outcome.stdout).toMatch(/│ Hoàn thành\s/);
    expect(outcome.stdout).toMatch(/Đã gửi/);
  });
});
