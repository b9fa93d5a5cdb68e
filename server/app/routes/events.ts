import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queryable } from '../../db/index.ts';
import { assertCanContribute, readableCommunity, readableCommunitySql, requireViewer } from '../access.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { AppEnv, Viewer } from '../env.ts';
import { recordFacts } from '../facts.ts';
import { HttpProblem, notFound } from '../problem.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, page } from '../schemas/common.ts';
import { Event, EventQuery, RsvpInput, ViewerRsvp } from '../schemas/events.ts';
import { SqlParams } from '../sql.ts';

const DAY_MS = 86_400_000;

interface EventRow {
  id: string;
  community_id: string;
  community: string;
  organiser_id: string;
  organiser_name: string;
  organiser_avatar: string | null;
  title: string;
  description: string;
  kind: z.infer<typeof Event>['kind'];
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  all_day: boolean;
  rrule: string | null;
  exdates: Date[];
  mode: z.infer<typeof Event>['mode'];
  location: string | null;
  join_url: string | null;
  capacity: number | null;
  cancelled: boolean;
  sequence: number;
  updated_at: Date;
  going: number;
  maybe: number;
}

/** `$1` is the viewer. Attendance counts are for the first occurrence. */
const EVENT_SELECT = `
  select e.*, c.slug as community, o.name as organiser_name, o.avatar_url as organiser_avatar,
         (select count(*)::int from rsvps r where r.event_id = e.id and r.occurrence = e.starts_at and r.status = 'going') as going,
         (select count(*)::int from rsvps r where r.event_id = e.id and r.occurrence = e.starts_at and r.status = 'maybe') as maybe
  from events e join communities c on c.id = e.community_id join members o on o.id = e.organiser_id`;

/** The viewer's RSVP and their place in the queue: the first `capacity` "going" answers get seats. */
async function viewerRsvp(db: Queryable, event: EventRow, occurrence: Date, viewer: Viewer | null) {
  if (!viewer) return null;
  const { rows } = await db.query<{ status: 'going' | 'maybe' | 'not-going'; rank: number | null }>(
    `select r.status,
            case when r.status = 'going' then (select count(*)::int from rsvps q where q.event_id = r.event_id
              and q.occurrence = r.occurrence and q.status = 'going'
              and (q.created_at, q.member_id) <= (r.created_at, r.member_id)) end as rank
     from rsvps r where r.event_id = $1 and r.occurrence = $2 and r.member_id = $3`,
    [event.id, occurrence, viewer.memberId],
  );
  const row = rows[0];
  if (!row) return null;
  const waitlisted = row.rank !== null && event.capacity !== null && row.rank > event.capacity;
  return {
    occurrence: occurrence.toISOString(),
    status: row.status,
    waitlisted,
    position: waitlisted && row.rank !== null && event.capacity !== null ? row.rank - event.capacity : null,
  };
}

async function toEvent(db: Queryable, row: EventRow, viewer: Viewer | null): Promise<z.infer<typeof Event>> {
  const seats = row.capacity ?? Number.POSITIVE_INFINITY;
  return {
    id: row.id,
    community: row.community,
    organiser: { id: row.organiser_id, name: row.organiser_name, avatarUrl: row.organiser_avatar },
    title: row.title,
    description: row.description,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    allDay: row.all_day,
    rrule: row.rrule,
    exdates: row.exdates.map((d) => d.toISOString()),
    mode: row.mode,
    location: row.location,
    joinUrl: row.join_url,
    capacity: row.capacity,
    cancelled: row.cancelled,
    sequence: row.sequence,
    updatedAt: row.updated_at.toISOString(),
    attendance: { going: Math.min(row.going, seats), maybe: row.maybe, waitlisted: Math.max(0, row.going - seats) },
    viewerRsvp: await viewerRsvp(db, row, row.starts_at, viewer),
  };
}

async function requireEvent(db: Queryable, id: string, viewer: Viewer | null) {
  const { rows } = await db.query<EventRow>(`${EVENT_SELECT} where e.id = $2 and ${readableCommunitySql('c', '$1')}`, [
    viewer?.memberId ?? null,
    id,
  ]);
  if (!rows[0]) throw notFound('The event');
  return rows[0];
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/events',
  tags: ['events'],
  summary: 'Events overlapping a time range (recurring series whose first occurrence starts before `to` included as stored)',
  request: { query: EventQuery },
  responses: { 200: jsonContent(page(Event, 'EventPage'), 'A page of events by start'), ...errorResponses(404) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/events/{id}',
  tags: ['events'],
  summary: 'One event',
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Event, 'The event'), ...errorResponses(404) },
});

const rsvpRoute = createRoute({
  method: 'post',
  path: '/api/v1/events/{id}/rsvp',
  tags: ['events'],
  summary: 'Answer going / maybe / not going; beyond capacity "going" joins the waitlist',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(RsvpInput) },
  responses: { 200: jsonContent(ViewerRsvp, 'Your answer and place'), ...errorResponses(401, 403, 404, 409, 422) },
});

export function registerEvents(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const viewer = c.var.viewer;
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 90 * DAY_MS);
    if (to <= from || to.getTime() - from.getTime() > 400 * DAY_MS) {
      throw new HttpProblem(400, '`to` must be after `from` and at most 400 days later', {
        type: 'validation',
        errors: [{ field: 'query.to', message: 'Out of range' }],
      });
    }
    const params = new SqlParams();
    params.add(viewer?.memberId ?? null);
    const where = [readableCommunitySql('c', '$1')];
    if (query.community) {
      const community = await readableCommunity(c.var.db, { slug: query.community }, viewer);
      where.push(`e.community_id = ${params.add(community.id)}`);
    }
    const fromParam = params.add(from);
    const toParam = params.add(to);
    where.push(`e.starts_at < ${toParam} and (e.ends_at >= ${fromParam} or e.rrule is not null)`);
    const after = decodeCursor(query.cursor, ['string', 'string']);
    if (after) where.push(`(e.starts_at, e.id) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::bigint)`);
    const { rows } = await c.var.db.query<EventRow>(
      `${EVENT_SELECT} where ${where.join(' and ')} order by e.starts_at, e.id limit ${params.add(query.limit + 1)}`,
      params.values,
    );
    const items = await Promise.all(rows.slice(0, query.limit).map((row) => toEvent(c.var.db, row, viewer)));
    const last = items[items.length - 1];
    return c.json({ items, next: rows.length > query.limit && last ? encodeCursor([last.startsAt, last.id]) : null }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const row = await requireEvent(c.var.db, c.req.valid('param').id, c.var.viewer);
    return c.json(await toEvent(c.var.db, row, c.var.viewer), 200);
  });

  app.openapi(rsvpRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const db = c.var.db;
    const event = await requireEvent(db, id, viewer);
    assertCanContribute(await readableCommunity(db, { id: event.community_id }, viewer));
    if (event.cancelled) throw new HttpProblem(409, 'This event was cancelled', { type: 'event-cancelled' });
    const occurrence = input.occurrence ? new Date(input.occurrence) : event.starts_at;
    // Single events have one occurrence; series accept any later start (expansion checks come with recurrence).
    const valid = event.rrule ? occurrence >= event.starts_at : occurrence.getTime() === event.starts_at.getTime();
    if (!valid) {
      throw new HttpProblem(422, 'That is not an occurrence of this event', {
        errors: [{ field: 'body.occurrence', message: 'Not an occurrence of this event' }],
      });
    }
    await db.transaction(async (tx) => {
      // Changing to "going" joins the end of the queue; other changes keep one's place.
      const { rows } = await tx.query<{ inserted: boolean }>(
        `insert into rsvps (event_id, occurrence, member_id, status) values ($1, $2, $3, $4)
         on conflict (event_id, occurrence, member_id) do update set status = excluded.status, updated_at = now(),
           created_at = case when rsvps.status <> 'going' and excluded.status = 'going' then now() else rsvps.created_at end
         returning (xmax = 0) as inserted`,
        [id, occurrence, viewer.memberId, input.status],
      );
      if (rows[0]?.inserted && input.status !== 'not-going') {
        await recordFacts(tx, [{ memberId: viewer.memberId, communityId: event.community_id, kind: 'rsvp', subjectId: id }]);
      }
    });
    const answer = await viewerRsvp(db, event, occurrence, viewer);
    if (!answer) throw new Error('RSVP vanished after write');
    return c.json(answer, 200);
  });
}
