/**
 * A small evaluator for the formula forms the workbook uses (the `Tổng quan` sheet), so that
 * getValues returns what Sheets would show and the .xlsx export carries the same figures:
 * references (A1, $A$1, A:A, 1:1, A1:B5, 'Sheet'!…), numbers, "text", TRUE/FALSE, + - * / & and
 * comparisons, and SUM, COUNTIF, COUNTIFS, MATCH (exact), OFFSET, IF. Anything else is
 * #NAME?, as Sheets says for a function it does not know.
 */
import type { CellValue } from './entry';
import type { GridBook, GridSheet } from './services/sheet-types';

export class FormulaError {
  constructor(readonly code: '#N/A' | '#REF!' | '#VALUE!' | '#DIV/0!' | '#NAME?' | '#ERROR!') {}
}

interface Ref {
  sheet: GridSheet;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

type Scalar = number | string | boolean | Date | FormulaError;
type Value = Scalar | Ref;

const isRef = (v: Value): v is Ref => typeof v === 'object' && v !== null && 'sheet' in v;

const TOKEN = new RegExp(
  [
    /(?<str>"(?:[^"]|"")*")/,
    /(?<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+))/,
    /(?<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/,
    /(?<name>[A-Za-z_][\w.]*)/,
    /(?<op><>|<=|>=|[-+*/&=<>(),])/,
    /(?<space>\s+)/,
  ]
    .map((r) => r.source)
    .join('|'),
  'y',
);

interface Token {
  kind: 'str' | 'ref' | 'num' | 'name' | 'op';
  text: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || m.index !== at) throw new FormulaError('#ERROR!');
    const [kind, text] = Object.entries(m.groups!).find(([, v]) => v !== undefined)!;
    if (kind !== 'space') out.push({ kind: kind as Token['kind'], text: text! });
  }
  return out;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function parseRef(text: string, here: GridSheet, book: GridBook): Ref {
  const bang = text.lastIndexOf('!');
  let sheet = here;
  let a1 = text;
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    const found = book.getSheetByName(name);
    if (!found) throw new FormulaError('#REF!');
    sheet = found;
    a1 = text.slice(bang + 1);
  }
  a1 = a1.replace(/\$/g, '');
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (m) {
    const [r1, c1] = [Number(m[2]), colNumber(m[1]!)];
    const [r2, c2] = m[3] ? [Number(m[4]), colNumber(m[3])] : [r1, c1];
    return { sheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  m = /^([A-Z]+):([A-Z]+)$/.exec(a1);
  if (m) return { sheet, r1: 1, c1: colNumber(m[1]!), r2: sheet.getMaxRows(), c2: colNumber(m[2]!) };
  m = /^(\d+):(\d+)$/.exec(a1)!;
  return { sheet, r1: Number(m[1]), c1: 1, r2: Number(m[2]), c2: sheet.getMaxColumns() };
}

function cells(ref: Ref): CellValue[] {
  const out: CellValue[] = [];
  const rows = Math.min(ref.r2, ref.sheet.getMaxRows());
  for (let r = ref.r1; r <= rows; r++) for (let c = ref.c1; c <= ref.c2; c++) out.push(ref.sheet.valueAt(r, c));
  return out;
}

function scalar(v: Value): Scalar {
  if (!isRef(v)) return v;
  if (v.r1 !== v.r2 || v.c1 !== v.c2) return new FormulaError('#VALUE!');
  return v.sheet.valueAt(v.r1, v.c1);
}

function toNumber(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return new FormulaError('#VALUE!');
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  return typeof a === 'number' ? -1 : 1; // numbers sort before text, as in Sheets
}

/** COUNTIF-style criterion: "Hoàn thành", 5, ">3", "<>" (non-empty), "" (empty). */
function criterion(crit: Scalar): (v: CellValue) => boolean {
  if (typeof crit === 'number') return (v) => v === crit;
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(String(crit))!;
  const op = m[1] ?? '=';
  const operand = m[2]!;
  const asNumber = /^-?\d+(\.\d+)?$/.test(operand.trim()) ? Number(operand) : null;
  if (op === '=' && asNumber === null && operand !== '') {
    const want = operand.toLowerCase();
    return (v) => typeof v === 'string' && v.length === want.length && v.toLowerCase() === want;
  }
  return (v) => {
    if (operand === '' && (op === '=' || op === '<>')) return (v === '') === (op === '=');
    const cmp =
      asNumber !== null && typeof v === 'number'
        ? v - asNumber
        : typeof v === 'string' && asNumber === null
          ? compare(v, operand)
          : null;
    if (cmp === null) return op === '<>';
    return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[op]!;
  };
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; text: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

/** Function arguments are evaluated on demand (IF evaluates one branch only). */
type Fn = (args: (() => Value)[]) => Value;

const FUNCTIONS: Record<string, Fn> = {
  SUM: (args) => {
    let total = 0;
    for (const arg of args) {
      const v = arg();
      if (isRef(v)) {
        for (const x of cells(v)) {
          if (x instanceof FormulaError) return x;
          if (typeof x === 'number') total += x;
        }
        continue;
      }
      const n = toNumber(v);
      if (n instanceof FormulaError) return n;
      total += n;
    }
    return total;
  },
  COUNTIF: (args) => FUNCTIONS.COUNTIFS!(args),
  COUNTIFS: (args) => {
    if (args.length < 2 || args.length % 2) return new FormulaError('#N/A');
    let matches: boolean[] | null = null;
    for (let i = 0; i < args.length; i += 2) {
      const range = args[i]!();
      if (!isRef(range)) return range instanceof FormulaError ? range : new FormulaError('#VALUE!');
      const test = criterion(scalar(args[i + 1]!()));
      const hits = cells(range).map(test);
      if (matches && matches.length !== hits.length) return new FormulaError('#VALUE!');
      matches = matches ? matches.map((m, k) => m && hits[k]!) : hits;
    }
    return matches!.filter(Boolean).length;
  },
  MATCH: (args) => {
    const needle = scalar(args[0]!());
    const range = args[1]!();
    const type = args[2] ? toNumber(scalar(args[2]())) : 1;
    if (needle instanceof FormulaError) return needle;
    if (!isRef(range) || type !== 0) return new FormulaError('#N/A');
    const i = cells(range).findIndex((v) => v !== '' && lower(v) === lower(needle));
    return i < 0 ? new FormulaError('#N/A') : i + 1;
  },
  OFFSET: (args) => {
    const base = args[0]!();
    if (!isRef(base)) return base instanceof FormulaError ? base : new FormulaError('#VALUE!');
    const n = (arg: (() => Value) | undefined, fallback: number) => (arg ? toNumber(scalar(arg())) : fallback);
    const [dr, dc, h, w] = [n(args[1], 0), n(args[2], 0), n(args[3], base.r2 - base.r1 + 1), n(args[4], base.c2 - base.c1 + 1)];
    for (const x of [dr, dc, h, w]) if (x instanceof FormulaError) return x;
    const [r1, c1] = [base.r1 + (dr as number), base.c1 + (dc as number)];
    const ref = { sheet: base.sheet, r1, c1, r2: r1 + (h as number) - 1, c2: c1 + (w as number) - 1 };
    if (r1 < 1 || c1 < 1 || ref.c2 > base.sheet.getMaxColumns() || ref.r2 < r1 || ref.c2 < c1) return new FormulaError('#REF!');
    return ref;
  },
  IF: (args) => {
    const cond = scalar(args[0]!());
    if (cond instanceof FormulaError) return cond;
    const truthy = typeof cond === 'string' ? cond !== '' : Boolean(cond);
    return truthy ? args[1]!() : args[2] ? args[2]() : false;
  },
};

const BINARY_LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.level(0);
    if (this.i !== this.tokens.length) throw new FormulaError('#ERROR!');
    return node;
  }

  private isOp(text: string): boolean {
    const t = this.tokens[this.i];
    return t !== undefined && t.kind === 'op' && t.text === text;
  }

  private take(text: string): void {
    if (!this.isOp(text)) throw new FormulaError('#ERROR!');
    this.i++;
  }

  private level(n: number): Node {
    if (n === BINARY_LEVELS.length) return this.unary();
    let a = this.level(n + 1);
    for (let op = this.tokens[this.i]; op?.kind === 'op' && BINARY_LEVELS[n]!.includes(op.text); op = this.tokens[this.i]) {
      this.i++;
      a = { k: 'bin', op: op.text, a, b: this.level(n + 1) };
    }
    return a;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', a: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaError('#ERROR!');
    if (t.kind === 'num') return { k: 'lit', v: Number(t.text) };
    if (t.kind === 'str') return { k: 'lit', v: t.text.slice(1, -1).replace(/""/g, '"') };
    if (t.kind === 'ref') return { k: 'ref', text: t.text };
    if (t.kind === 'op' && t.text === '(') {
      const node = this.level(0);
      this.take(')');
      return node;
    }
    if (t.kind === 'name') {
      const name = t.text.toUpperCase();
      if (!this.isOp('(')) return { k: 'lit', v: name === 'TRUE' ? true : name === 'FALSE' ? false : new FormulaError('#NAME?') };
      this.take('(');
      const args: Node[] = [];
      while (!this.isOp(')')) {
        args.push(this.level(0));
        if (!this.isOp(')')) this.take(',');
      }
      this.take(')');
      return { k: 'call', name, args };
    }
    throw new FormulaError('#ERROR!');
  }
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === '&') return `${String(a)}${String(b)}`;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
  }
  const [x, y] = [toNumber(a), toNumber(b)];
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  if (op === '/' && y === 0) return new FormulaError('#DIV/0!');
  return op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y;
}

function evaluate(node: Node, here: GridSheet): Value {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'ref':
      try {
        return parseRef(node.text, here, here.parent);
      } catch (e) {
        if (e instanceof FormulaError) return e;
        throw e;
      }
    case 'neg': {
      const n = toNumber(scalar(evaluate(node.a, here)));
      return n instanceof FormulaError ? n : -n;
    }
    case 'bin': {
      const [a, b] = [scalar(evaluate(node.a, here)), scalar(evaluate(node.b, here))];
      return a instanceof FormulaError ? a : b instanceof FormulaError ? b : arithmetic(node.op, a, b);
    }
    case 'call': {
      const fn = FUNCTIONS[node.name];
      return fn ? fn(node.args.map((a) => () => evaluate(a, here))) : new FormulaError('#NAME?');
    }
  }
}

const evaluating = new Set<string>();
/** Results by cell while one read runs (cells referring to each other are evaluated once). */
let memo: Map<string, CellValue> | null = null;

/** Runs a read of many cells with formula results shared across it; nothing changes meanwhile. */
export function withFormulaCache<T>(read: () => T): T {
  if (memo) return read();
  memo = new Map();
  try {
    return read();
  } finally {
    memo = null;
  }
}

/** The value Sheets shows for `formula` (with its leading =) in a cell of `sheet`. */
export function evaluateFormula(formula: string, sheet: GridSheet, at: string): CellValue {
  const key = `${sheet.sheetId}!${at}`;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  if (evaluating.has(key)) return '#REF!'; // circular dependency
  evaluating.add(key);
  try {
    const v = scalar(evaluate(new Parser(tokenize(formula.slice(1))).parse(), sheet));
    const out = v instanceof FormulaError ? v.code : v;
    memo?.set(key, out);
    return out;
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    throw e;
  } finally {
    evaluating.delete(key);
  }
}
