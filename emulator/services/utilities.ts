/** Utilities: date formatting in any time zone (Java SimpleDateFormat patterns), digests, sleep. */
import { createHash } from 'node:crypto';
import { ServiceObject } from '../realm';

/** The fields of `date`'s wall clock in `timeZone` (year, month, …, weekday, timeZoneName), as digits and names. */
export function zonedParts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
    timeZoneName: 'longOffset',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** Utilities.formatDate: yyyy yy MM M dd d HH H mm ss SSS EEE Z XXX and 'quoted' text. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const tokens: Record<string, () => string> = {
    yyyy: () => p.year!,
    yy: () => p.year!.slice(-2),
    MM: () => p.month!,
    M: () => String(Number(p.month)),
    dd: () => p.day!,
    d: () => String(Number(p.day)),
    HH: () => p.hour!,
    H: () => String(Number(p.hour)),
    mm: () => p.minute!,
    ss: () => p.second!,
    SSS: () => String(date.getUTCMilliseconds()).padStart(3, '0'),
    EEE: () => p.weekday!,
    Z: () => offset.replace(':', ''),
    XXX: () => offset,
  };
  return pattern.replace(/'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS|EEE|XXX|Z/g, (m, quoted) =>
    quoted !== undefined ? quoted : tokens[m]!(),
  );
}

export class UtilitiesService extends ServiceObject {
  readonly kind = 'Utilities';
  readonly service = 'utilities' as const;
  readonly DigestAlgorithm = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_512: 'sha512' };
  readonly Charset = { UTF_8: 'utf8', US_ASCII: 'ascii' };

  constructor(private readonly sleepFor: (ms: number) => void) {
    super();
  }

  formatDate(date: Date, timeZone: string, pattern: string) {
    return formatDate(date, timeZone, pattern);
  }

  /** Signed bytes, as Apps Script returns them. */
  computeDigest(algorithm: string, value: string) {
    return [...createHash(algorithm).update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
  }

  base64Encode(data: string | number[]) {
    return Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data.map((b) => b & 255)).toString('base64');
  }

  /** Signed bytes, as Apps Script returns them. */
  base64Decode(encoded: string) {
    return [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }

  newBlob(data: number[] | string, contentType?: string, name?: string) {
    const bytes = typeof data === 'string' ? [...Buffer.from(data, 'utf8')] : data.map((b) => b & 255);
    return new BlobModel(Buffer.from(bytes), contentType ?? null, name ?? null);
  }

  getUuid() {
    return crypto.randomUUID();
  }

  sleep(ms: number) {
    this.sleepFor(ms);
  }
}

/** Utilities.newBlob: bytes with a content type and a name. */
export class BlobModel extends ServiceObject {
  readonly kind = 'Blob';
  readonly service = 'utilities' as const;

  constructor(
    readonly bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super();
  }

  getBytes() {
    return [...this.bytes].map((b) => (b > 127 ? b - 256 : b));
  }
  getContentType() {
    return this.contentType;
  }
  getName() {
    return this.name;
  }
}
