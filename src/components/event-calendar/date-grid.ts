/**
 * Calendar arithmetic for the views, on plain calendar dates (`YYYY-MM-DD`, no zone) so the grid never
 * depends on the browser's own time zone. Instants become dates only through `zonedDate` with an explicit
 * zone. Recurrence is not here: the server expands it.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;
/** ISO weekday, 1 = Monday … 7 = Sunday (the numbering of `Intl.Locale#getWeekInfo`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date as a UTC-midnight `Date`, for arithmetic only. */
function toUtc(date: CalendarDate): Date {
  const [, year, month, day] = DATE_PATTERN.exec(date) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

/** True for a real date (`2026-02-30` is not). */
export function isCalendarDate(value: string): boolean {
  return DATE_PATTERN.test(value) && fromUtc(toUtc(value)) === value;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Same day `months` later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const start = toUtc(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return fromUtc(target);
}

export function weekdayOf(date: CalendarDate): Weekday {
  return (((toUtc(date).getUTCDay() + 6) % 7) + 1) as Weekday;
}

export function sameMonth(a: CalendarDate, b: CalendarDate): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** The first day of the week containing `date`, for a week starting on `firstDay`. */
export function startOfWeek(date: CalendarDate, firstDay: Weekday): CalendarDate {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7));
}

/** The seven dates of `date`'s week. */
export function weekDates(date: CalendarDate, firstDay: Weekday): CalendarDate[] {
  const start = startOfWeek(date, firstDay);
  return Array.from({ length: 7 }, (_, index) => addDays(start, index));
}

/** The weeks (rows of seven dates) that cover `date`'s month; neighbouring days fill the edges. */
export function monthWeeks(date: CalendarDate, firstDay: Weekday): CalendarDate[][] {
  const first = `${date.slice(0, 7)}-01`;
  const weeks: CalendarDate[][] = [];
  for (let start = startOfWeek(first, firstDay); sameMonth(start, first) || weeks.length === 0; start = addDays(start, 7)) {
    weeks.push(weekDates(start, firstDay));
  }
  return weeks;
}

/**
 * Sunday-first and Saturday-first regions (CLDR weekData), for browsers without `Intl.Locale#getWeekInfo`
 * (Firefox until 2025). Every other region starts on Monday.
 */
const SUNDAY_FIRST = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_FIRST = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

interface WeekInfoLocale extends Intl.Locale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** The first day of the week where `locale` is used: `en-US` Sunday, `fr` Monday, `ar` (Egypt) Saturday. */
export function firstDayOfWeek(locale: string): Weekday {
  let info: WeekInfoLocale;
  try {
    info = new Intl.Locale(locale).maximize();
  } catch {
    return 1;
  }
  const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
  if (firstDay && firstDay >= 1 && firstDay <= 7) return firstDay as Weekday;
  const region = info.region ?? '';
  return SUNDAY_FIRST.has(region) ? 7 : SATURDAY_FIRST.has(region) ? 6 : 1;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date shown in `zone` at `instant`. */
export function zonedDate(instant: Date, zone: string): CalendarDate {
  let format = dateFormatters.get(zone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD in every browser.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(zone, format);
  }
  return format.format(instant);
}

/** True when the platform knows the IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The viewer's own zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The instants to ask the server for so that every occurrence touching `first`..`last` in any zone
 * arrives: zones lie within ±14 h of UTC, so a day's margin either side is enough. Days are then
 * assigned by `zonedDate` in the viewer's zone.
 */
export function requestRange(first: CalendarDate, last: CalendarDate): { from: string; to: string } {
  return { from: `${addDays(first, -1)}T00:00:00.000Z`, to: `${addDays(last, 2)}T00:00:00.000Z` };
}

/** What the grid needs of an occurrence. All-day occurrences carry dates and ignore zones. */
export interface Placeable {
  start: string;
  end: string;
  allDay: boolean;
  startDate?: string | null;
  endDate?: string | null;
}

/** The dates (in `zone`) an occurrence covers, first to last, at most `cap` of them. */
export function datesCovered(item: Placeable, zone: string, cap = 42): CalendarDate[] {
  const first = item.allDay && item.startDate ? item.startDate : zonedDate(new Date(item.start), zone);
  // End instants are exclusive: an event ending at midnight does not spill into the next day.
  const endInstant = Math.max(new Date(item.start).getTime(), new Date(item.end).getTime() - 1);
  const last = item.allDay && item.endDate ? addDays(item.endDate, -1) : zonedDate(new Date(endInstant), zone);
  const dates: CalendarDate[] = [];
  for (let date = first; date <= last && dates.length < cap; date = addDays(date, 1)) dates.push(date);
  return dates.length ? dates : [first];
}

/** Occurrences per date, in the order given (sort by start first). */
export function groupByDate<T extends Placeable>(items: readonly T[], zone: string): Map<CalendarDate, T[]> {
  const days = new Map<CalendarDate, T[]>();
  for (const item of items) {
    for (const date of datesCovered(item, zone)) {
      const list = days.get(date);
      if (list) list.push(item);
      else days.set(date, [item]);
    }
  }
  return days;
}
