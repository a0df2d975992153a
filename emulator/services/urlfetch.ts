/**
 * UrlFetchApp, serving one remote API: the Google Sheets API's `spreadsheets.get` with grid data
 * (values and number formats of given ranges), answered from the emulator's spreadsheets. Modelled
 * as Google runs them, with stated assumptions where nothing is published:
 * - Sheets API quotas (developers.google.com/workspace/sheets/api/limits): 60 read requests per
 *   minute per user, 300 per minute per project; a request beyond them gets HTTP 429.
 * - UrlFetch quota (developers.google.com/apps-script/guides/services/quotas): 20,000 calls a day
 *   for consumer accounts; beyond it every fetch throws.
 * - Latency (assumption): a request takes `perRequestMs` plus `perKbMs` per KB of its response;
 *   fetchAll runs up to `concurrency` requests at once, so a batch lasts the sum, wave by wave, of
 *   its slowest request. The clock moves by that much and `waitMs` records it.
 * - Errors per request: a response code other than 2xx throws unless `muteHttpExceptions` is set
 *   (for fetchAll: the first such response fails the whole batch); `failNext` injects 5xx answers.
 */
import { ServiceObject } from '../realm';
import { offsetMinutes } from '../zone';
import type { SpreadsheetFiles } from './drive-spreadsheets';
import { AppsScriptError } from '../errors';
import type { CellValue, SheetModel, SpreadsheetModel } from './spreadsheet';

export interface FetchLatency {
  perRequestMs: number;
  perKbMs: number;
  concurrency: number;
}

/** High-end assumptions (no published figure): 600 ms a request, 2 ms per KB, 20 at once. */
export const DEFAULT_LATENCY: FetchLatency = { perRequestMs: 600, perKbMs: 2, concurrency: 20 };

export const QUOTAS = { readsPerUserMinute: 60, readsPerProjectMinute: 300, fetchesPerDay: 20_000 } as const;

const API = 'https://sheets.googleapis.com/v4/spreadsheets/';
const MINUTE = 60_000;

export class HttpResponseModel extends ServiceObject {
  readonly kind = 'HTTPResponse';
  readonly service = 'urlfetch' as const;

  constructor(
    readonly code: number,
    readonly body: string,
  ) {
    super();
  }

  getResponseCode() {
    return this.code;
  }
  getContentText() {
    return this.body;
  }
  getHeaders() {
    return { 'Content-Type': 'application/json; charset=UTF-8' };
  }
}

interface Request {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  muteHttpExceptions?: boolean;
}

const apiError = (code: number, status: string, message: string) =>
  new HttpResponseModel(code, JSON.stringify({ error: { code, message, status } }));

/** Sheets' error values as getValues shows them, and their API type. */
const ERROR_TYPES: Record<string, string> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
};

function effectiveValue(v: CellValue, timeZone: string): Record<string, unknown> | undefined {
  if (v === '') return undefined;
  if (v instanceof Date) {
    const ms = v.getTime();
    return { numberValue: (ms + offsetMinutes(timeZone, ms) * MINUTE) / 86_400_000 + 25_569 };
  }
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  const error = ERROR_TYPES[v];
  return error ? { errorValue: { type: error, message: v } } : { stringValue: v };
}

function numberFormat(v: CellValue, format: string | undefined): Record<string, string> | undefined {
  if (v instanceof Date) return { type: 'DATE', pattern: format ?? 'dd/mm/yyyy' };
  if (!format || typeof v !== 'number') return undefined;
  if (format.includes('%')) return { type: 'PERCENT', pattern: format };
  return /[dyM]/.test(format) ? { type: 'DATE', pattern: format } : { type: 'NUMBER', pattern: format };
}

/** `spreadsheets.get?includeGridData=true&ranges=…`: the ranges' cells, trailing blanks left out as the API does. */
function gridData(ss: SpreadsheetModel, ranges: readonly string[]): HttpResponseModel {
  const sheets: { sheet: SheetModel }[] = [];
  for (const range of ranges) {
    const name = /^'?(.*?)'?(?:!.*)?$/.exec(range)![1]!.replace(/''/g, "'");
    const sheet = ss.getSheetByName(name);
    if (!sheet) return apiError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
    sheets.push({ sheet });
  }
  const body = {
    spreadsheetId: ss.id,
    properties: { title: ss.name, timeZone: ss.timeZone },
    sheets: sheets.map(({ sheet }) => {
      const rows = sheet.getLastRow();
      const columns = sheet.getLastColumn();
      const rowData = [];
      for (let r = 1; r <= rows; r++) {
        const values: Record<string, unknown>[] = [];
        for (let c = 1; c <= columns; c++) {
          const cell = sheet.cell(r, c);
          const value = effectiveValue(cell.value, ss.timeZone);
          const format = numberFormat(cell.value, cell.format);
          values.push({
            ...(value ? { effectiveValue: value } : {}),
            ...(format ? { effectiveFormat: { numberFormat: format } } : {}),
          });
        }
        while (values.length && Object.keys(values.at(-1)!).length === 0) values.pop();
        rowData.push(values.length ? { values } : {});
      }
      return { properties: { title: sheet.getName() }, data: [{ startRow: 0, startColumn: 0, rowData }] };
    }),
  };
  return new HttpResponseModel(200, JSON.stringify(body));
}

/** Host-side state of the remote side: quotas, latency, injected faults, tokens. */
export class RemoteState {
  latency: FetchLatency = { ...DEFAULT_LATENCY };
  /** Start times of Sheets API reads, per user, and of all users (for the per-minute quotas). */
  private readonly reads: { user: string; at: number }[] = [];
  private readonly fetchesByDay = new Map<string, number>();
  /** Spreadsheet ids whose next request answers 503. */
  readonly failNext = new Set<string>();
  requests = 0;

  constructor(readonly files: SpreadsheetFiles) {}

  tokenFor(user: string, scopes: readonly string[]): string {
    return `emu-token.${Buffer.from(JSON.stringify({ user, scopes })).toString('base64url')}`;
  }

  private identity(headers: Record<string, string> | undefined): { user: string; scopes: string[] } | null {
    const auth = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    const m = /^Bearer emu-token\.(.+)$/.exec(auth);
    if (!m) return null;
    try {
      return JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
  }

  countFetch(user: string, now: number): void {
    const day = `${user}@${Math.floor(now / 86_400_000)}`;
    const n = (this.fetchesByDay.get(day) ?? 0) + 1;
    if (n > QUOTAS.fetchesPerDay) throw new AppsScriptError('Service invoked too many times for one day: urlfetch.');
    this.fetchesByDay.set(day, n);
  }

  /** One request, answered as the API would at `now`. */
  answer(req: Request, now: number): HttpResponseModel {
    this.requests++;
    if (!req.url.startsWith(API)) throw new AppsScriptError(`DNS error: ${req.url}`);
    if ((req.method ?? 'get').toLowerCase() !== 'get') return apiError(405, 'METHOD_NOT_ALLOWED', 'Only reads are modelled.');
    const who = this.identity(req.headers);
    if (!who) return apiError(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.');
    const readScopes = ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly'].map(
      (s) => `https://www.googleapis.com/auth/${s}`,
    );
    if (!who.scopes.some((s) => readScopes.includes(s)))
      return apiError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.');
    const recent = this.reads.filter((r) => r.at > now - MINUTE);
    if (
      recent.filter((r) => r.user === who.user).length >= QUOTAS.readsPerUserMinute ||
      recent.length >= QUOTAS.readsPerProjectMinute
    )
      return apiError(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'.",
      );
    this.reads.push({ user: who.user, at: now });
    const url = new URL(req.url);
    const id = decodeURIComponent(url.pathname.slice('/v4/spreadsheets/'.length));
    if (this.failNext.delete(id)) return apiError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
    const access = this.files.check(id, who.user);
    if (!access.ok) {
      return access.error.includes('permission')
        ? apiError(403, 'PERMISSION_DENIED', 'The caller does not have permission')
        : access.error.includes('failed')
          ? apiError(500, 'INTERNAL', 'Internal error encountered.')
          : apiError(404, 'NOT_FOUND', `Requested entity was not found.`);
    }
    if (url.searchParams.get('includeGridData') !== 'true')
      return apiError(400, 'INVALID_ARGUMENT', 'Only grid data is modelled.');
    return gridData(access.model, url.searchParams.getAll('ranges'));
  }

  /** Milliseconds a wave of concurrent requests lasts: its slowest request. */
  durationOf(responses: readonly HttpResponseModel[]): number {
    const { perRequestMs, perKbMs, concurrency } = this.latency;
    let ms = 0;
    for (let i = 0; i < responses.length; i += concurrency) {
      const wave = responses.slice(i, i + concurrency);
      ms += Math.max(...wave.map((r) => perRequestMs + (perKbMs * Buffer.byteLength(r.body)) / 1024));
    }
    return ms;
  }
}

export class UrlFetchAppModel extends ServiceObject {
  readonly kind = 'UrlFetchApp';
  readonly service = 'urlfetch' as const;

  constructor(
    private readonly state: RemoteState,
    private readonly user: string,
    private readonly clock: { now: () => number; wait: (ms: number) => void },
  ) {
    super();
  }

  private run(requests: readonly Request[]): HttpResponseModel[] {
    const started = this.clock.now();
    for (const _ of requests) this.state.countFetch(this.user, started);
    const responses = requests.map((r) => this.state.answer(r, started));
    this.clock.wait(this.state.durationOf(responses));
    const failed = responses.findIndex((r, i) => r.code >= 400 && !requests[i]!.muteHttpExceptions);
    if (failed >= 0) {
      const r = responses[failed]!;
      throw new AppsScriptError(
        `Request failed for ${requests[failed]!.url} returned code ${r.code}. Truncated server response: ${r.body.slice(0, 200)}`,
      );
    }
    return responses;
  }

  fetch(url: string, params: Omit<Request, 'url'> = {}) {
    return this.run([{ ...params, url }])[0]!;
  }

  fetchAll(requests: Request[]) {
    if (!Array.isArray(requests))
      throw new AppsScriptError("The parameters (Object) don't match the method signature for UrlFetchApp.fetchAll.");
    return this.run(requests.map((r) => (typeof r === 'string' ? { url: r } : r)));
  }
}
