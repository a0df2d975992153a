/**
 * Where a collection round stands between executions (document properties), the one-off trigger
 * that continues it, and the wait between parallel batches.
 */
import { deleteTriggers, handlerOf, projectTriggers } from '../../gas/triggers';

export const STATE_KEY = 'cchc.hub.collect';

export interface RoundState {
  /** Index in the unit list of the next commune to read. */
  next: number;
  startedAt: number;
  collected: number;
  failed: number;
}

export function loadRound(): RoundState | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(STATE_KEY);
  return raw ? (JSON.parse(raw) as RoundState) : null;
}

export function saveRound(state: RoundState): void {
  PropertiesService.getDocumentProperties().setProperty(STATE_KEY, JSON.stringify(state));
}

export function endRound(): void {
  PropertiesService.getDocumentProperties().deleteProperty(STATE_KEY);
}

/** Deletes this user's triggers for `handler` (a fired one-off trigger stays listed until deleted). */
export function deleteHandlerTriggers(handler: string): void {
  deleteTriggers(projectTriggers().filter((t) => handlerOf(t) === handler));
}

export function continueAfter(handler: string, ms: number): void {
  ScriptApp.newTrigger(handler).timeBased().after(ms).create();
}

export function sleep(ms: number): void {
  Utilities.sleep(ms);
}
