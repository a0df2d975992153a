/** Menus, dialogs and toasts. Dialogs never from time-driven runs, where getUi() throws. */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function alert(message: string, title = 'CCHC'): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function confirm(message: string, title = 'CCHC'): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** What the user typed into a prompt, or null when cancelled or left blank. */
export function promptText(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  const text = answer.getResponseText().trim();
  return answer.getSelectedButton() === ui.Button.OK && text ? text : null;
}

/** A menu of [label, global function] items; null is a separator. */
export function addMenu(title: string, items: readonly (readonly [label: string, fn: string] | null)[]): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function toast(ss: Spreadsheet, message: string, title: string, seconds: number): void {
  ss.toast(message, title, seconds);
}
