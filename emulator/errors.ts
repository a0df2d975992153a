/**
 * An error that Apps Script throws to the script (name "Exception", message in Apps Script's own
 * English words). Models throw it; the emulator turns it into an Error of the script's realm.
 */
export class AppsScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Apps Script's message when a service fails on one document or spreadsheet ("Spreadsheets", "Documents"…). */
export const serviceFailed = (product: string, id: string): string =>
  `Service ${product} failed while accessing document with id ${id}.`;
