/** `Thư mục báo cáo`: a Drive folder given by its URL or id. */
import { UserError } from '../errors';
import { CONFIG_LABELS } from '../../contract/settings';

const ID = /^[A-Za-z0-9_-]{10,}$/;

/** The folder id in a `Thư mục báo cáo` value; null when blank (use the spreadsheet's folder). */
export function folderIdOf(ref: string): string | null {
  const s = ref.trim();
  if (!s) return null;
  if (ID.test(s)) return s;
  const m = /\/folders\/([A-Za-z0-9_-]{10,})/.exec(s) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(s);
  if (m) return m[1]!;
  throw new UserError(
    `Giá trị «${s}» ở ô «${CONFIG_LABELS.reportFolder}» (trang Cấu hình) không phải là đường dẫn hay ID của một thư mục Google Drive. Hãy dán đường dẫn thư mục (https://drive.google.com/drive/folders/…) hoặc để trống để lưu báo cáo cạnh bảng tính.`,
  );
}
