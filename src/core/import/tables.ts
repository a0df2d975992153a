/**
 * Task tables (docs/SPEC.md §8): commonly a `Phụ lục` whose header has a task column (`Nhiệm vụ`,
 * `Nội dung`, `Nội dung công việc`) and columns for the lead body, partners, time and product.
 * Rows that span the table (`I. CẢI CÁCH THỂ CHẾ`) set the area of the rows below.
 */
import type { AreaNumber } from '../areas';
import { areaByMeaning } from './areas';
import { clean, fold } from './fold';

export type Role = 'stt' | 'name' | 'lead' | 'partners' | 'time' | 'product' | 'note' | 'target' | 'unit';

const ROLES: [RegExp, Role][] = [
  [/^(stt|tt|so tt|so thu tu)$/, 'stt'],
  [/thoi gian|thoi han|tien do|moc/, 'time'],
  [/phoi hop/, 'partners'],
  [/san pham|ket qua|hinh thuc/, 'product'],
  [/ghi chu/, 'note'],
  [/don vi tinh|dvt/, 'unit'],
  [/muc tieu|chi tieu nam|ke hoach nam|gia tri|chi tieu \d{4}/, 'target'],
  [/nhiem vu|noi dung|cong viec|ten chi tieu|^chi tieu$|hoat dong|giai phap/, 'name'],
  [/chu tri|thuc hien|don vi|co quan|trach nhiem|phu trach/, 'lead'],
];

export interface TableLayout {
  headerRow: number;
  columns: Partial<Record<Role, number>>;
  /** The name column says `Chỉ tiêu`: its rows are indicators. */
  indicators: boolean;
}

/** The header of a task or indicator table among its first rows, or null when it is neither. */
export function tableLayout(rows: readonly (readonly string[])[]): TableLayout | null {
  for (let r = 0; r < Math.min(3, rows.length); r++) {
    const columns: Partial<Record<Role, number>> = {};
    rows[r]!.forEach((cell, c) => {
      const f = fold(clean(cell));
      if (!f || f.length > 60) return;
      const role = ROLES.find(([re]) => re.test(f))?.[1];
      if (role && columns[role] === undefined) columns[role] = c;
    });
    if (
      columns.name !== undefined &&
      (columns.lead !== undefined || columns.time !== undefined || columns.target !== undefined)
    ) {
      const nameHeader = fold(clean(rows[r]![columns.name]!));
      return { headerRow: r, columns, indicators: /chi tieu/.test(nameHeader) };
    }
  }
  return null;
}

export interface TableRowReading {
  /** 'group' rows name a part of the table (an area); 'item' rows are tasks or indicators. */
  type: 'group' | 'item';
  area: AreaNumber | null;
  cells: Partial<Record<Role, string>>;
  source: string;
}

const ROMAN_OR_LETTER = /^([IVXLC]+|[A-ZĐ])\.?$/;

/** The table's rows below its header, each a group heading or an item with its cells by role. */
export function tableRows(rows: readonly (readonly string[])[], layout: TableLayout): TableRowReading[] {
  const out: TableRowReading[] = [];
  const body = rows.slice(layout.headerRow + 1).map((r) => r.map(clean));
  body.forEach((row, i) => {
    const nonEmpty = row.filter(Boolean);
    if (!nonEmpty.length) return;
    // A numbering row under the header: (1) (2) (3) …
    if (nonEmpty.every((c) => /^\(?\d{1,2}\)?$/.test(c)) && nonEmpty.length > 1) return;
    const cells: Partial<Record<Role, string>> = {};
    for (const [role, c] of Object.entries(layout.columns) as [Role, number][]) cells[role] = row[c] ?? '';
    const source = nonEmpty.join(' | ');
    const spanning = new Set(nonEmpty).size === 1 || nonEmpty.length === 1;
    const stt = cells.stt ?? '';
    const detailEmpty = !cells.lead && !cells.time && !cells.partners && !cells.target;
    const next = body[i + 1];
    const nextStt = next && layout.columns.stt !== undefined ? (next[layout.columns.stt] ?? '') : '';
    const parentOfNumbered = Boolean(stt) && nextStt.startsWith(`${stt.replace(/\.$/, '')}.`);
    const text = nonEmpty.filter((c) => c !== stt).join(' ') || nonEmpty.join(' ');
    const headingLike = areaByMeaning(text) !== null || (/\p{Lu}/u.test(text) && text === text.toUpperCase());
    if ((spanning && headingLike) || (detailEmpty && (ROMAN_OR_LETTER.test(stt) || parentOfNumbered))) {
      out.push({ type: 'group', area: areaByMeaning(text), cells: { name: text }, source });
      return;
    }
    if (cells.name) out.push({ type: 'item', area: null, cells, source });
  });
  return out;
}
