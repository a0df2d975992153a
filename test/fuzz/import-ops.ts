/**
 * The plan importer in the fuzz (docs/SPEC.md §8): `importPlan` on random documents named in every
 * way a user might (test/fuzz/plan-docs.ts), `confirmImport` after the user has unticked or retyped
 * rows of `Nhập kế hoạch`. Beyond every operation's checks (test/fuzz/properties.ts):
 * - importPlan changes nothing but its own review sheet, writes it only when it read a plan (header,
 *   every `Nhập` a ticked checkbox, text cells as text) and leaves it as it was when it refused;
 * - confirmImport changes no cell of an existing row except the computed columns and the review's
 *   `Đã nhập`, appends rows only below the data, fills only blank `Cấu hình` values; the codes it
 *   gives are new, unique and after the highest of their series, the text it writes stays text,
 *   each new row's code is marked in the review, and a second confirmImport changes nothing.
 */
import fc from 'fast-check';
import type { Emulator } from '../../emulator/index';
import { userEdit } from '../../emulator/edits';
import { FileModel } from '../../emulator/services/drive';
import { columnLetters } from '../../emulator/services/spreadsheet';
import { openAsGoogleDoc } from '../../scripts/import-plan';
import { CONFIG_SHEET, INDICATORS, LOG, PERIODS, type SheetDef, TASKS } from '../../src/contract/sheets';
import { REVIEW_HEADERS, REVIEW_SHEET } from '../../src/core/import/review';
import type { FuzzOperation, Step } from './operations';
import { importSpec, planDoc, reviewSpec } from './plan-docs';
import {
  cellAt,
  isBlankValue,
  lastContentRow,
  sheetChanges,
  type SheetState,
  type WorkbookState,
  workbookState,
} from './workbook';

const WORD_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const normalise = (h: unknown) =>
  String(h ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const show = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…` : v);
const sheetOf = (state: WorkbookState, name: string) => state.find((s) => s.name === name);

/** Column (1-based) of a header in a sheet's first row, the leftmost; 0 when absent. */
const columnOf = (s: SheetState | undefined, header: string) =>
  (s?.cells[0] ?? []).findIndex((c) => normalise(c.value) === normalise(header)) + 1;

/** Puts the plan's document into Drive, or the file the user names instead, and returns what the user types. */
function documentInput(emu: Emulator, step: Step): string {
  const { target, doc } = step.importDoc!;
  const other = (mime: string, ext: string) => {
    const id = emu.driveApp.newId('file');
    const url = `https://drive.google.com/file/d/${id}/view`;
    emu.driveApp.addFile(new FileModel(id, `${doc.name}.${ext}`, mime, url));
    return url;
  };
  switch (target) {
    case 'id':
      return openAsGoogleDoc(emu, doc.name, doc.blocks);
    case 'link':
      return `https://docs.google.com/document/d/${openAsGoogleDoc(emu, doc.name, doc.blocks)}/edit?usp=sharing`;
    case 'missing':
      return 'https://docs.google.com/document/d/1xKhongCoTepNayTrongDrive0000/edit';
    case 'word':
      return other(WORD_MIME, 'docx');
    case 'pdf':
      return other('application/pdf', 'pdf');
    case 'not a link':
      return 'kế hoạch năm nay';
  }
}

/** The user's changes to the review sheet before confirming (typed as in Sheets, no trigger). */
function reviewByHand(emu: Emulator, step: Step): void {
  const sheet = emu.spreadsheet.getSheetByName(REVIEW_SHEET);
  const review = step.review;
  if (!sheet || !review) return;
  const rows = sheet.getDataRange().getValues().length - 1;
  if (rows < 1) return;
  const at = (row: number, header: string) =>
    `${columnLetters(REVIEW_HEADERS.indexOf(header as (typeof REVIEW_HEADERS)[number]) + 1)}${2 + (row % rows)}`;
  for (const row of review.untick) userEdit(emu, REVIEW_SHEET, at(row, 'Nhập'), false, { trigger: false });
  const { retype } = review;
  if (retype) userEdit(emu, REVIEW_SHEET, at(retype.row, retype.header), retype.value, { trigger: false });
}

/** What a run of importPlan left in `Nhập kế hoạch`. */
function checkReview(
  before: WorkbookState,
  after: WorkbookState,
  succeeded: boolean,
  count: (what: string, n: number) => void,
): string[] {
  const b = sheetOf(before, REVIEW_SHEET);
  const a = sheetOf(after, REVIEW_SHEET);
  if (!succeeded)
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [`«${REVIEW_SHEET}» changed though the import was refused`];
  if (!a) return [`«${REVIEW_SHEET}» missing after a successful import`];
  const out: string[] = [];
  const header = a.cells[0]!.map((c) => c.value).slice(0, REVIEW_HEADERS.length);
  if (JSON.stringify(header) !== JSON.stringify(REVIEW_HEADERS)) out.push(`review header ${show(header)}`);
  const tick = REVIEW_HEADERS.indexOf('Nhập') + 1;
  const texts = ['Loại', 'Lĩnh vực', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Hạn hoàn thành', 'Nguồn', 'Cần xem lại'];
  let rows = 0;
  for (let r = 2; r <= a.cells.length; r++) {
    const cells = a.cells[r - 1]!;
    if (cells.every((c) => isBlankValue(c.value))) continue;
    rows++;
    const box = cellAt(a, r, tick);
    if (box.value !== true || !box.validation.includes('CHECKBOX'))
      out.push(`review R${r}: «Nhập» is ${show(box.value)} (${box.validation || 'no rule'}), not a ticked checkbox`);
    for (const h of texts) {
      const v = cellAt(a, r, REVIEW_HEADERS.indexOf(h as (typeof REVIEW_HEADERS)[number]) + 1).value;
      if (typeof v !== 'string') out.push(`review R${r} «${h}» is no longer text: ${show(v)}`);
    }
  }
  if (!rows) out.push('a successful import wrote no review row');
  count('review rows written by importPlan', rows);
  return out;
}

/** Codes of a code column, upper-cased. */
const codesIn = (s: SheetState, col: number, from: number, to: number) => {
  const out: string[] = [];
  for (let r = from; r <= to; r++)
    out.push(
      String(cellAt(s, r, col).value)
        .trim()
        .toUpperCase(),
    );
  return out;
};

/** The series and number of a code (`NV3.07` → `NV3.`, 7; `CT12` → `CT`, 12). */
const series = (code: string) => /^(NV|CT)(\d\.)?(\d+)$/.exec(code);

/** Rows confirmImport appended to a data sheet: new, unique codes after the highest, text kept as text. */
function checkAppended(
  def: SheetDef,
  before: SheetState,
  after: SheetState,
  review: SheetState | undefined,
  count: (what: string, n: number) => void,
): string[] {
  const out: string[] = [];
  const last = lastContentRow(before);
  const col = (key: string) => columnOf(before, def.columns[key]!.header);
  const code = col('code');
  const appended: number[] = [];
  for (let r = last + 1; r <= after.cells.length; r++)
    if (after.cells[r - 1]!.some((c) => !isBlankValue(c.value))) appended.push(r);
  count(`rows appended to «${def.name}»`, appended.length);
  if (!appended.length || !code) return out;
  const old = codesIn(before, code, 2, last);
  const marks = new Set(
    (review?.cells ?? []).slice(1).map((r) => String(r[REVIEW_HEADERS.indexOf('Đã nhập')]?.value ?? '').toUpperCase()),
  );
  const seen = new Set<string>();
  for (const r of appended) {
    const c = String(cellAt(after, r, code).value)
      .trim()
      .toUpperCase();
    const at = `«${def.name}» R${r}`;
    if (!c) out.push(`${at}: appended without a code`);
    else if (old.includes(c) || seen.has(c)) out.push(`${at}: code ${c} is not new`);
    seen.add(c);
    if (c && !marks.has(c)) out.push(`${at}: code ${c} not marked in «${REVIEW_SHEET}»`);
    const m = series(c);
    if (def !== PERIODS && !m) out.push(`${at}: code ${show(c)} is not NV…/CT…`);
    if (m) {
      const highest = Math.max(
        0,
        ...old
          .map(series)
          .filter((o) => o && o[1] === m[1] && o[2] === m[2])
          .map((o) => Number(o![3])),
      );
      if (Number(m[3]) <= highest) out.push(`${at}: code ${c} is not after the highest existing (${highest})`);
    }
    for (const key of ['code', 'area', 'name', 'lead', 'partners', 'deadline', 'unit', 'due']) {
      if (!def.columns[key]) continue;
      const v = cellAt(after, r, col(key)).value;
      if (col(key) && !isBlankValue(v) && typeof v !== 'string')
        out.push(`${at} «${def.columns[key]!.header}» written as ${show(v)}, not text`);
    }
  }
  return out;
}

/** A second confirmImport adds nothing and changes nothing (but its `Nhật ký` line). */
function checkSecondConfirm(emu: Emulator): string[] {
  const without = (s: WorkbookState) => JSON.stringify(s.filter((x) => x.name !== LOG.name));
  const before = without(workbookState(emu));
  const dialogs = emu.dialogs.length;
  emu.run('confirmImport', [], { as: 'menu' });
  const out: string[] = [];
  if (without(workbookState(emu)) !== before) out.push('a second confirmImport changed the workbook');
  const said = emu.dialogs.slice(dialogs).join(' ');
  if (!/^Đã nhập 0 nhiệm vụ, 0 chỉ tiêu, 0 kỳ báo cáo, 0 mục cấu hình/.test(said))
    out.push(`a second confirmImport said ${show(said)}`);
  return out;
}

const reviewColumn = (before: SheetState, header: string) => columnOf(before, header);

export const IMPORT_OPERATIONS: Record<string, FuzzOperation> = {
  importPlan: {
    fn: 'importPlan',
    as: 'menu',
    step: importSpec.map((importDoc) => ({ op: 'importPlan', importDoc })),
    reports: 'dialog',
    logRows: 'one',
    writesComputed: false,
    refreshes: 'never',
    appendsTo: [],
    owns: [REVIEW_SHEET],
    prepare: (emu, step) => ({ args: [documentInput(emu, step)] }),
    check: ({ before, after, succeeded, count }) => checkReview(before, after, succeeded, count),
  },
  confirmImport: {
    fn: 'confirmImport',
    as: 'menu',
    // Now and then a plan imported just before (the fault fuzz always has one: see faults.ts).
    step: fc
      .record({ review: reviewSpec, doc: fc.option(planDoc, { freq: 2 }) })
      .map(({ review, doc }) => ({ op: 'confirmImport', review, ...(doc ? { importDoc: { target: 'id' as const, doc } } : {}) })),
    reports: 'dialog',
    logRows: 'one',
    // It refreshes the statuses once it has appended rows.
    writesComputed: true,
    refreshes: 'never',
    appendsTo: [],
    allows: (ch, before) => {
      if (ch.sheet === REVIEW_SHEET) return ch.row >= 2 && ch.col === reviewColumn(before, 'Đã nhập');
      if (ch.sheet === CONFIG_SHEET)
        return (
          (ch.row > lastContentRow(before) && ch.col <= 2) ||
          (ch.col === 2 && ch.attr === 'value' && isBlankValue(cellAt(before, ch.row, 2).value))
        );
      return [TASKS.name, INDICATORS.name, PERIODS.name].includes(ch.sheet) && ch.row > lastContentRow(before);
    },
    prepare: (emu, step) => {
      if (step.importDoc) emu.run('importPlan', [documentInput(emu, step)], { as: 'menu' });
      reviewByHand(emu, step);
      return { args: [] };
    },
    check: ({ emu, before, after, succeeded, count }) => {
      if (!succeeded) return [];
      count('confirmImport runs checked by a second one', 1);
      const settings = sheetOf(after, CONFIG_SHEET);
      count(
        '«Cấu hình» values filled or appended',
        sheetChanges(sheetOf(before, CONFIG_SHEET), settings ?? before[0]!).filter(
          (ch) => settings && ch.col === 2 && ch.attr === 'value',
        ).length,
      );
      const review = sheetOf(after, REVIEW_SHEET);
      const out = [TASKS, INDICATORS, PERIODS].flatMap((def) => {
        const b = sheetOf(before, def.name);
        const a = sheetOf(after, def.name);
        return b && a ? checkAppended(def, b, a, review, count) : [];
      });
      return [...out, ...checkSecondConfirm(emu)];
    },
  },
};
