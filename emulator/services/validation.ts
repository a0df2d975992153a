/**
 * Data validation (SpreadsheetApp.newDataValidation()): list, number-between and date rules, either
 * rejecting input or only flagging it. Rules bind to cells; Sheets applies them to what a user types
 * or pastes (see emulator/edits.ts), never to values a script writes, as Apps Script does.
 */
import { ServiceObject } from '../realm';
import { AppsScriptError } from '../errors';
import type { CellValue } from '../entry';

export const DATA_VALIDATION_CRITERIA = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CHECKBOX: 'CHECKBOX',
} as const;

type Criteria = keyof typeof DATA_VALIDATION_CRITERIA;

export class DataValidationModel extends ServiceObject {
  readonly kind = 'DataValidation';
  readonly service = 'spreadsheet' as const;

  constructor(
    readonly criteria: Criteria,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    super();
  }

  getCriteriaType() {
    return this.criteria;
  }
  getCriteriaValues() {
    return [...this.args];
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText || null;
  }

  /** Whether a value (as stored after entry) satisfies the rule; blank cells always do. */
  accepts(v: CellValue): boolean {
    if (v === '') return true;
    if (this.criteria === 'CHECKBOX') return typeof v === 'boolean';
    if (this.criteria === 'VALUE_IN_LIST') return (this.args[0] as string[]).some((x) => String(x) === String(v));
    if (this.criteria === 'DATE_IS_VALID_DATE') return v instanceof Date;
    const [min, max] = this.args as [number, number];
    return typeof v === 'number' && v >= min && v <= max;
  }
}

export class DataValidationBuilderModel extends ServiceObject {
  readonly kind = 'DataValidationBuilder';
  readonly service = 'spreadsheet' as const;
  private criteria: Criteria | null = null;
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  requireValueInList(values: unknown[], showDropdown = true) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new AppsScriptError(
        "The parameters () don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    }
    this.criteria = 'VALUE_IN_LIST';
    this.args = [values.map(String), showDropdown];
    return this;
  }

  /** A checkbox cell: TRUE when ticked, FALSE when not. */
  requireCheckbox() {
    this.criteria = 'CHECKBOX';
    this.args = [];
    return this;
  }

  requireNumberBetween(start: number, end: number) {
    this.criteria = 'NUMBER_BETWEEN';
    this.args = [Math.min(start, end), Math.max(start, end)];
    return this;
  }

  requireDate() {
    this.criteria = 'DATE_IS_VALID_DATE';
    this.args = [];
    return this;
  }

  setAllowInvalid(allow: boolean) {
    this.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string) {
    this.helpText = String(text);
    return this;
  }

  build(): DataValidationModel {
    if (!this.criteria) throw new AppsScriptError('You must specify criteria for the data validation rule.');
    return new DataValidationModel(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}
