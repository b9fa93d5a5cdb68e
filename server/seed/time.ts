/** Time helpers: events are planned in the organiser's zone, stored as UTC instants. */
const DAY_MS = 86_400_000;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at the given instant. */
function offsetMinutes(zone: string, instant: Date): number {
  let format = offsetFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant at which the wall clock in `zone` shows the given UTC-calendar day (ms) and local time. */
export function zonedInstant(dayUtcMs: number, hour: number, minute: number, zone: string): Date {
  const naive = dayUtcMs + (hour * 60 + minute) * 60_000;
  // Two passes settle the offset also on days when it changes (DST).
  let instant = naive - offsetMinutes(zone, new Date(naive)) * 60_000;
  instant = naive - offsetMinutes(zone, new Date(instant)) * 60_000;
  return new Date(instant);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the week containing `date`: the default anchor, so a day's re-seed is identical. */
export function startOfUtcWeek(date: Date): Date {
  const day = startOfUtcDay(date.getTime());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY_MS);
}

/** Two-letter iCalendar weekday of a UTC-calendar day. */
export function icalWeekday(dayUtcMs: number): string {
  return 'SUMOTUWETHFRSA'.slice(new Date(dayUtcMs).getUTCDay() * 2, new Date(dayUtcMs).getUTCDay() * 2 + 2);
}

export { DAY_MS };
