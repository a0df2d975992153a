/**
 * `npm run report:preview`: the template's report through the bundle, as .docx, then PDF and PNG
 * pages made by LibreOffice so the layout can be looked at without Google Docs.
 *   npm run report:preview -- --report Q3 --today 2023-08-20
 *   npm run report:preview -- --demo        the workbook filled in up to Q3 (sheets-templates/demo/)
 *   npm run report:preview -- out/some-report.docx
 * Writes out/preview/<name>.pdf and out/preview/<name>-<page>.png. Needs `soffice`
 * (Debian: libreoffice-writer), for the pictures `pdftoppm` (poppler-utils), and for a second layout
 * pass Python-UNO (python3-uno; see RELAYOUT_TO_PDF).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
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

/**
 * LibreOffice's first layout of a loaded file puts paragraphs on pages by a count (20 or 25 a
 * page, a table row counting as one) and then moves them. When that count ends a page right
 * after a keep-with-next paragraph and what follows does not fit, LibreOffice 7.4 leaves the
 * paragraph alone at the page foot although the .docx has `<w:keepNext/>` (the demo's Q3 lead
 * "Kết quả thực hiện các chỉ tiêu:", the 20th unit of page 1). A second layout pass honours it,
 * so this script loads the file through UNO, moves every page style's bottom margin by 1 mm and
 * back (each change lays out every page again; a smaller step rounds to nothing), then exports
 * the PDF. Arguments: the private profile URL, the .docx path, the .pdf path.
 */
const RELAYOUT_TO_PDF = `
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

profile, src, out = sys.argv[1:4]
pipe = "cchc-report-preview-%d" % os.getpid()
office = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile, "--headless", "--invisible",
                           "--norestore", "--accept=pipe,name=%s;urp;" % pipe])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(240):
    try:
        remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        break
    except NoConnectException:
        time.sleep(0.25)
else:
    office.kill()
    sys.exit("LibreOffice did not open its UNO pipe")
desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
try:
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    styles = doc.StyleFamilies.getByName("PageStyles")
    for step in (100, -100):
        for name in styles.ElementNames:
            style = styles.getByName(name)
            style.BottomMargin = style.BottomMargin + step
        doc.CurrentController.PageCount  # lays the document out again
    doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "writer_pdf_Export"),))
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=120)
`;

/** The first Python that has LibreOffice's UNO bridge (Debian's python3-uno is for /usr/bin/python3). */
function unoPython(): string | undefined {
  return ['python3', '/usr/bin/python3', 'python'].find(
    (py) => spawnSync(py, ['-c', 'import uno'], { stdio: 'ignore' }).status === 0,
  );
}

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
// A private profile: a running LibreOffice (or a first-run dialog) must not block the conversion.
const profile = 'file:///tmp/cchc-report-preview';
const python = unoPython();
if (!python) {
  console.error(
    'Không tìm thấy Python-UNO (gói python3-uno): LibreOffice chỉ dàn trang một lượt, nên có thể để một dòng tiêu đề hoặc dòng dẫn một mình ở cuối trang dù tệp .docx giữ nó với đoạn sau. Cài: sudo apt-get install -y python3-uno',
  );
}
for (const file of files) {
  const name = basename(file).replace(/\.docx$/i, '');
  const pdf = `${dir}/${name}.pdf`;
  const lo = python
    ? spawnSync(python, ['-c', RELAYOUT_TO_PDF, profile, resolve(file), resolve(pdf)], { encoding: 'utf8' })
    : spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
      });
  if (lo.status !== 0) fail(`LibreOffice không chuyển được ${file} sang PDF:\n${lo.stderr || lo.stdout}`);
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
