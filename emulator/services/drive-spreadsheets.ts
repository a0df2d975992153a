/**
 * Other spreadsheets than the bound one: who may open them (per user: edit, view or none), which
 * were deleted, and which fail when read (a service fault). Serves SpreadsheetApp.openById /
 * openByUrl, the Sheets API model, and the write guard: a user with view access who calls a
 * method that changes a spreadsheet gets Apps Script's permission error, so a script that must
 * only read another spreadsheet is held to it.
 */
import type { ServiceObject } from '../realm';
import type { Access } from './drive';
import { AppsScriptError, serviceFailed } from '../errors';
import { RangeModel, SheetModel, SpreadsheetModel } from './spreadsheet';

/** Apps Script's messages (as seen in executions' logs). */
export const OPEN_ERRORS = {
  noAccess: 'You do not have permission to access the requested document.',
  missing: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  badUrl: 'Invalid argument: url',
  readOnly: 'You do not have permission to edit this document. Ask its owner for edit access.',
  fault: (id: string) => serviceFailed('Spreadsheets', id),
} as const;

interface Entry {
  model: SpreadsheetModel;
  access: Map<string, Access>;
  deleted: boolean;
  faulty: boolean;
}

/** Methods that change a spreadsheet (the rest only read it or build objects). */
const MUTATES =
  /^(set|insert|delete|clear|append|add|remove|protect|rename|sort|merge|hide|show|copyTo|moveTo|autoResize|create)/;

export function spreadsheetOf(target: ServiceObject): SpreadsheetModel | null {
  if (target instanceof SpreadsheetModel) return target;
  if (target instanceof SheetModel) return target.parent;
  if (target instanceof RangeModel) return target.sheet.parent;
  const sheet = (target as { sheet?: unknown }).sheet;
  return sheet instanceof SheetModel ? sheet.parent : null;
}

export class SpreadsheetFiles {
  private readonly entries = new Map<string, Entry>();

  /** Host-side: a spreadsheet in Drive, with each user's access (others: none). */
  add(model: SpreadsheetModel, access: Record<string, Access>): SpreadsheetModel {
    this.entries.set(model.id, { model, access: new Map(Object.entries(access)), deleted: false, faulty: false });
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.entries.get(id)?.model;
  }

  all(): SpreadsheetModel[] {
    return [...this.entries.values()].map((e) => e.model);
  }

  setAccess(id: string, user: string, access: Access): void {
    this.entry(id).access.set(user, access);
  }

  /** Deleted for good (not in the trash): nobody can open it any more. */
  delete(id: string): void {
    this.entry(id).deleted = true;
  }

  /** Every call on it fails as a service fault does (the file is there, access is fine). */
  breakReads(id: string): void {
    this.entry(id).faulty = true;
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new Error(`No spreadsheet ${id} in the emulator`);
    return e;
  }

  /** What `user` may do with the spreadsheet `id`: the error it would meet opening it, or its access. */
  check(id: string, user: string): { ok: true; model: SpreadsheetModel; access: Access } | { ok: false; error: string } {
    const e = this.entries.get(id);
    if (!e || e.deleted) return { ok: false, error: OPEN_ERRORS.missing };
    const access = e.access.get(user) ?? 'none';
    if (access === 'none') return { ok: false, error: OPEN_ERRORS.noAccess };
    if (e.faulty) return { ok: false, error: OPEN_ERRORS.fault(id) };
    return { ok: true, model: e.model, access };
  }

  open(id: string, user: string): SpreadsheetModel {
    const r = this.check(id, user);
    if (!r.ok) throw new AppsScriptError(r.error);
    return r.model;
  }

  openByUrl(url: string, user: string): SpreadsheetModel {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw new AppsScriptError(OPEN_ERRORS.badUrl);
    return this.open(m[1]!, user);
  }

  /**
   * Called before every call on a spreadsheet object: a spreadsheet of this registry that became
   * unreadable, was deleted or unshared since it was opened fails the call; a change needs edit access.
   */
  guard(target: ServiceObject, method: string, user: string): void {
    const ss = spreadsheetOf(target);
    if (!ss || !this.entries.has(ss.id)) return;
    const r = this.check(ss.id, user);
    if (!r.ok) throw new AppsScriptError(r.error);
    if (r.access !== 'edit' && MUTATES.test(method)) throw new AppsScriptError(OPEN_ERRORS.readOnly);
  }
}
