/** Offsets of IANA time zones from UTC, for schedules that name a zone (trigger hours, atDate). */
const cache = new Map<string, number>();

/** Minutes east of UTC in `timeZone` at the instant `at` (ms); cached per zone and hour. */
export function offsetMinutes(timeZone: string, at: number): number {
  const key = `${timeZone}@${Math.floor(at / 3_600_000)}`;
  let offset = cache.get(key);
  if (offset === undefined) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    cache.set(key, offset);
  }
  return offset;
}

/** The instant of `hour:minute` on the calendar day `ymd` ("2023-08-20") in `timeZone`. */
export function instantIn(timeZone: string, ymd: string, hour = 0, minute = 0): number {
  const local = Date.parse(`${ymd}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  return local - offsetMinutes(timeZone, local) * 60_000;
}
