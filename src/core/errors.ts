/** An error whose message is Vietnamese text meant for the user, shown as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Apps Script's messages for a service that failed this once and will likely work on a second
 * try: "Service Spreadsheets failed while accessing document with id …", "Service unavailable:
 * Documents", "Service Spreadsheets timed out …", "Service error: …", the server error MailApp
 * throws, and the daily quotas ("Service invoked too many times for one day: email.").
 */
const TRANSIENT =
  /^(Exception: )?(Service \S+ (failed|timed out)|Service unavailable|Service error|Service invoked too many times|We're sorry, a server error occurred|Internal error)/i;
const QUOTA = /too many times for one day/i;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function isTransient(e: unknown): boolean {
  return !(e instanceof UserError) && TRANSIENT.test(messageOf(e));
}

/**
 * What the user reads for a transient failure (its English text quoted): the operation did not
 * finish, and running it again completes it (every operation is written so that a re-run repairs
 * what a failure left).
 */
export function transientMessage(e: unknown): string {
  const quoted = `«${messageOf(e).replace(/\.+$/, '')}»`;
  return QUOTA.test(messageOf(e))
    ? `Tài khoản đã dùng hết hạn mức trong ngày của một dịch vụ Google (${quoted}), thao tác chưa hoàn tất. Vui lòng thử lại sau (hạn mức được cấp lại trong vòng 24 giờ); lần chạy lại sẽ làm nốt phần còn dở.`
    : `Dịch vụ của Google tạm thời gặp sự cố (${quoted}), thao tác chưa hoàn tất. Vui lòng thử lại sau ít phút; lần chạy lại sẽ làm nốt phần còn dở.`;
}
