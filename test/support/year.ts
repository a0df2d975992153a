/**
 * A simulated year of `dailyCheck` on the demo workbook (sheets-templates/demo): on the last day of
 * 2022 the office runs `setupWorkbook`, fills in the demo plan with its owners' addresses and
 * `Email nhắc việc`, and runs `installTriggers`; then the daily trigger fires at 7 h on every day
 * of 2023, with a second run on some days, while staff type the demo's completion dates and
 * `Ngày gửi` on the days they name (and send the year report on 17/11). `bundleDir` runs another
 * build of the script (to measure an earlier version).
 */
import { readFileSync } from 'node:fs';
import type { Emulator } from '../../emulator/index';
import { eachDay, fireDailyTriggers, type Firing } from '../../emulator/schedule';
import type { SentMail } from '../../emulator/services/mail';
import { PERIODS, TASKS } from '../../src/contract/sheets';
import { loadWorkbook, productEmulator, type Row, type WorkbookData } from './fixtures';

export const DEMO = JSON.parse(
  readFileSync(new URL('../../sheets-templates/demo/tu-xuyen-2023-da-dien.json', import.meta.url), 'utf8'),
) as Required<WorkbookData>;

/** Owners by area number, for the tasks whose `Email` the demo leaves blank. */
const OWNERS: Record<string, [name: string, email: string]> = {
  '1': ['Hoàng Văn Nam', 'vanphong@tuxuyen.example'],
  '2': ['Lý Thị Hoa', 'tuphap@tuxuyen.example'],
  '3': ['Nông Văn Quý', 'motcua@tuxuyen.example'],
  '5': ['Vi Thị Lan', 'noivu@tuxuyen.example'],
  '7': ['Lương Văn Tú', 'vanhoa@tuxuyen.example'],
};
export const REMINDER_TO = ['vanphong@tuxuyen.example', 'chutich@tuxuyen.example'];
/** Beyond the demo (filled up to Q3): the year report is sent three days before its due date. */
const YEAR_REPORT_SENT = '17/11/2023';

/** Days with a second run in the afternoon: every draft and reminder day of the plan, and a few more. */
const SECOND_RUNS = new Set([
  '2023-01-31',
  '2023-02-15',
  '2023-02-24',
  '2023-04-30',
  '2023-05-15',
  '2023-05-24',
  '2023-05-26',
  '2023-07-31',
  '2023-08-15',
  '2023-08-24',
  '2023-08-26',
  '2023-10-31',
  '2023-11-10',
  '2023-11-19',
  '2023-12-24',
  '2023-12-31',
]);
/** The 7 h run of this Monday finds the quota spent; the afternoon run sends what waited. */
export const QUOTA_SPENT_ON = '2023-09-11';

const ymdOfDmy = (dmy: string) => dmy.split('/').reverse().join('-');
export const ownerOf = (task: Row): string => String(task.Email || OWNERS[String(task['Lĩnh vực']).charAt(0)]![1]);

/** What staff type on a day: [sheet, key column, key, header, value]. */
interface Typing {
  sheet: string;
  key: string;
  header: string;
  value: unknown;
}

/** The demo as it stood on 1 January (completion dates, their 100 % and `Ngày gửi` not typed yet), and the typing to come. */
export function demoAtNewYear(): { data: WorkbookData; typing: Map<string, Typing[]> } {
  const typing = new Map<string, Typing[]>();
  const later = (dmy: string, t: Typing) => {
    const ymd = ymdOfDmy(dmy);
    typing.set(ymd, [...(typing.get(ymd) ?? []), t]);
  };
  const T = TASKS.columns;
  const tasks = DEMO.tasks.map((t) => {
    const row: Row = { ...t, [T.email.header]: ownerOf(t) };
    if (!t[T.owner.header]) row[T.owner.header] = OWNERS[String(t[T.area.header]).charAt(0)]![0];
    const done = String(t[T.completed.header] ?? '');
    if (done) {
      later(done, { sheet: TASKS.name, key: String(t[T.code.header]), header: T.completed.header, value: done });
      later(done, { sheet: TASKS.name, key: String(t[T.code.header]), header: T.progress.header, value: t[T.progress.header] });
      row[T.completed.header] = '';
      row[T.progress.header] = '';
    }
    return row;
  });
  const P = PERIODS.columns;
  const periods = DEMO.periods.map((p) => {
    const sent = String(p[P.sentOn.header] || (p[P.code.header] === 'NAM' ? YEAR_REPORT_SENT : ''));
    if (sent) later(sent, { sheet: PERIODS.name, key: String(p[P.code.header]), header: P.sentOn.header, value: sent });
    return { ...p, [P.sentOn.header]: '' };
  });
  const config = DEMO.config.map(([k, v]): [string, unknown] => [k, k === 'Email nhắc việc' ? REMINDER_TO.join(', ') : v]);
  return { data: { config, tasks, indicators: DEMO.indicators, periods }, typing };
}

function type(emu: Emulator, t: Typing): void {
  const sheet = emu.spreadsheet.getSheetByName(t.sheet)!;
  const grid = sheet.getDataRange().getValues();
  const row = grid.findIndex((r) => r[0] === t.key) + 1;
  const dmy = typeof t.value === 'string' ? /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(t.value) : null;
  const value = dmy ? emu.date(`${dmy[3]}-${dmy[2]}-${dmy[1]}`) : t.value;
  sheet.getRange(row, grid[0]!.indexOf(t.header) + 1).setValue(value);
}

export interface Year {
  emu: Emulator;
  firings: Firing[];
  runs: number;
  outbox: SentMail[];
}

export function simulateYear(bundleDir?: string): Year {
  const emu = productEmulator(bundleDir ? { bundleDir } : {});
  emu.setToday('2022-12-31', 9);
  emu.run('setupWorkbook');
  const { data, typing } = demoAtNewYear();
  loadWorkbook(emu, data);
  emu.run('installTriggers');
  const firings: Firing[] = [];
  let runs = 0;
  for (const ymd of eachDay('2023-01-01', '2023-12-31')) {
    for (const t of typing.get(ymd) ?? []) type(emu, t);
    if (ymd === QUOTA_SPENT_ON) emu.mail.dailyLimit = 0;
    const today = fireDailyTriggers(emu, ymd);
    firings.push(...today);
    runs += today.length;
    emu.mail.dailyLimit = 100;
    if (SECOND_RUNS.has(ymd) || ymd === QUOTA_SPENT_ON) {
      emu.setToday(ymd, 16);
      emu.run('dailyCheck', [], { as: 'time' });
      runs++;
    }
  }
  return { emu, firings, runs, outbox: emu.mail.outbox };
}

export const isPeriodMail = (m: SentMail) => m.subject.startsWith('Nhắc việc CCHC: báo cáo ');
const DAY_MS = 86_400_000;
export const localDay = (ms: number) => Math.floor((ms + 7 * 3_600_000) / DAY_MS);

/** The year's figures: drafts, period reminders, digests, and mails that repeat one already sent that day. */
export function yearCounts(y: Year) {
  const log = y.emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues();
  const seen = new Map<string, number>();
  for (const m of y.outbox) {
    const key = `${m.to.join()}|${localDay(m.at)}|${isPeriodMail(m) ? m.subject : 'digest'}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return {
    drafts: log.filter((r) => String(r[3]).includes('Đã tạo bản nháp báo cáo')).length,
    periodReminders: y.outbox.filter(isPeriodMail).length,
    digests: y.outbox.filter((m) => !isPeriodMail(m)).length,
    duplicates: [...seen.values()].reduce((n, k) => n + k - 1, 0),
  };
}
