/**
 * Calendar days (SPEC §2: dates are compared by calendar day in the spreadsheet's time zone).
 * Expectations are derived from the calendar itself (Date.UTC, the Gregorian leap rule), never
 * from the functions under test.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  dayFromYmd,
  dayOfInstant,
  formatDmy,
  instantOfDay,
  isValidYmd,
  lastDayOfYear,
  parseOffset,
  ymdOf,
} from '../src/core/days';
import { parseDay } from '../src/core/cells';

const MS_PER_DAY = 86_400_000;
const HCM = 7 * 60;

/** Days since 1970-01-01 of a calendar date, straight from Date.UTC. */
const epochDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** A valid (year, month, day) in the years the workbook accepts. */
const validYmd = fc
  .record({ y: fc.integer({ min: 1900, max: 2999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

describe('dayFromYmd / ymdOf', () => {
  it('counts days since 1970-01-01', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(2023, 2, 25)).toBe(epochDay(2023, 2, 25));
    expect(dayFromYmd(2024, 3, 1) - dayFromYmd(2024, 2, 28)).toBe(2);
    expect(dayFromYmd(2023, 3, 1) - dayFromYmd(2023, 2, 28)).toBe(1);
  });

  it('round-trips every valid date', () => {
    fc.assert(
      fc.property(validYmd, ({ y, m, d }) => {
        const day = dayFromYmd(y, m, d);
        expect(day).toBe(epochDay(y, m, d));
        expect(ymdOf(day)).toEqual({ year: y, month: m, day: d });
      }),
    );
  });

  it('ymdOf then dayFromYmd is the identity on days', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay(1900, 1, 1), max: epochDay(2999, 12, 31) }), (day) => {
        const { year, month, day: d } = ymdOf(day);
        expect(dayFromYmd(year, month, d)).toBe(day);
      }),
    );
  });

  it('lastDayOfYear is 31/12', () => {
    expect(lastDayOfYear(2023)).toBe(epochDay(2023, 12, 31));
    expect(formatDmy(lastDayOfYear(2024))).toBe('31/12/2024');
  });
});

describe('isValidYmd', () => {
  it('rejects days that do not exist', () => {
    expect(isValidYmd(2023, 2, 31)).toBe(false);
    expect(isValidYmd(2023, 4, 31)).toBe(false);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(2023, 13, 1)).toBe(false);
    expect(isValidYmd(2023, 0, 1)).toBe(false);
    expect(isValidYmd(2023, 1, 0)).toBe(false);
    expect(isValidYmd(2023, 1, 32)).toBe(false);
  });

  it('follows the Gregorian leap-year rule for 29/02', () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(isValidYmd(2100, 2, 29)).toBe(false);
    expect(isValidYmd(2400, 2, 29)).toBe(true);
  });

  it('accepts exactly the days of each month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -2, max: 34 }),
        (y, m, d) => {
          expect(isValidYmd(y, m, d)).toBe(d >= 1 && d <= daysInMonth(y, m));
        },
      ),
    );
  });
});

describe('dayOfInstant with +07:00 (Asia/Ho_Chi_Minh)', () => {
  it('local midnight is 17:00 UTC of the day before', () => {
    const localMidnight = Date.UTC(2023, 7, 24, 17, 0, 0); // 25/08/2023 00:00 +07:00
    expect(dayOfInstant(localMidnight, HCM)).toBe(epochDay(2023, 8, 25));
    expect(dayOfInstant(localMidnight - 1, HCM)).toBe(epochDay(2023, 8, 24));
    expect(dayOfInstant(localMidnight + 1, HCM)).toBe(epochDay(2023, 8, 25));
  });

  it('the whole local day maps to one calendar day', () => {
    const start = Date.UTC(2023, 11, 30, 17); // 31/12/2023 00:00 +07:00
    expect(dayOfInstant(start, HCM)).toBe(epochDay(2023, 12, 31));
    expect(dayOfInstant(start + MS_PER_DAY - 1, HCM)).toBe(epochDay(2023, 12, 31));
    expect(dayOfInstant(start + MS_PER_DAY, HCM)).toBe(epochDay(2024, 1, 1));
  });

  it('UTC 00:00–16:59 is the same calendar day in +07:00, 17:00–23:59 the next', () => {
    fc.assert(
      fc.property(validYmd, fc.integer({ min: 0, max: MS_PER_DAY - 1 }), ({ y, m, d }, msInDay) => {
        const ms = Date.UTC(y, m - 1, d) + msInDay;
        const expected = epochDay(y, m, d) + (msInDay >= 17 * 3_600_000 ? 1 : 0);
        expect(dayOfInstant(ms, HCM)).toBe(expected);
      }),
    );
  });

  it('negative offsets go the other way', () => {
    const ms = Date.UTC(2023, 0, 1, 2, 0); // 31/12/2022 22:30 at -03:30
    expect(dayOfInstant(ms, -210)).toBe(epochDay(2022, 12, 31));
    expect(dayOfInstant(ms, 0)).toBe(epochDay(2023, 1, 1));
  });

  it('instantOfDay is local midnight and maps back to its day', () => {
    expect(instantOfDay(epochDay(2023, 8, 25), HCM)).toBe(Date.UTC(2023, 7, 24, 17));
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 200_000 }), fc.integer({ min: -720, max: 840 }), (day, off) => {
        expect(dayOfInstant(instantOfDay(day, off), off)).toBe(day);
      }),
    );
  });
});

describe('parseOffset', () => {
  it('reads Utilities.formatDate "Z" offsets in minutes east of UTC', () => {
    expect(parseOffset('+0700')).toBe(420);
    expect(parseOffset('-0330')).toBe(-210);
    expect(parseOffset('+05:45')).toBe(345);
    expect(parseOffset('+0000')).toBe(0);
    expect(parseOffset('-0000') === 0).toBe(true); // zero either way
    expect(parseOffset('+1400')).toBe(840);
    expect(parseOffset(' +0700 ')).toBe(420);
  });

  it('any ±hhmm reads back to its minutes', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        (neg, h, m, colon) => {
          const z = `${neg ? '-' : '+'}${String(h).padStart(2, '0')}${colon ? ':' : ''}${String(m).padStart(2, '0')}`;
          const minutes = h * 60 + m;
          expect(parseOffset(z) === (neg ? -minutes : minutes)).toBe(true);
        },
      ),
    );
  });
});

describe('formatDmy', () => {
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(formatDmy(epochDay(2023, 1, 5))).toBe('05/01/2023');
    expect(formatDmy(epochDay(2023, 2, 25))).toBe('25/02/2023');
    expect(formatDmy(epochDay(2023, 11, 20))).toBe('20/11/2023');
    expect(formatDmy(epochDay(2024, 2, 29))).toBe('29/02/2024');
    expect(formatDmy(epochDay(2023, 10, 9))).toBe('09/10/2023');
  });

  it('any valid date → formatDmy → parseDay gives the same day', () => {
    fc.assert(
      fc.property(validYmd, fc.integer({ min: -720, max: 840 }), ({ y, m, d }, off) => {
        const day = epochDay(y, m, d);
        const text = formatDmy(day);
        expect(text).toBe(`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
        // Text dates are calendar days: the zone's offset plays no part.
        expect(parseDay(text, off)).toBe(day);
      }),
    );
  });
});
