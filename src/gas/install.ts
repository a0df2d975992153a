/**
 * What checkInstallation (docs/SPEC.md §9) reads besides the workbook: the report folder's access,
 * this user's triggers, the mail quota and the document properties. Reads only.
 */
type Folder = GoogleAppsScript.Drive.Folder;

export function effectiveUser(): string {
  return Session.getEffectiveUser().getEmail();
}

/** Whether this user may add files to the folder (Folder.getAccess gives a DriveApp.Permission). */
export function canWrite(folder: Folder, user: string): boolean {
  return !['VIEW', 'COMMENT', 'NONE'].includes(String(folder.getAccess(user)));
}

export const folderName = (folder: Folder) => folder.getName();

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Characters held in the document properties (keys and values), against the 500 KB store. */
export function documentPropertiesSize(): number {
  const all = PropertiesService.getDocumentProperties().getProperties();
  return Object.keys(all).reduce((n, k) => n + k.length + String(all[k]).length, 0);
}
