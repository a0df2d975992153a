/**
 * A local Apps Script: runs the built bundle (dist/*.js) in a fresh node:vm context per execution,
 * with in-memory services that keep their state across executions, a controllable clock, call
 * counts, and Apps Script's errors and authorisation rules. Never pushed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { AppsScriptError } from './errors';
import { Faults, faultMessage } from './faults';
import { instantIn } from './zone';
import { CallCounter, rangeTraffic, type ServiceName, type Traffic } from './calls';
import { Realm, type ServiceObject } from './realm';
import { NEEDS_AUTHORISATION, requiredScopes } from './scopes';
import { surfaceOf } from './surface';
import { DocumentAppModel } from './services/document';
import { DocsServiceModel } from './services/docs-api';
import { DriveAppModel, FileModel, MIME } from './services/drive';
import { LockModel, LockServiceModel, LockState } from './services/lock';
import { MailAppModel, MailState } from './services/mail';
import { PropertiesServiceModel } from './services/properties';
import { ScriptAppModel, TriggerStore } from './services/script';
import { SessionModel } from './services/session';
import { RangeModel, SheetModel, SpreadsheetAppModel, SpreadsheetModel } from './services/spreadsheet';
import { UiModel, UiState } from './services/ui';
import { UtilitiesService } from './services/utilities';
import { SpreadsheetFiles } from './services/drive-spreadsheets';
import { RemoteState, UrlFetchAppModel } from './services/urlfetch';

/** How an execution was started; decides what it may use (simple triggers, no UI in time-driven runs). */
export type ExecutionKind = 'menu' | 'simple' | 'time' | 'editor';

export interface RunOptions {
  as?: ExecutionKind;
  /** Whom it runs as (default: the emulator's user); a trigger runs as the user who created it. */
  user?: string;
  /**
   * False: the script runs outside its container (a standalone script or web app), where
   * getActiveSpreadsheet() and LockService.getDocumentLock() return null. Default true.
   */
  bound?: boolean;
}

export interface Execution<T = unknown> {
  value: T;
  calls: CallCounter;
  /** Messages from console.* and Logger.log. */
  logs: string[];
}

export class ScriptError extends Error {
  constructor(
    message: string,
    readonly execution: Execution<undefined>,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY_MS = 86_400_000;
/** Apps Script stops an execution after 6 minutes (Quotas for Google Services: script runtime). */
export const MAX_EXECUTION_MS = 6 * 60_000;
/** ... and a simple trigger after 30 seconds (Simple triggers: restrictions). */
export const MAX_SIMPLE_TRIGGER_MS = 30_000;

const EXCEEDED = 'Exceeded maximum execution time';

const compiled = new Map<string, vm.Script>();

function loadBundle(dir: string): vm.Script {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  if (!files.length) throw new Error(`No .js files in ${dir}: run npm run build first.`);
  const code = files.map((f) => readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
  let script = compiled.get(code);
  if (!script) {
    script = new vm.Script(code, { filename: `${dir}/${files[0]}` });
    compiled.set(code, script);
  }
  return script;
}

export interface EmulatorOptions {
  /** The clock's start (default: 2024-01-15 09:00 UTC). */
  now?: Date;
  /** The spreadsheet's time zone (default: the manifest's). */
  timeZone?: string;
  /** The spreadsheet's locale (default: en_US, as a spreadsheet made by an en_US account). */
  locale?: string;
  /** The bound spreadsheet's name (default: "Untitled spreadsheet"). */
  name?: string;
  /** The Drive folder that holds the spreadsheet (default: the root of My Drive). */
  folder?: string;
  user?: string;
  /** Folder of the built code and its manifest (default: dist/). */
  bundleDir?: string;
}

export class Emulator {
  now: number;
  readonly spreadsheet: SpreadsheetModel;
  /** Spreadsheets the script made with Spreadsheet.copy, in order. */
  readonly copies: SpreadsheetModel[] = [];
  readonly ui = new UiState();
  readonly locks = new LockState();
  readonly properties = new PropertiesServiceModel();
  readonly triggers = new TriggerStore();
  readonly mail = new MailState();
  /** Milliseconds the clock moves on each call of a service (to make long runs testable). */
  readonly callCostMs: Partial<Record<ServiceName, number>> = {};
  readonly driveApp = new DriveAppModel();
  readonly documentApp = new DocumentAppModel(this.driveApp);
  readonly user: string;
  readonly manifest: {
    oauthScopes?: string[];
    timeZone: string;
    dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
  };
  /** Scopes that calls needed, across all executions (for the least-privilege check). */
  readonly scopesUsed = new Set<string>();
  /** Calls of every execution since the emulator was made. */
  readonly allCalls = new CallCounter();
  /** Spreadsheets other than the bound one, with each user's access. */
  readonly files = new SpreadsheetFiles();
  /** The remote side of UrlFetchApp (a modelled Sheets API), its quotas and latency. */
  readonly remote = new RemoteState(this.files);
  /** Milliseconds the clock moves on each call of one method ("SpreadsheetApp.openById"), on top of callCostMs. */
  readonly methodCostMs: Record<string, number> = {};
  /** Milliseconds the clock moves for each cell a call reads or writes. */
  cellCostMs = 0;
  /**
   * The clock also moves by the script's own time between service calls, measured here and scaled
   * by this factor (0: not at all), so that a script's Date.now() sees its own work as on Apps Script.
   */
  scriptTimeScale = 0;
  /** Transient faults to inject at chosen service calls (emulator/faults.ts). */
  readonly faults = new Faults();
  private readonly bundle: vm.Script;

  constructor(options: EmulatorOptions = {}) {
    const dir = options.bundleDir ?? `${ROOT}dist`;
    this.bundle = loadBundle(dir);
    this.manifest = JSON.parse(readFileSync(`${dir}/appsscript.json`, 'utf8'));
    this.spreadsheet = new SpreadsheetModel(
      options.name ?? 'Untitled spreadsheet',
      options.timeZone ?? this.manifest.timeZone,
      options.locale ?? 'en_US',
    );
    this.user = options.user ?? 'user@example.com';
    const ss = this.spreadsheet;
    const folder = options.folder ? this.driveApp.addFolder(options.folder) : this.driveApp.root;
    this.driveApp.addFile(new FileModel(ss.id, ss.name, MIME.spreadsheet, ss.getUrl()), folder);
    ss.onCopy = (copy) => {
      const id = this.driveApp.newId('spreadsheet');
      this.copies.push(copy);
      this.driveApp.addFile(new FileModel(id, copy.name, MIME.spreadsheet, `https://docs.google.com/spreadsheets/d/${id}/edit`));
      return id;
    };
    this.now = options.now?.getTime() ?? Date.UTC(2024, 0, 15, 9);
  }

  /** Sets the clock to `hour` o'clock of a calendar day ("2023-08-20") in the spreadsheet's zone. */
  setToday(ymd: string, hour = 9): void {
    this.now = instantIn(this.spreadsheet.timeZone, ymd, hour);
  }

  advanceDays(days: number): void {
    this.now += days * DAY_MS;
  }

  /** A Date cell value for a calendar day: midnight of that day in the spreadsheet's zone. */
  date(ymd: string): Date {
    return new Date(instantIn(this.spreadsheet.timeZone, ymd));
  }

  /** Runs a global function of the bundle as one fresh execution. */
  run<T = unknown>(fn: string, args: unknown[] = [], options: RunOptions = {}): Execution<T> {
    const as = options.as ?? 'menu';
    const calls = new CallCounter();
    const logs: string[] = [];
    const limit = {
      endsAt: this.now + (as === 'simple' ? MAX_SIMPLE_TRIGGER_MS : MAX_EXECUTION_MS),
      exceeded: false,
      lastReturn: performance.now(),
    };
    const user = options.user ?? this.user;
    const realm: Realm = new Realm(
      () => this.now,
      (obj) => this.expose(obj, realm, calls, as, limit, user),
    );
    this.installGlobals(realm, as, logs, user, options.bound ?? true, calls);
    realm.run(this.bundle);
    const target = realm.global(fn);
    if (typeof target !== 'function') throw new Error(`The bundle has no global function ${fn}`);
    try {
      const value = (target as (...a: unknown[]) => unknown)(...args.map((a) => realm.toScript(a)));
      if (this.now > limit.endsAt) limit.exceeded = true;
      if (limit.exceeded) throw new Error(EXCEEDED);
      return { value: realm.fromScript(value) as T, calls, logs };
    } catch (e) {
      // A killed execution fails whatever the script caught.
      const message = limit.exceeded
        ? EXCEEDED
        : e && typeof e === 'object' && 'message' in e
          ? String((e as Error).message)
          : String(e);
      throw new ScriptError(message, { value: undefined, calls, logs });
    } finally {
      this.locks.endExecution();
    }
  }

  private installGlobals(
    realm: Realm,
    as: ExecutionKind,
    logs: string[],
    user: string,
    bound: boolean,
    calls: CallCounter,
  ): void {
    const uiModel = new UiModel(this.ui);
    const wait = (ms: number) => {
      this.now += ms;
      for (const c of [calls, this.allCalls]) c.waitMs += ms;
    };
    const scopes = this.manifest.oauthScopes ?? [];
    const lock = new LockModel(this.locks, (ms) => (this.now += ms));
    const services: Record<string, ServiceObject> = {
      SpreadsheetApp: new SpreadsheetAppModel(
        () => (bound ? this.spreadsheet : null),
        () => {
          if (as === 'time' || as === 'editor')
            throw new AppsScriptError('Cannot call SpreadsheetApp.getUi() from this context.');
          return uiModel;
        },
        { open: (id) => this.files.open(id, user), openByUrl: (url) => this.files.openByUrl(url, user) },
      ),
      LockService: new LockServiceModel(lock, bound),
      PropertiesService: this.properties,
      // No active user where nobody is at the keyboard: simple triggers and time-driven runs.
      Session: new SessionModel(() => (as === 'simple' || as === 'time' ? '' : user), user, this.manifest.timeZone),
      Utilities: new UtilitiesService(wait),
      ScriptApp: new ScriptAppModel({
        store: this.triggers,
        user,
        scriptTimeZone: this.manifest.timeZone,
        now: () => this.now,
        token: () => this.remote.tokenFor(user, scopes),
      }),
      UrlFetchApp: new UrlFetchAppModel(this.remote, user, { now: () => this.now, wait }),
      MailApp: new MailAppModel(this.mail, user, () => this.now),
      DocumentApp: this.documentApp,
      DriveApp: this.driveApp,
    };
    // Advanced services exist only where the manifest enables them.
    const advanced = this.manifest.dependencies?.enabledAdvancedServices ?? [];
    if (advanced.some((a) => a.userSymbol === 'Docs' && a.serviceId === 'docs'))
      services.Docs = new DocsServiceModel(this.documentApp);
    for (const [name, svc] of Object.entries(services)) realm.define(name, realm.toScript(svc));
    const log = (...a: unknown[]) => logs.push(a.map(String).join(' '));
    realm.define('console', realm.toScript({}));
    const con = realm.global('console') as Record<string, unknown>;
    for (const k of ['log', 'info', 'warn', 'error']) con[k] = log;
    realm.define('Logger', realm.toScript({}));
    (realm.global('Logger') as Record<string, unknown>).log = log;
  }

  /** The script's view of a host object: counted, authorised, values converted both ways. */
  private expose(
    obj: ServiceObject,
    realm: Realm,
    calls: CallCounter,
    as: ExecutionKind,
    limit: { endsAt: number; exceeded: boolean; lastReturn: number },
    user: string,
  ): object {
    const emulator = this;
    // Only Apps Script's members (emulator/surface.ts): a host-side helper is not a function here.
    const surface = surfaceOf(obj.kind);
    const refuse = () => false;
    return new Proxy(obj, {
      get(target, prop) {
        // Apps Script objects print as their class name ("Range").
        if (prop === 'toString') return () => target.kind;
        if (typeof prop !== 'string' || !surface.has(prop)) return undefined;
        const member = (target as unknown as Record<string, unknown>)[prop];
        // Enums (ButtonSet, DigestAlgorithm, …) are data.
        if (typeof member !== 'function') return realm.toScript(member);
        const method = `${target.kind}.${prop}`;
        return (...args: unknown[]) => {
          emulator.now += (performance.now() - limit.lastReturn) * emulator.scriptTimeScale;
          const counters = [calls, emulator.allCalls];
          for (const c of counters) c.add(target.service, method);
          if (emulator.now > limit.endsAt) limit.exceeded = true;
          if (limit.exceeded) throw realm.error(EXCEEDED);
          const call = { index: calls.total(), service: target.service, method };
          const fault = emulator.faults.check(call);
          if (fault) throw realm.error(faultMessage(fault, call, documentIdOf(target, emulator)));
          emulator.now += (emulator.callCostMs[target.service] ?? 0) + (emulator.methodCostMs[method] ?? 0);
          const started = performance.now();
          try {
            emulator.authorise(target, prop, method, as);
            if (target.service === 'spreadsheet') emulator.files.guard(target, prop, user);
            const hostArgs = args.map((a) => realm.fromScript(a));
            const out = (member as (...a: unknown[]) => unknown).apply(target, hostArgs);
            const traffic = trafficOf(target, prop, hostArgs);
            for (const c of counters) c.addCells(traffic);
            emulator.now += (traffic[0] + traffic[1]) * emulator.cellCostMs;
            return realm.toScript(out);
          } catch (e) {
            if (e instanceof AppsScriptError) throw realm.error(e.message);
            throw e;
          } finally {
            limit.lastReturn = performance.now();
            for (const c of counters) c.serviceMs += limit.lastReturn - started;
          }
        };
      },
      has: (_target, prop) => typeof prop === 'string' && surface.has(prop),
      // The script cannot list, change or walk up to the model's own fields and prototype.
      ownKeys: () => [],
      getOwnPropertyDescriptor: () => undefined,
      getPrototypeOf: () => realm.intrinsics.Object.prototype,
      set: refuse,
      defineProperty: refuse,
      deleteProperty: refuse,
    });
  }

  private authorise(target: ServiceObject, prop: string, method: string, as: ExecutionKind): void {
    if (as === 'simple' && NEEDS_AUTHORISATION.has(target.service)) {
      const scope = requiredScopes(target.service, method)?.[0] ?? '';
      throw new AppsScriptError(`You do not have permission to call ${target.kind}.${prop}. Required permissions: ${scope}`);
    }
    const needed = requiredScopes(target.service, method);
    if (!needed) return;
    const granted = this.manifest.oauthScopes;
    const match = granted ? needed.find((s) => granted.includes(s)) : needed[0];
    if (!match) {
      throw new AppsScriptError(
        `Specified permissions are not sufficient to call ${target.kind}.${prop}. Required permissions: ${needed[0]}`,
      );
    }
    this.scopesUsed.add(match);
  }

  /** Dialog messages shown so far (most recent last). */
  get dialogs(): string[] {
    return this.ui.dialogs.map((d) => d.message);
  }
}

/** The id named in "Service … failed while accessing document with id …". */
function documentIdOf(target: ServiceObject, emu: Emulator): string {
  if (target.service === 'document') {
    const id = (target as { id?: unknown }).id;
    return typeof id === 'string' ? id : (emu.documentApp.documents.at(-1)?.id ?? '');
  }
  return emu.spreadsheet.id;
}

/** Cells a call carried: a Range call's range, or the row that appendRow adds. */
function trafficOf(target: ServiceObject, prop: string, args: unknown[]): Traffic {
  if (target instanceof RangeModel) return rangeTraffic(prop, target.numRows * target.numColumns);
  if (target instanceof SheetModel && prop === 'appendRow') return [0, Array.isArray(args[0]) ? args[0].length : 0];
  return [0, 0];
}

export { AppsScriptError };
