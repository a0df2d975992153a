/**
 * `installTriggers`, `removeTriggers` and the `dailyCheck` handler (SPEC §6). A Trigger does not
 * tell its hour, so installing replaces every `dailyCheck` trigger of this user with one new one:
 * exactly one remains however often it is called and whatever was there.
 */
import { UserError } from '../core/errors';
import type { Context } from '../core/context';
import { createDailyTrigger, deleteTriggers, handlerOf, projectTriggers, scriptTimeZone } from '../gas/triggers';
import { dailyCheckOperation } from './daily';
import { type Done, runLogged } from './run';

export const DAILY_HANDLER = 'dailyCheck';
/** The `Thao tác` of a dailyCheck run in `Nhật ký`. */
export const DAILY_LOG_ACTION = 'Kiểm tra hằng ngày';
const MAX_TRIGGERS = 20;
const TOO_MANY = /too many triggers/i;
const DAILY_HOUR = 7;

/** The global functions of this script (SPEC §4): triggers for them are ours, all others are not. */
export const OWN_HANDLERS: readonly string[] = [
  'onOpen',
  'onEdit',
  'setupWorkbook',
  'loadSamplePlan',
  'startNewYear',
  'refreshStatuses',
  'validateData',
  'importPlan',
  'confirmImport',
  'reportQ1',
  'reportH1',
  'reportQ3',
  'reportYear',
  'reportNextDue',
  'installTriggers',
  'removeTriggers',
  'generateReport',
  'checkInstallation',
  DAILY_HANDLER,
];

export function installTriggersOperation(_ss: unknown, ctx: Context): Done<void> {
  const stale = projectTriggers().filter((t) => handlerOf(t) === DAILY_HANDLER);
  deleteTriggers(stale);
  try {
    createDailyTrigger(DAILY_HANDLER, DAILY_HOUR);
  } catch (e) {
    if (!TOO_MANY.test(e instanceof Error ? e.message : String(e))) throw e;
    throw new UserError(
      `Không tạo được lịch chạy hằng ngày: tài khoản của bạn đã có quá nhiều trình kích hoạt cho dự án này (tối đa ${MAX_TRIGGERS}). Hãy xóa bớt trình kích hoạt không dùng (Tiện ích mở rộng › Apps Script › Trình kích hoạt) rồi thử lại.`,
    );
  }
  const lines = [
    `Đã bật nhắc việc tự động: mỗi ngày trong khoảng ${DAILY_HOUR}–${DAILY_HOUR + 1} giờ (múi giờ ${scriptTimeZone()}), bảng tính tự cập nhật trạng thái, tạo bản nháp báo cáo cho kỳ sắp đến hạn và gửi thư nhắc việc từ tài khoản của bạn.`,
  ];
  if (stale.length) lines.push(`Đã thay ${stale.length} lịch chạy cũ bằng lịch mới này.`);
  if (!ctx.config.reminderEmails.length) {
    lines.push('Lưu ý: «Email nhắc việc» trong trang Cấu hình còn trống nên sẽ không có thư nhắc kỳ báo cáo.');
  }
  return { value: undefined, message: lines.join('\n') };
}

export function removeTriggersOperation(): Done<void> {
  const all = projectTriggers();
  const ours = all.filter((t) => OWN_HANDLERS.includes(handlerOf(t)));
  deleteTriggers(ours);
  const kept = all.length - ours.length;
  const message = ours.length
    ? `Đã tắt nhắc việc tự động: đã xóa ${ours.length} lịch chạy của bảng tính CCHC.`
    : 'Nhắc việc tự động chưa được bật: không có lịch chạy nào của bảng tính CCHC để xóa.';
  return {
    value: undefined,
    message: kept ? `${message}\nGiữ nguyên ${kept} trình kích hoạt khác không thuộc bảng tính CCHC.` : message,
  };
}

/** The time-driven handler: no UI here (getUi() throws), so only `Nhật ký` tells what happened. */
export function dailyCheckRun(): void {
  const startedAt = Date.now();
  runLogged(DAILY_LOG_ACTION, (ss, ctx) => dailyCheckOperation(ss, ctx, startedAt));
}
