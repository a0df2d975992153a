/**
 * Simulated days for time-driven triggers: on a calendar day, every installed daily clock trigger
 * (everyDays + atHour) that is due fires as Apps Script fires it — a fresh 'time' execution of its
 * handler, as the user who owns it, at its hour and minute in its time zone, with the event object
 * in UTC. A failing run is recorded, not thrown, as Apps Script only mails the owner about it.
 * Other schedules (hourly, weekly, one-off) are kept by ScriptApp but not fired here.
 */
import type { Emulator, Execution } from './index';
import type { TriggerModel } from './services/script';
import { instantIn } from './zone';

const DAY_MS = 86_400_000;

export interface Firing {
  trigger: TriggerModel;
  handler: string;
  at: number;
  execution?: Execution;
  error?: string;
}

/** Calendar days from `first` to `last` inclusive, as "yyyy-mm-dd". */
export function* eachDay(first: string, last: string): Generator<string> {
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY_MS) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
const ymdOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Without nearMinute Apps Script picks a minute of the hour; a fixed one per trigger here. */
function minuteOf(trigger: TriggerModel): number {
  return trigger.spec.schedule?.nearMinute ?? Number(trigger.uniqueId) % 60;
}

/** When a daily trigger fires on `ymd` (ms), or null when it does not fire that day. */
export function dailyFiringOn(trigger: TriggerModel, ymd: string): number | null {
  const s = trigger.spec.schedule;
  if (trigger.spec.eventType !== 'CLOCK' || !s?.everyDays) return null;
  const at = (day: string) => instantIn(s.timeZone, day, s.atHour ?? 0, minuteOf(trigger));
  // The first firing is the first one after the trigger was created; then every n days.
  let first = dayNumber(new Date(trigger.spec.createdAt).toISOString().slice(0, 10)) - 1;
  while (at(ymdOf(first)) <= trigger.spec.createdAt) first++;
  const day = dayNumber(ymd);
  return day >= first && (day - first) % s.everyDays === 0 ? at(ymd) : null;
}

function timeDrivenEvent(trigger: TriggerModel, at: number) {
  const d = new Date(at);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() || 7,
    'week-of-year': Math.floor((at - yearStart) / (7 * DAY_MS)) + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: trigger.uniqueId,
  };
}

/** Fires the daily triggers due on `ymd`, in time order; the clock ends after the last run. */
export function fireDailyTriggers(emu: Emulator, ymd: string): Firing[] {
  const due = emu.triggers.all
    .map((trigger) => ({ trigger, at: dailyFiringOn(trigger, ymd) }))
    .filter((x): x is { trigger: TriggerModel; at: number } => x.at !== null)
    .sort((a, b) => a.at - b.at);
  return due.map(({ trigger, at }) => {
    emu.now = Math.max(emu.now, at);
    const handler = trigger.getHandlerFunction();
    const firing: Firing = { trigger, handler, at };
    try {
      firing.execution = emu.run(handler, [timeDrivenEvent(trigger, at)], { as: 'time', user: trigger.spec.owner });
    } catch (e) {
      firing.error = e instanceof Error ? e.message : String(e);
    }
    return firing;
  });
}
