/**
 * Transient faults: Google's services fail now and then, and a script must survive that (retry,
 * or stop with nothing half-written). The emulator throws, at a chosen service call of an
 * execution, the messages Apps Script throws in those cases.
 */
import type { ServiceName } from './calls';
import { serviceFailed } from './errors';

export type FaultKind = 'failed' | 'unavailable' | 'quota' | 'email-quota';

/** One service call as a fault rule sees it: its 1-based index in the execution, service, method. */
export interface CallInfo {
  index: number;
  service: ServiceName;
  method: string;
}

/** The product names in Apps Script's messages ("Service unavailable: Documents"). */
const PRODUCT: Record<ServiceName, string> = {
  spreadsheet: 'Spreadsheets',
  ui: 'Spreadsheets',
  document: 'Documents',
  drive: 'Drive',
  mail: 'Mail',
  script: 'Script',
  lock: 'Lock',
  properties: 'Properties',
  session: 'Session',
  utilities: 'Utilities',
  html: 'Html',
  urlfetch: 'UrlFetch',
};

/** The quota named in "Service invoked too many times for one day: …". */
const QUOTA: Partial<Record<ServiceName, string>> = { mail: 'email', document: 'docs create', drive: 'driveapp' };

export function faultMessage(kind: FaultKind, call: CallInfo, documentId: string): string {
  switch (kind) {
    case 'failed':
      return serviceFailed(PRODUCT[call.service], documentId);
    case 'unavailable':
      return `Service unavailable: ${PRODUCT[call.service]}`;
    case 'quota':
      return `Service invoked too many times for one day: ${QUOTA[call.service] ?? call.service}.`;
    case 'email-quota':
      return 'Service invoked too many times for one day: email.';
  }
}

type Rule = (call: CallInfo) => FaultKind | null;

export class Faults {
  private rules: Rule[] = [];

  /** Fails the `index`-th service call (1-based) of the next execution that reaches it. */
  failAt(index: number, kind: FaultKind = 'failed'): void {
    let used = false;
    this.rules.push((call) => {
      if (used || call.index !== index) return null;
      used = true;
      return kind;
    });
  }

  /** Fails every call for which `rule` names a fault, until `clear()`. */
  when(rule: Rule): void {
    this.rules.push(rule);
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, if a rule names one. */
  check(call: CallInfo): FaultKind | null {
    for (const rule of this.rules) {
      const kind = rule(call);
      if (kind) return kind;
    }
    return null;
  }
}
