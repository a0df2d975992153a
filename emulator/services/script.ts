/**
 * ScriptApp: installable triggers. Triggers belong to the user who created them (getProjectTriggers
 * lists only the current user's), at most 20 per user per script, and clock triggers are built
 * with ClockTriggerBuilder's rules. `TriggerStore` is the host-side state that tests inspect and
 * fill (a user's own triggers, a colleague's); `emulator/schedule.ts` fires the daily ones.
 */
import { ServiceObject } from '../realm';
import { offsetMinutes } from '../zone';
import { AppsScriptError } from '../errors';

type Script = typeof GoogleAppsScript.Script;
type EnumNames<E> = { [K in keyof E]: K };

export const EVENT_TYPE = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const satisfies EnumNames<Script['EventType']>;

export const TRIGGER_SOURCE = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const satisfies EnumNames<Script['TriggerSource']>;

export const WEEKDAY = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const satisfies EnumNames<typeof GoogleAppsScript.Base.Weekday>;

export type EventType = keyof typeof EVENT_TYPE;
export type TriggerSource = keyof typeof TRIGGER_SOURCE;

export const MAX_TRIGGERS_PER_USER = 20;

/** A clock trigger's schedule as the builder recorded it. */
export interface Schedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  /** One-off: the instant (ms) from at(), atDate() or after(). */
  at?: number;
  timeZone: string;
}

export interface TriggerSpec {
  handler: string;
  eventType: EventType;
  source: TriggerSource;
  /** The spreadsheet id for spreadsheet triggers; null for clock triggers. */
  sourceId: string | null;
  /** The user whose trigger it is: it runs as them and only they see it. */
  owner: string;
  schedule?: Schedule;
  /** When it was created (ms): a clock trigger never fires before. */
  createdAt: number;
}

export class TriggerModel extends ServiceObject {
  readonly kind = 'Trigger';
  readonly service = 'script' as const;

  constructor(
    readonly spec: TriggerSpec,
    readonly uniqueId: string,
  ) {
    super();
  }

  getHandlerFunction() {
    return this.spec.handler;
  }
  getEventType() {
    return this.spec.eventType;
  }
  getTriggerSource() {
    return this.spec.source;
  }
  getTriggerSourceId() {
    return this.spec.sourceId;
  }
  getUniqueId() {
    return this.uniqueId;
  }
}

/** Every installed trigger of the project, of every user. */
export class TriggerStore {
  readonly all: TriggerModel[] = [];
  private nextId = 1;

  of(owner: string): TriggerModel[] {
    return this.all.filter((t) => t.spec.owner === owner);
  }

  add(spec: TriggerSpec): TriggerModel {
    if (this.of(spec.owner).length >= MAX_TRIGGERS_PER_USER) {
      throw new AppsScriptError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const trigger = new TriggerModel(spec, String(8_000_000_000_000 + this.nextId++ * 7_919));
    this.all.push(trigger);
    return trigger;
  }

  remove(trigger: TriggerModel): void {
    const i = this.all.indexOf(trigger);
    if (i >= 0) this.all.splice(i, 1);
  }
}

/** Who creates triggers in this execution, and with which defaults. */
export interface TriggerContext {
  store: TriggerStore;
  user: string;
  scriptTimeZone: string;
  now: () => number;
  /** The OAuth token of this execution's user and scopes (for UrlFetch calls to Google APIs). */
  token?: () => string;
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

function integerIn(name: string, n: unknown, min: number, max: number): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new AppsScriptError(`Invalid argument: ${name}`);
  }
  return n;
}

export class ClockTriggerBuilderModel extends ServiceObject {
  readonly kind = 'ClockTriggerBuilder';
  readonly service = 'script' as const;
  private readonly schedule: Schedule;

  constructor(
    private readonly ctx: TriggerContext,
    private readonly handler: string,
  ) {
    super();
    this.schedule = { timeZone: ctx.scriptTimeZone };
  }

  private recurrence(key: 'everyMinutes' | 'everyHours' | 'everyDays' | 'everyWeeks' | 'onMonthDay' | 'at', n: number) {
    const s = this.schedule;
    const set = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.onMonthDay, s.at].some((x) => x !== undefined);
    if (set) throw new AppsScriptError('Already chosen to run at a specific frequency or time; choose only one.');
    s[key] = n;
    return this;
  }

  everyMinutes(n: number) {
    if (!EVERY_MINUTES.includes(n)) throw new AppsScriptError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    return this.recurrence('everyMinutes', n);
  }

  everyHours(n: number) {
    if (!EVERY_HOURS.includes(n)) throw new AppsScriptError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    return this.recurrence('everyHours', n);
  }

  everyDays(n: number) {
    return this.recurrence('everyDays', integerIn('everyDays', n, 1, 1000));
  }
  everyWeeks(n: number) {
    return this.recurrence('everyWeeks', integerIn('everyWeeks', n, 1, 1000));
  }
  onMonthDay(day: number) {
    return this.recurrence('onMonthDay', integerIn('onMonthDay', day, 1, 31));
  }

  onWeekDay(day: string) {
    if (!(String(day) in WEEKDAY)) throw new AppsScriptError('Invalid argument: day');
    this.schedule.onWeekDay = String(day);
    return this;
  }

  atHour(hour: number) {
    this.schedule.atHour = integerIn('hour', hour, 0, 23);
    return this;
  }

  nearMinute(minute: number) {
    this.schedule.nearMinute = integerIn('minute', minute, 0, 59);
    return this;
  }

  inTimezone(timeZone: string) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw new AppsScriptError(`Invalid argument: timezone`);
    }
    this.schedule.timeZone = timeZone;
    return this;
  }

  at(date: Date) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new AppsScriptError('Invalid argument: date');
    return this.recurrence('at', date.getTime());
  }

  atDate(year: number, month: number, day: number) {
    const at = Date.UTC(integerIn('year', year, 1970, 9999), integerIn('month', month, 1, 12) - 1, integerIn('day', day, 1, 31));
    return this.recurrence('at', at - offsetMinutes(this.schedule.timeZone, at) * 60_000);
  }

  after(ms: number) {
    return this.at(new Date(this.ctx.now() + integerIn('durationMilliseconds', ms, 0, Number.MAX_SAFE_INTEGER)));
  }

  create() {
    const s = this.schedule;
    const recurring = s.everyMinutes ?? s.everyHours ?? s.everyDays ?? s.everyWeeks ?? s.onMonthDay;
    if (recurring === undefined && s.at === undefined) {
      throw new AppsScriptError(
        'The trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, at or after before create().',
      );
    }
    if (s.atHour !== undefined && (s.everyMinutes !== undefined || s.everyHours !== undefined || s.at !== undefined)) {
      throw new AppsScriptError('atHour can only be combined with everyDays, everyWeeks or onMonthDay.');
    }
    if (s.onWeekDay !== undefined && s.everyWeeks === undefined) {
      throw new AppsScriptError('onWeekDay can only be combined with everyWeeks.');
    }
    return this.ctx.store.add({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      owner: this.ctx.user,
      schedule: { ...s },
      createdAt: this.ctx.now(),
    });
  }
}

export class SpreadsheetTriggerBuilderModel extends ServiceObject {
  readonly kind = 'SpreadsheetTriggerBuilder';
  readonly service = 'script' as const;
  private eventType: EventType | undefined;

  constructor(
    private readonly ctx: TriggerContext,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    super();
  }

  private on(eventType: EventType) {
    this.eventType = eventType;
    return this;
  }

  onOpen() {
    return this.on('ON_OPEN');
  }
  onEdit() {
    return this.on('ON_EDIT');
  }
  onChange() {
    return this.on('ON_CHANGE');
  }
  onFormSubmit() {
    return this.on('ON_FORM_SUBMIT');
  }

  create() {
    if (!this.eventType)
      throw new AppsScriptError('The trigger has no event type: call onOpen, onEdit, onChange or onFormSubmit before create().');
    return this.ctx.store.add({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      owner: this.ctx.user,
      createdAt: this.ctx.now(),
    });
  }
}

export class TriggerBuilderModel extends ServiceObject {
  readonly kind = 'TriggerBuilder';
  readonly service = 'script' as const;

  constructor(
    private readonly ctx: TriggerContext,
    private readonly handler: string,
  ) {
    super();
  }

  timeBased() {
    return new ClockTriggerBuilderModel(this.ctx, this.handler);
  }

  forSpreadsheet(spreadsheet: { getId(): string } | string) {
    const id = typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId();
    return new SpreadsheetTriggerBuilderModel(this.ctx, this.handler, id);
  }
}

export class ScriptAppModel extends ServiceObject {
  readonly kind = 'ScriptApp';
  readonly service = 'script' as const;
  readonly EventType = EVENT_TYPE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly WeekDay = WEEKDAY;

  constructor(private readonly ctx: TriggerContext) {
    super();
  }

  newTrigger(functionName: string) {
    if (typeof functionName !== 'string' || !functionName) throw new AppsScriptError('Invalid argument: functionName');
    return new TriggerBuilderModel(this.ctx, functionName);
  }

  getOAuthToken() {
    if (!this.ctx.token) throw new AppsScriptError('No OAuth token in this context.');
    return this.ctx.token();
  }

  getProjectTriggers() {
    return this.ctx.store.of(this.ctx.user);
  }

  deleteTrigger(trigger: TriggerModel) {
    if (!(trigger instanceof TriggerModel)) throw new AppsScriptError('Invalid argument: trigger');
    // Another user's trigger cannot be reached from this user's execution.
    if (trigger.spec.owner === this.ctx.user) this.ctx.store.remove(trigger);
  }
}
