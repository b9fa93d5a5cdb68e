import { type CalendarDate, addDays, addMonths, monthWeeks, startOfWeek, weekDates, type Weekday } from './date-grid.js';
import type { CalendarView } from './types.js';

/**
 * The date a key moves the grid's focus to (WAI-ARIA grid and date picker patterns), or undefined for
 * keys the grid does not handle. Left and right follow the reading direction, so in Arabic the right
 * arrow goes to the previous day. Shift with Page Up/Down moves by a year.
 */
export function dateAfterKey(key: string, shift: boolean, date: CalendarDate, firstDay: Weekday, rtl: boolean): CalendarDate | undefined {
  const forward = rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return addDays(date, forward);
    case 'ArrowLeft':
      return addDays(date, -forward);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'Home':
      return startOfWeek(date, firstDay);
    case 'End':
      return addDays(startOfWeek(date, firstDay), 6);
    case 'PageUp':
      return addMonths(date, shift ? -12 : -1);
    case 'PageDown':
      return addMonths(date, shift ? 12 : 1);
    default:
      return undefined;
  }
}

/** The dates a view shows around `date`: the month's weeks, one week, the day, or the month for the agenda. */
export function visibleDates(view: CalendarView, date: CalendarDate, firstDay: Weekday): CalendarDate[] {
  if (view === 'day') return [date];
  if (view === 'week') return weekDates(date, firstDay);
  if (view === 'month') return monthWeeks(date, firstDay).flat();
  const first = `${date.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const dates: CalendarDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) dates.push(day);
  return dates;
}
