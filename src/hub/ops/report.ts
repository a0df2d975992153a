/** `hubReport(periodCode)`: the province's consolidated report as a Google Doc (docs/SPEC.md §10). */
import { CONFIG_SHEET } from '../../contract/sheets';
import type { Context } from '../../core/context';
import { ymdOf } from '../../core/days';
import { reportFolder } from '../../gas/drive';
import { createReportDocument } from '../../gas/report/render';
import { pageNumbersHint } from '../../ops/report';
import type { Done } from '../../ops/run';
import { readSummary } from '../gas/hub-book';
import { buildHubReport, hubRows } from '../report';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function hubReportOperation(ss: Spreadsheet, ctx: Context, periodCode: string): Done<string> {
  const rows = hubRows(readSummary(ss));
  const report = buildHubReport(ctx.config, rows, periodCode, ctx.today, ymdOf(ctx.today).year);
  const folder = reportFolder(ss, ctx.config.reportFolder);
  // Made, rendered and, when rendering fails part-way, trashed as the commune report is (§5).
  const url = createReportDocument(report, folder, ctx.config.reportTemplate);
  const lines = [`Đã tạo báo cáo «${report.name}».`, `Liên kết: ${url}`];
  if (report.missingConfig.length)
    lines.push(
      `Trang «${CONFIG_SHEET}» còn thiếu: ${report.missingConfig.map((l) => `«${l}»`).join(', ')}. Báo cáo ghi dấu «…» ở những chỗ đó.`,
    );
  if (!ctx.config.reportTemplate.trim()) lines.push(pageNumbersHint());
  return { value: url, message: lines.join('\n') };
}
