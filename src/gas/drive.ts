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

const DOC_ID = /\/document\/d\/([A-Za-z0-9_-]{10,})/;

/**
 * A new Google Doc named `name` in `folder`: a copy of `Mẫu báo cáo` when it is set (its header,
 * with the page numbers DocumentApp cannot insert, comes along), else a blank document.
 */
export function newReportDocument(name: string, folder: Folder, template: string): GoogleAppsScript.Document.Document {
  const setting = template.trim();
  if (!setting) {
    const doc = DocumentApp.create(name);
    fileInFolder(doc, folder);
    return doc;
  }
  const id = DOC_ID.exec(setting)?.[1] ?? (/^[A-Za-z0-9_-]{10,}$/.test(setting) ? setting : null);
  let copy: GoogleAppsScript.Drive.File;
  try {
    copy = DriveApp.getFileById(id ?? setting).makeCopy(name, folder);
  } catch {
    throw new UserError(
      `Không mở được văn bản mẫu «${setting}» (ô «${CONFIG_LABELS.reportTemplate}», trang Cấu hình): đó không phải là đường dẫn một Google Tài liệu mà tài khoản của bạn mở được. Chưa có báo cáo nào được tạo. Hãy dán đường dẫn tài liệu mẫu (https://docs.google.com/document/d/…), hoặc để trống ô đó.`,
    );
  }
  return DocumentApp.openById(copy.getId());
}

/** A document whose rendering failed goes to the bin rather than stay half-made in the folder. */
export function discardDocument(id: string): void {
  try {
    DriveApp.getFileById(id).setTrashed(true);
  } catch {
    // The error that stopped the report is the one to report.
  }
}
