import { z } from '@hono/zod-openapi';
import { Id, MemberRef, Slug, Timestamp } from './common.ts';

export const RsvpStatus = z.enum(['going', 'maybe', 'not-going']);

export const ViewerRsvp = z
  .object({
    occurrence: Timestamp,
    status: RsvpStatus,
    waitlisted: z.boolean().openapi({ description: 'Going, but beyond capacity: on the waitlist' }),
    position: z.number().int().nullable().openapi({ description: 'Waitlist position (1-based) when waitlisted' }),
  })
  .openapi('Rsvp');

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
    attendance: z.object({ going: z.number().int(), maybe: z.number().int(), waitlisted: z.number().int() }).openapi({
      description: 'For the first occurrence',
    }),
    viewerRsvp: ViewerRsvp.nullable(),
  })
  .openapi('Event');

export const EventQuery = z.object({
  community: Slug.optional(),
  from: Timestamp.optional().openapi({ description: 'Default now' }),
  to: Timestamp.optional().openapi({ description: 'Default from + 90 days; at most 400 days after from' }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const RsvpInput = z
  .object({
    status: RsvpStatus,
    occurrence: Timestamp.optional().openapi({ description: 'Start of the occurrence; default the first' }),
  })
  .openapi('RsvpInput');
