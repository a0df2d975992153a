/**
 * Reading communes in parallel: UrlFetchApp.fetchAll of one Sheets API request per commune, in
 * batches that keep within the API's read quota (60 requests per minute per user). An answer that
 * settles a commune (its figures, no access, not found) is used as it is; anything else (a sheet or
 * header missing, a server error) goes to the sequential reader, which names the exact reason.
 * A 429 (quota) leaves the commune for the next batch.
 */
import { zoneOf } from '../../gas/context';
import { type GridDataResponse, gridDataUrl, sheetsFromGridData } from '../grid-data';
import { summarizeCommune, Unreadable } from '../summary';
import { REASONS, type UnitOutcome } from '../units';
import { collectSequential } from './sequential';

/** The Sheets API's read quota per user and minute: one batch at most per minute window. */
export const BATCH_SIZE = 60;
export const QUOTA_WINDOW_MS = 60_000;

export type FetchResult = UnitOutcome | { ok: false; retry: true };

function settle(id: string, code: number, text: string): FetchResult {
  if (code === 429) return { ok: false, retry: true };
  if (code === 403) return { ok: false, reason: REASONS.noAccess };
  if (code === 404) return { ok: false, reason: REASONS.missing };
  if (code !== 200) return collectSequential(id);
  const body = JSON.parse(text) as GridDataResponse;
  const { offsetMinutes } = zoneOf(body.properties?.timeZone ?? Session.getScriptTimeZone());
  try {
    return { ok: true, summary: summarizeCommune(sheetsFromGridData(body, offsetMinutes, Date.now())) };
  } catch (e) {
    if (e instanceof Unreadable) return collectSequential(id);
    throw e;
  }
}

type Response = GoogleAppsScript.URL_Fetch.HTTPResponse;

/** The OAuth token of this execution, for the Sheets API. */
export function oauthToken(): string {
  return ScriptApp.getOAuthToken();
}

/** One batch of requests in parallel; throws only when UrlFetch refuses the batch (its daily quota). */
export function requestBatch(ids: readonly string[], token: string): Response[] {
  if (!ids.length) return [];
  return UrlFetchApp.fetchAll(
    ids.map((id) => ({ url: gridDataUrl(id), headers: { Authorization: `Bearer ${token}` }, muteHttpExceptions: true })),
  );
}

/** A result per response, in order. */
export function settleBatch(ids: readonly string[], responses: readonly Response[]): FetchResult[] {
  return responses.map((r, i) => settle(ids[i]!, r.getResponseCode(), r.getContentText()));
}
