import { z } from '@hono/zod-openapi';
import { Cursor, Id, MemberRef, orNull, Slug, Text, Timestamp } from './common.ts';

export const RsvpStatus = z.enum(['going', 'maybe', 'not-going']);

export const ViewerRsvp = z
  .object({
    occurrence: Timestamp,
    status: RsvpStatus,
    waitlisted: z.boolean().openapi({ description: 'Going, but beyond capacity: on the waitlist' }),
    position: z.number().int().nullable().openapi({ description: 'Waitlist position (1-based) when waitlisted' }),
  })
  .openapi('Rsvp');

const Attendance = z
  .object({
    going: z.number().int().openapi({ description: 'Seated "going" answers (at most the capacity)' }),
    maybe: z.number().int(),
    waitlisted: z.number().int().openapi({ description: '"Going" answers beyond the capacity' }),
  })
  .openapi('Attendance');

export const EventKind = z.enum(['webinar', 'workshop', 'meeting', 'learning-event', 'other']);
export const EventMode = z.enum(['in-person', 'online', 'hybrid']);

/** The event as stored: a single event, or a series with its rule and exceptions. */
export const Event = z
  .object({
    id: Id,
    community: Slug,
    organiser: MemberRef,
    title: z.string(),
    description: z.string().openapi({ description: 'Markdown, as the facilitator wrote it' }),
    descriptionHtml: z.string().openapi({ description: 'The description rendered and sanitised as posts are' }),
    kind: EventKind,
    startsAt: Timestamp.openapi({ description: 'UTC instant of the first occurrence' }),
    endsAt: Timestamp,
    timeZone: z.string().openapi({ description: "Organiser's IANA zone; recurrence expands in it" }),
    allDay: z.boolean(),
    rrule: z.string().nullable().openapi({ description: 'RFC 5545 RRULE value without the "RRULE:" prefix' }),
    exdates: z.array(Timestamp),
    mode: EventMode,
    location: z.string().nullable(),
    joinUrl: z.string().nullable(),
    capacity: z.number().int().nullable(),
    cancelled: z.boolean(),
    sequence: z.number().int().openapi({
      description:
        'iCalendar SEQUENCE, bumped by every edit; also the version: its ETag is W/"sequence.digest", send it as If-Match to PATCH',
    }),
    seriesId: orNull(Id).openapi({ description: 'For an occurrence edited on its own: the series it was taken out of' }),
    recurrenceId: Timestamp.nullable().openapi({ description: 'For an occurrence edited on its own: its start in the series' }),
    updatedAt: Timestamp,
    attendance: Attendance,
    viewerRsvp: z
      .union([ViewerRsvp, z.null()])
      .openapi({ description: "The viewer's answer for this occurrence; null when none or anonymous" }),
  })
  .openapi('Event');

/**
 * One occurrence of an event (a single event has exactly one): the series' fields plus this
 * occurrence's times; `attendance` and `viewerRsvp` are this occurrence's. Addressed by `id` + `start`.
 */
export const EventOccurrence = Event.extend({
  start: Timestamp.openapi({ description: "This occurrence's start instant" }),
  end: Timestamp.openapi({ description: "This occurrence's end instant" }),
  startDate: z.iso.date().nullable().openapi({ description: 'All-day only: the first day, in no time zone' }),
  endDate: z.iso.date().nullable().openapi({ description: 'All-day only: the day after the last, in no time zone' }),
  recurring: z.boolean().openapi({ description: 'Part of a series (the event has an RRULE)' }),
}).openapi('EventOccurrence');

export const EventQuery = z.object({
  community: Slug.optional().openapi({ description: "The community's events and its sub-communities' (those the viewer may read)" }),
  from: Timestamp.optional().openapi({ description: 'Default now' }),
  to: Timestamp.optional().openapi({ description: 'Default from + 90 days; at most 400 days after from' }),
  cursor: Cursor,
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const OccurrenceQuery = z.object({
  occurrence: Timestamp.optional().openapi({ description: 'Start of the occurrence; default the first' }),
});

export const RsvpInput = z
  .object({
    status: RsvpStatus,
    occurrence: Timestamp.optional().openapi({ description: 'Start of the occurrence; default the first' }),
  })
  .openapi('RsvpInput');

const eventFields = {
  title: Text().trim().min(1).max(200),
  description: Text().max(20_000).openapi({ description: 'Markdown; rendered with the same sanitiser as posts' }),
  kind: EventKind,
  startsAt: Timestamp.openapi({ description: 'First occurrence start (for all-day events: local midnight of the first day)' }),
  endsAt: Timestamp,
  timeZone: Text().max(64).openapi({ description: 'IANA zone, e.g. Europe/Paris', example: 'Europe/Paris' }),
  allDay: z.boolean(),
  rrule: Text().max(500).nullable().openapi({
    description: 'RFC 5545 RRULE value (FREQ DAILY to YEARLY, at most COUNT=1000), or null for a single event',
    example: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630',
  }),
  exdates: z.array(Timestamp).max(500).openapi({ description: 'Starts of cancelled occurrences' }),
  mode: EventMode,
  location: Text().trim().max(500).nullable().openapi({ description: 'The place; required in person and hybrid' }),
  joinUrl: Text().max(2000).nullable().openapi({ description: 'http(s) link; required online and hybrid' }),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .nullable()
    .openapi({ description: 'Seats per occurrence; beyond it "going" joins a waitlist' }),
};

/** A new event, in a community the author facilitates. */
export const EventInput = z
  .object({
    community: Slug,
    ...eventFields,
    description: eventFields.description.default(''),
    kind: eventFields.kind.default('meeting'),
    allDay: eventFields.allDay.default(false),
    rrule: eventFields.rrule.default(null),
    exdates: eventFields.exdates.default([]),
    location: eventFields.location.default(null),
    joinUrl: eventFields.joinUrl.default(null),
    capacity: eventFields.capacity.default(null),
  })
  .openapi('EventInput');

/** The fields to change; the rest stay. Attendees are mailed when the time or place changes. */
export const EventPatch = z.object(eventFields).partial().openapi('EventPatch');

/** One occurrence edited on its own: its start in the series plus the fields that differ. */
export const OccurrenceEditInput = z
  .object({
    occurrence: Timestamp.openapi({ description: 'Start of the occurrence in the series' }),
    ...eventFields,
  })
  .partial()
  .required({ occurrence: true })
  .omit({ rrule: true, exdates: true })
  .openapi('OccurrenceEditInput');

export const CancellationInput = z
  .object({
    occurrence: Timestamp.optional().openapi({ description: 'Cancel only this occurrence (an EXDATE); without it, the whole event' }),
  })
  .openapi('CancellationInput');
