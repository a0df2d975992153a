/**
 * Injection (docs/SPEC.md §1, docs/maintainers.md › Quality rules): text that comes from users stays text wherever the script writes it. In
 * cells (`Nhật ký`, `Lịch sử`, computed columns) a value starting with = + - @ is never turned
 * into a formula, and text Sheets would read as a number or date is not turned into one; in mails
 * user text is HTML-escaped and only the script's own links are links; in report documents user
 * text is plain text and nothing is a link.
 */
import { describe, expect, it } from 'vitest';
import { type Emulator, ScriptError } from '../emulator/index';
import { productEmulator, loadWorkbook, type WorkbookData } from './support/fixtures';
import { LOG, PERIODS, TASKS } from '../src/contract/sheets';
import { asCellText, asLiteralText } from '../src/core/text';
import { HOSTILE_TEXT } from './fuzz/arbitraries';
import { emulatorWith } from './helpers';

const OWNER = 'motcua@tuxuyen.example';
const REMINDERS = 'vanphong@tuxuyen.example';
/** Hostile texts that name tasks, indicators and units (the rest of HOSTILE_TEXT is used as is). */
const NAMES = HOSTILE_TEXT.filter((t) => t.trim() !== '-' && !t.startsWith("'"));

function hostileWorkbook(): WorkbookData {
  return {
    config: [
      ['Cơ quan chủ quản', '=HYPERLINK("https://evil.example";"UBND HUYỆN")'],
      ['Cơ quan ban hành', '<b>ỦY BAN NHÂN DÂN XÃ</b> & <script>alert(1)</script>'],
      ['Ký hiệu cơ quan', '@UBND'],
      ['Địa danh', '+Tú Xuyên'],
      ['Người ký', '-Hoàng Thị Hoàn'],
      ['Nơi nhận', '- Phòng Nội vụ;\n=1+1\n<i>Lưu</i>'],
      ['Email nhắc việc', REMINDERS],
    ],
    tasks: NAMES.map((name, i) => ({
      Mã: `=NV${i}`,
      'Lĩnh vực': '3. Cải cách thủ tục hành chính',
      'Nhiệm vụ': name,
      'Đơn vị chủ trì': HOSTILE_TEXT[(i + 3) % HOSTILE_TEXT.length],
      Email: OWNER,
      'Hạn hoàn thành': i % 2 ? '18/08/2023' : '25/08/2023',
    })),
    indicators: NAMES.map((name, i) => ({
      Mã: `+CT${i}`,
      'Lĩnh vực': '3. Cải cách thủ tục hành chính',
      'Chỉ tiêu': name,
      'So sánh': '≥',
      'Mục tiêu': 50,
      'Đơn vị tính': i % 2 ? '@hồ sơ' : '-người',
      'Thực hiện': 40 + i,
    })),
    periods: [{ 'Mã kỳ': 'Q3', 'Tên kỳ': '=Quý III\nnăm 2023', 'Hạn gửi': '25/08/2023' }],
  };
}

/** Every non-blank cell of a sheet with its formula. */
function cellsOf(emu: Emulator, name: string) {
  const sheet = emu.spreadsheet.getSheetByName(name)!;
  const out: { value: unknown; formula: string }[] = [];
  for (let r = 1; r <= sheet.getLastRow(); r++) {
    for (let c = 1; c <= sheet.getLastColumn(); c++) out.push(sheet.cell(r, c));
  }
  return out.filter((x) => x.value !== '' || x.formula !== '');
}

describe('text written into cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84 912', "'+84 912"],
    ['- Phòng Nội vụ', "'- Phòng Nội vụ"],
    ['@x', "'@x"],
    ["'x", "''x"],
    ['50%', "'50%"],
    ['007', "'007"],
    ['1/2/2023', "'1/2/2023"],
    ['TRUE', "'TRUE"],
    ['#N/A', "'#N/A"],
    ['Quá hạn', 'Quá hạn'],
    ['Chưa có số liệu', 'Chưa có số liệu'],
    ['', ''],
  ])('asLiteralText(%j) is %j', (text, written) => {
    expect(asLiteralText(text)).toBe(written);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-', "'-"],
    ['@a', "'@a"],
    ['Đạt', 'Đạt'],
    ['1/2/2023', '1/2/2023'],
  ])('asCellText(%j) is %j', (text, written) => expect(asCellText(text)).toBe(written));

  it('keeps computed cells of blank rows exactly as they were: text as text, formulas as formulas', () => {
    const kept = ['=1+1', '+1', '- cũ', '@x', '50%', '007', '1/2/2023', 'TRUE', '#N/A', 'ghi chú'];
    const emu = emulatorWith({
      tasks: [{ 'Nhiệm vụ': 'Dòng có dữ liệu', 'Hạn hoàn thành': '01/08/2023' }, ...kept.map(() => ({}))],
    });
    const sheet = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const col = Object.keys(TASKS.columns).indexOf('status') + 1;
    kept.forEach((v, i) => sheet.setCell(i + 3, col, 'values', v));
    sheet.setCell(kept.length + 3, col, 'formulas', '=1+1');
    emu.run('refreshStatuses');
    expect(sheet.cell(2, col).value).toBe('Quá hạn');
    expect(kept.map((_, i) => sheet.cell(i + 3, col))).toEqual(
      kept.map((v) => expect.objectContaining({ value: v, formula: '' })),
    );
    expect(sheet.cell(kept.length + 3, col)).toMatchObject({ formula: '=1+1', value: 2 });
  });

  it('writes who ran an operation and what it said in `Nhật ký` as text', () => {
    const emu = productEmulator({ user: '=cmd@evil.example' });
    emu.setToday('2023-08-20');
    loadWorkbook(emu, hostileWorkbook());
    emu.run('refreshStatuses');
    expect(() => emu.run('generateReport', ['=HYPERLINK("https://evil.example")'], { as: 'editor' })).toThrow(ScriptError);
    const log = emu.spreadsheet.getSheetByName(LOG.name)!.getDataRange().getValues();
    expect(log.slice(1).map((r) => r[1])).toEqual(['=cmd@evil.example', '=cmd@evil.example']);
    expect(String(log[2]![3])).toContain('«=HYPERLINK("https://evil.example")»');
    expect(cellsOf(emu, LOG.name).filter((c) => c.formula)).toEqual([]);
  });

  it("records a report's indicators in `Lịch sử` as text", () => {
    const emu = emulatorWith(hostileWorkbook());
    emu.run('generateReport', ['Q3'], { as: 'editor' });
    const history = cellsOf(emu, 'Lịch sử');
    expect(history.filter((c) => c.formula)).toEqual([]);
    const values = history.map((c) => c.value);
    for (const name of NAMES) expect(values).toContain(name);
    expect(values).toEqual(expect.arrayContaining(['+CT0', '-người', '@hồ sơ', expect.stringMatching(/^=Quý III\s+năm 2023$/)]));
  });

  it("writes the report's link and date into the period row, and no formula", () => {
    const emu = emulatorWith(hostileWorkbook());
    const url = emu.run<string>('generateReport', ['Q3'], { as: 'editor' }).value;
    expect(cellsOf(emu, PERIODS.name).filter((c) => c.formula)).toEqual([]);
    expect(cellsOf(emu, PERIODS.name).map((c) => c.value)).toContain(url);
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
  });
});

describe('report documents', () => {
  it('hold user text as plain text and link nothing', () => {
    const emu = emulatorWith(hostileWorkbook());
    emu.run('generateReport', ['Q3'], { as: 'editor' });
    const doc = emu.documentApp.documents.at(-1)!;
    const text = doc.body.getText();
    for (const name of NAMES) expect(text).toContain(name);
    for (const v of [
      '<b>ỦY BAN NHÂN DÂN XÃ</b> & <script>alert(1)</script>',
      '=HYPERLINK("https://evil.example";"UBND HUYỆN")',
      '=1+1',
      '<i>Lưu</i>',
    ]) {
      expect(text).toContain(v);
    }
    const links = doc.body
      .paragraphs()
      .flatMap((p) => p.styledRuns())
      .filter((r) => r.attrs.LINK_URL);
    expect(links).toEqual([]);
  });
});

/** The text an HTML body shows: tags dropped, entities decoded. */
function shownText(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/g, (m, e: string) =>
      e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : (named[e] ?? m),
    );
}

describe('reminder mails', () => {
  const emu = emulatorWith(hostileWorkbook());
  emu.run('dailyCheck', [], { as: 'time' });
  const mails = emu.mail.outbox;

  it('go out: a digest to the owner and the period reminder', () => {
    expect(mails.flatMap((m) => m.to).sort()).toEqual([OWNER, REMINDERS]);
  });

  it('escape user text in HTML and keep it as it is in plain text', () => {
    const digest = mails.find((m) => m.to.includes(OWNER))!;
    for (const name of NAMES) {
      expect(digest.body).toContain(name);
      if (/[<>&"]/.test(name)) expect(digest.htmlBody).not.toContain(name);
    }
    // What the reader sees once the HTML is rendered is the text as the user typed it.
    const shown = shownText(digest.htmlBody!);
    for (const name of NAMES) expect(shown).toContain(name);
    for (const m of mails) {
      expect(m.htmlBody).not.toMatch(/<script|<b>đậm|<i>Lưu|href="(?!https:\/\/docs\.google\.com\/)/);
      // Subject and sender name are plain text; a line break there would start a new mail header.
      expect(`${m.subject}${m.name ?? ''}`).not.toMatch(/[\r\n]/);
    }
  });

  it('link only the spreadsheet and the report documents', () => {
    const hrefs = mails.flatMap((m) => [...(m.htmlBody ?? '').matchAll(/href="([^"]*)"/g)].map((x) => x[1]!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs)
      expect(h).toMatch(/^https:\/\/docs\.google\.com\/(spreadsheets|document)\/d\/[\w-]+\/edit(#gid=\d+)?$/);
  });
});
