/** generateReport and the report menus through the built bundle in the emulator (SPEC §5). */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxBuffer } from '../emulator/docx';
import { generatedWorkbook, putSheet, type Row } from './support/fixtures';
import { type Emulator, ScriptError } from '../emulator/index';
import { type DocumentModel, ParagraphModel, type TableCellModel, TableModel } from '../emulator/services/document';
import { AREA_LABELS } from '../src/contract/lists';
import { HEADER_BACKGROUND, HISTORY_LAYOUT } from '../src/contract/layout';
import { ANNEX_ROWS_MAX, HEADINGS, OTHER_AREA_TITLE, RESULT_AREA_TITLES } from '../src/core/report/model';
import { emulatorWith, snapshotValues } from './helpers';
import { MISSED_INDICATORS, OVERDUE_TASKS, reportWorkbook, TASKS } from './report-fixture';

const MM = 72 / 25.4;
const HISTORY_HEADERS = HISTORY_LAYOUT.columns.map((c) => c.header);

function generate(emu: Emulator, code = 'Q3') {
  const run = emu.run<string>('generateReport', [code], { as: 'editor' });
  return { run, url: run.value, doc: emu.documentApp.openByUrl(run.value) };
}

const paragraphs = (doc: DocumentModel) => doc.body.children.filter((c): c is ParagraphModel => c instanceof ParagraphModel);
const tables = (doc: DocumentModel) => doc.body.children.filter((c): c is TableModel => c instanceof TableModel);
const text = (p: ParagraphModel) => p.styledRuns()[0]!.attrs;
const find = (doc: DocumentModel, t: string) => paragraphs(doc).find((p) => p.getText() === t)!;
const cellParagraphs = (c: TableCellModel) => c.children as ParagraphModel[];
const allParagraphs = (doc: DocumentModel) => doc.body.paragraphs();

/** The body elements after the heading `from`, up to the heading `to` (exclusive) or the end. */
function between(doc: DocumentModel, from: string, to: string | null) {
  const at = (t: string) => doc.body.children.findIndex((c) => c instanceof ParagraphModel && c.getText() === t);
  return doc.body.children.slice(at(from) + 1, to === null ? undefined : at(to));
}

function sheetRows(emu: Emulator, name: string): unknown[][] {
  return emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
}

function periodRow(emu: Emulator, code: string): Record<string, unknown> {
  const [header, ...rows] = sheetRows(emu, 'Kỳ báo cáo');
  const row = rows.find((r) => r[0] === code)!;
  return Object.fromEntries(header!.map((h, i) => [String(h), row[i]]));
}

describe('generateReport (Q3 of the fixture)', () => {
  const emu = emulatorWith(reportWorkbook());
  const { run, url, doc } = generate(emu);
  const body = doc.body;

  it('creates the document named after the period and the issuing body, and returns its URL', () => {
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
    expect(doc.getName()).toBe('Báo cáo CCHC Quý III năm 2023 - ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN');
    expect(emu.documentApp.documents).toHaveLength(1);
  });

  it('sets A4 and the margins 20/20/30/15 mm', () => {
    expect(body.getPageWidth()).toBeCloseTo(210 * MM, 1);
    expect(body.getPageHeight()).toBeCloseTo(297 * MM, 1);
    expect(
      [body.getMarginTop(), body.getMarginBottom(), body.getMarginLeft(), body.getMarginRight()].map((x) =>
        Math.round((x as number) / MM),
      ),
    ).toEqual([20, 20, 30, 15]);
  });

  it('writes every character in Times New Roman, body paragraphs 14 pt, justified, indented, 6 pt after', () => {
    for (const p of allParagraphs(doc))
      for (const r of p.styledRuns()) expect(r.attrs.FONT_FAMILY, p.getText()).toBe('Times New Roman');
    const all = paragraphs(doc);
    const from = all.findIndex((p) => p.getText() === HEADINGS.direction);
    const to = all.findIndex((p) => p.getText() === HEADINGS.annex);
    const bodyParagraphs = all.slice(from, to).filter((p) => p.getText());
    expect(bodyParagraphs.length).toBeGreaterThan(20);
    for (const p of bodyParagraphs) {
      expect(text(p).FONT_SIZE, p.getText()).toBe(14);
      const s = p.style();
      expect(s.HORIZONTAL_ALIGNMENT, p.getText()).toBe('JUSTIFY');
      expect(s.INDENT_FIRST_LINE as number).toBeGreaterThanOrEqual(10 * MM - 0.01);
      expect(s.INDENT_FIRST_LINE as number).toBeLessThanOrEqual(12.7 * MM + 0.01);
      expect(s.SPACING_AFTER as number).toBeGreaterThanOrEqual(6);
    }
  });

  it('opens with the borderless two-column header table', () => {
    const header = body.getChild(0) as TableModel;
    expect(header).toBeInstanceOf(TableModel);
    expect(header.getBorderWidth()).toBe(0);
    expect(header.rows().map((r) => r.cells().map((c) => c.getText()))).toEqual([
      ['UBND HUYỆN VĂN QUAN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN', 'Độc lập - Tự do - Hạnh phúc'],
      ['', ''],
      ['Số:    /BC-UBND', 'Tú Xuyên, ngày 20 tháng 8 năm 2023'],
    ]);
    // The rules: one black pixel stretched into a centred line 1 px high, a third of the agency
    // column on the left, as long as the motto (about 190 pt) on the right.
    const agencyRule = cellParagraphs(header.getCell(2, 0))[0]!;
    const mottoRule = cellParagraphs(header.getCell(2, 1))[0]!;
    for (const p of [agencyRule, mottoRule]) {
      expect(p.images).toHaveLength(1);
      expect(p.images[0]!.height).toBe(1);
      expect(p.style().HORIZONTAL_ALIGNMENT).toBe('CENTER');
    }
    const px = (pt: number) => (pt * 96) / 72;
    const [wLeft] = header.widths(body.textWidth());
    expect(agencyRule.images[0]!.width).toBeGreaterThan(px(wLeft! / 3) - 2);
    expect(agencyRule.images[0]!.width).toBeLessThan(px(wLeft! / 2));
    expect(mottoRule.images[0]!.width).toBe(Math.round(px(190)));
    const cell = (r: number, c: number) => cellParagraphs(header.getCell(r, c))[0]!;
    expect(text(cell(0, 0))).toMatchObject({ BOLD: false });
    expect(text(cell(1, 0))).toMatchObject({ BOLD: true });
    expect(text(cell(0, 1))).toMatchObject({ FONT_SIZE: 13, BOLD: true });
    expect(text(cell(1, 1))).toMatchObject({ FONT_SIZE: 14, BOLD: true });
    expect(text(cell(3, 1))).toMatchObject({ FONT_SIZE: 14, ITALIC: true, BOLD: false });
    for (const r of [0, 1, 2, 3]) for (const c of [0, 1]) expect(cell(r, c).style().HORIZONTAL_ALIGNMENT).toBe('CENTER');
    const widths = header.widths(body.textWidth());
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(body.textWidth(), 6);
  });

  it('centres the bold title and summary line', () => {
    const [title, summary] = [find(doc, 'BÁO CÁO'), find(doc, 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2023')];
    expect(body.children.indexOf(title)).toBe(1);
    expect(body.children.indexOf(summary)).toBe(2);
    for (const p of [title, summary]) {
      expect(text(p)).toMatchObject({ FONT_SIZE: 14, BOLD: true });
      expect(p.style().HORIZONTAL_ALIGNMENT).toBe('CENTER');
    }
  });

  it('has the five sections, the areas in order, then the annex on a new page with one table per area', () => {
    const lines = paragraphs(doc).map((p) => p.getText());
    const order = [
      HEADINGS.direction,
      HEADINGS.results,
      ...RESULT_AREA_TITLES,
      OTHER_AREA_TITLE,
      HEADINGS.assessment,
      HEADINGS.strengths,
      HEADINGS.shortcomings,
      HEADINGS.causes,
      HEADINGS.next,
      HEADINGS.proposals,
      HEADINGS.annex,
      HEADINGS.annexTasks,
      HEADINGS.annexIndicators,
    ];
    const at = order.map((t) => lines.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The fixture's Q3 ends on 15/08: statuses are as of that day.
    expect(lines).toContain('Số liệu tính từ ngày 15/05/2023 đến ngày 15/08/2023.');
    const annex = find(doc, HEADINGS.annex);
    expect((annex.getPreviousSibling() as ParagraphModel).pageBreak).toBe(true);
    // Headings stay with what follows; annex tables repeat their header row on every page.
    for (const t of order) expect(find(doc, t).keepWithNext, t).toBe(true);
    const data = tables(doc).filter((t) => t.getCell(0, 0).getText() === 'STT');
    expect(data.length).toBeGreaterThanOrEqual(8);
    for (const t of data) {
      expect(t.pinnedHeaderRows).toBe(1);
      expect((t.getPreviousSibling() as ParagraphModel).keepWithNext).toBe(true);
      for (const c of t.getRow(0).cells()) expect(text(cellParagraphs(c)[0]!).BOLD).toBe(true);
      expect(t.getBorderWidth()).toBeGreaterThan(0);
    }
    // Dates (dd/mm/yyyy, 12 pt Times: digits 0.5 em, slashes 0.28 em) fit on one line inside the padding.
    const dateWidth = 12 * (8 * 0.5 + 2 * 0.278);
    for (const t of data.filter((t) => t.getCell(0, 3).getText() === 'Hạn')) {
      const widths = t.widths(body.textWidth());
      for (const col of [3, 4]) {
        const c = t.getCell(1, col);
        const inner = widths[col]! - (c.effective('PADDING_LEFT') as number) - (c.effective('PADDING_RIGHT') as number);
        expect(inner, t.getCell(0, col).getText()).toBeGreaterThan(dateWidth * 1.05);
      }
    }
    const named = data.flatMap((t) => t.rows().map((r) => r.getCell(1).getText()));
    expect(named).toEqual(expect.arrayContaining(TASKS.map((t) => String(t['Nhiệm vụ']).replace(/^n/, 'N'))));
  });

  it('writes dates dd/mm/yyyy throughout', () => {
    const all = allParagraphs(doc)
      .map((p) => p.getText())
      .join('\n');
    const dates = all.match(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g)!;
    expect(dates.length).toBeGreaterThan(10);
    for (const d of dates) expect(d).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(all).toContain('30/06/2023');
  });

  it('names every overdue task and missed indicator in III.2, with a placeholder for causes not given', () => {
    const shortcomings = between(doc, HEADINGS.shortcomings, HEADINGS.causes).map((c) => c.getText());
    for (const name of [...OVERDUE_TASKS, ...MISSED_INDICATORS])
      expect(
        shortcomings.some((l) => l.includes(name.slice(0, 20))),
        name,
      ).toBe(true);
    const causes = between(doc, HEADINGS.causes, HEADINGS.next).map((c) => c.getText());
    expect(causes.join('\n')).toContain('[cần bổ sung: nguyên nhân của');
  });

  it('lists the open dated tasks of section IV earliest deadline first', () => {
    const iv = between(doc, HEADINGS.next, HEADINGS.proposals)
      .map((c) => c.getText())
      .filter((t) => t.startsWith('- '));
    const days = iv
      .map((t) => /hạn (\d{2})\/(\d{2})\/(\d{4})/.exec(t))
      .filter(Boolean)
      .map((m) => `${m![3]}${m![2]}${m![1]}`);
    expect(days.length).toBeGreaterThan(0);
    expect([...days].sort()).toEqual(days);
  });

  it('ends with Nơi nhận (12 pt bold italic, lines 11 pt, “- Lưu: VT.” last) and the signature in the right half', () => {
    const closing = tables(doc).find((t) => t.getCell(0, 0).getText().startsWith('Nơi nhận:'))!;
    expect(closing.getBorderWidth()).toBe(0);
    const [left, right] = closing.getRow(0).cells();
    const recipients = cellParagraphs(left!);
    expect(recipients.map((p) => p.getText())).toEqual(['Nơi nhận:', '- Phòng Nội vụ;', '- CT, PCT UBND xã;', '- Lưu: VT.']);
    expect(text(recipients[0]!)).toMatchObject({ FONT_SIZE: 12, BOLD: true, ITALIC: true });
    for (const p of recipients.slice(1)) expect(text(p)).toMatchObject({ FONT_SIZE: 11, BOLD: false, ITALIC: false });
    const signature = cellParagraphs(right!);
    expect(signature.map((p) => p.getText())).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Hoàng Thị Hoàn']);
    for (const p of signature) expect([p.style().HORIZONTAL_ALIGNMENT, text(p).BOLD]).toEqual(['CENTER', true]);
    const [wLeft, wRight] = closing.widths(body.textWidth());
    expect(wLeft).toBeCloseTo(body.textWidth() / 2, 6);
    expect(wRight).toBeCloseTo(body.textWidth() / 2, 6);
  });

  it('leaves no stray default-styled paragraph: the ones Docs adds after tables are styled too', () => {
    for (const p of paragraphs(doc)) expect(text(p).FONT_FAMILY).toBe('Times New Roman');
    expect(body.children.at(-1)).toBeInstanceOf(ParagraphModel);
  });

  it('saves the document in the spreadsheet’s folder', () => {
    const file = emu.driveApp.getFileById(doc.getId());
    expect(file.getParents().next().getName()).toBe('CCHC');
    expect(emu.driveApp.getFileById(emu.spreadsheet.getId()).getParents().next()).toBe(file.getParents().next());
  });

  it('writes the link, the date and the status into the period row', () => {
    const row = periodRow(emu, 'Q3');
    expect(row['Liên kết báo cáo']).toBe(url);
    expect(row['Ngày tạo báo cáo']).toEqual(emu.date('2023-08-20'));
    expect(row['Trạng thái']).toBe('Đã tạo báo cáo');
    const sheet = emu.spreadsheet.getSheetByName('Kỳ báo cáo')!;
    const col = (h: string) => sheetRows(emu, 'Kỳ báo cáo')[0]!.indexOf(h) + 1;
    const status = sheet.cell(4, col('Trạng thái'));
    expect([status.value, status.background]).toEqual(['Đã tạo báo cáo', '#d9ead3']);
    expect(sheet.getRange(4, col('Ngày tạo báo cáo')).getDisplayValue()).toBe('20/08/2023');
    expect(periodRow(emu, 'H1')['Liên kết báo cáo']).toBe('');
  });

  it('logs one Nhật ký row with the link and the data errors to fix', () => {
    const log = sheetRows(emu, 'Nhật ký');
    expect(log).toHaveLength(2);
    expect(log[1]!.slice(1, 3)).toEqual(['vanphong@tuxuyen.example', 'Tạo báo cáo Q3']);
    expect(String(log[1]![3]).split('\n').slice(0, 3).join('\n')).toBe(
      [
        'Đã tạo báo cáo «Báo cáo CCHC Quý III năm 2023 - ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN».',
        `Liên kết: ${url}`,
        'Đã ghi liên kết và ngày tạo vào trang «Kỳ báo cáo».',
      ].join('\n'),
    );
    expect(log[1]![3]).toMatch(/Bản nháp có \d+ chỗ «\[cần bổ sung: …\]» \(tô vàng\)/);
    expect(log[1]![3]).toContain('Văn bản chưa có số trang: mở văn bản, chọn Chèn › Số trang');
    expect(log[1]![3]).toContain('Có 1 dòng «Lỗi dữ liệu» trong báo cáo');
  });

  it('appends the indicators to Lịch sử', () => {
    const history = sheetRows(emu, 'Lịch sử');
    expect(history[0]).toEqual(HISTORY_HEADERS);
    // Laid out as the sheets setup makes: header bold, coloured, frozen; the contract's widths.
    const sheet = emu.spreadsheet.getSheetByName('Lịch sử')!;
    expect(sheet.frozenRows).toBe(1);
    expect(HISTORY_HEADERS.map((_, c) => [sheet.cell(1, c + 1).bold, sheet.cell(1, c + 1).background])).toEqual(
      HISTORY_HEADERS.map(() => [true, HEADER_BACKGROUND]),
    );
    expect(HISTORY_HEADERS.map((_, c) => sheet.getColumnWidth(c + 1))).toEqual(HISTORY_LAYOUT.columns.map((c) => c.width));
    expect(history.slice(1).map((r) => r.slice(1))).toEqual([
      ['Q3', 'Quý III năm 2023', 'CT1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', 30, 'Chưa đạt'],
      ['Q3', 'Quý III năm 2023', 'CT2', 'Hồ sơ giải quyết đúng hạn', '%', 99.5, 'Đạt'],
      ['Q3', 'Quý III năm 2023', 'CT3', 'Chỉ số PAR INDEX tăng', 'bậc', '', 'Chưa có số liệu'],
      ['Q3', 'Quý III năm 2023', 'CT4', 'Văn bản QPPL ban hành đúng trình tự', '%', 90, 'Chưa đạt'],
      ['Q3', 'Quý III năm 2023', 'CT5', 'Vi phạm được xử lý', '%', '', 'Không phát sinh'],
    ]);
    expect(history[1]![0]).toEqual(emu.date('2023-08-20'));
  });

  it('needs only the documents and drive scopes beyond the spreadsheet’s, and no UI', () => {
    expect([...emu.scopesUsed].sort()).toEqual([
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(run.calls.count('ui')).toBe(0);
    expect(emu.manifest.oauthScopes).toEqual(expect.arrayContaining([...emu.scopesUsed]));
  });

  it('saves the same document as .docx: A4, margins, fonts, header, tables, signature', async () => {
    const buffer = await docxBuffer(doc);
    const xml = unzip(buffer)['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134"[^>]* w:right="850" w:bottom="1134" w:left="1701"/);
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(100);
    for (const r of runs.filter((r) => !r.includes('<w:drawing>') && !r.includes('w:type="page"')))
      expect(r).toContain('w:ascii="Times New Roman"');
    expect(runs.filter((r) => r.includes('<w:drawing>'))).toHaveLength(2); // the header rules
    expect(xml).toContain('<w:keepNext/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toMatch(/<w:titlePg\/>/);
    const header = Object.entries(unzip(buffer)).find(([k, v]) => /word\/header\d+\.xml/.test(k) && v.includes('PAGE'));
    expect(header).toBeDefined();
    const run = (t: string) => runs.find((r) => r.includes(`>${t}</w:t>`))!;
    expect(run('BÁO CÁO')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    expect(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/<w:b\/>.*<w:sz w:val="26"\/>/);
    expect(run('Tú Xuyên, ngày 20 tháng 8 năm 2023')).toMatch(/<w:i\/>/);
    expect(run('Nơi nhận:')).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/);
    expect(run('- Lưu: VT.')).toMatch(/<w:sz w:val="22"\/>/);
    expect(xml.match(/<w:tbl>/g)!.length).toBe(tables(doc).length);
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain('>Hoàng Thị Hoàn</w:t>');
    for (const name of [...OVERDUE_TASKS, ...MISSED_INDICATORS]) expect(xml).toContain(name);
  });

  it('keeps every lead line (ending with a colon) with its list, in the Doc and as <w:keepNext/> in the .docx', async () => {
    const leads = paragraphs(doc).filter((p) => p.getText().endsWith(':'));
    expect(leads.map((p) => p.getText())).toContain('Kết quả thực hiện các chỉ tiêu:');
    for (const p of leads) expect(p.keepWithNext, p.getText()).toBe(true);
    const xml = unzip(await docxBuffer(doc))['word/document.xml']!;
    // Paragraphs of the body itself: "Nơi nhận:" sits in the signature table and is not kept.
    const outsideTables = xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, '');
    const docxLeads = [...outsideTables.matchAll(/<w:p>(.*?)<\/w:p>/gs)]
      .map((m) => m[1]!)
      .filter((p) =>
        [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
          .map((t) => t[1])
          .join('')
          .endsWith(':'),
      );
    expect(docxLeads).toHaveLength(leads.length);
    for (const p of docxLeads) expect(p).toMatch(/^<w:pPr><w:keepNext\/><w:keepLines\/>/);
  });
});

describe('generateReport on bad input', () => {
  it('refuses an unknown period code with the known codes, writing nothing but the Nhật ký row', () => {
    const emu = emulatorWith(reportWorkbook());
    const before = snapshotValues(emu);
    expect(() => emu.run('generateReport', ['Q4'], { as: 'editor' })).toThrow(
      'Không có kỳ báo cáo mã «Q4» trong trang «Kỳ báo cáo». Các mã kỳ hiện có: Q1, H1, Q3, NAM.',
    );
    expect(snapshotValues(emu)).toEqual(before);
    expect(emu.documentApp.documents).toHaveLength(0);
    expect(sheetRows(emu, 'Nhật ký')[1]![3]).toMatch(/^Không thực hiện được: Không có kỳ báo cáo mã «Q4»/);
  });

  it('names missing Cấu hình values and still makes the report with … in their place', () => {
    const emu = emulatorWith(
      reportWorkbook([
        ['Địa danh', 'Tú Xuyên'],
        ['Người ký', '  '],
      ]),
    );
    const { doc } = generate(emu);
    expect(sheetRows(emu, 'Nhật ký')[1]![3]).toContain(
      'Trang «Cấu hình» còn thiếu: «Cơ quan ban hành», «Ký hiệu cơ quan», «Thẩm quyền ký», «Chức vụ người ký», «Người ký», «Nơi nhận». Báo cáo ghi dấu «…» ở những chỗ đó',
    );
    expect(doc.getName()).toBe('Báo cáo CCHC Quý III năm 2023 - …');
    const all = allParagraphs(doc).map((p) => p.getText());
    expect(all).toEqual(expect.arrayContaining(['…', 'Số:    /BC-…', 'Nơi nhận:', '- …;', '- Lưu: VT.']));
    expect(all.join('\n')).not.toMatch(/undefined|NaN|null/);
    // No superior body: the issuing body moves up beside the national title.
    expect((doc.body.getChild(0) as TableModel).getCell(0, 0).getText()).toBe('…');
  });

  it('puts the report in the configured folder, and refuses a folder it cannot open before writing anything', () => {
    const emu = emulatorWith(reportWorkbook());
    const folder = emu.driveApp.addFolder('Báo cáo CCHC 2023');
    putConfig(emu, 'Thư mục báo cáo', folder.getUrl());
    const { doc } = generate(emu);
    expect(emu.driveApp.getFileById(doc.getId()).getParents().next()).toBe(folder);

    const hidden = emulatorWith(reportWorkbook());
    const secret = hidden.driveApp.addFolder('Của người khác', hidden.driveApp.root, 'none');
    putConfig(hidden, 'Thư mục báo cáo', secret.getId());
    const before = snapshotValues(hidden);
    expect(() => hidden.run('generateReport', ['Q3'], { as: 'editor' })).toThrow(
      /^Không mở được thư mục báo cáo «folder-\d+» \(ô «Thư mục báo cáo», trang Cấu hình\)/,
    );
    expect(hidden.documentApp.documents).toHaveLength(0);
    expect(snapshotValues(hidden)).toEqual(before);
  });

  it('bins the new document and writes nothing when the folder is view-only', () => {
    const emu = emulatorWith(reportWorkbook());
    const viewOnly = emu.driveApp.addFolder('Chỉ xem', emu.driveApp.root, 'view');
    putConfig(emu, 'Thư mục báo cáo', viewOnly.getUrl());
    expect(() => emu.run('generateReport', ['Q3'], { as: 'editor' })).toThrow(/^Không lưu được báo cáo vào thư mục «Chỉ xem»/);
    expect(emu.driveApp.getFileById(emu.documentApp.documents[0]!.getId()).isTrashed()).toBe(true);
    expect(periodRow(emu, 'Q3')['Liên kết báo cáo']).toBe('');
  });

  it('refuses a Lịch sử sheet without its headers before making a document', () => {
    const emu = emulatorWith(reportWorkbook());
    putSheet(emu, 'Lịch sử', ['Mã kỳ', 'Kết quả']);
    expect(() => emu.run('generateReport', ['Q3'], { as: 'editor' })).toThrow(
      /Trang tính «Lịch sử» thiếu cột «Ngày tạo báo cáo»/,
    );
    expect(emu.documentApp.documents).toHaveLength(0);
  });
});

function putConfig(emu: Emulator, label: string, value: string): void {
  const sheet = emu.spreadsheet.getSheetByName('Cấu hình')!;
  sheet.load([[label, value]], sheet.getLastRow() + 1);
}

describe('a second report and the change since the last period', () => {
  it('states the change per indicator against the previous period’s report', () => {
    const emu = emulatorWith(reportWorkbook(), '2023-05-20');
    generate(emu, 'H1');
    emu.setToday('2023-08-20');
    const indicators = emu.spreadsheet.getSheetByName('Chỉ tiêu')!;
    indicators.setCell(2, 7, 'values', 45); // CT1 Tử số 30 → 45 of 100
    const { doc } = generate(emu, 'Q3');
    const lines = paragraphs(doc).map((p) => p.getText());
    expect(lines).toContain(
      '- Tỷ lệ hồ sơ trực tuyến toàn trình: kết quả 45% (chỉ tiêu: từ 50% trở lên), chưa đạt; tăng 15 điểm % so với 6 tháng đầu năm 2023.',
    );
    expect(lines).toContain(
      '- Hồ sơ giải quyết đúng hạn: kết quả 99,5% (chỉ tiêu: trên 99%), đạt; không đổi so với 6 tháng đầu năm 2023.',
    );
    expect(sheetRows(emu, 'Lịch sử')).toHaveLength(11);
  });

  it('fills a blank Lịch sử sheet a user made, and grows a full one', () => {
    const blank = emulatorWith(reportWorkbook());
    blank.spreadsheet.insertSheet('Lịch sử');
    generate(blank);
    expect(sheetRows(blank, 'Lịch sử')[0]).toEqual(HISTORY_HEADERS);
    expect(sheetRows(blank, 'Lịch sử')).toHaveLength(6);

    const full = emulatorWith(reportWorkbook());
    const old = Array.from({ length: 998 }, (_, i) => ({ 'Mã kỳ': 'Cũ', 'Mã chỉ tiêu': `X${i}`, 'Kết quả': i }));
    const sheet = putSheet(full, 'Lịch sử', HISTORY_HEADERS, old);
    expect(sheet.getMaxRows()).toBe(1000);
    generate(full);
    expect(sheet.getLastRow()).toBe(1004);
    expect(sheet.getRange(1004, 4).getValue()).toBe('CT5');
  });

  it('from the script editor replaces the link without deleting the old document', () => {
    const emu = emulatorWith(reportWorkbook());
    const first = generate(emu);
    const second = generate(emu);
    expect(second.url).not.toBe(first.url);
    expect(periodRow(emu, 'Q3')['Liên kết báo cáo']).toBe(second.url);
    expect(emu.driveApp.getFileById(first.doc.getId()).isTrashed()).toBe(false);
    expect(sheetRows(emu, 'Nhật ký')[2]![3]).toContain(
      `Liên kết cũ đã được thay; văn bản cũ vẫn còn nguyên trong Drive: ${first.url}`,
    );
  });
});

describe('report menu items', () => {
  it('reportQ1, reportH1, reportQ3, reportYear make their period’s report and show the link', () => {
    const emu = emulatorWith(reportWorkbook());
    for (const [fn, code, name] of [
      ['reportQ1', 'Q1', 'Quý I năm 2023'],
      ['reportH1', 'H1', '6 tháng đầu năm 2023'],
      ['reportQ3', 'Q3', 'Quý III năm 2023'],
      ['reportYear', 'NAM', 'năm 2023'],
    ]) {
      emu.run(fn!);
      const url = periodRow(emu, code!)['Liên kết báo cáo'] as string;
      expect(emu.documentApp.openByUrl(url).getName()).toBe(`Báo cáo CCHC ${name} - ỦY BAN NHÂN DÂN XÃ TÚ XUYÊN`);
      expect(emu.ui.dialogs.at(-1)).toMatchObject({ title: `Tạo báo cáo ${code}` });
      expect(emu.dialogs.at(-1)).toContain(`Liên kết: ${url}`);
    }
  });

  it('reportNextDue makes the report of the period due next', () => {
    const emu = emulatorWith(reportWorkbook(), '2023-08-26');
    emu.run('reportNextDue');
    expect(periodRow(emu, 'NAM')['Liên kết báo cáo']).toMatch(/^https:/);
    expect(periodRow(emu, 'Q3')['Liên kết báo cáo']).toBe('');
  });

  it('asks before replacing a link; No keeps the old one, Yes replaces it and keeps the old document', () => {
    const emu = emulatorWith(reportWorkbook());
    emu.run('reportQ3');
    const old = periodRow(emu, 'Q3')['Liên kết báo cáo'] as string;
    emu.ui.answers.push('NO');
    emu.run('reportQ3');
    const question = emu.ui.dialogs.at(-2)!;
    expect(question).toMatchObject({ title: 'Tạo báo cáo', buttons: 'YES_NO' });
    expect(question.message).toContain(`Kỳ Q3 đã có báo cáo:\n${old}`);
    expect(emu.dialogs.at(-1)).toBe('Đã hủy: giữ nguyên báo cáo hiện có của kỳ Q3.');
    expect(emu.documentApp.documents).toHaveLength(1);
    expect(periodRow(emu, 'Q3')['Liên kết báo cáo']).toBe(old);

    emu.ui.answers.push('YES');
    emu.run('reportQ3');
    const replaced = periodRow(emu, 'Q3')['Liên kết báo cáo'];
    expect(replaced).not.toBe(old);
    expect(emu.documentApp.documents).toHaveLength(2);
    expect(emu.driveApp.getFileById(emu.documentApp.openByUrl(old).getId()).isTrashed()).toBe(false);
    expect(sheetRows(emu, 'Nhật ký').map((r) => r[2])).toEqual([
      'Thao tác',
      'Tạo báo cáo Q3',
      'Tạo báo cáo Q3',
      'Tạo báo cáo Q3',
    ]);
  });

  it('shows the error in a dialog when the workbook has no period sheet', () => {
    const emu = emulatorWith(reportWorkbook());
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName('Kỳ báo cáo')!);
    emu.run('reportNextDue');
    expect(emu.dialogs.at(-1)).toBe('Không tìm thấy trang tính «Kỳ báo cáo». Hãy chạy CCHC › Thiết lập bảng tính.');
  });

  it('cannot run from a simple trigger, which may not use DocumentApp', () => {
    const emu = emulatorWith(reportWorkbook());
    expect(() => emu.run('generateReport', ['Q3'], { as: 'simple' })).toThrow(ScriptError);
  });
});

describe('service calls', () => {
  /** The fixture plus `extra` finished tasks: more table rows, nothing more to list in sections II and III. */
  function withDoneTasks(extra: number) {
    const done: Row[] = Array.from({ length: extra }, (_, i) => ({
      'Lĩnh vực': AREA_LABELS[i % 7],
      'Nhiệm vụ': `Việc đã xong ${i + 1}`,
      'Hạn hoàn thành': '30/06/2023',
      'Ngày hoàn thành': '20/06/2023',
    }));
    const emu = emulatorWith({ ...reportWorkbook(), tasks: [...TASKS, ...done] });
    return generate(emu).run.calls;
  }

  it('appends each table in one call, so Document calls do not grow with table rows', () => {
    const small = withDoneTasks(7);
    const large = withDoneTasks(700);
    expect(large.count('document')).toBe(small.count('document'));
    expect(large.count('spreadsheet')).toBe(small.count('spreadsheet'));
    // One table per area of each annex, and the header and closing blocks.
    expect(large.method('Body.appendTable')).toBe(small.method('Body.appendTable'));
  });

  it('makes as many Spreadsheet and Document calls for 4,000 rows as for 2,000 (the text lists are capped), however many tasks are overdue', () => {
    const report = (rows: number) => generate(emulatorWith(generatedWorkbook(rows)), 'Q3');
    const [small, large] = [report(2000), report(4000)];
    // Both annexes are cut at their cap, with a closing row counting the rest.
    const annexRows = (doc: DocumentModel) =>
      tables(doc)
        .filter((t) => t.getCell(0, 0).getText() === 'STT')
        .reduce((n, t) => n + t.getNumRows() - 1, 0);
    expect(annexRows(large.doc)).toBeLessThanOrEqual(2 * ANNEX_ROWS_MAX + 2);
    expect(allParagraphs(large.doc).some((p) => /^… và \d+ nhiệm vụ khác \(xem bảng tính\)$/.test(p.getText()))).toBe(true);
    expect(annexRows(large.doc)).toBe(annexRows(small.doc));
    expect(large.run.calls.count('spreadsheet')).toBe(small.run.calls.count('spreadsheet'));
    expect(large.run.calls.count('document')).toBe(small.run.calls.count('document'));
  });
});

/** The entries of a .docx (zip) archive as text. */
function unzip(buffer: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buffer.readUInt32LE(end + 16);
  for (let n = buffer.readUInt16LE(end + 10); n > 0; n--) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + skip;
  }
  return out;
}
