import type { EventOccurrence, OccurrencePage } from '../../../src/components/event-calendar/types.js';
import { type FakeCall, FakeClient, type FakeClientOptions } from '../../helpers/fake-client.js';

/** A weekly webinar organised from Nairobi, seen from Paris in the tests (one hour apart in November). */
export function occurrence(patch: Partial<EventOccurrence> = {}): EventOccurrence {
  return {
    id: '12',
    community: 'water',
    organiser: { id: '3', name: 'Amina Diallo', avatarUrl: null, presence: 'listed' },
    title: 'Drip irrigation clinic',
    description: 'Bring your questions about filters and pumps.',
    descriptionHtml: '<p>Bring your questions about filters and pumps.</p>',
    kind: 'webinar',
    start: '2026-11-10T11:00:00.000Z',
    end: '2026-11-10T12:30:00.000Z',
    startDate: null,
    endDate: null,
    startsAt: '2026-11-03T11:00:00.000Z',
    endsAt: '2026-11-03T12:30:00.000Z',
    timeZone: 'Africa/Nairobi',
    allDay: false,
    recurring: true,
    rrule: patch.recurring === false ? null : 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
    exdates: [],
    mode: 'online',
    location: null,
    joinUrl: 'https://meet.example.org/drip',
    capacity: 2,
    cancelled: false,
    sequence: 0,
    seriesId: null,
    recurrenceId: null,
    updatedAt: '2026-10-01T08:00:00.000Z',
    attendance: { going: 2, maybe: 1, waitlisted: 0 },
    viewerRsvp: null,
    ...patch,
  };
}

export const novemberEvents: EventOccurrence[] = [
  occurrence(),
  occurrence({ start: '2026-11-17T11:00:00.000Z', end: '2026-11-17T12:30:00.000Z' }),
  occurrence({
    id: '20',
    title: 'Peer assist: Sahel boreholes',
    kind: 'workshop',
    mode: 'in-person',
    location: 'Dakar',
    joinUrl: null,
    recurring: false,
    timeZone: 'Africa/Dakar',
    capacity: null,
    allDay: true,
    start: '2026-11-12T00:00:00.000Z',
    end: '2026-11-14T00:00:00.000Z',
    startDate: '2026-11-12',
    endDate: '2026-11-14',
  }),
  // 23:30 in Paris on the 24th is the 25th in Nairobi: the day is the viewer's.
  occurrence({
    id: '21',
    title: 'Late call',
    kind: 'meeting',
    start: '2026-11-24T22:30:00.000Z',
    end: '2026-11-24T23:00:00.000Z',
    recurring: false,
  }),
];

export function manyEvents(count: number): EventOccurrence[] {
  return Array.from({ length: count }, (_, index) => {
    const day = 1 + (index % 30);
    const hour = 6 + (index % 12);
    const start = `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    return occurrence({
      id: String(1000 + index),
      title: `Session ${index + 1}`,
      start,
      end: start.replace(/T(\d{2})/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
      recurring: false,
      kind: (['webinar', 'workshop', 'meeting', 'learning-event', 'other'] as const)[index % 5],
    });
  });
}

/**
 * Routes answering the list (in start order and paged by 100, like the server), one occurrence, the
 * .ics download and RSVPs with a waitlist.
 */
export function calendarRoutes(items: readonly EventOccurrence[] = novemberEvents): Record<string, unknown> {
  const byStart = [...items].sort((a, b) => a.start.localeCompare(b.start) || Number(a.id) - Number(b.id));
  return {
    'GET /v1/events': ({ query }: FakeCall): OccurrencePage => {
      const offset = Number(query.cursor ?? 0);
      const slice = byStart.slice(offset, offset + 100);
      return { items: slice, next: offset + 100 < byStart.length ? String(offset + 100) : null };
    },
    'GET /v1/events/:id': ({ params, query }: FakeCall) =>
      items.find((item) => item.id === params.id && item.start === query.occurrence) ?? items[0],
    'GET /v1/events/:id.ics': ({ params }: FakeCall) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:event-${params.id}@grove.test\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
    'POST /v1/events/:id/rsvp': ({ body }: FakeCall) => {
      const { status, occurrence: start } = body as { status: string; occurrence: string };
      const waitlisted = status === 'going';
      return { occurrence: start, status, waitlisted, position: waitlisted ? 1 : null };
    },
  };
}

export function calendarClient(items: readonly EventOccurrence[] = novemberEvents, options: FakeClientOptions = {}): FakeClient {
  return new FakeClient(calendarRoutes(items), options);
}

/**
 * A facilitator of `water`: the calendar's routes plus the community (viewerRole) and the event writes,
 * which answer as the server does (a new event is the first occurrence; a cancellation marks it).
 */
export function facilitatorRoutes(
  items: readonly EventOccurrence[] = novemberEvents,
  role: 'facilitator' | 'member' = 'facilitator',
): Record<string, unknown> {
  const byId = (id: string) => items.find((item) => item.id === id) ?? occurrence({ id });
  return {
    ...calendarRoutes(items),
    'GET /v1/communities/:slug': ({ params }: FakeCall) => ({ slug: params.slug, name: 'Water', viewerRole: role }),
    'POST /v1/events': ({ body }: FakeCall) => {
      const input = body as Partial<EventOccurrence>;
      return occurrence({ ...input, id: '99', recurring: input.rrule !== null, start: input.startsAt, end: input.endsAt, sequence: 0 });
    },
    'PATCH /v1/events/:id': ({ params, body }: FakeCall) => ({
      ...byId(params.id ?? ''),
      ...(body as object),
      sequence: byId(params.id ?? '').sequence + 1,
    }),
    'POST /v1/events/:id/occurrence-edits': ({ params, body }: FakeCall) => ({
      ...byId(params.id ?? ''),
      ...(body as object),
      id: '98',
      rrule: null,
      recurring: false,
    }),
    'POST /v1/events/:id/cancellation': ({ params }: FakeCall) => ({ ...byId(params.id ?? ''), cancelled: true }),
  };
}

export const facilitatorClient = (items?: readonly EventOccurrence[], role?: 'facilitator' | 'member'): FakeClient =>
  new FakeClient(facilitatorRoutes(items, role), { authenticated: true });
