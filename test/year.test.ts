/**
 * A simulated year of the template plan (xã Tú Xuyên, 2023): on the last day of 2022 the office runs
 * `setupWorkbook` on an empty spreadsheet, types in the owners' addresses and `Email nhắc việc`, and
 * runs `installTriggers`; then the daily trigger fires at 7 h on every day of 2023, with a second run on some days,
 * while staff finish tasks (some on time, one late, one never). Every period gets exactly one draft
 * and one reminder, before its deadline and never after its report exists; each owner gets at most
 * one digest a day, on exactly the days an independent reading of the plan says they have something
 * due soon or overdue; nothing goes out twice.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import type { WorkbookData } from './support/fixtures';
import { productEmulator } from './support/fixtures';
import { eachDay, fireDailyTriggers, type Firing } from '../emulator/schedule';
import type { SentMail } from '../emulator/services/mail';
import { CONFIG_SHEET, PERIODS, TASKS } from '../src/contract/sheets';

const template = JSON.parse(
  readFileSync(new URL('../sheets-templates/tu-xuyen-2023.json', import.meta.url), 'utf8'),
) as Required<WorkbookData>;

/** Owners by area number (the template leaves `Email` blank: the office fills it in). */
const OWNERS: Record<string, [name: string, email: string]> = {
  '1': ['Hoàng Văn Nam', 'vanphong@tuxuyen.example'],
  '2': ['Lý Thị Hoa', 'tuphap@tuxuyen.example'],
  '3': ['Nông Văn Quý', 'motcua@tuxuyen.example'],
  '5': ['Vi Thị Lan', 'noivu@tuxuyen.example'],
  '7': ['Lương Văn Tú', 'vanhoa@tuxuyen.example'],
};
const REMINDER_TO = ['vanphong@tuxuyen.example', 'chutich@tuxuyen.example'];

/** What staff do during the year, before that morning's check: task code → day done. */
const DONE_ON: Record<string, string> = {
  'NV1.09': '2023-02-20', // the Q1 report task, done before its deadline
  'NV1.10': '2023-05-30', // the H1 report task, done five days late
  'NV1.12': '2023-11-15', // the year report task, on time; NV1.11 (Q3) is never marked done
  'NV2.01': '2023-06-30', // two continuous tasks finished mid-year
  'NV3.01': '2023-09-15',
};
/** Days with a second run in the afternoon: every draft and due day of the plan, and a few more. */
const SECOND_RUNS = new Set([
  '2023-01-31',
  '2023-02-15',
  '2023-02-25',
  '2023-04-30',
  '2023-05-15',
  '2023-05-25',
  '2023-05-27',
  '2023-07-31',
  '2023-08-15',
  '2023-08-25',
  '2023-08-26',
  '2023-10-31',
  '2023-11-10',
  '2023-11-20',
  '2023-12-24',
  '2023-12-31',
]);
/** The 7 h run of this day finds the quota spent; the afternoon run sends what waited. */
const QUOTA_SPENT_ON = '2023-09-10';

const DAY_MS = 86_400_000;
const dayOf = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
const dmyDay = (dmy: string) => dayOf(dmy.split('/').reverse().join('-'));
const localDay = (ms: number) => Math.floor((ms + 7 * 3_600_000) / DAY_MS);
const ymdOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const ownerOf = (area: unknown) => OWNERS[String(area).charAt(0)]!;

/** The status rules of SPEC §3 for these tasks, read straight off the plan: is it due soon or overdue? */
function expectedDigestDays(): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const t of template.tasks) {
    const deadline = String(t['Hạn hoàn thành']);
    const due = /^\d\d\/\d\d\/\d{4}$/.test(deadline) ? dmyDay(deadline) : dayOf('2023-12-31');
    const doneOn = DONE_ON[String(t['Mã'])];
    const email = ownerOf(t['Lĩnh vực'])[1];
    const days = out.get(email) ?? new Set<number>();
    for (const ymd of eachDay('2023-01-01', '2023-12-31')) {
      const today = dayOf(ymd);
      if (doneOn && dayOf(doneOn) <= today) continue;
      if (due - today <= 7) days.add(today);
    }
    out.set(email, days);
  }
  return out;
}

/** What staff type into the `Nhiệm vụ` sheet. */
function typeIntoTask(emu: Emulator, code: string, values: Record<string, unknown>): void {
  const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
  const grid = sheet.getDataRange().getValues();
  const col = (h: string) => grid[0]!.indexOf(h) + 1;
  const row = grid.findIndex((r) => r[col(TASKS.columns.code.header) - 1] === code) + 1;
  for (const [header, v] of Object.entries(values)) sheet.getRange(row, col(header)).setValue(v);
}

function setUpOffice(emu: Emulator): void {
  emu.run('setupWorkbook');
  emu.run('loadSamplePlan');
  for (const t of template.tasks) {
    const [name, email] = ownerOf(t['Lĩnh vực']);
    typeIntoTask(emu, String(t['Mã']), { [TASKS.columns.owner.header]: name, [TASKS.columns.email.header]: email });
  }
  const config = emu.spreadsheet.getSheetByName(CONFIG_SHEET)!;
  const labels = config
    .getDataRange()
    .getValues()
    .map((r) => r[0]);
  config.getRange(labels.indexOf('Email nhắc việc') + 1, 2).setValue(REMINDER_TO.join(', '));
  emu.run('installTriggers');
}

function markDone(emu: Emulator, code: string, ymd: string): void {
  typeIntoTask(emu, code, { [TASKS.columns.completed.header]: emu.date(ymd), [TASKS.columns.progress.header]: 100 });
}

interface Year {
  emu: Emulator;
  firings: Firing[];
  runs: number;
  outbox: SentMail[];
}

function simulateYear(): Year {
  const emu = productEmulator();
  emu.setToday('2022-12-31', 9);
  setUpOffice(emu);
  const firings: Firing[] = [];
  let runs = 0;
  for (const ymd of eachDay('2023-01-01', '2023-12-31')) {
    for (const [code, on] of Object.entries(DONE_ON)) if (on === ymd) markDone(emu, code, ymd);
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

const isPeriodMail = (m: SentMail) => m.subject.startsWith('Nhắc việc CCHC: báo cáo ');

describe('a simulated year of the template plan', () => {
  let year: Year;
  let emu: Emulator;
  let outbox: SentMail[];
  let periods: unknown[][];
  const pcol = (h: string) => periods[0]!.indexOf(h);
  beforeAll(() => {
    year = simulateYear();
    ({ emu, outbox } = year);
    periods = emu.spreadsheet.getSheetByName(PERIODS.name)!.getDataRange().getValues();
  }, 60_000);

  it('runs the daily trigger every day of 2023, and every run succeeds', () => {
    expect(year.firings).toHaveLength(365);
    expect(year.firings.filter((f) => f.error)).toEqual([]);
    expect(new Set(year.firings.map((f) => ymdOf(localDay(f.at)))).size).toBe(365);
    const log = emu.spreadsheet.getSheetByName('Nhật ký')!.getDataRange().getValues().slice(1);
    expect(log.filter((r) => r[2] === 'Kiểm tra hằng ngày')).toHaveLength(year.runs);
  });

  it('makes exactly one draft per period, on the first day it is due soon, before its deadline', () => {
    const drafted = periods
      .slice(1)
      .map((r) => [
        r[pcol('Mã kỳ')],
        r[pcol('Trạng thái')],
        ymdOf(localDay((r[pcol('Ngày tạo báo cáo')] as Date).getTime())),
        Boolean(r[pcol('Liên kết báo cáo')]),
      ]);
    expect(drafted).toEqual([
      ['Q1', 'Đã tạo báo cáo', '2023-02-15', true],
      ['H1', 'Đã tạo báo cáo', '2023-05-15', true],
      ['Q3', 'Đã tạo báo cáo', '2023-08-15', true],
      ['NAM', 'Đã tạo báo cáo', '2023-11-10', true],
    ]);
    const draftLines = emu.spreadsheet
      .getSheetByName('Nhật ký')!
      .getDataRange()
      .getValues()
      .map((r) => String(r[3]))
      .filter((t) => t.includes('Đã tạo bản nháp báo cáo'));
    expect(draftLines).toHaveLength(4);
  });

  it('reminds each period once, with the draft link, on its draft day, and never after the report exists', () => {
    const reminders = outbox.filter(isPeriodMail);
    expect(reminders.map((m) => [ymdOf(localDay(m.at)), m.to])).toEqual([
      ['2023-02-15', REMINDER_TO],
      ['2023-05-15', REMINDER_TO],
      ['2023-08-15', REMINDER_TO],
      ['2023-11-10', REMINDER_TO],
    ]);
    const links = periods.slice(1).map((r) => String(r[pcol('Liên kết báo cáo')]));
    reminders.forEach((m, k) => {
      expect(m.body).toContain(`xin kiểm tra, bổ sung và trình ký: ${links[k]}`);
      expect(m.subject).toContain('(còn 10 ngày)');
    });
  });

  it('sends each owner one digest on exactly the days something of theirs is due soon or overdue', () => {
    const digests = outbox.filter((m) => !isPeriodMail(m));
    const expected = expectedDigestDays();
    for (const [email, days] of expected) {
      const got = digests.filter((m) => m.to.join() === email).map((m) => localDay(m.at));
      expect(got.map(ymdOf), email).toEqual([...days].sort((a, b) => a - b).map(ymdOf));
    }
    expect(new Set(digests.map((m) => m.to.join()))).toEqual(new Set(expected.keys()));
  });

  it('sends nothing twice: per recipient and day at most one digest and one reminder per period', () => {
    const seen = new Map<string, number>();
    for (const m of outbox) {
      const key = `${m.to.join()}|${localDay(m.at)}|${isPeriodMail(m) ? m.subject : 'digest'}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    expect(duplicates).toBe(0);
    expect(new Set(outbox.map((m) => `${m.to.join()}|${m.subject}|${m.body}`)).size).toBe(outbox.length);
  });

  it('sends the day the quota was spent from the afternoon run, and keeps its record small', () => {
    const spentDay = dayOf(QUOTA_SPENT_ON);
    const that = outbox.filter((m) => localDay(m.at) === spentDay);
    expect(that.length).toBeGreaterThan(0);
    expect(that.every((m) => new Date(m.at).getUTCHours() + 7 === 16)).toBe(true);
    const bytes = [...emu.properties.document.data].reduce((n, [k, v]) => n + k.length + v.length, 0);
    expect(bytes).toBeLessThan(2_048);
  });
});
