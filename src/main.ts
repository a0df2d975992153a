/**
 * The global functions of SPEC §4. The build turns each export into a top-level function
 * declaration, which is all Apps Script can call from menus and triggers.
 */
import { TEMPLATE } from '../sheets-templates/template';
import { addMenu } from './gas/ui';
import { checkInstallationOperation } from './ops/check';
import { handleEdit } from './ops/edit';
import { nextDuePeriodCode, reportFromMenu, reportOperation } from './ops/report';
import { refreshOperation } from './ops/refresh';
import { menuAction, runLogged } from './ops/run';
import { setupOperation } from './ops/setup';
import { dailyCheckRun, installTriggersOperation, removeTriggersOperation } from './ops/triggers';
import { validateOperation } from './ops/validate';

const MENU_ITEMS: readonly (readonly [label: string, fn: string] | null)[] = [
  ['Thiết lập bảng tính', 'setupWorkbook'],
  ['Cập nhật trạng thái', 'refreshStatuses'],
  ['Kiểm tra dữ liệu', 'validateData'],
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
  menuAction('Thiết lập bảng tính', (ss, ctx) => setupOperation(ss, ctx, TEMPLATE));
}

export function refreshStatuses(): void {
  menuAction('Cập nhật trạng thái', refreshOperation);
}

export function validateData(): void {
  menuAction('Kiểm tra dữ liệu', validateOperation);
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
