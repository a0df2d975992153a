/** The template as data: its schema (checked at build time), the layouts, and the rows setup writes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HISTORY_LAYOUT, PERIODS_LAYOUT, SHEET_LAYOUTS, TASKS_LAYOUT } from '../src/contract/layout';
import { checkLayouts, checkTemplate } from '../sheets-templates/schema';
import type { Template } from '../src/contract/template';
import { sheetGrid } from '../src/core/fill';
import { HISTORY, INDICATORS, PERIODS, TASKS } from '../src/contract/sheets';

const raw = JSON.parse(readFileSync(new URL('../src/sample/tu-xuyen-2023.json', import.meta.url), 'utf8')) as Template;
const copy = (): Template => structuredClone(raw);

describe('checkTemplate', () => {
  it('accepts the Tú Xuyên 2023 plan', () => {
    expect(checkTemplate(copy()).tasks).toHaveLength(raw.tasks.length);
  });

  const broken: [string, (t: Template) => void, RegExp][] = [
    [
      'an unknown area',
      (t) => {
        t.tasks[0]!['Lĩnh vực'] = 'Văn hoá';
      },
      /Lĩnh vực/,
    ],
    [
      'a day that does not exist',
      (t) => {
        t.tasks[0]!['Hạn hoàn thành'] = '31/02/2023';
      },
      /real calendar day/,
    ],
    [
      'a misspelt header',
      (t) => {
        t.tasks[0]!['Han hoan thanh'] = '';
      },
      /Han hoan thanh/,
    ],
    [
      'a duplicate code',
      (t) => {
        t.indicators[1]!['Mã'] = t.indicators[0]!['Mã']!;
      },
      /duplicate codes/,
    ],
    [
      'a comparator outside the list',
      (t) => {
        t.indicators[0]!['So sánh'] = '>=';
      },
      /So sánh/,
    ],
    [
      'a missing setting',
      (t) => {
        t.config.pop();
      },
      /every label/,
    ],
    [
      'a target left blank without a word in Ghi chú',
      (t) => {
        t.indicators[2]!['Mục tiêu'] = '';
        t.indicators[2]!['Ghi chú'] = '';
      },
      /Mục tiêu: chưa nhập mục tiêu/,
    ],
    [
      'text with stray spaces',
      (t) => {
        t.tasks[3]!['Nhiệm vụ'] = ' Việc ';
      },
      /NFC without surrounding spaces/,
    ],
  ];
  for (const [what, spoil, message] of broken) {
    it(`rejects ${what}`, () => {
      const t = copy();
      spoil(t);
      expect(() => checkTemplate(t)).toThrow(message);
    });
  }

  it('lets a target stay blank where Ghi chú says the plan gives no figure', () => {
    const t = copy();
    t.indicators[2]!['Mục tiêu'] = '';
    t.indicators[2]!['Ghi chú'] = 'Kế hoạch không nêu chỉ tiêu cụ thể.';
    expect(() => checkTemplate(t)).not.toThrow();
  });
});

describe('layouts', () => {
  it('list exactly the headers of the contract', () => {
    expect(() => checkLayouts([...SHEET_LAYOUTS, HISTORY_LAYOUT], [TASKS, INDICATORS, PERIODS, HISTORY])).not.toThrow();
    const short = { ...TASKS_LAYOUT, columns: TASKS_LAYOUT.columns.slice(1) };
    expect(() => checkLayouts([short], [TASKS])).toThrow(/Layout of Nhiệm vụ must list exactly/);
  });
});

describe('sheetGrid', () => {
  it('writes dates of date columns as midnight in the spreadsheet zone, other text as text', () => {
    const grid = sheetGrid(
      PERIODS_LAYOUT,
      [{ 'Mã kỳ': 'Q1', 'Tên kỳ': '-Quý I', 'Hạn gửi': '25/02/2023', 'Nhắc trước (ngày)': 10 }],
      420,
    );
    expect(grid[0]).toEqual(PERIODS_LAYOUT.columns.map((c) => c.header));
    expect(grid[1]).toEqual(['Q1', "'-Quý I", new Date('2023-02-24T17:00:00Z'), 10, '', '', '', '', '', '', '']);
    const task = sheetGrid(TASKS_LAYOUT, [{ 'Nhiệm vụ': '25/02/2023', 'Hạn hoàn thành': 'Thường xuyên' }], 420)[1]!;
    expect(task[2]).toBe('25/02/2023'); // not a date column: stays text
    expect(task[7]).toBe('Thường xuyên');
  });
});
