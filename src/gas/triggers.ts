/** This user's installable triggers of this project (ScriptApp). */
type Trigger = GoogleAppsScript.Script.Trigger;

export function projectTriggers(): Trigger[] {
  return ScriptApp.getProjectTriggers();
}

export function handlerOf(t: Trigger): string {
  return t.getHandlerFunction();
}

export function deleteTriggers(triggers: readonly Trigger[]): void {
  for (const t of triggers) ScriptApp.deleteTrigger(t);
}

/** A time-driven trigger for `handler` every day at `hour` (7 → between 7 and 8), script time zone. */
export function createDailyTrigger(handler: string, hour: number): void {
  ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
}

export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}
