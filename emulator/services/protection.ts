/**
 * Protected ranges and sheets (Range.protect(), Sheet.protect()). A warning-only protection lets
 * anyone edit after a confirmation; emulator/edits.ts reports the warning a user would see.
 */
import { ServiceObject } from '../realm';
import type { GridRange } from './sheet-types';

/** A sheet as a protection sees it: the list it removes itself from. */
interface ProtectedSheet {
  readonly protections: ProtectionModel[];
}

export const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export class ProtectionModel extends ServiceObject {
  readonly kind = 'Protection';
  readonly service = 'spreadsheet' as const;
  description = '';
  warningOnly = false;

  constructor(
    readonly sheet: ProtectedSheet,
    readonly type: keyof typeof PROTECTION_TYPE,
    public range: GridRange,
  ) {
    super();
  }

  getProtectionType() {
    return this.type;
  }
  getRange() {
    return this.range;
  }
  getDescription() {
    return this.description;
  }
  setDescription(d: string) {
    this.description = String(d);
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  setWarningOnly(w: boolean) {
    this.warningOnly = Boolean(w);
    return this;
  }
  remove() {
    this.sheet.protections.splice(this.sheet.protections.indexOf(this), 1);
  }

  covers(r: number, c: number): boolean {
    const g = this.range;
    return r >= g.row && r <= g.getLastRow() && c >= g.column && c <= g.getLastColumn();
  }
}
