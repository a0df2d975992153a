/**
 * LockService. The lock belongs to the execution that took it, as on Apps Script. Two ways to
 * make operations overlap in a test:
 * - `heldElsewhereFor`: an execution outside the emulator holds the lock for that long; tryLock
 *   waits (the clock moves on) and gets it when it is released within the time-out, otherwise
 *   returns false after the full time-out (waitLock throws);
 * - `meanwhile`: a callback run once, right after an execution takes the lock and while it holds
 *   it; a test starts another execution there (emu.run), which finds the lock taken, waits its
 *   time-out and gives up, and then the first execution goes on.
 * The document, script and user locks are one lock here: stricter than Apps Script, never kinder.
 */
import { ServiceObject } from '../realm';
import { AppsScriptError } from '../errors';

export class LockState {
  /** Another execution holds the lock for this long from now (ms); Infinity: never released. */
  heldElsewhereFor = 0;
  /** Runs once while an execution of the emulator holds the lock (see above). */
  meanwhile: (() => void) | null = null;
  /** The time-outs asked for, in order. */
  readonly waits: number[] = [];
  /** How often an execution gave up waiting. */
  timeouts = 0;
  holder: LockModel | null = null;
  /** Executions running now, innermost last (an execution started in `meanwhile` nests). */
  private readonly running: LockModel[] = [];

  begin(lock: LockModel): void {
    this.running.push(lock);
  }

  /** Apps Script releases an execution's lock when the execution ends. */
  endExecution(): void {
    const lock = this.running.pop();
    if (lock && this.holder === lock) this.holder = null;
  }
}

export class LockModel extends ServiceObject {
  readonly kind = 'Lock';
  readonly service = 'lock' as const;

  constructor(
    private readonly state: LockState,
    private readonly advance: (ms: number) => void,
  ) {
    super();
    state.begin(this);
  }

  tryLock(timeoutMs: number): boolean {
    const state = this.state;
    state.waits.push(timeoutMs);
    if (state.holder === this) return true;
    // Another execution of the emulator cannot release while this one waits: it is suspended.
    if (state.holder !== null || state.heldElsewhereFor > timeoutMs) {
      this.advance(timeoutMs);
      if (state.holder === null) state.heldElsewhereFor -= timeoutMs;
      state.timeouts++;
      return false;
    }
    if (state.heldElsewhereFor > 0) {
      this.advance(state.heldElsewhereFor);
      state.heldElsewhereFor = 0;
    }
    state.holder = this;
    const meanwhile = state.meanwhile;
    if (meanwhile) {
      state.meanwhile = null;
      meanwhile();
    }
    return true;
  }

  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new AppsScriptError('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export class LockServiceModel extends ServiceObject {
  readonly kind = 'LockService';
  readonly service = 'lock' as const;

  constructor(
    private readonly lock: LockModel,
    private readonly bound: boolean,
  ) {
    super();
  }

  /** Null outside a container document (a standalone script or web app), as the reference says. */
  getDocumentLock() {
    return this.bound ? this.lock : null;
  }
  getScriptLock() {
    return this.lock;
  }
  getUserLock() {
    return this.lock;
  }
}
