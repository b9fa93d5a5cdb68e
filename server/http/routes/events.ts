/** Events: the HTTP face of server/calendar/events.ts, plus the iCalendar downloads. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { answerRsvp, communityFeedIcs, eventIcs, getOccurrence, listOccurrences } from '../../calendar/events.ts';
import { icsResponse } from '../../calendar/ics-response.ts';
import { requireViewer } from '../../communities/access.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, page, Slug } from '../../contract/common.ts';
import { EventOccurrence, EventQuery, OccurrenceQuery, RsvpInput, ViewerRsvp } from '../../contract/events.ts';
import { notFound } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';
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
  summary: "A community's events as an iCalendar subscription feed (webcal); public communities only without a token",
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: calendarContent('The feed'), 304: { description: 'Not modified' }, ...errorResponses(404) },
});

export function registerEvents(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json(await listOccurrences(c.var.db, c.req.valid('query'), c.var.viewer), 200));

  // Before `/events/{id}`, whose plain `:id` would otherwise take `42.ics` and refuse it as an id.
  // Documented without its middleware (anyone() has none), which the document must not contain.
  const { middleware: noMiddleware, ...eventIcsDocument } = eventIcsRoute;
  if (noMiddleware.length > 0) throw new Error('the .ics route takes no middleware');
  app.openAPIRegistry.registerPath(eventIcsDocument);
  app.get('/api/v1/events/:file{[0-9]+\\.ics}', async (c) => {
    const id = c.req.param('file').slice(0, -'.ics'.length);
    if (!Id.safeParse(id).success) throw notFound('The event');
    const event = await eventIcs(c.var.db, id, c.var.viewer, uidDomain(c));
    return icsResponse(event.text, { filename: `event-${event.id}.ics`, isPublic: event.isPublic, ifNoneMatch: c.req.header('if-none-match') });
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getOccurrence(c.var.db, id, c.req.valid('query').occurrence, c.var.viewer), 200);
  });

  app.openapi(rsvpRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    return c.json(await answerRsvp(c.var.db, c.req.valid('param').id, c.req.valid('json'), viewer, c.var.mail), 200);
  });

  app.openapi(feedRoute, async (c) => {
    const feed = await communityFeedIcs(c.var.db, c.req.valid('param').slug, c.var.viewer, uidDomain(c), c.req.url);
    return icsResponse(feed.text, { isPublic: feed.isPublic, ifNoneMatch: c.req.header('if-none-match') });
  });
}
