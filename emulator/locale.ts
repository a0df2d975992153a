/**
 * What a spreadsheet's locale changes in the Sheets editor (Google Sheets Help, "Change a
 * spreadsheet's locale, time zone, calculation & language"): how typed dates and decimals are
 * read, the name of a new sheet and the editor's own messages. Locales not listed here are refused
 * by setSpreadsheetLocale (stricter than Sheets, which knows many more).
 */
export interface LocaleRules {
  /** Order of day, month and year in a typed numeric date such as 05/02/2023. */
  dateOrder: 'DMY' | 'MDY';
  /** The decimal separator of typed numbers. */
  decimal: '.' | ',';
  /** A new sheet's name without its number ("Sheet" + 2). */
  sheetName: string;
  /** What the editor says when a validation rule without help text rejects an entry. */
  invalidEntry: string;
  /** What the editor says before an edit of a warning-only protected range. */
  protectedWarning: string;
}

export const LOCALES: Readonly<Record<string, LocaleRules>> = {
  en_US: {
    dateOrder: 'MDY',
    decimal: '.',
    sheetName: 'Sheet',
    invalidEntry: 'The data you entered in cell violates the data validation rules set on this cell.',
    protectedWarning: "You're trying to edit part of this sheet that shouldn't be changed accidentally.",
  },
  en_GB: {
    dateOrder: 'DMY',
    decimal: '.',
    sheetName: 'Sheet',
    invalidEntry: 'The data you entered in cell violates the data validation rules set on this cell.',
    protectedWarning: "You're trying to edit part of this sheet that shouldn't be changed accidentally.",
  },
  vi_VN: {
    dateOrder: 'DMY',
    decimal: ',',
    sheetName: 'Trang tính',
    invalidEntry: 'Dữ liệu bạn đã nhập không hợp lệ.',
    protectedWarning: 'Bạn đang chỉnh sửa một phần của trang tính không nên thay đổi.',
  },
};

export function localeRules(locale: string): LocaleRules {
  const rules = LOCALES[locale];
  if (!rules) throw new Error(`The emulator does not model the locale ${locale}`);
  return rules;
}
