/**
 * Command-line options for the scripts in scripts/: one table of options, parsed strictly. A user's
 * mistake (unknown option, missing or impossible value) ends the script with one Vietnamese line on
 * stderr and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  /** What the value is, shown in the list of options (`--today yyyy-mm-dd`); absent for a flag. */
  value?: string;
  default?: string;
  /** Checks the value; returns a Vietnamese reason when it is not acceptable. */
  check?: (value: string) => string | undefined;
}

export type Options<S extends Record<string, OptionSpec>> = {
  [K in keyof S]: S[K]['value'] extends string ? string | undefined : boolean;
};

/** A mistake in how the script was called. */
export class UsageError extends Error {}

const USAGE_EXIT_CODE = 2;

function optionList(specs: Record<string, OptionSpec>): string {
  return Object.entries(specs)
    .map(([name, spec]) => (spec.value ? `--${name} ${spec.value}` : `--${name}`))
    .join(', ');
}

export function parseOptions<S extends Record<string, OptionSpec>>(specs: S, argv = process.argv.slice(2)): Options<S> {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      spec.value
        ? { type: 'string' as const, ...(spec.default === undefined ? {} : { default: spec.default }) }
        : { type: 'boolean' as const },
    ]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(parseFailure(e, specs));
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name];
    const reason = typeof value === 'string' ? spec.check?.(value) : undefined;
    if (reason) throw new UsageError(`Giá trị không hợp lệ cho --${name}: "${value}" (${reason}).`);
  }
  return values as Options<S>;
}

function parseFailure(e: unknown, specs: Record<string, OptionSpec>): string {
  const { code, message } = e as { code?: string; message?: string };
  // Node names the offending word in quotes: "Unknown option '--foo'", "Option '--today <value>' …".
  const word = /'([^' ]+)/.exec(message ?? '')?.[1] ?? '';
  const spec = specs[word.replace(/^--/, '')];
  const list = `Các tùy chọn: ${optionList(specs)}.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Không có tùy chọn ${word}. ${list}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return spec?.value ? `Tùy chọn ${word} cần một giá trị: ${word} ${spec.value}.` : `Tùy chọn ${word} không nhận giá trị.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `Không hiểu "${word}": mỗi giá trị phải đi sau tùy chọn của nó. ${list}`;
  return `Không đọc được các tùy chọn. ${list}`;
}

/** A day that exists on the calendar, written yyyy-mm-dd. */
export function checkIsoDay(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'cần một ngày dạng yyyy-mm-dd, ví dụ 2023-08-20';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const exists = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return exists ? undefined : 'ngày này không có trên lịch';
}

/** Runs a script's body; a UsageError becomes one line on stderr and exit code 2. */
export async function runCli(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exitCode = USAGE_EXIT_CODE;
  }
}
