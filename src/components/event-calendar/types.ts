/** The calendar's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

/** One occurrence of an event (a single event has one), as `GET /v1/events` lists them. */
export type EventOccurrence = Schemas['EventOccurrence'];
export type OccurrencePage = Schemas['EventOccurrencePage'];
/** The viewer's answer for one occurrence, with their waitlist place. */
export type Rsvp = Schemas['Rsvp'];
export type RsvpStatus = Rsvp['status'];
export type EventKind = EventOccurrence['kind'];
export type EventMode = EventOccurrence['mode'];

export type CalendarView = 'month' | 'week' | 'day' | 'agenda';
