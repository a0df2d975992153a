/**
 * The pure side of reminders (src/core/reminders*.ts): addresses, content hashes, the ledger and its
 * pruning, what is due today for periods and owners, and the Vietnamese texts with escaped HTML.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../src/core/cells';
import { dayFromYmd } from '../src/core/days';
import type { Outcome } from '../src/core/evaluate';
import {
  collectDigests,
  contentHash,
  digestItems,
  digestKey,
  digestsToSend,
  encodeDigestRecord,
  encodePeriodRecord,
  type Ledger,
  LEDGER_RETENTION_DAYS,
  markSent,
  mondayOf,
  OVERDUE_CATCH_UP_DAYS,
  periodInstance,
  periodKey,
  type PeriodRecord,
  periodsToRemind,
  readLedger,
  staleLedgerKeys,
} from '../src/core/reminders';
import { badAddresses, isEmailAddress, splitAddresses } from '../src/core/email';
import {
  daysLeftPhrase,
  describeDailyRun,
  DIGEST_MAX_TASKS,
  digestMail,
  draftGaps,
  emptyOutcome,
  escapeHtml,
  listOf,
  type MailContext,
  periodReminder,
} from '../src/core/reminders-text';
import type { PeriodRow, TaskRow } from '../src/core/rows';
import { type PeriodStatus, STATUS, type TaskStatus } from '../src/contract/status';

const TODAY = dayFromYmd(2023, 8, 20);
const day = (d: number, m: number) => dayFromYmd(2023, m, d);
const emptyLedger = (): Ledger => ({ digests: new Map(), periods: new Map() });
const digestOn = (d: number, items: string[] = []) => encodeDigestRecord({ day: d, items: new Set(items) });

function task(
  sheetRow: number,
  status: TaskStatus,
  fields: Partial<TaskRow> & { due?: number } = {},
): Outcome<TaskRow, TaskStatus> {
  const deadline: Deadline = fields.due === undefined ? { kind: 'continuous' } : { kind: 'date', day: fields.due };
  return {
    sheetRow,
    status,
    problems: [],
    row: {
      code: `NV${sheetRow}`,
      name: `Nhiệm vụ ${sheetRow}`,
      owner: '',
      email: '',
      deadline,
      progress: null,
      completed: null,
      ...fields,
    },
  };
}

function period(code: string, due: number, status: PeriodStatus, link = ''): Outcome<PeriodRow, PeriodStatus> {
  return {
    sheetRow: 2,
    status,
    problems: [],
    row: { code, name: `Kỳ ${code}`, due, remindDays: null, from: null, to: null, link },
  };
}

describe('addresses', () => {
  it('splits a cell on commas, semicolons and spaces, lower-cases and drops repeats', () => {
    expect(splitAddresses(' A@X.vn; b@y.vn,a@x.vn  c@z.com.vn ,, ')).toEqual({
      valid: ['a@x.vn', 'b@y.vn', 'c@z.com.vn'],
      invalid: [],
    });
    expect(splitAddresses('Nguyễn Văn A')).toEqual({ valid: [], invalid: ['Nguyễn', 'Văn', 'A'] });
    expect(splitAddresses('a@x, <b@y.vn>')).toEqual({ valid: [], invalid: ['a@x', '<b@y.vn>'] });
    expect(splitAddresses('')).toEqual({ valid: [], invalid: [] });
  });

  it('accepts what MailApp accepts for a plain address', () => {
    for (const a of ['a@x.vn', 'first.last+tag@sub.domain.gov.vn', 'x_1@a-b.com']) expect(isEmailAddress(a), a).toBe(true);
    for (const a of ['a@x', '@x.vn', 'a@@x.vn', 'a b@x.vn', 'a@x.vn,', '"a"@x.vn']) expect(isEmailAddress(a), a).toBe(false);
  });

  it('is the one rule validateData lists by: an apostrophe is allowed, an empty domain label is not', () => {
    for (const a of ["o'brien@x.vn", "d'arc@tinh.gov.vn"]) expect(isEmailAddress(a), a).toBe(true);
    for (const a of ['a@x.vn.', 'a@x..vn', 'a@.x.vn', "a@x'y.vn"]) expect(isEmailAddress(a), a).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.constantFrom("o'brien@x.vn", 'a@x.vn.', 'A@X.vn', 'b@y', ' ', ',', ';', 'c.d@e.f.vn')), (parts) => {
        const text = parts.join('');
        expect(badAddresses(text)).toEqual(splitAddresses(text).invalid);
      }),
    );
  });
});

describe('contentHash', () => {
  it('is short, stable and tells different texts apart', () => {
    expect(contentHash('Q1\u000019413')).toBe(contentHash('Q1\u000019413'));
    expect(contentHash('')).toMatch(/^[0-9a-z]{1,11}$/);
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => a === b || contentHash(a) !== contentHash(b)));
  });

  it('makes a period row reused with another due date a new period instance', () => {
    expect(periodInstance('Q1', day(25, 2))).not.toBe(periodInstance('Q1', dayFromYmd(2024, 2, 25)));
    expect(periodInstance('Q1', day(25, 2))).not.toBe(periodInstance('H1', day(25, 2)));
  });
});

describe('the ledger', () => {
  const record: PeriodRecord = {
    draft: 'https://docs.google.com/document/d/1',
    draftDay: TODAY - 2,
    mailDay: TODAY - 2,
    sent: ['window', 'draft'],
  };

  it('reads back what was written and ignores other keys and unreadable values', () => {
    const props = {
      [digestKey('a@x.vn')]: digestOn(TODAY, ['k1', 'k2']),
      [periodKey('abc')]: encodePeriodRecord(record),
      [periodKey('broken')]: '{not json',
      [digestKey('b@x.vn')]: 'hôm qua',
      'someone.else': '42',
    };
    const ledger = readLedger(props);
    expect([...ledger.digests]).toEqual([['a@x.vn', { day: TODAY, items: new Set(['k1', 'k2']) }]]);
    expect([...ledger.periods]).toEqual([['abc', record]]);
  });

  it('prunes only its own keys: unreadable ones and those untouched for the retention period', () => {
    const props = {
      [digestKey('recent@x.vn')]: digestOn(TODAY - LEDGER_RETENTION_DAYS),
      [digestKey('old@x.vn')]: digestOn(TODAY - LEDGER_RETENTION_DAYS - 1),
      [periodKey('old')]: encodePeriodRecord({ draftDay: TODAY - 100, mailDay: TODAY - 40 }),
      [periodKey('recent')]: encodePeriodRecord({ draftDay: TODAY - 100, mailDay: TODAY - 3 }),
      [periodKey('empty')]: '{}',
      [periodKey('broken')]: 'x',
      'cchc.other': 'x',
      'user.key': 'x',
    };
    expect(staleLedgerKeys(props, TODAY).sort()).toEqual(
      [digestKey('old@x.vn'), periodKey('old'), periodKey('empty'), periodKey('broken')].sort(),
    );
  });

  it('stays small: a year of records for 50 owners and 4 periods is a few kilobytes', () => {
    const props: Record<string, string> = {};
    for (let i = 0; i < 50; i++) props[digestKey(`nguoi.phu.trach.${i}@ubnd-xa.gov.vn`)] = digestOn(TODAY);
    for (const code of ['Q1', 'H1', 'Q3', 'NAM']) {
      props[periodKey(periodInstance(code, TODAY))] = encodePeriodRecord({
        draft: `https://docs.google.com/document/d/${'x'.repeat(44)}/edit`,
        draftDay: TODAY,
        mailDay: TODAY,
        sent: ['window', 'draft'],
      });
    }
    const bytes = Object.entries(props).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    expect(bytes).toBeLessThan(4 * 1024);
  });
});

describe('periodsToRemind', () => {
  const due = day(25, 8);
  const key = periodInstance('Q3', due);
  const withRecord = (r: PeriodRecord): Ledger => ({ digests: new Map(), periods: new Map([[key, r]]) });

  it('drafts and reminds a period due soon or overdue that has no report, most pressing first', () => {
    const work = periodsToRemind(
      [period('NAM', day(20, 11), STATUS.dueSoon), period('Q3', due, STATUS.overdue)],
      emptyLedger(),
      TODAY,
      true,
    );
    expect(work.map((w) => [w.code, w.createDraft, w.mail])).toEqual([
      ['Q3', true, true],
      ['NAM', true, true],
    ]);
    expect(work[0]!.instance).toBe(key);
  });

  it('leaves alone periods not due yet, in error, or reported by hand', () => {
    const periods = [
      period('Q3', due, STATUS.notDue),
      period('Q3', due, STATUS.error),
      period('Q3', due, STATUS.reported, 'https://x'),
    ];
    expect(periodsToRemind(periods, emptyLedger(), TODAY, true)).toEqual([]);
  });

  it('never makes a second draft, and reminds at most once a day', () => {
    const p = [period('Q3', due, STATUS.dueSoon)];
    expect(
      periodsToRemind(p, withRecord({ draft: 'u', draftDay: TODAY, mailDay: TODAY, sent: ['window', 'draft'] }), TODAY, true),
    ).toEqual([]);
  });

  it('retries a failed draft the same day without a second reminder', () => {
    const work = periodsToRemind([period('Q3', due, STATUS.dueSoon)], withRecord({ mailDay: TODAY }), TODAY, true);
    expect(work.map((w) => [w.createDraft, w.mail])).toEqual([[true, false]]);
  });

  it('still announces a draft it made whose reminder did not go out, after the report exists', () => {
    const reported = [period('Q3', due, STATUS.reported, 'https://docs.google.com/document/d/1')];
    const work = periodsToRemind(
      reported,
      withRecord({ draft: 'https://docs.google.com/document/d/1', draftDay: TODAY - 1 }),
      TODAY,
      false,
    );
    expect(work.map((w) => [w.createDraft, w.mail])).toEqual([[false, true]]);
    expect(
      periodsToRemind(
        reported,
        withRecord({ draft: 'u', draftDay: TODAY - 1, mailDay: TODAY - 1, sent: ['window', 'draft'] }),
        TODAY,
        false,
      ),
    ).toEqual([]);
  });

  /** Status of SPEC §3 for a period on `today` (remind 10 days before). */
  function statusOn(dueDay: number, today: number, link: string, sentOn: number | null): PeriodStatus {
    if (sentOn !== null && sentOn <= today) return sentOn <= dueDay ? STATUS.sent : STATUS.sentLate;
    if (today > dueDay) return STATUS.overdue;
    if (link) return STATUS.reported;
    return dueDay - today <= 10 ? STATUS.dueSoon : STATUS.notDue;
  }

  /** Runs the check on `days`, making the draft when asked; returns the days a reminder went out. */
  function mailDays(opts: { tracksSending: boolean; sentOn?: number; days?: number[] }): number[] {
    let ledger = emptyLedger();
    let link = '';
    const out: number[] = [];
    const days = opts.days ?? Array.from({ length: 80 }, (_, i) => due - 30 + i);
    for (const today of days) {
      const sentOn = opts.sentOn !== undefined && opts.sentOn <= today ? opts.sentOn : null;
      const row = { ...period('Q3', due, statusOn(due, today, link, sentOn), link).row, sentOn };
      // A second run the same day changes nothing.
      for (let run = 0; run < 2; run++) {
        for (const w of periodsToRemind(
          [{ ...period('Q3', due, STATUS.notDue), row, status: statusOn(due, today, link, sentOn) }],
          ledger,
          today,
          opts.tracksSending,
        )) {
          let record = w.record;
          if (w.createDraft) {
            link = `https://docs/${today}`;
            record = { ...record, draft: link, draftDay: today };
          }
          if (w.mail) {
            record = markSent(record, w.occasions, today);
            out.push(today);
          }
          ledger = { ...ledger, periods: new Map([[w.instance, record]]) };
        }
      }
    }
    return out;
  }

  it('reminds on entering the window, one day before the due date and the first day overdue, while Ngày gửi is blank', () => {
    expect(mailDays({ tracksSending: true })).toEqual([due - 10, due - 1, due + 1]);
  });

  it('stops reminding once Ngày gửi is typed', () => {
    expect(mailDays({ tracksSending: true, sentOn: due - 3 })).toEqual([due - 10]);
    expect(mailDays({ tracksSending: true, sentOn: due })).toEqual([due - 10, due - 1]);
  });

  it('without the Ngày gửi column stops once the draft exists, as before', () => {
    expect(mailDays({ tracksSending: false })).toEqual([due - 10]);
  });

  it('sends a missed occasion on the next run, once, and one mail for occasions that fall on one day', () => {
    const days = Array.from({ length: 80 }, (_, i) => due - 30 + i).filter((d) => d !== due + 1 && d !== due + 2);
    expect(mailDays({ tracksSending: true, days })).toEqual([due - 10, due - 1, due + 3]);
    const late = Array.from({ length: 40 }, (_, i) => due - 1 + i);
    expect(mailDays({ tracksSending: true, days: late })).toEqual([due - 1, due + 1]);
    const longAfter = Array.from({ length: 10 }, (_, i) => due + OVERDUE_CATCH_UP_DAYS + 1 + i);
    expect(mailDays({ tracksSending: true, days: longAfter })).toEqual([due + OVERDUE_CATCH_UP_DAYS + 1]);
  });

  it('reads the record of the version before occasions: its mail and its announced draft count as sent', () => {
    const legacy = readLedger({ [periodKey('x')]: JSON.stringify({ draft: 'u', draftDay: 1, mailDay: 2, draftSent: true }) });
    expect(legacy.periods.get('x')).toEqual({ draft: 'u', draftDay: 1, mailDay: 2, sent: ['window', 'draft'] });
    expect(readLedger({ [digestKey('a@x.vn')]: '19500' }).digests.get('a@x.vn')).toEqual({ day: 19500, items: new Set() });
  });

  it('treats the same code with a new due date as a new period', () => {
    const work = periodsToRemind(
      [period('Q3', dayFromYmd(2024, 8, 25), STATUS.dueSoon)],
      withRecord({ draft: 'u', draftDay: TODAY, mailDay: TODAY }),
      TODAY,
      true,
    );
    expect(work.map((w) => [w.createDraft, w.mail])).toEqual([[true, true]]);
  });
});

describe('digests', () => {
  it('groups due-soon and overdue tasks by owner address, soonest deadline first', () => {
    const scan = collectDigests(
      [
        task(2, STATUS.dueSoon, { email: 'A@x.vn', owner: 'Nguyễn Văn A', due: day(25, 8) }),
        task(3, STATUS.overdue, { email: 'a@x.vn; b@y.vn', owner: 'A và B', due: day(1, 8) }),
        task(4, STATUS.done, { email: 'a@x.vn', due: day(1, 8) }),
        task(5, STATUS.inProgress, { email: 'c@x.vn', due: day(30, 9) }),
        task(6, STATUS.dueSoon, { email: '', due: day(22, 8) }),
        task(7, STATUS.overdue, { email: 'không có', due: day(2, 8) }),
        task(8, STATUS.dueSoon, { email: 'b@y.vn' }),
      ],
      2023,
    );
    expect(scan.digests.map((d) => [d.to, d.ownerName, d.tasks.map((t) => t.sheetRow)])).toEqual([
      ['a@x.vn', 'Nguyễn Văn A', [3, 2]],
      ['b@y.vn', '', [3, 8]],
    ]);
    expect(scan.digests[1]!.tasks[1]).toMatchObject({ due: day(31, 12), continuous: true, status: STATUS.dueSoon });
    expect(scan.unowned).toEqual([6, 7]);
    expect(scan.badAddresses).toEqual([
      { sheetRow: 7, text: 'không' },
      { sheetRow: 7, text: 'có' },
    ]);
  });

  it('holds every due task of every owner exactly once, and nothing else (property)', () => {
    const owners = ['a@x.vn', 'b@x.vn', 'c@x.vn'];
    const statuses: TaskStatus[] = [
      STATUS.error,
      STATUS.doneLate,
      STATUS.done,
      STATUS.overdue,
      STATUS.dueSoon,
      STATUS.inProgress,
      STATUS.notStarted,
    ];
    const arbTask = fc.record({
      status: fc.constantFrom(...statuses),
      emails: fc.subarray(owners),
      due: fc.integer({ min: day(1, 1), max: day(31, 12) }),
    });
    fc.assert(
      fc.property(fc.array(arbTask, { maxLength: 30 }), (specs) => {
        const tasks = specs.map((s, i) => task(i + 2, s.status, { email: s.emails.join(', '), due: s.due }));
        const { digests, unowned } = collectDigests(tasks, 2023);
        expect(new Set(digests.map((d) => d.to)).size).toBe(digests.length);
        for (const o of owners) {
          const expected = specs.flatMap((s, i) =>
            (s.status === STATUS.overdue || s.status === STATUS.dueSoon) && s.emails.includes(o) ? [i + 2] : [],
          );
          const got = digests.find((d) => d.to === o)?.tasks.map((t) => t.sheetRow) ?? [];
          expect([...got].sort((x, y) => x - y)).toEqual(expected);
          const dues = digests.find((d) => d.to === o)?.tasks.map((t) => t.due) ?? [];
          expect(dues).toEqual([...dues].sort((x, y) => x - y));
        }
        expect(unowned).toEqual(
          specs.flatMap((s, i) =>
            (s.status === STATUS.overdue || s.status === STATUS.dueSoon) && !s.emails.length ? [i + 2] : [],
          ),
        );
      }),
    );
  });

  /**
   * One owner's tasks over `days` runs (two a day), each task due soon from 7 days before its
   * deadline until `doneOn`; returns the days a digest went out.
   */
  function digestDays(specs: { due: number; doneOn?: number }[], days: number[]): number[] {
    let ledger = emptyLedger();
    const out: number[] = [];
    for (const today of days) {
      const tasks = specs.flatMap((s, i) => {
        if (s.doneOn !== undefined && s.doneOn <= today) return [];
        if (today > s.due) return [task(i + 2, STATUS.overdue, { email: 'a@x.vn', due: s.due })];
        return s.due - today <= 7 ? [task(i + 2, STATUS.dueSoon, { email: 'a@x.vn', due: s.due })] : [];
      });
      for (let run = 0; run < 2; run++) {
        for (const d of digestsToSend(collectDigests(tasks, 2023).digests, ledger, today)) {
          out.push(today);
          const store = readLedger({ [digestKey(d.to)]: encodeDigestRecord({ day: today, items: digestItems(d, today) }) });
          ledger = { ...ledger, digests: store.digests };
        }
      }
    }
    return out;
  }
  const year = Array.from({ length: 365 }, (_, i) => day(1, 1) + i);
  const isMonday = (d: number) => new Date(d * 86_400_000).getUTCDay() === 1;

  it('writes to an owner when a task enters the window, is 3 and 1 days from its deadline, becomes overdue, then on Mondays', () => {
    const due = day(16, 8); // a Wednesday
    const mondays = year.filter((d) => d > due + 1 && isMonday(d) && d < day(20, 9));
    expect(digestDays([{ due, doneOn: day(20, 9) }], year)).toEqual([due - 7, due - 3, due - 1, due + 1, ...mondays]);
    expect(mondayOf(due)).toBe(day(14, 8));
    expect(digestDays([{ due, doneOn: due - 2 }], year)).toEqual([due - 7, due - 3]);
  });

  it('writes on exactly the days something changed for the owner, and on Mondays while a task is overdue (property)', () => {
    const spec = fc.record({
      due: fc.integer({ min: day(15, 1), max: day(15, 12) }),
      late: fc.option(fc.integer({ min: -10, max: 40 })),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 6 }), (raw) => {
        const specs = raw.map((s) => (s.late === null ? { due: s.due } : { due: s.due, doneOn: s.due + s.late }));
        const open = (s: (typeof specs)[number], d: number) => s.doneOn === undefined || d < s.doneOn;
        const expected = year.filter((d) =>
          specs.some((s) => open(s, d) && ([7, 3, 1, -1].includes(s.due - d) || (isMonday(d) && d > s.due))),
        );
        expect(digestDays(specs, year)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('sends at most one digest per owner a day, longest-waiting owners first', () => {
    const { digests } = collectDigests(
      [
        task(2, STATUS.overdue, { email: 'today@x.vn', due: day(1, 8) }),
        task(3, STATUS.dueSoon, { email: 'never@x.vn', due: day(25, 8) }),
        task(4, STATUS.overdue, { email: 'lastweek@x.vn', due: day(2, 8) }),
        task(5, STATUS.overdue, { email: 'yesterday@x.vn', due: day(1, 7) }),
      ],
      2023,
    );
    const ledger: Ledger = {
      digests: new Map([
        ['today@x.vn', { day: TODAY, items: new Set<string>() }],
        ['lastweek@x.vn', { day: TODAY - 7, items: new Set<string>() }],
        ['yesterday@x.vn', { day: TODAY - 1, items: new Set<string>() }],
      ]),
      periods: new Map(),
    };
    expect(digestsToSend(digests, ledger, TODAY).map((d) => d.to)).toEqual(['never@x.vn', 'lastweek@x.vn', 'yesterday@x.vn']);
    expect(digestsToSend(digests, ledger, TODAY + 1).map((d) => d.to)).toEqual([
      'never@x.vn',
      'lastweek@x.vn',
      'yesterday@x.vn',
      'today@x.vn',
    ]);
  });
});

const ctx: MailContext = {
  today: TODAY,
  office: 'ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN',
  tracksSending: true,
  tasksUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=2',
  periodsUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=4',
};

describe('mail texts', () => {
  it('counts days left, today and overdue in Vietnamese', () => {
    expect(daysLeftPhrase(TODAY + 5, TODAY)).toBe('còn 5 ngày');
    expect(daysLeftPhrase(TODAY, TODAY)).toBe('hạn là hôm nay');
    expect(daysLeftPhrase(TODAY - 3, TODAY)).toBe('quá hạn 3 ngày');
  });

  it('writes a digest grouped by status with dd/mm/yyyy deadlines, the link and the office', () => {
    const { digests } = collectDigests(
      [
        task(2, STATUS.dueSoon, { email: 'a@x.vn', owner: 'Nguyễn Văn A', due: day(25, 8), code: 'NV1.11' }),
        task(3, STATUS.overdue, { email: 'a@x.vn', due: day(5, 8), code: 'NV1.09', name: 'Tổng kết\nquý' }),
        task(4, STATUS.dueSoon, { email: 'a@x.vn', due: day(20, 8), code: '' }),
      ],
      2023,
    );
    const mail = digestMail(digests[0]!, ctx);
    expect(mail.to).toEqual(['a@x.vn']);
    expect(mail.subject).toBe('Nhắc việc CCHC: 1 nhiệm vụ quá hạn, 2 nhiệm vụ sắp đến hạn');
    expect(mail.body).toContain('Kính gửi đồng chí Nguyễn Văn A,\n\nTính đến ngày 20/08/2023,');
    expect(mail.body).toContain('Quá hạn (1):\n- NV1.09: Tổng kết quý (hạn 05/08/2023, quá hạn 15 ngày)');
    expect(mail.body).toContain(
      'Sắp đến hạn (2):\n- Nhiệm vụ 4 (hạn 20/08/2023, hạn là hôm nay)\n- NV1.11: Nhiệm vụ 2 (hạn 25/08/2023, còn 5 ngày)',
    );
    const continuous = collectDigests([task(5, STATUS.dueSoon, { email: 'b@x.vn', code: 'NV2.01' })], 2023).digests[0]!;
    expect(digestMail(continuous, { ...ctx, today: day(24, 12) }).body).toContain(
      '- NV2.01: Nhiệm vụ 5 (hạn 31/12/2023 (thường xuyên), còn 7 ngày)',
    );
    expect(mail.body).toContain(ctx.tasksUrl);
    expect(mail.body).toContain('ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN');
    expect(mail.htmlBody).toContain(`<a href="${ctx.tasksUrl}">`);
  });

  it('escapes user text in the HTML body, never in the subject or the plain body', () => {
    const name = '<script>alert("x")</script> & \'CCHC\'';
    const { digests } = collectDigests(
      [task(2, STATUS.overdue, { email: 'a@x.vn', owner: '<b>A</b>', due: day(1, 8), name })],
      2023,
    );
    const mail = digestMail(digests[0]!, { ...ctx, office: 'UBND <xã>' });
    expect(mail.htmlBody).not.toMatch(/<script|<b>A|<xã>/);
    expect(mail.htmlBody).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;CCHC&#39;');
    expect(mail.body).toContain(name);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']|&(?!#\d+;)/);
        expect(out.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))).toBe(s);
      }),
    );
  });

  it('lists at most 50 tasks in a digest and counts the rest', () => {
    const tasks = Array.from({ length: 70 }, (_, i) =>
      task(i + 2, i < 30 ? STATUS.overdue : STATUS.dueSoon, { email: 'a@x.vn', due: day(1, 8) + i }),
    );
    const mail = digestMail(collectDigests(tasks, 2023).digests[0]!, ctx);
    expect(mail.body.match(/^- NV/gm)).toHaveLength(DIGEST_MAX_TASKS);
    expect(mail.body).toContain('- … và 20 nhiệm vụ khác (xem trong bảng tính)');
    expect(mail.subject).toBe('Nhắc việc CCHC: 30 nhiệm vụ quá hạn, 40 nhiệm vụ sắp đến hạn');
  });

  it('reminds a period with its due date, days left and the draft, or why there is none', () => {
    const p = { code: 'Q3', name: 'Quý III năm 2023', due: day(25, 8), occasions: ['window' as const] };
    const withDraft = periodReminder(p, { url: 'https://docs.google.com/document/d/1/edit' }, ['vp@x.vn'], ctx);
    expect(withDraft.subject).toBe('Nhắc việc CCHC: báo cáo quý III năm 2023, hạn gửi 25/08/2023 (còn 5 ngày)');
    expect(withDraft.body).toContain(
      'Bản nháp báo cáo đã được tạo từ số liệu trong bảng theo dõi; xin kiểm tra, bổ sung và trình ký: https://docs.google.com/document/d/1/edit',
    );
    expect(withDraft.to).toEqual(['vp@x.vn']);
    expect(withDraft.body).not.toContain('Lưu ý');
    const lacking = periodReminder(
      p,
      { url: 'https://docs.google.com/document/d/1/edit', missingConfig: ['Người ký'], dataErrors: 2 },
      ['vp@x.vn'],
      ctx,
    );
    expect(lacking.body).toContain(
      'Lưu ý: trang Cấu hình còn thiếu «Người ký»; có 2 dòng «Lỗi dữ liệu». Hãy bổ sung trong bảng tính rồi tạo lại báo cáo từ menu CCHC trước khi trình ký.',
    );
    expect(draftGaps({ missingConfig: [], dataErrors: 0 })).toBe('');
    const failed = periodReminder(p, { problem: 'Drive đầy' }, ['vp@x.vn'], { ...ctx, today: day(27, 8) });
    expect(failed.subject).toContain('quá hạn 2 ngày');
    expect(failed.body).toContain('Chưa tạo được bản nháp báo cáo tự động (Drive đầy).');
  });
});

describe('the Nhật ký line', () => {
  it('says what was done, what waits for the next run and what is wrong', () => {
    const o = {
      ...emptyOutcome(),
      overdueTasks: 2,
      dueSoonTasks: 3,
      drafts: ['Quý III năm 2023'],
      periodMails: ['Q3'],
      digests: ['a@x.vn'],
      overQuota: ['thư cho b@x.vn'],
      deferred: ['thư cho c@x.vn'],
      errors: ['thư cho d@x.vn: lỗi máy chủ'],
      unowned: [5, 9],
      badAddresses: [{ sheetRow: 7, text: 'abc' }],
    };
    expect(describeDailyRun(o).split('\n')).toEqual([
      'Đã cập nhật trạng thái: 2 nhiệm vụ Quá hạn, 3 nhiệm vụ Sắp đến hạn.',
      'Đã tạo bản nháp báo cáo: Quý III năm 2023.',
      'Đã gửi thư nhắc kỳ báo cáo: Q3.',
      'Đã gửi thư nhắc việc cho 1 người phụ trách: a@x.vn.',
      'Chưa gửi vì đã hết hạn mức gửi thư trong ngày, sẽ gửi ở lần chạy sau: thư cho b@x.vn.',
      'Dừng trước giới hạn thời gian chạy, phần còn lại sẽ làm ở lần chạy sau: thư cho c@x.vn.',
      'Lỗi (các phần khác vẫn được thực hiện): thư cho d@x.vn: lỗi máy chủ.',
      '2 nhiệm vụ sắp đến hạn hoặc quá hạn chưa có «Email» người phụ trách (dòng 5, 9).',
      '«Email» không hợp lệ: dòng 7 «abc».',
    ]);
    expect(describeDailyRun(emptyOutcome())).toBe(
      'Đã cập nhật trạng thái: 0 nhiệm vụ Quá hạn, 0 nhiệm vụ Sắp đến hạn.\nKhông có thư nào cần gửi.',
    );
  });

  it('keeps long lists short', () => {
    expect(listOf(['a', 'b', 'c'], 2)).toBe('a, b và 1 mục khác');
    expect(listOf(['a', 'b'], 2)).toBe('a, b');
  });
});
