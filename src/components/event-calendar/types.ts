/**
 * The API shapes the calendar reads (`EventOccurrence` and `Rsvp` in api/openapi.json). Declared here
 * structurally so the widget compiles before the generated contract types exist.
 */
export type EventKind = 'webinar' | 'workshop' | 'meeting' | 'learning-event' | 'other';
export type EventMode = 'online' | 'in-person' | 'hybrid';
export type RsvpStatus = 'going' | 'maybe' | 'not-going';

export interface Rsvp {
  /** Start instant of the occurrence answered. */
  occurrence: string;
  status: RsvpStatus;
  /** Going, but beyond capacity. */
  waitlisted: boolean;
  /** 1-based waitlist position when waitlisted. */
  position: number | null;
}

/** One occurrence of an event (a single event has one), as `GET /v1/events` lists them. */
export interface EventOccurrence {
  id: string;
  community: string;
  organiser: { id: string; name: string; avatarUrl?: string | null };
  title: string;
  description: string;
  kind: EventKind;
  /** This occurrence's start and end instants (ISO 8601, UTC). */
  start: string;
  end: string;
  /** All-day only: first day and the day after the last, in no time zone. */
  startDate: string | null;
  endDate: string | null;
  /** The organiser's IANA zone. */
  timeZone: string;
  allDay: boolean;
  recurring: boolean;
  mode: EventMode;
  location: string | null;
  joinUrl: string | null;
  capacity: number | null;
  cancelled: boolean;
  attendance: { going: number; maybe: number; waitlisted: number };
  viewerRsvp: Rsvp | null;
}

export interface OccurrencePage {
  items: EventOccurrence[];
  next: string | null;
}

export type CalendarView = 'month' | 'week' | 'agenda';
