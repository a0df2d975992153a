/**
 * `checkInstallation` (docs/SPEC.md §9): one line per check, ✓ or ✗ and, for ✗, what to do. It
 * writes nothing but its `Nhật ký` row (runLogged).
 */
import { WORKBOOK_LOCALE, WORKBOOK_TIME_ZONE } from '../contract/locale';
import { CONFIG_LABELS } from '../contract/settings';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, type SheetDef, TASKS } from '../contract/sheets';
import { describeConfigProblem } from '../core/config';
import type { Context } from '../core/context';
import { headerList, locateColumns } from '../core/headers';
import { cellText, normalizeLabel } from '../core/text';
import { reportFolder } from '../gas/drive';
import { canWrite, documentPropertiesSize, effectiveUser, folderName, remainingMailQuota } from '../gas/install';
import { readLog } from '../gas/log';
import { handlerOf, projectTriggers } from '../gas/triggers';
import { existingSheet, workbookLocale } from '../gas/workbook';
import type { Done } from './run';
import { DAILY_HANDLER, DAILY_LOG_ACTION } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Check {
  ok: boolean;
  /** What was checked and found; for ✗ also what to do. */
  text: string;
}

const PROPERTIES_MAX_CHARS = 500_000;
const DATA_SHEETS: readonly SheetDef[] = [TASKS, INDICATORS, PERIODS];

function sheetsCheck(ss: Spreadsheet): Check {
  const problems: string[] = [];
  for (const def of DATA_SHEETS) {
    const sheet = existingSheet(ss, def.name, true);
    if (!sheet) problems.push(`thiếu trang «${def.name}»`);
    else {
      const found = locateColumns(def, sheet.header);
      if (!found.ok) problems.push(`trang «${def.name}» thiếu cột ${headerList(found.missing)}`);
    }
  }
  for (const name of [CONFIG_SHEET, LOG.name]) if (!existingSheet(ss, name, false)) problems.push(`thiếu trang «${name}»`);
  return problems.length
    ? {
        ok: false,
        text: `Trang tính và cột: ${problems.join('; ')}. Hãy chạy CCHC › Thiết lập bảng tính (tạo lại trang thiếu) và thêm lại cột thiếu ở dòng 1.`,
      }
    : { ok: true, text: 'Trang tính và cột: đủ các trang và cột bắt buộc.' };
}

function configCheck(ctx: Context): Check {
  if (!ctx.configRows)
    return { ok: false, text: `Cấu hình: không có trang «${CONFIG_SHEET}». Hãy chạy CCHC › Thiết lập bảng tính.` };
  const problems = ctx.configProblems.map(describeConfigProblem);
  const blank = (['issuer', 'place', 'signer'] as const).filter((k) => !cellText(ctx.config[k]));
  if (blank.length) problems.push(`còn trống ${blank.map((k) => `«${CONFIG_LABELS[k]}»`).join(', ')}`);
  return problems.length
    ? { ok: false, text: `Cấu hình: ${problems.join('; ')}. Hãy sửa các ô đó trong trang «${CONFIG_SHEET}».` }
    : { ok: true, text: 'Cấu hình: các giá trị hợp lệ.' };
}

function localeCheck(ss: Spreadsheet): Check {
  const { timeZone, locale } = workbookLocale(ss);
  if (timeZone === WORKBOOK_TIME_ZONE && locale === WORKBOOK_LOCALE)
    return { ok: true, text: `Múi giờ và ngôn ngữ: ${timeZone}, ${locale}.` };
  return {
    ok: false,
    text: `Múi giờ và ngôn ngữ: bảng tính đang dùng ${timeZone}, ${locale}; cần ${WORKBOOK_TIME_ZONE}, ${WORKBOOK_LOCALE} (nếu không, ngày gõ như 05/02/2023 có thể bị hiểu là 2 tháng 5). Hãy mở Tệp › Cài đặt, chọn Ngôn ngữ «Việt Nam» và Múi giờ «(GMT+07:00) Hà Nội», rồi lưu.`,
  };
}

function folderCheck(ss: Spreadsheet, ctx: Context, user: string): Check {
  const where = ctx.config.reportFolder ? `thư mục «${ctx.config.reportFolder}»` : 'thư mục chứa bảng tính';
  try {
    const folder = reportFolder(ss, ctx.config.reportFolder);
    if (canWrite(folder, user)) return { ok: true, text: `Thư mục báo cáo: «${folderName(folder)}», ghi được.` };
    return {
      ok: false,
      text: `Thư mục báo cáo: tài khoản ${user} chỉ được xem ${where}, không thêm được báo cáo. Hãy xin quyền chỉnh sửa thư mục hoặc chọn thư mục khác ở ô «${CONFIG_LABELS.reportFolder}».`,
    };
  } catch (e) {
    return { ok: false, text: `Thư mục báo cáo: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The account of the last `dailyCheck` run, from `Nhật ký` (a trigger runs as its owner). */
function lastDailyRunBy(ss: Spreadsheet): string {
  const rows = readLog(ss);
  const action = normalizeLabel(DAILY_LOG_ACTION);
  for (let i = rows.length - 1; i > 0; i--) if (normalizeLabel(cellText(rows[i]![2])) === action) return cellText(rows[i]![1]);
  return '';
}

function triggerCheck(ss: Spreadsheet, user: string): Check {
  const mine = projectTriggers().filter((t) => handlerOf(t) === DAILY_HANDLER).length;
  const other = lastDailyRunBy(ss);
  if (mine === 1) return { ok: true, text: `Nhắc việc tự động: bật, một lịch chạy hằng ngày của ${user}.` };
  if (mine > 1)
    return {
      ok: false,
      text: `Nhắc việc tự động: tài khoản ${user} có ${mine} lịch chạy hằng ngày, thư sẽ bị gửi nhiều lần. Hãy chạy CCHC › Bật nhắc việc tự động (chỉ giữ lại một).`,
    };
  const seen =
    other && other !== user
      ? ` Lần chạy gần nhất trong «${LOG.name}» là của ${other}: lịch có thể thuộc tài khoản đó, hãy hỏi người đó trước khi bật thêm.`
      : '';
  return {
    ok: false,
    text: `Nhắc việc tự động: tài khoản ${user} chưa có lịch chạy hằng ngày.${seen} Hãy chạy CCHC › Bật nhắc việc tự động từ đúng một tài khoản.`,
  };
}

function mailCheck(ctx: Context): Check {
  const quota = remainingMailQuota();
  if (!ctx.config.reminderEmails.length)
    return {
      ok: false,
      text: `Thư nhắc: «${CONFIG_LABELS.reminderEmails}» còn trống (còn ${quota} người nhận trong hạn mức hôm nay). Hãy nhập địa chỉ nhận thư nhắc kỳ báo cáo trong trang «${CONFIG_SHEET}».`,
    };
  if (quota <= 0)
    return {
      ok: false,
      text: 'Thư nhắc: đã hết hạn mức gửi thư hôm nay; thư còn lại sẽ được gửi ở lần chạy sau. Không cần làm gì, hoặc giảm số người nhận.',
    };
  return {
    ok: true,
    text: `Thư nhắc: gửi tới ${ctx.config.reminderEmails.join(', ')}; còn ${quota} người nhận trong hạn mức hôm nay.`,
  };
}

function propertiesCheck(): Check {
  const used = documentPropertiesSize();
  const share = Math.round((used / PROPERTIES_MAX_CHARS) * 100);
  return share < 80
    ? { ok: true, text: `Bộ nhớ của kịch bản (thuộc tính tài liệu): dùng ${share}% của 500 KB.` }
    : {
        ok: false,
        text: `Bộ nhớ của kịch bản (thuộc tính tài liệu): đã dùng ${share}% của 500 KB. Hãy báo người quản trị để dọn các mục cũ của sổ gửi thư.`,
      };
}

export function checkInstallationOperation(ss: Spreadsheet, ctx: Context, version: string): Done<Check[]> {
  const user = effectiveUser();
  const checks: Check[] = [
    sheetsCheck(ss),
    configCheck(ctx),
    localeCheck(ss),
    folderCheck(ss, ctx, user),
    triggerCheck(ss, user),
    mailCheck(ctx),
    propertiesCheck(),
    { ok: true, text: `Phiên bản kịch bản: ${version}.` },
  ];
  const failed = checks.filter((c) => !c.ok).length;
  const summary = failed ? `${failed}/${checks.length} mục cần xử lý.` : `Cả ${checks.length} mục đều đạt.`;
  return {
    value: checks,
    message: `Kiểm tra cài đặt: ${summary}`,
    dialog: [`Kiểm tra cài đặt: ${summary}`, ...checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.text}`)].join('\n'),
  };
}
