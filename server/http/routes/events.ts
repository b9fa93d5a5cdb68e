/** Events: the HTTP face of server/calendar/events.ts, plus the iCalendar downloads. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { answerRsvp, calendarPage, communityFeedIcs, eventIcs, getOccurrence } from '../../calendar/events.ts';
import { cancelEvent, createEvent, editOccurrence, requireWritableEvent, updateEvent } from '../../calendar/authoring.ts';
import { resetFeedKey, viewerFromFeedKey } from '../../calendar/feed-keys.ts';
import { icsResponse } from '../../calendar/ics-response.ts';
import { requireViewer } from '../../communities/access.ts';
import { errorResponses, Id, IdempotencyHeaders, IfMatchHeaders, jsonBody, jsonContent, page, Slug, Text } from '../../contract/common.ts';
import {
  CancellationInput,
  EventInput,
  EventOccurrence,
  EventPatch,
  EventQuery,
  OccurrenceEditInput,
  OccurrenceQuery,
  RsvpInput,
  ViewerRsvp,
} from '../../contract/events.ts';
import { notFound } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';
import { preparedJson } from '../prepared-json.ts';
import { checkIfMatch, versionETag } from '../middleware/conditional.ts';
import { POST_BODY_BYTES } from '../middleware/body-limit.ts';
import { anyone, signedIn } from '../route-policy.ts';

/** UIDs name the host the calendar came from, so two Grove servers never share one (RFC 5545 §3.8.4.7). */
const uidDomain = (c: Context<AppEnv>): string => new URL(c.req.url).hostname;

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/events',
  operationId: 'listEventOccurrences',
  ...anyone(),
  tags: ['events'],
  summary: 'Occurrences overlapping a time range, recurring series expanded, by start then event id',
  request: { query: EventQuery },
  responses: {
    200: jsonContent(page(EventOccurrence, 'EventOccurrencePage'), 'A page of occurrences'),
    ...errorResponses(404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/events/{id}',
  operationId: 'getEventOccurrence',
  ...anyone(),
  tags: ['events'],
  summary: 'One occurrence of an event (the first by default), with its attendance',
  request: { params: z.object({ id: Id }), query: OccurrenceQuery },
  responses: { 200: jsonContent(EventOccurrence, 'The occurrence'), ...errorResponses(404, 422) },
});

const rsvpRoute = createRoute({
  method: 'post',
  path: '/api/v1/events/{id}/rsvp',
  operationId: 'answerRsvp',
  ...signedIn({ idempotent: true }),
  tags: ['events'],
  summary: 'Answer going / maybe / not going for one occurrence; beyond capacity "going" joins its waitlist',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(RsvpInput) },
  responses: { 200: jsonContent(ViewerRsvp, 'Your answer and place'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/api/v1/events',
  operationId: 'createEvent',
  ...signedIn({ idempotent: true, body: POST_BODY_BYTES }),
  tags: ['events'],
  summary: 'Create an event in a community you facilitate (you are its organiser); 422 names each field at fault',
  request: { headers: IdempotencyHeaders, body: jsonBody(EventInput) },
  responses: {
    201: jsonContent(EventOccurrence, 'The new event, as its first occurrence'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const updateEventRoute = createRoute({
  method: 'patch',
  path: '/api/v1/events/{id}',
  operationId: 'updateEvent',
  ...signedIn({ body: POST_BODY_BYTES }),
  tags: ['events'],
  summary: 'Edit or reschedule an event (facilitators); SEQUENCE bumps, attendees are mailed when time or place changes',
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders, body: jsonBody(EventPatch) },
  responses: {
    200: jsonContent(EventOccurrence, 'The event, as its first occurrence'),
    ...errorResponses(401, 403, 404, 412, 413, 415, 422, 428),
  },
});

const cancelEventRoute = createRoute({
  method: 'post',
  path: '/api/v1/events/{id}/cancellation',
  operationId: 'cancelEvent',
  ...signedIn({ idempotent: true }),
  tags: ['events'],
  summary: 'Cancel the event, or one occurrence of a series (facilitators); attendees get METHOD:CANCEL',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(CancellationInput) },
  responses: {
    200: jsonContent(EventOccurrence, 'The event after the cancellation'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const editOccurrenceRoute = createRoute({
  method: 'post',
  path: '/api/v1/events/{id}/occurrence-edits',
  operationId: 'editEventOccurrence',
  ...signedIn({ idempotent: true, body: POST_BODY_BYTES }),
  tags: ['events'],
  summary: 'Edit one occurrence of a series on its own (facilitators): it becomes an event of its own, the series gets an EXDATE',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(OccurrenceEditInput) },
  responses: {
    201: jsonContent(EventOccurrence, 'The occurrence, now an event of its own'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const calendarContent = (description: string) => ({
  description,
  content: { 'text/calendar': { schema: z.string().openapi({ description: 'RFC 5545 iCalendar' }) } },
});

/** Documented here; routed by hand below because `{id}.ics` is not a whole path segment. */
const eventIcsRoute = createRoute({
  method: 'get',
  path: '/api/v1/events/{id}.ics',
  operationId: 'downloadEvent',
  ...anyone(),
  tags: ['events'],
  summary: 'The event as an iCalendar download (series with RRULE and EXDATE); weak ETag',
  request: { params: z.object({ id: Id }) },
  responses: { 200: calendarContent('The event'), 304: { description: 'Not modified' }, ...errorResponses(404) },
});

const feedRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/events.ics',
  operationId: 'getCommunityEventFeed',
  ...anyone(),
  tags: ['events'],
  summary:
    "A community's events and its sub-communities' as an iCalendar subscription feed (webcal); members-only ones need a token or a feed key",
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({
      key: Text().max(100).optional().openapi({
        description: 'Your calendar feed key (POST /api/v1/calendar/feed-key): the feed as you see it, for clients that send no token',
      }),
    }),
  },
  responses: { 200: calendarContent('The feed'), 304: { description: 'Not modified' }, ...errorResponses(401, 404) },
});

const feedKeyRoute = createRoute({
  method: 'post',
  path: '/api/v1/calendar/feed-key',
  operationId: 'resetCalendarFeedKey',
  ...signedIn({ idempotent: true }),
  tags: ['events'],
  summary: 'A new secret key for your calendar subscriptions (add ?key= to a feed URL); the previous key stops working',
  request: { headers: IdempotencyHeaders },
  responses: {
    200: jsonContent(z.object({ key: z.string() }).openapi('CalendarFeedKey'), 'Your new key; keep it secret'),
    ...errorResponses(401, 409, 422),
  },
});

export function registerEvents(app: OpenAPIHono<AppEnv>): void {
  // An anonymous page is one cached object for every reader: serialised, tagged and gzipped once.
  app.openapi(listRoute, async (c) => preparedJson(c, await calendarPage(c.var.db, c.req.valid('query'), c.var.viewer)));

  // Before `/events/{id}`, whose plain `:id` would otherwise take `42.ics` and refuse it as an id.
  // Documented without its middleware (anyone() has none), which the document must not contain.
  const { middleware: noMiddleware, ...eventIcsDocument } = eventIcsRoute;
  if (noMiddleware.length > 0) throw new Error('the .ics route takes no middleware');
  app.openAPIRegistry.registerPath(eventIcsDocument);
  app.get('/api/v1/events/:file{[0-9]+\\.ics}', async (c) => {
    const id = c.req.param('file').slice(0, -'.ics'.length);
    if (!Id.safeParse(id).success) throw notFound('The event');
    const event = await eventIcs(c.var.db, id, c.var.viewer, uidDomain(c));
    return icsResponse(event.text, {
      filename: `event-${event.id}.ics`,
      isPublic: event.isPublic,
      ifNoneMatch: c.req.header('if-none-match'),
    });
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = await getOccurrence(c.var.db, id, c.req.valid('query').occurrence, c.var.viewer);
    c.header('etag', versionETag(body.sequence));
    return c.json(body, 200);
  });

  app.openapi(createEventRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const body = await createEvent(c.var.db, c.req.valid('json'), viewer);
    c.header('etag', versionETag(body.sequence));
    c.header('location', `/api/v1/events/${body.id}`);
    return c.json(body, 201);
  });

  app.openapi(updateEventRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const row = await requireWritableEvent(c.var.db, c.req.valid('param').id, viewer);
    checkIfMatch(c.req.header('if-match'), row.sequence);
    const body = await updateEvent(c.var.db, row, row.sequence, c.req.valid('json'), viewer, c.var.mail, uidDomain(c));
    c.header('etag', versionETag(body.sequence));
    return c.json(body, 200);
  });

  app.openapi(cancelEventRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const body = await cancelEvent(c.var.db, c.req.valid('param').id, c.req.valid('json'), viewer, c.var.mail, uidDomain(c));
    c.header('etag', versionETag(body.sequence));
    return c.json(body, 200);
  });

  app.openapi(editOccurrenceRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const body = await editOccurrence(c.var.db, c.req.valid('param').id, c.req.valid('json'), viewer, c.var.mail, uidDomain(c));
    c.header('etag', versionETag(body.sequence));
    c.header('location', `/api/v1/events/${body.id}`);
    return c.json(body, 201);
  });

  app.openapi(rsvpRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    return c.json(await answerRsvp(c.var.db, c.req.valid('param').id, c.req.valid('json'), viewer, c.var.mail), 200);
  });

  app.openapi(feedRoute, async (c) => {
    const { key } = c.req.valid('query');
    const viewer = c.var.viewer ?? (key === undefined ? null : await viewerFromFeedKey(c.var.db, key));
    // SOURCE names the feed without the key: a shared calendar file must not carry the secret along.
    const source = new URL(c.req.url);
    source.searchParams.delete('key');
    const feed = await communityFeedIcs(c.var.db, c.req.valid('param').slug, viewer, uidDomain(c), source.href);
    return icsResponse(feed.text, { isPublic: feed.isPublic && key === undefined, ifNoneMatch: c.req.header('if-none-match') });
  });

  app.openapi(feedKeyRoute, async (c) => c.json({ key: await resetFeedKey(c.var.db, requireViewer(c.var.viewer)) }, 200));
}
