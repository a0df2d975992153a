/**
 * The OAuth scopes each call needs. With explicit `oauthScopes` in the manifest, Apps Script
 * refuses a call whose scope is not listed; the emulator does the same and records what was used.
 *
 * Source: the "Authorization" section of each method in the Apps Script reference
 * (https://developers.google.com/apps-script/reference/<service>/<class>#<method>, as of 2025-11,
 * also carried by the npm package gas-types-detailed). What it says, for what this project uses:
 * - Spreadsheet: every method of the bound spreadsheet, protections, charts and validation
 *   included, accepts `spreadsheets.currentonly`; only SpreadsheetApp.create/open/openById/openByUrl
 *   need `spreadsheets`. Builders (newChart, newDataValidation, …), getUi and flush need none.
 * - Ui: alert, prompt and menus need no scope; only showModalDialog, showModelessDialog,
 *   showSidebar (and Spreadsheet.show) need `script.container.ui`.
 * - Session.getActiveUser / getEffectiveUser need `userinfo.email` (User.getEmail itself none).
 * - DocumentApp.create/openById/openByUrl need `documents`; the other Document methods accept
 *   `documents.currentonly` too, which in a spreadsheet-bound script grants no document at all.
 * - DriveApp and its File/Folder never accept `drive.file`: reads (get*, has*, search*) need
 *   `drive.readonly` or `drive`; every change (moveTo, createFile, addEditor, setTrashed, …)
 *   needs `drive`. So placing a report in a folder (File.moveTo) needs `drive`.
 * - MailApp.sendEmail and getRemainingDailyQuota need `script.send_mail`.
 * - ScriptApp.newTrigger/getProjectTriggers/getUserTriggers/deleteTrigger, TriggerBuilder.timeBased
 *   and Trigger's getters need `script.scriptapp`; the clock builder's own methods need none.
 * - UrlFetchApp.fetch/fetchAll need `script.external_request`; ScriptApp.getOAuthToken needs none.
 * - LockService, PropertiesService, Utilities, HtmlService.create*: none.
 */
import type { ServiceName } from './calls';

const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;

export const SCOPES = {
  spreadsheetsCurrent: scope('spreadsheets.currentonly'),
  spreadsheets: scope('spreadsheets'),
  containerUi: scope('script.container.ui'),
  email: scope('userinfo.email'),
  documents: scope('documents'),
  driveReadonly: scope('drive.readonly'),
  drive: scope('drive'),
  sendMail: scope('script.send_mail'),
  scriptApp: scope('script.scriptapp'),
  externalRequest: scope('script.external_request'),
} as const;

const S = SCOPES;
const NONE: readonly string[] = [];

/** `${kind}.${method}` → the scopes any one of which allows the call (empty: none). */
const METHOD_SCOPES: Record<string, readonly string[]> = {
  'SpreadsheetApp.create': [S.spreadsheets],
  'SpreadsheetApp.open': [S.spreadsheets],
  'SpreadsheetApp.openById': [S.spreadsheets],
  'SpreadsheetApp.openByUrl': [S.spreadsheets],
  'SpreadsheetApp.getUi': NONE,
  'SpreadsheetApp.flush': NONE,
  'Spreadsheet.show': [S.containerUi],
  'Ui.showModalDialog': [S.containerUi],
  'Ui.showModelessDialog': [S.containerUi],
  'Ui.showSidebar': [S.containerUi],
  'Session.getActiveUser': [S.email],
  'Session.getEffectiveUser': [S.email],
  'ScriptApp.newTrigger': [S.scriptApp],
  'ScriptApp.getProjectTriggers': [S.scriptApp],
  'ScriptApp.getUserTriggers': [S.scriptApp],
  'ScriptApp.deleteTrigger': [S.scriptApp],
  'TriggerBuilder.timeBased': [S.scriptApp],
};

function serviceScopes(service: ServiceName, kind: string, method: string): readonly string[] {
  switch (service) {
    case 'spreadsheet':
      return kind.endsWith('Builder') || /^SpreadsheetApp\.new/.test(`${kind}.${method}`)
        ? NONE
        : [S.spreadsheetsCurrent, S.spreadsheets];
    case 'document':
      return [S.documents];
    case 'drive':
      if (kind.endsWith('Iterator') || method.startsWith('continue')) return NONE;
      return /^(get|has|is|search)/.test(method) ? [S.driveReadonly, S.drive] : [S.drive];
    case 'mail':
      return [S.sendMail];
    case 'script':
      return kind === 'Trigger' ? [S.scriptApp] : NONE;
    case 'urlfetch':
      return kind === 'UrlFetchApp' ? [S.externalRequest] : NONE;
    default:
      return NONE;
  }
}

/** The scopes one of which a call needs, or undefined when it needs none. */
export function requiredScopes(service: ServiceName, qualifiedMethod: string): readonly string[] | undefined {
  const dot = qualifiedMethod.indexOf('.');
  const kind = qualifiedMethod.slice(0, dot);
  const method = qualifiedMethod.slice(dot + 1);
  const scopes = METHOD_SCOPES[qualifiedMethod] ?? serviceScopes(service, kind, method);
  return scopes.length ? scopes : undefined;
}

/** Services a simple trigger (onOpen, onEdit) may not use: they need authorisation. */
export const NEEDS_AUTHORISATION: ReadonlySet<ServiceName> = new Set(['document', 'drive', 'mail', 'script', 'urlfetch']);

/**
 * The Apps Script globals the bundle may call, with every scope any of their calls can need (the
 * static half of the least-privilege check). A global missing here is a service the emulator
 * does not model: using it is an error until it is added.
 */
export const GLOBAL_SCOPES: Record<string, readonly string[]> = {
  SpreadsheetApp: [S.spreadsheetsCurrent, S.spreadsheets, S.containerUi],
  DocumentApp: [S.documents],
  Docs: [S.documents],
  DriveApp: [S.driveReadonly, S.drive],
  MailApp: [S.sendMail],
  ScriptApp: [S.scriptApp],
  Session: [S.email],
  UrlFetchApp: [S.externalRequest],
  LockService: NONE,
  PropertiesService: NONE,
  Utilities: NONE,
  HtmlService: NONE,
  Logger: NONE,
  console: NONE,
};
