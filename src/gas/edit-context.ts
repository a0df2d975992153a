/**
 * What onEdit needs besides the edited rows — the spreadsheet's time zone, `Số ngày cảnh báo` and
 * `Năm kế hoạch` — kept in the document properties so that an edit reads only the header row and
 * the touched rows. It is read again from `Cấu hình` when it is older than an hour, and at once
 * when `Cấu hình` itself is edited.
 */
import * as z from 'zod/mini';
import { readConfig } from './book';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const EDIT_CONTEXT_KEY = 'CCHC_EDIT_CONTEXT';
export const EDIT_CONTEXT_MAX_AGE_MS = 3_600_000;

const EditContextSchema = z.object({
  timeZone: z.string(),
  warningDays: z.number(),
  planYear: z.nullable(z.number()),
  savedAt: z.number(),
});

export type EditContext = z.infer<typeof EditContextSchema>;

function stored(raw: string | null): EditContext | null {
  if (!raw) return null;
  try {
    const parsed = EditContextSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function editContext(ss: Spreadsheet, reread = false): EditContext {
  const props = PropertiesService.getDocumentProperties();
  const now = Date.now();
  const cached = reread ? null : stored(props.getProperty(EDIT_CONTEXT_KEY));
  if (cached && now - cached.savedAt >= 0 && now - cached.savedAt < EDIT_CONTEXT_MAX_AGE_MS) return cached;
  const { config } = readConfig(ss);
  const context: EditContext = {
    timeZone: ss.getSpreadsheetTimeZone(),
    warningDays: config.warningDays,
    planYear: config.year,
    savedAt: now,
  };
  props.setProperty(EDIT_CONTEXT_KEY, JSON.stringify(context));
  return context;
}
