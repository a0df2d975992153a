/**
 * `generateReport` and the report menu items (SPEC §5): refresh, build the report model, render it
 * as a Google Doc in `Thư mục báo cáo`, record it in `Kỳ báo cáo` and `Lịch sử`.
 */
import { CONFIG_LABELS } from '../contract/settings';
import { CONFIG_SHEET } from '../contract/sheets';
import { buildReport, findPeriod, nextDuePeriod } from '../core/report/model';
import { STATUS } from '../contract/status';
import { createReportDocument } from '../gas/report/render';
import { reportFolder } from '../gas/drive';
import { appendHistory, readHistory } from '../gas/report/history';
import { type Periods, readPeriods, recordReport } from '../gas/report/period';
import { confirm } from '../gas/ui';
import { activeSpreadsheet } from '../gas/workbook';
import { type Context, makeContext } from '../core/context';
import { readZone } from '../gas/context';
import { describeConfigProblem } from '../core/config';
import { refresh, type Snapshot } from './refresh';
import { type Done, menuAction, type Prepared } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CreatedReport {
  url: string;
  name: string;
  periodName: string;
  /** The link the period row held before (the document itself is kept). */
  previousUrl: string;
  missingConfig: string[];
  configProblems: string[];
  dataErrors: number;
  /** What each `[cần bổ sung: …]` of the draft asks for. */
  gaps: string[];
  /** Made without `Mẫu báo cáo`: no page numbers. */
  withoutTemplate: boolean;
}

/**
 * What a caller records of a new report before its link makes it final (the daily check's ledger),
 * and how to take that back should the report fail after all.
 */
export interface BeforeLink {
  record(url: string): void;
  undo(): void;
}

/**
 * Creates the report of one period: no UI, no lock, no `Nhật ký` row (callers, menu or trigger,
 * hold the lock and log). Everything that can refuse the report (unknown period, folder, a broken
 * `Lịch sử`) is checked before the first write.
 *
 * A caller that makes several reports in one run passes the snapshot of its own refresh: tasks,
 * indicators and settings do not change between them. `Kỳ báo cáo` and `Lịch sử` are read again
 * each time, since every report writes to them.
 */
export function createReport(
  ss: Spreadsheet,
  ctx: Context,
  periodCode: string,
  refreshed?: Snapshot,
  beforeLink?: BeforeLink,
): CreatedReport {
  const periods = readPeriods(ss, ctx);
  const period = findPeriod(periods.outcomes, periodCode);
  const folder = reportFolder(ss, ctx.config.reportFolder);
  const history = readHistory(ss);

  const snapshot = refreshed ?? refresh(ss, ctx);
  const { config, clock } = ctx;
  const report = buildReport({ ...snapshot, config, clock, periods: periods.outcomes }, period.row.code!, history);
  // The period row's link is the last write: should anything fail before it, the document goes to
  // the trash and what was written is taken back, so that a re-run makes exactly one report.
  const url = createReportDocument(report, folder, config.reportTemplate, (link) => {
    const undoHistory = appendHistory(ss, report.history, ctx.offsetMinutes);
    try {
      beforeLink?.record(link);
      try {
        recordReport(periods, period, link);
      } catch (e) {
        beforeLink?.undo();
        throw e;
      }
    } catch (e) {
      undoHistory();
      throw e;
    }
  });
  return {
    url,
    name: report.name,
    periodName: report.period.name,
    previousUrl: period.row.link ?? '',
    missingConfig: report.missingConfig,
    configProblems: ctx.configProblems.map(describeConfigProblem),
    dataErrors: report.dataErrors,
    gaps: report.gaps,
    withoutTemplate: !config.reportTemplate.trim(),
  };
}

/** DocumentApp cannot insert page numbers: how to add them, and how to have them next time (§5). */
export function pageNumbersHint(): string {
  return `Văn bản chưa có số trang: mở văn bản, chọn Chèn › Số trang (bỏ trang đầu). Để lần sau tự có, hãy dán đường dẫn một văn bản mẫu có sẵn số trang vào ô «${CONFIG_LABELS.reportTemplate}» (trang Cấu hình).`;
}

function reportMessage(r: CreatedReport): string {
  const lines = [`Đã tạo báo cáo «${r.name}».`, `Liên kết: ${r.url}`, `Đã ghi liên kết và ngày tạo vào trang «Kỳ báo cáo».`];
  if (r.previousUrl) lines.push(`Liên kết cũ đã được thay; văn bản cũ vẫn còn nguyên trong Drive: ${r.previousUrl}`);
  if (r.missingConfig.length) {
    const names = r.missingConfig.map((l) => `«${l}»`).join(', ');
    lines.push(
      `Trang «${CONFIG_SHEET}» còn thiếu: ${names}. Báo cáo ghi dấu «…» ở những chỗ đó: hãy bổ sung rồi tạo lại, hoặc sửa thẳng trong văn bản.`,
    );
  }
  if (r.gaps.length) {
    lines.push(
      `Bản nháp có ${r.gaps.length} chỗ «[cần bổ sung: …]» (tô vàng) cần cán bộ bổ sung trước khi trình ký:`,
      ...r.gaps.slice(0, 10).map((g) => `- ${g}`),
    );
    if (r.gaps.length > 10) lines.push(`- … và ${r.gaps.length - 10} chỗ khác.`);
  }
  if (r.withoutTemplate) lines.push(pageNumbersHint());
  if (r.configProblems.length) lines.push(`Cấu hình chưa đúng (đã dùng giá trị mặc định): ${r.configProblems.join('; ')}.`);
  if (r.dataErrors)
    lines.push(
      `Có ${r.dataErrors} dòng «${STATUS.error}» trong báo cáo: hãy sửa (CCHC › Kiểm tra dữ liệu) rồi tạo lại trước khi gửi.`,
    );
  return lines.join('\n');
}

export function reportOperation(ss: Spreadsheet, ctx: Context, periodCode: string): Done<string> {
  const created = createReport(ss, ctx, periodCode);
  return { value: created.url, message: reportMessage(created) };
}

export function nextDuePeriodCode({ outcomes, today }: Periods): string {
  return nextDuePeriod(outcomes, today).row.code!;
}

/**
 * A report menu item. When the period already has a report, asks before replacing its link (the
 * question comes before the lock is taken, so nobody waits on an open dialog). The zone read then
 * serves the whole execution; `Cấu hình` is read under the lock.
 */
export function reportFromMenu(pickCode: (periods: Periods) => string): void {
  let prepared: Prepared | undefined;
  let code = '';
  let replace = true;
  let failure: unknown = null;
  try {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    prepared = { ss, zone };
    // One read of `Kỳ báo cáo` picks the period and finds its link.
    const periods = readPeriods(ss, makeContext(zone, null));
    code = pickCode(periods);
    const link = findPeriod(periods.outcomes, code).row.link;
    if (link) {
      replace = confirm(
        `Kỳ ${code} đã có báo cáo:\n${link}\n\nTạo báo cáo mới và thay liên kết trong trang «Kỳ báo cáo»? Văn bản cũ vẫn được giữ nguyên trong Drive.`,
        'Tạo báo cáo',
      );
    }
  } catch (e) {
    failure = e;
  }
  menuAction(
    code ? `Tạo báo cáo ${code}` : 'Tạo báo cáo',
    (s, ctx): Done<string> => {
      if (failure) throw failure;
      return replace
        ? reportOperation(s, ctx, code)
        : { value: '', message: `Đã hủy: giữ nguyên báo cáo hiện có của kỳ ${code}.` };
    },
    prepared,
  );
}
