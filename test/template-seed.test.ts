/**
 * The Tú Xuyên 2023 template (src/sample/tu-xuyen-2023.json) against the plan it transcribes
 * (sheets-templates/sources/ke-hoach-cchc-tu-xuyen-2023.md). Counts, texts, sections and deadlines are
 * computed by parsing the seed; only the sheet contract (labels, header keys) and a small sample of
 * literal seed sentences are written out here.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';

type Cell = string | number;
type Row = Record<string, Cell>;
interface Template {
  config: [string, Cell][];
  tasks: Row[];
  indicators: Row[];
  periods: Row[];
}

const seedRaw = readFileSync(new URL('../sheets-templates/sources/ke-hoach-cchc-tu-xuyen-2023.md', import.meta.url), 'utf8');
const template = JSON.parse(readFileSync(new URL('../src/sample/tu-xuyen-2023.json', import.meta.url), 'utf8')) as Template;

const AREA_LABELS = [
  '1. Công tác chỉ đạo, điều hành',
  '2. Cải cách thể chế',
  '3. Cải cách thủ tục hành chính',
  '4. Cải cách tổ chức bộ máy',
  '5. Cải cách chế độ công vụ',
  '6. Cải cách tài chính công',
  '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
];
const TASK_KEYS = [
  'Mã',
  'Lĩnh vực',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Người phụ trách',
  'Email',
  'Hạn hoàn thành',
  'Tiến độ (%)',
  'Ngày hoàn thành',
  'Ghi chú',
  'Kết quả thực hiện',
  'Kỳ báo cáo',
];
const INDICATOR_KEYS = [
  'Mã',
  'Lĩnh vực',
  'Chỉ tiêu',
  'So sánh',
  'Mục tiêu',
  'Đơn vị tính',
  'Tử số',
  'Mẫu số',
  'Thực hiện',
  'Ghi chú',
];
const PERIOD_KEYS = ['Mã kỳ', 'Tên kỳ', 'Hạn gửi', 'Nhắc trước (ngày)', 'Từ ngày', 'Đến ngày', 'Ngày gửi', 'Kiến nghị'];
const CONFIG_KEYS = [
  'Cơ quan chủ quản',
  'Cơ quan ban hành',
  'Ký hiệu cơ quan',
  'Địa danh',
  'Năm kế hoạch',
  'Thẩm quyền ký',
  'Chức vụ người ký',
  'Người ký',
  'Nơi nhận',
  'Số ngày cảnh báo',
  'Email nhắc việc',
  'Thư mục báo cáo',
  'Mẫu báo cáo',
  'Căn cứ kế hoạch',
];
const ALWAYS_BLANK_TASK = ['Người phụ trách', 'Email', 'Tiến độ (%)', 'Ngày hoàn thành'];
const ALWAYS_BLANK_INDICATOR = ['Tử số', 'Mẫu số', 'Thực hiện'];
const ISSUING_BODY = 'UBND xã';
const ONGOING = 'Thường xuyên';

// ---------------------------------------------------------------------------------------------
// Seed normalisation and parsing

const FOOTNOTE_MARKS = /[\u00B9\u00B2\u00B3\u2070-\u209F]/g;
/** NFC, footnote markers and markdown `*` removed, all whitespace (page breaks included) collapsed. */
const norm = (s: string): string => s.normalize('NFC').replace(FOOTNOTE_MARKS, '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
const seed = norm(seedRaw);

const lines = seedRaw
  .normalize('NFC')
  .split('\n')
  .map((l) => l.trim());
const isFootnote = (l: string): boolean => /^[\u00B9\u00B2\u00B3\u2070-\u209F]/.test(l);
const isBullet = (l: string): boolean => l.startsWith('- ');
const indexOfLine = (pred: (l: string) => boolean, from = 0): number => {
  const i = lines.findIndex((l, k) => k >= from && pred(l));
  if (i < 0) throw new Error('seed structure changed');
  return i;
};

const II = indexOfLine((l) => l === 'II. NHIỆM VỤ, GIẢI PHÁP');
const III = indexOfLine((l) => l === 'III. TỔ CHỨC THỰC HIỆN', II);
const END = indexOfLine((l) => l.startsWith('Trên đây là'), III);
const NUMBERED = /^(\d+)\. (\S.*)$/;

interface Area {
  n: number;
  heading: string;
  /** the targets of "a) Chỉ tiêu" / "a) Mục tiêu": inline text after the colon, bullets and plain paragraphs */
  targets: string[];
  /** the "- " bullets of "b) Nhiệm vụ, giải pháp" (first line only; enough to identify them) */
  bullets: string[];
  /** everything of "b) Nhiệm vụ, giải pháp", normalised */
  bBlock: string;
}

function sections(from: number, to: number): { n: number; heading: string; body: string[] }[] {
  const out: { n: number; heading: string; body: string[] }[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const m = NUMBERED.exec(line);
    if (m) out.push({ n: Number(m[1]), heading: m[0], body: [] });
    else if (out.length) out[out.length - 1]!.body.push(line);
  }
  return out;
}

const areas: Area[] = sections(II + 1, III).map(({ n, heading, body }) => {
  const a = body.findIndex((l) => l.startsWith('a)'));
  const b = body.indexOf('b) Nhiệm vụ, giải pháp');
  if (a < 0 || b < a) throw new Error(`area ${n}: no a)/b) blocks`);
  const lead = body[a]!;
  const inline = lead.includes(':') ? norm(lead.slice(lead.indexOf(':') + 1)) : '';
  const targets = [
    ...(inline ? [inline] : []),
    ...body
      .slice(a + 1, b)
      .filter((l) => l && !isFootnote(l))
      .map((l) => norm(l.replace(/^- /, ''))),
  ];
  const bBody = body.slice(b + 1);
  return {
    n,
    heading,
    targets,
    bullets: bBody.filter(isBullet).map((l) => norm(l.slice(2))),
    bBlock: norm(bBody.join('\n')),
  };
});

interface Unit {
  heading: string;
  /** the body named by the sub-section heading ("2. Văn phòng thống kê xã" → "Văn phòng thống kê xã") */
  body: string;
  /** its "- " bullets, or its plain paragraphs when it has none (first line only) */
  items: string[];
  block: string;
}
const units: Unit[] = sections(III + 1, END).map(({ heading, body }) => {
  const bullets = body.filter(isBullet).map((l) => norm(l.slice(2)));
  const paragraphs = body.filter((l) => l && !isFootnote(l)).map(norm);
  return {
    heading,
    body: NUMBERED.exec(heading)![2]!,
    items: bullets.length ? bullets : paragraphs,
    block: norm(body.join('\n')),
  };
});

/** "(báo cáo quý I: gửi trước ngày 25/02/2023; báo cáo 6 tháng: …)" of III.2 */
const REPORT = /báo cáo ([^:;()]+): gửi trước ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/g;
const reports = [...seed.matchAll(REPORT)].map((m) => ({
  text: m[0],
  label: m[1],
  due: `${m[2]!.padStart(2, '0')}/${m[3]!.padStart(2, '0')}/${m[4]}`,
}));

const firstWords = (s: string, n = 8): string => s.split(' ').slice(0, n).join(' ');
const areaOf = (label: Cell | undefined): number => Number(String(label).split('.')[0]);
const str = (v: Cell | undefined): string => String(v ?? '');

function isDate2023(s: string): boolean {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y === 2023 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------

describe('seed parsing (sanity)', () => {
  it('finds the areas, the III sub-sections and the four reports', () => {
    expect(areas.map((a) => a.n)).toEqual([1, 2, 3, 5, 7]);
    expect(units.length).toBeGreaterThan(0);
    expect(reports).toHaveLength(4);
    for (const a of areas) expect(a.bullets.length).toBeGreaterThan(0);
  });
});

describe('template shape', () => {
  it('has exactly the sheet headers, in order', () => {
    expect(Object.keys(template)).toEqual(['config', 'tasks', 'indicators', 'periods']);
    for (const t of template.tasks) expect(Object.keys(t)).toEqual(TASK_KEYS);
    for (const c of template.indicators) expect(Object.keys(c)).toEqual(INDICATOR_KEYS);
    for (const p of template.periods) expect(Object.keys(p)).toEqual(PERIOD_KEYS);
    expect(template.config.map((r) => r[0])).toEqual(CONFIG_KEYS);
  });

  it('has only NFC strings with no leading/trailing spaces, no markdown or footnote markers', () => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        Object.entries(v).forEach(([k, x]) => {
          strings.push(k);
          walk(x);
        });
    };
    walk(template);
    for (const s of strings) {
      expect(s, s).toBe(s.normalize('NFC'));
      expect(s, s).toBe(s.trim());
      expect(s, s).not.toMatch(FOOTNOTE_MARKS);
      expect(s, s).not.toContain('*');
    }
  });

  it('leaves the tracking columns blank', () => {
    for (const t of template.tasks) for (const k of ALWAYS_BLANK_TASK) expect(t[k], `${t['Mã']} ${k}`).toBe('');
    for (const c of template.indicators) for (const k of ALWAYS_BLANK_INDICATOR) expect(c[k], `${c['Mã']} ${k}`).toBe('');
  });
});

describe('areas and codes', () => {
  it('uses only the seven labels, numbered as the plan numbers its sections', () => {
    for (const r of [...template.tasks, ...template.indicators]) expect(AREA_LABELS).toContain(r['Lĩnh vực']);
    for (const a of areas) expect(a.heading.startsWith(AREA_LABELS[a.n - 1]!), a.heading).toBe(true);
    // no rows for areas the plan does not have (4 and 6)
    const present = new Set(areas.map((a) => a.n));
    for (const r of [...template.tasks, ...template.indicators]) expect(present.has(areaOf(r['Lĩnh vực']))).toBe(true);
  });

  for (const [kind, prefix, rows] of [
    ['tasks', 'NV', template.tasks],
    ['indicators', 'CT', template.indicators],
  ] as const) {
    it(`${kind}: codes are unique, ${prefix}<area>.<nn>, numbered 01… per area in order`, () => {
      const codes = rows.map((r) => str(r['Mã']));
      expect(new Set(codes).size).toBe(codes.length);
      const seen = new Map<number, number>();
      for (const r of rows) {
        const m = new RegExp(`^${prefix}([1-7])\\.(\\d{2})$`).exec(str(r['Mã']));
        expect(m, str(r['Mã'])).not.toBeNull();
        const area = Number(m![1]);
        expect(area).toBe(areaOf(r['Lĩnh vực']));
        const next = (seen.get(area) ?? 0) + 1;
        expect(Number(m![2]), str(r['Mã'])).toBe(next);
        seen.set(area, next);
      }
    });
  }
});

describe('tasks against the seed', () => {
  const tasksOf = (n: number): Row[] => template.tasks.filter((t) => areaOf(t['Lĩnh vực']) === n);
  const inSectionIII = (t: Row): Unit | undefined => units.find((u) => u.block.includes(str(t['Nhiệm vụ'])));

  it('has one task per bullet of each area\'s "b) Nhiệm vụ, giải pháp", plus the section III tasks in area 1', () => {
    // Section III: one task per bullet of each sub-section (one per paragraph where it has no bullets),
    // plus one extra task per periodic report of III.2: the III.2 bullet that ends with
    // "(báo cáo quý I: …; báo cáo 6 tháng: …; báo cáo Quý III: …; báo cáo năm: …)" stays one task
    // (without its reporting clause), and each of those reports becomes a task of its own.
    const sectionIII = units.reduce((n, u) => n + u.items.length, 0) + reports.length;
    for (const a of areas) {
      const expected = a.bullets.length + (a.n === 1 ? sectionIII : 0);
      expect(tasksOf(a.n).length, a.heading).toBe(expected);
    }
    expect(template.tasks.length).toBe(areas.reduce((n, a) => n + a.bullets.length, 0) + sectionIII);
  });

  it('every task text occurs verbatim in the normalised seed, inside its own area (or section III)', () => {
    for (const t of template.tasks) {
      const text = str(t['Nhiệm vụ']);
      expect(text, str(t['Mã'])).toBe(norm(text));
      expect(seed.includes(text), `${t['Mã']}: ${text}`).toBe(true);
      const area = areas.find((a) => a.n === areaOf(t['Lĩnh vực']))!;
      const inOwnBlock = area.bBlock.includes(text) || (area.n === 1 && inSectionIII(t) !== undefined);
      expect(inOwnBlock, `${t['Mã']} outside its area`).toBe(true);
    }
  });

  it('every bullet (and section III item) starts exactly one task', () => {
    for (const a of areas) {
      for (const b of a.bullets) {
        const starts = tasksOf(a.n).filter((t) => str(t['Nhiệm vụ']).startsWith(firstWords(b)));
        expect(starts.length, b).toBe(1);
      }
    }
    for (const u of units) {
      for (const item of u.items) {
        expect(tasksOf(1).filter((t) => str(t['Nhiệm vụ']).startsWith(firstWords(item))).length, item).toBe(1);
      }
    }
  });

  it('lead unit: the body a section III sub-section names, otherwise the issuing UBND xã', () => {
    for (const t of template.tasks) {
      const unit = inSectionIII(t);
      expect(t['Đơn vị chủ trì'], str(t['Mã'])).toBe(unit ? unit.body : ISSUING_BODY);
    }
  });

  it('deadlines are "Thường xuyên" or a valid dd/mm/yyyy in 2023, a date only where the plan gives one', () => {
    for (const t of template.tasks) {
      const due = str(t['Hạn hoàn thành']);
      expect(due === ONGOING || isDate2023(due), `${t['Mã']}: ${due}`).toBe(true);
      const report = reports.find((r) => r.text === t['Nhiệm vụ']);
      expect(due, str(t['Mã'])).toBe(report ? report.due : ONGOING);
    }
  });

  it("the four periodic reports of III.2 are tasks with the seed's deadlines, noted as coming from III.2", () => {
    for (const r of reports) {
      const t = template.tasks.find((x) => x['Nhiệm vụ'] === r.text);
      expect(t, r.text).toBeDefined();
      expect(t!['Hạn hoàn thành']).toBe(r.due);
      expect(str(t!['Ghi chú'])).toContain('III.2');
    }
  });

  it('samples, word for word', () => {
    const samples: [string, string][] = [
      [
        'NV2.01',
        'Tiếp tục tổ chức triển khai Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật; Chỉ thị số 43/CT-TTg ngày 11/12/2020 của Thủ tướng Chính phủ về nâng cao chất lượng công tác xây dựng, hoàn thiện hệ thống pháp luật và tăng cường hiệu quả thi hành pháp luật.',
      ],
      [
        'NV3.03',
        'Công bố TTHC, danh mục TTHC, xây dựng quy trình nội bộ trong giải quyết TTHC theo cơ chế một cửa, một cửa liên thông bảo đảm tiến độ, nội dung theo quy định. Công khai TTHC, địa chỉ tiếp nhận và kết quả xử lý phản ánh kiến nghị, tiến độ, kết quả giải quyết TTHC, kết quả đánh giá việc giải quyết TTHC.',
      ],
      ['NV7.01', 'Tiếp tục triển khai thực hiện hiệu quả các nội dung kế hoạch về chuyển đổi số trên địa bàn xã.'],
      [
        'NV1.04',
        'Nghiên cứu, ứng dụng sáng kiến, mô hình mới trong thực hiện CCHC tại cơ quan, đơn vị; “Giải pháp nâng cao mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn xã Tú Xuyên”.',
      ],
    ];
    for (const [code, text] of samples) {
      expect(seed).toContain(text);
      expect(template.tasks.find((t) => t['Mã'] === code)?.['Nhiệm vụ'], code).toBe(text);
    }
  });
});

describe('indicators against the seed', () => {
  const figures = (s: string): number[] => [...s.matchAll(/(\d+)\s*(%|bậc)/g)].map((m) => Number(m[1]));
  // The Số hóa bullet also states a 2025 roadmap ("đảm bảo lộ trình đến năm 2025, 100% hồ sơ được
  // số hóa …"): not a 2023 target, so figures after "đến năm 2025" are not expected as indicators.
  const targetPart = (s: string): string => s.split('đến năm 2025')[0]!;

  it("every indicator text occurs in the normalised seed, inside its area's targets", () => {
    for (const c of template.indicators) {
      const text = str(c['Chỉ tiêu']);
      expect(text, str(c['Mã'])).toBe(norm(text));
      expect(seed.includes(text), `${c['Mã']}: ${text}`).toBe(true);
      const area = areas.find((a) => a.n === areaOf(c['Lĩnh vực']))!;
      expect(
        area.targets.some((t) => t.includes(text)),
        `${c['Mã']} outside its area`,
      ).toBe(true);
    }
  });

  it('every numbered target of every "a)" item is one indicator (two where the item states two)', () => {
    for (const a of areas) {
      const rows = template.indicators.filter((c) => areaOf(c['Lĩnh vực']) === a.n);
      const used = new Set<Row>();
      for (const item of a.targets) {
        const mine = rows.filter((c) => item.includes(str(c['Chỉ tiêu'])));
        expect(mine.length, item).toBeGreaterThan(0);
        mine.forEach((c) => used.add(c));
        const withFigure = mine.filter((c) => c['Mục tiêu'] !== '');
        expect(withFigure.map((c) => Number(c['Mục tiêu'])).sort(), item).toEqual(figures(targetPart(item)).sort());
        for (const c of mine.filter((x) => x['Mục tiêu'] === ''))
          expect(str(c['Ghi chú'])).toContain('Kế hoạch không nêu chỉ tiêu cụ thể');
      }
      expect(used.size, a.heading).toBe(rows.length);
    }
  });

  it('comparator, target and unit follow the wording', () => {
    for (const c of template.indicators) {
      const text = str(c['Chỉ tiêu']);
      if (c['Mục tiêu'] === '') continue;
      expect(typeof c['Mục tiêu'], str(c['Mã'])).toBe('number');
      const target = Number(c['Mục tiêu']);
      const unit = str(c['Đơn vị tính']);
      expect(['%', 'bậc']).toContain(unit);
      expect(text, str(c['Mã'])).toContain(unit === '%' ? `${target}%` : `${target} ${unit}`);
      const expected = new RegExp(`\\b[Tt]rên ${target}%`).test(text) ? '>' : '≥';
      expect(c['So sánh'], str(c['Mã'])).toBe(expected);
    }
  });

  it('the two figures of the Số hóa target are explained in Ghi chú', () => {
    const split = template.indicators.filter((c) => /tương ứng là/.test(str(c['Chỉ tiêu'])));
    expect(split).toHaveLength(2);
    for (const c of split) expect(str(c['Ghi chú'])).toMatch(/hiểu/);
  });

  it('samples, word for word', () => {
    const samples: [string, string, string, number, string][] = [
      ['CT1.01', 'Chỉ số cải cách hành chính (PAR INDEX) năm 2023 tăng từ 4 bậc trở lên', '≥', 4, 'bậc'],
      ['CT3.04', 'Trên 99% tỷ lệ hồ sơ TTHC do UBND xã tiếp nhận trong năm được giải quyết đúng hạn và trước hạn.', '>', 99, '%'],
      ['CT5.01', 'Hoàn thành 100% chỉ tiêu Kế hoạch đào tạo, bồi dưỡng năm 2023 do cấp trên giao.', '≥', 100, '%'],
    ];
    for (const [code, text, cmp, target, unit] of samples) {
      expect(seed).toContain(text);
      const c = template.indicators.find((x) => x['Mã'] === code);
      expect(c, code).toBeDefined();
      expect([c!['Chỉ tiêu'], c!['So sánh'], c!['Mục tiêu'], c!['Đơn vị tính']]).toEqual([text, cmp, target, unit]);
    }
  });
});

describe('periods and config', () => {
  it('the four periods and their deadlines match "(báo cáo quý I: gửi trước ngày 25/02/2023; …)"', () => {
    expect(template.periods.map((p) => p['Mã kỳ'])).toEqual(['Q1', 'H1', 'Q3', 'NAM']);
    expect(template.periods.map((p) => p['Hạn gửi'])).toEqual(reports.map((r) => r.due));
    template.periods.forEach((p, i) => {
      expect(str(p['Tên kỳ']).toLowerCase().startsWith(reports[i]!.label!.toLowerCase()), str(p['Tên kỳ'])).toBe(true);
      expect(str(p['Tên kỳ'])).toMatch(/2023$/);
      expect(isDate2023(str(p['Hạn gửi']))).toBe(true);
      expect(typeof p['Nhắc trước (ngày)']).toBe('number');
      expect([p['Từ ngày'], p['Đến ngày']]).toEqual(['', '']);
    });
  });

  it('config values come from the seed where the seed has them', () => {
    const config = new Map(template.config);
    const nonEmpty = lines.filter(Boolean);
    expect(config.get('Người ký')).toBe(nonEmpty[nonEmpty.length - 1]);
    // the signature block "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**"
    const sign = /\*\*(TM\.[^*\n]+)\n([^*\n]+)\*\*/.exec(seedRaw.normalize('NFC'));
    expect(sign).not.toBeNull();
    expect(config.get('Thẩm quyền ký')).toBe(sign![1]!.trim());
    expect(config.get('Chức vụ người ký')).toBe(sign![2]!.trim());
    const recipients = lines.slice(lines.indexOf('Nơi nhận:') + 1).filter(Boolean);
    const bulletsEnd = recipients.findIndex((l) => !isBullet(l));
    expect(config.get('Nơi nhận')).toBe(recipients.slice(0, bulletsEnd).join('\n'));
    const year = /Cải cách hành chính xã ([^.,;]+?) năm (\d{4})/.exec(seed);
    expect(year).not.toBeNull();
    expect(config.get('Năm kế hoạch')).toBe(Number(year![2]));
    expect(config.get('Địa danh')).toBe(year![1]);
    expect(str(config.get('Cơ quan ban hành') ?? '').toLowerCase()).toContain(`xã ${year![1]}`.toLowerCase());
    expect(seed.toLowerCase()).toContain(
      str(config.get('Cơ quan chủ quản') ?? '')
        .replace(/^UBND /, '')
        .toLowerCase(),
    );
    expect(config.get('Số ngày cảnh báo')).toBe(7);
  });
});
