/**
 * The global functions of the province hub (docs/SPEC.md §10), a second Apps Script project built
 * from the same code (scripts/build.ts → dist-hub/). Wiring only.
 */
import { UserError } from './core/errors';
import { withDocumentLock } from './gas/lock';
import { appendLog } from './gas/log';
import { addMenu, alert } from './gas/ui';
import { activeSpreadsheet } from './gas/workbook';
import { COLLECT_ACTION, collectOperation } from './hub/ops/collect';
import { hubReportOperation } from './hub/ops/report';
import { setupHubOperation } from './hub/ops/setup';
import { errorMessage, menuAction, runLogged } from './ops/run';

const TITLE = 'CCHC tỉnh';

const MENU_ITEMS: readonly (readonly [label: string, fn: string] | null)[] = [
  ['Thiết lập bảng tính tổng hợp', 'setupHub'],
  ['Thu thập số liệu các đơn vị', 'collectHub'],
  null,
  ['Báo cáo tổng hợp quý I', 'hubReportQ1'],
  ['Báo cáo tổng hợp 6 tháng', 'hubReportH1'],
  ['Báo cáo tổng hợp quý III', 'hubReportQ3'],
  ['Báo cáo tổng hợp năm', 'hubReportYear'],
];

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu(TITLE, MENU_ITEMS);
}

export function setupHub(): void {
  menuAction('Thiết lập bảng tính tổng hợp', setupHubOperation);
}

/** One collection step; a failure is logged (under the lock) and returned as the message to show. */
function collectStep(): string {
  const ss = activeSpreadsheet();
  try {
    return collectOperation(ss).message;
  } catch (e) {
    const message = errorMessage(e);
    try {
      withDocumentLock(() => appendLog(ss, COLLECT_ACTION, `Không thực hiện được: ${message}`));
    } catch (busy) {
      if (!(busy instanceof UserError)) throw busy;
    }
    return message;
  }
}

export function collectHub(): void {
  alert(collectStep(), COLLECT_ACTION);
}

/** The one-off trigger's handler: continues the round where the last execution stopped. */
export function collectHubContinue(_e?: GoogleAppsScript.Events.TimeDriven): void {
  collectStep();
}

/** Returns the new report's URL (callable from scripts and tests as well as menus). */
export function hubReport(periodCode: string): string {
  return runLogged(`Báo cáo tổng hợp ${periodCode}`, (ss, ctx) => hubReportOperation(ss, ctx, periodCode)).value;
}

function reportMenu(code: string): void {
  menuAction(`Báo cáo tổng hợp ${code}`, (ss, ctx) => hubReportOperation(ss, ctx, code));
}

export function hubReportQ1(): void {
  reportMenu('Q1');
}
export function hubReportH1(): void {
  reportMenu('H1');
}
export function hubReportQ3(): void {
  reportMenu('Q3');
}
export function hubReportYear(): void {
  reportMenu('NAM');
}
