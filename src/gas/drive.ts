/** Where report documents go in Drive (`Thư mục báo cáo`). */
import { CONFIG_LABELS } from '../contract/settings';
import { isTransient, UserError } from '../core/errors';
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
  } catch (e) {
    if (isTransient(e)) throw e;
    throw new UserError(
      `Không mở được thư mục báo cáo «${setting}» (ô «${CONFIG_LABELS.reportFolder}», trang Cấu hình): thư mục không tồn tại hoặc tài khoản của bạn không có quyền truy cập. Chưa có báo cáo nào được tạo. Hãy kiểm tra đường dẫn, xin quyền chỉnh sửa thư mục, hoặc để trống ô đó để lưu báo cáo cạnh bảng tính.`,
    );
  }
}

/**
 * Moves a new document into the folder and returns its link; when the move is refused, or a
 * service fails this once, the document goes to the bin, not left astray.
 */
function fileInFolder(doc: GoogleAppsScript.Document.Document, folder: Folder): string {
  try {
    const url = doc.getUrl();
    DriveApp.getFileById(doc.getId()).moveTo(folder);
    return url;
  } catch (e) {
    discardDocument(doc.getId());
    if (isTransient(e)) throw e;
    throw new UserError(
      `Không lưu được báo cáo vào thư mục «${folder.getName()}»: tài khoản của bạn chỉ được xem, không được thêm tệp vào thư mục đó. Chưa có gì được ghi vào bảng tính. Hãy xin quyền chỉnh sửa thư mục hoặc chọn thư mục khác ở ô «${CONFIG_LABELS.reportFolder}» (trang Cấu hình).`,
    );
  }
}

export interface Copied {
  copy: GoogleAppsScript.Spreadsheet.Spreadsheet;
  url: string;
  /** The folder it was filed in; null when it stayed in My Drive (no folder, or the move was refused). */
  folder: string | null;
}

/**
 * A copy of the spreadsheet named `name`, filed in the original's folder. Spreadsheet.copy needs
 * no scope beyond the bound spreadsheet's; it files the copy in My Drive, and File.moveTo (the
 * `drive` scope the reports already use) puts it beside the original. A spreadsheet of that name
 * already in the folder stops it before anything is made.
 */
export function copyBesideOriginal(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Copied {
  const parents = DriveApp.getFileById(ss.getId()).getParents();
  const folder = parents.hasNext() ? parents.next() : null;
  if (folder) {
    const same = folder.getFilesByName(name);
    if (same.hasNext()) {
      throw new UserError(
        `Trong thư mục «${folder.getName()}» đã có tệp «${name}» (${same.next().getUrl()}). Có lẽ đã chuyển sang năm mới rồi: hãy mở tệp đó. Nếu muốn làm lại, hãy đổi tên hoặc xoá tệp đó trước. Chưa có gì được tạo.`,
      );
    }
  }
  const copy = ss.copy(name);
  // A service failing this once sends the copy to the bin: the user is told to try again, and the
  // re-run makes one copy in the folder, as a clean run would.
  try {
    let filed = folder;
    if (folder) {
      try {
        DriveApp.getFileById(copy.getId()).moveTo(folder);
      } catch (e) {
        if (isTransient(e)) throw e;
        filed = null;
      }
    }
    return { copy, url: copy.getUrl(), folder: filed ? filed.getName() : null };
  } catch (e) {
    try {
      discardCopy(copy);
    } catch {
      // The error that stopped it is the one to report.
    }
    throw e;
  }
}

/** A copy that could not be prepared goes to the bin rather than stay half made. */
export function discardCopy(copy: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  DriveApp.getFileById(copy.getId()).setTrashed(true);
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
  } catch (e) {
    if (isTransient(e)) throw e;
    throw new UserError(
      `Không mở được văn bản mẫu «${setting}» (ô «${CONFIG_LABELS.reportTemplate}», trang Cấu hình): đó không phải là đường dẫn một Google Tài liệu mà tài khoản của bạn mở được. Chưa có báo cáo nào được tạo. Hãy dán đường dẫn tài liệu mẫu (https://docs.google.com/document/d/…), hoặc để trống ô đó.`,
    );
  }
  try {
    return DocumentApp.openById(copy.getId());
  } catch (e) {
    discardDocument(copy.getId());
    throw e;
  }
}

/** A document whose rendering failed goes to the bin rather than stay half-made in the folder. */
export function discardDocument(id: string): void {
  try {
    DriveApp.getFileById(id).setTrashed(true);
  } catch {
    // The error that stopped the report is the one to report.
  }
}
