/**
 * `npm run report:preview`: the template's report through the bundle, as .docx, then PDF and PNG
 * pages made by LibreOffice so the layout can be looked at without Google Docs.
 *   npm run report:preview -- --report Q3 --today 2023-08-20
 *   npm run report:preview -- --demo        the workbook filled in up to Q3 (sheets-templates/demo/)
 *   npm run report:preview -- out/some-report.docx
 * Writes out/preview/<name>.pdf and out/preview/<name>-<page>.png. Needs `soffice`
 * (Debian: libreoffice-writer) and, for the pictures, `pdftoppm` (poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { saveReportDocx } from '../test/support/report-docx';
import { productEmulator, loadWorkbook, type WorkbookData } from '../test/support/fixtures';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    report: { type: 'string', default: 'Q3' },
    today: { type: 'string', default: '2023-08-20' },
    out: { type: 'string', default: 'out' },
    /** The workbook an office has filled in up to Q3 (sheets-templates/demo/), instead of the bare plan. */
    demo: { type: 'boolean', default: false },
  },
});

const has = (cmd: string) => !spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function templateReport(): Promise<string> {
  const emu = productEmulator();
  emu.setToday(args.today!);
  loadWorkbook(
    emu,
    JSON.parse(
      readFileSync(
        new URL(
          args.demo ? '../sheets-templates/demo/tu-xuyen-2023-da-dien.json' : '../src/sample/tu-xuyen-2023.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as WorkbookData,
  );
  mkdirSync(args.out!, { recursive: true });
  const { path, documentCalls } = await saveReportDocx(emu, args.report!, args.out!);
  console.log(`Đã ghi ${path} (${documentCalls} lệnh gọi dịch vụ Document).`);
  return path;
}

const files = positionals.length ? positionals : [await templateReport()];
if (!has('soffice')) {
  fail(
    `Không tìm thấy LibreOffice (lệnh soffice), nên chưa tạo được PDF/PNG. Cài bằng:\n  sudo apt-get install -y libreoffice-writer poppler-utils\nrồi chạy lại. Tệp .docx vẫn mở được bằng Word hoặc LibreOffice: ${files.join(', ')}`,
  );
}
const dir = `${args.out}/preview`;
mkdirSync(dir, { recursive: true });
for (const file of files) {
  const name = basename(file).replace(/\.docx$/i, '');
  // A private profile: a running LibreOffice (or a first-run dialog) must not block the conversion.
  const lo = spawnSync(
    'soffice',
    ['-env:UserInstallation=file:///tmp/cchc-report-preview', '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { encoding: 'utf8' },
  );
  if (lo.status !== 0) fail(`LibreOffice không chuyển được ${file} sang PDF:\n${lo.stderr || lo.stdout}`);
  const pdf = `${dir}/${name}.pdf`;
  console.log(`Đã ghi ${pdf}`);
  if (!has('pdftoppm')) {
    console.error('Không tìm thấy pdftoppm (gói poppler-utils): bỏ qua ảnh PNG. Cài: sudo apt-get install -y poppler-utils');
    continue;
  }
  const png = spawnSync('pdftoppm', ['-png', '-r', '80', pdf, `${dir}/${name}`], { encoding: 'utf8' });
  if (png.status !== 0) fail(`pdftoppm không tạo được ảnh từ ${pdf}:\n${png.stderr}`);
  const pages = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  console.log(`Đã ghi ${pages.map((p) => `${dir}/${p}`).join(', ')}`);
}
