/** Dialogs for menu actions. Never called from time-driven runs, where getUi() throws. */
export function alert(message: string, title = 'CCHC'): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function confirm(message: string, title = 'CCHC'): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
