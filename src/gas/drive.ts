/** Where report documents go in Drive (`Thư mục báo cáo`). */
import { CONFIG_LABELS } from '../contract/settings';
import { UserError } from '../core/errors';
import { folderIdOf } from '../core/report/folder';

type Folder = GoogleAppsScript.Drive.Folder;

/** The configured folder, or the spreadsheet's own folder when the setting is blank. */
export function reportFolder(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, setting: string): Folder {
  const id = folderIdOf(setting);
  if (id === null) {
    const parents = DriveApp.getFileById(ss.getId()).getParents();
    return parents.hasNext() ? parents.next() : DriveApp.getRootFolder();
  }
  try {
    return DriveApp.getFolderById(id);
  } catch {
    throw new UserError(
      `Không mở được thư mục báo cáo «${setting}» (ô «${CONFIG_LABELS.reportFolder}», trang Cấu hình): thư mục không tồn tại hoặc tài khoản của bạn không có quyền truy cập. Chưa có báo cáo nào được tạo. Hãy kiểm tra đường dẫn, xin quyền chỉnh sửa thư mục, hoặc để trống ô đó để lưu báo cáo cạnh bảng tính.`,
    );
  }
}

/**
 * Moves a new document into the folder and returns its link; when the move is refused the document
 * goes to the bin, not left astray.
 */
export function fileInFolder(doc: GoogleAppsScript.Document.Document, folder: Folder): string {
  const url = doc.getUrl();
  const file = DriveApp.getFileById(doc.getId());
  try {
    file.moveTo(folder);
  } catch {
    file.setTrashed(true);
    throw new UserError(
      `Không lưu được báo cáo vào thư mục «${folder.getName()}»: tài khoản của bạn chỉ được xem, không được thêm tệp vào thư mục đó. Chưa có gì được ghi vào bảng tính. Hãy xin quyền chỉnh sửa thư mục hoặc chọn thư mục khác ở ô «${CONFIG_LABELS.reportFolder}» (trang Cấu hình).`,
    );
  }
  return url;
}
