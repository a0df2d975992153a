/**
 * The global functions of SPEC §4. The build turns each export into a top-level function
 * declaration, which is all Apps Script can call from menus and triggers.
 */
import { addMenu, promptText } from './gas/ui';
import { checkInstallationOperation } from './ops/check';
import { handleEdit } from './ops/edit';
import { confirmImportOperation, importPlanOperation } from './ops/import';
import { nextDuePeriodCode, reportFromMenu, reportOperation } from './ops/report';
import { refreshOperation } from './ops/refresh';
import { menuAction, runLogged } from './ops/run';
import { startNewYearOperation, NEW_YEAR_ACTION } from './ops/new-year';
import { loadSampleOperation } from './ops/sample';
import { setupOperation } from './ops/setup';
import { TEMPLATE } from './sample/template';
import { dailyCheckRun, installTriggersOperation, removeTriggersOperation } from './ops/triggers';
import { validateOperation } from './ops/validate';

const MENU_ITEMS: readonly (readonly [label: string, fn: string] | null)[] = [
  ['Thiết lập bảng tính', 'setupWorkbook'],
  ['Nạp kế hoạch mẫu', 'loadSamplePlan'],
  ['Cập nhật trạng thái', 'refreshStatuses'],
  ['Kiểm tra dữ liệu', 'validateData'],
  null,
  ['Nhập kế hoạch từ văn bản', 'importPlan'],
  ['Xác nhận nhập kế hoạch', 'confirmImport'],
  null,
  ['Báo cáo quý I', 'reportQ1'],
  ['Báo cáo 6 tháng', 'reportH1'],
  ['Báo cáo quý III', 'reportQ3'],
  ['Báo cáo năm', 'reportYear'],
  ['Báo cáo kỳ sắp đến hạn', 'reportNextDue'],
  null,
  ['Bật nhắc việc tự động', 'installTriggers'],
  ['Tắt nhắc việc tự động', 'removeTriggers'],
  null,
  [NEW_YEAR_ACTION, 'startNewYear'],
  null,
  ['Kiểm tra cài đặt', 'checkInstallation'],
];

/** Simple trigger: builds the `CCHC` menu (no services that need authorisation here). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu('CCHC', MENU_ITEMS);
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

export function setupWorkbook(): void {
  menuAction('Thiết lập bảng tính', setupOperation);
}

export function loadSamplePlan(): void {
  menuAction('Nạp kế hoạch mẫu', (ss, ctx) => loadSampleOperation(ss, ctx, TEMPLATE));
}

/** Returns the new workbook's URL (undefined when it could not be made: the dialog says why). */
export function startNewYear(): string | undefined {
  return menuAction(NEW_YEAR_ACTION, startNewYearOperation);
}

export function refreshStatuses(): void {
  menuAction('Cập nhật trạng thái', refreshOperation);
}

export function validateData(): void {
  menuAction('Kiểm tra dữ liệu', validateOperation);
}

/** Reads the plan's document into `Nhập kế hoạch`; from the menu it asks for the document's link. */
export function importPlan(docUrlOrId?: string): void {
  const input =
    typeof docUrlOrId === 'string' && docUrlOrId.trim()
      ? docUrlOrId
      : promptText(
          'Nhập kế hoạch từ văn bản',
          'Dán đường liên kết (hoặc mã) của Google Tài liệu chứa kế hoạch cải cách hành chính:',
        );
  if (input === null) return;
  menuAction('Nhập kế hoạch từ văn bản', (ss, ctx) => importPlanOperation(ss, ctx, input));
}

export function confirmImport(): void {
  menuAction('Xác nhận nhập kế hoạch', confirmImportOperation);
}

/** Returns the new report's URL (callable from scripts and tests as well as menus). */
export function generateReport(periodCode: string): string {
  return runLogged(`Tạo báo cáo ${periodCode}`, (ss, ctx) => reportOperation(ss, ctx, periodCode)).value;
}

function reportMenu(periodCode: string | Parameters<typeof reportFromMenu>[0]): void {
  reportFromMenu((ss, ctx) => (typeof periodCode === 'string' ? periodCode : periodCode(ss, ctx)));
}

export function reportQ1(): void {
  reportMenu('Q1');
}

export function reportH1(): void {
  reportMenu('H1');
}

export function reportQ3(): void {
  reportMenu('Q3');
}

export function reportYear(): void {
  reportMenu('NAM');
}

export function reportNextDue(): void {
  reportMenu(nextDuePeriodCode);
}

export function installTriggers(): void {
  menuAction('Bật nhắc việc tự động', installTriggersOperation);
}

export function removeTriggers(): void {
  menuAction('Tắt nhắc việc tự động', removeTriggersOperation);
}

/** docs/SPEC.md §9: one dialog, one line per check; writes only its `Nhật ký` row. */
export function checkInstallation(): void {
  menuAction('Kiểm tra cài đặt', (ss, ctx) => checkInstallationOperation(ss, ctx, __VERSION__));
}

export function dailyCheck(_e?: GoogleAppsScript.Events.TimeDriven): void {
  dailyCheckRun();
}
