/**
 * `npm start`: the template workbook through the real bundle in the local Apps Script emulator:
 * setupWorkbook on a new spreadsheet, then refreshStatuses. Prints tasks and indicators with their
 * statuses and the overview, and writes out/cchc-tracker.xlsx.
 *   npm start -- --today 2023-08-20
 *   npm start -- --report Q3        also generateReport('Q3') → out/bao-cao-Q3.docx
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Emulator } from '../emulator/index';
import { saveReportDocx } from '../emulator/docx';
import { saveXlsx } from '../emulator/xlsx';
import { INDICATORS, OVERVIEW_SHEET, TASKS } from '../src/contract/sheets';

const { values: args } = parseArgs({
  options: {
    today: { type: 'string', default: '2023-08-20' },
    out: { type: 'string', default: 'out' },
    report: { type: 'string' },
  },
});
if (!/^\d{4}-\d{2}-\d{2}$/.test(args.today!)) throw new Error(`--today must be yyyy-mm-dd, got ${args.today}`);

const emu = new Emulator();
emu.setToday(args.today!);
// A new spreadsheet as Sheets makes it (one empty sheet), set up from the menu, then refreshed.
emu.spreadsheet.insertSheet('Trang tính1');
emu.run('setupWorkbook');
console.log(emu.dialogs.at(-1));
const run = emu.run('refreshStatuses');

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

console.log(`Hôm nay: ${args.today} — ${emu.spreadsheet.timeZone}`);
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
console.log(`\nDịch vụ Spreadsheet: ${run.calls.count('spreadsheet')} lệnh gọi cho một lần cập nhật.`);

mkdirSync(args.out!, { recursive: true });
if (args.report) await report(args.report);
const xlsx = `${args.out}/cchc-tracker.xlsx`;
await saveXlsx(emu.spreadsheet, xlsx);
console.log(`Đã ghi ${xlsx}`);

/** `--report CODE`: the report as the bundle builds it in Google Docs, saved as .docx. */
async function report(code: string): Promise<void> {
  const { path, documentCalls, message } = await saveReportDocx(emu, code, args.out!);
  console.log(`\n${message}`);
  console.log(`Dịch vụ Document: ${documentCalls} lệnh gọi cho báo cáo ${code}. Đã ghi ${path}`);
}
