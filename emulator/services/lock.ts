/**
 * LockService. A test can say the document lock is held by another execution: then tryLock
 * waits its full time-out (the clock moves on) and returns false, and waitLock throws.
 */
import { ServiceObject } from '../realm';
import { AppsScriptError } from './spreadsheet';

export class LockState {
  /** Another execution holds the lock for this long from now (ms); Infinity: never released. */
  heldElsewhereFor = 0;
  heldByUs = false;
  waits: number[] = [];
}

export class LockModel extends ServiceObject {
  readonly kind = 'Lock';
  readonly service = 'lock' as const;

  constructor(private readonly state: LockState, private readonly advance: (ms: number) => void) {
    super();
  }

  tryLock(timeoutMs: number): boolean {
    this.state.waits.push(timeoutMs);
    if (this.state.heldByUs) return true;
    if (this.state.heldElsewhereFor > timeoutMs) {
      this.advance(timeoutMs);
      this.state.heldElsewhereFor -= timeoutMs;
      return false;
    }
    if (this.state.heldElsewhereFor > 0) {
      this.advance(this.state.heldElsewhereFor);
      this.state.heldElsewhereFor = 0;
    }
    this.state.heldByUs = true;
    return true;
  }

  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new AppsScriptError('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    this.state.heldByUs = false;
  }

  hasLock(): boolean {
    return this.state.heldByUs;
  }
}

export class LockServiceModel extends ServiceObject {
  readonly kind = 'LockService';
  readonly service = 'lock' as const;

  constructor(private readonly lock: LockModel) {
    super();
  }

  getDocumentLock() { return this.lock; }
  getScriptLock() { return this.lock; }
  getUserLock() { return this.lock; }
}
