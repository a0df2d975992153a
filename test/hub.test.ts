/**
 * The province hub (docs/SPEC.md §10) over commune workbooks in the emulator: reasons for the
 * communes it cannot read, the same statuses as the commune script, nothing written into a
 * commune, a second collection that changes nothing but timestamps, continuation by a one-off
 * trigger within the time budget, and the consolidated report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_OWNER, type CommuneSpec, communeId, HUB_USER, province, runContinuations, TODAY } from './support/hub-workloads';
import type { Emulator } from '../emulator/index';
import { type DocumentModel, ParagraphModel, TableModel } from '../emulator/services/document';
import type { SpreadsheetModel } from '../emulator/services/spreadsheet';
import { CONFIG_SHEET, TASKS } from '../src/contract/sheets';
import { TASK_STATUSES } from '../src/contract/status';
import { HUB_OVERVIEW_SHEET, SUMMARY_HEADERS, SUMMARY_SHEET, UNITS } from '../src/hub/contract';
import { MODE_LABEL, MODES } from '../src/hub/gas/hub-book';
import { STATE_KEY } from '../src/hub/gas/round';
import { CONTINUE_HANDLER } from '../src/hub/ops/collect';
import { COLLECTED, REASONS } from '../src/hub/units';
import { emulatorWith } from './helpers';

// H1 is due on 25/05/2023: the first commune sent on time, the last one late, the sixth not at all.
const FAULTS: CommuneSpec[] = [
  { rows: 60, proposal: 'Đề nghị bổ sung biên chế công chức văn phòng.', sent: { H1: '24/05/2023' } },
  { rows: 80, fault: 'noAccess' },
  { rows: 70, fault: 'deleted' },
  { rows: 90, fault: 'noHeader' },
  { rows: 75, fault: 'unreadable' },
  { rows: 65, fault: 'dataErrors' },
  { rows: 120, sent: { H1: '02/06/2023' } },
];

function setMode(emu: Emulator, mode: keyof typeof MODES): void {
  const sheet = emu.spreadsheet.getSheetByName(CONFIG_SHEET)!;
  const rows = sheet.getDataRange().getValues();
  const r = rows.findIndex((x) => x[0] === MODE_LABEL);
  sheet.setCell(r + 1, 2, 'values', MODES[mode]);
}

const column = (emu: Emulator, sheet: string, header: string) => {
  const values = emu.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues();
  const c = values[0]!.indexOf(header);
  return values.slice(1).map((r) => r[c]);
};

/** Every attribute of every cell of every sheet of a spreadsheet, for "nothing changed" checks. */
function cellsOf(ss: SpreadsheetModel): string {
  return JSON.stringify(
    ss.sheets.map((sheet) => {
      const rows: unknown[] = [];
      for (let r = 1; r <= Math.max(sheet.getLastRow(), 1); r++)
        for (let c = 1; c <= Math.max(sheet.getLastColumn(), 1); c++) {
          const x = sheet.cell(r, c);
          rows.push([x.value instanceof Date ? x.value.toISOString() : x.value, x.formula, x.format, x.background, x.note]);
        }
      return [sheet.name, sheet.maxRows, sheet.maxColumns, rows];
    }),
  );
}

describe.each(['parallel', 'sequential'] as const)('collectHub (%s reads)', (mode) => {
  let emu: Emulator;
  let before: string[];
  beforeAll(() => {
    emu = province(FAULTS);
    setMode(emu, mode);
    before = emu.files.all().map(cellsOf);
    emu.run('collectHub');
  });

  it('marks each commune it cannot read with its reason, and collects the others', () => {
    const statuses = column(emu, UNITS.name, UNITS.columns.status.header);
    expect(statuses[0]).toBe(COLLECTED);
    expect(statuses[1]).toBe(REASONS.noAccess);
    expect(statuses[2]).toBe(REASONS.missing);
    expect(statuses[3]).toMatch(/^Không đọc được bảng tính: .*«Hạn hoàn thành»/);
    expect(statuses[4]).toBe(REASONS.serviceFault);
    expect(statuses[5]).toBe(`${COLLECTED} (có 3 dòng Lỗi dữ liệu)`);
    expect(statuses[6]).toBe(COLLECTED);
    const errors = column(emu, SUMMARY_SHEET, SUMMARY_HEADERS.errors);
    expect(errors[5]).toBe(3);
    expect(emu.dialogs.at(-1)).toContain('Thu thập được 3 đơn vị; 4 đơn vị không đọc được');
  });

  it('writes nothing into any commune workbook (every cell compared)', () => {
    expect(emu.files.all().map(cellsOf)).toEqual(before);
  });

  it('counts the statuses that the commune script itself computes', () => {
    // The first commune as its own office sees it: the same rows, refreshed by the commune bundle.
    const commune = emu.files.get(communeId(0))!;
    const own = emulatorWith({});
    own.setToday(TODAY);
    for (const name of [TASKS.name]) {
      const sheet = own.spreadsheet.getSheetByName(name)!;
      sheet.load(commune.getSheetByName(name)!.getDataRange().getValues());
    }
    own.run('refreshStatuses');
    const ownStatuses = column(own, TASKS.name, TASKS.columns.status.header);
    const row = emu.spreadsheet.getSheetByName(SUMMARY_SHEET)!.getDataRange().getValues()[1]!;
    const header = emu.spreadsheet.getSheetByName(SUMMARY_SHEET)!.getDataRange().getValues()[0]!;
    TASK_STATUSES.forEach((s, i) => {
      expect(row[header.indexOf(SUMMARY_HEADERS.tasks[i]!)], s).toBe(ownStatuses.filter((x) => x === s).length);
    });
    expect(row[header.indexOf(SUMMARY_HEADERS.taskTotal)]).toBe(ownStatuses.filter(Boolean).length);
  });

  it('writes nothing new but the timestamps when it collects unchanged communes again', () => {
    const snapshot = () =>
      emu.spreadsheet.sheets
        .filter((s) => s.name !== 'Nhật ký')
        .map((s) => {
          const values = s.getDataRange().getValues();
          const skip = s.name === UNITS.name ? values[0]!.indexOf(UNITS.columns.updatedAt.header) : -1;
          return values.map((r) => r.map((v, i) => (i === skip ? '' : v instanceof Date ? v.getTime() : v)));
        });
    const first = snapshot();
    const stamps = column(emu, UNITS.name, UNITS.columns.updatedAt.header).map((d) => (d as Date).getTime());
    emu.advanceDays(0.01);
    emu.run('collectHub');
    expect(snapshot()).toEqual(first);
    const again = column(emu, UNITS.name, UNITS.columns.updatedAt.header).map((d) => (d as Date).getTime());
    expect(again.every((t, i) => t > stamps[i]!)).toBe(true);
  });
});

describe('collectHub over a province larger than one execution', () => {
  it('keeps its place in document properties and continues by one-off triggers until every commune is done', () => {
    const specs = Array.from({ length: 30 }, (_, i) => ({ rows: 50 + i }));
    const emu = province(specs);
    setMode(emu, 'sequential');
    // Opening a spreadsheet takes 20 s here: about 12 communes fit in the 4-minute budget.
    emu.methodCostMs['SpreadsheetApp.openById'] = 20_000;
    emu.run('collectHub');
    const state = JSON.parse(emu.properties.document.getProperty(STATE_KEY)!);
    expect(state.next).toBeGreaterThan(5);
    expect(state.next).toBeLessThan(30);
    expect(emu.triggers.all.filter((t) => t.spec.handler === CONTINUE_HANDLER)).toHaveLength(1);
    const collected = () => column(emu, UNITS.name, UNITS.columns.status.header).filter((s) => s === COLLECTED).length;
    expect(collected()).toBe(state.next);
    const runs = runContinuations(emu);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(collected()).toBe(30);
    expect(emu.properties.document.getProperty(STATE_KEY)).toBeNull();
    expect(emu.triggers.all).toEqual([]);
  });

  it('waits out the Sheets API quota (60 reads a minute) between parallel batches', () => {
    const emu = province(Array.from({ length: 130 }, () => ({ rows: 50 })));
    const run = emu.run('collectHub');
    expect(run.calls.method('UrlFetchApp.fetchAll')).toBe(3);
    expect(run.calls.waitMs).toBeGreaterThanOrEqual(2 * 60_000);
    expect(column(emu, UNITS.name, UNITS.columns.status.header).every((s) => s === COLLECTED)).toBe(true);
    expect(emu.remote.requests).toBe(130);
  });

  it('falls back to the sequential reader for a commune whose request failed on the server', () => {
    const emu = province([{ rows: 50 }, { rows: 60 }]);
    emu.remote.failNext.add(communeId(1));
    const run = emu.run('collectHub');
    expect(run.calls.method('SpreadsheetApp.openById')).toBe(1);
    expect(column(emu, UNITS.name, UNITS.columns.status.header)).toEqual([COLLECTED, COLLECTED]);
  });
});

describe('the emulator holds the hub to reading', () => {
  it('refuses a change to a spreadsheet shared for viewing only', () => {
    const emu = province([{ rows: 50 }]);
    const sheet = emu.files.get(communeId(0))!.getSheetByName(TASKS.name)!;
    expect(() => emu.files.guard(sheet.getRange(1, 1), 'setValue', HUB_USER)).toThrow(/permission to edit/);
    expect(() => emu.files.guard(sheet.getRange(1, 1), 'getValues', HUB_USER)).not.toThrow();
    expect(() => emu.files.guard(sheet.getRange(1, 1), 'setValue', COMMUNE_OWNER)).not.toThrow();
    emu.files.delete(communeId(0));
    expect(() => emu.files.guard(sheet, 'getDataRange', COMMUNE_OWNER)).toThrow(/openById/);
  });
});

describe('setupHub', () => {
  it('creates the hub sheets once: a second run changes nothing and adds no second chart', () => {
    const emu = province([]);
    const charts = emu.spreadsheet.getSheetByName(HUB_OVERVIEW_SHEET)!.getCharts().length;
    expect(charts).toBe(1);
    emu.run('setupHub');
    expect(emu.dialogs.at(-1)).toContain('không thay đổi gì');
    expect(emu.spreadsheet.getSheetByName(HUB_OVERVIEW_SHEET)!.getCharts()).toHaveLength(1);
    expect(emu.spreadsheet.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([UNITS.name, SUMMARY_SHEET, HUB_OVERVIEW_SHEET, CONFIG_SHEET, 'Nhật ký']),
    );
  });
});

function docText(doc: DocumentModel): string[] {
  const out: string[] = [];
  const walk = (children: readonly unknown[]) => {
    for (const el of children) {
      if (el instanceof ParagraphModel) out.push(el.getText());
      else if (el instanceof TableModel)
        for (const row of el.rows())
          out.push(
            row
              .cells()
              .map((c) => c.getText())
              .join(' | '),
          );
    }
  };
  walk(doc.body.children);
  return out;
}

describe('hubReport', () => {
  let text: string[];
  let emu: Emulator;
  let q3: DocumentModel;
  beforeAll(() => {
    emu = province(FAULTS);
    emu.run('collectHub');
    q3 = emu.documentApp.openByUrl(emu.run<string>('hubReport', ['Q3'], { as: 'editor' }).value);
    text = docText(q3);
  });

  it('has the province header of the §5 layout', () => {
    const header = q3.body.children[0] as TableModel;
    const cells = header.rows().map((r) => r.cells().map((c) => c.getText()));
    expect(cells[0]).toEqual(['UBND TỈNH LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(text.find((t) => t.startsWith('Thực hiện chế độ báo cáo'))).toContain(', Sở Nội vụ tổng hợp kết quả');
    expect(cells[1]![0]).toBe('SỞ NỘI VỤ');
    expect(cells[2]).toEqual(['', '']); // the rules, as in the commune report
    expect(cells[3]).toEqual(['Số:    /BC-SNV', 'Lạng Sơn, ngày 20 tháng 8 năm 2023']);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổng hợp kết quả thực hiện công tác cải cách hành chính quý III năm 2023 của các đơn vị cấp xã');
  });

  it('ranks the collected communes by share of tasks done, and lists the others as not collected', () => {
    const start = text.findIndex((t) => t.startsWith('Hạng | Đơn vị'));
    const ranking = [];
    for (let i = start + 1; /^\d+ \| /.test(text[i] ?? ''); i++) ranking.push(text[i]!.split(' | '));
    expect(ranking.map((r) => r[1])).toHaveLength(3);
    const shares = ranking.map((r) => Number(/\((.*)%\)/.exec(r[2]!)![1]!.replace(',', '.')));
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(ranking.map((r) => Number(r[0]))).toEqual([1, 2, 3]);
    // Section I names them, section IV gives each one's reason.
    expect(text.find((t) => t.startsWith('Đã tổng hợp số liệu của'))).toMatch(
      /chưa tổng hợp được: Xã Mẫu 2, .*\(lý do nêu tại mục IV\)\.$/,
    );
    expect(text).toContain(`1 | Xã Mẫu 2 | Chưa tổng hợp được số liệu (${REASONS.noAccess})`);
  });

  it('names the blank settings the report needs, Nơi nhận included, as the commune report does', () => {
    const config = emu.spreadsheet.getSheetByName(CONFIG_SHEET)!;
    const rows = config.getDataRange().getValues();
    const at = rows.findIndex((r) => r[0] === 'Nơi nhận') + 1;
    const kept = config.getRange(at, 2).getValue();
    config.getRange(at, 2).setValue('');
    emu.run('hubReportQ3');
    config.getRange(at, 2).setValue(kept);
    expect(emu.dialogs.at(-1)).toContain('«Nơi nhận»');
  });

  it('lists the communes whose report is missing or late and their proposals', () => {
    const all = text.join('\n');
    expect(all).toContain('IV. ĐƠN VỊ CHƯA GỬI HOẶC GỬI TRỄ BÁO CÁO QUÝ III NĂM 2023');
    expect(all).toContain('Chưa tổng hợp được số liệu');
    expect(all).toContain('- Xã Mẫu 1: Đề nghị bổ sung biên chế công chức văn phòng.');
  });

  it('reads Đã gửi and Gửi trễ hạn from the communes: a report sent late is listed, one sent on time is not', () => {
    const h1 = docText(emu.documentApp.openByUrl(emu.run<string>('hubReport', ['H1'], { as: 'editor' }).value));
    const rows = h1.filter((t) => /^\d+ \| Xã Mẫu/.test(t)).map((t) => t.split(' | '));
    // Section IV's table has three columns (STT, Đơn vị, Tình trạng báo cáo), the ranking six.
    const late = rows.filter((r) => r.length === 3).map((r) => r.slice(1));
    expect(late).toContainEqual(['Xã Mẫu 7', 'Gửi trễ hạn']);
    expect(late).toContainEqual(['Xã Mẫu 6', 'Quá hạn, chưa gửi báo cáo']);
    expect(late.map((r) => r[0])).not.toContain('Xã Mẫu 1');
    const ranking = rows.filter((r) => r.length === 6);
    expect(ranking.find((r) => r[1] === 'Xã Mẫu 1')!.at(-1)).toBe('Đã gửi');
  });

  it('lays out as the commune report: headings kept with what follows, table headers pinned, the ranking in an annex on a new page', () => {
    const doc = q3;
    const paragraphs = doc.body.children.filter((c): c is ParagraphModel => c instanceof ParagraphModel);
    const heading = (t: string) => paragraphs.find((p) => p.getText().startsWith(t))!;
    for (const h of ['I. ', 'II. ', 'III. ', 'IV. ', 'V. ', 'PHỤ LỤC']) expect(heading(h).keepWithNext, h).toBe(true);
    const tables = doc.body.children.filter((c): c is TableModel => c instanceof TableModel);
    const data = tables.filter((t) => ['STT', 'Hạng'].includes(t.getCell(0, 0).getText()));
    expect(data).toHaveLength(2);
    for (const t of data) expect(t.pinnedHeaderRows).toBe(1);
    const children = doc.body.children;
    const breakAt = children.findIndex((c) => c instanceof ParagraphModel && c.pageBreak);
    const signatureAt = children.findIndex((c) => c instanceof TableModel && c.getCell(0, 0).getText().startsWith('Nơi nhận'));
    const rankingAt = children.indexOf(data.find((t) => t.getCell(0, 0).getText() === 'Hạng')!);
    expect(signatureAt).toBeGreaterThan(0);
    expect(breakAt).toBeGreaterThan(signatureAt);
    expect(rankingAt).toBeGreaterThan(breakAt);
  });
});

describe('each product holds exactly the scopes it uses', () => {
  const manifest = (dir: string) => JSON.parse(readFileSync(new URL(`../${dir}/appsscript.json`, import.meta.url), 'utf8'));

  it('the hub: every scope of its manifest is used by a run of its entry points, none is missing', () => {
    const emu = province(FAULTS);
    emu.run('onOpen', [], { as: 'simple' });
    emu.run('collectHub');
    emu.run('hubReportQ3');
    emu.properties.document.deleteProperty(STATE_KEY);
    emu.methodCostMs['SpreadsheetApp.openById'] = 60_000;
    setMode(emu, 'sequential');
    emu.run('collectHub');
    runContinuations(emu);
    expect(emu.dialogs.filter((d) => /permission/i.test(d))).toEqual([]);
    expect([...emu.scopesUsed].sort()).toEqual([...manifest('dist-hub').oauthScopes].sort());
  });

  it('only the hub may open other spreadsheets; the commune script keeps spreadsheets.currentonly', () => {
    const SS = 'https://www.googleapis.com/auth/spreadsheets';
    expect(manifest('dist-hub').oauthScopes).toContain(SS);
    expect(manifest('dist').oauthScopes).not.toContain(SS);
    expect(manifest('dist').oauthScopes).toContain(`${SS}.currentonly`);
    const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
    // DocumentApp.openById (the plan import, the report template) is the commune's own business.
    expect(code).not.toMatch(/SpreadsheetApp\.openBy(Id|Url)|UrlFetchApp/);
  });
});

describe('service calls per commune', () => {
  /** Calls of a collection over n communes of `rows` rows. */
  const calls = (n: number, rows: number, mode: keyof typeof MODES) => {
    const emu = province(Array.from({ length: n }, () => ({ rows })));
    setMode(emu, mode);
    return emu.run('collectHub').calls.total();
  };

  it.each(['sequential', 'parallel'] as const)('do not grow with the rows of a commune (%s)', (mode) => {
    const perCommune = (rows: number) => calls(3, rows, mode) - calls(2, rows, mode);
    const small = perCommune(50);
    expect(small).toBeGreaterThan(0);
    expect(perCommune(600)).toBe(small);
    // The parallel path shares one fetchAll per batch: a commune costs its response's two getters and its time zone.
    expect(small).toBe(mode === 'parallel' ? 3 : 19);
  });
});

describe('the hub architecture', () => {
  it('keeps src/hub/*.ts free of Apps Script globals (adapters in src/hub/gas, operations in src/hub/ops)', () => {
    const dir = new URL('../src/hub/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(text, f).not.toMatch(
        /\b(SpreadsheetApp|DocumentApp|DriveApp|MailApp|ScriptApp|PropertiesService|LockService|Session|Utilities|UrlFetchApp)\./,
      );
    }
  });
});
