/** The `Cấu hình` sheet: label in column A, value in column B (SPEC §1). */
import type { Problem } from './rows';
import { CONFIG_LABELS, type ConfigKey, DEFAULT_WARNING_DAYS } from '../contract/settings';
import { CONFIG_SHEET } from '../contract/sheets';
import { cellText, normalizeLabel, quote } from './text';
import { parseNumber } from './cells';
import { addressParts } from './email';

export interface Config {
  superior: string;
  issuer: string;
  abbreviation: string;
  place: string;
  /** null when blank or unreadable: callers fall back to the year of today. */
  year: number | null;
  signAuthority: string;
  signerTitle: string;
  signer: string;
  recipients: string[];
  warningDays: number;
  reminderEmails: string[];
  reportFolder: string;
  /** A Google Doc (URL or id) each report starts from, for its header with page numbers. */
  reportTemplate: string;
  /** The plan the report answers to, for its opening sentence. */
  planBasis: string;
}

/** "Cấu hình: Số ngày cảnh báo (dòng 12): …", as refresh and report messages list them. */
export const describeConfigProblem = (p: ConfigProblem) => `${p.column} (dòng ${p.row}): ${p.message}`;

export interface ConfigProblem extends Problem {
  /** 1-based sheet row of the label, or null when the label is absent. */
  row: number | null;
}

export interface Settings {
  config: Config;
  problems: ConfigProblem[];
  /** 1-based sheet row of each label found. */
  rows: Partial<Record<ConfigKey, number>>;
}

/** Reads label/value rows. Unknown labels are ignored; bad values fall back to defaults with a problem. */
export function parseConfig(rows: readonly (readonly unknown[])[]): Settings {
  const byLabel = new Map<string, { value: unknown; row: number }>();
  rows.forEach((r, i) => {
    const label = normalizeLabel(cellText(r[0]));
    if (label && !byLabel.has(label)) byLabel.set(label, { value: r[1], row: i + 1 });
  });
  const problems: ConfigProblem[] = [];
  const get = (key: ConfigKey) => byLabel.get(normalizeLabel(CONFIG_LABELS[key]));
  const text = (key: ConfigKey) => cellText(get(key)?.value);

  const number = (key: ConfigKey, check: (n: number) => boolean, rule: string): number | null => {
    const entry = get(key);
    if (!entry) return null;
    const n = parseNumber({ v: entry.value, f: '' }, false);
    if (n === null) return null;
    if (typeof n === 'number' && check(n)) return n;
    problems.push({
      column: `${CONFIG_SHEET}: ${CONFIG_LABELS[key]}`,
      row: entry.row,
      message: `giá trị ${quote(entry.value)} không hợp lệ (${rule})`,
    });
    return null;
  };

  const lines = (s: string) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  const config: Config = {
    superior: text('superior'),
    issuer: text('issuer'),
    abbreviation: text('abbreviation'),
    place: text('place'),
    year: number('year', (n) => Number.isInteger(n) && n >= 2000 && n <= 2100, 'năm từ 2000 đến 2100'),
    signAuthority: text('signAuthority'),
    signerTitle: text('signerTitle'),
    signer: text('signer'),
    recipients: lines(text('recipients')),
    warningDays:
      number('warningDays', (n) => Number.isInteger(n) && n >= 0 && n <= 365, 'số nguyên từ 0 đến 365') ?? DEFAULT_WARNING_DAYS,
    reminderEmails: addressParts(text('reminderEmails')),
    reportFolder: text('reportFolder'),
    reportTemplate: text('reportTemplate'),
    planBasis: text('planBasis'),
  };
  const found: Settings['rows'] = {};
  for (const key of Object.keys(CONFIG_LABELS) as ConfigKey[]) {
    const entry = get(key);
    if (entry) found[key] = entry.row;
  }
  return { config, problems, rows: found };
}
