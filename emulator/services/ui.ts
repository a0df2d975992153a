/** SpreadsheetApp.getUi(): menus, and dialogs whose answers a test scripts in advance. */
import { ServiceObject } from '../realm';

export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export interface Dialog {
  title: string;
  message: string;
  buttons: string;
}

export interface MenuModel {
  name: string;
  items: ({ label: string; functionName: string } | null)[];
}

export class UiState {
  readonly dialogs: Dialog[] = [];
  readonly menus: MenuModel[] = [];
  /** Answers for the next YES_NO / OK_CANCEL dialogs, in order; OK or YES when empty. */
  readonly answers: string[] = [];
  /** What the user types into the next prompts, in order; a prompt with none left is cancelled. */
  readonly promptTexts: string[] = [];
}

export class MenuBuilder extends ServiceObject {
  readonly kind = 'Menu';
  readonly service = 'ui' as const;
  private readonly menu: MenuModel;

  constructor(
    private readonly state: UiState,
    name: string,
  ) {
    super();
    this.menu = { name, items: [] };
  }

  addItem(label: string, functionName: string) {
    this.menu.items.push({ label, functionName });
    return this;
  }

  addSeparator() {
    this.menu.items.push(null);
    return this;
  }

  addToUi() {
    const i = this.state.menus.findIndex((m) => m.name === this.menu.name);
    if (i >= 0) this.state.menus.splice(i, 1);
    this.state.menus.push(this.menu);
  }
}

export class UiModel extends ServiceObject {
  readonly kind = 'Ui';
  readonly service = 'ui' as const;
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(private readonly state: UiState) {
    super();
  }

  createMenu(name: string) {
    return new MenuBuilder(this.state, name);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(a: string, b?: string, c?: string) {
    const [title, message, buttons] =
      c !== undefined ? [a, b!, c] : b !== undefined && b in BUTTON_SET ? ['', a, b] : ['', a, 'OK'];
    this.state.dialogs.push({ title, message: String(message), buttons });
    if (buttons === 'OK') return BUTTON.OK;
    const answer = this.state.answers.shift();
    return answer ?? (buttons === 'OK_CANCEL' ? BUTTON.OK : BUTTON.YES);
  }

  /** prompt(title, prompt, buttons): the scripted text with OK, or CANCEL when none is scripted. */
  prompt(title: string, message: string, buttons = 'OK_CANCEL') {
    this.state.dialogs.push({ title, message: String(message), buttons });
    const text = this.state.promptTexts.shift();
    return new PromptResponseModel(text ?? '', text === undefined ? BUTTON.CANCEL : BUTTON.OK);
  }
}

export class PromptResponseModel extends ServiceObject {
  readonly kind = 'PromptResponse';
  readonly service = 'ui' as const;

  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {
    super();
  }

  getResponseText() {
    return this.text;
  }
  getSelectedButton() {
    return this.button;
  }
}
