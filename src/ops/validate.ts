/**
 * `validateData`: lists every data error of every sheet in one dialog (long lists cut with a
 * count) and logs the count in `Nhật ký`. It reads the sheets in one block each and writes nothing.
 */
import {
  areaFindings,
  blankDeadlines,
  countBySheet,
  dataRows,
  describeFinding,
  duplicateCodes,
  emailFindings,
  engineFindings,
  type Finding,
} from '../core/checks';
import type { Context } from '../core/context';
import { isEmailAddress } from '../core/email';
import { CONFIG_LABELS } from '../contract/settings';
import { UserError } from '../core/errors';
import { evaluateIndicatorGrid, evaluatePeriodGrid, evaluateTaskGrid } from '../core/evaluate';
import { CONFIG_SHEET, INDICATORS, PERIODS, type SheetDef, TASKS } from '../contract/sheets';
import { quote } from '../core/text';
import { reportLinks } from '../core/rules';
import { type Block, readBlock } from '../gas/book';
import type { Done } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Lines shown in the dialog before the rest is summarised as a count. */
const DIALOG_LIMIT = 30;

function tryRead<K extends string>(ss: Spreadsheet, def: SheetDef<K>, formats: boolean, findings: Finding[]): Block<K> | null {
  try {
    return readBlock(ss, def, formats);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    findings.push({ sheet: def.name, row: null, column: null, message: e.message });
    return null;
  }
}

function configFindings(ctx: Context): Finding[] {
  const rows = ctx.configRows;
  if (!rows) {
    return [
      {
        sheet: CONFIG_SHEET,
        row: null,
        column: null,
        message: `Không tìm thấy trang tính «${CONFIG_SHEET}». Hãy chạy CCHC › Thiết lập bảng tính`,
      },
    ];
  }
  const findings: Finding[] = ctx.configProblems.map((p) => ({
    sheet: CONFIG_SHEET,
    row: p.row,
    column: null,
    message: `${p.column.slice(CONFIG_SHEET.length + 2)}: ${p.message}`,
  }));
  for (const a of ctx.config.reminderEmails.filter((x) => !isEmailAddress(x))) {
    findings.push({
      sheet: CONFIG_SHEET,
      row: rows.reminderEmails ?? null,
      column: null,
      message: `${CONFIG_LABELS.reminderEmails}: ${quote(a)} không phải là địa chỉ email`,
    });
  }
  return findings;
}

function collectFindings(ss: Spreadsheet, ctx: Context): Finding[] {
  const { clock, parsers } = ctx;
  const findings: Finding[] = [];

  const periods = tryRead(ss, PERIODS, false, findings);
  const periodOutcomes = periods ? evaluatePeriodGrid(periods.grid, periods.cols, parsers, clock) : [];
  const tasks = tryRead(ss, TASKS, true, findings);
  if (tasks) {
    const links = reportLinks(periodOutcomes.filter((o) => o !== null));
    const outcomes = evaluateTaskGrid(tasks.grid, tasks.cols, parsers, clock, links);
    const rows = dataRows(tasks.grid, outcomes);
    const T = TASKS.columns;
    findings.push(
      ...engineFindings(TASKS.name, outcomes),
      ...duplicateCodes(TASKS.name, rows, tasks.cols.code, T.code.header),
      ...areaFindings(TASKS.name, rows, tasks.cols.area, T.area.header),
      ...blankDeadlines(TASKS.name, rows, tasks.cols.deadline, T.deadline.header),
      ...emailFindings(TASKS.name, rows, tasks.cols.email, T.email.header),
    );
  }
  const indicators = tryRead(ss, INDICATORS, true, findings);
  if (indicators) {
    const outcomes = evaluateIndicatorGrid(indicators.grid, indicators.cols, parsers);
    const rows = dataRows(indicators.grid, outcomes);
    const I = INDICATORS.columns;
    findings.push(
      ...engineFindings(INDICATORS.name, outcomes),
      ...duplicateCodes(INDICATORS.name, rows, indicators.cols.code, I.code.header),
      ...areaFindings(INDICATORS.name, rows, indicators.cols.area, I.area.header),
    );
  }
  if (periods) {
    const outcomes = periodOutcomes;
    findings.push(
      ...engineFindings(PERIODS.name, outcomes),
      ...duplicateCodes(PERIODS.name, dataRows(periods.grid, outcomes), periods.cols.code, PERIODS.columns.code.header),
    );
  }
  findings.push(...configFindings(ctx));
  const order = [TASKS.name, INDICATORS.name, PERIODS.name, CONFIG_SHEET];
  return findings.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}

export function validateOperation(ss: Spreadsheet, ctx: Context): Done<Finding[]> {
  const findings = collectFindings(ss, ctx);
  if (!findings.length) {
    const message = `Không tìm thấy lỗi dữ liệu nào trong các trang «${TASKS.name}», «${INDICATORS.name}», «${PERIODS.name}» và «${CONFIG_SHEET}».`;
    return { value: findings, message };
  }
  const message = `Tìm thấy ${findings.length} lỗi dữ liệu (${countBySheet(findings)}).`;
  const shown = findings.slice(0, DIALOG_LIMIT).map((f) => `- ${describeFinding(f)}`);
  const rest = findings.length - shown.length;
  const dialog = [
    `${message.slice(0, -1)}:`,
    ...shown,
    ...(rest > 0 ? [`… và ${rest} lỗi khác. Hãy sửa các lỗi trên rồi chạy lại CCHC › Kiểm tra dữ liệu.`] : []),
  ].join('\n');
  return { value: findings, message, dialog };
}
