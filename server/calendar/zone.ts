/**
 * IANA time zone arithmetic on top of `Intl.DateTimeFormat`, which carries the platform's tz database.
 * Recurrence is expanded on "floating" wall-clock times (a `Date` whose UTC fields are the local time) and
 * converted back to instants here, so a 14:00 Paris meeting stays at 14:00 local across DST changes.
 */

/** A local date and time without a zone. Months are 1-12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when the platform knows the zone (IANA names and aliases such as `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock shown in `zone` at `instant`. */
export function wallClockAt(instant: Date, zone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) fields[part.type] = part.value;
  const year = Number(fields.year);
  return {
    // Intl writes years before 1 CE as "1 BC"; nothing in a calendar goes there, but stay correct.
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** The wall clock as a floating `Date` (UTC fields = local fields), the form `rrule` iterates on. */
export function toFloating(clock: WallClock): Date {
  const date = new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second));
  // Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(clock.year);
  return date;
}

export function fromFloating(floating: Date): WallClock {
  return {
    year: floating.getUTCFullYear(),
    month: floating.getUTCMonth() + 1,
    day: floating.getUTCDate(),
    hour: floating.getUTCHours(),
    minute: floating.getUTCMinutes(),
    second: floating.getUTCSeconds(),
  };
}

/** Offset of `zone` from UTC at `instant`, in milliseconds (Paris in summer: +7 200 000). */
export function offsetAt(instant: Date, zone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return toFloating(wallClockAt(whole, zone)).getTime() - whole.getTime();
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall clock denotes in `zone`, resolved as RFC 5545 §3.3.5 requires: a time that occurs
 * twice (clocks going back) means the first of the two; a time skipped by a gap (clocks going forward) is
 * read with the offset in force before the gap, which moves it forward by the gap's length.
 */
export function instantFromWallClock(clock: WallClock, zone: string): Date {
  const floating = toFloating(clock).getTime();
  // Transitions are at least days apart, so the offsets a day either side are the only candidates.
  const offsetBefore = offsetAt(new Date(floating - DAY_MS), zone);
  const offsetAfter = offsetAt(new Date(floating + DAY_MS), zone);
  const candidates = [floating - offsetBefore, floating - offsetAfter]
    .filter((time) => offsetAt(new Date(time), zone) === floating - time)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? floating - offsetBefore);
}

/** `YYYY-MM-DD` of a floating date, the form all-day occurrences travel in. */
export function floatingDateString(floating: Date): string {
  return floating.toISOString().slice(0, 10);
}
