/**
 * iCalendar (RFC 5545, with NAME/REFRESH-INTERVAL/CONFERENCE from RFC 7986) for one event or a community
 * feed. Decisions:
 * - Timed events are written in the organiser's zone (`DTSTART;TZID=…` plus a VTIMEZONE), never in UTC:
 *   an RRULE over UTC instants would shift by an hour at every DST change. All-day events use DATE values.
 *   RRULE UNTIL and EXDATE follow DTSTART's value type, as §3.3.10 and §3.8.5.1 require.
 * - UID is `event-<id>@<domain>`, so re-imports and feed refreshes update instead of duplicating.
 * - DTSTAMP is the event's last update, not the time of the request: unchanged events produce identical
 *   bytes, which keeps ETags and client caches valid. SEQUENCE is the stored counter bumped on every edit.
 * - Whole-event cancellation is STATUS:CANCELLED (kept in the feed so clients remove it); a cancelled
 *   occurrence is an EXDATE.
 */
import { CRLF, escapeText, formatDate, formatLocalDateTime, formatUtcDateTime, property, uriValue } from './ics-text.ts';
import { type RecurringEvent, ruleFor } from './recurrence.ts';
import { parseRule } from './rule.ts';
import { vtimezone } from './vtimezone.ts';
import { instantFromWallClock, wallClockAt } from './zone.ts';

export interface IcsEvent extends RecurringEvent {
  id: string;
  title: string;
  description: string;
  kind: string;
  mode: 'online' | 'in-person' | 'hybrid';
  location: string | null;
  joinUrl: string | null;
  cancelled: boolean;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  /** A page about the event (e.g. the API resource or a site page), written as URL. */
  url?: string;
  /**
   * In invitations only: this VEVENT is one instance of a series (RFC 5545 RECURRENCE-ID), written with
   * the series' UID so a client replaces that instance (an occurrence edited on its own or cancelled).
   */
  instanceOf?: { seriesId: string; recurrenceId: Date };
}

/** iTIP (RFC 5546) headers of an invitation mailed to one attendee. */
export interface Invitation {
  method: 'REQUEST' | 'CANCEL';
  organizer: { name: string; address: string };
  attendee: { name: string; address: string };
}

export interface IcsOptions {
  /** Host name in UIDs, e.g. `grove.example.org`; must not change once calendars are subscribed. */
  domain: string;
  /** Reference time for how far ahead VTIMEZONEs of open-ended rules reach (default now). */
  now?: Date;
}

export interface FeedOptions extends IcsOptions {
  name: string;
  description?: string;
  /** The feed's own URL (RFC 7986 SOURCE). */
  source?: string;
}

const PRODUCT_ID = '-//Grove//Grove event calendar 1.0//EN';
/** How many years past `now` an open-ended rule's VTIMEZONE covers. */
const OPEN_ENDED_YEARS = 2;

function dateTimeProperty(name: string, instant: Date, event: IcsEvent): string {
  const clock = wallClockAt(instant, event.timeZone);
  return event.allDay
    ? property(name, formatDate(clock), { VALUE: 'DATE' })
    : property(name, formatLocalDateTime(clock), { TZID: event.timeZone });
}

/** The RRULE with UNTIL rewritten to DTSTART's value type: DATE for all-day, UTC DATE-TIME otherwise. */
function ruleProperty(event: IcsEvent, rrule: string): string {
  const parsed = parseRule(rrule, event.allDay);
  const parts = parsed.parts.map(([key, value]) => `${key}=${value}`);
  const rule = ruleFor(event, parsed);
  const until = rule?.options.until;
  if (until) {
    const clock = {
      year: until.getUTCFullYear(),
      month: until.getUTCMonth() + 1,
      day: until.getUTCDate(),
      hour: until.getUTCHours(),
      minute: until.getUTCMinutes(),
      second: until.getUTCSeconds(),
    };
    parts.splice(1, 0, `UNTIL=${event.allDay ? formatDate(clock) : formatUtcDateTime(instantFromWallClock(clock, event.timeZone))}`);
  }
  return property('RRULE', parts.join(';'));
}

function exdateProperty(event: IcsEvent): string[] {
  if (event.exdates.length === 0) return [];
  const values = event.exdates.map((date) => {
    const clock = wallClockAt(date, event.timeZone);
    return event.allDay ? formatDate(clock) : formatLocalDateTime(clock);
  });
  return [property('EXDATE', values.join(','), event.allDay ? { VALUE: 'DATE' } : { TZID: event.timeZone })];
}

function descriptionText(event: IcsEvent): string {
  // Most clients ignore CONFERENCE, so the join link is repeated where every client shows it.
  return event.joinUrl ? `${event.description}\n\n${event.joinUrl}`.trim() : event.description;
}

/** One VEVENT, without a trailing CRLF. */
export function vevent(event: IcsEvent, options: IcsOptions, invitation?: Invitation): string {
  const location = event.location ?? (event.mode === 'online' ? event.joinUrl : null);
  const instance = event.instanceOf;
  const lines = [
    'BEGIN:VEVENT',
    property('UID', `event-${instance?.seriesId ?? event.id}@${options.domain}`),
    ...(instance ? [dateTimeProperty('RECURRENCE-ID', instance.recurrenceId, event)] : []),
    property('DTSTAMP', formatUtcDateTime(event.updatedAt)),
    property('CREATED', formatUtcDateTime(event.createdAt)),
    property('LAST-MODIFIED', formatUtcDateTime(event.updatedAt)),
    property('SEQUENCE', String(event.sequence)),
    dateTimeProperty('DTSTART', event.startsAt, event),
    dateTimeProperty('DTEND', event.endsAt, event),
    ...(event.rrule && !instance ? [ruleProperty(event, event.rrule)] : []),
    ...(instance ? [] : exdateProperty(event)),
    property('SUMMARY', escapeText(event.title)),
    ...(descriptionText(event) ? [property('DESCRIPTION', escapeText(descriptionText(event)))] : []),
    ...(location ? [property('LOCATION', escapeText(location))] : []),
    ...(event.joinUrl ? [property('CONFERENCE', uriValue(event.joinUrl), { VALUE: 'URI', FEATURE: 'VIDEO' })] : []),
    ...(event.url ? [property('URL', uriValue(event.url), { VALUE: 'URI' })] : []),
    property('CATEGORIES', escapeText(event.kind)),
    property('STATUS', event.cancelled || invitation?.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'),
    ...(invitation
      ? [
          property('ORGANIZER', `mailto:${invitation.organizer.address}`, { CN: invitation.organizer.name }),
          property('ATTENDEE', `mailto:${invitation.attendee.address}`, {
            CN: invitation.attendee.name,
            ROLE: 'REQ-PARTICIPANT',
            RSVP: 'FALSE',
          }),
        ]
      : []),
    'END:VEVENT',
  ];
  return lines.join(CRLF);
}

/** The years each zone's VTIMEZONE must cover for these events. */
function zoneYears(events: readonly IcsEvent[], now: Date): Map<string, [number, number]> {
  const years = new Map<string, [number, number]>();
  for (const event of events) {
    if (event.allDay) continue; // DATE values carry no zone
    const first = Math.min(event.startsAt.getUTCFullYear(), event.instanceOf?.recurrenceId.getUTCFullYear() ?? Infinity) - 1;
    let last = event.endsAt.getUTCFullYear() + 1;
    if (event.rrule) {
      const rule = ruleFor(event);
      const bounded = rule !== null && (rule.options.until !== null || rule.options.count !== null);
      const lastOccurrence = bounded ? rule.all().at(-1) : undefined;
      last = Math.max(last, lastOccurrence ? lastOccurrence.getUTCFullYear() + 1 : now.getUTCFullYear() + OPEN_ENDED_YEARS);
    }
    const known = years.get(event.timeZone);
    years.set(event.timeZone, known ? [Math.min(known[0], first), Math.max(known[1], last)] : [first, last]);
  }
  return years;
}

function calendar(header: string[], events: readonly IcsEvent[], options: IcsOptions, invitation?: Invitation): string {
  const zones = [...zoneYears(events, options.now ?? new Date())].map(([zone, [from, to]]) => vtimezone(zone, from, to));
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', PRODUCT_ID),
    'CALSCALE:GREGORIAN',
    `METHOD:${invitation?.method ?? 'PUBLISH'}`,
    ...header,
    ...zones,
    ...events.map((event) => vevent(event, options, invitation)),
    'END:VCALENDAR',
    '',
  ].join(CRLF);
}

/** A complete iCalendar object for one event (a download: "add to my calendar"). */
export function eventCalendar(event: IcsEvent, options: IcsOptions): string {
  return calendar([], [event], options);
}

/**
 * An invitation mailed to one attendee (iTIP, RFC 5546): METHOD:REQUEST for a new or changed event or
 * instance, METHOD:CANCEL for a cancelled one. The caller bumps SEQUENCE before, so clients apply it.
 */
export function invitationCalendar(event: IcsEvent, invitation: Invitation, options: IcsOptions): string {
  return calendar([], [event], options, invitation);
}

/** A subscription feed (webcal) for a community's events. */
export function communityFeed(events: readonly IcsEvent[], options: FeedOptions): string {
  const header = [
    property('NAME', escapeText(options.name)),
    property('X-WR-CALNAME', escapeText(options.name)),
    ...(options.description ? [property('X-WR-CALDESC', escapeText(options.description))] : []),
    ...(options.source ? [property('SOURCE', uriValue(options.source), { VALUE: 'URI' })] : []),
    // Ask subscribed clients to refresh hourly (RFC 7986, and the older Microsoft name).
    property('REFRESH-INTERVAL', 'PT1H', { VALUE: 'DURATION' }),
    property('X-PUBLISHED-TTL', 'PT1H'),
  ];
  return calendar(header, events, options);
}
