/**
 * Expands an event's RRULE and EXDATEs into the occurrences that overlap a requested range.
 *
 * The rule is iterated on floating wall-clock times in the organiser's zone and each result is converted to
 * an instant afterwards, so "every Tuesday 14:00 Europe/Paris" is 13:00Z in winter and 12:00Z in summer.
 * (`rrule`'s own `tzid` option converts through the host's local zone and is unreliable across DST.)
 *
 * Conventions of the stored event (see server/db/migrations/001_init.sql):
 * - `startsAt` is the first occurrence's start instant; a timed occurrence lasts `endsAt - startsAt`
 *   exactly (RFC 5545 §3.8.5.3), whatever DST does in between;
 * - an all-day event spans the organiser-zone calendar days from `startsAt`'s date to `endsAt`'s date,
 *   which is exclusive when `endsAt` is local midnight and inclusive otherwise (both forms are in use);
 * - an EXDATE removes the occurrence starting at that instant, or for all-day events on that local date.
 */
import { type ParsedRule, RRule, parseRule, untilFloating } from './rule.ts';
import { floatingDateString, fromFloating, instantFromWallClock, toFloating, wallClockAt } from './zone.ts';

export interface RecurringEvent {
  startsAt: Date;
  endsAt: Date;
  /** The organiser's IANA zone. */
  timeZone: string;
  allDay: boolean;
  /** RRULE value without the `RRULE:` prefix; null for a single event. */
  rrule: string | null;
  exdates: readonly Date[];
}

export interface Occurrence {
  /** Start instant; for all-day events, local midnight of `startDate` in the organiser's zone. */
  start: Date;
  end: Date;
  /** All-day only: first day and the day after the last, `YYYY-MM-DD`, in no zone at all. */
  startDate?: string;
  endDate?: string;
}

export interface ExpandOptions {
  /** Most occurrences returned for one event (default 1000); the earliest are kept. */
  limit?: number;
}

const DAY_MS = 86_400_000;

/** The floating first day and day count of an all-day event. */
function allDaySpan(event: RecurringEvent): { first: Date; days: number } {
  const start = wallClockAt(event.startsAt, event.timeZone);
  const end = wallClockAt(event.endsAt, event.timeZone);
  const first = toFloating({ ...start, hour: 0, minute: 0, second: 0 });
  const endDay = toFloating({ ...end, hour: 0, minute: 0, second: 0 });
  const endIsMidnight = end.hour === 0 && end.minute === 0 && end.second === 0;
  const days = Math.round((endDay.getTime() - first.getTime()) / DAY_MS) + (endIsMidnight ? 0 : 1);
  return { first, days: Math.max(1, days) };
}

/** Builds the occurrence that starts at a floating wall-clock time. */
function occurrenceAt(event: RecurringEvent, floating: Date, span: { days: number } | null): Occurrence {
  if (span) {
    const endFloating = new Date(floating.getTime() + span.days * DAY_MS);
    return {
      start: instantFromWallClock(fromFloating(floating), event.timeZone),
      end: instantFromWallClock(fromFloating(endFloating), event.timeZone),
      startDate: floatingDateString(floating),
      endDate: floatingDateString(endFloating),
    };
  }
  const start = instantFromWallClock(fromFloating(floating), event.timeZone);
  return { start, end: new Date(start.getTime() + (event.endsAt.getTime() - event.startsAt.getTime())) };
}

function exclusionTest(event: RecurringEvent): (occurrence: Occurrence) => boolean {
  if (event.allDay) {
    const dates = new Set(event.exdates.map((date) => floatingDateString(toFloating(wallClockAt(date, event.timeZone)))));
    return (occurrence) => dates.has(occurrence.startDate ?? '');
  }
  const instants = new Set(event.exdates.map((date) => date.getTime()));
  return (occurrence) => instants.has(occurrence.start.getTime());
}

function overlaps(occurrence: Occurrence, from: Date, to: Date): boolean {
  if (occurrence.start >= to) return false;
  // A zero-length event (a deadline) belongs to the range its instant falls in.
  return occurrence.end > from || occurrence.start >= from;
}

/** Builds the `rrule` iterator for an event, or null for a single event. Throws `InvalidRuleError`. */
export function ruleFor(event: RecurringEvent, parsed?: ParsedRule): InstanceType<typeof RRule> | null {
  if (!event.rrule) return null;
  const rule = parsed ?? parseRule(event.rrule, event.allDay);
  const dtstart = event.allDay ? allDaySpan(event).first : toFloating(wallClockAt(event.startsAt, event.timeZone));
  return new RRule({
    ...rule.options,
    dtstart,
    until: rule.until ? untilFloating(rule.until, event.timeZone, event.allDay) : null,
  });
}

/** The occurrences of `event` overlapping `[from, to)`, earliest first, without the excluded ones. */
export function expandOccurrences(event: RecurringEvent, from: Date, to: Date, options: ExpandOptions = {}): Occurrence[] {
  const limit = options.limit ?? 1000;
  const span = event.allDay ? allDaySpan(event) : null;
  const isExcluded = exclusionTest(event);
  const rule = ruleFor(event);
  const firstFloating = span ? span.first : toFloating(wallClockAt(event.startsAt, event.timeZone));
  if (!rule) {
    const only = occurrenceAt(event, firstFloating, span);
    return overlaps(only, from, to) && !isExcluded(only) ? [only] : [];
  }
  const duration = span ? span.days * DAY_MS : event.endsAt.getTime() - event.startsAt.getTime();
  // Floating and real instants differ by at most ~14 h; a two-day margin either side covers every zone.
  const after = new Date(from.getTime() - duration - 2 * DAY_MS);
  const before = new Date(to.getTime() + 2 * DAY_MS);
  const found: Occurrence[] = [];
  rule.between(after, before, true, (floating) => {
    const occurrence = occurrenceAt(event, floating, span);
    if (overlaps(occurrence, from, to) && !isExcluded(occurrence)) found.push(occurrence);
    return found.length < limit;
  });
  return found;
}

/** Whether an occurrence of `event` starts exactly at `start` (and is not excluded), e.g. to accept an RSVP. */
export function occursAt(event: RecurringEvent, start: Date): boolean {
  const end = new Date(start.getTime() + 1);
  return expandOccurrences(event, start, end).some((occurrence) => occurrence.start.getTime() === start.getTime());
}
