/**
 * What onEdit needs besides the edited rows — the spreadsheet's time zone, `Số ngày cảnh báo` and
 * `Năm kế hoạch` — kept in the document properties so that an edit reads only the header row and
 * the touched rows. It is read again from `Cấu hình` when it is older than an hour, and at once
 * when `Cấu hình` itself is edited.
 */
import * as z from 'zod/mini';
import { parseConfig } from '../core/config';
import { type Context, makeContext } from '../core/context';
import { readSettings, zoneOf } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const EDIT_CONTEXT_KEY = 'CCHC_EDIT_CONTEXT';
const EDIT_CONTEXT_MAX_AGE_MS = 3_600_000;

const EditContextSchema = z.object({
  timeZone: z.string(),
  warningDays: z.number(),
  planYear: z.nullable(z.number()),
  savedAt: z.number(),
});

type EditContext = z.infer<typeof EditContextSchema>;

function stored(raw: string | null): EditContext | null {
  if (!raw) return null;
  try {
    const parsed = EditContextSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function cachedSettings(ss: Spreadsheet, reread: boolean): EditContext {
  const props = PropertiesService.getDocumentProperties();
  const now = Date.now();
  const cached = reread ? null : stored(props.getProperty(EDIT_CONTEXT_KEY));
  if (cached && now - cached.savedAt >= 0 && now - cached.savedAt < EDIT_CONTEXT_MAX_AGE_MS) return cached;
  const { config } = readSettings(ss) ?? parseConfig([]);
  const context: EditContext = {
    timeZone: ss.getSpreadsheetTimeZone(),
    warningDays: config.warningDays,
    planYear: config.year,
    savedAt: now,
  };
  props.setProperty(EDIT_CONTEXT_KEY, JSON.stringify(context));
  return context;
}

/** Reads `Cấu hình` again into the cache (an edit of that sheet). */
export function refreshEditContext(ss: Spreadsheet): void {
  cachedSettings(ss, true);
}

/**
 * The context of an edit: the cached zone and the two settings the status rules use; the other
 * settings keep their defaults, since an edit recomputes statuses only.
 */
export function editContext(ss: Spreadsheet): Context {
  const { timeZone, warningDays, planYear } = cachedSettings(ss, false);
  const { config } = parseConfig([]);
  return makeContext(zoneOf(timeZone), { config: { ...config, warningDays, year: planYear }, problems: [], rows: {} });
}
