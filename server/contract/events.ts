import { z } from '@hono/zod-openapi';
import { Cursor, Id, MemberRef, Slug, Timestamp } from './common.ts';

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

/** The event as stored: a single event, or a series with its rule and exceptions. */
export const Event = z
  .object({
    id: Id,
    community: Slug,
    organiser: MemberRef,
    title: z.string(),
    description: z.string(),
    kind: z.enum(['webinar', 'workshop', 'meeting', 'learning-event', 'other']),
    startsAt: Timestamp.openapi({ description: 'UTC instant of the first occurrence' }),
    endsAt: Timestamp,
    timeZone: z.string().openapi({ description: "Organiser's IANA zone; recurrence expands in it" }),
    allDay: z.boolean(),
    rrule: z.string().nullable().openapi({ description: 'RFC 5545 RRULE value without the "RRULE:" prefix' }),
    exdates: z.array(Timestamp),
    mode: z.enum(['in-person', 'online', 'hybrid']),
    location: z.string().nullable(),
    joinUrl: z.string().nullable(),
    capacity: z.number().int().nullable(),
    cancelled: z.boolean(),
    sequence: z.number().int(),
    updatedAt: Timestamp,
    attendance: Attendance,
    viewerRsvp: z.union([ViewerRsvp, z.null()]).openapi({ description: "The viewer's answer for this occurrence; null when none or anonymous" }),
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
