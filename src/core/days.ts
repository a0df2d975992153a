/**
 * Calendar days in the spreadsheet's time zone, as whole numbers of days since 1970-01-01.
 * Comparing days, never instants, is what SPEC §2 asks: a deadline is a day, not a moment.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A real calendar date (rejects 31/02, month 13, …). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return false;
  const back = ymdOf(dayFromYmd(year, month, day));
  return back.year === year && back.month === month && back.day === day;
}

/** The day an instant falls on, given the time zone's offset from UTC in minutes. */
export function dayOfInstant(ms: number, offsetMinutes: number): Day {
  return Math.floor((ms + offsetMinutes * 60_000) / MS_PER_DAY);
}

/** The instant of midnight starting `day` in a zone with this offset (for writing Date cells). */
export function instantOfDay(day: Day, offsetMinutes: number): number {
  return day * MS_PER_DAY - offsetMinutes * 60_000;
}

/** "+0700" / "-0330" (Utilities.formatDate's `Z`) → minutes east of UTC. */
export function parseOffset(z: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z.trim());
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** dd/mm/yyyy, the form every date takes in messages and reports. */
export function formatDmy(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${pad2(d)}/${pad2(month)}/${year}`;
}

export function lastDayOfYear(year: number): Day {
  return dayFromYmd(year, 12, 31);
}
