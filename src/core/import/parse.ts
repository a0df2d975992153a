/**
 * The plan importer's parser (docs/SPEC.md §8): a document as blocks → the items of the review sheet
 * `Nhập kế hoạch`, each with its source and the reason of any doubt. Pure: no Apps Script here.
 */
import type { AreaNumber } from '../areas';
import { areaByMeaning, areaLabel } from './areas';
import type { Block, ParagraphBlock } from './blocks';
import { BODY_START, bodiesInText } from './bodies';
import { clean, cleanLines, fold } from './fold';
import { findTargets, readIndicators } from './indicators';
import { type PeriodReading, readPeriods, withoutSchedule } from './periods';
import { type DocumentParts, planYearOf, readSettings } from './settings';
import { type TableLayout, tableLayout, tableRows } from './tables';
import { type Deadline, deadlineInText, parseTimeText, showDeadline } from './time';

export type ItemKind = 'Nhiệm vụ' | 'Chỉ tiêu' | 'Kỳ báo cáo' | 'Cấu hình';

/** One row of the review sheet. */
export interface ImportItem {
  kind: ItemKind;
  area: string;
  /** The task or indicator; for a period `Q1: Quý I năm 2023`; for a setting its label. */
  content: string;
  lead: string;
  partners: string;
  /** `Thường xuyên`, dd/mm/yyyy, or '' (a setting's or indicator's row). */
  deadline: string;
  comparator: string;
  target: number | '';
  unit: string;
  /** A setting's value (shown in `Nội dung` after its label). */
  value?: string | number;
  /** Code of a period row. */
  code?: string;
  source: string;
  doubt: string;
}

export interface ImportResult {
  year: number;
  items: ImportItem[];
}

type SectionKind = 'skip' | 'indicators' | 'tasks' | 'organisation';

interface Frame {
  style: string;
  area: AreaNumber | null;
  kind: SectionKind | null;
  /** A sub-heading of `Tổ chức thực hiện` names the body that leads its tasks. */
  lead: string;
}

const NUMBERING: [RegExp, string][] = [
  [/^([IVXLC]+)[.)]\s+/, 'roman'],
  [/^(\d+(?:\.\d+)+)\.?\s+/, 'dotted'],
  [/^(\d+)[.)]\s+/, 'arabic'],
  [/^([a-zđ])[).]\s+/, 'letter'],
  [/^[-–•*]\s*/, 'dash'],
  [/^\+\s*/, 'plus'],
];

function numbering(text: string): { style: string; rest: string } | null {
  for (const [re, style] of NUMBERING) {
    const m = re.exec(text);
    if (m) return { style: style === 'dotted' ? `dotted${m[1]!.split('.').length}` : style, rest: text.slice(m[0].length) };
  }
  return null;
}

function sectionKind(f: string): SectionKind | null {
  if (/^(can cu|muc dich|yeu cau|quan diem|kinh phi|dieu khoan)/.test(f)) return 'skip';
  if (/^(to chuc thuc hien|trach nhiem|phan cong)/.test(f)) return 'organisation';
  if (/^(chi tieu|muc tieu)/.test(f)) return 'indicators';
  if (/^(cac |ii\. )?(nhiem vu|giai phap|noi dung|phu luc)/.test(f) || /nhiem vu trong tam|nhiem vu, giai phap/.test(f))
    return 'tasks';
  return null;
}

/** Section labels that may carry their content after a colon: `a) Chỉ tiêu: …`. */
const LABEL = /^(chi tieu|muc tieu|nhiem vu(?:, giai phap)?|giai phap)\s*:\s*/;

const IS_UPPER = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();
const FOOTNOTE = /^\s*[\u00b9\u00b2\u00b3\u2070-\u2079]+/;

interface Paragraph {
  text: string;
  raw: ParagraphBlock;
}

/** Body paragraphs with a page-break split mended: a paragraph that starts in lower case continues the last. */
function mend(blocks: readonly Block[]): (Paragraph | { table: string[][] })[] {
  const out: (Paragraph | { table: string[][] })[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      out.push({ table: b.rows });
      continue;
    }
    if (FOOTNOTE.test(b.text)) continue;
    const text = clean(b.text);
    if (!text) continue;
    const prev = out[out.length - 1];
    if (
      prev &&
      'text' in prev &&
      b.heading === 0 &&
      /^\p{Ll}/u.test(text) &&
      !numbering(text) &&
      !/[.;:!?]$/.test(prev.text) &&
      prev.raw.heading === 0
    ) {
      prev.text = `${prev.text} ${text}`;
      continue;
    }
    out.push({ text, raw: b });
  }
  return out;
}

function linesOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'table') return b.rows.flatMap((r) => r.flatMap(cleanLines));
    // A list item's glyph is not in its text: recipients are told by it.
    return b.list === null ? cleanLines(b.text) : cleanLines(b.text).map((l) => `- ${l}`);
  });
}

/** Splits the document into header, title, body, tail (recipients and signature) and appendix. */
function partsOf(blocks: readonly Block[]) {
  const texts = blocks.map((b) => (b.kind === 'table' ? '' : fold(clean(b.text))));
  let title = texts.findIndex((t, i) => i < 40 && /^ke hoach(?!\s+so)/.test(t) && t.length < 300);
  let titleEnd = title + 1;
  if (title >= 0 && texts[title]!.length < 12) titleEnd = Math.min(blocks.length, title + 2);
  if (title < 0) {
    title = 0;
    titleEnd = 0;
  }
  const isTail = (b: Block, t: string) =>
    /^noi nhan/.test(t) || (b.kind === 'table' && b.rows.some((r) => r.some((c) => /^noi nhan/.test(fold(clean(c))))));
  let tail = blocks.findIndex((b, i) => i >= titleEnd && isTail(b, texts[i]!));
  const appendixAt = (from: number) =>
    blocks.findIndex(
      (b, i) => i > from && b.kind === 'paragraph' && /^phu luc\b/.test(texts[i]!) && !/kem theo\)?\.?$/.test(texts[i]!),
    );
  let appendix = appendixAt(Math.max(tail, titleEnd));
  if (tail < 0) tail = appendix >= 0 ? appendix : blocks.length;
  if (appendix < 0) appendix = blocks.length;
  const closing = texts.findIndex((t, i) => i >= titleEnd && i < tail && /^tren day la/.test(t));
  const bodyEnd = closing >= 0 ? closing : tail;
  return {
    doc: {
      head: linesOf(blocks.slice(0, title)),
      title: linesOf(blocks.slice(title, titleEnd)),
      tail: linesOf(blocks.slice(tail, appendix)),
    } satisfies DocumentParts,
    body: blocks.slice(titleEnd, bodyEnd),
    appendix: blocks.slice(appendix),
  };
}

export interface ParseOptions {
  /** The plan year when the document does not say it. */
  year?: number;
}

export function parsePlan(blocks: readonly Block[], options: ParseOptions = {}): ImportResult {
  const { doc, body, appendix } = partsOf(blocks);
  const allText = blocks.map((b) => (b.kind === 'table' ? b.rows.flat().join(' ') : b.text)).join('\n');
  const year = doc.title.length || doc.head.length || !options.year ? planYearOf(doc, allText) : options.year;
  const settings = readSettings(doc, year);
  const issuer = String(settings.find((s) => s.label === 'Cơ quan ban hành')?.value ?? '');
  const unit = /(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tinh)\b/.exec(fold(issuer) || fold(doc.title.join(' ')));
  const unitWord = unit ? (issuer || doc.title.join(' ')).slice(unit.index, unit.index + unit[1]!.length).toLowerCase() : '';
  const defaultLead = unitWord ? `UBND ${unitWord}` : '';

  const items: ImportItem[] = [];
  let periods: PeriodReading[] = [];
  const stack: Frame[] = [];
  const context = () => {
    let area: AreaNumber | null = null;
    let kind: SectionKind | null = null;
    let lead = '';
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i]!;
      area ??= f.area;
      kind ??= f.kind;
      if (!lead && f.lead) lead = f.lead;
    }
    return { area, kind, lead };
  };
  const cut = (style: string) => {
    const at = stack.findIndex((f) => f.style === style);
    if (at >= 0) stack.length = at;
  };

  const base = { lead: '', partners: '', deadline: '', comparator: '', target: '' as const, unit: '', doubt: '' };

  const addIndicators = (text: string, source: string, area: AreaNumber | null, areaDoubt: string) => {
    for (const r of readIndicators(text, year)) {
      items.push({
        ...base,
        kind: 'Chỉ tiêu',
        area: areaLabel(area),
        content: r.text,
        comparator: r.comparator,
        target: r.target,
        unit: r.unit,
        source,
        doubt: [areaDoubt, r.doubt].filter(Boolean).join(' '),
      });
    }
  };

  const addTask = (
    text: string,
    source: string,
    area: AreaNumber | null,
    areaDoubt: string,
    lead: string,
    partners: string,
    time: { deadline: Deadline; doubt: string } | null,
  ) => {
    const found = periods.length ? [] : readPeriods(text, year);
    let content = text;
    if (found.length) {
      periods = found;
      content = withoutSchedule(text);
    }
    const named = bodiesInText(content);
    const reading = time ?? deadlineInText(content, year);
    const task = (c: string, deadline: Deadline, doubt: string) =>
      items.push({
        ...base,
        kind: 'Nhiệm vụ',
        area: areaLabel(area),
        content: c,
        lead: named.lead || lead || defaultLead,
        partners: named.partners || partners,
        deadline: showDeadline(deadline),
        source,
        doubt: [areaDoubt, doubt].filter(Boolean).join(' '),
      });
    if (content) task(content, reading?.deadline ?? 'continuous', reading?.doubt ?? '');
    for (const p of found) task(p.text, p.due, '');
  };

  const item = (text: string, source: string, { area, kind, lead }: ReturnType<typeof context>) => {
    if (!kind || kind === 'skip') return;
    // A parenthesis or a pointer to the appendix is not a task: the appendix's rows are.
    if (/^\(.*\)\.?$/.test(text) || /(?:tai|theo) phu luc|phu luc kem theo/.test(fold(text))) return;
    let areaOf = area;
    let areaDoubt = '';
    let itemLead = lead;
    let content = text;
    if (kind === 'organisation') {
      const labelled = /^([^:]{3,80}):\s+(.+)$/.exec(content);
      if (labelled && BODY_START.test(fold(labelled[1]!))) {
        itemLead = labelled[1]!;
        content = labelled[2]!;
      }
      if (!areaOf) {
        areaOf = 1;
        areaDoubt = 'Nhiệm vụ ở phần tổ chức thực hiện: xếp vào lĩnh vực Công tác chỉ đạo, điều hành.';
      }
    } else if (!areaOf) {
      areaOf = areaByMeaning(content);
      areaDoubt = areaOf ? 'Lĩnh vực suy ra từ nội dung.' : 'Chưa xác định được lĩnh vực.';
    }
    const targets = findTargets(content);
    const leadsWithTarget = targets.length > 0 && (targets[0]!.start <= 12 || /^(ty le|chi so|phan dau)/.test(fold(content)));
    if (kind === 'indicators' || leadsWithTarget) {
      addIndicators(content, source, areaOf, areaDoubt);
      return;
    }
    addTask(content, source, areaOf, areaDoubt, itemLead, '', null);
  };

  const table = (rows: string[][], layout: TableLayout, ctx: ReturnType<typeof context>) => {
    let groupArea: AreaNumber | null = null;
    for (const row of tableRows(rows, layout)) {
      if (row.type === 'group') {
        if (row.area) groupArea = row.area;
        continue;
      }
      const name = row.cells.name!;
      let area = groupArea ?? ctx.area;
      let areaDoubt = '';
      if (!area) {
        area = areaByMeaning(name);
        areaDoubt = area ? 'Lĩnh vực suy ra từ nội dung.' : 'Chưa xác định được lĩnh vực.';
      }
      if (layout.indicators) {
        const stated = [row.cells.target, row.cells.unit].filter(Boolean).join(' ');
        addIndicators(stated ? `${name} ${/%|\d/.test(stated) ? stated : ''}`.trim() : name, row.source, area, areaDoubt);
        continue;
      }
      const timeCell = row.cells.time ?? '';
      let time = timeCell ? parseTimeText(timeCell, year) : null;
      if (!time) {
        time = timeCell
          ? { deadline: 'continuous', doubt: `Không đọc được thời gian «${timeCell}»: tạm để Thường xuyên.` }
          : (deadlineInText(name, year) ?? { deadline: 'continuous', doubt: '' });
      }
      addTask(name, row.source, area, areaDoubt, row.cells.lead ?? '', row.cells.partners ?? '', time);
    }
  };

  const walk = (blocks: readonly Block[], top: Frame[]) => {
    stack.length = 0;
    stack.push(...top);
    const seq = mend(blocks);
    // An item ending with `:` waits for its sub-items (`+ …`, `- …`), which complete its text.
    let open: { text: string; source: string; style: string; ctx: ReturnType<typeof context> } | null = null;
    const flush = () => {
      if (open) item(open.text, open.source, open.ctx);
      open = null;
    };
    seq.forEach((p, i) => {
      if ('table' in p) {
        flush();
        const layout = tableLayout(p.table);
        if (layout) table(p.table, layout, context());
        return;
      }
      const text = p.text;
      const num = numbering(text);
      const explicit = p.raw.heading > 0;
      const style = explicit
        ? `h${p.raw.heading}`
        : p.raw.list !== null && (!num || num.style === 'dash')
          ? `list${p.raw.list}`
          : (num?.style ?? '');
      const rest = num ? num.rest : text;
      const f = fold(rest);
      const label = LABEL.exec(f);
      const next = seq.slice(i + 1).find((q): q is Paragraph => 'text' in q);
      const nextStyle = next ? (numbering(next.text)?.style ?? '') : '';
      const keyword = sectionKind(f) !== null && rest.length < 80 && !/[.;]$/.test(rest);
      const headingLike =
        explicit ||
        style === 'roman' ||
        Boolean(label) ||
        keyword ||
        (['arabic', 'letter'].includes(style) || style.startsWith('dotted')
          ? rest.length <= 200 && !/[.;:]$/.test(rest) && nextStyle !== style
          : style === '' && IS_UPPER(text) && text.length <= 150);
      if (!headingLike) {
        const body = rest.replace(/^[-–•*+]\s*/, '');
        if (open && style !== open.style && /^(dash|plus|list)/.test(style)) {
          open.text = `${open.text} ${body}`;
          open.source = `${open.source}\n${text}`;
          return;
        }
        flush();
        if (style && !style.startsWith('list') && style !== 'dash' && style !== 'plus') cut(style);
        if (/:$/.test(body)) open = { text: body, source: text, style, ctx: context() };
        else item(body, text, context());
        return;
      }
      flush();
      if (explicit) {
        const keep = stack.findIndex((fr) => !/^h\d$/.test(fr.style) || Number(fr.style.slice(1)) >= p.raw.heading);
        if (keep >= 0) stack.length = keep;
      } else cut(style);
      const headText = label ? rest.slice(0, label[0].length).replace(/\s*:\s*$/, '') : rest;
      const kind = sectionKind(fold(headText));
      const outer = context();
      const area = outer.kind === 'organisation' && !kind ? null : areaByMeaning(headText);
      const lead = outer.kind === 'organisation' && !kind && !area ? headText : '';
      stack.push({ style: style || 'upper', area, kind, lead });
      if (label) {
        const content = rest.slice(label[0].length);
        if (content) item(content, text, context());
      }
    });
    flush();
  };

  walk(body, []);
  walk(appendix, [{ style: 'appendix', area: null, kind: 'tasks', lead: '' }]);

  for (const p of periods) {
    items.push({
      ...base,
      kind: 'Kỳ báo cáo',
      area: '',
      content: `${p.code}: ${p.name}`,
      code: p.code,
      deadline: showDeadline(p.due),
      source: p.text,
    });
  }
  for (const s of settings) {
    items.push({ ...base, kind: 'Cấu hình', area: '', content: s.label, value: s.value, source: s.source, doubt: s.doubt });
  }
  return { year, items };
}
