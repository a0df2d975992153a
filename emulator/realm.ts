/**
 * The script's world: a node:vm context holding only ECMAScript built-ins and the Apps Script
 * services we model. Values cross the boundary through `toScript` / `fromScript`, so the script
 * sees its own realm's Arrays, Dates and Errors (as on Apps Script) and the host sees its own.
 */
import vm from 'node:vm';

import type { ServiceName } from './calls';

/**
 * Base of every host object that stands for an Apps Script object (Range, Sheet, Lock, …). The
 * script gets a proxy of it whose every method call is counted as `${kind}.${method}` and checked
 * against the execution's authorisation.
 */
export abstract class ServiceObject {
  abstract readonly kind: string;
  abstract readonly service: ServiceName;
}

export function isServiceObject(v: unknown): v is ServiceObject {
  return v instanceof ServiceObject;
}

export interface Intrinsics {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

/** Replaces the context's Date so that `new Date()` and `Date.now()` read the emulator's clock. */
const FAKE_DATE = `(function (now) {
  const RealDate = Date;
  function FakeDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length ? new RealDate(...args) : new RealDate(now());
  }
  FakeDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FakeDate, writable: true, configurable: true });
  FakeDate.now = () => now();
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  globalThis.Date = FakeDate;
  return { Array, Date: FakeDate, Object, Error };
})`;

export class Realm {
  readonly context: vm.Context;
  readonly intrinsics: Intrinsics;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    now: () => number,
    private readonly wrap: (obj: ServiceObject) => object,
  ) {
    this.context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    const install = vm.runInContext(FAKE_DATE, this.context) as (now: () => number) => Intrinsics;
    this.intrinsics = install(now);
  }

  define(name: string, value: unknown): void {
    (this.context as Record<string, unknown>)[name] = value;
  }

  run(code: vm.Script): void {
    code.runInContext(this.context);
  }

  global(name: string): unknown {
    return (this.context as Record<string, unknown>)[name];
  }

  /** An Error of the script's realm (so `e instanceof Error` holds in the script). */
  error(message: string, name = 'Exception'): Error {
    const e = new this.intrinsics.Error(message);
    e.name = name;
    return e;
  }

  /** Host → script. */
  toScript(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Date) return new this.intrinsics.Date(v.getTime());
    if (Array.isArray(v)) {
      const out = new this.intrinsics.Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        out[i] = x === null || typeof x !== 'object' ? x : this.toScript(x);
      }
      return out;
    }
    if (isServiceObject(v)) {
      let p = this.proxies.get(v);
      if (!p) {
        p = this.wrap(v);
        this.proxies.set(v, p);
        this.targets.set(p, v);
      }
      return p;
    }
    const out = new this.intrinsics.Object() as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) out[k] = this.toScript(x);
    return out;
  }

  /** Script → host. Service proxies turn back into the host objects they stand for. */
  fromScript(v: unknown): unknown {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (typeof v === 'function') return v;
    const target = this.targets.get(v);
    if (target) return target;
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (Array.isArray(v)) return v.map((x) => this.fromScript(x));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = this.fromScript(x);
    return out;
  }
}
