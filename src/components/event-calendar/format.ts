import { cached } from '../../i18n/format-message.js';
import { addDays, type CalendarDate } from './date-grid.js';
import type { EventOccurrence } from './types.js';

/**
 * Date and time texts for the calendar, in the viewer's (or the `time-zone` attribute's) zone.
 * Calendar dates are formatted at UTC midnight with `timeZone: 'UTC'`, so no zone can shift them a day.
 */
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`cal:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

const utcMidnight = (date: CalendarDate): Date => new Date(`${date}T00:00:00Z`);

export function formatCalendarDate(locale: string, date: CalendarDate, options: Intl.DateTimeFormatOptions): string {
  return format(locale, { ...options, timeZone: 'UTC' }).format(utcMidnight(date));
}

export function formatTime(locale: string, instant: string, zone: string): string {
  return format(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(new Date(instant));
}

/** "Tuesday 17 March 2026, 14:00 – 15:30", or a date range for all-day occurrences. */
export function formatWhen(locale: string, item: EventOccurrence, zone: string): string {
  if (item.allDay && item.startDate && item.endDate) {
    return format(locale, { dateStyle: 'full', timeZone: 'UTC' }).formatRange(
      utcMidnight(item.startDate),
      utcMidnight(addDays(item.endDate, -1)),
    );
  }
  return format(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).formatRange(new Date(item.start), new Date(item.end));
}

/** The zone's name in the viewer's language, e.g. "Central European Time" (falls back to the IANA id). */
export function zoneName(locale: string, zone: string, at: string): string {
  const parts = format(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date(at));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/** True when two zones show different wall-clock times at `at`. */
export function zonesDiffer(a: string, b: string, at: string): boolean {
  const clock = (zone: string) => format('en', { timeZone: zone, hour: 'numeric', minute: 'numeric', day: 'numeric', hourCycle: 'h23' }).format(new Date(at));
  return clock(a) !== clock(b);
}
