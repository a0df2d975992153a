/**
 * Values as read (SPEC §2): date cells, deadlines (`Thường xuyên` / blank = continuous) and
 * numbers, percent inputs in percent points. Unreadable values give a Vietnamese message that
 * quotes the value, never an exception.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid, parseDay, parseDeadline, parseNumber } from '../src/core/cells';
import { asCellText } from '../src/core/text';

const MS_PER_DAY = 86_400_000;
const HCM = 7 * 60;
const epochDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;
/** At least one letter that only Vietnamese text has (the messages are for Vietnamese staff). */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

function expectInvalid(out: unknown, mentions?: string): asserts out is Invalid {
  expect(out).toBeInstanceOf(Invalid);
  const message = (out as Invalid).message;
  expect(typeof message).toBe('string');
  expect(message).toMatch(VIETNAMESE);
  if (mentions !== undefined) expect(message).toContain(mentions);
}

describe('parseDay', () => {
  it('a Date at local midnight in Asia/Ho_Chi_Minh (17:00 UTC the day before) is that calendar day', () => {
    const midnight = new Date(Date.UTC(2023, 1, 24, 17, 0, 0)); // 25/02/2023 00:00 +07:00
    expect(parseDay(midnight, HCM)).toBe(epochDay(2023, 2, 25));
    // Any time during that local day.
    expect(parseDay(new Date(Date.UTC(2023, 1, 25, 16, 59, 59)), HCM)).toBe(epochDay(2023, 2, 25));
    expect(parseDay(new Date(Date.UTC(2023, 1, 25, 17, 0, 0)), HCM)).toBe(epochDay(2023, 2, 26));
  });

  it('a Date built in the process zone (TZ=Asia/Ho_Chi_Minh) reads as its local calendar day', () => {
    const d = new Date(2023, 11, 31); // local midnight
    const offset = -d.getTimezoneOffset();
    expect(parseDay(d, offset)).toBe(epochDay(2023, 12, 31));
  });

  it('any Date instant falls on the calendar day of its wall clock in +07:00', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const wall = new Date(ms + HCM * 60_000); // UTC fields = wall clock in +07:00
        const expected = epochDay(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
        expect(parseDay(new Date(ms), HCM)).toBe(expected);
      }),
    );
  });

  it('reads dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd', () => {
    expect(parseDay('25/02/2023', HCM)).toBe(epochDay(2023, 2, 25));
    expect(parseDay('05/08/2023', HCM)).toBe(epochDay(2023, 8, 5));
    expect(parseDay('5/8/2023', HCM)).toBe(epochDay(2023, 8, 5));
    expect(parseDay('1/12/2023', HCM)).toBe(epochDay(2023, 12, 1));
    expect(parseDay('2023-11-20', HCM)).toBe(epochDay(2023, 11, 20));
    expect(parseDay('  20/11/2023  ', HCM)).toBe(epochDay(2023, 11, 20));
    expect(parseDay('29/02/2024', HCM)).toBe(epochDay(2024, 2, 29));
  });

  it('text dates are day-first, never month-first', () => {
    expect(parseDay('03/04/2023', HCM)).toBe(epochDay(2023, 4, 3));
    expectInvalid(parseDay('12/25/2023', HCM), '12/25/2023');
  });

  it('blank and whitespace are null (no date)', () => {
    for (const v of ['', '   ', '\n', '\t ', null, undefined]) expect(parseDay(v, HCM)).toBeNull();
  });

  it('days that do not exist are invalid, with a message naming the value', () => {
    for (const s of [
      '31/02/2023',
      '29/02/2023',
      '01/13/2023',
      '00/01/2023',
      '32/01/2023',
      '2023-02-30',
      '2023-13-01',
      '31/04/2023',
    ]) {
      expectInvalid(parseDay(s, HCM), s);
    }
  });

  it('garbage text is invalid, with a Vietnamese message quoting it', () => {
    for (const s of ['abc', 'ngày mai', '25.02.2023', '25-02-2023', '2023/02/25', '25/02/23', 'Thường xuyên']) {
      expectInvalid(parseDay(s, HCM), s);
    }
    expectInvalid(parseDay(true, HCM));
    expectInvalid(parseDay(45000, HCM), '45000');
  });

  it('an invalid Date object is invalid', () => {
    expectInvalid(parseDay(new Date(NaN), HCM));
  });
});

describe('parseDeadline', () => {
  const continuous = { kind: 'continuous' };

  it('`Thường xuyên` in any case, with or without diacritics, is continuous', () => {
    for (const s of [
      'Thường xuyên',
      'thường xuyên',
      'THƯỜNG XUYÊN',
      'Thuong xuyen',
      'THUONG XUYEN',
      'tHƯỜNG xUYÊN',
      'Thường Xuyên',
    ]) {
      expect(parseDeadline(s, HCM)).toEqual(continuous);
    }
  });

  it('NFD-composed text and extra spaces or line breaks are still continuous', () => {
    expect(parseDeadline('Thường xuyên'.normalize('NFD'), HCM)).toEqual(continuous);
    expect(parseDeadline('THƯỜNG XUYÊN'.normalize('NFD'), HCM)).toEqual(continuous);
    expect(parseDeadline('  Thường   xuyên  ', HCM)).toEqual(continuous);
    expect(parseDeadline('Thường\nxuyên', HCM)).toEqual(continuous);
    expect(parseDeadline('Thường\u00a0xuyên', HCM)).toEqual(continuous);
  });

  it('blank is continuous', () => {
    for (const v of ['', '  ', null, undefined]) expect(parseDeadline(v, HCM)).toEqual(continuous);
  });

  it('a date is a dated deadline', () => {
    expect(parseDeadline('25/05/2023', HCM)).toEqual({ kind: 'date', day: epochDay(2023, 5, 25) });
    expect(parseDeadline(new Date(Date.UTC(2023, 4, 24, 17)), HCM)).toEqual({ kind: 'date', day: epochDay(2023, 5, 25) });
  });

  it('anything else is invalid and quoted', () => {
    expectInvalid(parseDeadline('Thường xuyên nhé', HCM), 'Thường xuyên nhé');
    expectInvalid(parseDeadline('Quý II', HCM), 'Quý II');
    expectInvalid(parseDeadline('30/02/2023', HCM), '30/02/2023');
  });

  it('random case and whitespace noise on `Thường xuyên` stays continuous', () => {
    const word = (w: string) =>
      fc
        .array(fc.boolean(), { minLength: w.length, maxLength: w.length })
        .map((up) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
    const ws = fc.array(fc.constantFrom(' ', '\u00a0', '\n', '\t'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
    const edge = fc.array(fc.constantFrom(' ', '\u00a0', '\n'), { maxLength: 2 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom('thường', 'thuong').chain(word),
        fc.constantFrom('xuyên', 'xuyen').chain(word),
        fc.boolean(),
        edge,
        ws,
        edge,
        (a, b, nfd, pre, mid, post) => {
          const s = `${pre}${a}${mid}${b}${post}`;
          expect(parseDeadline(nfd ? s.normalize('NFD') : s, HCM)).toEqual(continuous);
        },
      ),
    );
  });
});

describe('parseNumber', () => {
  const n = (v: unknown, f = '') => parseNumber({ v, f }, false);
  const pct = (v: unknown, f = '') => parseNumber({ v, f }, true);

  it('percent inputs are percent points: 50, "50%", "50 %" and 0.5 shown as 50% all mean 50', () => {
    expect(pct(50)).toBe(50);
    expect(pct('50')).toBe(50);
    expect(pct('50%')).toBe(50);
    expect(pct('50 %')).toBe(50);
    expect(pct(' 50% ')).toBe(50);
    expect(pct(0.5, '0%')).toBe(50);
    expect(pct(0.5, '0.00%')).toBe(50);
    expect(pct(1, '0%')).toBe(100);
    expect(pct(0, '0%')).toBe(0);
  });

  it('percent-formatted cells scale exactly (0.07 shown as 7% is 7, not 7.000000000000001)', () => {
    expect(pct(0.07, '0%')).toBe(7);
    expect(pct(0.29, '0%')).toBe(29);
    expect(pct(0.57, '0.00%')).toBe(57);
    expect(pct(0.1234, '0.00%')).toBe(12.34);
    expect(pct(1.005, '0.0%')).toBe(100.5);
  });

  it('a cell formatted as percent scales by 100 exactly for any value with ≤ 4 decimals of a fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
        // k / 10^4 as a fraction shows k / 100 percent points.
        expect(pct(k / 10_000, '0.00%')).toBe(k / 100);
      }),
    );
  });

  it('a plain (non-percent) number cell is not scaled by its format', () => {
    expect(n(0.5, '0%')).toBe(0.5);
    expect(n(0.5)).toBe(0.5);
    expect(pct(50, '0.00')).toBe(50);
  });

  it('decimal comma and Vietnamese thousands separators', () => {
    expect(n('50,5')).toBe(50.5);
    expect(n('50.5')).toBe(50.5);
    expect(n('1.234,5')).toBe(1234.5);
    expect(n('1.234.567')).toBe(1234567);
    expect(n('1.234.567,25')).toBe(1234567.25);
    expect(pct('50,5%')).toBe(50.5);
    expect(n('-3')).toBe(-3);
    expect(n('+3')).toBe(3);
  });

  it('blank is null', () => {
    for (const v of ['', '   ', null, undefined]) expect(n(v)).toBeNull();
    expect(pct('')).toBeNull();
  });

  it('non-numbers, NaN, Infinity and booleans are invalid, quoting the value', () => {
    for (const v of ['abc', '50 phần trăm', '5o', '%', '50%%', '%50', '1e3', '1,2,3', 'NaN', 'Infinity', '--5', '5-']) {
      expectInvalid(n(v), v);
      expectInvalid(pct(v), v);
    }
    expectInvalid(n(NaN), 'NaN');
    expectInvalid(n(Infinity), 'Infinity');
    expectInvalid(n(-Infinity), 'Infinity');
    expectInvalid(pct(NaN, '0%'), 'NaN');
    expectInvalid(n(true), 'true');
    expectInvalid(n(false), 'false');
    expectInvalid(pct(true, '0%'), 'true');
    expectInvalid(n(new Date(Date.UTC(2023, 0, 1))));
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the test's title names the template
  it('any finite decimal written as `${n}%` parses to n', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([k, places]) => k / 10 ** places);
    fc.assert(
      fc.property(decimal, fc.constantFrom('', ' '), (x, space) => {
        const text = `${x}${space}%`;
        expect(pct(text)).toBe(x === 0 ? 0 : x);
        expect(n(text)).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('any finite number cell reads as itself when not percent-formatted', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(n(x)).toBe(x);
        expect(pct(x, '0.00')).toBe(x);
      }),
    );
  });
});

/**
 * Every value a cell can hold has a string form. fc.anything() also builds objects such as
 * { toString: 0 } whose String() throws; no spreadsheet can hand those over, so they are left out.
 */
const stringifiable = (v: unknown) => {
  try {
    String(v);
    return true;
  } catch {
    return false;
  }
};

describe('never throws', () => {
  const cellValue = fc.oneof(
    fc.anything().filter(stringifiable),
    fc.date({ noInvalidDate: true }),
    fc.string(),
    fc.double(),
    fc.constantFrom('Thường xuyên', '31/02/2023', '50%', '1.234,5', '', ' '),
  );

  it('parseDay, parseDeadline and parseNumber return a value or Invalid for any value', () => {
    fc.assert(
      fc.property(
        cellValue,
        fc.constantFrom('', '0%', '0.00%', '@', 'dd/mm/yyyy'),
        fc.integer({ min: -720, max: 840 }),
        (v, f, off) => {
          const day = parseDay(v, off);
          expect(day === null || Number.isInteger(day) || day instanceof Invalid).toBe(true);
          const deadline = parseDeadline(v, off);
          expect(deadline instanceof Invalid || deadline.kind === 'continuous' || Number.isInteger(deadline.day)).toBe(true);
          for (const percent of [false, true]) {
            const num = parseNumber({ v, f }, percent);
            expect(num === null || (typeof num === 'number' && !Number.isNaN(num)) || num instanceof Invalid).toBe(true);
          }
        },
      ),
    );
  });

  it('an invalid Date in a number cell is a data error, not an exception', () => {
    const bad = new Date(NaN);
    expect(() => parseNumber({ v: bad, f: '' }, false)).not.toThrow();
    expectInvalid(parseNumber({ v: bad, f: '' }, false));
  });
});

describe('asCellText (SPEC §1: written text starting with = + - @ stays text)', () => {
  it('prefixes an apostrophe exactly when Sheets would read a formula', () => {
    expect(asCellText('=SUM(A1:A3)')).toBe("'=SUM(A1:A3)");
    expect(asCellText('+84 912')).toBe("'+84 912");
    expect(asCellText('- Lưu: VT.')).toBe("'- Lưu: VT.");
    expect(asCellText('@vanphong')).toBe("'@vanphong");
    expect(asCellText('Quá hạn')).toBe('Quá hạn');
    expect(asCellText('')).toBe('');
  });

  it('property: any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(asCellText(s)).toBe(['=', '+', '-', '@'].includes(s[0] ?? '') ? `'${s}` : s);
      }),
    );
  });
});
