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

/**
 * A time zone's offset from UTC in minutes east: a constant, or per instant for a zone with
 * daylight saving time (each date then uses its own offset, not today's).
 */
export type Offset = number | ((ms: number) => number);

const offsetAt = (offset: Offset, ms: number) => (typeof offset === 'number' ? offset : offset(ms));

/** The day an instant falls on in a zone. */
export function dayOfInstant(ms: number, offset: Offset): Day {
  return Math.floor((ms + offsetAt(offset, ms) * 60_000) / MS_PER_DAY);
}

/** The instant of midnight starting `day` in a zone (for writing Date cells). */
export function instantOfDay(day: Day, offset: Offset): number {
  const local = day * MS_PER_DAY;
  // The offset at local midnight: the guess's offset, checked once more at the instant it gives.
  const guess = local - offsetAt(offset, local) * 60_000;
  return local - offsetAt(offset, guess) * 60_000;
}

/**
 * The offsets of an IANA zone, per instant, from ECMAScript's Intl (Apps Script's V8 runtime has
 * it, with the time zone data). Cached per hour. Null when Intl does not know the zone.
 */
export function zoneOffsets(timeZone: string): ((ms: number) => number) | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour12: false,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    return null;
  }
  const cache = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let minutes = cache.get(hour);
    if (minutes === undefined) {
      const at = hour * 3_600_000;
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(new Date(at))) p[part.type] = Number(part.value);
      const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!);
      minutes = Math.round((local - at) / 60_000);
      cache.set(hour, minutes);
    }
    return minutes;
  };
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
