/** The `Tổng quan` sheet: live formulas over the status columns, its chart, and the .xlsx export. */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userEdit } from '../emulator/edits';
import type { Emulator } from '../emulator/index';
import { saveXlsx } from '../emulator/xlsx';
import { AREA_LABELS } from '../src/contract/lists';
import { OTHER_AREA, overviewLayout, TOTAL } from '../src/core/overview';
import { INDICATORS, OVERVIEW_SHEET, TASKS } from '../src/contract/sheets';
import { INDICATOR_STATUSES, TASK_STATUSES } from '../src/contract/status';
import { productEmulator } from './support/fixtures';

function setUpTemplate(): Emulator {
  const emu = productEmulator();
  emu.setToday('2023-08-20');
  emu.run('setupWorkbook');
  emu.run('loadSamplePlan');
  return emu;
}

const letter = (n: number) => String.fromCharCode(64 + n);

/** Counts by area label and status, straight from a data sheet (what the overview must show). */
function expected(emu: Emulator, sheetName: string): Map<string, Map<string, number>> {
  const values = emu.spreadsheet.getSheetByName(sheetName)!.getDataRange().getValues();
  const [area, status] = ['Lĩnh vực', 'Trạng thái'].map((h) => values[0]!.indexOf(h));
  const out = new Map<string, Map<string, number>>();
  for (const r of values.slice(1)) {
    const label = (AREA_LABELS as readonly unknown[]).includes(r[area!]) ? String(r[area!]) : OTHER_AREA;
    for (const key of [label, TOTAL]) {
      const m = out.get(key) ?? new Map<string, number>();
      m.set(String(r[status!]), (m.get(String(r[status!])) ?? 0) + 1);
      out.set(key, m);
    }
  }
  return out;
}

/** The overview's table whose header row starts with `Lĩnh vực` at `headerRow`, as label → status → number. */
function shown(emu: Emulator, headerRow: number, statuses: readonly string[]): Map<string, Map<string, unknown>> {
  const values = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getDataRange().getValues();
  const header = values[headerRow - 1]!;
  expect(header.slice(1, statuses.length + 1)).toEqual([...statuses]);
  const out = new Map<string, Map<string, unknown>>();
  for (const r of values.slice(headerRow, headerRow + AREA_LABELS.length + 2)) {
    out.set(String(r[0]), new Map(statuses.map((s, j) => [s, r[j + 1]])));
  }
  return out;
}

function expectSameFigures(emu: Emulator): void {
  const layout = overviewLayout();
  for (const [sheetName, headerRow, statuses] of [
    [TASKS.name, layout.headerRows[0]!, TASK_STATUSES],
    [INDICATORS.name, layout.headerRows[1]!, INDICATOR_STATUSES],
  ] as const) {
    const want = expected(emu, sheetName);
    const have = shown(emu, headerRow, statuses);
    expect([...have.keys()]).toEqual([...AREA_LABELS, OTHER_AREA, TOTAL]);
    for (const [label, row] of have) {
      for (const s of statuses) expect(row.get(s), `${sheetName} ${label} ${s}`).toBe(want.get(label)?.get(s) ?? 0);
    }
  }
}

describe('Tổng quan', () => {
  it("counts the template's tasks and indicators per area and status, once statuses are computed", () => {
    const emu = setUpTemplate();
    emu.run('refreshStatuses');
    expectSameFigures(emu);
    const values = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getDataRange().getValues();
    const taskTotal = values.find((r) => r[0] === TOTAL)!;
    expect(taskTotal.at(TASK_STATUSES.length + 1)).toBe(34);
  });

  it('stays live: edits change its figures while no operation writes to it', () => {
    const emu = setUpTemplate();
    emu.run('refreshStatuses');
    const overview = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!;
    const formulas = overview.getDataRange().getFormulas();
    const tasks = emu.spreadsheet.getSheetByName(TASKS.name)!;
    const header = tasks.getDataRange().getValues()[0]!;
    const col = (h: string) => letter(header.indexOf(h) + 1);
    userEdit(emu, TASKS.name, `${col('Ngày hoàn thành')}2:${col('Ngày hoàn thành')}4`, '01/08/2023');
    userEdit(emu, TASKS.name, `${col('Lĩnh vực')}5`, '', { trigger: true });
    const indicators = emu.spreadsheet.getSheetByName(INDICATORS.name)!;
    const iHeader = indicators.getDataRange().getValues()[0]!;
    const iCol = (h: string) => letter(iHeader.indexOf(h) + 1);
    userEdit(emu, INDICATORS.name, `${iCol('Thực hiện')}3:${iCol('Thực hiện')}5`, [[100], [80], [100]]);
    emu.run('refreshStatuses');
    expect(overview.getDataRange().getFormulas()).toEqual(formulas);
    expectSameFigures(emu);
    const layout = overviewLayout();
    const values = overview.getDataRange().getValues();
    const area2 = values[layout.headerRows[1]! + 1]!; // 2. Cải cách thể chế: 2 met, 1 missed
    expect(area2.slice(0, 3)).toEqual([AREA_LABELS[1], 2, 1]);
    expect(area2[layout.percent.column - 1]).toBeCloseTo(2 / 3, 10);
    expect(
      values
        .find((r) => r[0] === OTHER_AREA)!
        .slice(1, 8)
        .reduce((a: number, b) => a + Number(b), 0),
    ).toBe(1);
  });

  it('finds the status columns by header text, wherever the user moves them', () => {
    const emu = setUpTemplate();
    emu.run('refreshStatuses');
    const before = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getDataRange().getValues();
    // The user inserts two columns of their own at the left of each data sheet.
    for (const name of [TASKS.name, INDICATORS.name]) emu.spreadsheet.getSheetByName(name)!.insertColumnsAfter(0, 2);
    expect(emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getDataRange().getValues()).toEqual(before);
    // The computed columns' protections moved with them, as in Sheets.
    expect(emu.spreadsheet.getSheetByName(TASKS.name)!.protections.map((p) => p.range.getA1Notation())).toEqual(['P1:P1000']);
  });

  it('has one stacked bar chart of indicators met / not met / without data per area', () => {
    const emu = setUpTemplate();
    emu.run('setupWorkbook');
    const [chart, ...more] = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.charts;
    expect(more).toHaveLength(0);
    expect(chart!.type).toBe('BAR');
    expect(chart!.options.get('isStacked')).toBe(true);
    const layout = overviewLayout();
    const h = layout.headerRows[1]!;
    expect(chart!.ranges.map((r) => r.getA1Notation())).toEqual([`A${h}:A${h + 7}`, `B${h}:D${h + 7}`]);
    const header = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getRange(`B${h}:D${h}`).getValues()[0];
    expect(header).toEqual(['Đạt', 'Chưa đạt', 'Chưa có số liệu']);
    expect(chart!.position.row).toBeGreaterThan(layout.percent.toRow);
  });

  it('exports to .xlsx with the same figures as formulas with their results', async () => {
    const emu = setUpTemplate();
    emu.run('refreshStatuses');
    const path = `${mkdtempSync(`${tmpdir()}/cchc-`)}/book.xlsx`;
    await saveXlsx(emu.spreadsheet, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    rmSync(dirname(path), { recursive: true });
    const ws = wb.getWorksheet(OVERVIEW_SHEET)!;
    const values = emu.spreadsheet.getSheetByName(OVERVIEW_SHEET)!.getDataRange().getValues();
    let formulas = 0;
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = ws.getCell(r + 1, c + 1).value;
        if (cell && typeof cell === 'object' && 'formula' in cell) {
          formulas++;
          // exceljs's reader drops a cached result of 0 (the file holds <v>0</v>), so 0 reads as none.
          expect(cell.result ?? (v === 0 ? 0 : ''), `${r + 1}:${c + 1}`).toEqual(v);
        }
      }),
    );
    expect(formulas).toBeGreaterThan(100);
  });
});

describe("the emulator's formula evaluator", () => {
  it('answers as Sheets does for the forms it knows, and #NAME? for the others', () => {
    const emu = productEmulator();
    const s = emu.spreadsheet.insertSheet("Bảng 'A'");
    s.load([
      ['Trạng thái', 'x'],
      ['Đạt', 2],
      ['đạt', 3],
      ['Chưa đạt', ''],
    ]);
    const cases: [string, unknown][] = [
      ["=COUNTIF('Bảng ''A'''!$A:$A,\"Đạt\")", 2],
      ['=COUNTIFS(A:A,"<>",B:B,">2")', 1],
      ['=SUM(B1:B9)+1', 6],
      ['=MATCH("X",$1:$1,0)', 2],
      ['=SUM(OFFSET($A:$A,0,MATCH("x",$1:$1,0)-1))', 5],
      ['=IF(B4="","trống",B4/0)', 'trống'],
      ['=B2/(B4-B4)', '#DIV/0!'],
      ['=MATCH("y",1:1,0)', '#N/A'],
      ['=VLOOKUP(1,A:B,2,FALSE)', '#NAME?'],
      ['=C9', ''],
      ['=D1', '#REF!'],
    ];
    s.setCell(1, 4, 'formulas', '=D1'); // refers to itself
    cases.forEach(([formula], i) => s.setCell(10 + i, 3, 'formulas', formula));
    cases.forEach(([formula, want], i) => expect(s.getRange(10 + i, 3).getValue(), formula).toBe(want));
  });
});
