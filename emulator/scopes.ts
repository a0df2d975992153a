/**
 * The OAuth scopes each service needs. With explicit `oauthScopes` in the manifest, Apps Script
 * refuses a call whose scope is not listed; the emulator does the same and records what was used.
 */
import type { ServiceName } from './calls';

const SCOPE = 'https://www.googleapis.com/auth/';

/** For each service, the scopes any one of which allows its calls (none: no scope needed). */
export const SERVICE_SCOPES: Partial<Record<ServiceName, string[]>> = {
  spreadsheet: [`${SCOPE}spreadsheets.currentonly`, `${SCOPE}spreadsheets`],
  ui: [`${SCOPE}script.container.ui`],
  document: [`${SCOPE}documents`],
  // DriveApp does not work with drive.file; reads would do with drive.readonly, moveTo needs drive.
  drive: [`${SCOPE}drive`],
  mail: [`${SCOPE}script.send_mail`],
  script: [`${SCOPE}script.scriptapp`],
  html: [`${SCOPE}script.container.ui`],
};

/** Calls that need a scope of their own beyond their service's. */
export const METHOD_SCOPES: Record<string, string[]> = {
  'User.getEmail': [`${SCOPE}userinfo.email`],
};

/** Services a simple trigger (onOpen, onEdit) may not use: they need authorisation. */
export const NEEDS_AUTHORISATION: ReadonlySet<ServiceName> = new Set(['document', 'drive', 'mail', 'script']);

export function requiredScopes(service: ServiceName, method: string): string[] | undefined {
  return METHOD_SCOPES[method] ?? SERVICE_SCOPES[service];
}
