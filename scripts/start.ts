/**
 * `npm start`: the template workbook through the real bundle in the local Apps Script emulator:
 * setupWorkbook on a new spreadsheet, loadSamplePlan, then refreshStatuses. Prints tasks and indicators with their
 * statuses and the overview, and writes out/cchc-tracker.xlsx.
 *   npm start -- --today 2023-08-20
 *   npm start -- --report Q3        also generateReport('Q3') → out/bao-cao-Q3.docx
 *   npm start -- --demo            the sample filled in up to Q3 (sheets-templates/demo/) instead
 *   npm start -- --import FILE      also importPlan on a .docx/.md/.txt plan → sheet Nhập kế hoạch
 *   npm start -- --hub 65           the province hub over 65 generated communes instead (scripts/hub-demo.ts)
 * A wrong option ends it with one Vietnamese line and exit code 2 (scripts/cli.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Emulator } from '../emulator/index';
import { saveReportDocx } from '../test/support/report-docx';
import { loadWorkbook, productEmulator, type WorkbookData } from '../test/support/fixtures';
import { saveXlsx } from '../emulator/xlsx';
import { INDICATORS, OVERVIEW_SHEET, PERIODS, TASKS } from '../src/contract/sheets';
import { checkIsoDay, parseOptions, runCli, UsageError } from './cli';
import { checkPlanFile, importPlanFile } from './import-plan';
import { hubDemo } from './hub-demo';

// One line per option; its `check` runs before anything else does.
const OPTIONS = {
  today: { value: 'yyyy-mm-dd', default: '2023-08-20', check: checkIsoDay },
  report: { value: 'MÃ_KỲ' },
  out: { value: 'THƯ_MỤC', default: 'out' },
  import: { value: 'TỆP', check: checkPlanFile },
  hub: { value: 'SỐ_XÃ', check: (v: string) => (/^[1-9]\d*$/.test(v) ? undefined : 'cần một số nguyên dương') },
  demo: {},
};

const DEMO = JSON.parse(
  readFileSync(new URL('../sheets-templates/demo/tu-xuyen-2023-da-dien.json', import.meta.url), 'utf8'),
) as WorkbookData;

await runCli(async () => {
  const args = parseOptions(OPTIONS);
  if (args.hub !== undefined) return hubDemo(Number(args.hub), args.out!, args.today!, args.report);
  const emu = productEmulator();
  emu.setToday(args.today!);
  // A new spreadsheet as Sheets makes it (one empty sheet), set up from the menu, then refreshed.
  emu.spreadsheet.insertSheet('Trang tính1');
  emu.run('setupWorkbook');
  // --demo: the sample as an office has filled it in up to Q3 (results, dates, Ngày gửi, causes,
  // proposals), typed straight into the sheets; otherwise the plan as written, from the menu.
  if (args.demo) loadWorkbook(emu, DEMO);
  else emu.run('loadSamplePlan');
  const setupMessage = args.demo
    ? `${emu.dialogs.at(-1)}\nĐã nhập bảng tính mẫu đã điền đến quý III (sheets-templates/demo/).`
    : emu.dialogs.slice(-2).join('\n');
  if (args.report !== undefined) checkPeriodCode(emu, args.report);
  console.log(setupMessage);
  const run = emu.run('refreshStatuses');
  print(emu, args.today!, run.calls.count('spreadsheet'));
  mkdirSync(args.out!, { recursive: true });
  if (args.report) await report(emu, args.report, args.out!);
  if (args.import) await importPlanFile(emu, args.import);
  const xlsx = `${args.out}/cchc-tracker.xlsx`;
  await saveXlsx(emu.spreadsheet, xlsx);
  console.log(`Đã ghi ${xlsx}`);
});

/** The codes are those of the workbook's `Kỳ báo cáo`, so the check holds whatever plan was loaded. */
function checkPeriodCode(emu: Emulator, code: string): void {
  const values = emu.spreadsheet.getSheetByName(PERIODS.name)!.getDataRange().getValues();
  const at = values[0]!.map(String).indexOf(PERIODS.columns.code.header);
  const codes = values
    .slice(1)
    .map((row) => String(row[at] ?? '').trim())
    .filter(Boolean);
  if (!codes.includes(code.trim()))
    throw new UsageError(`Không có kỳ báo cáo "${code}" cho --report. Các mã kỳ: ${codes.join(', ')}.`);
}

function print(emu: Emulator, today: string, spreadsheetCalls: number): void {
  const cut = (s: unknown, n: number) => {
    const t = String(s ?? '').replace(/\s+/g, ' ');
    return t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n);
  };
  const fmt = (v: unknown) =>
    v instanceof Date
      ? new Intl.DateTimeFormat('vi-VN', {
          timeZone: emu.spreadsheet.timeZone,
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
        }).format(v)
      : String(v ?? '');

  function table(sheetName: string, columns: [header: string, width: number][]): void {
    const values = emu.spreadsheet.getSheetByName(sheetName)!.getDataRange().getValues();
    const header = values[0]!.map(String);
    const at = columns.map(([h]) => header.indexOf(h));
    console.log(`\n${sheetName}`);
    console.log(columns.map(([h, w]) => cut(h, w)).join(' │ '));
    console.log(columns.map(([, w]) => '─'.repeat(w)).join('─┼─'));
    for (const row of values.slice(1)) console.log(columns.map(([, w], i) => cut(fmt(row[at[i]!]), w)).join(' │ '));
  }

  console.log(`Hôm nay: ${today} — ${emu.spreadsheet.timeZone}`);
  const T = TASKS.columns;
  table(TASKS.name, [
    [T.code.header, 7],
    [T.area.header, 14],
    [T.name.header, 60],
    [T.deadline.header, 12],
    [T.progress.header, 6],
    [T.status.header, 18],
  ]);
  const I = INDICATORS.columns;
  table(INDICATORS.name, [
    [I.code.header, 7],
    [I.name.header, 60],
    [I.comparator.header, 3],
    [I.target.header, 8],
    [I.unit.header, 5],
    [I.result.header, 8],
    [I.status.header, 16],
  ]);
  console.log(`\n${emu.dialogs.at(-1)}`);
  const overview = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getDataRange().getDisplayValues();
  console.log(`\n${OVERVIEW_SHEET}`);
  for (const row of overview.slice(3))
    if (row.some(Boolean)) console.log([cut(row[0], 46), ...row.slice(1).map((v) => cut(v, 9))].join(' │ '));
  console.log(`\nDịch vụ Spreadsheet: ${spreadsheetCalls} lệnh gọi cho một lần cập nhật.`);
}

/** `--report CODE`: the report as the bundle builds it in Google Docs, saved as .docx. */
async function report(emu: Emulator, code: string, dir: string): Promise<void> {
  const { path, documentCalls, message } = await saveReportDocx(emu, code, dir);
  console.log(`\n${message}`);
  console.log(`Dịch vụ Document: ${documentCalls} lệnh gọi cho báo cáo ${code}. Đã ghi ${path}`);
}
