/**
 * The record of reminders sent, in the document's properties (shared by every user and trigger of
 * this workbook): read once per run, pruned of stale keys, written one key per mail.
 */
import type { Day } from '../core/days';
import { type Ledger, readLedger, staleLedgerKeys } from '../core/reminders';

export interface LedgerStore {
  ledger: Ledger;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function openLedger(today: Day): LedgerStore {
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  for (const key of staleLedgerKeys(all, today)) {
    props.deleteProperty(key);
    delete all[key];
  }
  return {
    ledger: readLedger(all),
    set: (key, value) => void props.setProperty(key, value),
    remove: (key) => void props.deleteProperty(key),
  };
}
