import { intl } from '../../i18n/format-message.js';
import type { CalendarDate } from './date-grid.js';

/**
 * The calendar's own date and time texts (no other widget shows these), in the viewer's (or the
 * `time-zone` attribute's) zone, through the shared `Intl` cache. Calendar dates are formatted at UTC
 * midnight with `timeZone: 'UTC'`, so no zone can shift them a day.
 */
const format = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => intl(Intl.DateTimeFormat, locale, options);

const utcMidnight = (date: CalendarDate): Date => new Date(`${date}T00:00:00Z`);

export function formatCalendarDate(locale: string, date: CalendarDate, options: Intl.DateTimeFormatOptions): string {
  return format(locale, { ...options, timeZone: 'UTC' }).format(utcMidnight(date));
}

export function formatTime(locale: string, instant: string, zone: string): string {
  return format(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(new Date(instant));
}
