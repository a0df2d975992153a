/**
 * What one execution knows before it reads any data: the spreadsheet's time zone as an offset,
 * today in it, the parsed `Cấu hình` (SPEC §1) with its problems, and the row parsers that depend
 * on the zone. Built once per execution (src/gas/context.ts) and handed to the operation, so no
 * operation assembles its own clock or reads `Cấu hình` again.
 */
import { type Config, type ConfigProblem, parseConfig, type Settings } from './config';
import { type Day, dayOfInstant, type Offset, parseOffset } from './days';
import { rowParsers } from './rows';
import { type Clock, clockFor } from './rules';

export interface Zone {
  /** Minutes east of UTC, per instant in a zone with daylight saving time. */
  offsetMinutes: Offset;
  today: Day;
}

export interface Context extends Zone {
  clock: Clock;
  config: Config;
  /** What was wrong in `Cấu hình` (defaults were used instead). */
  configProblems: ConfigProblem[];
  /** Sheet row of each label found in `Cấu hình`; null when there is no such sheet. */
  configRows: Settings['rows'] | null;
  parsers: ReturnType<typeof rowParsers>;
}

/**
 * The zone at instant `now`, from its offset now as Utilities.formatDate's `Z` gives it ("+0700")
 * and, where the runtime knows the zone, its offsets at other instants. A runtime whose offsets
 * disagree with Utilities now is not trusted: every date then gets today's offset.
 */
export function zoneAt(now: number, offset: string, offsets: ((ms: number) => number) | null = null): Zone {
  const constant = parseOffset(offset);
  const offsetMinutes = offsets && offsets(now) === constant ? offsets : constant;
  return { offsetMinutes, today: dayOfInstant(now, offsetMinutes) };
}

/** The context of an execution; `settings` null when the workbook has no `Cấu hình` sheet. */
export function makeContext(zone: Zone, settings: Settings | null): Context {
  const { config, problems, rows } = settings ?? parseConfig([]);
  return {
    ...zone,
    clock: clockFor(zone.today, config.warningDays, config.year),
    config,
    configProblems: problems,
    configRows: settings ? rows : null,
    parsers: rowParsers({ offsetMinutes: zone.offsetMinutes }),
  };
}
