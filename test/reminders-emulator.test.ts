/**
 * The emulator's side of reminders behaves as Apps Script does: ScriptApp triggers (per user, 20 at
 * most, builder rules), MailApp (overloads, quota, limits, bad addresses), daily triggers fired on
 * simulated days, and the 6-minute limit with per-call clock costs.
 */
import { describe, expect, it } from 'vitest';
import { Emulator, MAX_EXECUTION_MS } from '../emulator/index';
import { dailyFiringOn, eachDay, fireDailyTriggers } from '../emulator/schedule';
import { scratchBundles } from './support/scratch-bundle';

const bundle = scratchBundles();

function emulatorFor(source: string, options: { manifest?: object; user?: string } = {}): Emulator {
  const emu = new Emulator({ bundleDir: bundle(source, options.manifest), user: options.user });
  emu.setToday('2023-08-20');
  return emu;
}

const TRIGGERS = `
  function daily(hour) { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(hour).create().getUniqueId(); }
  function list() { return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()]; }); }
  function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
  function build(kind) {
    var b = ScriptApp.newTrigger('tick').timeBased();
    if (kind === 'minutes3') b.everyMinutes(3);
    if (kind === 'hour24') b.everyDays(1).atHour(24);
    if (kind === 'none') b.atHour(7);
    if (kind === 'twice') b.everyDays(1).everyHours(1);
    if (kind === 'hourlyAtHour') b.everyHours(2).atHour(7);
    b.create();
  }
  function onEditOf() { return ScriptApp.newTrigger('myEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create().getUniqueId(); }
  function tick(e) { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), e.hour, e.timezone, e.triggerUid]; }
`;

describe('ScriptApp', () => {
  it("creates daily clock triggers and lists only the current user's", () => {
    const emu = emulatorFor(TRIGGERS);
    emu.run('daily', [7]);
    emu.run('onEditOf');
    emu.triggers.add({
      handler: 'tick',
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      owner: 'colleague@x.vn',
      createdAt: emu.now,
      schedule: { everyDays: 1, atHour: 8, timeZone: 'Asia/Ho_Chi_Minh' },
    });
    expect(emu.run('list').value).toEqual([
      ['tick', 'CLOCK', 'CLOCK', null],
      ['myEdit', 'ON_EDIT', 'SPREADSHEETS', 'spreadsheet-1'],
    ]);
    expect(emu.triggers.all[0]!.spec.schedule).toEqual({ everyDays: 1, atHour: 7, timeZone: 'Asia/Ho_Chi_Minh' });
    emu.run('removeAll');
    expect(emu.triggers.all.map((t) => t.spec.owner)).toEqual(['colleague@x.vn']);
  });

  it("refuses a 21st trigger of one user, with Apps Script's message", () => {
    const emu = emulatorFor(TRIGGERS);
    for (let i = 0; i < 20; i++) emu.run('daily', [i]);
    expect(() => emu.run('daily', [7])).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(() => emulatorFor(TRIGGERS, { user: 'other@x.vn' }).run('daily', [7])).not.toThrow();
  });

  it('applies the builder rules', () => {
    const emu = emulatorFor(TRIGGERS);
    expect(() => emu.run('build', ['minutes3'])).toThrow(/everyMinutes must be 1, 5, 10, 15 or 30/);
    expect(() => emu.run('build', ['hour24'])).toThrow('Invalid argument: hour');
    expect(() => emu.run('build', ['none'])).toThrow(/has no schedule/);
    expect(() => emu.run('build', ['twice'])).toThrow(/choose only one/);
    expect(() => emu.run('build', ['hourlyAtHour'])).toThrow(/atHour can only be combined/);
    expect(emu.triggers.all).toHaveLength(0);
  });

  it('needs the script.scriptapp scope and is refused to simple triggers', () => {
    const emu = emulatorFor(TRIGGERS, {
      manifest: { timeZone: 'Asia/Ho_Chi_Minh', oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] },
    });
    expect(() => emu.run('list')).toThrow(
      /Specified permissions are not sufficient to call ScriptApp.getProjectTriggers.*script\.scriptapp/,
    );
    expect(() => emulatorFor(TRIGGERS).run('list', [], { as: 'simple' })).toThrow(
      /You do not have permission to call ScriptApp.getProjectTriggers/,
    );
  });
});

describe('simulated days', () => {
  it('fires a daily trigger once a day within its hour, as its owner, with no active user', () => {
    const emu = emulatorFor(TRIGGERS);
    emu.run('daily', [7]);
    const uid = emu.triggers.all[0]!.uniqueId;
    const runs = [...eachDay('2023-08-20', '2023-08-23')].flatMap((d) => fireDailyTriggers(emu, d));
    // Created at 09:00 on the 20th: the first firing is the next morning.
    expect(runs.map((r) => new Date(r.at).toLocaleString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 13))).toEqual([
      '2023-08-21 07',
      '2023-08-22 07',
      '2023-08-23 07',
    ]);
    expect(runs[0]!.execution!.value).toEqual(['', emu.user, 0, 'UTC', uid]);
  });

  it("fires everyDays(n) every n days, in the trigger's time zone", () => {
    const emu = emulatorFor(TRIGGERS);
    emu.triggers.add({
      handler: 'tick',
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      owner: emu.user,
      createdAt: emu.now,
      schedule: { everyDays: 3, atHour: 7, nearMinute: 30, timeZone: 'UTC' },
    });
    const t = emu.triggers.all[0]!;
    const fired = [...eachDay('2023-08-20', '2023-08-29')].filter((d) => dailyFiringOn(t, d) !== null);
    expect(fired).toEqual(['2023-08-20', '2023-08-23', '2023-08-26', '2023-08-29']);
    expect(new Date(dailyFiringOn(t, '2023-08-23')!).toISOString()).toBe('2023-08-23T07:30:00.000Z');
  });

  it('records a failing run instead of throwing, as Apps Script only mails the owner', () => {
    const emu = emulatorFor(TRIGGERS);
    emu.triggers.add({
      handler: 'gone',
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      owner: emu.user,
      createdAt: emu.now,
      schedule: { everyDays: 1, atHour: 10, timeZone: 'Asia/Ho_Chi_Minh' },
    });
    const [run] = fireDailyTriggers(emu, '2023-08-20');
    expect(run!.error).toMatch(/no global function gone/);
  });
});

const MAIL = `
  function send(a, b, c, d) { MailApp.sendEmail(a, b, c, d); return MailApp.getRemainingDailyQuota(); }
  function sendMessage(m) { MailApp.sendEmail(m); return MailApp.getRemainingDailyQuota(); }
  function quota() { return MailApp.getRemainingDailyQuota(); }
  function many(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('a@x.vn', 's', 'b'); }
`;

describe('MailApp', () => {
  it('sends in every overload into the outbox, counting recipients against the quota', () => {
    const emu = emulatorFor(MAIL);
    expect(emu.run('send', ['a@x.vn', 'Chủ đề', 'Nội dung']).value).toBe(99);
    expect(
      emu.run('send', ['a@x.vn, Tên <b@y.vn>', 'Chủ đề', 'Nội dung', { cc: 'c@z.vn', name: 'CCHC', htmlBody: '<p>x</p>' }]).value,
    ).toBe(96);
    expect(emu.run('send', ['a@x.vn', 'reply@x.vn', 'Chủ đề', 'Nội dung']).value).toBe(95);
    expect(
      emu.run('sendMessage', [{ to: 'a@x.vn', bcc: 'd@x.vn', subject: 'S', body: 'B', htmlBody: '<b>B</b>', name: 'N' }]).value,
    ).toBe(93);
    expect(emu.mail.outbox.map((m) => [m.to, m.cc, m.bcc, m.replyTo, m.name])).toEqual([
      [['a@x.vn'], [], [], undefined, undefined],
      [['a@x.vn', 'b@y.vn'], ['c@z.vn'], [], undefined, 'CCHC'],
      [['a@x.vn'], [], [], 'reply@x.vn', undefined],
      [['a@x.vn'], [], ['d@x.vn'], undefined, 'N'],
    ]);
    expect(emu.mail.outbox[3]).toMatchObject({ subject: 'S', body: 'B', htmlBody: '<b>B</b>', from: emu.user });
  });

  it('rejects bad addresses, no recipient and too many recipients, sending nothing', () => {
    const emu = emulatorFor(MAIL);
    expect(() => emu.run('send', ['a@x.vn, khong-phai-email', 's', 'b'])).toThrow('Invalid email: khong-phai-email');
    expect(() => emu.run('sendMessage', [{ to: '', subject: 's', body: 'b' }])).toThrow('Failed to send email: no recipient');
    const to = Array.from({ length: 51 }, (_, i) => `n${i}@x.vn`).join(',');
    expect(() => emu.run('send', [to, 's', 'b'])).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(() => emu.run('send', ['a@x.vn', 's', 'x'.repeat(201 * 1024)])).toThrow('Limit Exceeded: Email Body Size.');
    expect(emu.mail.outbox).toHaveLength(0);
  });

  it('stops at the daily quota, which frees up 24 hours after each send', () => {
    const emu = emulatorFor(MAIL);
    emu.run('many', [100]);
    expect(emu.run('quota').value).toBe(0);
    expect(() => emu.run('many', [1])).toThrow('Service invoked too many times for one day: email.');
    emu.now += 86_400_000;
    expect(emu.run('quota').value).toBe(100);
    emu.mail.dailyLimit = 0;
    expect(emu.run('quota').value).toBe(0);
  });

  it('needs the script.send_mail scope and is refused to simple triggers', () => {
    const emu = emulatorFor(MAIL, {
      manifest: { timeZone: 'Asia/Ho_Chi_Minh', oauthScopes: ['https://www.googleapis.com/auth/script.scriptapp'] },
    });
    expect(() => emu.run('quota')).toThrow(/Required permissions: https:\/\/www.googleapis.com\/auth\/script.send_mail/);
    expect(() => emulatorFor(MAIL).run('quota', [], { as: 'simple' })).toThrow(
      /You do not have permission to call MailApp.getRemainingDailyQuota/,
    );
  });
});

describe('the execution limit', () => {
  const SLOW = `
    function slow(n) { var done = 0; for (var i = 0; i < n; i++) { try { MailApp.getRemainingDailyQuota(); done++; } catch (e) {} } return done; }
  `;

  it('moves the clock by the configured cost of each call', () => {
    const emu = emulatorFor(SLOW);
    emu.callCostMs.mail = 1_000;
    const t0 = emu.now;
    expect(emu.run('slow', [5]).value).toBe(5);
    expect(emu.now - t0).toBe(5_000);
  });

  it('kills a run past 6 minutes: every later call fails, and so does the run even if the script catches', () => {
    const emu = emulatorFor(SLOW);
    emu.callCostMs.mail = 60_000;
    expect(() => emu.run('slow', [10])).toThrow('Exceeded maximum execution time');
    expect(MAX_EXECUTION_MS).toBe(360_000);
    expect(emu.run('slow', [6]).value).toBe(6);
    // The seventh call ends past the limit: nothing catches that.
    expect(() => emu.run('slow', [7])).toThrow('Exceeded maximum execution time');
  });
});
