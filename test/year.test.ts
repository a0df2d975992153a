/**
 * A simulated year of the demo workbook (test/support/year.ts): every period gets exactly one draft,
 * on the first day it is due soon; its reminders go out on that day, the day before its due date
 * and the first day overdue while `Ngày gửi` is blank, and stop when it is typed; each owner gets a
 * digest on exactly the days an independent reading of the plan says something changed for them
 * (a task entered the warning window, is 3 or 1 days away, became overdue, or a Monday while one is
 * overdue); nothing goes out twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index';
import { eachDay } from '../emulator/schedule';
import type { SentMail } from '../emulator/services/mail';
import { PERIODS, TASKS } from '../src/contract/sheets';
import {
  DEMO,
  demoAtNewYear,
  isPeriodMail,
  localDay,
  ownerOf,
  QUOTA_SPENT_ON,
  REMINDER_TO,
  simulateYear,
  type Year,
  yearCounts,
} from './support/year';

const DAY_MS = 86_400_000;
const dayOf = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
const dmyDay = (dmy: string) => dayOf(dmy.split('/').reverse().join('-'));
const ymdOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isMonday = (day: number) => new Date(day * DAY_MS).getUTCDay() === 1;

/** The day each task is done: its own completion date, or for a period's report task that period's Ngày gửi. */
function doneDays(): Map<string, number> {
  const { typing } = demoAtNewYear();
  const out = new Map<string, number>();
  const sentOn = new Map<string, number>();
  for (const [ymd, ts] of typing) {
    for (const t of ts) {
      if (t.header === TASKS.columns.completed.header) out.set(t.key, dayOf(ymd));
      if (t.header === PERIODS.columns.sentOn.header) sentOn.set(t.key, dayOf(ymd));
    }
  }
  for (const t of DEMO.tasks) {
    const period = String(t[TASKS.columns.period.header] ?? '');
    const sent = sentOn.get(period);
    if (period && sent !== undefined) out.set(String(t['Mã']), sent);
  }
  return out;
}

/** SPEC §6 read straight off the plan: the days something changed for each owner, and the Mondays while a task is overdue. */
function expectedDigestDays(): Map<string, number[]> {
  const done = doneDays();
  const days = new Map<string, Set<number>>();
  for (const t of DEMO.tasks) {
    const deadline = String(t['Hạn hoàn thành']);
    const due = /^\d\d\/\d\d\/\d{4}$/.test(deadline) ? dmyDay(deadline) : dayOf('2023-12-31');
    const doneOn = done.get(String(t['Mã']));
    const email = ownerOf(t);
    const set = days.get(email) ?? new Set<number>();
    for (const ymd of eachDay('2023-01-01', '2023-12-31')) {
      const today = dayOf(ymd);
      if (doneOn !== undefined && doneOn <= today) continue;
      if ([7, 3, 1, -1].includes(due - today) || (today > due && isMonday(today))) set.add(today);
    }
    days.set(email, set);
  }
  return new Map([...days].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
}

describe('a simulated year of the demo workbook', () => {
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

  it('makes exactly one draft per period, on the first day it is due soon', () => {
    const drafted = periods
      .slice(1)
      .map((r) => [
        r[pcol('Mã kỳ')],
        r[pcol('Trạng thái')],
        ymdOf(localDay((r[pcol('Ngày tạo báo cáo')] as Date).getTime())),
        Boolean(r[pcol('Liên kết báo cáo')]),
      ]);
    // Q1 sent the day before its due date, H1 four days late, Q3 never: still overdue (SPEC §3).
    expect(drafted).toEqual([
      ['Q1', 'Đã gửi', '2023-02-15', true],
      ['H1', 'Gửi trễ hạn', '2023-05-15', true],
      ['Q3', 'Quá hạn', '2023-08-15', true],
      ['NAM', 'Đã gửi', '2023-11-10', true],
    ]);
    expect(yearCounts(year).drafts).toBe(4);
  });

  it('reminds each period on its draft day, the day before and the first day overdue, until Ngày gửi is typed', () => {
    const reminders = outbox.filter(isPeriodMail).map((m) => [ymdOf(localDay(m.at)), m.subject.match(/\((.*)\)$/)![1]]);
    expect(reminders).toEqual([
      ['2023-02-15', 'còn 10 ngày'], // Q1: sent 24/02 before the 7 h check, so no reminder the day before
      ['2023-05-15', 'còn 10 ngày'],
      ['2023-05-24', 'còn 1 ngày'],
      ['2023-05-26', 'quá hạn 1 ngày'], // H1 sent 29/05: nothing after
      ['2023-08-15', 'còn 10 ngày'],
      ['2023-08-24', 'còn 1 ngày'],
      ['2023-08-26', 'quá hạn 1 ngày'], // Q3 never sent: nothing more after the first overdue day
      ['2023-11-10', 'còn 10 ngày'], // the year report, sent 17/11
    ]);
    expect(outbox.filter(isPeriodMail).every((m) => m.to.join() === REMINDER_TO.join())).toBe(true);
    const links = periods.slice(1).map((r) => String(r[pcol('Liên kết báo cáo')]));
    const [q1, h1, h1Eve, , q3] = outbox.filter(isPeriodMail);
    expect(q1!.body).toContain(`xin kiểm tra, bổ sung và trình ký: ${links[0]}`);
    expect(h1!.body).toContain(`xin kiểm tra, bổ sung và trình ký: ${links[1]}`);
    expect(h1Eve!.body).toContain(`Báo cáo của kỳ đã được tạo: ${links[1]}`);
    expect(q3!.body).toContain(links[2]);
  });

  it('sends each owner a digest on exactly the days something changed for them', () => {
    const digests = outbox.filter((m) => !isPeriodMail(m));
    const expected = expectedDigestDays();
    for (const [email, days] of expected) {
      const got = digests.filter((m) => m.to.join() === email).map((m) => localDay(m.at));
      expect(got.map(ymdOf), email).toEqual(days.map(ymdOf));
    }
    expect(new Set(digests.map((m) => m.to.join()))).toEqual(new Set([...expected].filter(([, d]) => d.length).map(([e]) => e)));
    // Not every day: far fewer digests than days with something due soon or overdue.
    expect(digests.length).toBeLessThan(100);
  });

  it('sends nothing twice: per recipient and day at most one digest and one reminder per period', () => {
    expect(yearCounts(year).duplicates).toBe(0);
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
