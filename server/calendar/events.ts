/**
 * Events: occurrences listed for a range (recurrence expanded here, never in the browser), one
 * occurrence by its start, RSVPs per occurrence, and iCalendar text for one event or a community's feed.
 */
import type { z } from '@hono/zod-openapi';
import { assertCanContribute, readableCommunity, readableCommunitySql } from '../communities/access.ts';
import type { EventOccurrence, EventQuery, RsvpInput } from '../contract/events.ts';
import type { Database, Queryable } from '../db/index.ts';
import type { MailContext } from '../mail/compose.ts';
import { mailWaitlistPromotion } from '../mail/notify.ts';
import { renderMarkdown } from '../discussion/markdown.ts';
import { recordFacts } from '../participation/facts.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { HttpProblem, notFound } from '../shared/problem.ts';
import { Memo } from '../shared/memo.ts';
import { cached, readCache } from '../db/read-cache.ts';
import { SqlParams } from '../shared/sql.ts';
import { safeLink } from '../shared/urls.ts';
import type { Viewer } from '../shared/viewer.ts';
import { memberRef } from '../communities/visibility.ts';
import {
  type AnswerCounts,
  EVENT_COLUMNS,
  EVENT_SELECT,
  type EventRow,
  icsEvent,
  occurrenceState,
  occurrenceStates,
  type OccurrenceState,
  seriesEndedSql,
} from './event-store.ts';
import {
  communityFeed,
  compareOccurrenceKeys,
  eventCalendar,
  expandOccurrences,
  type IcsEvent,
  InvalidRuleError,
  type Occurrence,
  occurrencePage,
  parseRule,
} from './index.ts';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;
/** A feed keeps half a year of past events (clients drop what disappears) and every series. */
const FEED_PAST_DAYS = 180;
const FEED_MAX_EVENTS = 1000;
/** Far enough to find the first occurrence of any rule the server accepts. */
const FIRST_OCCURRENCE_HORIZON_MS = 100 * 366 * DAY_MS;

export /** SQL: community `$1` and every community below it (community_tree, migration 090). */
const SCOPE_SQL = `select community_id from community_tree where ancestor_id = $1`;

/**
 * Events written before authoring stored their HTML (and bulk-seeded ones) are rendered on read: once
 * per text, not once per occurrence and request.
 */
const renderedDescriptions = new Memo<string>(2_000);

export type EventOccurrenceBody = z.infer<typeof EventOccurrence>;

/**
 * The event for expansion and iCalendar output. A stored rule the server cannot read (written by hand
 * into the database) must not take a whole listing down: the event then shows as its first occurrence.
 */
export function calendarEvent(row: EventRow): IcsEvent {
  const event = icsEvent(row);
  if (!event.rrule) return event;
  try {
    parseRule(event.rrule, event.allDay);
    return event;
  } catch (error) {
    if (error instanceof InvalidRuleError) return { ...event, rrule: null };
    throw error;
  }
}

export function toOccurrence(row: EventRow, occurrence: Occurrence, state: OccurrenceState): EventOccurrenceBody {
  return {
    id: row.id,
    community: row.community,
    organiser: memberRef(row.organiser_id, row.organiser_name, row.organiser_avatar, row.organiser_presence),
    title: row.title,
    description: row.description,
    descriptionHtml: row.description_html ?? renderedDescriptions.get(row.description, () => renderMarkdown(row.description)),
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    allDay: row.all_day,
    rrule: row.rrule,
    exdates: row.exdates.map((date) => date.toISOString()),
    mode: row.mode,
    location: row.location,
    joinUrl: safeLink(row.join_url),
    capacity: row.capacity,
    cancelled: row.cancelled,
    sequence: row.sequence,
    seriesId: row.series_id,
    recurrenceId: row.recurrence_id?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    start: occurrence.start.toISOString(),
    end: occurrence.end.toISOString(),
    startDate: occurrence.startDate ?? null,
    endDate: occurrence.endDate ?? null,
    recurring: row.rrule !== null,
    ...state,
  };
}

export async function requireEvent(db: Queryable, id: string, viewer: Viewer | null): Promise<EventRow> {
  const { rows } = await db.query<EventRow>(`${EVENT_SELECT} where e.id = $2 and ${readableCommunitySql('c', '$1')}`, [
    viewer?.memberId ?? null,
    id,
  ]);
  if (!rows[0]) throw notFound('The event');
  return rows[0];
}

/** The occurrence starting at `requested`, or the first one; 422 naming `field` when there is none. */
export function findOccurrence(row: EventRow, requested: string | undefined, field: string): Occurrence {
  const event = calendarEvent(row);
  if (requested === undefined) {
    const from = new Date(event.startsAt.getTime() - 2 * DAY_MS);
    const first = expandOccurrences(event, from, new Date(from.getTime() + FIRST_OCCURRENCE_HORIZON_MS), { limit: 1 })[0];
    // Every occurrence excluded: the stored times still describe what was planned.
    return first ?? { start: event.startsAt, end: event.endsAt };
  }
  const start = new Date(requested);
  const found = expandOccurrences(event, start, new Date(start.getTime() + 1)).find((item) => item.start.getTime() === start.getTime());
  if (!found) {
    throw new HttpProblem(422, 'That is not an occurrence of this event', {
      errors: [{ field, message: 'Not the start of an occurrence of this event' }],
    });
  }
  return found;
}

function listRange(query: z.infer<typeof EventQuery>): { from: Date; to: Date } {
  const from = query.from ? new Date(query.from) : new Date();
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + 90 * DAY_MS);
  if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new HttpProblem(400, `\`to\` must be after \`from\` and at most ${MAX_RANGE_DAYS} days later`, {
      type: 'validation',
      errors: [{ field: 'query.to', message: 'Out of range' }],
    });
  }
  return { from, to };
}

function cursorPosition(cursor: string | undefined): { start: Date; eventId: string } | undefined {
  const values = decodeCursor(cursor, ['string', 'string']);
  if (!values) return undefined;
  const [start, eventId] = values as [string, string];
  if (Number.isNaN(Date.parse(start)) || !/^\d{1,19}$/.test(eventId)) {
    throw new HttpProblem(400, 'The cursor is not one this server issued', {
      type: 'validation',
      errors: [{ field: 'query.cursor', message: 'Invalid cursor' }],
    });
  }
  return { start: new Date(start), eventId };
}

/**
 * A calendar page as `listOccurrences` answers it, from memory when it can be: an anonymous page over an
 * explicit range is the same for every reader until an event, an RSVP, a community or an organiser
 * changes (migration 081), so it is computed once per change instead of per request. Signed-in pages
 * carry the viewer's own RSVPs and members-only events; a page without `from` starts at "now". Both are
 * computed each time.
 */
export async function calendarPage(
  db: Database,
  query: z.infer<typeof EventQuery>,
  viewer: Viewer | null,
): Promise<{ items: EventOccurrenceBody[]; next: string | null }> {
  if (viewer || !query.from) return listOccurrences(db, query, viewer);
  const cache = readCache(db, { channel: 'grove_calendar', table: 'calendar_generation' });
  return cached(cache, db, JSON.stringify(query), () => listOccurrences(db, query, null));
}

/** An event with one stored occurrence and its counts (migration 110), or with nulls when it is expanded here. */
interface PageRow extends EventRow {
  occurrence_start: Date | null;
  occurrence_end: Date | null;
  occurrence_start_date: string | null;
  occurrence_end_date: string | null;
  going: number | null;
  maybe: number | null;
}

interface PageItem {
  event: EventRow;
  occurrence: Occurrence;
  /** Read with a stored occurrence; counted afterwards for one expanded here. */
  counts?: AnswerCounts | undefined;
}

/**
 * A page of occurrences overlapping the query's range, by start then event id, in one statement: the
 * stored occurrences (migration 110) read in that order up to `limit + 1`, each with its event and answer
 * counts, plus the events whose stored rows do not reach the end of the range (not written yet, or a
 * series past its horizon), expanded here as before.
 */
export async function listOccurrences(
  db: Queryable,
  query: z.infer<typeof EventQuery>,
  viewer: Viewer | null,
): Promise<{ items: EventOccurrenceBody[]; next: string | null }> {
  const { from, to } = listRange(query);
  const after = cursorPosition(query.cursor);
  const params = new SqlParams();
  const readable = readableCommunitySql('c', params.add(viewer?.memberId ?? null));
  let scope: string | null = null;
  if (query.community) {
    const community = await readableCommunity(db, { slug: query.community }, viewer);
    // A community's calendar includes its sub-communities' events, as its expert finder includes their
    // members: a drip-irrigation webinar belongs on the water calendar. Readability is checked on `c`.
    scope = SCOPE_SQL.replace('$1', () => params.add(community.id));
  }
  const fromParam = `${params.add(from)}::timestamptz`;
  const toParam = `${params.add(to)}::timestamptz`;
  const limitParam = params.add(query.limit + 1);
  const keyset = after
    ? ` and (o.starts_at, o.event_id) > (${params.add(after.start)}::timestamptz, ${params.add(after.eventId)}::bigint)`
    : '';
  const inScope = (column: string) => (scope ? ` and ${column} in (${scope})` : '');
  const readableOccurrence = `exists (select 1 from communities c where c.id = o.community_id and ${readable})`;
  // Occurrences lasting at most a day as a range of starts read in order (with a day's margin; the partial
  // indexes' literal), longer ones by their end; an occurrence overlaps [from, to) when it ends after
  // `from` or, lasting no time, starts at it. Then events whose rows stop before `to`, with the bounds
  // the listing used before migration 110 (a day's margin for all-day midnights).
  const { rows } = await db.query<PageRow>(
    `with page as (
       select o.event_id, o.starts_at, o.ends_at, o.start_date, o.end_date
       from ((select o.event_id, o.starts_at, o.ends_at, o.start_date, o.end_date from event_occurrences o
              where o.ends_at - o.starts_at <= interval '1 day'${inScope('o.community_id')}
                and o.starts_at >= ${fromParam} - interval '1 day' and o.starts_at < ${toParam}${keyset}
                and (o.ends_at > ${fromParam} or o.starts_at >= ${fromParam}) and ${readableOccurrence}
              order by o.starts_at, o.event_id limit ${limitParam})
             union all
             (select o.event_id, o.starts_at, o.ends_at, o.start_date, o.end_date from event_occurrences o
              where o.ends_at - o.starts_at > interval '1 day'${inScope('o.community_id')}
                and o.ends_at > ${fromParam} and o.starts_at < ${toParam}${keyset} and ${readableOccurrence}
              order by o.starts_at, o.event_id limit ${limitParam})) o
       order by o.starts_at, o.event_id limit ${limitParam}
     ), pending as (
       select e.id from events e join communities c on c.id = e.community_id
       where e.occurrences_until < 'infinity' and e.occurrences_until < ${toParam} and ${readable}${inScope('e.community_id')}
         and e.starts_at < ${toParam} + interval '1 day'
         and (case when e.rrule is null then e.ends_at >= ${fromParam} - interval '1 day' else not ${seriesEndedSql(fromParam)} end)
     )
     select ${EVENT_COLUMNS}, p.starts_at as occurrence_start, p.ends_at as occurrence_end,
            p.start_date::text as occurrence_start_date, p.end_date::text as occurrence_end_date, n.going, n.maybe
     from (select * from page
           union all select id, null::timestamptz, null::timestamptz, null::date, null::date from pending) p
     join events e on e.id = p.event_id join communities c on c.id = e.community_id join members o on o.id = e.organiser_id
     left join lateral (select count(*) filter (where r.status = 'going')::int as going, count(*) filter (where r.status = 'maybe')::int as maybe
                        from rsvps r where r.event_id = p.event_id and r.occurrence = p.starts_at) n on p.starts_at is not null`,
    params.values,
  );
  const pending = rows.filter((row) => row.occurrence_start === null);
  const expanded = occurrencePage(
    pending.map((row) => ({ ...calendarEvent(row), row })),
    { from, to, limit: query.limit, after },
  );
  const all = new Map<string, PageItem>();
  for (const item of expanded.items)
    all.set(`${item.event.id}|${item.occurrence.start.getTime()}`, { event: item.event.row, occurrence: item.occurrence });
  let stored = 0;
  for (const row of rows) {
    if (row.occurrence_start === null || row.occurrence_end === null) continue;
    stored++;
    const key = `${row.id}|${row.occurrence_start.getTime()}`;
    if (all.has(key)) continue;
    const occurrence: Occurrence = { start: row.occurrence_start, end: row.occurrence_end };
    if (row.occurrence_start_date !== null && row.occurrence_end_date !== null) {
      Object.assign(occurrence, { startDate: row.occurrence_start_date, endDate: row.occurrence_end_date });
    }
    all.set(key, { event: row, occurrence, counts: { going: row.going ?? 0, maybe: row.maybe ?? 0 } });
  }
  const sorted = [...all.values()].sort((a, b) =>
    compareOccurrenceKeys(a.occurrence.start.getTime(), a.event.id, b.occurrence.start.getTime(), b.event.id),
  );
  const items = sorted.slice(0, query.limit);
  const hasMore = sorted.length > query.limit || expanded.hasMore || stored > query.limit;
  const refs = items.map((item) => ({ event: item.event, start: item.occurrence.start, occurrence: item.occurrence, counts: item.counts }));
  const states = await occurrenceStates(db, refs, viewer?.memberId ?? null, (ref) => ref.counts);
  const body = states.map(([ref, state]) => toOccurrence(ref.event, ref.occurrence, state));
  const last = items.at(-1);
  const next = hasMore && last ? encodeCursor([last.occurrence.start.toISOString(), last.event.id]) : null;
  return { items: body, next };
}

/** One occurrence (the first when `start` is absent) with its attendance. */
export async function getOccurrence(
  db: Queryable,
  id: string,
  start: string | undefined,
  viewer: Viewer | null,
): Promise<EventOccurrenceBody> {
  const row = await requireEvent(db, id, viewer);
  const occurrence = findOccurrence(row, start, 'query.occurrence');
  const state = await occurrenceState(db, { event: row, start: occurrence.start }, viewer?.memberId ?? null);
  return toOccurrence(row, occurrence, state);
}

/** Answers for one occurrence; "going" beyond capacity joins its waitlist. */
export async function answerRsvp(
  db: Database,
  id: string,
  input: z.infer<typeof RsvpInput>,
  viewer: Viewer,
  mail: MailContext | null = null,
) {
  const event = await requireEvent(db, id, viewer);
  assertCanContribute(await readableCommunity(db, { id: event.community_id }, viewer));
  if (event.cancelled) throw new HttpProblem(409, 'This event was cancelled', { type: 'event-cancelled' });
  const occurrence = findOccurrence(event, input.occurrence, 'body.occurrence');
  await db.transaction(async (tx) => {
    const heldSeat = event.capacity !== null && (await holdsSeat(tx, id, occurrence.start, viewer.memberId, event.capacity));
    // Changing to "going" joins the end of the queue; other changes keep one's place.
    const { rows } = await tx.query<{ inserted: boolean }>(
      `insert into rsvps (event_id, occurrence, member_id, status) values ($1, $2, $3, $4)
       on conflict (event_id, occurrence, member_id) do update set status = excluded.status, updated_at = now(),
         created_at = case when rsvps.status <> 'going' and excluded.status = 'going' then now() else rsvps.created_at end
       returning (xmax = 0) as inserted`,
      [id, occurrence.start, viewer.memberId, input.status],
    );
    if (rows[0]?.inserted && input.status !== 'not-going') {
      await recordFacts(tx, [{ memberId: viewer.memberId, communityId: event.community_id, kind: 'rsvp', subjectId: id }]);
    }
    if (heldSeat && input.status !== 'going' && event.capacity !== null && mail) {
      // Everyone behind moved up one: whoever now holds the last seat was first on the waitlist.
      const promoted = await seatHolder(tx, id, occurrence.start, event.capacity);
      if (promoted) {
        await mailWaitlistPromotion(tx, mail, {
          memberId: promoted,
          communityId: event.community_id,
          event: event.title,
          start: occurrence.start,
          timeZone: event.time_zone,
          url: null,
        });
      }
    }
  });
  const state = await occurrenceState(db, { event, start: occurrence.start }, viewer.memberId);
  if (!state.viewerRsvp) throw new Error('RSVP vanished after write');
  return state.viewerRsvp;
}

/** The members going to an occurrence, in the order seats go to them (see event-store.ts). */
const GOING_ORDER = `select member_id from rsvps where event_id = $1 and occurrence = $2 and status = 'going' order by created_at, member_id`;

async function holdsSeat(tx: Queryable, eventId: string, start: Date, memberId: string, capacity: number): Promise<boolean> {
  const { rows } = await tx.query<{ member_id: string }>(`${GOING_ORDER} limit $3`, [eventId, start, capacity]);
  return rows.some((row) => row.member_id === memberId);
}

async function seatHolder(tx: Queryable, eventId: string, start: Date, seat: number): Promise<string | null> {
  const { rows } = await tx.query<{ member_id: string }>(`${GOING_ORDER} offset $3 limit 1`, [eventId, start, seat - 1]);
  return rows[0]?.member_id ?? null;
}

/** One event as iCalendar text, with the visibility of its community (for caching). */
export async function eventIcs(db: Queryable, id: string, viewer: Viewer | null, domain: string) {
  const row = await requireEvent(db, id, viewer);
  return { text: eventCalendar(calendarEvent(row), { domain }), id: row.id, isPublic: row.community_visibility === 'public' };
}

/** A community's events as an iCalendar subscription feed. */
export async function communityFeedIcs(db: Queryable, slug: string, viewer: Viewer | null, domain: string, source: string) {
  const community = await readableCommunity(db, { slug }, viewer);
  const { rows: names } = await db.query<{ name: string; description: string }>('select name, description from communities where id = $1', [
    community.id,
  ]);
  // The newest events when a community has more than a feed holds; written oldest first. Like its calendar
  // (listOccurrences), the feed holds its sub-communities' events, those the viewer may read.
  const { rows } = await db.query<EventRow>(
    `${EVENT_SELECT} where e.community_id in (${SCOPE_SQL}) and ${readableCommunitySql('c', '$4')}
       and (e.rrule is not null or e.ends_at > now() - make_interval(days => $2))
     order by e.starts_at desc, e.id desc limit $3`,
    [community.id, FEED_PAST_DAYS, FEED_MAX_EVENTS, viewer?.memberId ?? null],
  );
  const text = communityFeed(rows.reverse().map(calendarEvent), {
    domain,
    name: names[0]?.name ?? community.slug,
    description: names[0]?.description, // an empty one is left out
    source,
  });
  // A members-only sub-community's events in it make the whole feed private to this viewer.
  return { text, isPublic: community.visibility === 'public' && rows.every((row) => row.community_visibility === 'public') };
}
